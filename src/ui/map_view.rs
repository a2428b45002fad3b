//! The map itself: one SVG whose geometry is projected once, moved by a single
//! transform; markers and labels placed in screen space from the viewport.
//!
//! Input: pointer events go through [`Gesture`] (pan, pinch, click); the wheel
//! zooms about the cursor; a double click or double tap zooms in; arrow keys
//! pan and +/− zoom. A click is hit-tested with [`Scene::hit`] (with a larger
//! tolerance for touch), so small markers are easy to tap.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

use super::access::{key_target_feature, reveal_focused, rove, spoken_name};
use super::animate::{cancel_flight, fly_to, settled};
use super::context::{ctx, Ctx};
use super::details::{clear_area, selection_bounds, show_selection};
use super::embed::{flash_hint, wheel_hint};
use super::legend::{layer_paint, paint};
use crate::atlas::layer_list::Symbol;
use crate::atlas::layers::ZoneKind;
use crate::atlas::Lang;
use crate::carto::labels::{self, LabelCandidate, Rect};
use crate::carto::scene::{Hit, Scene, SceneSite};
use crate::carto::style;
use crate::spatial::reveal::reveal;
use crate::spatial::{LonLat, ScreenPoint};
use crate::state::gesture::{Gesture, GestureOp};
use crate::state::text::T;
use crate::state::Selection;

pub use crate::carto::scene::HOME_PADDING_PX;
const KEY_PAN_PX: f64 = 80.0;
const MOUSE_TOLERANCE_PX: f64 = 6.0;
const TOUCH_TOLERANCE_PX: f64 = 16.0;
/// In 适老化 mode every feature takes a tap within this reach (a 44 px target).
const CARE_TOLERANCE_PX: f64 = 22.0;
/// In 适老化 mode labels are this much larger (see public/style.css).
const CARE_LABEL_SCALE: f64 = 1.35;
const DOUBLE_TAP_MS: f64 = 320.0;
/// The drawing follows a moving view by a CSS transform and is redrawn this
/// long after the view stops (at once when a drag or pinch ends).
const REDRAW_IDLE_MS: u64 = 120;
/// Beyond this zoom change (a drawing scaled 4×) it looks too coarse: redraw
/// at once. Smaller steps wait for the view to settle, so a run of wheel
/// steps costs one redraw, not one a level.
const REDRAW_ZOOM_STEP: f64 = 2.0;
/// Gap between a marker's centre and the near edge of its label.
const SITE_LABEL_OFFSET: f64 = 17.0;
/// The locator inset's box on the map, in px (its SVG plus padding).
const INSET_BOX: (f64, f64) = (158.0, 120.0);
/// The attribution line covers the bottom of the map; labels stay above it.
const ATTRIBUTION_PX: f64 = 26.0;

/// A site's map label; an estimated position is marked "≈".
fn site_label(site: &SceneSite, lang: Lang) -> String {
    let name = site.label.get(lang);
    if style::is_estimate(site.confidence) {
        format!("≈ {name}")
    } else {
        name.to_string()
    }
}

/// The class of a zone's outline drawn again over the water: the zone's own
/// classes (so a selection highlights it too) with no fill.
fn shore_class(zone_class: &str) -> String {
    format!("{zone_class} zone--shore")
}

/// The axis-aligned box of a `width` × `height` label turned by `deg` degrees.
fn rotated_box(width: f64, height: f64, deg: f64) -> (f64, f64) {
    let (sin, cos) = deg.to_radians().sin_cos();
    (width * cos.abs() + height * sin.abs(), width * sin.abs() + height * cos.abs())
}

/// How a zone or site is highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    Plain,
    /// One of the selected theme's members.
    Member,
    Selected,
}

/// The look of every zone, then every site, in the scene's order.
fn feature_looks(c: Ctx, scene: &Scene, sel: Option<&Selection>) -> Vec<Look> {
    let data = c.data();
    let members: &[String] = match sel {
        Some(Selection::Theme(t)) => data.catalogue.theme(t).map(|t| t.members.as_slice()).unwrap_or(&[]),
        _ => &[],
    };
    let look = |id: &str| {
        if sel.is_some_and(|s| s.is(id)) {
            Look::Selected
        } else if members.iter().any(|m| m == id) {
            Look::Member
        } else {
            Look::Plain
        }
    };
    scene.zones.iter().map(|z| look(&z.id)).chain(scene.sites.iter().map(|s| look(&s.id))).collect()
}

fn feature_class(base: &str, look: Look) -> String {
    match look {
        Look::Plain => base.to_string(),
        Look::Member => format!("{base} is-member"),
        Look::Selected => format!("{base} is-selected"),
    }
}

fn visibility(shown: bool) -> &'static str {
    if shown {
        "visible"
    } else {
        "hidden"
    }
}

fn site_transform(v: &crate::spatial::viewport::Viewport, at: LonLat) -> String {
    v.project(at).map(|p| format!("translate({:.1} {:.1})", p.x, p.y)).unwrap_or_default()
}

/// A drawn layer group, once it is in the page.
fn group(g: NodeRef<leptos::svg::G>) -> Option<web_sys::Element> {
    g.get().map(JsCast::unchecked_into)
}

/// Shows the keyboard's focus ring on the copy of the focused zone's outline
/// drawn over the water (`focused`: the element that has focus, if any), so
/// the ring runs along the whole outline, river bank included.
fn mark_shore_focus(
    zones_g: NodeRef<leptos::svg::G>,
    shores_g: NodeRef<leptos::svg::G>,
    shore_zones: &[usize],
    focused: Option<web_sys::Element>,
) {
    let (Some(zg), Some(sg)) = (group(zones_g), group(shores_g)) else { return };
    let ringed = focused.filter(|f| f.matches(":focus-visible").unwrap_or(false));
    let index = ringed.and_then(|f| drawn_children(&zg).iter().position(|z| *z == f));
    for (el, &i) in drawn_children(&sg).iter().zip(shore_zones) {
        let list = el.class_list();
        let _ = if Some(i) == index { list.add_1("has-focus-ring") } else { list.remove_1("has-focus-ring") };
    }
}

/// The elements of a group, in the order they were drawn.
fn drawn_children(g: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut out = Vec::new();
    let mut next = g.first_element_child();
    while let Some(el) = next {
        next = el.next_element_sibling();
        out.push(el);
    }
    out
}

/// The map point of a mouse, pointer or wheel event, in px from the
/// container's corner. `clientX`/`clientY` are read as the doubles they are
/// (web-sys rounds them to integers), so zooming about the cursor stays exact.
fn local_point(root: &web_sys::HtmlElement, ev: &web_sys::MouseEvent) -> ScreenPoint {
    let r = root.get_bounding_client_rect();
    local_point_from(ScreenPoint::new(r.left(), r.top()), ev)
}

/// [`local_point`] with the container's corner already known: a drag or click
/// reads it once when the pointer goes down, so that later events of the same
/// gesture never force a layout (reading it after a DOM change would).
fn local_point_from(corner: ScreenPoint, ev: &web_sys::MouseEvent) -> ScreenPoint {
    let get = |k: &str| js_sys::Reflect::get(ev, &JsValue::from_str(k)).ok().and_then(|v| v.as_f64());
    let x = get("clientX").unwrap_or(ev.client_x() as f64);
    let y = get("clientY").unwrap_or(ev.client_y() as f64);
    ScreenPoint::new(x - corner.x, y - corner.y)
}

/// Selects what a hit names; zones that are context only are not selectable.
fn selection_of(scene: &Scene, hit: Hit) -> Option<Selection> {
    match hit {
        Hit::Zone(i) => {
            let z = &scene.zones[i];
            (z.kind != ZoneKind::District).then(|| Selection::Zone(z.id.clone()))
        }
        Hit::Site(i) => Some(Selection::Site(scene.sites[i].id.clone())),
    }
}

/// The view of Binjiang: fitted into the part of the map the open legend
/// leaves clear (the whole map when the legend is closed).
fn home_view(
    v: crate::spatial::viewport::Viewport,
    home: crate::spatial::bounds::Bounds,
) -> crate::spatial::viewport::Viewport {
    framed_view(v, home, 0.0)
}

/// The floating buttons along the map's bottom (tour, QR, export) cover
/// about this much; the view of all three zones keeps clear of them.
const ACTION_BAR_PX: f64 = 56.0;

/// `bounds` fitted beside the open legend, `bottom` px kept clear below.
fn framed_view(
    v: crate::spatial::viewport::Viewport,
    home: crate::spatial::bounds::Bounds,
    bottom: f64,
) -> crate::spatial::viewport::Viewport {
    let legend_right = document()
        .query_selector(".legend[open]")
        .ok()
        .flatten()
        .map(|el| el.get_bounding_client_rect().right())
        .unwrap_or(0.0);
    let map_left =
        document().query_selector(".map").ok().flatten().map(|el| el.get_bounding_client_rect().left()).unwrap_or(0.0);
    let x0 = (legend_right - map_left).clamp(0.0, v.width() * 0.4);
    if x0 <= 0.0 && bottom <= 0.0 {
        return v.fit_bounds(home, HOME_PADDING_PX);
    }
    let y1 = (v.height() - bottom).max(v.height() * 0.6);
    let clear = crate::spatial::reveal::ClearArea { x0, y0: 0.0, x1: v.width(), y1 };
    reveal(v, home, clear, HOME_PADDING_PX, true, v.limits().max_zoom)
}

/// Flies the view to the home extent (Binjiang).
pub fn go_home(c: Ctx) {
    let home = c.data().scene.home;
    let target = home_view(c.view.get_untracked(), home);
    fly_to(c, target, 700.0);
}

/// Flies the view to Binjiang and both cooperation zones together.
pub fn go_overview(c: Ctx) {
    let all = c.data().scene.overview;
    let from = c.view.get_untracked();
    let target = framed_view(from, all, ACTION_BAR_PX);
    let ms = (700.0 + 650.0 * from.flight_length(&target)).clamp(700.0, 2000.0);
    fly_to(c, target, ms);
}

/// Follows the container's size with a ResizeObserver.
fn observe_size(el: &web_sys::HtmlElement, c: Ctx) {
    let target = el.clone();
    let cb = Closure::<dyn FnMut()>::new(move || {
        let (w, h) = (target.client_width() as f64, target.client_height() as f64);
        if w > 0.0 && h > 0.0 {
            c.view.update(|v| *v = v.with_size(w, h));
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(el);
    }
    // The map lives as long as the page; the observer with it.
    cb.forget();
}

/// Where the map opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InitialView {
    /// Fitted to Binjiang.
    Home,
    /// Binjiang and the cooperation zones together (`view=all`).
    Overview,
    /// A centre and, optionally, a zoom from the link.
    At(LonLat, Option<f64>),
    /// Showing the selection from the link.
    Selection,
}

#[component]
pub fn MapView(initial: InitialView) -> impl IntoView {
    let c = ctx();
    let data = c.data();
    let root: NodeRef<html::Div> = NodeRef::new();
    let gesture = StoredValue::new(Gesture::default());
    let last_tap = StoredValue::new((f64::NEG_INFINITY, ScreenPoint::default()));
    // Whether the last pointer down was a finger or pen: the browser follows a
    // double tap with a dblclick, which must not zoom a second time.
    let touch_down = StoredValue::new(false);
    // The container's corner while pointers are down (see `local_point_from`).
    let corner = StoredValue::new(None::<ScreenPoint>);
    let hover = RwSignal::new(None::<(Hit, ScreenPoint)>);
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    // The view the SVG is drawn for. While `c.view` moves (drag, wheel,
    // flight) the drawn SVG is carried along by one composited CSS transform,
    // so the browser repaints nothing; paths, markers and labels are redrawn
    // for the new view when it settles.
    let drawn = RwSignal::new(c.view.get_untracked());
    let redraws = StoredValue::new(0u32);
    let redraw = move || {
        redraws.update_value(|n| *n = n.wrapping_add(1));
        let now = c.view.get_untracked();
        if drawn.get_untracked() != now {
            drawn.set(now);
        }
        if let Some(el) = svg.get_untracked() {
            let _ = el.style().remove_property("transform");
        }
    };

    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let el: web_sys::HtmlElement = el.into();
            let (w, h) = (el.client_width() as f64, el.client_height() as f64);
            let (home, overview) = (c.data().scene.home, c.data().scene.overview);
            if w > 0.0 && h > 0.0 {
                c.view.update(|v| {
                    let sized = home_view(v.with_size(w, h), home);
                    *v = match initial {
                        InitialView::Home | InitialView::Selection => sized,
                        InitialView::Overview => framed_view(v.with_size(w, h), overview, ACTION_BAR_PX),
                        InitialView::At(centre, zoom) => sized.with_center_zoom(centre, zoom.unwrap_or(sized.zoom())),
                    };
                });
                if initial == InitialView::Selection {
                    if let Some(sel) = c.selected.get_untracked() {
                        if let Some(b) = selection_bounds(c, &sel) {
                            let v = c.view.get_untracked();
                            let clear = clear_area(v.width(), v.height());
                            c.view.set(reveal(v, b, clear, 32.0, true, 15.0));
                        }
                    }
                }
            }
            observe_size(&el, c);
        }
    });

    Effect::new(move |_| {
        let now = c.view.get();
        let was = drawn.get_untracked();
        let resized = now.width() != was.width() || now.height() != was.height();
        let el = svg.get_untracked();
        if now == was || resized || (now.zoom() - was.zoom()).abs() >= REDRAW_ZOOM_STEP || el.is_none() {
            redraw();
            return;
        }
        if let Some(el) = el {
            let _ = el.style().set_property("transform", &now.screen_map_from(&was).to_css());
        }
        let ticket = redraws.with_value(|n| n.wrapping_add(1));
        redraws.set_value(ticket);
        set_timeout(
            move || {
                // A drag or pinch redraws when it ends; a newer change waits its turn.
                if redraws.get_value() == ticket && !gesture.with_value(|g| g.is_active()) {
                    redraw();
                }
            },
            std::time::Duration::from_millis(REDRAW_IDLE_MS),
        );
    });

    let el = move || -> Option<web_sys::HtmlElement> { root.get_untracked().map(Into::into) };

    let on_pointerdown = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(el) = el() else { return };
        touch_down.set_value(ev.pointer_type() != "mouse");
        cancel_flight(c);
        let r = el.get_bounding_client_rect();
        let origin = ScreenPoint::new(r.left(), r.top());
        corner.set_value(Some(origin));
        let p = local_point_from(origin, &ev);
        gesture.update_value(|g| g.down(ev.pointer_id(), p));
        let _ = el.set_pointer_capture(ev.pointer_id());
        hover.set(None);
    };

    let on_pointermove = move |ev: PointerEvent| {
        let Some(el) = el() else { return };
        let active = gesture.with_value(|g| g.is_active());
        let p = match corner.get_value().filter(|_| active) {
            Some(origin) => local_point_from(origin, &ev),
            None => local_point(&el, &ev),
        };
        if active {
            let mut op = None;
            gesture.update_value(|g| op = g.moved(ev.pointer_id(), p));
            let data = c.data();
            if data.options.fixed {
                op = None;
            }
            // Embedded, one finger scrolls the host page; two move the map.
            if data.embedded && ev.pointer_type() == "touch" && matches!(op, Some(GestureOp::Pan { .. })) {
                flash_hint(c, "touch");
                op = None;
            }
            match op {
                Some(GestureOp::Pan { dx, dy }) => c.view.update(|v| *v = v.pan_by_pixels(dx, dy)),
                Some(GestureOp::Pinch { anchor, zoom_delta, dx, dy }) => {
                    c.view.update(|v| *v = v.zoom_by(anchor, zoom_delta).pan_by_pixels(dx, dy))
                }
                None => {}
            }
        } else if ev.pointer_type() == "mouse" {
            let data = c.data();
            let hit = data.scene.hit(&c.view.get_untracked(), p, MOUSE_TOLERANCE_PX, &c.layers.get_untracked(), true);
            hover.set(hit.map(|h| (h, p)));
        }
    };

    let on_pointerup = move |ev: PointerEvent| {
        let Some(el) = el() else { return };
        let p = match corner.get_value() {
            Some(origin) => local_point_from(origin, &ev),
            None => local_point(&el, &ev),
        };
        let mut click = false;
        gesture.update_value(|g| click = g.up(ev.pointer_id()));
        if !gesture.with_value(|g| g.is_active()) {
            corner.set_value(None);
            if drawn.get_untracked() != c.view.get_untracked() {
                redraw();
            }
        }
        if !click {
            return;
        }
        let touch = ev.pointer_type() != "mouse";
        if touch {
            let now = ev.time_stamp();
            let (t0, p0) = last_tap.get_value();
            if now - t0 < DOUBLE_TAP_MS && p.distance(p0) < 30.0 && !c.data().options.fixed {
                last_tap.set_value((f64::NEG_INFINITY, p));
                c.view.update(|v| *v = v.zoom_by(p, 1.0));
                return;
            }
            last_tap.set_value((now, p));
        }
        let tol = if touch { TOUCH_TOLERANCE_PX } else { MOUSE_TOLERANCE_PX };
        let tol = if c.care.get_untracked() { tol.max(CARE_TOLERANCE_PX) } else { tol };
        let data = c.data();
        let sel = data
            .scene
            .hit(&c.view.get_untracked(), p, tol, &c.layers.get_untracked(), false)
            .and_then(|h| selection_of(&data.scene, h));
        if let Some(s) = &sel {
            show_selection(c, s, false);
        }
        c.selected.set(sel);
    };

    let on_pointercancel = move |_ev: PointerEvent| {
        gesture.update_value(|g| g.cancel());
        corner.set_value(None);
        redraw();
    };

    let on_wheel = move |ev: WheelEvent| {
        let Some(el) = el() else { return };
        let data = c.data();
        if data.options.fixed {
            return;
        }
        // Embedded, a plain wheel scrolls the host page; Ctrl/⌘ + wheel zooms.
        if data.embedded && !(ev.ctrl_key() || ev.meta_key()) {
            flash_hint(c, wheel_hint());
            return;
        }
        ev.prevent_default();
        cancel_flight(c);
        let unit = match ev.delta_mode() {
            1 => 40.0,
            2 => 800.0,
            _ => 1.0,
        };
        // ctrl+wheel is a trackpad pinch: finer deltas
        let per_level = if ev.ctrl_key() { 100.0 } else { 300.0 };
        let dz = (-ev.delta_y() * unit / per_level).clamp(-1.0, 1.0);
        let p = local_point(&el, &ev);
        c.view.update(|v| *v = v.zoom_by(p, dz));
    };

    let on_dblclick = move |ev: web_sys::MouseEvent| {
        let Some(el) = el() else { return };
        if c.data().options.fixed || touch_down.get_value() {
            return;
        }
        ev.prevent_default();
        let p = local_point(&el, &ev);
        let dz = if ev.shift_key() { -1.0 } else { 1.0 };
        let target = settled(c).zoom_by(p, dz);
        fly_to(c, target, 250.0);
    };

    let on_keydown = move |ev: KeyboardEvent| {
        // Enter or Space on a zone or site selects it
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some((_, sel)) = key_target_feature(&ev) {
                ev.prevent_default();
                ev.stop_propagation();
                show_selection(c, &sel, false);
                c.selected.set(Some(sel));
                return;
            }
        }
        // on a zone or site the arrow keys move between features instead
        if el().is_some_and(|el| rove(&el, &ev)) {
            return;
        }
        if c.data().options.fixed {
            return;
        }
        let v = c.view.get_untracked();
        let centre = ScreenPoint::new(v.width() / 2.0, v.height() / 2.0);
        let next = match ev.key().as_str() {
            "ArrowLeft" => v.pan_by_pixels(KEY_PAN_PX, 0.0),
            "ArrowRight" => v.pan_by_pixels(-KEY_PAN_PX, 0.0),
            "ArrowUp" => v.pan_by_pixels(0.0, KEY_PAN_PX),
            "ArrowDown" => v.pan_by_pixels(0.0, -KEY_PAN_PX),
            "+" | "=" => v.zoom_by(centre, 1.0),
            "-" | "_" => v.zoom_by(centre, -1.0),
            _ => return,
        };
        ev.prevent_default();
        cancel_flight(c);
        c.view.set(next);
    };

    let scene = Arc::clone(&data);
    let transform = Memo::new(move |_| drawn.with(|v| v.local_transform(&scene.scene.frame).to_svg()));
    let scene = Arc::clone(&data);
    let hatch_transform = move || {
        let s = drawn.with(|v| v.local_transform(&scene.scene.frame).scale);
        format!("rotate(45) scale({:.5})", 1.0 / s.max(1e-9))
    };

    // The hatching of schematic extents: one pattern per layer of them, in
    // its colours, and one in the stylesheet's for an extent no layer holds.
    let pattern_layers: Vec<(String, Vec<(&'static str, String)>)> = std::iter::once(("hatch".to_string(), Vec::new()))
        .chain(
            data.layers
                .iter()
                .filter(|(_, d)| d.style.symbol == Symbol::Schematic)
                .map(|(_, d)| (style::pattern_id(d), style::paint(d))),
        )
        .collect();
    let patterns = pattern_layers
        .into_iter()
        .map(|(id, p)| {
            let hatch_transform = hatch_transform.clone();
            view! {
                <pattern id=id patternUnits="userSpaceOnUse" width="9" height="9" patternTransform=hatch_transform use:paint=p>
                    <rect class="hatch__bg" width="9" height="9"/>
                    <line class="hatch__line" x1="0" y1="0" x2="0" y2="9"/>
                </pattern>
            }
        })
        .collect_view();

    // Zones, sites and labels are drawn once, with what holds when the map
    // opens; a few effects then write only the attributes that change (the
    // selection's highlight, names on a change of language, visibility on a
    // change of layers, positions after a redraw), so a click or a redraw
    // touches a handful of nodes instead of re-running a closure per feature.
    let zones_g: NodeRef<leptos::svg::G> = NodeRef::new();
    let shores_g: NodeRef<leptos::svg::G> = NodeRef::new();
    let sites_g: NodeRef<leptos::svg::G> = NodeRef::new();
    let labels_g: NodeRef<leptos::svg::G> = NodeRef::new();
    let lang0 = c.lang.get_untracked();
    let layers0 = c.layers.get_untracked();
    let looks0 = feature_looks(c, &data.scene, c.selected.get_untracked().as_ref());

    let zones = data
        .scene
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let selectable = z.kind != ZoneKind::District;
            let label = selectable.then(|| spoken_name(c, &Selection::Zone(z.id.clone())));
            view! {
                <path
                    class=feature_class(z.class, looks0[i])
                    d=z.d.clone()
                    data-testid=format!("zone-{}", z.id)
                    data-id=z.id.clone()
                    visibility=visibility(layers0.shows(z.layer))
                    use:paint=layer_paint(&data.layers, z.layer)
                    tabindex=selectable.then_some("0")
                    role=selectable.then_some("button")
                    aria-label=label
                    aria-hidden=(!selectable).then_some("true")
                />
            }
        })
        .collect_view();

    // Water lies above the zones' fills and would hide their outlines where
    // they cross it (the districts tile the river): those outlines are drawn
    // again above the water, clipped to it.
    let water = data
        .scene
        .water
        .iter()
        .map(|w| {
            let class = if w.line { "water water--line" } else { "water" };
            view! { <path class=class id=format!("water-shape-{}", w.id) d=w.d.clone() data-testid=format!("water-{}", w.id)/> }
        })
        .collect_view();
    // the areas only: an open line would clip to the shape it encloses
    // A centreline shows at small scales only (`SceneWater::shown_at`).
    let water_g: NodeRef<leptos::svg::G> = NodeRef::new();
    let scene = Arc::clone(&data);
    Effect::new(move |_| {
        let zoom = drawn.with(|v| v.zoom());
        let Some(wg) = group(water_g) else { return };
        for (el, w) in drawn_children(&wg).iter().zip(&scene.scene.water) {
            let _ = el.set_attribute("visibility", visibility(w.shown_at(zoom)));
        }
    });
    let water_clip = data
        .scene
        .water
        .iter()
        .filter(|w| !w.line)
        .map(|w| view! { <use href=format!("#water-shape-{}", w.id)/> })
        .collect_view();
    let shores = data
        .scene
        .shore_zones
        .iter()
        .map(|&i| {
            let z = &data.scene.zones[i];
            view! {
                <path
                    class=feature_class(&shore_class(z.class), looks0[i])
                    d=z.d.clone()
                    visibility=visibility(layers0.shows(z.layer))
                    use:paint=layer_paint(&data.layers, z.layer)
                />
            }
        })
        .collect_view();

    let n_zones = data.scene.zones.len();
    let drawn0 = drawn.get_untracked();
    // Each category's marker: its layer's shape and colour.
    let symbol = |s: &SceneSite| style::site_symbol(style::layer_shape(s.layer.and_then(|l| data.layers.get(l))), 7.0);
    let sites = data
        .scene
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let estimate = style::is_estimate(s.confidence);
            view! {
                <g
                    class=feature_class(&s.class, looks0[n_zones + i])
                    transform=site_transform(&drawn0, s.position)
                    visibility=visibility(layers0.shows(s.layer))
                    use:paint=layer_paint(&data.layers, s.layer)
                    data-testid=format!("site-{}", s.id)
                    data-id=s.id.clone()
                    tabindex="0"
                    role="button"
                    aria-label=spoken_name(c, &Selection::Site(s.id.clone()))
                >
                    <circle class="site__target" r="12"/>
                    {estimate.then(|| view! { <circle class="site__halo" r="12"/> })}
                    <path class="site__symbol" d=symbol(s)/>
                </g>
            }
        })
        .collect_view();

    // Labels start hidden; the placement effect below shows those that fit.
    let zone_labels = data
        .scene
        .zones
        .iter()
        .map(|z| {
            let class = match z.kind {
                ZoneKind::Focus => "label label--focus",
                ZoneKind::Cooperation => "label label--cooperation",
                ZoneKind::District => "label label--district",
            };
            view! {
                <text
                    class=class
                    visibility="hidden"
                    text-anchor="middle"
                    dominant-baseline="central"
                    use:paint=layer_paint(&data.layers, z.layer)
                >
                    {z.label.get(lang0).to_string()}
                </text>
            }
        })
        .collect_view();
    let site_labels = data
        .scene
        .sites
        .iter()
        .map(|s| {
            let class = if style::is_estimate(s.confidence) {
                "label label--site label--estimate"
            } else {
                "label label--site"
            };
            view! {
                <text class=class visibility="hidden" text-anchor="middle" dominant-baseline="central">
                    {site_label(s, lang0)}
                </text>
            }
        })
        .collect_view();

    let water_labels = data
        .scene
        .water
        .iter()
        .map(|w| {
            view! {
                <text class="label label--water" visibility="hidden" text-anchor="middle" dominant-baseline="central">
                    {w.names.get(lang0).to_string()}
                </text>
            }
        })
        .collect_view();

    // The selection's highlight: only features whose look changed are written.
    let scene = Arc::clone(&data);
    Effect::new(move |prev: Option<Vec<Look>>| {
        let looks = c.selected.with(|sel| feature_looks(c, &scene.scene, sel.as_ref()));
        let was = prev.unwrap_or_else(|| looks0.clone());
        let (Some(zg), Some(sg)) = (group(zones_g), group(sites_g)) else { return was };
        let s = &scene.scene;
        let bases = s.zones.iter().map(|z| z.class).chain(s.sites.iter().map(|s| s.class.as_str()));
        let els = drawn_children(&zg).into_iter().chain(drawn_children(&sg));
        for (((el, base), now), before) in els.zip(bases).zip(&looks).zip(&was) {
            if now != before {
                let _ = el.set_attribute("class", &feature_class(base, *now));
            }
        }
        if let Some(shg) = group(shores_g) {
            for (el, &i) in drawn_children(&shg).iter().zip(&s.shore_zones) {
                if looks[i] != was[i] {
                    let _ = el.set_attribute("class", &feature_class(&shore_class(s.zones[i].class), looks[i]));
                }
            }
        }
        looks
    });

    // Names for assistive technology, in the language shown; visibility by layer.
    // Every zone, then every site: its layer, and what it selects if it is a button.
    let features: Vec<(Option<crate::state::Layer>, Option<Selection>)> = data
        .scene
        .zones
        .iter()
        .map(|z| (z.layer, (z.kind != ZoneKind::District).then(|| Selection::Zone(z.id.clone()))))
        .chain(data.scene.sites.iter().map(|s| (s.layer, Some(Selection::Site(s.id.clone())))))
        .collect();
    let shore_layers: Vec<Option<crate::state::Layer>> =
        data.scene.shore_zones.iter().map(|&i| data.scene.zones[i].layer).collect();
    Effect::new(move |prev: Option<(Lang, crate::state::layers::LayerSet)>| {
        let (lang, layers) = (c.lang.get(), c.layers.get());
        let was = prev.unwrap_or_else(|| (lang0, layers0.clone()));
        if let Some(shg) = group(shores_g) {
            for (el, layer) in drawn_children(&shg).iter().zip(&shore_layers) {
                if layers.shows(*layer) != was.1.shows(*layer) {
                    let _ = el.set_attribute("visibility", visibility(layers.shows(*layer)));
                }
            }
        }
        let (Some(zg), Some(sg)) = (group(zones_g), group(sites_g)) else { return was };
        let els = drawn_children(&zg).into_iter().chain(drawn_children(&sg));
        for (el, (layer, sel)) in els.zip(&features) {
            if layers.shows(*layer) != was.1.shows(*layer) {
                let _ = el.set_attribute("visibility", visibility(layers.shows(*layer)));
            }
            if let Some(sel) = sel.as_ref().filter(|_| lang != was.0) {
                let _ = el.set_attribute("aria-label", &spoken_name(c, sel));
            }
        }
        (lang, layers)
    });

    // Markers follow the drawn view.
    let scene = Arc::clone(&data);
    Effect::new(move |prev: Option<crate::spatial::viewport::Viewport>| {
        let now = drawn.get();
        let was = prev.unwrap_or(drawn0);
        let Some(sg) = group(sites_g) else { return was };
        if now != was {
            for (el, site) in drawn_children(&sg).iter().zip(&scene.scene.sites) {
                let _ = el.set_attribute("transform", &site_transform(&now, site.position));
            }
        }
        now
    });

    // Labels: zones and sites compete for space, the focus zone first; markers
    // are obstacles no label may cover.
    let scene = Arc::clone(&data);
    let placement = Memo::new(move |_| {
        let v = drawn.get();
        let lang = c.lang.get();
        let layers = c.layers.get();
        let k = if c.care.get() { CARE_LABEL_SCALE } else { 1.0 };
        let s = &scene.scene;
        let none = ScreenPoint::new(f64::NAN, f64::NAN);
        let mut cands = Vec::with_capacity(s.zones.len() + s.sites.len());
        for z in &s.zones {
            let (font, priority) = match z.kind {
                ZoneKind::Focus => (17.0, 0),
                ZoneKind::Cooperation => (14.0, 1),
                ZoneKind::District => (13.0, 3),
            };
            let font = font * k;
            let at = v.project(z.label_at).filter(|_| z.labelled && layers.shows(z.layer)).unwrap_or(none);
            let h = font * 1.3;
            let step = |k: f64| ScreenPoint::new(at.x, at.y + h * k);
            cands.push(LabelCandidate {
                anchors: vec![at, step(-1.6), step(1.6), step(-3.2), step(3.2)],
                width: labels::text_width(z.label.get(lang), font),
                height: h,
                priority,
            });
        }
        let mut obstacles = Vec::with_capacity(s.sites.len());
        for site in &s.sites {
            let font = 12.0 * k;
            let w = labels::text_width(&site_label(site, lang), font);
            let at = v.project(site.position).filter(|_| layers.shows(site.layer)).unwrap_or(none);
            if at.x.is_finite() {
                obstacles.push(Rect::centred(at, 22.0 * k, 22.0 * k, 0.0));
            }
            let off = SITE_LABEL_OFFSET * k + w / 2.0;
            cands.push(LabelCandidate {
                anchors: vec![
                    ScreenPoint::new(at.x + off, at.y),
                    ScreenPoint::new(at.x - off, at.y),
                    ScreenPoint::new(at.x, at.y - 18.0),
                    ScreenPoint::new(at.x, at.y + 18.0),
                ],
                width: w,
                height: font * 1.3,
                priority: 2,
            });
        }
        // the locator inset covers the bottom right of wide maps (public/style.css, `.inset`)
        if v.width() >= 900.0 && v.height() >= 420.0 {
            let (w, h) = (INSET_BOX.0, INSET_BOX.1);
            let centre = ScreenPoint::new(v.width() - 64.0 - w / 2.0, v.height() - 34.0 - h / 2.0);
            obstacles.push(Rect::centred(centre, w, h, 0.0));
        }
        for w in &s.water {
            let font = 15.0 * k;
            let at = v.project(w.label_at).filter(|_| w.shown_at(v.zoom())).unwrap_or(none);
            let (width, height) =
                rotated_box(labels::text_width(w.names.get(lang), font) * 1.2, font * 1.3, w.label_angle_deg);
            cands.push(LabelCandidate { anchors: vec![at], width, height, priority: 3 });
        }
        labels::place(&cands, &obstacles, v.width(), v.height() - ATTRIBUTION_PX, 3.0)
    });

    // Placed labels are moved and shown, the rest hidden; text follows the language.
    let scene = Arc::clone(&data);
    Effect::new(move |prev: Option<(Vec<Option<ScreenPoint>>, Lang)>| {
        let lang = c.lang.get();
        let (was, was_lang) = prev.unwrap_or_else(|| (Vec::new(), lang0));
        let Some(lg) = group(labels_g) else { return (was, was_lang) };
        let s = &scene.scene;
        // Placement changes with every redraw; the text only with the language.
        let mut texts = (lang != was_lang).then(|| {
            s.zones
                .iter()
                .map(|z| z.label.get(lang).to_string())
                .chain(s.sites.iter().map(|s| site_label(s, lang)))
                .chain(s.water.iter().map(|w| w.names.get(lang).to_string()))
        });
        let first_water = s.zones.len() + s.sites.len();
        placement.with(|now| {
            for (i, el) in drawn_children(&lg).iter().enumerate() {
                let (p, before) = (now.get(i).copied().flatten(), was.get(i).copied().flatten());
                if let Some(p) = p.filter(|p| Some(*p) != before) {
                    let _ = el.set_attribute("x", &format!("{:.1}", p.x));
                    let _ = el.set_attribute("y", &format!("{:.1}", p.y));
                    if let Some(w) = i.checked_sub(first_water).and_then(|k| s.water.get(k)) {
                        let turn = format!("rotate({:.1} {:.1} {:.1})", w.label_angle_deg, p.x, p.y);
                        let _ = el.set_attribute("transform", &turn);
                    }
                }
                if p.is_some() != before.is_some() {
                    let _ = el.set_attribute("visibility", visibility(p.is_some()));
                }
                if let Some(text) = texts.as_mut().and_then(Iterator::next) {
                    el.set_text_content(Some(&text));
                }
            }
            (now.clone(), lang)
        })
    });

    let scene = Arc::clone(&data);
    let tooltip = move || {
        let (hit, p) = hover.get()?;
        let lang = c.lang.get();
        let s = &scene.scene;
        let text = match hit {
            Hit::Zone(i) => {
                let z = &s.zones[i];
                let name = z.names.get(lang);
                if z.schematic {
                    format!("{name} · {}", T::Schematic.get(lang))
                } else {
                    name.to_string()
                }
            }
            Hit::Site(i) => s.sites[i].names.get(lang).to_string(),
        };
        Some(view! {
            <div class="tooltip" role="tooltip" style:left=format!("{:.0}px", p.x + 14.0) style:top=format!("{:.0}px", p.y + 14.0)>
                {text}
            </div>
        })
    };

    let size = move || drawn.with(|v| (v.width(), v.height()));

    view! {
        <div
            class="map"
            node_ref=root
            tabindex="0"
            role="region"
            aria-roledescription=move || T::MapRole.get(c.lang.get())
            aria-label=move || T::MapLabel.get(c.lang.get())
            aria-describedby="map-description map-keys"
            data-testid="map"
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointercancel
            on:pointerleave=move |_| hover.set(None)
            on:wheel=on_wheel
            on:dblclick=on_dblclick
            on:keydown=on_keydown
            on:focusin={
                let shore_zones = data.scene.shore_zones.clone();
                move |ev: web_sys::FocusEvent| {
                    reveal_focused(c, &ev);
                    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    mark_shore_focus(zones_g, shores_g, &shore_zones, target);
                }
            }
            on:focusout={
                let shore_zones = data.scene.shore_zones.clone();
                move |_: web_sys::FocusEvent| mark_shore_focus(zones_g, shores_g, &shore_zones, None)
            }
        >
            <p id="map-description" class="visually-hidden">{move || T::MapDescription.get(c.lang.get())}</p>
            <p id="map-keys" class="visually-hidden">{move || T::FeatureKeys.get(c.lang.get())}</p>
            <super::basemap::Basemap drawn/>
            <svg
                class="map__svg"
                node_ref=svg
                role="none"
                width=move || format!("{:.0}", size().0)
                height=move || format!("{:.0}", size().1)
                data-testid="map-svg"
            >
                <defs aria-hidden="true">
                    {patterns}
                    <clipPath id="water-clip">{water_clip}</clipPath>
                </defs>
                <g class="layer layer--geometry" transform=transform node_ref=zones_g>{zones}</g>
                <g class="layer layer--water" transform=transform aria-hidden="true" data-testid="water" node_ref=water_g>
                    {water}
                </g>
                <g
                    class="layer layer--shores"
                    transform=transform
                    clip-path="url(#water-clip)"
                    aria-hidden="true"
                    node_ref=shores_g
                >
                    {shores}
                </g>
                <g class="layer layer--labels" aria-hidden="true" node_ref=labels_g>
                    {zone_labels}
                    {site_labels}
                    {water_labels}
                </g>
                <g class="layer layer--sites" node_ref=sites_g>{sites}</g>
            </svg>
            {tooltip}
        </div>
    }
}
