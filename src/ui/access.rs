//! Access for everyone: the skip link past the map, the list and 适老化
//! toggles, the polite announcement of each selection, and the keyboard walk
//! between features on the map.
//!
//! 适老化 (large and clear) mode is a class on `<html>` that public/style.css
//! reads; it comes from the link (`care=1`), else from the last visit
//! (localStorage), and is remembered whenever it changes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use super::animate::{fly_to, settled};
use super::camera::{clear_area, selection_bounds};
use super::context::{ctx, Ctx};
use super::details::NARROW_PX;
use super::dom::{focus_by_id, focus_element, storage};
use crate::spatial::reveal::{is_revealed, reveal};
use crate::state::details::headline;
use crate::state::listing::{self, roving, Move};
use crate::state::text::{colon, T};
use crate::state::url::parse_flag;
use crate::state::Selection;

const CARE_KEY: &str = "binjiang-map.care";
/// The class on `<html>` that turns 适老化 styles on.
const CARE_CLASS: &str = "care";
/// Where the skip link lands when the list is closed: the furniture after the map.
pub const AFTER_MAP_ID: &str = "after-map";
/// The list view's heading, where focus goes when the list opens.
pub const LIST_TITLE_ID: &str = "listing-title";

/// 适老化 mode as remembered from an earlier visit, if any.
pub fn remembered_care() -> Option<bool> {
    storage()?.get_item(CARE_KEY).ok().flatten().and_then(|v| parse_flag(&v))
}

/// Applies 适老化 mode to the page and remembers it; call once at start-up.
pub fn sync_care(c: Ctx) {
    Effect::new(move |_| {
        let on = c.care.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force(CARE_CLASS, on);
        }
        if let Some(s) = storage() {
            let _ = s.set_item(CARE_KEY, if on { "1" } else { "0" });
        }
    });
}

/// A zone's, site's or theme's accessible name: name, kind, key figure and
/// how its outline or position is known.
pub fn spoken_name(c: Ctx, sel: &Selection) -> String {
    let data = c.data();
    listing::entry(&data.atlas, &data.layers, &data.catalogue, sel, c.lang.get())
        .map(|e| e.spoken())
        .unwrap_or_default()
}

/// The first focusable element: moves focus past the map's many features, to
/// the list when it is open, else to the controls after the map.
#[component]
pub fn SkipLink() -> impl IntoView {
    let c = ctx();
    view! {
        <a
            class="skip-link"
            href=format!("#{AFTER_MAP_ID}")
            data-testid="skip-link"
            on:click=move |ev| {
                ev.prevent_default();
                let id = if c.list_open.get_untracked() { LIST_TITLE_ID } else { AFTER_MAP_ID };
                focus_by_id(id);
            }
        >
            {move || T::SkipMap.get(c.lang.get())}
        </a>
    }
}

/// Opens and closes the list view; focus goes to the list when it opens.
#[component]
pub fn ListToggle() -> impl IntoView {
    let c = ctx();
    view! {
        <button
            type="button"
            class="btn btn--toggle"
            data-testid="list-toggle"
            aria-controls=move || c.list_open.get().then_some("listing")
            aria-pressed=move || if c.list_open.get() { "true" } else { "false" }
            on:click=move |_| {
                let open = !c.list_open.get_untracked();
                c.list_open.set(open);
                if open {
                    request_animation_frame(|| focus_by_id(LIST_TITLE_ID));
                }
            }
        >
            <svg class="btn__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                <path d="M3 5h2v2H3zM8 5h9v2H8zM3 9h2v2H3zM8 9h9v2H8zM3 13h2v2H3zM8 13h9v2H8z" fill="currentColor"/>
            </svg>
            <span class="btn__label">{move || T::ListToggle.get(c.lang.get())}</span>
        </button>
    }
}

/// Turns 适老化 mode on and off.
#[component]
pub fn CareToggle() -> impl IntoView {
    let c = ctx();
    view! {
        <button
            type="button"
            class="btn btn--toggle"
            data-testid="care-toggle"
            title=move || T::CareModeHint.get(c.lang.get())
            aria-pressed=move || if c.care.get() { "true" } else { "false" }
            on:click=move |_| c.care.update(|v| *v = !*v)
        >
            <span class="btn__glyph" aria-hidden="true">"A+"</span>
            <span class="btn__label">{move || T::CareMode.get(c.lang.get())}</span>
        </button>
    }
}

/// Says each new selection politely: name, kind and key figure.
#[component]
pub fn Announcer() -> impl IntoView {
    let c = ctx();
    let text = move || {
        let sel = c.selected.get()?;
        let data = c.data();
        let lang = c.lang.get();
        let d = headline(&data.atlas, &data.layers, &data.catalogue, &sel, lang)?;
        Some(format!("{}{}{}", T::Selected.get(lang), colon(lang), d.announcement()))
    };
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {text}
        </div>
    }
}

/// The selection a feature element on the map stands for (`zone-ID`, `site-ID`).
pub fn feature_selection(el: &web_sys::Element) -> Option<Selection> {
    let id = el.get_attribute("data-id")?;
    match el.get_attribute("data-testid")?.split_once('-')?.0 {
        "zone" => Some(Selection::Zone(id)),
        "site" => Some(Selection::Site(id)),
        _ => None,
    }
}

/// The zone or site a key event is on, when it is one a visitor can select
/// (context districts are drawn but are not buttons).
pub fn key_target_feature(ev: &KeyboardEvent) -> Option<(web_sys::Element, Selection)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if target.get_attribute("role").as_deref() != Some("button") {
        return None;
    }
    let sel = feature_selection(&target)?;
    Some((target, sel))
}

/// Arrow keys, Home and End on a focused zone or site move focus to another
/// visible feature, in the order Tab takes. Returns whether it handled the key;
/// on the map container itself the keys are left to pan.
pub fn rove(map: &web_sys::Element, ev: &KeyboardEvent) -> bool {
    let Some(m) = Move::from_key(&ev.key()) else { return false };
    let Some((target, _)) = key_target_feature(ev) else { return false };
    let Ok(list) = map.query_selector_all("[role=button][data-id]") else { return false };
    let features: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter(|e| e.get_attribute("visibility").as_deref() != Some("hidden"))
        .collect();
    let current = features.iter().position(|e| *e == target);
    let Some(next) = roving(features.len(), current, m) else { return false };
    ev.prevent_default();
    ev.stop_propagation();
    focus_element(&features[next]);
    true
}

/// Keeps a feature that takes focus from the keyboard in sight and clear of
/// what covers the map's left side (the list, the open legend), without
/// zooming in; a click or a drag that starts on a feature leaves the view alone.
pub fn reveal_focused(c: Ctx, ev: &web_sys::FocusEvent) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if !el.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    let Some(sel) = feature_selection(&el) else { return };
    let Some(b) = selection_bounds(c, &sel) else { return };
    let v = settled(c);
    let mut clear = clear_area(v.width(), v.height());
    if v.width() >= NARROW_PX {
        let map_left = el.closest(".map").ok().flatten().map(|m| m.get_bounding_client_rect().left()).unwrap_or(0.0);
        for cover in [".listing", ".legend[open]"] {
            if let Some(r) = document().query_selector(cover).ok().flatten().map(|e| e.get_bounding_client_rect()) {
                if r.width() > 0.0 {
                    clear.x0 = clear.x0.max(r.right() - map_left + 8.0);
                }
            }
        }
        clear.x0 = clear.x0.min(clear.x1 * 0.5);
    }
    if !is_revealed(&v, b, clear) {
        fly_to(c, reveal(v, b, clear, 32.0, false, v.limits().max_zoom), 400.0);
    }
}
