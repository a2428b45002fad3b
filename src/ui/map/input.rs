//! The map's input, the browser's side of it: DOM events are read into the
//! normalised inputs of [`crate::state::input`] (the point in the map's own
//! pixels, the pointer's kind, the keys held), the rules there answer with
//! [`Command`]s, and these are carried out here: the view moved (in one
//! update), a flight started or stopped, a hit selected, a hint shown.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

use super::super::access::{key_target_feature, rove};
use super::super::animate::{cancel_flight, fly_to, settled};
use super::super::camera::{select, Framing};
use super::super::context::Ctx;
use super::super::embed::{flash_hint, platform_is_mac};
use super::patch::Drawing;
use crate::carto::scene::{Hit, Scene};
use crate::spatial::viewport::Viewport;
use crate::spatial::ScreenPoint;
use crate::state::input::{
    ClickInput, Command, DeltaMode, Input, InputOptions, KeyInput, MapInput, Motion, PointerInput, PointerKind,
    WheelInput,
};
use crate::state::Selection;

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

/// How input answers on this page: embedded maps cooperate with the host
/// page's scrolling, `interactive=0` fixes the view, 适老化 widens the reach.
fn input_options(c: Ctx) -> InputOptions {
    let data = c.data();
    InputOptions {
        interactive: !data.options.fixed,
        cooperative: data.embedded,
        mac: data.embedded && platform_is_mac(),
        care: c.care.get_untracked(),
        ..InputOptions::default()
    }
}

/// A pointer event, normalised, at `at`.
pub fn pointer_input(ev: &PointerEvent, at: ScreenPoint) -> PointerInput {
    PointerInput {
        id: ev.pointer_id(),
        kind: PointerKind::from_dom(&ev.pointer_type()),
        at,
        primary: ev.button() == 0,
        time_ms: ev.time_stamp(),
    }
}

/// A wheel event, normalised, at `at`.
pub fn wheel_input(ev: &WheelEvent, at: ScreenPoint) -> WheelInput {
    WheelInput {
        at,
        delta_y: ev.delta_y(),
        mode: DeltaMode::from_dom(ev.delta_mode()),
        ctrl: ev.ctrl_key(),
        meta: ev.meta_key(),
    }
}

/// Selects what a hit names; zones that are context only are not selectable.
fn selection_of(scene: &Scene, hit: Hit) -> Option<Selection> {
    match hit {
        Hit::Zone(i) => {
            let z = &scene.zones[i];
            z.selectable().then(|| Selection::Zone(z.id.clone()))
        }
        Hit::Site(i) => Some(Selection::Site(scene.sites[i].id.clone())),
    }
}

/// The map's event handlers and what they share.
#[derive(Clone, Copy)]
pub(super) struct MapEvents {
    c: Ctx,
    root: NodeRef<html::Div>,
    /// What the pointers, taps and keys are doing (see `state::input`).
    input: StoredValue<MapInput>,
    /// The container's corner while pointers are down (see `local_point_from`).
    corner: StoredValue<Option<ScreenPoint>>,
    /// What the mouse hovers, for the tooltip.
    pub hover: RwSignal<Option<(Hit, ScreenPoint)>>,
    drawing: Drawing,
}

impl MapEvents {
    pub fn new(c: Ctx, root: NodeRef<html::Div>, drawing: Drawing) -> MapEvents {
        MapEvents {
            c,
            root,
            input: StoredValue::new(MapInput::default()),
            corner: StoredValue::new(None),
            hover: RwSignal::new(None),
            drawing,
        }
    }

    /// Whether a pointer is pressed on the map.
    pub fn is_pressed(self) -> bool {
        self.input.with_value(MapInput::is_pressed)
    }

    fn el(self) -> Option<web_sys::HtmlElement> {
        self.root.get_untracked().map(Into::into)
    }

    /// Feeds an input to the rules and carries out what they answer; view
    /// changes are gathered into one new view, set once.
    fn feed(self, event: Input) -> Vec<Command> {
        let c = self.c;
        let options = input_options(c);
        let mut cmds = Vec::new();
        self.input.update_value(|i| cmds = i.handle(&event, &options));
        let mut view = None::<Viewport>;
        for cmd in &cmds {
            match *cmd {
                Command::StopFlight => cancel_flight(c),
                Command::PanBy { .. } | Command::ZoomAbout { motion: Motion::Jump, .. } => {
                    view = Some(cmd.apply_to(view.unwrap_or_else(|| c.view.get_untracked())));
                }
                Command::ZoomAbout { at, delta, motion: Motion::Fly { ms } } => {
                    fly_to(c, settled(c).zoom_by(at, delta), ms);
                }
                Command::SelectAt { at, reach } => {
                    let data = c.data();
                    let sel = data
                        .scene
                        .hit(&c.view.get_untracked(), at, reach, &c.layers.get_untracked(), false)
                        .and_then(|h| selection_of(&data.scene, h));
                    select(c, sel, Framing::Reveal);
                }
                Command::Hover(at) => {
                    let hit = at.and_then(|p| {
                        let layers = c.layers.get_untracked();
                        c.data()
                            .scene
                            .hit(&c.view.get_untracked(), p, options.mouse_reach_px, &layers, true)
                            .map(|h| (h, p))
                    });
                    self.hover.set(hit);
                }
                Command::ShowHint(h) => flash_hint(c, h),
                Command::GestureEnded => {
                    if !self.drawing.is_current() {
                        self.drawing.redraw();
                    }
                }
                // the key handler knows which feature has focus
                Command::SelectFocused => {}
            }
        }
        if let Some(v) = view {
            c.view.set(v);
        }
        cmds
    }

    /// Where a pointer event is: from the corner read when the press began
    /// while one is under way (see `local_point_from`).
    fn pointer_at(self, ev: &PointerEvent) -> Option<ScreenPoint> {
        match self.corner.get_value() {
            Some(origin) => Some(local_point_from(origin, ev)),
            None => self.el().map(|el| local_point(&el, ev)),
        }
    }

    pub fn pointer_down(self, ev: PointerEvent) {
        let Some(el) = self.el() else { return };
        let r = el.get_bounding_client_rect();
        let origin = ScreenPoint::new(r.left(), r.top());
        let at = local_point_from(origin, &ev);
        if !self.feed(Input::PointerDown(pointer_input(&ev, at))).is_empty() {
            self.corner.set_value(Some(origin));
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    }

    pub fn pointer_move(self, ev: PointerEvent) {
        if !self.is_pressed() {
            self.corner.set_value(None);
        }
        let Some(at) = self.pointer_at(&ev) else { return };
        self.feed(Input::PointerMove(pointer_input(&ev, at)));
    }

    pub fn pointer_up(self, ev: PointerEvent) {
        let Some(at) = self.pointer_at(&ev) else { return };
        self.feed(Input::PointerUp(pointer_input(&ev, at)));
        if !self.is_pressed() {
            self.corner.set_value(None);
        }
    }

    pub fn pointer_cancel(self) {
        self.feed(Input::PointerCancel);
        self.corner.set_value(None);
        self.drawing.redraw();
    }

    pub fn wheel(self, ev: WheelEvent) {
        let Some(el) = self.el() else { return };
        let cmds = self.feed(Input::Wheel(wheel_input(&ev, local_point(&el, &ev))));
        if cmds.iter().any(Command::moves_view) {
            ev.prevent_default();
        }
    }

    pub fn double_click(self, ev: web_sys::MouseEvent) {
        let Some(el) = self.el() else { return };
        let click = ClickInput { at: local_point(&el, &ev), shift: ev.shift_key() };
        if !self.feed(Input::DoubleClick(click)).is_empty() {
            ev.prevent_default();
        }
    }

    pub fn key_down(self, ev: KeyboardEvent) {
        // On a zone or site the arrow keys move focus between features.
        if self.el().is_some_and(|el| rove(&el, &ev)) {
            return;
        }
        let focused = key_target_feature(&ev).map(|(_, sel)| sel);
        let v = self.c.view.get_untracked();
        let key = KeyInput {
            key: ev.key(),
            on_feature: focused.is_some(),
            centre: ScreenPoint::new(v.width() / 2.0, v.height() / 2.0),
        };
        let cmds = self.feed(Input::Key(key));
        if cmds.is_empty() {
            return;
        }
        ev.prevent_default();
        if cmds.contains(&Command::SelectFocused) {
            ev.stop_propagation();
            select(self.c, focused, Framing::Reveal);
        }
    }
}
