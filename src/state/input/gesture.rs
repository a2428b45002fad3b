//! Pointer gestures as a value: one pointer pans, two pointers pinch (zoom about
//! their midpoint while following it), and a press that barely moves is a click.
//!
//! [`super::pointer`] feeds pointer events in; out come operations on the viewport.

use crate::spatial::ScreenPoint;

/// How far (px) a pointer may travel and still count as a click or tap.
pub const CLICK_SLOP_PX: f64 = 6.0;

/// What the viewport should do in response to a pointer move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GestureOp {
    /// Move the map content by (dx, dy) pixels.
    Pan { dx: f64, dy: f64 },
    /// Zoom by `zoom_delta` about `anchor`, then move by (dx, dy).
    Pinch { anchor: ScreenPoint, zoom_delta: f64, dx: f64, dy: f64 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Tracked {
    id: i32,
    start: ScreenPoint,
    last: ScreenPoint,
}

/// The pointers currently pressed on the map (at most two are tracked).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    pointers: Vec<Tracked>,
    /// Set once the gesture has moved past the click slop or used two pointers.
    dragged: bool,
}

impl Gesture {
    pub fn is_active(&self) -> bool {
        !self.pointers.is_empty()
    }

    pub fn pointer_count(&self) -> usize {
        self.pointers.len()
    }

    /// A pointer was pressed. A third pointer is ignored.
    pub fn down(&mut self, id: i32, at: ScreenPoint) {
        if self.pointers.iter().any(|p| p.id == id) || self.pointers.len() >= 2 {
            return;
        }
        if !self.pointers.is_empty() {
            self.dragged = true;
        }
        self.pointers.push(Tracked { id, start: at, last: at });
    }

    /// A pressed pointer moved; returns the viewport operation it implies.
    pub fn moved(&mut self, id: i32, at: ScreenPoint) -> Option<GestureOp> {
        if !(at.x.is_finite() && at.y.is_finite()) {
            return None;
        }
        let idx = self.pointers.iter().position(|p| p.id == id)?;
        let before = self.pointers[idx].last;
        if self.pointers.len() == 1 {
            self.pointers[idx].last = at;
            if at.distance(self.pointers[idx].start) > CLICK_SLOP_PX {
                self.dragged = true;
            }
            if !self.dragged {
                return None;
            }
            return Some(GestureOp::Pan { dx: at.x - before.x, dy: at.y - before.y });
        }
        let other = self.pointers[1 - idx].last;
        self.pointers[idx].last = at;
        let old_mid = midpoint(before, other);
        let new_mid = midpoint(at, other);
        let old_len = before.distance(other);
        let new_len = at.distance(other);
        let zoom_delta = if old_len > 1.0 && new_len > 1.0 { (new_len / old_len).log2() } else { 0.0 };
        Some(GestureOp::Pinch { anchor: old_mid, zoom_delta, dx: new_mid.x - old_mid.x, dy: new_mid.y - old_mid.y })
    }

    /// A pointer was released. Returns `true` when the whole gesture was a click
    /// (a single pointer that never travelled beyond the slop).
    pub fn up(&mut self, id: i32) -> bool {
        let Some(idx) = self.pointers.iter().position(|p| p.id == id) else {
            return false;
        };
        self.pointers.remove(idx);
        let click = self.pointers.is_empty() && !self.dragged;
        if self.pointers.is_empty() {
            self.dragged = false;
        }
        click
    }

    /// The gesture was cancelled (pointercancel, lost capture): forget everything.
    pub fn cancel(&mut self) {
        *self = Gesture::default();
    }
}

fn midpoint(a: ScreenPoint, b: ScreenPoint) -> ScreenPoint {
    ScreenPoint::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

#[cfg(test)]
mod test {
    use super::*;

    fn p(x: f64, y: f64) -> ScreenPoint {
        ScreenPoint::new(x, y)
    }

    #[test]
    fn a_press_that_stays_put_is_a_click() {
        let mut g = Gesture::default();
        g.down(1, p(10.0, 10.0));
        assert_eq!(g.moved(1, p(12.0, 11.0)), None);
        assert!(g.up(1));
    }

    #[test]
    fn a_drag_pans_by_the_pointer_movement_and_is_not_a_click() {
        let mut g = Gesture::default();
        g.down(1, p(10.0, 10.0));
        assert_eq!(g.moved(1, p(30.0, 10.0)), Some(GestureOp::Pan { dx: 20.0, dy: 0.0 }));
        assert_eq!(g.moved(1, p(30.0, 25.0)), Some(GestureOp::Pan { dx: 0.0, dy: 15.0 }));
        assert!(!g.up(1));
        assert!(!g.is_active());
    }

    #[test]
    fn spreading_two_fingers_to_double_distance_zooms_in_one_level() {
        let mut g = Gesture::default();
        g.down(1, p(100.0, 100.0));
        g.down(2, p(200.0, 100.0));
        match g.moved(2, p(300.0, 100.0)) {
            Some(GestureOp::Pinch { anchor, zoom_delta, dx, dy }) => {
                assert_eq!(anchor, p(150.0, 100.0));
                assert!((zoom_delta - 1.0).abs() < 1e-12);
                assert_eq!((dx, dy), (50.0, 0.0));
            }
            other => panic!("expected a pinch, got {other:?}"),
        }
        assert!(!g.up(2));
        assert!(!g.up(1));
    }

    #[test]
    fn unknown_pointers_and_non_finite_positions_are_ignored() {
        let mut g = Gesture::default();
        assert_eq!(g.moved(7, p(1.0, 1.0)), None);
        g.down(1, p(0.0, 0.0));
        assert_eq!(g.moved(1, p(f64::NAN, 0.0)), None);
        assert!(!g.up(9));
        g.cancel();
        assert!(!g.is_active());
    }
}
