//! Living inside another page: gestures that cooperate with the host's
//! scrolling, and the postMessage API (see [`crate::state::host`]) through
//! which the host hears about selections and sends commands.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::camera::{select, Framing};
use super::context::{ctx, Ctx};
use super::details::NARROW_PX;
use crate::state::host::{self, Command};
use crate::state::input::Hint;
use crate::state::Selection;

/// Whether the map runs in a frame of another page.
pub fn is_framed() -> bool {
    let w = window();
    match w.top() {
        Ok(Some(top)) => top != w,
        _ => true,
    }
}

/// Shows a hint for a moment (cooperative gestures).
pub fn flash_hint(c: Ctx, hint: Hint) {
    c.hint.set(Some(hint));
    set_timeout(move || c.hint.set(None), std::time::Duration::from_millis(1600));
}

/// Whether the platform's zoom key is ⌘ (a Mac), for the wheel's hint.
pub fn platform_is_mac() -> bool {
    window().navigator().platform().map(|p| p.starts_with("Mac")).unwrap_or(false)
}

#[component]
pub fn GestureHint() -> impl IntoView {
    let c = ctx();
    move || {
        c.hint.get().map(|hint| {
            let text = hint.text().get(c.lang.get());
            view! { <div class="gesture-hint" role="status" data-testid="gesture-hint">{text}</div> }
        })
    }
}

fn own_origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The embedding page's origin, where the browser tells it.
fn parent_origin() -> Option<String> {
    let loc = window().location();
    let ancestors = js_sys::Reflect::get(&loc, &JsValue::from_str("ancestorOrigins")).ok()?;
    if let Some(first) = js_sys::Reflect::get(&ancestors, &JsValue::from_f64(0.0)).ok().and_then(|v| v.as_string()) {
        return Some(first);
    }
    let referrer = document().referrer();
    let rest = referrer.split_once("://")?;
    let host = rest.1.split('/').next()?;
    Some(format!("{}://{}", rest.0, host))
}

fn post(msg: &serde_json::Value) {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    let Ok(js) = js_sys::JSON::parse(&msg.to_string()) else { return };
    let target = parent_origin().unwrap_or_else(|| "*".to_string());
    if parent.post_message(&js, &target).is_err() {
        static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        super::dom::warn_once(&WARNED, "a message to the host page could not be sent");
    }
}

/// The height the map would like its iframe to have.
fn preferred_height(c: Ctx) -> u32 {
    let width = c.view.with_untracked(|v| v.width());
    let base = c.data().options.height.unwrap_or(if width < NARROW_PX { 480 } else { 560 });
    let sheet = c.selected.with_untracked(|s| s.is_some()) && width < NARROW_PX;
    if sheet {
        base + 260
    } else {
        base
    }
}

fn apply(c: Ctx, cmd: Command) {
    let data = c.data();
    match cmd {
        Command::Select(id) => {
            let sel = if data.atlas.zone(&id).is_some() {
                Selection::Zone(id)
            } else if data.atlas.site(&id).is_some() {
                Selection::Site(id)
            } else if data.catalogue.theme(&id).is_some() {
                Selection::Theme(id)
            } else {
                leptos::logging::warn!("binjiang-map: select: no zone, site or theme {id:?}");
                return;
            };
            select(c, Some(sel), Framing::ZoomIn);
        }
        Command::Clear => c.selected.set(None),
        Command::SetLanguage(l) => c.lang.set(l),
        Command::SetLayers(l) => c.layers.set(l),
        Command::FitAll => super::map::go_overview(c),
    }
}

/// Starts talking to the host page: events out, commands in.
pub fn start_host_bridge(c: Ctx) {
    let listed = c.data().options.origins.clone();
    let own = own_origin();
    let parent = parent_origin();
    let listener = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let text = js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()).unwrap_or_default();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { return };
        // Messages of other protocols on the same window are not ours to judge.
        if value.get("ns").and_then(|v| v.as_str()) != Some(host::NAMESPACE) {
            return;
        }
        let origin = ev.origin();
        if !host::origin_allowed(&origin, &listed, &own, parent.as_deref()) {
            leptos::logging::warn!(
                "binjiang-map: ignored a command from {origin}: origin not allowed (see the origins= parameter)"
            );
            return;
        }
        match host::parse_command(&value, &c.data().layers) {
            Ok(cmd) => apply(c, cmd),
            Err(why) => leptos::logging::warn!("binjiang-map: ignored a malformed command: {why}"),
        }
    });
    on_cleanup(move || listener.remove());

    post(&host::ready(c.lang.get_untracked()));
    Effect::new(move |prev: Option<()>| {
        let sel = c.selected.get();
        if prev.is_none() && sel.is_none() {
            return;
        }
        let data = c.data();
        match sel {
            Some(s) => {
                let names = match &s {
                    Selection::Zone(id) => data.atlas.zone(id).map(|z| z.names.clone()),
                    Selection::Site(id) => data.atlas.site(id).map(|x| x.names.clone()),
                    Selection::Theme(id) => data.catalogue.theme(id).map(|t| t.names.clone()),
                };
                post(&host::select(&s, &names.unwrap_or_default()));
            }
            None => post(&host::deselect()),
        }
    });
    Effect::new(move |prev: Option<()>| {
        let lang = c.lang.get();
        if prev.is_some() {
            post(&host::language_change(lang));
        }
    });
    Effect::new(move |last: Option<u32>| {
        c.selected.track();
        c.view.with(|v| v.width());
        let h = preferred_height(c);
        if last != Some(h) {
            post(&host::resize(h));
        }
        h
    });
}
