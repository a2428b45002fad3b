//! Registers the service worker (`sw.js`, next to `index.html`) that keeps a
//! copy of the release build, so the map works after one visit with the
//! network gone. Pages opened from a file (the single-file build) have no
//! service worker and need none.
//!
//! Registration waits until the page has loaded and the browser is idle, after
//! the app has mounted: the worker's precache then downloads what the page has
//! not yet fetched without competing with the first load.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Provided by the map's own page: the app registers the offline copy.
#[derive(Clone, Copy)]
pub struct OfflineCopy;

/// The longest the registration waits for an idle moment after the page's
/// `load` event; a busy kiosk page still gets its offline copy.
const IDLE_TIMEOUT_MS: u32 = 5_000;

/// Registers the service worker once the page has loaded and is idle;
/// `keep_chunks` (a presenter's page) then asks it to keep the wasm chunks
/// loaded on first use too, so the tour works offline before it was ever
/// opened.
pub fn register_service_worker_when_idle(keep_chunks: bool) {
    let Some(win) = web_sys::window() else { return };
    let loaded = win.document().is_some_and(|d| d.ready_state() == "complete");
    let when_idle = Closure::once_into_js(move || when_idle(keep_chunks));
    if loaded {
        when_idle.unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL).ok();
    } else if let Some(f) = when_idle.dyn_ref::<js_sys::Function>() {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        win.add_event_listener_with_callback_and_add_event_listener_options("load", f, &options).ok();
    }
}

/// Calls [`register_service_worker`] when the browser is next idle (at most
/// [`IDLE_TIMEOUT_MS`] later), or after a second where it has no idle callbacks.
fn when_idle(keep_chunks: bool) {
    let Some(win) = web_sys::window() else { return };
    let register = Closure::once_into_js(move || register_service_worker(keep_chunks));
    let idle = js_sys::Reflect::get(&win, &JsValue::from_str("requestIdleCallback")).ok();
    if let Some(idle) = idle.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(IDLE_TIMEOUT_MS)).ok();
        if idle.call2(&win, &register, &options).is_ok() {
            return;
        }
    }
    if let Some(f) = register.dyn_ref::<js_sys::Function>() {
        win.set_timeout_with_callback_and_timeout_and_arguments_0(f, 1_000).ok();
    }
}

/// Asks the browser to install `./sw.js`; does nothing where service workers
/// are unavailable (file://, old browsers, private modes that refuse them).
fn register_service_worker(keep_chunks: bool) {
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
    if keep_chunks {
        ask_to_keep_chunks(&sw);
    }
}

/// Once the worker is active, asks it to keep every wasm chunk as well (see
/// `sw.js`): one script for every page, so a visitor going from a
/// presenter's page to an embedded one never swaps workers mid-navigation.
fn ask_to_keep_chunks(sw: &JsValue) {
    let Ok(ready) = js_sys::Reflect::get(sw, &JsValue::from_str("ready")) else { return };
    let Ok(ready) = ready.dyn_into::<js_sys::Promise>() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        let Ok(active) = js_sys::Reflect::get(&registration, &JsValue::from_str("active")) else { return };
        let Ok(post) = js_sys::Reflect::get(&active, &JsValue::from_str("postMessage")) else { return };
        if let Some(post) = post.dyn_ref::<js_sys::Function>() {
            let _ = post.call1(&active, &JsValue::from_str("keep-chunks"));
        }
    });
}
