//! The tour stop form: the stops' order (move up, move down), a stop's
//! titles, what it shows (its target, or "use the current view": the box the
//! editor's map shows now) and its facts, picked from the facts; add a stop,
//! delete one.

use leptos::prelude::*;

use super::field::{adder, chooser, id_list, text_field, Input};
use super::Files;
use crate::atlas::Lang;
use crate::edit::records::{Kind, Records};
use crate::edit::{add_record, tour, Refusal};
use crate::state::text::T;

const KIND: Kind = Kind::Stop;

const FIELDS: [(&str, T); 4] =
    [("zh_hans", T::EditTitleHans), ("zh_hant", T::EditTitleHant), ("en", T::EditTitleEn), ("target", T::EditTarget)];

#[component]
pub(super) fn StopForm(files: Files, lang: Lang, notice: RwSignal<String>) -> impl IntoView {
    let file = KIND.file();
    let records = files.records(KIND);
    let order = RwSignal::new(0u32);
    let ids = move || {
        files.revision.track();
        order.track();
        records.with_untracked(Records::ids)
    };
    let chosen = RwSignal::new(files.first_id(KIND));
    let place = move || {
        order.track();
        files.revision.track();
        let id = chosen.get();
        let (at, total) = records.with_untracked(|r| (r.position(&id).map_or(0, |p| p + 1), r.ids().len()));
        T::EditStopAt.fill(lang, &[("n", &at.to_string()), ("total", &total.to_string())])
    };
    let show = move || files.show_on_map(None);
    let field = move |(key, label): (&'static str, T)| {
        let value = files.value_of(KIND, chosen, key);
        let faults = move || files.field_faults(file, &chosen.get(), key, lang);
        let set = move |v: String| files.set_text(KIND, chosen, key, &v);
        text_field(format!("ed-stop-{key}"), label.get(lang), Input::Line, value, faults, set, move |_| show(), lang)
    };
    let move_by = move |up: bool| {
        let id = chosen.get_untracked();
        if files.edit(KIND, |r| tour::move_stop(r, &id, up).map_err(Refusal::from)).is_ok() {
            order.update(|o| *o += 1);
            show();
        }
    };
    let facts = move || {
        let id = chosen.get();
        records.with(|r| r.get_list(&id, "facts"))
    };
    let candidates = move || {
        files.revision.track();
        files.records(Kind::Fact).with_untracked(Records::ids)
    };
    let fact_faults = move || files.field_faults(file, &chosen.get(), "facts", lang);
    let remove_fact = move |f: String| {
        let id = chosen.get_untracked();
        let _ = files.edit(KIND, |r| tour::remove_fact(r, &id, &f).map_err(Refusal::from));
        show();
    };
    let add_fact = move |f: String| {
        let id = chosen.get_untracked();
        let _ = files.edit(KIND, |r| tour::add_fact(r, &id, &f).map_err(Refusal::from));
        show();
    };
    let bounds_faults = move || files.field_faults(file, &chosen.get(), "bounds", lang);
    let bounds = move || {
        files.revision.track();
        let id = chosen.get();
        records.with(|r| r.get_numbers(&id, "bounds")).map(|b| format!("{b:?}")).unwrap_or_default()
    };
    let use_view = move |_| {
        let id = chosen.get_untracked();
        let (Some((center, zoom)), Some((w, h))) = (files.view(), files.map_size()) else { return };
        if files.edit(KIND, |r| tour::use_view(r, &id, center, zoom, w, h).map_err(Refusal::from)).is_ok() {
            files.revision.update(|r| *r += 1);
            notice.set(T::EditViewTaken.fill(lang, &[("b", &bounds())]));
            show();
        }
    };
    let delete = move |_| {
        let id = chosen.get_untracked();
        if files.edit(KIND, |r| r.remove(&id).map_err(Refusal::from)).is_ok() {
            files.deleted(KIND, chosen, &id, notice, lang);
            show();
        }
    };
    let add = move |id: String| {
        files.edit(KIND, |r| add_record(r, &id))?;
        files.added(chosen, id, notice, lang);
        Ok(())
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-stop-h">
            <h2 id="ed-stop-h">{T::EditStop.get(lang)}</h2>
            {chooser("ed-stop", T::EditStop.get(lang), ids, chosen, move |_| show())}
            <div class="editor__row">
                <p id="ed-stop-place" data-testid="ed-stop-place" role="status">{place}</p>
                <button type="button" class="btn" data-testid="ed-stop-up" aria-describedby="ed-stop-place"
                    on:click=move |_| move_by(true)>{T::EditMoveUp.get(lang)}</button>
                <button type="button" class="btn" data-testid="ed-stop-down" aria-describedby="ed-stop-place"
                    on:click=move |_| move_by(false)>{T::EditMoveDown.get(lang)}</button>
            </div>
            {FIELDS.into_iter().map(field).collect_view()}
            <div class="editor__row">
                <button type="button" class="btn" data-testid="ed-stop-view" aria-describedby="ed-stop-bounds"
                    on:click=use_view>{T::EditUseView.get(lang)}</button>
                <p id="ed-stop-bounds" data-testid="ed-stop-bounds">
                    {bounds}{move || super::field::said_view(bounds_faults(), lang)}
                </p>
            </div>
            {id_list("ed-stop-facts", T::EditStopFacts.get(lang), T::EditFactToAdd.get(lang), facts, candidates,
                fact_faults, remove_fact, add_fact, lang)}
            <div class="editor__row">
                <button type="button" class="btn" data-testid="ed-stop-delete" on:click=delete>
                    {T::EditDelete.get(lang)}
                </button>
            </div>
            {adder("ed-stop-new", lang, add)}
        </section>
    }
}
