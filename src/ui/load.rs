//! Fetching the content files from `data/` beside the page. The map fetches
//! in two rounds ([`fetch_first`], then [`fetch`] of the context files that
//! `layers.toml` names, once it answers clicks); `index.html` has already
//! asked for the first round with `<link rel="preload">`, so those download
//! while the wasm does. The editor fetches everything at once
//! ([`fetch_all`]). A page that carries a file inline, as
//! `<script type="text/plain" data-content-file="facts.toml">`, is read
//! instead: the single-file build, opened from `file://`, where nothing can
//! be fetched.

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::content::{first_and_context, Fetched, FILES, FOLDER, LAYERS, LAYER_FILES};

/// The texts of all content files, or for each that failed, why.
pub async fn fetch_all() -> Vec<(&'static str, Fetched)> {
    fetch(&FILES).await
}

/// The first round: every content file but the context files, and the names
/// of those, to fetch once the map answers clicks. A context file carried
/// in the page is read now (the single-file build carries them all).
pub async fn fetch_first() -> (Vec<(&'static str, Fetched)>, Vec<&'static str>) {
    // The files that are not layers are in the first round whatever
    // layers.toml says: ask for them while it comes.
    let catalogue: Vec<&'static str> = FILES.iter().copied().filter(|n| !LAYER_FILES.contains(n)).collect();
    let mut started = start(&catalogue).into_iter();
    let mut files = Vec::with_capacity(FILES.len());
    for (name, started) in started.by_ref() {
        files.push((name, wait(started).await));
        if name == LAYERS {
            break;
        }
    }
    let layers_toml = files.iter().find_map(|(n, f)| match f {
        Fetched::Text(t) if *n == LAYERS => Some(t.as_str()),
        _ => None,
    });
    let (first, context) = first_and_context(layers_toml);
    let (now, later): (Vec<&'static str>, Vec<&'static str>) = context.into_iter().partition(|n| inline(n).is_some());
    let layers: Vec<&'static str> = first.into_iter().chain(now).filter(|n| LAYER_FILES.contains(n)).collect();
    for (name, started) in started.chain(start(&layers)) {
        files.push((name, wait(started).await));
    }
    (files, later)
}

/// The texts of the named files, or for each that failed, why.
pub async fn fetch(names: &[&'static str]) -> Vec<(&'static str, Fetched)> {
    let started = start(names);
    let mut files = Vec::with_capacity(started.len());
    for (name, started) in started {
        files.push((name, wait(started).await));
    }
    files
}

/// Starts every request (or reads the page's copy) before waiting for any.
fn start(names: &[&'static str]) -> Vec<(&'static str, Result<Fetched, Promise>)> {
    names.iter().map(|name| (*name, inline(name).map(Fetched::Text).ok_or_else(|| request(name)))).collect()
}

async fn wait(started: Result<Fetched, Promise>) -> Fetched {
    match started {
        Ok(inline) => inline,
        Err(promise) => receive(promise).await,
    }
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
