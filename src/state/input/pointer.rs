//! Pointers on the map: one pointer drags, two pinch (see [`Gesture`]), and a
//! press that barely moves is a click, which [`super::tap`] turns into a
//! selection or a double-tap zoom. A drag or pinch stops any flight under
//! way (the visitor takes over); a click lets it land, so a click or double
//! click during a flight acts on the view the flight lands on rather than on
//! a frame caught halfway (a flight between two views zooms out and back in
//! on its way). The mouse,
//! unpressed, names what it hovers. Embedded with cooperative gestures, one
//! finger is left to scroll the host page and the map says to use two.

use super::gesture::{Gesture, GestureOp};
use super::{Command, Hint, InputOptions, Motion};
use crate::spatial::ScreenPoint;

/// What kind of pointer (`PointerEvent.pointerType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerKind {
    Mouse,
    Touch,
    Pen,
}

impl PointerKind {
    /// `pointerType` as the DOM names it; an unknown type counts as a pen
    /// (a pointer that is not a mouse and not known to be a finger).
    pub fn from_dom(kind: &str) -> PointerKind {
        match kind {
            "mouse" => PointerKind::Mouse,
            "touch" => PointerKind::Touch,
            _ => PointerKind::Pen,
        }
    }
}

/// A pointer event on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct PointerInput {
    /// The browser's pointer id.
    pub id: i32,
    pub kind: PointerKind,
    /// Where, in px from the map's corner.
    pub at: ScreenPoint,
    /// The main button (a mouse's left button; always so for a finger or pen).
    pub primary: bool,
    /// When, in ms (the event's time stamp).
    pub time_ms: f64,
}

impl PointerInput {
    /// A left mouse button event.
    pub fn mouse(id: i32, at: ScreenPoint, time_ms: f64) -> PointerInput {
        PointerInput { id, kind: PointerKind::Mouse, at, primary: true, time_ms }
    }

    /// A finger.
    pub fn touch(id: i32, at: ScreenPoint, time_ms: f64) -> PointerInput {
        PointerInput { id, kind: PointerKind::Touch, ..PointerInput::mouse(id, at, time_ms) }
    }
}

/// The pointers pressed on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pointers {
    gesture: Gesture,
}

impl Pointers {
    pub fn is_pressed(&self) -> bool {
        self.gesture.is_active()
    }

    /// A press (an empty answer: the press is not the map's, such as a
    /// mouse's right button).
    pub fn down(&mut self, p: &PointerInput) -> Vec<Command> {
        if p.kind == PointerKind::Mouse && !p.primary {
            return Vec::new();
        }
        self.gesture.down(p.id, p.at);
        vec![Command::Hover(None)]
    }

    /// A move: a drag or pinch step when pressed, a hover for a free mouse.
    pub fn moved(&mut self, p: &PointerInput, o: &InputOptions) -> Vec<Command> {
        if !self.gesture.is_active() {
            return if p.kind == PointerKind::Mouse { vec![Command::Hover(Some(p.at))] } else { Vec::new() };
        }
        let op = self.gesture.moved(p.id, p.at).filter(|_| o.interactive);
        match op {
            Some(GestureOp::Pan { .. }) if o.cooperative && p.kind == PointerKind::Touch => {
                vec![Command::ShowHint(Hint::TwoFingers)]
            }
            Some(GestureOp::Pan { dx, dy }) => vec![Command::StopFlight, Command::PanBy { dx, dy }],
            Some(GestureOp::Pinch { anchor, zoom_delta, dx, dy }) => vec![
                Command::StopFlight,
                Command::ZoomAbout { at: anchor, delta: zoom_delta, motion: Motion::Jump },
                Command::PanBy { dx, dy },
            ],
            None => Vec::new(),
        }
    }

    /// A release; `true` beside the commands when the whole press was a click.
    pub fn up(&mut self, p: &PointerInput) -> (Vec<Command>, bool) {
        let click = self.gesture.up(p.id);
        let cmds = if self.gesture.is_active() { Vec::new() } else { vec![Command::GestureEnded] };
        (cmds, click)
    }

    /// The browser took the pointers away: forget the gesture.
    pub fn cancel(&mut self) -> Vec<Command> {
        self.gesture.cancel();
        vec![Command::GestureEnded]
    }
}

#[cfg(test)]
mod test {
    use super::super::{Input, MapInput};
    use super::*;

    fn at(x: f64, y: f64) -> ScreenPoint {
        ScreenPoint::new(x, y)
    }

    // A click during a flight stopped it on a frame caught halfway, zoomed out
    // on the flight's curve, and a double click then zoomed from there.
    #[test]
    fn a_drag_stops_a_flight_and_a_click_lets_it_land() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        let down = m.handle(&Input::PointerDown(PointerInput::mouse(1, at(5.0, 5.0), 0.0)), &o);
        assert!(m.is_pressed());
        let click = m.handle(&Input::PointerUp(PointerInput::mouse(1, at(6.0, 5.0), 50.0)), &o);
        assert!(!down.iter().chain(&click).any(|c| *c == Command::StopFlight), "{down:?} {click:?}");
        m.handle(&Input::PointerDown(PointerInput::mouse(1, at(5.0, 5.0), 100.0)), &o);
        let drag = m.handle(&Input::PointerMove(PointerInput::mouse(1, at(25.0, 5.0), 120.0)), &o);
        assert_eq!(drag.first(), Some(&Command::StopFlight));
    }

    #[test]
    fn a_right_click_is_not_the_maps() {
        let o = InputOptions::default();
        let mut m = MapInput::default();
        let right = PointerInput { primary: false, ..PointerInput::mouse(1, at(5.0, 5.0), 0.0) };
        assert!(m.handle(&Input::PointerDown(right), &o).is_empty());
        assert!(!m.is_pressed());
    }

    #[test]
    fn a_drag_pans_and_ends_with_a_redraw_not_a_selection() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        m.handle(&Input::PointerDown(PointerInput::mouse(1, at(10.0, 10.0), 0.0)), &o);
        let step = m.handle(&Input::PointerMove(PointerInput::mouse(1, at(40.0, 30.0), 10.0)), &o);
        assert_eq!(step, vec![Command::StopFlight, Command::PanBy { dx: 30.0, dy: 20.0 }]);
        let end = m.handle(&Input::PointerUp(PointerInput::mouse(1, at(40.0, 30.0), 20.0)), &o);
        assert_eq!(end, vec![Command::GestureEnded]);
    }

    #[test]
    fn a_click_selects_with_the_reach_of_the_pointer() {
        let o = InputOptions::default();
        let click = |p: PointerInput, o: &InputOptions| {
            let mut m = MapInput::default();
            m.handle(&Input::PointerDown(p.clone()), o);
            m.handle(&Input::PointerUp(p.clone()), o)
        };
        let mouse = click(PointerInput::mouse(1, at(50.0, 60.0), 0.0), &o);
        assert_eq!(mouse.last(), Some(&Command::SelectAt { at: at(50.0, 60.0), reach: 6.0 }));
        let finger = click(PointerInput::touch(1, at(50.0, 60.0), 0.0), &o);
        assert_eq!(finger.last(), Some(&Command::SelectAt { at: at(50.0, 60.0), reach: 16.0 }));
        let care = InputOptions { care: true, ..o };
        let mouse = click(PointerInput::mouse(1, at(50.0, 60.0), 0.0), &care);
        assert_eq!(mouse.last(), Some(&Command::SelectAt { at: at(50.0, 60.0), reach: 22.0 }));
    }

    #[test]
    fn a_free_mouse_hovers_and_a_free_finger_does_nothing() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        let hover = m.handle(&Input::PointerMove(PointerInput::mouse(1, at(3.0, 4.0), 0.0)), &o);
        assert_eq!(hover, vec![Command::Hover(Some(at(3.0, 4.0)))]);
        assert!(m.handle(&Input::PointerMove(PointerInput::touch(2, at(3.0, 4.0), 0.0)), &o).is_empty());
    }

    #[test]
    fn embedded_one_finger_hints_and_two_fingers_pinch() {
        let mut m = MapInput::default();
        let o = InputOptions { cooperative: true, ..InputOptions::default() };
        m.handle(&Input::PointerDown(PointerInput::touch(1, at(100.0, 100.0), 0.0)), &o);
        let one = m.handle(&Input::PointerMove(PointerInput::touch(1, at(100.0, 150.0), 10.0)), &o);
        assert_eq!(one, vec![Command::ShowHint(Hint::TwoFingers)]);
        m.handle(&Input::PointerDown(PointerInput::touch(2, at(200.0, 150.0), 20.0)), &o);
        let two = m.handle(&Input::PointerMove(PointerInput::touch(2, at(300.0, 150.0), 30.0)), &o);
        assert!(matches!(two[1], Command::ZoomAbout { delta, .. } if (delta - 1.0).abs() < 1e-12), "{two:?}");
        // A mouse drag inside a host page moves the map as usual.
        let mut m = MapInput::default();
        m.handle(&Input::PointerDown(PointerInput::mouse(1, at(0.0, 0.0), 0.0)), &o);
        let drag = m.handle(&Input::PointerMove(PointerInput::mouse(1, at(0.0, 50.0), 10.0)), &o);
        assert_eq!(drag, vec![Command::StopFlight, Command::PanBy { dx: 0.0, dy: 50.0 }]);
    }

    #[test]
    fn a_fixed_map_does_not_move_but_a_click_still_selects() {
        let mut m = MapInput::default();
        let o = InputOptions { interactive: false, ..InputOptions::default() };
        m.handle(&Input::PointerDown(PointerInput::mouse(1, at(0.0, 0.0), 0.0)), &o);
        assert!(m.handle(&Input::PointerMove(PointerInput::mouse(1, at(0.0, 50.0), 10.0)), &o).is_empty());
        m.handle(&Input::PointerUp(PointerInput::mouse(1, at(0.0, 50.0), 20.0)), &o);
        m.handle(&Input::PointerDown(PointerInput::mouse(1, at(9.0, 9.0), 30.0)), &o);
        let click = m.handle(&Input::PointerUp(PointerInput::mouse(1, at(9.0, 9.0), 40.0)), &o);
        assert_eq!(click.last(), Some(&Command::SelectAt { at: at(9.0, 9.0), reach: 6.0 }));
    }

    #[test]
    fn a_cancelled_gesture_is_forgotten() {
        let mut m = MapInput::default();
        let o = InputOptions::default();
        m.handle(&Input::PointerDown(PointerInput::touch(1, at(0.0, 0.0), 0.0)), &o);
        assert_eq!(m.handle(&Input::PointerCancel, &o), vec![Command::GestureEnded]);
        assert!(!m.is_pressed());
    }
}
