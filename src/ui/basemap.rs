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

use super::context::{ctx, Ctx};
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
    move || c.basemap.with(|s| s.shown().cloned()).map(|b| view! { <TileLayer basemap=b drawn/> })
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
    let tiles = Memo::new(move |_| {
        if !ready.get() {
            return Vec::new();
        }
        drawn.with(|v| tiles_for(&basemap, v, device_pixel_ratio()))
    });
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
    let health = RwSignal::new(TileHealth::default());
    Effect::new(move |_| {
        let h = health.get();
        if h.is_failing() {
            leptos::logging::warn!("basemap switched off: {} tiles failed, {} loaded", h.failed, h.loaded);
            c.basemap.set(BasemapStatus::Failed(T::BasemapFailed));
        }
    });
    let rect = move |set: usize, id: TileId, i: usize| {
        move || {
            tiles
                .with(|ts| ts.iter().find(|t| t.set == set && t.id == id).map(|t| format!("{:.2}px", t.rect[i])))
                .unwrap_or_default()
        }
    };
    view! {
        <div class="basemap" aria-hidden="true" node_ref=root data-testid="basemap">
            <For each=move || tiles.get() key=|t| (t.set, t.id) let:t>
                <img
                    class="basemap__tile"
                    src=t.url.clone()
                    alt=""
                    draggable="false"
                    decoding="async"
                    data-tile=format!("{}/{}/{}/{}", t.set, t.id.z, t.id.x, t.id.y)
                    style:left=rect(t.set, t.id, 0)
                    style:top=rect(t.set, t.id, 1)
                    style:width=rect(t.set, t.id, 2)
                    style:height=rect(t.set, t.id, 3)
                    on:load=move |_| health.update(|h| h.loaded += 1)
                    on:error=move |_| health.update(|h| h.failed += 1)
                />
            </For>
        </div>
    }
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
