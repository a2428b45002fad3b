//! The zone form: a zone's names and map labels in three languages (its
//! feature's properties in its GeoJSON file) and the style of the layer that
//! draws it (`layers.toml`): line and fill colours, fill opacity, hatching.

use leptos::prelude::*;

use super::field::{chooser, text_field, Input, Said};
use super::Files;
use crate::atlas::Lang;
use crate::edit::features;
use crate::edit::layers::{layer_of_zone, set_colour, set_hatched, set_opacity};
use crate::edit::records::Kind;
use crate::edit::Refusal;
use crate::state::content::file_name;
use crate::state::selection::Selection;
use crate::state::text::T;

const NAMES: [(&str, T); 6] = [
    ("name_zh_hans", T::EditNameHans),
    ("name_zh_hant", T::EditNameHant),
    ("name_en", T::EditNameEn),
    ("label_zh_hans", T::EditLabelHans),
    ("label_zh_hant", T::EditLabelHant),
    ("label_en", T::EditLabelEn),
];

/// A style field, its label, and whether it is an opacity (else a colour).
const STYLE: [(&str, T, bool); 3] =
    [("colour", T::EditColour, false), ("fill", T::EditFill, false), ("fill_opacity", T::EditFillOpacity, true)];

#[component]
pub(super) fn ZoneForm(files: Files, lang: Lang) -> impl IntoView {
    // The zones, each with the file holding it.
    let zones = move || {
        files.checked.with(|c| {
            c.content.atlas.zones().map(|z| (z.id.clone(), file_name(&z.file).to_owned())).collect::<Vec<_>>()
        })
    };
    let first = zones().into_iter().find(|(_, f)| f != "districts.geojson").or_else(|| zones().into_iter().next());
    let chosen = RwSignal::new(first.map(|(id, _)| id).unwrap_or_default());
    let ids = move || zones().into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    let file_of = move |id: &str| zones().into_iter().find(|(z, _)| z == id).map(|(_, f)| f);
    let show = move || files.show_on_map(Some(Selection::Zone(chosen.get_untracked())));
    let name_field = move |(key, label): (&'static str, T)| {
        let value = move || {
            files.revision.track();
            let id = chosen.get();
            let Some(file) = file_of(&id) else { return String::new() };
            files.geo(&file).and_then(|g| features::property(&file, &g.get_untracked(), &id, key)).unwrap_or_default()
        };
        let faults = move || {
            let id = chosen.get();
            file_of(&id).map(|f| files.field_faults(&f, &id, key, lang)).unwrap_or_default()
        };
        let set = move |v: String| {
            let id = chosen.get_untracked();
            let Some(file) = file_of(&id) else { return };
            let Some(geo) = files.geo(&file) else { return };
            if let Ok(new) = features::set_property(&file, &geo.get_untracked(), &id, key, &v) {
                geo.set(new);
                files.recheck();
            }
        };
        text_field(format!("ed-zone-{key}"), label.get(lang), Input::Line, value, faults, set, move |_| show(), lang)
    };
    // The layer drawing the chosen zone.
    let layer = move || {
        let id = chosen.get();
        let file = file_of(&id)?;
        let kind = files.geo(&file).and_then(|g| features::property(&file, &g.get_untracked(), &id, "kind"))?;
        files.records(Kind::Layer).with_untracked(|l| layer_of_zone(l, &id, &kind))
    };
    let style_field = move |(key, label, opacity): (&'static str, T, bool)| {
        // A refused value, with the zone it was typed for.
        let refused = RwSignal::new(None::<(String, Refusal)>);
        let value = move || {
            files.revision.track();
            let Some(l) = layer() else { return String::new() };
            files.records(Kind::Layer).with_untracked(|r| r.get(&l, key)).unwrap_or_default()
        };
        let faults = move || {
            let id = chosen.get();
            let mut list: Vec<Said> =
                refused.get().iter().filter(|(z, _)| *z == id).map(|(_, r)| Said::refusal(r, lang)).collect();
            if let Some(l) = layer() {
                list.extend(files.field_faults(Kind::Layer.file(), &l, key, lang));
            }
            list
        };
        let set =
            move |v: String| {
                let Some(l) = layer() else { return };
                let result = files.edit(Kind::Layer, |r| {
                    if opacity {
                        set_opacity(r, &l, key, &v)
                    } else {
                        set_colour(r, &l, key, &v)
                    }
                });
                refused.set(result.err().map(|r| (chosen.get_untracked(), r)));
            };
        text_field(format!("ed-zone-{key}"), label.get(lang), Input::Line, value, faults, set, move |_| show(), lang)
    };
    let hatched = move || {
        files.revision.track();
        layer()
            .is_some_and(|l| files.records(Kind::Layer).with(|r| r.get(&l, "symbol").as_deref() == Some("schematic")))
    };
    let set_hatch = move |on: bool| {
        let Some(l) = layer() else { return };
        let _ = files.edit(Kind::Layer, |r| set_hatched(r, &l, on));
        show();
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-zone-h">
            <h2 id="ed-zone-h">{T::EditZone.get(lang)}</h2>
            {chooser("ed-zone", T::EditZone.get(lang), ids, chosen, move |_| show())}
            {NAMES.into_iter().map(name_field).collect_view()}
            <h3 class="editor__subhead" data-testid="ed-zone-layer">
                {move || T::EditStyleOf.fill(lang, &[("l", &layer().unwrap_or_default())])}
            </h3>
            {STYLE.into_iter().map(style_field).collect_view()}
            <div class="editor__field editor__check">
                <input id="ed-zone-hatched" type="checkbox" prop:checked=hatched
                    on:change=move |ev| set_hatch(event_target_checked(&ev))/>
                <label for="ed-zone-hatched">{T::EditHatched.get(lang)}</label>
            </div>
        </section>
    }
}
