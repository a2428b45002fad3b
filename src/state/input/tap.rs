//! Clicks and taps: a click or tap selects what is under it (a finger
//! reaches further than a mouse, and in 适老化 mode everything reaches a
//! 44 px target); a second tap soon after and close by zooms in one level
//! about it instead; a double click flies one level in (out with Shift).
//! The browser follows a double tap with a `dblclick`, which must not zoom a
//! second time: a double click after a finger's press is ignored.

use super::pointer::{PointerInput, PointerKind};
use super::{Command, InputOptions, Motion};
use crate::spatial::ScreenPoint;

/// A double click on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClickInput {
    /// Where, in px from the map's corner.
    pub at: ScreenPoint,
    /// Shift held: zoom out.
    pub shift: bool,
}

/// The last tap, and whether the last press was a finger or pen.
#[derive(Clone, Debug, PartialEq)]
pub struct Taps {
    last_tap: (f64, ScreenPoint),
    touch_down: bool,
}

impl Default for Taps {
    fn default() -> Self {
        Taps { last_tap: (f64::NEG_INFINITY, ScreenPoint::default()), touch_down: false }
    }
}

impl Taps {
    /// A press on the map by a pointer of `kind`.
    pub fn pressed(&mut self, kind: PointerKind) {
        self.touch_down = kind != PointerKind::Mouse;
    }

    /// A press that was a click: a double-tap zoom or a selection.
    pub fn click(&mut self, p: &PointerInput, o: &InputOptions) -> Vec<Command> {
        let touch = p.kind != PointerKind::Mouse;
        if touch {
            let (t0, p0) = self.last_tap;
            if p.time_ms - t0 < o.double_tap_ms && p.at.distance(p0) < o.double_tap_px && o.interactive {
                self.last_tap = (f64::NEG_INFINITY, p.at);
                return vec![Command::ZoomAbout { at: p.at, delta: 1.0, motion: Motion::Jump }];
            }
            self.last_tap = (p.time_ms, p.at);
        }
        let reach = if touch { o.touch_reach_px } else { o.mouse_reach_px };
        let reach = if o.care { reach.max(o.care_reach_px) } else { reach };
        vec![Command::SelectAt { at: p.at, reach }]
    }

    /// A double click: one level in about it (out with Shift), flown.
    pub fn double_click(&self, d: &ClickInput, o: &InputOptions) -> Vec<Command> {
        if !o.interactive || self.touch_down {
            return Vec::new();
        }
        let delta = if d.shift { -1.0 } else { 1.0 };
        vec![Command::ZoomAbout { at: d.at, delta, motion: Motion::Fly { ms: o.double_click_fly_ms } }]
    }
}

#[cfg(test)]
mod test {
    use super::super::{Input, MapInput};
    use super::*;

    fn tap(m: &mut MapInput, p: PointerInput, o: &InputOptions) -> Vec<Command> {
        m.handle(&Input::PointerDown(p.clone()), o);
        m.handle(&Input::PointerUp(p), o)
    }

    const AT: ScreenPoint = ScreenPoint { x: 100.0, y: 100.0 };

    #[test]
    fn a_second_tap_soon_and_near_zooms_in_about_it_instead_of_selecting() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        let first = tap(&mut m, PointerInput::touch(1, AT, 1000.0), &o);
        assert!(matches!(first.last(), Some(Command::SelectAt { .. })));
        let near = ScreenPoint::new(110.0, 100.0);
        let second = tap(&mut m, PointerInput::touch(2, near, 1200.0), &o);
        assert_eq!(second.last(), Some(&Command::ZoomAbout { at: near, delta: 1.0, motion: Motion::Jump }));
        // A third tap starts afresh rather than zooming again.
        let third = tap(&mut m, PointerInput::touch(3, near, 1300.0), &o);
        assert!(matches!(third.last(), Some(Command::SelectAt { .. })));
    }

    #[test]
    fn taps_too_slow_or_too_far_apart_each_select() {
        let o = InputOptions::default();
        let mut m = MapInput::default();
        tap(&mut m, PointerInput::touch(1, AT, 1000.0), &o);
        let late = tap(&mut m, PointerInput::touch(2, AT, 1000.0 + o.double_tap_ms), &o);
        assert!(matches!(late.last(), Some(Command::SelectAt { .. })));
        let mut m = MapInput::default();
        tap(&mut m, PointerInput::touch(1, AT, 1000.0), &o);
        let far = tap(&mut m, PointerInput::touch(2, ScreenPoint::new(140.0, 100.0), 1100.0), &o);
        assert!(matches!(far.last(), Some(Command::SelectAt { .. })));
        // Two mouse clicks are a double click, which the browser reports itself.
        let mut m = MapInput::default();
        tap(&mut m, PointerInput::mouse(1, AT, 1000.0), &o);
        let second = tap(&mut m, PointerInput::mouse(1, AT, 1100.0), &o);
        assert!(matches!(second.last(), Some(Command::SelectAt { .. })));
    }

    #[test]
    fn a_double_click_flies_one_level_in_or_out_with_shift() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        tap(&mut m, PointerInput::mouse(1, AT, 0.0), &o);
        let fly = Motion::Fly { ms: 250.0 };
        let dbl = m.handle(&Input::DoubleClick(ClickInput { at: AT, shift: false }), &o);
        assert_eq!(dbl, vec![Command::ZoomAbout { at: AT, delta: 1.0, motion: fly }]);
        let out = m.handle(&Input::DoubleClick(ClickInput { at: AT, shift: true }), &o);
        assert_eq!(out, vec![Command::ZoomAbout { at: AT, delta: -1.0, motion: fly }]);
    }

    #[test]
    fn the_double_click_after_a_double_tap_does_not_zoom_again() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        tap(&mut m, PointerInput::touch(1, AT, 1000.0), &o);
        tap(&mut m, PointerInput::touch(2, AT, 1100.0), &o);
        assert!(m.handle(&Input::DoubleClick(ClickInput { at: AT, shift: false }), &o).is_empty());
    }

    #[test]
    fn a_fixed_map_selects_on_a_double_tap_and_ignores_a_double_click() {
        let mut m = MapInput::default();
        let o = InputOptions { interactive: false, ..InputOptions::default() };
        tap(&mut m, PointerInput::touch(1, AT, 1000.0), &o);
        let second = tap(&mut m, PointerInput::touch(2, AT, 1100.0), &o);
        assert!(matches!(second.last(), Some(Command::SelectAt { .. })));
        let mut m = MapInput::default();
        tap(&mut m, PointerInput::mouse(1, AT, 0.0), &o);
        assert!(m.handle(&Input::DoubleClick(ClickInput { at: AT, shift: false }), &o).is_empty());
    }
}
