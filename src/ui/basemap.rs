//! The basemap's tiles under the map's drawing, when a site owner turned one
//! on (`state::basemap`); with none, no element and no request.
//!
//! The tiles are placed for the view the drawing was last drawn for and move
//! with it by the same CSS transform while the view changes (see
//! `map_view`), so tiles and drawing never part. Tile levels and positions
//! come from [`crate::spatial::tiles`], which also lines up GCJ-02 tiles with
//! the map's WGS-84 drawing. Tiles that are refused or unreachable switch the
//! basemap off with one notice; the map then looks as it does without one.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{ctx, Ctx};
use super::split::when_loaded;
use crate::spatial::tiles::{cover, tile_zoom, PlacedTile, TileId};
use crate::spatial::Viewport;
use crate::state::basemap::{Basemap, BasemapStatus, TileHealth};
use crate::state::text::T;

/// Tiles are laid this far (CSS px) beyond the map's edges, so a drag shows
/// tiles before the view settles and the tiles are redrawn.
const MARGIN_PX: f64 = 128.0;

/// A tile to draw: its set (bottom first), its place and its address.
#[derive(Clone, Debug, PartialEq)]
struct Tile {
    set: usize,
    id: TileId,
    /// Left, top, width, height in CSS px, on device pixels.
    rect: [f64; 4],
    url: String,
}

/// `v` on the nearest device pixel.
fn snap(v: f64, dpr: f64) -> f64 {
    (v * dpr).round() / dpr
}

/// The tiles of every set covering `view` on a screen of `dpr`.
fn tiles_for(basemap: &Basemap, view: &Viewport, dpr: f64) -> Vec<Tile> {
    let mut out = Vec::new();
    for (set, layer) in basemap.layers.iter().enumerate() {
        let z = tile_zoom(view.zoom(), dpr, layer.max_zoom);
        for PlacedTile { id, left, top, width, height } in cover(view, z, MARGIN_PX, layer.datum) {
            // edges on device pixels, shared by neighbours, so no seam shows
            let (l, t) = (snap(left, dpr), snap(top, dpr));
            let (r, b) = (snap(left + width, dpr), snap(top + height, dpr));
            out.push(Tile { set, id, rect: [l, t, r - l, b - t], url: layer.url(id) });
        }
    }
    out
}

fn device_pixel_ratio() -> f64 {
    let r = window().device_pixel_ratio();
    if r.is_finite() && r > 0.0 {
        r
    } else {
        1.0
    }
}

/// The basemap's tiles, under the drawing; `drawn` is the view the drawing
/// was last drawn for.
#[component]
pub fn Basemap(drawn: RwSignal<Viewport>) -> impl IntoView {
    let c = ctx();
    move || {
        c.basemap
            .with(|s| s.shown().cloned())
            .map(|b| when_loaded("The basemap", super::split::tile_layer(b, drawn), || ()))
    }
}

/// The tile layer as a view, for its split point (`split::tile_layer`).
pub(super) fn tile_layer(basemap: std::sync::Arc<Basemap>, drawn: RwSignal<Viewport>) -> AnyView {
    view! { <TileLayer basemap drawn/> }.into_any()
}

#[component]
fn TileLayer(basemap: std::sync::Arc<Basemap>, drawn: RwSignal<Viewport>) -> impl IntoView {
    let c = ctx();
    let root: NodeRef<html::Div> = NodeRef::new();
    // The first tiles wait for the first frame: by then the view the link asks
    // for (`c=`, `z=`, a selection) has replaced the home view, whose tiles
    // would be fetched for nothing.
    let ready = RwSignal::new(false);
    request_animation_frame(move || ready.set(true));
    // Moves with the drawing while the view changes (as map_view moves the SVG).
    Effect::new(move |_| {
        let (now, was) = (c.view.get(), drawn.get());
        let Some(el) = root.get() else { return };
        let style = web_sys::HtmlElement::style(&el);
        let _ = if now == was {
            style.remove_property("transform").map(drop)
        } else {
            style.set_property("transform", &now.screen_map_from(&was).to_css())
        };
    });
    // The tiles' elements, written directly (as map_view writes its
    // attributes) for each view the drawing is drawn for: a tile still wanted
    // keeps its element and only moves, a new one is added, one gone is removed.
    let shown = StoredValue::new_local(Vec::<((usize, TileId), web_sys::HtmlElement)>::new());
    Effect::new(move |_| {
        let (Some(layer), true) = (root.get(), ready.get()) else { return };
        let wanted = drawn.with(|v| tiles_for(&basemap, v, device_pixel_ratio()));
        shown.update_value(|shown| {
            shown.retain(|(key, el)| {
                let keep = wanted.iter().any(|t| (t.set, t.id) == *key);
                if !keep {
                    el.remove();
                }
                keep
            });
            for t in &wanted {
                let el = match shown.iter().find(|(key, _)| *key == (t.set, t.id)) {
                    Some((_, el)) => el.clone(),
                    None => {
                        let Some(el) = new_tile(t) else { continue };
                        let _ = layer.append_child(&el);
                        shown.push(((t.set, t.id), el.clone()));
                        el
                    }
                };
                let style = el.style();
                for (name, v) in ["left", "top", "width", "height"].into_iter().zip(t.rect) {
                    let _ = style.set_property(name, &format!("{v:.2}px"));
                }
            }
        });
    });
    // Loads and failures, caught on their way down to the tiles (neither
    // bubbles). Tiles failing while none arrive switch the basemap off. (The
    // listeners live as long as the page; once the basemap is off, a late
    // load finds the count gone and does nothing.)
    let health = StoredValue::new(TileHealth::default());
    let listen = move |kind: &'static str, count: fn(&mut TileHealth)| {
        Effect::new(move |_| {
            let Some(layer) = root.get() else { return };
            let cb = Closure::<dyn FnMut()>::new(move || {
                let Some(h) = health.try_update_value(|h| {
                    count(h);
                    *h
                }) else {
                    return;
                };
                if h.is_failing() {
                    leptos::logging::warn!("basemap switched off: {} tiles failed, {} loaded", h.failed, h.loaded);
                    c.basemap.set(BasemapStatus::Failed(T::BasemapFailed));
                }
            });
            let _ = layer.add_event_listener_with_callback_and_bool(kind, cb.as_ref().unchecked_ref(), true);
            cb.forget();
        });
    };
    listen("load", |h| h.loaded += 1);
    listen("error", |h| h.failed += 1);
    view! { <div class="basemap" aria-hidden="true" node_ref=root data-testid="basemap"></div> }
}

/// A tile's element: its set's class (labels over pictures), its address.
fn new_tile(t: &Tile) -> Option<web_sys::HtmlElement> {
    let el: web_sys::HtmlElement = document().create_element("img").ok()?.unchecked_into();
    let class = if t.set == 0 { "basemap__tile" } else { "basemap__tile basemap__tile--over" };
    for (k, v) in [("class", class), ("alt", ""), ("draggable", "false"), ("decoding", "async")] {
        let _ = el.set_attribute(k, v);
    }
    let _ = el.set_attribute("data-tile", &format!("{}/{}/{}/{}", t.set, t.id.z, t.id.x, t.id.y));
    let _ = el.set_attribute("src", &t.url);
    Some(el)
}

/// The basemap's credit, when one is shown, in `lang`: first on the
/// attribution line, so a line cut short still shows it.
pub fn credit(c: Ctx) -> Option<String> {
    let lang = c.lang.get();
    c.basemap.with(|s| {
        let b = s.shown()?;
        Some(match &b.host {
            Some(host) => b.credit.fill(lang, &[("host", host)]),
            None => b.credit.get(lang).to_owned(),
        })
    })
}

/// Why a basemap that was asked for is not shown (no key; tiles refused or
/// unreachable), once, in the interface's language.
#[component]
pub fn BasemapNotice() -> impl IntoView {
    let c = ctx();
    let dismissed = RwSignal::new(false);
    move || {
        let BasemapStatus::Failed(reason) = c.basemap.get() else { return None };
        (!dismissed.get()).then(|| {
            let lang = c.lang.get();
            view! {
                <div class="notice notice--basemap" role="status" data-testid="basemap-notice">
                    <p>{reason.get(lang)}</p>
                    <button type="button" class="btn" on:click=move |_| dismissed.set(true)>{T::Ok.get(lang)}</button>
                </div>
            }
        })
    }
}
