//! The context layers: the GeoJSON files `layers.toml` lists as
//! `context_files` (the neighbouring districts, the river and lakes), which
//! no click selects. The map opens without them and fetches them once it
//! answers clicks (see [`super::start`]).
//!
//! Until they arrive, the first view's drawing of them (`index.html`,
//! [`crate::carto::first_view`]) stays on the map: when the app mounts, its
//! district paths move into the map's SVG under the zones, its water and the
//! outlines drawn again over the water above them, carried by the map's own
//! transform, so they pan and zoom with it. The rest of the first view goes.
//! When the files arrive the map is drawn again with them and the moved
//! paths are taken off ([`release`]), in the same task: no frame shows
//! neither.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::Ctx;
use crate::atlas::layer_list::Holds;
use crate::atlas::layers::ZoneKind;
use crate::spatial::LonLat;

/// The app's shared state, handed back to [`super::start`] once the app has
/// mounted, so that content arriving later reaches it.
#[derive(Clone, Copy)]
pub struct AppSlot(StoredValue<Option<Ctx>>);

impl AppSlot {
    pub fn new() -> AppSlot {
        AppSlot(StoredValue::new(None))
    }

    pub fn set(&self, c: Ctx) {
        self.0.set_value(Some(c));
    }

    pub fn get(&self) -> Option<Ctx> {
        self.0.get_value()
    }
}

/// The longest the context files wait for the map's first frame, and then
/// for an idle moment.
const SETTLE_TIMEOUT_MS: u32 = 1_000;

/// Runs `f` once the map has been painted (or after [`SETTLE_TIMEOUT_MS`],
/// where the browser holds frames back) and then the browser is idle (at
/// most [`SETTLE_TIMEOUT_MS`] later): the context files never compete with
/// what the first click needs.
pub fn when_settled(f: impl FnOnce() + 'static) {
    type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let once: Once = Rc::new(Cell::new(Some(Box::new(f))));
    let run = move || {
        if let Some(f) = once.take() {
            when_idle(f);
        }
    };
    let fallback = run.clone();
    super::animate::after_next_paint(run);
    set_timeout(fallback, std::time::Duration::from_millis(SETTLE_TIMEOUT_MS.into()));
}

/// Calls `f` when the browser is next idle, at most [`SETTLE_TIMEOUT_MS`]
/// later; at once where there are no idle callbacks.
fn when_idle(f: Box<dyn FnOnce()>) {
    let callback = Closure::once_into_js(f);
    let win = window();
    let idle = js_sys::Reflect::get(&win, &JsValue::from_str("requestIdleCallback")).ok();
    if let Some(idle) = idle.as_ref().and_then(|i| i.dyn_ref::<js_sys::Function>()) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(SETTLE_TIMEOUT_MS));
        if idle.call2(&win, &callback, &options).is_ok() {
            return;
        }
    }
    if let Some(f) = callback.dyn_ref::<js_sys::Function>() {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// The slot in the map's SVG that takes the first view's districts (under
/// the zones) and its water (over them); `ui/map/view.rs` draws both, empty.
const UNDER: &str = "[data-first-view-slot=\"under\"]";
const OVER: &str = "[data-first-view-slot=\"over\"]";

/// Removes the first view; with `keep_context`, its context paths first move
/// into the map (see the module's doc). Runs right after the app mounts, in
/// the same task, so no frame shows both or neither.
pub fn hand_over(c: Option<Ctx>, keep_context: bool) {
    let doc = document();
    let Some(first) = doc.get_element_by_id("first-view") else { return };
    if keep_context {
        if let Some(c) = c {
            keep(c, &first);
        }
    }
    first.remove();
}

fn keep(c: Ctx, first: &web_sys::Element) -> Option<()> {
    let doc = document();
    let svg = first.query_selector("svg").ok()??;
    let under = doc.query_selector(UNDER).ok()??;
    let over = doc.query_selector(OVER).ok()??;
    // The first view draws in the scene's local units, shifted so that its
    // view box starts at the focus zone's north-west corner (its `viewBox`
    // gives the shift's fraction); the map's scene may start elsewhere.
    let data = c.data();
    let focus = data.scene.zones.iter().find(|z| z.kind == ZoneKind::Focus)?;
    let (fx, fy) = data.scene.frame.to_local(LonLat::new(focus.bounds.west, focus.bounds.north))?;
    let view_box = svg.get_attribute("viewBox")?;
    let mut numbers = view_box.split_whitespace().map(str::parse::<f64>);
    let (vx, vy) = (numbers.next()?.ok()?, numbers.next()?.ok()?);
    let shift = format!("translate({:.3} {:.3})", fx - vx, fy - vy);
    for slot in [&under, &over] {
        let _ = slot.set_attribute("transform", &shift);
    }
    // Districts follow their layer's switch. (Their colours are the
    // stylesheet's, which the first view and the layer share.)
    let districts = data.layers.iter().find(|(_, d)| d.holds == Holds::ZoneKind(ZoneKind::District)).map(|(l, _)| l);
    let paths = svg.query_selector_all(".zone--district").ok()?;
    let mut moved = Vec::new();
    for i in 0..paths.length() {
        let Some(el) = paths.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let _ = under.append_child(&el);
        moved.push(el);
    }
    // The water, its clip and the outlines drawn again over it; the zones
    // those outlines repeat go along, unseen, so the copies still find them.
    let defs = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "defs").ok()?;
    let _ = over.append_child(&defs);
    let focus_paths = svg.query_selector_all(".zone--focus, .zone--schematic").ok()?;
    for i in 0..focus_paths.length() {
        if let Some(n) = focus_paths.item(i) {
            let _ = defs.append_child(&n);
        }
    }
    let rest = svg.query_selector_all(":scope > .water, :scope > clipPath, :scope > g").ok()?;
    for i in 0..rest.length() {
        if let Some(n) = rest.item(i) {
            let _ = over.append_child(&n);
        }
    }
    Effect::new(move |_| {
        let shown = c.layers.with(|l| l.shows(districts));
        for el in &moved {
            let _ = el.set_attribute("visibility", if shown { "visible" } else { "hidden" });
        }
    });
    Some(())
}

/// Takes the first view's context off the map: the map's own is drawn in
/// its place, in the same task.
pub fn release() {
    for slot in [UNDER, OVER] {
        if let Some(el) = document().query_selector(slot).ok().flatten() {
            el.set_inner_html("");
            let _ = el.remove_attribute("transform");
        }
    }
}

/// The focus inside the map (a zone, a site, the map itself), to give back
/// to the same feature once the map has been drawn anew: call before, run
/// the result after.
pub fn keep_focus() -> impl FnOnce() {
    let map_focus = document().active_element().filter(|e| e.closest(".map").ok().flatten().is_some());
    let id = map_focus.as_ref().map(|e| e.get_attribute("data-id"));
    move || {
        let Some(id) = id else { return };
        // (before the next frame is painted: the map is drawn anew by then)
        request_animation_frame(move || {
            let doc = document();
            let target = match id {
                Some(id) => doc.query_selector_all(".map [data-id]").ok().and_then(|all| {
                    (0..all.length())
                        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok())
                        .find(|e| e.get_attribute("data-id").as_deref() == Some(id.as_str()))
                }),
                None => doc.query_selector(".map").ok().flatten(),
            };
            // (a zone is an SVG element: its `focus` is reached by name)
            let focus = target.as_ref().and_then(|el| js_sys::Reflect::get(el, &JsValue::from_str("focus")).ok());
            if let (Some(el), Some(f)) = (target, focus.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>())) {
                let _ = f.call0(&el);
            }
        });
    }
}
