//! The parts every form is made of: a labelled field whose faults mark it
//! (`aria-invalid`) and are read with it (`aria-describedby`), a record
//! chooser, a list of ids with a remove button each, and the words for a
//! refused change, all in the interface language.

use leptos::prelude::*;

use crate::atlas::{DataError, Lang};
use crate::edit::records::Kind;
use crate::edit::Refusal;
use crate::state::problems::fault;
use crate::state::text::{colon, T};

/// A fault in words: its class in the interface language, then the file's own
/// message ("expected …, got …", in English: it quotes keys and values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Said {
    pub words: String,
    pub detail: Option<String>,
}

impl Said {
    pub fn fault(e: &DataError, lang: Lang) -> Said {
        Said { words: fault(e.kind, lang), detail: Some(e.message.clone()) }
    }

    pub fn refusal(r: &Refusal, lang: Lang) -> Said {
        let words = match r {
            Refusal::Link { scheme: Some(s) } => T::EditRefusedLink.fill(lang, &[("scheme", s)]),
            Refusal::Link { scheme: None } => T::EditRefusedLinkPlain.get(lang).to_owned(),
            Refusal::Cited { by } => T::EditRefusedCited.fill(lang, &[("by", &by.join(", "))]),
            Refusal::Colour => T::EditRefusedColour.get(lang).to_owned(),
            Refusal::Opacity => T::EditRefusedOpacity.get(lang).to_owned(),
            Refusal::Id => T::EditRefusedId.get(lang).to_owned(),
            Refusal::Edit(e) => return Said { words: e.message.clone(), detail: None },
        };
        Said { words, detail: None }
    }
}

/// The messages of a field, each on a line of its own.
pub(super) fn said_view(list: Vec<Said>, lang: Lang) -> impl IntoView {
    list.into_iter()
        .map(|s| {
            let detail = s.detail.map(|d| view! { <span lang="en">{d}</span> });
            let sep = detail.is_some().then(|| colon(lang));
            view! { <span class="editor__msg-line">{s.words}{sep}{detail}</span> }
        })
        .collect_view()
}

/// How a field is typed in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Input {
    Line,
    Lines,
}

/// A labelled text field. `value` is read again when it changes (not while
/// the keeper types: the caller's value follows the file); `faults` mark it;
/// `on_input` runs on each keystroke, `on_change` when the field is left.
#[allow(clippy::too_many_arguments)] // a field's parts, each named at the call
pub(super) fn text_field(
    dom_id: String,
    label: &'static str,
    input: Input,
    value: impl Fn() -> String + Send + Sync + 'static,
    faults: impl Fn() -> Vec<Said> + Copy + Send + Sync + 'static,
    on_input: impl Fn(String) + Copy + 'static,
    on_change: impl Fn(String) + Copy + 'static,
    lang: Lang,
) -> impl IntoView {
    let msg = format!("{dom_id}-msg");
    let invalid = move || if faults().is_empty() { "false" } else { "true" };
    let control = match input {
        Input::Line => view! {
            <input id=dom_id.clone() type="text" autocomplete="off" spellcheck="false"
                aria-describedby=msg.clone() aria-invalid=invalid prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev))
                on:change=move |ev| on_change(event_target_value(&ev))/>
        }
        .into_any(),
        Input::Lines => view! {
            <textarea id=dom_id.clone() rows="2" aria-describedby=msg.clone() aria-invalid=invalid prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev))
                on:change=move |ev| on_change(event_target_value(&ev))></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="editor__field">
            <label for=dom_id>{label}</label>
            {control}
            <p id=msg class="editor__msg">{move || said_view(faults(), lang)}</p>
        </div>
    }
}

/// A chooser of one record among `ids`.
pub(super) fn chooser(
    dom_id: &'static str,
    label: &'static str,
    ids: impl Fn() -> Vec<String> + Send + Sync + 'static,
    chosen: RwSignal<String>,
    on_choose: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="editor__field">
            <label for=dom_id>{label}</label>
            <select id=dom_id data-testid=dom_id prop:value=move || chosen.get()
                on:change=move |ev| { let id = event_target_value(&ev); chosen.set(id.clone()); on_choose(id) }>
                {move || ids().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A "new id" field with an Add button; `add` gives the refusal, if any.
pub(super) fn adder(
    dom_id: &'static str,
    lang: Lang,
    add: impl Fn(String) -> Result<(), Refusal> + Copy + 'static,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);
    let msg = format!("{dom_id}-msg");
    let go = move || {
        let id = typed.get_untracked().trim().to_owned();
        match add(id) {
            Ok(()) => {
                refused.set(None);
                typed.set(String::new());
            }
            Err(r) => refused.set(Some(r)),
        }
    };
    view! {
        <div class="editor__field editor__adder">
            <label for=dom_id>{T::EditNewId.get(lang)}</label>
            <div class="editor__row">
                <input id=dom_id type="text" autocomplete="off" spellcheck="false" aria-describedby=msg.clone()
                    aria-invalid=move || if refused.get().is_some() { "true" } else { "false" }
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); go() }/>
                <button type="button" class="btn" data-testid=format!("{dom_id}-add") on:click=move |_| go()>
                    {T::EditAdd.get(lang)}
                </button>
            </div>
            <p id=msg class="editor__msg" role="status">
                {move || refused.get().map(|r| said_view(vec![Said::refusal(&r, lang)], lang))}
            </p>
        </div>
    }
}

/// A list of ids (a theme's members, a stop's facts), each with a button
/// that removes it, and a chooser with an Add button for one more.
#[allow(clippy::too_many_arguments)] // the list's parts, each named at the call
pub(super) fn id_list(
    dom_id: &'static str,
    label: &'static str,
    add_label: &'static str,
    items: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    candidates: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    faults: impl Fn() -> Vec<Said> + Copy + Send + Sync + 'static,
    on_remove: impl Fn(String) + Copy + Send + Sync + 'static,
    on_add: impl Fn(String) + Copy + 'static,
    lang: Lang,
) -> impl IntoView {
    let pick = RwSignal::new(String::new());
    let picker = format!("{dom_id}-pick");
    let msg = format!("{dom_id}-msg");
    let described = msg.clone();
    let invalid = move || if faults().is_empty() { "false" } else { "true" };
    view! {
        <fieldset class="editor__list" aria-describedby=described aria-invalid=invalid>
            <legend id=format!("{dom_id}-legend")>{label}</legend>
            <ul data-testid=dom_id>
                {move || items().into_iter().map(|item| {
                    let remove = T::EditRemoveItem.fill(lang, &[("x", &item)]);
                    let it = item.clone();
                    view! {
                        <li>
                            <span>{item.clone()}</span>
                            <button type="button" class="btn btn--small" aria-label=remove
                                on:click=move |_| on_remove(it.clone())>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="editor__row">
                <label for=picker.clone() class="editor__inline-label">{add_label}</label>
                <select id=picker.clone() prop:value=move || pick.get()
                    on:change=move |ev| pick.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {move || {
                        let have = items();
                        candidates().into_iter().filter(|c| !have.contains(c))
                            .map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()
                    }}
                </select>
                <button type="button" class="btn" data-testid=format!("{dom_id}-add")
                    on:click=move |_| {
                        let p = pick.get_untracked();
                        if !p.is_empty() { on_add(p); pick.set(String::new()) }
                    }>{T::EditAdd.get(lang)}</button>
            </div>
            <p id=msg class="editor__msg">{move || said_view(faults(), lang)}</p>
        </fieldset>
    }
}

/// The steps every record form shares, on its file `kind` and the record
/// `chosen` among its ids.
impl super::Files {
    /// The file's first id, chosen when the form opens or its record goes.
    pub(super) fn first_id(self, kind: Kind) -> String {
        self.records(kind).with_untracked(|r| r.ids().into_iter().next().unwrap_or_default())
    }

    /// The chosen record's `key` as written, again after every change.
    pub(super) fn value_of(
        self,
        kind: Kind,
        chosen: RwSignal<String>,
        key: &'static str,
    ) -> impl Fn() -> String + Copy {
        move || {
            self.revision.track();
            let id = chosen.get();
            self.records(kind).with_untracked(|r| r.get(&id, key)).unwrap_or_default()
        }
    }

    /// Writes `value` as the chosen record's `key`.
    pub(super) fn set_text(self, kind: Kind, chosen: RwSignal<String>, key: &str, value: &str) {
        let id = chosen.get_untracked();
        // a refused text stays in its field, marked by the checks
        let _ = self.edit(kind, |r| r.set_str(&id, key, value).map_err(Refusal::from));
    }

    /// After `id` was added: it is chosen, and the page says so.
    pub(super) fn added(self, chosen: RwSignal<String>, id: String, notice: RwSignal<String>, lang: Lang) {
        notice.set(T::EditAdded.fill(lang, &[("id", &id)]));
        chosen.set(id);
        self.revision.update(|r| *r += 1);
    }

    /// After `id` was deleted from `kind`: the first record is chosen, and
    /// the page says so.
    pub(super) fn deleted(self, kind: Kind, chosen: RwSignal<String>, id: &str, notice: RwSignal<String>, lang: Lang) {
        chosen.set(self.first_id(kind));
        self.revision.update(|r| *r += 1);
        notice.set(T::EditDeleted.fill(lang, &[("id", id)]));
    }
}
