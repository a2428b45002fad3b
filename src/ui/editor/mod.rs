//! The editor page (`edit.html`, the `edit` binary): the map with a panel
//! beside it in which the map's keepers change facts and sites.
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
//! Only `src/bin/edit.rs` refers to this module, so none of it is in the
//! visitor's download.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::animate::after_next_paint;
use super::dom::{focus_by_id, focus_element, save_text};
use super::load::fetch_all;
use super::url_sync::{read_url, remembered_lang};
use super::App;
use crate::atlas::catalogue::Unit;
use crate::atlas::Lang;
use crate::edit::check::{check, Checked};
use crate::edit::records::{FactField, Kind, Records};
use crate::edit::sites;
use crate::state::content::{file_name, Fetched, FACTS, FILES};
use crate::state::selection::Selection;
use crate::state::text::T;

const RECORD_KINDS: [Kind; 4] = [Kind::Fact, Kind::Source, Kind::Theme, Kind::Stop];

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
    records: [RwSignal<Records, LocalStorage>; 4],
    sites: RwSignal<String>,
    /// The files the editor does not change, as fetched or dropped.
    others: StoredValue<Vec<(&'static str, Fetched)>>,
    /// Each file's text as fetched (`None`: it could not be).
    loaded: StoredValue<Vec<(&'static str, Option<String>)>>,
    /// Bumped when a whole file is replaced (a dropped file), so the form
    /// reads its fields again.
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
        let loaded = FILES.iter().map(|n| (*n, text(n))).collect();
        let edited = |n: &str| n == sites::SITES_FILE || RECORD_KINDS.iter().any(|k| k.file() == n);
        let others = fetched.iter().filter(|(n, _)| !edited(n)).cloned().collect();
        let files = Files {
            records,
            sites: RwSignal::new(text(sites::SITES_FILE).unwrap_or_default()),
            others: StoredValue::new(others),
            loaded: StoredValue::new(loaded),
            revision: RwSignal::new(0),
            checked: RwSignal::new_local(Checked::default()),
            map: StoredValue::new_local(None),
            last_in_form: StoredValue::new_local(None),
        };
        files.recheck();
        files
    }

    fn facts(&self) -> RwSignal<Records, LocalStorage> {
        self.records[0]
    }

    /// Each edited file's current text, by deployed name.
    fn current(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> =
            self.records.iter().map(|r| r.with_untracked(|r| (r.kind().file(), r.text()))).collect();
        out.push((sites::SITES_FILE, self.sites.get_untracked()));
        out
    }

    /// Every file as the map would fetch it now.
    fn all(&self) -> Vec<(&'static str, Fetched)> {
        let mut out: Vec<(&'static str, Fetched)> =
            self.current().into_iter().map(|(n, t)| (n, Fetched::Text(t))).collect();
        out.extend(self.others.get_value());
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

    fn recheck(&self) {
        self.checked.set(check(&self.all()));
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

    /// Mounts the map again with the edited content, selecting `selection`.
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

/// A site's marker on the map can be dragged to where the site is: the drop
/// point becomes its position. A click on a marker chooses the site in the form.
fn place_markers_by_dragging(files: Files, site_id: RwSignal<String>) {
    use wasm_bindgen::closure::Closure;
    // The marker being dragged: its site id and where the drag began.
    let drag: Rc<RefCell<Option<(String, f64, f64)>>> = Rc::default();
    let dragging = Rc::clone(&drag);
    let down = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(marker) = target.closest(".map [data-testid^='site-'][data-id]").ok().flatten() else { return };
        let Some(id) = marker.get_attribute("data-id") else { return };
        // The map would pan: the marker moves instead.
        e.stop_propagation();
        *dragging.borrow_mut() = Some((id, f64::from(e.client_x()), f64::from(e.client_y())));
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("is-placing");
        }
    });
    let up = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
        let Some((id, x0, y0)) = drag.borrow_mut().take() else { return };
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1("is-placing");
        }
        e.stop_propagation();
        site_id.set(id.clone());
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        if (x - x0).hypot(y - y0) < 4.0 {
            files.show_on_map(Some(Selection::Site(id)));
            return;
        }
        let Some(map) = document().query_selector(".app .map").ok().flatten() else { return };
        let r = map.get_bounding_client_rect();
        let (url, _) = files.checked.with_untracked(|c| read_url(&c.content.layers));
        let (Some(center), Some(zoom)) = (url.center, url.zoom) else { return };
        let Some((lon, lat)) = sites::drop_position(center, zoom, r.width(), r.height(), x - r.left(), y - r.top())
        else {
            return;
        };
        if let Ok(new) = sites::set_position(&files.sites.get_untracked(), &id, lon, lat) {
            files.sites.set(new);
            files.revision.update(|r| *r += 1);
            files.recheck();
            files.show_on_map(Some(Selection::Site(id)));
        }
    });
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_capture(true);
    for (name, f) in [("pointerdown", &down), ("pointerup", &up)] {
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            name,
            f.as_ref().unchecked_ref(),
            &opts,
        );
    }
    // The page's lifetime.
    down.forget();
    up.forget();
}

fn field_label(f: FactField) -> T {
    match f {
        FactField::Figure => T::EditFigure,
        FactField::Value => T::EditValue,
        FactField::Unit => T::EditUnit,
        FactField::Period => T::EditPeriod,
        FactField::ZhHans => T::EditTextHans,
        FactField::ZhHant => T::EditTextHant,
        FactField::En => T::EditTextEn,
        FactField::Source => T::EditSource,
    }
}

#[component]
fn Editor(fetched: Vec<(&'static str, Fetched)>) -> impl IntoView {
    let files = Files::load(fetched);
    let (url, _) = files.checked.with_untracked(|c| read_url(&c.content.layers));
    let lang = url.lang.or_else(remembered_lang).unwrap_or_default();
    let site_id = RwSignal::new(sites::ids(&files.sites.get_untracked()).into_iter().next().unwrap_or_default());
    place_markers_by_dragging(files, site_id);
    let fact_id = RwSignal::new(files.facts().with_untracked(|r| r.ids().into_iter().next().unwrap_or_default()));
    let notice = RwSignal::new(String::new());
    // The map opens showing the first fact's subject.
    request_animation_frame(move || {
        let subject = files.facts().with_untracked(|r| r.get(&fact_id.get_untracked(), "subject"));
        files.show_on_map(subject.map(|s| files.subject_selection(&s)));
    });
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
            <FactForm files fact_id lang/>
            <SiteForm files lang site_id/>
            <SaveBox files lang/>
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
        if known == sites::SITES_FILE {
            files.sites.set(text);
        } else if let Some(i) = RECORD_KINDS.iter().position(|k| k.file() == known) {
            match Records::parse(RECORD_KINDS[i], &text) {
                Ok(r) => files.records[i].set(r),
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

#[component]
fn FactForm(files: Files, fact_id: RwSignal<String>, lang: Lang) -> impl IntoView {
    let facts = files.facts();
    let edit_error = RwSignal::new(None::<String>);
    let ids = move || {
        files.revision.track();
        facts.with_untracked(Records::ids)
    };
    // The field's value as the file has it, read again when another fact is
    // chosen or a file replaced (not while typing, so the caret stays put).
    let current = move |key: &'static str| {
        move || {
            files.revision.track();
            let id = fact_id.get();
            facts.with_untracked(|r| r.get(&id, key)).unwrap_or_default()
        }
    };
    let set = move |field: FactField, value: String| {
        let id = fact_id.get_untracked();
        let mut result = Ok(());
        facts.update(|r| {
            result = match field {
                FactField::Value => r.set_number(&id, field.key(), &value),
                _ => r.set_str(&id, field.key(), &value),
            }
        });
        edit_error.set(result.err().map(|e| e.message));
        files.recheck();
    };
    let show = move || {
        let subject = facts.with_untracked(|r| r.get(&fact_id.get_untracked(), "subject"));
        files.show_on_map(subject.map(|s| files.subject_selection(&s)));
    };
    let problems = move || {
        let id = fact_id.get();
        let mut list = files.checked.with(|c| c.fact_errors(&id));
        list.extend(edit_error.get());
        list
    };
    let others = move || {
        let id = fact_id.get();
        files.checked.with(|c| {
            c.errors
                .iter()
                .filter(|e| !(file_name(&e.file) == FACTS && e.id.as_deref() == Some(id.as_str())))
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
    };
    let invalid = move || if problems().is_empty() { "false" } else { "true" };
    let source_ids = move || {
        files.revision.track();
        files.records[1].with_untracked(Records::ids)
    };
    let input = move |field: FactField| {
        let dom_id = format!("ed-fact-{}", field.key());
        let label = field_label(field).get(lang);
        let control = match field {
            FactField::Unit => view! {
                <select id=dom_id.clone() aria-describedby="ed-fact-problems" aria-invalid=invalid
                    prop:value=current(field.key())
                    on:change=move |ev| { set(field, event_target_value(&ev)); show() }>
                    <option value="">"—"</option>
                    {Unit::ALL.iter().map(|u| view! { <option value=u.key()>{u.key()}</option> }).collect_view()}
                </select>
            }
            .into_any(),
            FactField::Source => view! {
                <select id=dom_id.clone() aria-describedby="ed-fact-problems" aria-invalid=invalid
                    prop:value=current(field.key())
                    on:change=move |ev| { set(field, event_target_value(&ev)); show() }>
                    {move || source_ids().into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                </select>
            }
            .into_any(),
            FactField::ZhHans | FactField::ZhHant | FactField::En => view! {
                <textarea id=dom_id.clone() rows="3" aria-describedby="ed-fact-problems" aria-invalid=invalid
                    prop:value=current(field.key())
                    on:input=move |ev| set(field, event_target_value(&ev))
                    on:change=move |_| show()></textarea>
            }
            .into_any(),
            _ => view! {
                <input id=dom_id.clone() type="text" autocomplete="off" spellcheck="false"
                    aria-describedby="ed-fact-problems" aria-invalid=invalid
                    prop:value=current(field.key())
                    on:input=move |ev| set(field, event_target_value(&ev))
                    on:change=move |_| show()/>
            }
            .into_any(),
        };
        view! {
            <div class="editor__field">
                <label for=dom_id>{label}</label>
                {control}
            </div>
        }
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-fact-h">
            <h2 id="ed-fact-h">{T::EditFact.get(lang)}</h2>
            <div class="editor__field">
                <label for="ed-fact">{T::EditFact.get(lang)}</label>
                <select id="ed-fact" data-testid="editor-fact" prop:value=move || fact_id.get()
                    on:change=move |ev| { fact_id.set(event_target_value(&ev)); edit_error.set(None); show() }>
                    {move || ids().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
                </select>
            </div>
            {FactField::ALL.into_iter().map(input).collect_view()}
            <div id="ed-fact-problems" class="editor__problems" role="status" data-testid="editor-problems">
                {move || {
                    let list = problems();
                    if list.is_empty() {
                        view! { <p class="editor__ok">{T::EditNoProblems.get(lang)}</p> }.into_any()
                    } else {
                        view! { <ul>{list.into_iter().map(|p| view! { <li lang="en">{p}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
                {move || {
                    let list = others();
                    (!list.is_empty()).then(|| {
                        let n = list.len().to_string();
                        view! {
                            <details class="editor__others">
                                <summary>{T::EditFileProblems.fill(lang, &[("n", &n)])}</summary>
                                <ul>{list.into_iter().map(|p| view! { <li lang="en">{p}</li> }).collect_view()}</ul>
                            </details>
                        }
                    })
                }}
            </div>
        </section>
    }
}

#[component]
fn SiteForm(files: Files, lang: Lang, site_id: RwSignal<String>) -> impl IntoView {
    let site_ids = move || {
        files.revision.track();
        sites::ids(&files.sites.get_untracked())
    };
    let error = RwSignal::new(None::<String>);
    let read = move |key: &'static str| {
        move || {
            files.revision.track();
            let id = site_id.get();
            sites::property(&files.sites.get_untracked(), &id, key).unwrap_or_default()
        }
    };
    let coordinate = move |lat: bool| {
        move || {
            files.revision.track();
            let id = site_id.get();
            sites::position(&files.sites.get_untracked(), &id).map(|(x, y)| if lat { y } else { x }.to_string())
        }
    };
    let apply = move |edit: &dyn Fn(&str, &str) -> Result<String, crate::edit::EditError>| {
        let id = site_id.get_untracked();
        let text = files.sites.get_untracked();
        match edit(&text, &id) {
            Ok(new) => {
                files.sites.set(new);
                error.set(None);
                files.recheck();
                files.show_on_map(Some(Selection::Site(id)));
            }
            Err(e) => error.set(Some(e.message)),
        }
    };
    let set_coordinate = move |lat: bool, typed: String| {
        let Ok(v) = typed.trim().parse::<f64>() else {
            error.set(Some(format!("expected a number of degrees, got \"{typed}\"")));
            return;
        };
        apply(&|text, id| {
            let (lon0, lat0) = sites::position(text, id).unwrap_or((v, v));
            if lat {
                sites::set_position(text, id, lon0, v)
            } else {
                sites::set_position(text, id, v, lat0)
            }
        });
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-site-h">
            <h2 id="ed-site-h">{T::EditSite.get(lang)}</h2>
            <div class="editor__field">
                <label for="ed-site">{T::EditSite.get(lang)}</label>
                <select id="ed-site" prop:value=move || site_id.get()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        site_id.set(id.clone());
                        error.set(None);
                        files.show_on_map(Some(Selection::Site(id)));
                    }>
                    {move || site_ids().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="editor__field">
                <label for="ed-site-confidence">{T::EditConfidence.get(lang)}</label>
                <select id="ed-site-confidence" prop:value=read("confidence")
                    on:change=move |ev| { let v = event_target_value(&ev); apply(&|t, id| sites::set_property(t, id, "confidence", &v)) }>
                    {sites::CONFIDENCES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                </select>
            </div>
            <div class="editor__field">
                <label for="ed-site-basis">{T::EditBasis.get(lang)}</label>
                <textarea id="ed-site-basis" rows="3" prop:value=read("position_basis")
                    on:change=move |ev| { let v = event_target_value(&ev); apply(&|t, id| sites::set_property(t, id, "position_basis", &v)) }></textarea>
            </div>
            <div class="editor__pair">
                <div class="editor__field">
                    <label for="ed-site-lon">{T::EditLon.get(lang)}</label>
                    <input id="ed-site-lon" type="text" inputmode="decimal" prop:value=coordinate(false)
                        on:change=move |ev| set_coordinate(false, event_target_value(&ev))/>
                </div>
                <div class="editor__field">
                    <label for="ed-site-lat">{T::EditLat.get(lang)}</label>
                    <input id="ed-site-lat" type="text" inputmode="decimal" prop:value=coordinate(true)
                        on:change=move |ev| set_coordinate(true, event_target_value(&ev))/>
                </div>
            </div>
            <p class="editor__problems" role="status">{move || error.get().map(|e| view! { <span lang="en">{e}</span> })}</p>
        </section>
    }
}

#[component]
fn SaveBox(files: Files, lang: Lang) -> impl IntoView {
    let changed = move || {
        // Re-read whenever a file changes.
        for r in files.records {
            r.track();
        }
        files.sites.track();
        files.changed().into_iter().map(|(n, _)| n).collect::<Vec<_>>()
    };
    view! {
        <section class="editor__section editor__save">
            <button type="button" class="btn" data-testid="editor-download"
                on:click=move |_| for (name, text) in files.changed() { save_text(name, &text) }>
                {T::EditDownload.get(lang)}
            </button>
            <p role="status" data-testid="editor-changed">{move || {
                let list = changed();
                if list.is_empty() {
                    T::EditNothingChanged.get(lang).to_owned()
                } else {
                    T::EditChanged.fill(lang, &[("f", &list.join(", "))])
                }
            }}</p>
            <p class="editor__hint">{T::EditSaveHint.get(lang)}</p>
        </section>
    }
}
