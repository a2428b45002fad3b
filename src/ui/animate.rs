//! Smooth view changes: a fly-to along the viewport's zoom-pan curve, one
//! animation frame at a time, cut short by any newer move.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::dom::now_ms;
use crate::spatial::viewport::Viewport;

thread_local! {
    /// Bumped by every new flight and every user gesture; a flight whose
    /// number is no longer current stops.
    static FLIGHT: Cell<u32> = const { Cell::new(0) };
    /// Where the flight under way will land.
    static TARGET: RefCell<Option<Viewport>> = const { RefCell::new(None) };
}

/// Stops any flight under way (called when the visitor takes over).
pub fn cancel_flight() {
    FLIGHT.with(|f| f.set(f.get().wrapping_add(1)));
    TARGET.with(|t| t.borrow_mut().take());
}

/// The view as it will be once any flight under way has landed, so that a
/// second click on "zoom in" during a flight zooms from where the first lands.
pub fn settled(view: RwSignal<Viewport>) -> Viewport {
    let cur = view.get_untracked();
    TARGET.with(|t| *t.borrow()).map(|t| t.with_size(cur.width(), cur.height())).unwrap_or(cur)
}

/// Runs `f` once the next frame has been painted: for work a click causes
/// that the visitor does not see (history entries, focus), so that it does not
/// delay the frame that shows the answer.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Whether the visitor asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().map(|m| m.matches()).unwrap_or(false)
}

/// Moves `view` to `target`: a flight of about `ms` milliseconds, or a cut
/// when reduced motion is preferred.
pub fn fly_to(view: RwSignal<Viewport>, target: Viewport, ms: f64) {
    cancel_flight();
    if prefers_reduced_motion() || ms <= 0.0 {
        view.set(target);
        return;
    }
    let from = view.get_untracked();
    let id = FLIGHT.with(|f| f.get());
    TARGET.with(|t| *t.borrow_mut() = Some(target));
    step(view, from, target, now_ms(), ms, id);
}

fn step(view: RwSignal<Viewport>, from: Viewport, to: Viewport, start: f64, ms: f64, id: u32) {
    request_animation_frame(move || {
        if FLIGHT.with(|f| f.get()) != id {
            return;
        }
        let t = ((now_ms() - start) / ms).clamp(0.0, 1.0);
        // ease in-out, so the flight starts and lands gently
        let e = if t < 0.5 { 2.0 * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(2) / 2.0 };
        // keep the current size: the container may have changed during the flight
        let cur = view.get_untracked();
        view.set(from.interpolate(&to, e).with_size(cur.width(), cur.height()));
        if t < 1.0 {
            step(view, from, to, start, ms, id);
        } else {
            TARGET.with(|t| t.borrow_mut().take());
        }
    });
}
