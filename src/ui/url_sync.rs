//! Keeps the page URL in step with the view (so a copied link reopens it) and
//! remembers the language across visits. Selections push a history entry, so
//! Back and Forward move between them; panning and zooming replace it.

use std::sync::atomic::AtomicBool;

use leptos::prelude::*;

use super::animate::after_next_paint;
use super::context::Ctx;
use super::dom::{storage, warn_once};
use crate::atlas::Lang;
use crate::state::url::{Ignored, MapState, UrlState};

const LANG_KEY: &str = "binjiang-map.lang";

/// The language remembered from an earlier visit, if any.
pub fn remembered_lang() -> Option<Lang> {
    storage()?.get_item(LANG_KEY).ok().flatten().and_then(|t| Lang::from_tag(&t))
}

/// The state in the current URL, and what in it had to be ignored.
pub fn read_url(layers: &crate::state::Layers) -> (UrlState, Vec<Ignored>) {
    let search = window().location().search().unwrap_or_default();
    UrlState::decode(&search, layers)
}

/// What the map shows, read from the shared state (tracked, so a memo of a
/// link follows it). The address bar and the QR code's link derive from it.
pub fn map_state(c: Ctx) -> MapState {
    let v = c.view.get();
    MapState {
        lang: c.lang.get(),
        selection: c.selected.get(),
        layers: c.layers.get(),
        center: (v.center().lon, v.center().lat),
        zoom: v.zoom(),
        care: c.care.get(),
    }
}

/// The address bar's state: what the map shows, how it is presented, and
/// the options the page was opened with.
fn current_state(c: Ctx) -> UrlState {
    let map = untrack(|| map_state(c));
    UrlState::of_page(&map, &c.data().options, &c.presentation.get_value())
}

fn write(c: Ctx, push: bool) {
    // A map unmounted before a deferred write (the editor mounts the map
    // again with each change) has nothing to write.
    if c.view.try_get_untracked().is_none() {
        return;
    }
    let Ok(history) = window().history() else { return };
    let loc = window().location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = format!("{path}?{}{hash}", current_state(c).encode());
    if loc.search().ok().map(|s| format!("{path}{s}{hash}")) == Some(url.clone()) {
        return;
    }
    let written = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if written.is_err() {
        // the link in the address bar stays the previous one; sharing still works from the dialog
        static WARNED: AtomicBool = AtomicBool::new(false);
        warn_once(&WARNED, "the address bar could not be updated");
    }
}

/// Starts syncing; call once after the shared state exists.
pub fn sync_url(c: Ctx) {
    // Set while applying a history entry, so that applying it does not push
    // another; and while a view write waits for its turn.
    let applying = StoredValue::new(false);
    let write_pending = StoredValue::new(false);
    // Selections: a history entry each.
    Effect::new(move |prev: Option<()>| {
        c.selected.track();
        if prev.is_some() && !applying.get_value() {
            after_next_paint(move || write(c, true));
        }
    });
    // Language and layers: the language is remembered at once (a reload
    // straight after the switch keeps it); the address is replaced once the
    // change is on screen.
    Effect::new(move |_| {
        let lang = c.lang.get();
        c.layers.track();
        c.care.track();
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, lang.tag());
        }
        after_next_paint(move || write(c, false));
    });
    // The view: at most a few writes a second while it moves.
    Effect::new(move |_| {
        c.view.track();
        if write_pending.get_value() {
            return;
        }
        write_pending.set_value(true);
        set_timeout(
            move || {
                write_pending.set_value(false);
                write(c, false);
            },
            std::time::Duration::from_millis(400),
        );
    });
    // Back and Forward: apply the entry's selection.
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        let (st, _) = read_url(&c.data().layers);
        applying.set_value(true);
        c.selected.set(st.selection);
        if let Some(l) = st.lang {
            c.lang.set(l);
        }
        // effects run after this handler; clear the flag once they have
        request_animation_frame(move || applying.set_value(false));
    });
    on_cleanup(move || pop.remove());
}
