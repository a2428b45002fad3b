//! The theme form: a theme's names in three languages and its members (the
//! zones and sites it involves); add a theme, delete one no fact or tour
//! stop names.

use leptos::prelude::*;

use super::field::{adder, chooser, id_list, said_view, text_field, Input, Said};
use super::Files;
use crate::atlas::Lang;
use crate::edit::records::{Kind, Records};
use crate::edit::{add_record, themes, Refusal};
use crate::state::selection::Selection;
use crate::state::text::T;

const KIND: Kind = Kind::Theme;

const NAMES: [(&str, T); 3] =
    [("name_zh_hans", T::EditNameHans), ("name_zh_hant", T::EditNameHant), ("name_en", T::EditNameEn)];

#[component]
pub(super) fn ThemeForm(files: Files, lang: Lang, notice: RwSignal<String>) -> impl IntoView {
    let file = KIND.file();
    let records = files.records(KIND);
    let ids = move || {
        files.revision.track();
        records.with_untracked(Records::ids)
    };
    let chosen = RwSignal::new(files.first_id(KIND));
    let delete_refused = RwSignal::new(None::<Refusal>);
    let show = move || files.show_on_map(Some(Selection::Theme(chosen.get_untracked())));
    let field = move |(key, label): (&'static str, T)| {
        let value = files.value_of(KIND, chosen, key);
        let faults = move || files.field_faults(file, &chosen.get(), key, lang);
        let set = move |v: String| files.set_text(KIND, chosen, key, &v);
        text_field(format!("ed-theme-{key}"), label.get(lang), Input::Line, value, faults, set, move |_| show(), lang)
    };
    let members = move || {
        let id = chosen.get();
        records.with(|r| r.get_list(&id, "members"))
    };
    let candidates = move || {
        files.revision.track();
        files.checked.with_untracked(|c| {
            let atlas = &c.content.atlas;
            atlas.zones().map(|z| z.id.clone()).chain(atlas.sites.iter().map(|s| s.id.clone())).collect::<Vec<_>>()
        })
    };
    let member_faults = move || files.field_faults(file, &chosen.get(), "members", lang);
    let remove_member = move |m: String| {
        let id = chosen.get_untracked();
        let _ = files.edit(KIND, |r| themes::remove_member(r, &id, &m).map_err(Refusal::from));
        show();
    };
    let add_member = move |m: String| {
        let id = chosen.get_untracked();
        let _ = files.edit(KIND, |r| themes::add_member(r, &id, &m).map_err(Refusal::from));
        show();
    };
    let delete = move |_| {
        let id = chosen.get_untracked();
        let facts = files.records(Kind::Fact).get_untracked();
        let tour = files.records(Kind::Stop).get_untracked();
        match files.edit(KIND, |r| themes::remove(r, &facts, &tour, &id)) {
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
        <section class="editor__section" aria-labelledby="ed-theme-h">
            <h2 id="ed-theme-h">{T::EditTheme.get(lang)}</h2>
            {chooser("ed-theme", T::EditTheme.get(lang), ids, chosen, move |_| { delete_refused.set(None); show() })}
            {NAMES.into_iter().map(field).collect_view()}
            {id_list("ed-theme-members", T::EditMembers.get(lang), T::EditMemberToAdd.get(lang), members, candidates,
                member_faults, remove_member, add_member, lang)}
            <div class="editor__row">
                <button type="button" class="btn" data-testid="ed-theme-delete" aria-describedby="ed-theme-delete-msg"
                    on:click=delete>{T::EditDelete.get(lang)}</button>
            </div>
            <p id="ed-theme-delete-msg" class="editor__msg" role="status">
                {move || delete_refused.get().map(|r| said_view(vec![Said::refusal(&r, lang)], lang))}
            </p>
            {adder("ed-theme-new", lang, add)}
        </section>
    }
}
