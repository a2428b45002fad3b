//! The details panel: what the sources say about the selected zone, site or
//! theme, each fact with its source. A side panel on wide screens, a bottom
//! sheet under 600 px. Closes with ×, Esc or a click on empty map, and gives
//! focus back to where it was.

use leptos::prelude::*;

use super::animate::after_next_paint;
use super::camera::{select, Framing};
use super::context::ctx;
use super::dom::{focus_by_id, focus_element};
use crate::state::details::{Details, FactView, Link};
use crate::state::layout::Layout;
use crate::state::text::T;

/// Below this width the details are a bottom sheet.
pub const NARROW_PX: f64 = Layout::PAGE.narrow_px;
/// Facts rendered with the panel (more than its first screen holds at
/// 1280×800); the others are added after the panel's first frame.
const FIRST_FACTS: usize = 8;

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let c = ctx();
    let details = Memo::new(move |_| {
        let sel = c.selected.get()?;
        let lang = c.lang.get();
        let data = c.data();
        Details::build(&data.atlas, &data.layers, &data.catalogue, &sel, lang)
    });

    // Focus moves into the panel when it opens and back when it closes, to
    // the element that had it before.
    let return_focus = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |prev: Option<bool>| {
        let open = c.selected.with(|s| s.is_some());
        let was_open = prev.unwrap_or(false);
        if open {
            // Remember where focus was when the panel opened, and again when a
            // control outside the panel (the list, the map) changes what it shows.
            let active = document().active_element();
            let body = document().body().map(web_sys::Element::from);
            let inside = active.as_ref().is_some_and(|a| a.closest(".details").ok().flatten().is_some());
            if !was_open || (!inside && active.is_some() && active != body) {
                return_focus.set_value(active);
            }
        }
        // An embedded map that opens on a selection leaves focus with the host
        // page, and the editor page's map with the editor's form.
        let beside_editor = || document().body().is_some_and(|b| b.class_list().contains("editor-page"));
        let opened_by_host_page = prev.is_none() && (c.data().embedded || beside_editor());
        if open && !opened_by_host_page {
            after_next_paint(|| focus_by_id("details-title"));
        } else if was_open {
            if let Some(el) = return_focus.try_update_value(Option::take).flatten() {
                if el.is_connected() {
                    focus_element(&el);
                }
            }
        }
        open
    });

    // Esc closes the panel wherever focus is.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && c.selected.with_untracked(|s| s.is_some()) {
            ev.prevent_default();
            c.selected.set(None);
        }
    });
    on_cleanup(move || esc.remove());

    move || details.get().map(|d| view! { <Panel d=d/> })
}

#[component]
fn Panel(d: Details) -> impl IntoView {
    let c = ctx();
    let lang = c.lang.get_untracked();
    let has_facts = !d.key_facts.is_empty() || !d.other_facts.is_empty();
    let key_facts = (!d.key_facts.is_empty()).then(|| {
        view! {
            <h3 class="details__section">{T::KeyFigures.get(lang)}</h3>
            <ul class="figures" data-testid="key-facts">
                {d.key_facts.into_iter().map(|f| view! { <FactItem f=f key_figure=true/> }).collect_view()}
            </ul>
        }
    });
    let other_facts = (!d.other_facts.is_empty()).then(|| {
        // The facts a panel shows before it is scrolled go in with it; the
        // rest follow once it is on screen, so a long list does not hold up
        // the frame that answers the click.
        let mut first = d.other_facts;
        let rest = first.split_off(first.len().min(FIRST_FACTS));
        let more = RwSignal::new(false);
        if !rest.is_empty() {
            after_next_paint(move || {
                let _ = more.try_set(true);
            });
        }
        let rest = StoredValue::new(rest);
        view! {
            <h3 class="details__section">{T::MoreFacts.get(lang)}</h3>
            <ul class="facts" data-testid="other-facts">
                {first.into_iter().map(|f| view! { <FactItem f=f key_figure=false/> }).collect_view()}
                {move || {
                    more.get().then(|| {
                        rest.with_value(|r| r.iter().cloned().map(|f| view! { <FactItem f=f key_figure=false/> }).collect_view())
                    })
                }}
            </ul>
        }
    });
    let themes = (!d.themes.is_empty()).then(|| {
        view! {
            <h3 class="details__section">{T::PartOfThemes.get(lang)}</h3>
            <ul class="links">{d.themes.into_iter().map(|l| view! { <LinkItem l=l/> }).collect_view()}</ul>
        }
    });
    let members = (!d.members.is_empty()).then(|| {
        view! {
            <h3 class="details__section">{T::Members.get(lang)}</h3>
            <ul class="links" data-testid="theme-members">
                {d.members.into_iter().map(|l| view! { <LinkItem l=l/> }).collect_view()}
            </ul>
        }
    });
    let basis = d.basis.map(|b| {
        view! {
            <details class="details__basis">
                <summary>{T::DataNote.get(lang)}</summary>
                <p lang="en">{b}</p>
            </details>
        }
    });
    let nature_key = d.nature.key();
    view! {
        <section
            class="details"
            role="dialog"
            aria-modal="false"
            aria-labelledby="details-title"
            data-testid="details"
            data-selection=format!("{}:{}", d.selection.kind(), d.selection.id())
        >
            <header class="details__head">
                <p class="details__kind">{d.kind}</p>
                <h2 id="details-title" class="details__title" tabindex="-1" data-testid="details-title">{d.title}</h2>
                <button
                    type="button"
                    class="btn btn--icon details__close"
                    data-testid="details-close"
                    aria-label=T::Close.get(lang)
                    title=T::Close.get(lang)
                    on:click=move |_| c.selected.set(None)
                >
                    "×"
                </button>
            </header>
            <div class="details__body">
                <p class=format!("details__nature nature--{nature_key}") data-testid="details-nature">{d.nature_text}</p>
                {d.distance.map(|t| view! { <p class="details__distance" data-testid="details-distance">{t}</p> })}
                {basis}
                {key_facts}
                {other_facts}
                {(!has_facts && members.is_none()).then(|| view! { <p class="details__empty">{T::NoFacts.get(lang)}</p> })}
                {members}
                {themes}
            </div>
        </section>
    }
}

/// One fact with its source. Every string is rendered as text, never as HTML.
#[component]
pub fn FactItem(f: FactView, key_figure: bool) -> impl IntoView {
    // A key figure carries its period beside it, where a reader quotes it from.
    let (when, period) = match (key_figure && f.figure.is_some(), f.period) {
        (true, Some(p)) => (Some(view! { <span class="fact__when" data-testid="fact-when">{p}</span> }), None),
        (_, p) => (None, p.map(|p| view! { <span class="fact__period">{p}</span> " · " })),
    };
    let differs = f.differs.map(|t| view! { <p class="fact__differs" data-testid="fact-differs">{t}</p> });
    let series = f.series.map(|t| view! { <p class="fact__series" data-testid="fact-series">{t}</p> });
    let class = if key_figure { "figure" } else { "fact" };
    view! {
        <li class=class data-fact=f.id>
            {f.figure.map(|v| view! { <span class="fact__head"><strong class="fact__figure">{v}</strong> " " {when}</span> })}
            <span class="fact__text">{f.text}</span>
            <span class="fact__meta">{period}<cite class="fact__source">{f.source}</cite></span>
            {series}
            {differs}
        </li>
    }
}

#[component]
fn LinkItem(l: Link) -> impl IntoView {
    let c = ctx();
    let target = l.target.clone();
    let testid = format!("link-{}", l.target.id());
    view! {
        <li>
            <button
                type="button"
                class="btn btn--link"
                data-testid=testid
                on:click=move |_| select(c, Some(target.clone()), Framing::ZoomIn)
            >
                {l.name}
                {(!l.on_map).then(|| view! { <span class="link__note">" · " {T::PositionUnknown.get(c.lang.get_untracked())}</span> })}
            </button>
        </li>
    }
}
