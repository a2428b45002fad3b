//! Fetching the content files at start: every file of
//! [`crate::state::content::FILES`] from `data/` beside the page, all at once
//! (`index.html` has already asked for them with `<link rel="preload">`, so
//! they download while the wasm does). A page that carries a file inline, as
//! `<script type="text/plain" data-content-file="facts.toml">`, is read
//! instead: the single-file build, opened from `file://`, where nothing can
//! be fetched.

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::content::{Fetched, FILES, FOLDER};

/// The texts of all content files, or for each that failed, why.
pub async fn fetch_all() -> Vec<(&'static str, Fetched)> {
    // Start every request before waiting for any.
    let started: Vec<(&'static str, Result<Fetched, Promise>)> =
        FILES.iter().map(|name| (*name, inline(name).map(Fetched::Text).ok_or_else(|| request(name)))).collect();
    let mut files = Vec::with_capacity(started.len());
    for (name, started) in started {
        let fetched = match started {
            Ok(inline) => inline,
            Err(promise) => receive(promise).await,
        };
        files.push((name, fetched));
    }
    files
}

/// The file's text carried in the page, if it is.
fn inline(name: &str) -> Option<String> {
    let selector = format!("script[type=\"text/plain\"][data-content-file=\"{name}\"]");
    leptos::prelude::document().query_selector(&selector).ok().flatten().and_then(|e| e.text_content())
}

fn request(name: &str) -> Promise {
    leptos::prelude::window().fetch_with_str(&format!("{FOLDER}/{name}"))
}

async fn receive(promise: Promise) -> Fetched {
    let response: web_sys::Response = match JsFuture::from(promise).await.and_then(|r| r.dyn_into()) {
        Ok(r) => r,
        Err(e) => return Fetched::Failed(describe(&e)),
    };
    if !response.ok() {
        return Fetched::Failed(format!("HTTP {}", response.status()));
    }
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    match text.map(|t| t.as_string()) {
        Ok(Some(t)) => Fetched::Text(t),
        Ok(None) => Fetched::Failed("not text".into()),
        Err(e) => Fetched::Failed(describe(&e)),
    }
}

/// A thrown value in a few words: an Error's message, else its string form.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}
