//! Keys on the map: Enter or Space on a focused zone or site selects it; on
//! the map itself the arrows pan by [`InputOptions::key_pan_px`] and + / −
//! (also = and _, the same keys without Shift) zoom one level about the
//! centre. Arrows on a focused feature move focus between features instead;
//! the view moves that focus, before these rules.

use super::{Command, InputOptions, Motion};
use crate::spatial::ScreenPoint;

/// A key pressed on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyInput {
    /// `KeyboardEvent.key`.
    pub key: String,
    /// Focus is on a zone or site (a button on the map).
    pub on_feature: bool,
    /// The map's centre, in px from its corner.
    pub centre: ScreenPoint,
}

/// The commands for a key on the map (none: the key is not the map's).
pub fn commands(k: &KeyInput, o: &InputOptions) -> Vec<Command> {
    if k.on_feature && matches!(k.key.as_str(), "Enter" | " ") {
        return vec![Command::SelectFocused];
    }
    if !o.interactive {
        return Vec::new();
    }
    let step = o.key_pan_px;
    let zoom = |delta| Command::ZoomAbout { at: k.centre, delta, motion: Motion::Jump };
    let cmd = match k.key.as_str() {
        "ArrowLeft" => Command::PanBy { dx: step, dy: 0.0 },
        "ArrowRight" => Command::PanBy { dx: -step, dy: 0.0 },
        "ArrowUp" => Command::PanBy { dx: 0.0, dy: step },
        "ArrowDown" => Command::PanBy { dx: 0.0, dy: -step },
        "+" | "=" => zoom(1.0),
        "-" | "_" => zoom(-1.0),
        _ => return Vec::new(),
    };
    vec![Command::StopFlight, cmd]
}

#[cfg(test)]
mod test {
    use super::*;

    fn key(k: &str, on_feature: bool) -> KeyInput {
        KeyInput { key: k.to_string(), on_feature, centre: ScreenPoint::new(400.0, 300.0) }
    }

    #[test]
    fn arrows_move_the_map_under_them_the_way_they_point_to_look() {
        let o = InputOptions::default();
        assert_eq!(commands(&key("ArrowLeft", false), &o)[1], Command::PanBy { dx: 80.0, dy: 0.0 });
        assert_eq!(commands(&key("ArrowDown", false), &o)[1], Command::PanBy { dx: 0.0, dy: -80.0 });
    }

    #[test]
    fn plus_and_minus_zoom_about_the_centre_with_or_without_shift() {
        let o = InputOptions::default();
        let at = ScreenPoint::new(400.0, 300.0);
        for (k, delta) in [("+", 1.0), ("=", 1.0), ("-", -1.0), ("_", -1.0)] {
            assert_eq!(
                commands(&key(k, false), &o),
                vec![Command::StopFlight, Command::ZoomAbout { at, delta, motion: Motion::Jump }],
                "{k}"
            );
        }
    }

    #[test]
    fn enter_or_space_selects_a_focused_feature_even_on_a_fixed_map() {
        let fixed = InputOptions { interactive: false, ..InputOptions::default() };
        assert_eq!(commands(&key("Enter", true), &fixed), vec![Command::SelectFocused]);
        assert_eq!(commands(&key(" ", true), &fixed), vec![Command::SelectFocused]);
        assert!(commands(&key("Enter", false), &fixed).is_empty());
        assert!(commands(&key("ArrowLeft", false), &fixed).is_empty());
    }

    #[test]
    fn other_keys_are_left_alone() {
        assert!(commands(&key("a", false), &InputOptions::default()).is_empty());
        assert!(commands(&key("Tab", true), &InputOptions::default()).is_empty());
    }
}
