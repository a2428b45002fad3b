//! The list view, the map's text twin: every zone, site and theme as a real
//! button, built from the same data as the map ([`Listing`]). Choosing an
//! entry selects it on the map and opens its details; a selection made on the
//! map marks its entry (`aria-current`) and scrolls it into sight.

use leptos::prelude::*;

use super::access::LIST_TITLE_ID;
use super::camera::{select, Framing};
use super::context::ctx;
use crate::state::listing::{Entry, Listing};
use crate::state::text::T;

#[component]
pub fn ListView() -> impl IntoView {
    let c = ctx();
    let listing = Memo::new(move |_| {
        c.data_version.track();
        let data = c.data();
        Listing::build(&data.atlas, &data.layers, &data.catalogue, c.lang.get())
    });

    // A selection made elsewhere brings its entry into sight.
    Effect::new(move |_| {
        let sel = c.selected.get();
        if !c.list_open.get() {
            return;
        }
        if let Some(sel) = sel {
            let id = format!("list-{}-{}", sel.kind(), sel.id());
            request_animation_frame(move || {
                if let Some(el) = document().query_selector(&format!("[data-testid=\"{id}\"]")).ok().flatten() {
                    el.scroll_into_view_with_bool(false);
                }
            });
        }
    });

    move || {
        c.list_open.get().then(|| {
            let lang = c.lang.get();
            let l = listing.get();
            let sections = l
                .sections
                .into_iter()
                .map(|s| {
                    let heading_id = format!("listing-{}", s.key);
                    view! {
                        <h3 class="listing__heading" id=heading_id.clone()>{s.heading}</h3>
                        <ul class="listing__entries" aria-labelledby=heading_id data-testid=format!("listing-{}", s.key)>
                            {s.entries.into_iter().map(|e| view! { <ListEntry e=e/> }).collect_view()}
                        </ul>
                    }
                })
                .collect_view();
            let sep = if lang == crate::atlas::Lang::En { ", " } else { "、" };
            let context = (!l.context.is_empty()).then(|| {
                view! {
                    <h3 class="listing__heading">{T::ListContext.get(lang)}</h3>
                    <p class="listing__context">{l.context.join(sep)}</p>
                }
            });
            view! {
                <section class="listing" id="listing" aria-labelledby=LIST_TITLE_ID data-testid="listing">
                    <h2 class="listing__title" id=LIST_TITLE_ID tabindex="-1" data-testid="listing-title">{T::ListTitle.get(lang)}</h2>
                    <p class="listing__intro">{T::ListIntro.get(lang)}</p>
                    {sections}
                    {context}
                </section>
            }
        })
    }
}

#[component]
fn ListEntry(e: Entry) -> impl IntoView {
    let c = ctx();
    let sel = e.selection.clone();
    let current = {
        let sel = sel.clone();
        move || c.selected.with(|s| s.as_ref() == Some(&sel)).then_some("true")
    };
    let testid = format!("list-{}-{}", sel.kind(), sel.id());
    let class = if e.on_map { "listing__entry" } else { "listing__entry listing__entry--unplaced" };
    view! {
        <li>
            <button
                type="button"
                class=class
                data-testid=testid
                aria-current=current
                on:click=move |_| select(c, Some(sel.clone()), Framing::ZoomIn)
            >
                <span class="listing__name">{e.name}</span>
                <span class="visually-hidden">" · "</span>
                <span class="listing__detail">{e.detail}</span>
            </button>
        </li>
    }
}
