//! Edits of `tour.toml` beyond a single field: a stop moved up or down the
//! order, its facts picked one at a time, and "use the current view", which
//! gives the stop the box the editor's map shows.

use super::records::Records;
use super::EditError;
use crate::spatial::{LonLat, ScreenPoint, ViewLimits, Viewport};

/// Moves the stop `id` one place earlier (`up`) or later; at either end it
/// stays. Gives its new place (0-based).
pub fn move_stop(tour: &mut Records, id: &str, up: bool) -> Result<usize, EditError> {
    let at = tour.position(id).ok_or_else(|| EditError::new("tour.toml", Some(id), "expected a stop with this id"))?;
    let last = tour.ids().len().saturating_sub(1);
    let to = if up { at.saturating_sub(1) } else { (at + 1).min(last) };
    if to != at {
        tour.move_to(id, to)?;
    }
    Ok(to)
}

/// The box `[west, south, east, north]` a map `width` × `height` pixels
/// shows at `center` and `zoom`.
pub fn view_bounds(center: (f64, f64), zoom: f64, width: f64, height: f64) -> Option<[f64; 4]> {
    let view = Viewport::new(LonLat::new(center.0, center.1), zoom, width, height, ViewLimits::WORLD).ok()?;
    let nw = view.unproject(ScreenPoint { x: 0.0, y: 0.0 })?;
    let se = view.unproject(ScreenPoint { x: width, y: height })?;
    Some([nw.lon, se.lat, se.lon, nw.lat])
}

/// "Use the current view": the stop shows the box the map shows now (its
/// `target`, if any, gives way to `bounds`).
pub fn use_view(
    tour: &mut Records,
    id: &str,
    center: (f64, f64),
    zoom: f64,
    width: f64,
    height: f64,
) -> Result<(), EditError> {
    let bounds = view_bounds(center, zoom, width, height)
        .ok_or_else(|| EditError::new("tour.toml", Some(id), "expected a map with a size to take the view of"))?;
    tour.set_bounds(id, bounds)
}

/// Adds the fact `fact` to the stop's facts, last (once).
pub fn add_fact(tour: &mut Records, id: &str, fact: &str) -> Result<(), EditError> {
    let mut facts = tour.get_list(id, "facts");
    if !facts.iter().any(|f| f == fact) {
        facts.push(fact.to_owned());
    }
    tour.set_list(id, "facts", &facts)
}

/// Removes the fact `fact` from the stop's facts.
pub fn remove_fact(tour: &mut Records, id: &str, fact: &str) -> Result<(), EditError> {
    let facts: Vec<String> = tour.get_list(id, "facts").into_iter().filter(|f| f != fact).collect();
    tour.set_list(id, "facts", &facts)
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::edit::check::{check, committed, with_file};
    use crate::edit::records::Kind;
    use crate::state::tour::Target;

    fn tour() -> Records {
        Records::parse(Kind::Stop, committed("tour.toml")).unwrap()
    }

    #[test]
    fn a_stop_moves_one_place_and_the_tour_follows_the_new_order() {
        let mut t = tour();
        let ids = t.ids();
        assert_eq!(move_stop(&mut t, &ids[1], true).unwrap(), 0);
        assert_eq!(move_stop(&mut t, &ids[1], true).unwrap(), 0, "the first stays first");
        let text = t.text();
        assert!(text.starts_with("#:schema ./schema/tour.schema.json\n\n# The guided tour"));
        let checked = check(&with_file("tour.toml", &text));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let order: Vec<&str> = checked.content.tour.stops.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(order[..3], [ids[1].as_str(), ids[0].as_str(), ids[2].as_str()]);
        // Down again: the file is as it was.
        assert_eq!(move_stop(&mut t, &ids[1], false).unwrap(), 1);
        assert_eq!(t.text(), committed("tour.toml"));
        let last = ids.last().unwrap();
        assert_eq!(move_stop(&mut t, last, false).unwrap(), ids.len() - 1, "the last stays last");
    }

    #[test]
    fn the_current_view_becomes_the_stops_box() {
        let b = view_bounds((120.2, 30.2), 12.0, 800.0, 600.0).unwrap();
        assert!(b[0] < 120.2 && 120.2 < b[2] && b[1] < 30.2 && 30.2 < b[3]);
        // Zoomed in by one, the box is half as wide.
        let b2 = view_bounds((120.2, 30.2), 13.0, 800.0, 600.0).unwrap();
        assert!(((b[2] - b[0]) / (b2[2] - b2[0]) - 2.0).abs() < 1e-9);
        let mut t = tour();
        let id = t.ids()[1].clone();
        use_view(&mut t, &id, (120.2, 30.2), 12.0, 800.0, 600.0).unwrap();
        let checked = check(&with_file("tour.toml", &t.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let stop = checked.content.tour.stops.iter().find(|s| s.id == id).unwrap();
        let Target::Bounds(got) = &stop.target else { panic!("expected bounds, got {:?}", stop.target) };
        assert!((got.center().lon - 120.2).abs() < 1e-3 && (got.center().lat - 30.2).abs() < 1e-3);
        assert!(use_view(&mut t, &id, (120.2, 30.2), 12.0, 0.0, 600.0).is_err());
    }

    #[test]
    fn a_stops_facts_are_picked_and_an_unknown_one_is_a_fault() {
        let mut t = tour();
        let id = t.ids()[1].clone();
        let before = t.get_list(&id, "facts");
        add_fact(&mut t, &id, "bj-area").unwrap();
        assert_eq!(t.get_list(&id, "facts").last().map(String::as_str), Some("bj-area"));
        let checked = check(&with_file("tour.toml", &t.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        remove_fact(&mut t, &id, "bj-area").unwrap();
        assert_eq!(t.get_list(&id, "facts"), before);
        assert_eq!(t.text(), committed("tour.toml"));
        add_fact(&mut t, &id, "no-such-fact").unwrap();
        let text = t.text();
        let checked = check(&with_file("tour.toml", &text));
        assert_eq!(checked.field_errors("tour.toml", &text, &id, "facts").len(), 1, "{:?}", checked.errors);
    }
}
