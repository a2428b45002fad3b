//! Small browser helpers every component shares: local storage, the clock and
//! focus.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page's local storage, if the browser offers it.
pub fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Milliseconds on the page's monotonic clock (`performance.now()`).
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Focuses any element, HTML or SVG (`focus()` lives on both, not on `Element`).
pub fn focus_element(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &wasm_bindgen::JsValue::from_str("focus")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(el);
        }
    }
}

/// Focuses the element with this id, if it is in the page.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        focus_element(&el);
    }
}
