//! Saving: a static host cannot be written to, so the changed files are
//! downloaded under their deployed names.

use leptos::prelude::*;

use super::Files;
use crate::atlas::Lang;
use crate::state::text::T;
use crate::ui::dom::save_text;

#[component]
pub(super) fn SaveBox(files: Files, lang: Lang) -> impl IntoView {
    let changed = move || {
        // Re-read whenever a file changes.
        for r in files.records {
            r.track();
        }
        for (_, g) in files.geo {
            g.track();
        }
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
