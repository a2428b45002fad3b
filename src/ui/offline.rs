//! Registers the service worker (`sw.js`, next to `index.html`) that keeps a
//! copy of the release build, so the map works after one visit with the
//! network gone. Pages opened from a file (the single-file build) have no
//! service worker and need none.

use wasm_bindgen::{JsCast, JsValue};

/// Asks the browser to install `./sw.js`; does nothing where service workers
/// are unavailable (file://, old browsers, private modes that refuse them).
pub fn register_service_worker() {
    let Some(win) = web_sys::window() else { return };
    let protocol = win.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    let Ok(nav) = js_sys::Reflect::get(&win, &JsValue::from_str("navigator")) else { return };
    let Ok(sw) = js_sys::Reflect::get(&nav, &JsValue::from_str("serviceWorker")) else { return };
    if sw.is_undefined() || sw.is_null() {
        return;
    }
    let Ok(register) = js_sys::Reflect::get(&sw, &JsValue::from_str("register")) else { return };
    if let Some(register) = register.dyn_ref::<js_sys::Function>() {
        // A refusal leaves the map working online; it is only logged by the browser.
        let _ = register.call1(&sw, &JsValue::from_str("./sw.js"));
    }
}
