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

/// `text` as a blob of the given MIME type.
pub fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
}

/// Saves `blob` as a download named `name`.
pub fn download(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // The browser has read the object URL once the click is handled; it is
    // freed a while later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Saves `text` as a UTF-8 text download named `name`.
pub fn save_text(name: &str, text: &str) {
    if let Some(blob) = text_blob(text, "text/plain;charset=utf-8") {
        download(&blob, name);
    }
}

/// Logs `message` the first time `flag` is raised: a failure that repeats
/// with every view change is said once, not per frame.
pub fn warn_once(flag: &std::sync::atomic::AtomicBool, message: &str) {
    if !flag.swap(true, std::sync::atomic::Ordering::Relaxed) {
        leptos::logging::warn!("binjiang-map: {message}");
    }
}

/// Resolves in a new task: long work split at an `.await` on it lets the
/// browser handle input and paint in between, and no single task blocks the
/// page for the whole of it.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if window().set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
