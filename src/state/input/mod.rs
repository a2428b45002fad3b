//! Input as a pipeline: the map view turns a browser event into a normalised
//! [`Input`] (plain values, no browser types), [`MapInput::handle`] applies
//! the rule for that input under the [`InputOptions`], and out come
//! [`Command`]s that the view carries out (move the view, select, hint).
//!
//! ```text
//! DOM event ──(ui: read the point, the keys)──▶ Input
//!     Input ──(MapInput::handle + InputOptions)──▶ [Command]
//! [Command] ──(ui: Command::apply_to for the view, the rest by hand)──▶ the page
//! ```
//!
//! One file per input, as in Leaflet's `map/handler/`: [`wheel`] (scroll to
//! zoom), [`pointer`] (drag, pinch and click, through [`gesture`]), [`tap`]
//! (double tap and double click) and [`keyboard`] (arrows and +/−). The
//! kiosk reads the same inputs to notice a visitor ([`Input::is_visitor`]).

pub mod gesture;
pub mod keyboard;
pub mod pointer;
pub mod tap;
pub mod wheel;

use crate::spatial::viewport::Viewport;
use crate::spatial::ScreenPoint;
use crate::state::text::T;

pub use keyboard::KeyInput;
pub use pointer::{PointerInput, PointerKind};
pub use tap::ClickInput;
pub use wheel::{DeltaMode, WheelInput};

/// How the map answers input. Every field has a documented default
/// ([`InputOptions::default`]); the map view fills in the last four from the
/// page (embedded or not, `interactive=0`, the platform, 适老化 mode).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputOptions {
    /// Wheel travel (px) that zooms one level with a plain mouse wheel.
    /// Default 300.
    pub wheel_px_per_level: f64,
    /// Wheel travel (px) per level with Ctrl held, which is how browsers
    /// report a trackpad pinch: finer deltas, so fewer px a level. Default 100.
    pub pinch_px_per_level: f64,
    /// Pixels one wheel line counts (`deltaMode` 1, Firefox's mouse wheel).
    /// Default 40.
    pub wheel_line_px: f64,
    /// Pixels one wheel page counts (`deltaMode` 2). Default 800.
    pub wheel_page_px: f64,
    /// The most one wheel event zooms, in levels. Default 1.
    pub wheel_max_levels: f64,
    /// Two taps closer in time than this (ms) are a double tap. Default 320.
    pub double_tap_ms: f64,
    /// …and closer in space than this (px). Default 30.
    pub double_tap_px: f64,
    /// How long (ms) a double click's zoom flies. Default 250.
    pub double_click_fly_ms: f64,
    /// How far (px) an arrow key pans. Default 80.
    pub key_pan_px: f64,
    /// Reach (px) of a mouse click and of the hover tooltip. Default 6.
    pub mouse_reach_px: f64,
    /// Reach (px) of a tap: fingers are wider. Default 16.
    pub touch_reach_px: f64,
    /// Reach (px) of any click or tap in 适老化 mode (a 44 px target). Default 22.
    pub care_reach_px: f64,
    /// Whether input moves the view at all; `interactive=0` in the link makes
    /// a fixed map that still answers clicks. Default `true`.
    pub interactive: bool,
    /// Cooperative gestures, for a map inside another page: a plain wheel and
    /// one finger scroll the host page (the map shows a [`Hint`]); Ctrl/⌘ +
    /// wheel and two fingers move the map. Default `false` (on when embedded).
    pub cooperative: bool,
    /// The platform's zoom key is ⌘ (a Mac), which the hint then names.
    /// Default `false`.
    pub mac: bool,
    /// 适老化 mode: every click or tap reaches [`Self::care_reach_px`].
    /// Default `false`.
    pub care: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            wheel_px_per_level: 300.0,
            pinch_px_per_level: 100.0,
            wheel_line_px: 40.0,
            wheel_page_px: 800.0,
            wheel_max_levels: 1.0,
            double_tap_ms: 320.0,
            double_tap_px: 30.0,
            double_click_fly_ms: 250.0,
            key_pan_px: 80.0,
            mouse_reach_px: 6.0,
            touch_reach_px: 16.0,
            care_reach_px: 22.0,
            interactive: true,
            cooperative: false,
            mac: false,
            care: false,
        }
    }
}

/// A hint the map shows for a moment when it leaves a gesture to the host
/// page (cooperative gestures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// "Hold Ctrl and scroll to zoom".
    CtrlWheel,
    /// "Hold ⌘ and scroll to zoom" (a Mac).
    CmdWheel,
    /// "Use two fingers to move the map".
    TwoFingers,
}

impl Hint {
    /// The hint's words.
    pub fn text(self) -> T {
        match self {
            Hint::CtrlWheel => T::HintWheel,
            Hint::CmdWheel => T::HintWheelMac,
            Hint::TwoFingers => T::HintTouch,
        }
    }
}

/// How a view change is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Motion {
    /// At once (the input itself moves gradually: drag, wheel, keys).
    Jump,
    /// A flight of about this many milliseconds, from where any flight under
    /// way lands (a cut when the visitor prefers reduced motion).
    Fly { ms: f64 },
}

/// What the map view does in answer to an input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// The visitor takes over: any flight under way stops.
    StopFlight,
    /// Move the map content by (dx, dy) px.
    PanBy { dx: f64, dy: f64 },
    /// Zoom by `delta` levels, keeping the map point under `at` in place.
    ZoomAbout { at: ScreenPoint, delta: f64, motion: Motion },
    /// Select what is drawn under `at` within `reach` px, or clear the
    /// selection when nothing is.
    SelectAt { at: ScreenPoint, reach: f64 },
    /// Select the zone or site that has the keyboard's focus.
    SelectFocused,
    /// Name what is under the mouse at this point (`None`: nothing).
    Hover(Option<ScreenPoint>),
    /// Show a hint for a moment.
    ShowHint(Hint),
    /// A drag or pinch ended: draw the view as it now is.
    GestureEnded,
}

impl Command {
    /// Whether the command moves the view.
    pub fn moves_view(&self) -> bool {
        matches!(self, Command::PanBy { .. } | Command::ZoomAbout { .. })
    }

    /// The view after an immediate view command (`PanBy`, `ZoomAbout` with
    /// [`Motion::Jump`]); the view as it was for any other command. A flown
    /// zoom applies to where the flight under way lands, by the view.
    pub fn apply_to(&self, v: Viewport) -> Viewport {
        match *self {
            Command::PanBy { dx, dy } => v.pan_by_pixels(dx, dy),
            Command::ZoomAbout { at, delta, motion: Motion::Jump } => v.zoom_by(at, delta),
            _ => v,
        }
    }
}

/// An input, normalised: what the map's rules need of a browser event.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    PointerDown(PointerInput),
    PointerMove(PointerInput),
    PointerUp(PointerInput),
    /// The browser took the pointer away (a system gesture, lost capture).
    PointerCancel,
    Wheel(WheelInput),
    DoubleClick(ClickInput),
    Key(KeyInput),
}

impl Input {
    /// Whether the input shows a visitor at the screen (a press or a wheel
    /// turn anywhere): what hands a kiosk's map to the visitor.
    pub fn is_visitor(&self) -> bool {
        matches!(self, Input::PointerDown(_) | Input::Wheel(_))
    }
}

/// The map's input state between events: the pointers pressed, the last
/// tap, and whether the last press was a finger.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapInput {
    pointers: pointer::Pointers,
    taps: tap::Taps,
}

impl MapInput {
    /// The commands `input` calls for under `o`, in the order to apply them.
    pub fn handle(&mut self, input: &Input, o: &InputOptions) -> Vec<Command> {
        match input {
            Input::PointerDown(p) => {
                let cmds = self.pointers.down(p);
                if !cmds.is_empty() {
                    self.taps.pressed(p.kind);
                }
                cmds
            }
            Input::PointerMove(p) => self.pointers.moved(p, o),
            Input::PointerUp(p) => {
                let (mut cmds, click) = self.pointers.up(p);
                if click {
                    cmds.extend(self.taps.click(p, o));
                }
                cmds
            }
            Input::PointerCancel => self.pointers.cancel(),
            Input::Wheel(w) => wheel::commands(w, o),
            Input::DoubleClick(d) => self.taps.double_click(d, o),
            Input::Key(k) => keyboard::commands(k, o),
        }
    }

    /// Whether a pointer is pressed on the map (a drag or pinch may be under way).
    pub fn is_pressed(&self) -> bool {
        self.pointers.is_pressed()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn view_commands_move_the_view_and_the_rest_leave_it() {
        let v = Viewport::new(
            crate::spatial::LonLat::new(120.2, 30.2),
            12.0,
            800.0,
            600.0,
            crate::spatial::ViewLimits::WORLD,
        )
        .expect("a valid view");
        let centre = ScreenPoint::new(400.0, 300.0);
        let zoomed = Command::ZoomAbout { at: centre, delta: 1.0, motion: Motion::Jump }.apply_to(v);
        assert!((zoomed.zoom() - 13.0).abs() < 1e-9);
        let panned = Command::PanBy { dx: 10.0, dy: 0.0 }.apply_to(v);
        assert_ne!(panned, v);
        for c in [
            Command::ZoomAbout { at: centre, delta: 1.0, motion: Motion::Fly { ms: 250.0 } },
            Command::SelectFocused,
            Command::ShowHint(Hint::TwoFingers),
            Command::StopFlight,
        ] {
            assert_eq!(c.apply_to(v), v, "{c:?}");
        }
    }

    #[test]
    fn a_press_or_a_wheel_turn_shows_a_visitor_and_a_hover_does_not() {
        let p = PointerInput::mouse(1, ScreenPoint::new(1.0, 1.0), 0.0);
        assert!(Input::PointerDown(p.clone()).is_visitor());
        assert!(Input::Wheel(WheelInput::pixels(ScreenPoint::default(), 10.0)).is_visitor());
        assert!(!Input::PointerMove(p).is_visitor());
        assert!(!Input::PointerCancel.is_visitor());
    }
}
