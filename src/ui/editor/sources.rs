//! The source form: a source's title, publisher in three languages, date and
//! how it is known, and link (`https:` only: any other is refused and named
//! before it reaches the file); add a source, delete one no fact cites.

use leptos::prelude::*;

use super::field::{adder, chooser, said_view, text_field, Input, Said};
use super::Files;
use crate::atlas::Lang;
use crate::edit::records::{Kind, Records};
use crate::edit::{add_record, sources, Refusal};
use crate::state::text::T;

const KIND: Kind = Kind::Source;

/// The fields the form edits, with their labels.
const FIELDS: [(&str, T, Input); 6] = [
    ("title", T::EditSourceTitle, Input::Line),
    ("publisher_zh_hans", T::EditPublisherHans, Input::Line),
    ("publisher_zh_hant", T::EditPublisherHant, Input::Line),
    ("publisher_en", T::EditPublisherEn, Input::Line),
    ("date", T::EditDate, Input::Line),
    ("date_basis", T::EditDateBasis, Input::Lines),
];

#[component]
pub(super) fn SourceForm(files: Files, lang: Lang, notice: RwSignal<String>) -> impl IntoView {
    let file = KIND.file();
    let records = files.records(KIND);
    let ids = move || {
        files.revision.track();
        records.with_untracked(Records::ids)
    };
    let chosen = RwSignal::new(files.first_id(KIND));
    let link_refused = RwSignal::new(None::<Refusal>);
    let delete_refused = RwSignal::new(None::<Refusal>);
    // The map shows a source in the details of the facts citing it.
    let show = move || {
        let id = chosen.get_untracked();
        let citing = files.records(Kind::Fact).with_untracked(|f| sources::citing(f, &id));
        match citing.first() {
            Some(fact) => files.show_fact(fact),
            None => files.show_on_map(None),
        }
    };
    let field = move |(key, label, input): (&'static str, T, Input)| {
        let faults = move || files.field_faults(file, &chosen.get(), key, lang);
        let set = move |v: String| files.set_text(KIND, chosen, key, &v);
        text_field(
            format!("ed-source-{key}"),
            label.get(lang),
            input,
            files.value_of(KIND, chosen, key),
            faults,
            set,
            move |_| show(),
            lang,
        )
    };
    let link_faults = move || {
        let mut list: Vec<Said> = link_refused.get().iter().map(|r| Said::refusal(r, lang)).collect();
        list.extend(files.field_faults(file, &chosen.get(), "url", lang));
        list
    };
    let set_link = move |typed: String| {
        let id = chosen.get_untracked();
        let result = files.edit(KIND, |r| sources::set_link(r, &id, &typed));
        link_refused.set(result.err());
    };
    let delete = move |_| {
        let id = chosen.get_untracked();
        let facts = files.records(Kind::Fact).get_untracked();
        match files.edit(KIND, |r| sources::remove(r, &facts, &id)) {
            Ok(()) => {
                delete_refused.set(None);
                files.deleted(KIND, chosen, &id, notice, lang);
                files.show_on_map(None);
            }
            Err(r) => delete_refused.set(Some(r)),
        }
    };
    let add = move |id: String| {
        files.edit(KIND, |r| add_record(r, &id))?;
        files.added(chosen, id, notice, lang);
        Ok(())
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-source-h">
            <h2 id="ed-source-h">{T::EditSources.get(lang)}</h2>
            {chooser("ed-source", T::EditSource.get(lang), ids, chosen, move |_| {
                link_refused.set(None);
                delete_refused.set(None);
                show();
            })}
            {FIELDS.into_iter().map(field).collect_view()}
            {text_field("ed-source-url".into(), T::EditUrl.get(lang), Input::Line, files.value_of(KIND, chosen, "url"), link_faults, set_link,
                move |_| show(), lang)}
            <div class="editor__row">
                <button type="button" class="btn" data-testid="ed-source-delete" aria-describedby="ed-source-delete-msg"
                    on:click=delete>{T::EditDelete.get(lang)}</button>
            </div>
            <p id="ed-source-delete-msg" class="editor__msg" role="status">
                {move || delete_refused.get().map(|r| said_view(vec![Said::refusal(&r, lang)], lang))}
            </p>
            {adder("ed-source-new", lang, add)}
        </section>
    }
}
