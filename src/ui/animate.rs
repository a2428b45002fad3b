//! Smooth view changes: a fly-to along the viewport's zoom-pan curve, one
//! animation frame at a time, cut short by any newer move.

use leptos::prelude::*;

use super::context::Ctx;
use super::dom::now_ms;
use crate::spatial::viewport::Viewport;

/// The fly-to under way, kept in the shared state ([`Ctx::flight`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Flight {
    /// Bumped by every new flight and every user gesture; a flight whose
    /// number is no longer current stops.
    id: u32,
    /// Where the flight under way will land.
    target: Option<Viewport>,
}

/// Stops any flight under way (called when the visitor takes over).
pub fn cancel_flight(c: Ctx) {
    c.flight.update_value(|f| *f = Flight { id: f.id.wrapping_add(1), target: None });
}

/// The view as it will be once any flight under way has landed, so that a
/// second click on "zoom in" during a flight zooms from where the first lands.
pub fn settled(c: Ctx) -> Viewport {
    let cur = c.view.get_untracked();
    c.flight.with_value(|f| f.target).map(|t| t.with_size(cur.width(), cur.height())).unwrap_or(cur)
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
pub fn fly_to(c: Ctx, target: Viewport, ms: f64) {
    fly(c, target, ms, false);
}

/// [`fly_to`], moving from the frame after the next: the next frame shows
/// what asked for the flight (a selection's details) without also drawing
/// the map's furniture again for a view that has barely moved (the flight
/// eases in: its first frame moves the view by a pixel or two).
pub fn fly_to_after_next_frame(c: Ctx, target: Viewport, ms: f64) {
    fly(c, target, ms, true);
}

fn fly(c: Ctx, target: Viewport, ms: f64, wait_a_frame: bool) {
    cancel_flight(c);
    if prefers_reduced_motion() || ms <= 0.0 {
        c.view.set(target);
        return;
    }
    let from = c.view.get_untracked();
    let id = c.flight.with_value(|f| f.id);
    c.flight.update_value(|f| f.target = Some(target));
    if wait_a_frame {
        request_animation_frame(move || {
            if c.flight.try_with_value(|f| f.id) == Some(id) {
                step(c, from, target, now_ms(), ms, id);
            }
        });
    } else {
        step(c, from, target, now_ms(), ms, id);
    }
}

fn step(c: Ctx, from: Viewport, to: Viewport, start: f64, ms: f64, id: u32) {
    let view = c.view;
    request_animation_frame(move || {
        // A newer move replaced this flight, or its map was unmounted (the
        // editor mounts the map again with each change): it stops.
        if c.flight.try_with_value(|f| f.id) != Some(id) {
            return;
        }
        let t = ((now_ms() - start) / ms).clamp(0.0, 1.0);
        // ease in-out, so the flight starts and lands gently
        let e = if t < 0.5 { 2.0 * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(2) / 2.0 };
        // keep the current size: the container may have changed during the flight
        let cur = view.get_untracked();
        view.set(from.interpolate(&to, e).with_size(cur.width(), cur.height()));
        if t < 1.0 {
            step(c, from, to, start, ms, id);
        } else {
            c.flight.update_value(|f| f.target = None);
        }
    });
}
