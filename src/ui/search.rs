//! Search as you type, in any language or by short name; the results are a
//! listbox driven by the arrow keys (the ARIA combobox pattern). Choosing a
//! result flies to it and opens its details. On a compact bar the search is
//! an icon that opens the field across the bar; Esc or the close button folds
//! it away and focus returns to the icon.

use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::camera::{select, Framing};
use super::context::ctx;
use super::controls::chrome;
use crate::state::search::Hit;
use crate::state::text::T;

const MAX_RESULTS: usize = 8;

#[component]
pub fn Search() -> impl IntoView {
    let c = ctx();
    let ch = chrome();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    // Compact bar: whether the field is unfolded.
    let unfolded = RwSignal::new(false);
    let icon: NodeRef<html::Button> = NodeRef::new();
    let input: NodeRef<html::Input> = NodeRef::new();
    let folded = move || ch.compact.get() && !unfolded.get();
    let unfold = move || {
        unfolded.set(true);
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
        });
    };
    let fold = move |refocus: bool| {
        unfolded.set(false);
        open.set(false);
        if refocus {
            request_animation_frame(move || {
                if let Some(b) = icon.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    };
    let results = Memo::new(move |_| {
        let q = query.get();
        c.data().search.find(&q, c.lang.get(), MAX_RESULTS)
    });
    let choose = move |h: Hit| {
        open.set(false);
        unfolded.set(false);
        query.set(h.name.clone());
        select(c, Some(h.target.clone()), Framing::ZoomIn);
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = results.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                if let Some(h) = results.with(|r| r.get(active.get_untracked()).cloned()) {
                    ev.prevent_default();
                    choose(h);
                }
            }
            "Escape" if open.get_untracked() && !query.with_untracked(|q| q.trim().is_empty()) => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
            }
            "Escape" if ch.compact.get_untracked() => {
                ev.prevent_default();
                ev.stop_propagation();
                fold(true);
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("search-option-{i}");
    view! {
        <div class="search" role="search" class:is-folded=folded class:is-unfolded=move || ch.compact.get() && unfolded.get()>
            {move || folded().then(|| view! {
                <button type="button" class="btn btn--icon search__open" data-testid="search-open" node_ref=icon
                    aria-label=move || T::Search.get(c.lang.get()) title=move || T::Search.get(c.lang.get())
                    aria-expanded="false" aria-controls="search-input"
                    on:click=move |_| unfold()>
                    <svg class="btn__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
                        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/>
                        <path d="M12.6 12.6 L17.5 17.5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                    </svg>
                </button>
            })}
            <label class="visually-hidden" for="search-input">{move || T::Search.get(c.lang.get())}</label>
            <input
                id="search-input"
                node_ref=input
                class="search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                data-testid="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || if open.get() && !results.with(Vec::is_empty) { "true" } else { "false" }
                aria-activedescendant=move || {
                    (open.get() && !results.with(Vec::is_empty)).then(|| option_id(active.get()))
                }
                placeholder=move || T::SearchPlaceholder.get(c.lang.get())
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| {
                    // let a click on a result land before the list closes; an
                    // empty field folds away on a compact bar
                    set_timeout(
                        move || {
                            open.set(false);
                            let elsewhere = document().active_element().and_then(|a| a.closest(".search").ok().flatten()).is_none();
                            if elsewhere && query.with_untracked(|q| q.trim().is_empty()) {
                                unfolded.set(false);
                            }
                        },
                        std::time::Duration::from_millis(200),
                    );
                }
            />
            {move || (ch.compact.get() && unfolded.get()).then(|| view! {
                <button type="button" class="btn btn--icon search__close" data-testid="search-close"
                    aria-label=move || T::CloseSearch.get(c.lang.get()) title=move || T::CloseSearch.get(c.lang.get())
                    on:click=move |_| fold(true)>
                    <svg class="btn__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
                        <path d="M16.5 10H4.5M9.5 4.5 4 10l5.5 5.5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                </button>
            })}
            <ul
                id="search-results"
                class="search__results"
                role="listbox"
                data-testid="search-results"
                hidden=move || !open.get() || query.with(|q| q.trim().is_empty())
            >
                {move || {
                    let hits = results.get();
                    if hits.is_empty() {
                        return view! { <li class="search__none" role="option" aria-disabled="true">{T::NoResults.get(c.lang.get())}</li> }.into_any();
                    }
                    hits.into_iter()
                        .enumerate()
                        .map(|(i, h)| {
                            let h2 = h.clone();
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="search__option"
                                    aria-selected=move || if active.get() == i { "true" } else { "false" }
                                    data-testid=format!("result-{}", h.target.id())
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(h2.clone());
                                    }
                                >
                                    {h.name}
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </div>
    }
}
