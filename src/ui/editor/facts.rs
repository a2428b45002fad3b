//! The fact form: a fact's figure as printed, value, unit, period, its three
//! sentences and its source, checked while the keeper types.

use leptos::prelude::*;

use super::Files;
use crate::atlas::catalogue::Unit;
use crate::atlas::Lang;
use crate::edit::records::{FactField, Kind, Records};
use crate::state::content::{file_name, FACTS};
use crate::state::text::T;

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
pub(super) fn FactForm(files: Files, fact_id: RwSignal<String>, lang: Lang) -> impl IntoView {
    let facts = files.records(Kind::Fact);
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
        files.show_fact(&fact_id.get_untracked());
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
        files.records(Kind::Source).with_untracked(Records::ids)
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
