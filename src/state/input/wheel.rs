//! The wheel zooms about the cursor. Browsers report the wheel in pixels,
//! lines or pages (`deltaMode`); a line counts [`InputOptions::wheel_line_px`]
//! and a page [`InputOptions::wheel_page_px`]. A trackpad pinch arrives as
//! Ctrl + wheel with fine deltas, so it takes fewer pixels a level.
//! Embedded with cooperative gestures, a plain wheel is left to scroll the
//! host page and the map says how to zoom it instead.

use super::{Command, Hint, InputOptions, Motion};
use crate::spatial::ScreenPoint;

/// The unit of a wheel event's delta (`WheelEvent.deltaMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeltaMode {
    Pixel,
    Line,
    Page,
}

impl DeltaMode {
    /// `deltaMode` as the DOM numbers it (0 pixel, 1 line, 2 page; anything
    /// else counts as pixels).
    pub fn from_dom(mode: u32) -> DeltaMode {
        match mode {
            1 => DeltaMode::Line,
            2 => DeltaMode::Page,
            _ => DeltaMode::Pixel,
        }
    }
}

/// A wheel turn over the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelInput {
    /// Where the cursor is, in px from the map's corner.
    pub at: ScreenPoint,
    /// The vertical delta in `mode`'s units; positive scrolls down (zooms out).
    pub delta_y: f64,
    pub mode: DeltaMode,
    /// Ctrl held (or a trackpad pinch).
    pub ctrl: bool,
    /// ⌘ (Meta) held.
    pub meta: bool,
}

impl WheelInput {
    /// A plain wheel turn of `delta_y` px at `at`.
    pub fn pixels(at: ScreenPoint, delta_y: f64) -> WheelInput {
        WheelInput { at, delta_y, mode: DeltaMode::Pixel, ctrl: false, meta: false }
    }
}

/// The commands for a wheel turn: a zoom about the cursor, a hint, or nothing.
pub fn commands(w: &WheelInput, o: &InputOptions) -> Vec<Command> {
    if !o.interactive || !w.delta_y.is_finite() {
        return Vec::new();
    }
    if o.cooperative && !(w.ctrl || w.meta) {
        let hint = if o.mac { Hint::CmdWheel } else { Hint::CtrlWheel };
        return vec![Command::ShowHint(hint)];
    }
    let unit = match w.mode {
        DeltaMode::Pixel => 1.0,
        DeltaMode::Line => o.wheel_line_px,
        DeltaMode::Page => o.wheel_page_px,
    };
    let per_level = if w.ctrl { o.pinch_px_per_level } else { o.wheel_px_per_level };
    let delta = (-w.delta_y * unit / per_level).clamp(-o.wheel_max_levels, o.wheel_max_levels);
    vec![Command::StopFlight, Command::ZoomAbout { at: w.at, delta, motion: Motion::Jump }]
}

#[cfg(test)]
mod test {
    use super::*;

    fn zoom_of(cmds: &[Command]) -> Option<f64> {
        cmds.iter().find_map(|c| match c {
            Command::ZoomAbout { delta, .. } => Some(*delta),
            _ => None,
        })
    }

    const AT: ScreenPoint = ScreenPoint { x: 120.0, y: 80.0 };

    #[test]
    fn a_mouse_wheel_zooms_about_the_cursor_one_level_per_300_px() {
        let o = InputOptions::default();
        let cmds = commands(&WheelInput::pixels(AT, -150.0), &o);
        assert_eq!(cmds, vec![Command::StopFlight, Command::ZoomAbout { at: AT, delta: 0.5, motion: Motion::Jump }]);
        assert_eq!(zoom_of(&commands(&WheelInput::pixels(AT, 300.0), &o)), Some(-1.0));
    }

    #[test]
    fn lines_and_pages_count_in_pixels_and_one_event_zooms_at_most_one_level() {
        let o = InputOptions::default();
        let lines = WheelInput { mode: DeltaMode::Line, ..WheelInput::pixels(AT, -3.0) };
        assert!((zoom_of(&commands(&lines, &o)).unwrap() - 0.4).abs() < 1e-12);
        let page = WheelInput { mode: DeltaMode::Page, ..WheelInput::pixels(AT, 1.0) };
        assert_eq!(zoom_of(&commands(&page, &o)), Some(-1.0));
        assert_eq!(DeltaMode::from_dom(1), DeltaMode::Line);
        assert_eq!(DeltaMode::from_dom(7), DeltaMode::Pixel);
    }

    #[test]
    fn a_trackpad_pinch_is_ctrl_wheel_at_100_px_a_level() {
        let pinch = WheelInput { ctrl: true, ..WheelInput::pixels(AT, -50.0) };
        assert_eq!(zoom_of(&commands(&pinch, &InputOptions::default())), Some(0.5));
    }

    #[test]
    fn embedded_a_plain_wheel_scrolls_the_page_and_names_the_platform_key() {
        let o = InputOptions { cooperative: true, ..InputOptions::default() };
        assert_eq!(commands(&WheelInput::pixels(AT, -100.0), &o), vec![Command::ShowHint(Hint::CtrlWheel)]);
        let mac = InputOptions { mac: true, ..o };
        assert_eq!(commands(&WheelInput::pixels(AT, -100.0), &mac), vec![Command::ShowHint(Hint::CmdWheel)]);
        let cmd = WheelInput { meta: true, ..WheelInput::pixels(AT, -300.0) };
        assert_eq!(zoom_of(&commands(&cmd, &mac)), Some(1.0));
    }

    #[test]
    fn a_fixed_map_ignores_the_wheel() {
        let o = InputOptions { interactive: false, cooperative: true, ..InputOptions::default() };
        assert!(commands(&WheelInput::pixels(AT, -100.0), &o).is_empty());
    }
}
