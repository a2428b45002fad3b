//! The editor page (`edit.html`, the `edit` binary): the map with a panel
//! beside it in which the map's keepers change facts, sources, themes, the
//! tour, sites, and the zones' names and styles.
//!
//! The panel fetches the content files as the map does and holds their texts,
//! changes them with the pure, format-keeping operations of [`crate::edit`],
//! checks them while the keeper types with the map's own rules
//! ([`crate::edit::check`]), and shows each change on the map at once: the map
//! is mounted again with the content read from the edited texts (the view and
//! the selection carry over through the URL). Saving downloads the changed
//! files under their deployed names, since a static host cannot be written
//! to. A content file dropped on the page is previewed; nothing leaves the
//! browser.
//!
//! One file per form: [`facts`], [`sources`], [`themes`], [`tour`],
//! [`sites`], [`zones`]; [`field`] holds the parts they share and [`save`]
//! the download. Only `src/bin/edit.rs` refers to this module, so none of it
//! is in the visitor's download.

mod facts;
mod field;
mod save;
mod sites;
mod sources;
mod themes;
mod tour;
mod zones;

use std::any::Any;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use self::field::Said;
use super::animate::after_next_paint;
use super::dom::{focus_by_id, focus_element};
use super::load::fetch_all;
use super::url_sync::{read_url, remembered_lang};
use super::App;
use crate::atlas::Lang;
use crate::edit::check::{check_again, Checked};
use crate::edit::records::{Kind, Records};
use crate::edit::{sites as site_edit, Refusal};
use crate::state::content::{Fetched, FILES, LAYER_FILES};
use crate::state::selection::Selection;
use crate::state::text::T;

const RECORD_KINDS: [Kind; 5] = [Kind::Fact, Kind::Source, Kind::Theme, Kind::Stop, Kind::Layer];

/// Puts the focus back on the form's control that last had it (the fact
/// chooser at first), unless it is in the form already.
fn return_focus_to_form(last: StoredValue<Option<web_sys::Element>, LocalStorage>) {
    let in_form = document().active_element().is_some_and(|a| a.closest(".editor").ok().flatten().is_some());
    if in_form {
        return;
    }
    match last.get_value().filter(|e| e.is_connected()) {
        Some(el) => focus_element(&el),
        None => focus_by_id("ed-fact"),
    }
}

/// Fetches the content files as the map does, then mounts the editor panel
/// and the map on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let fetched = fetch_all().await;
        leptos::mount::mount_to_body(move || view! { <Editor fetched/> });
    });
}

/// The texts of the files as they are now, by deployed name.
#[derive(Clone, Copy)]
struct Files {
    records: [RwSignal<Records, LocalStorage>; 5],
    /// The GeoJSON layers, each one feature a line.
    geo: [(&'static str, RwSignal<String>); 5],
    /// The files the editor does not change, as fetched or dropped.
    others: StoredValue<Vec<(&'static str, Fetched)>>,
    /// Each file's text as fetched (`None`: it could not be).
    loaded: StoredValue<Vec<(&'static str, Option<String>)>>,
    /// Each edited file's text as last checked, by deployed name.
    texts: StoredValue<Vec<(&'static str, String)>>,
    /// Bumped when a whole file is replaced (a dropped file), so the forms
    /// read their fields again.
    revision: RwSignal<u32>,
    checked: RwSignal<Checked, LocalStorage>,
    /// The mounted map; dropping it unmounts it.
    map: StoredValue<Option<Box<dyn Any>>, LocalStorage>,
    /// The form's control that last had the focus.
    last_in_form: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl Files {
    fn load(fetched: Vec<(&'static str, Fetched)>) -> Files {
        let text = |name: &str| match fetched.iter().find(|(n, _)| *n == name) {
            Some((_, Fetched::Text(t))) => Some(t.clone()),
            _ => None,
        };
        let records = RECORD_KINDS.map(|k| {
            let t = text(k.file()).unwrap_or_default();
            let r = Records::parse(k, &t).unwrap_or_else(|_| Records::parse(k, "").expect("empty TOML parses"));
            RwSignal::new_local(r)
        });
        let geo = LAYER_FILES.map(|n| (n, RwSignal::new(text(n).unwrap_or_default())));
        let loaded = FILES.iter().map(|n| (*n, text(n))).collect();
        let edited = |n: &str| LAYER_FILES.contains(&n) || RECORD_KINDS.iter().any(|k| k.file() == n);
        let others = fetched.iter().filter(|(n, _)| !edited(n)).cloned().collect();
        let files = Files {
            records,
            geo,
            others: StoredValue::new(others),
            loaded: StoredValue::new(loaded),
            texts: StoredValue::new(Vec::new()),
            revision: RwSignal::new(0),
            checked: RwSignal::new_local(Checked::default()),
            map: StoredValue::new_local(None),
            last_in_form: StoredValue::new_local(None),
        };
        files.recheck();
        files
    }

    fn records(&self, kind: Kind) -> RwSignal<Records, LocalStorage> {
        let i = RECORD_KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        self.records[i]
    }

    /// The text of a GeoJSON layer.
    fn geo(&self, name: &str) -> Option<RwSignal<String>> {
        self.geo.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    fn sites(&self) -> RwSignal<String> {
        self.geo(site_edit::SITES_FILE).unwrap_or(self.geo[0].1)
    }

    /// Each edited file's current text, by deployed name.
    fn current(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> =
            self.records.iter().map(|r| r.with_untracked(|r| (r.kind().file(), r.text()))).collect();
        out.extend(self.geo.iter().map(|(n, t)| (*n, t.get_untracked())));
        out
    }

    /// The files whose text differs from the one fetched.
    fn changed(&self) -> Vec<(&'static str, String)> {
        let loaded = self.loaded.get_value();
        self.current()
            .into_iter()
            .filter(|(name, text)| match loaded.iter().find(|(n, _)| n == name) {
                Some((_, Some(t))) => t != text,
                // A file that could not be fetched is a change once it has text.
                _ => !text.is_empty(),
            })
            .collect()
    }

    /// Reads the files again as the map would and finds every fault.
    fn recheck(&self) {
        let current = self.current();
        let mut all: Vec<(&'static str, Fetched)> =
            current.iter().map(|(n, t)| (*n, Fetched::Text(t.clone()))).collect();
        all.extend(self.others.get_value());
        let checked = self.checked.with_untracked(|c| check_again(&all, Some(c)));
        self.texts.set_value(current);
        self.checked.set(checked);
    }

    /// Changes a record file, then checks everything again.
    fn edit<R>(&self, kind: Kind, f: impl FnOnce(&mut Records) -> Result<R, Refusal>) -> Result<R, Refusal> {
        let mut out = None;
        self.records(kind).update(|r| out = Some(f(r)));
        self.recheck();
        out.unwrap_or(Err(Refusal::Id))
    }

    /// The faults of a field, in the interface language.
    fn field_faults(&self, file: &str, id: &str, key: &str, lang: Lang) -> Vec<Said> {
        let text = self.texts.with_value(|t| t.iter().find(|(n, _)| *n == file).map(|(_, t)| t.clone()));
        self.checked.with(|c| {
            c.field_errors(file, &text.unwrap_or_default(), id, key).iter().map(|e| Said::fault(e, lang)).collect()
        })
    }

    /// The map's centre and zoom now (it keeps them in the address).
    fn view(&self) -> Option<((f64, f64), f64)> {
        let (url, _) = self.checked.with_untracked(|c| read_url(&c.content.layers));
        Some((url.center?, url.zoom?))
    }

    /// The map's size on screen, in pixels.
    fn map_size(&self) -> Option<(f64, f64)> {
        let map = document().query_selector(".app .map").ok().flatten()?;
        let r = map.get_bounding_client_rect();
        Some((r.width(), r.height()))
    }

    /// What the map selects to show a fact: its subject.
    fn subject_selection(&self, subject: &str) -> Selection {
        self.checked.with_untracked(|c| {
            let atlas = &c.content.atlas;
            if atlas.zone(subject).is_some() {
                Selection::Zone(subject.to_owned())
            } else if atlas.site(subject).is_some() {
                Selection::Site(subject.to_owned())
            } else {
                Selection::Theme(subject.to_owned())
            }
        })
    }

    /// Shows the fact `id` on the map: opens its subject.
    fn show_fact(&self, id: &str) {
        let subject = self.records(Kind::Fact).with_untracked(|r| r.get(id, "subject"));
        self.show_on_map(subject.map(|s| self.subject_selection(&s)));
    }

    /// Mounts the map again with the edited content, selecting `selection`
    /// (or keeping what it shows: its view and selection are in the address).
    fn show_on_map(&self, selection: Option<Selection>) {
        if let Some(sel) = selection {
            let (mut url, _) = self.checked.with_untracked(|c| read_url(&c.content.layers));
            url.selection = Some(sel);
            let path = window().location().pathname().unwrap_or_default();
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}?{}", url.encode())));
            }
        }
        let content = self.checked.with_untracked(|c| c.content.clone());
        // The map moves focus into the details it opens; the keeper's focus
        // goes back to the form (after the map's own move, two paints later).
        let last = self.last_in_form;
        after_next_paint(move || after_next_paint(move || return_focus_to_form(last)));
        // Unmount the old map first: both would otherwise claim the same ids.
        self.map.update_value(|m| drop(m.take()));
        let Some(body) = document().body() else { return };
        let handle = leptos::mount::mount_to(body, move || view! { <App content/> });
        self.map.set_value(Some(Box::new(handle)));
    }
}

#[component]
fn Editor(fetched: Vec<(&'static str, Fetched)>) -> impl IntoView {
    let files = Files::load(fetched);
    let (url, _) = files.checked.with_untracked(|c| read_url(&c.content.layers));
    let lang = url.lang.or_else(remembered_lang).unwrap_or_default();
    let site_id = RwSignal::new(site_edit::ids(&files.sites().get_untracked()).into_iter().next().unwrap_or_default());
    sites::place_markers_by_dragging(files, site_id);
    let fact_id =
        RwSignal::new(files.records(Kind::Fact).with_untracked(|r| r.ids().into_iter().next().unwrap_or_default()));
    let notice = RwSignal::new(String::new());
    // The map opens showing the first fact's subject.
    request_animation_frame(move || files.show_fact(&fact_id.get_untracked()));
    let _ = window_event_listener(ev::dragover, |e: web_sys::DragEvent| e.prevent_default());
    let _ = window_event_listener(ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
            for i in 0..list.length() {
                if let Some(file) = list.get(i) {
                    preview(files, file, lang, notice);
                }
            }
        }
    });
    view! {
        <aside class="editor" aria-labelledby="editor-title" lang=lang.tag()
            on:focusin=move |ev| {
                let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                files.last_in_form.set_value(target);
            }>
            <h1 id="editor-title" class="editor__title">{T::EditTitle.get(lang)}</h1>
            <p class="editor__hint">{T::EditDrop.get(lang)}</p>
            <p class="editor__notice" role="status" data-testid="editor-notice">{move || notice.get()}</p>
            <facts::FactForm files fact_id lang/>
            <sources::SourceForm files lang notice/>
            <themes::ThemeForm files lang notice/>
            <tour::StopForm files lang notice/>
            <zones::ZoneForm files lang/>
            <sites::SiteForm files lang site_id/>
            <save::SaveBox files lang/>
        </aside>
    }
}

/// Reads a dropped file and puts it in place of the file of the same name.
fn preview(files: Files, file: web_sys::File, lang: Lang, notice: RwSignal<String>) {
    let name = file.name();
    let bare = name.rsplit(['/', '\\']).next().unwrap_or(&name).to_owned();
    let Some(known) = FILES.iter().find(|n| **n == bare).copied() else {
        notice.set(T::EditDropUnknown.fill(lang, &[("f", &bare)]));
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
        let text = text.as_string().unwrap_or_default();
        if let Some(geo) = files.geo(known) {
            geo.set(text);
        } else if let Some(kind) = RECORD_KINDS.iter().find(|k| k.file() == known) {
            match Records::parse(*kind, &text) {
                Ok(r) => files.records(*kind).set(r),
                Err(e) => {
                    notice.set(e.to_string());
                    return;
                }
            }
        } else {
            files.others.update_value(|o| {
                o.retain(|(n, _)| *n != known);
                o.push((known, Fetched::Text(text)));
            });
        }
        notice.set(T::EditPreviewing.fill(lang, &[("f", &bare)]));
        files.revision.update(|r| *r += 1);
        files.recheck();
        files.show_on_map(None);
    });
}
