//! Hit-testing: which drawn shape a click or tap selects.
//!
//! Everything is measured in screen pixels, so a tolerance means the same thing
//! at every zoom: a finger-sized 12 px is 12 px whether the view shows a street
//! or a province. Areas are projected through the [`Viewport`] into screen space
//! and tested there with `geo`'s Euclidean point-to-polygon distance, which is 0
//! inside (or on) the polygon and otherwise the distance to the nearest ring,
//! holes included.
//!
//! Selection rules, for shapes listed bottom-to-top in drawing order:
//!
//! 1. the nearest [`Shape::Point`] within the tolerance wins, whatever areas lie
//!    beneath it (markers are small and drawn on top); on a tie the later,
//!    higher one wins;
//! 2. otherwise the topmost [`Shape::Area`] that contains the click or whose
//!    outline is within the tolerance;
//! 3. otherwise nothing.

use super::viewport::Viewport;
use super::{LonLat, ScreenPoint};
use geo::{BoundingRect, Coord, Distance, Euclidean, MapCoords, MultiPolygon, Point};

/// Something drawn on the map that a click can select.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape<'a> {
    /// A marker at a longitude/latitude.
    Point(LonLat),
    /// A filled area (longitude/latitude coordinates).
    Area(&'a MultiPolygon<f64>),
}

/// The index (in iteration order) of the shape a click at `at` selects, or
/// `None`. See the module docs for the rules. Non-finite input, a negative
/// tolerance and shapes with non-finite coordinates never match.
///
/// ```
/// use binjiang_map::spatial::{hit::{hit_test, Shape}, LonLat, ScreenPoint};
/// use binjiang_map::spatial::{Viewport, ViewLimits};
/// use geo::{polygon, MultiPolygon};
///
/// let zone = MultiPolygon::new(vec![polygon![
///     (x: 120.15, y: 30.15), (x: 120.25, y: 30.15), (x: 120.25, y: 30.25), (x: 120.15, y: 30.25),
/// ]]);
/// let site = LonLat::new(120.2, 30.2);
/// let vp = Viewport::new(site, 13.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
/// let shapes = || [Shape::Area(&zone), Shape::Point(site)];
///
/// // On the marker: the marker. Elsewhere in the zone: the zone. Outside: nothing.
/// assert_eq!(hit_test(&vp, ScreenPoint::new(405.0, 300.0), 12.0, shapes()), Some(1));
/// assert_eq!(hit_test(&vp, ScreenPoint::new(500.0, 300.0), 12.0, shapes()), Some(0));
/// assert_eq!(hit_test(&vp, ScreenPoint::new(5.0, 5.0), 12.0, shapes()), None);
/// ```
pub fn hit_test<'a>(
    vp: &Viewport,
    at: ScreenPoint,
    tolerance_px: f64,
    shapes: impl IntoIterator<Item = Shape<'a>>,
) -> Option<usize> {
    if !(at.x.is_finite() && at.y.is_finite() && tolerance_px.is_finite() && tolerance_px >= 0.0) {
        return None;
    }
    let mut nearest_point: Option<(usize, f64)> = None;
    let mut areas: Vec<(usize, &MultiPolygon<f64>)> = Vec::new();
    for (i, shape) in shapes.into_iter().enumerate() {
        match shape {
            Shape::Point(p) => {
                let Some(s) = vp.project(p) else { continue };
                let d = s.distance(at);
                let nearer = nearest_point.is_none_or(|(_, best)| d <= best);
                if d <= tolerance_px && nearer {
                    nearest_point = Some((i, d));
                }
            }
            Shape::Area(mp) => areas.push((i, mp)),
        }
    }
    if let Some((i, _)) = nearest_point {
        return Some(i);
    }
    areas.into_iter().rev().find(|(_, mp)| area_within(vp, at, tolerance_px, mp)).map(|(i, _)| i)
}

/// The click is inside `mp` or within `tolerance_px` of its outline, on screen.
fn area_within(vp: &Viewport, at: ScreenPoint, tolerance_px: f64, mp: &MultiPolygon<f64>) -> bool {
    // Mercator keeps longitude and latitude lines straight, so the projected
    // box is the screen box: reject far-away areas before projecting every vertex.
    let Some(rect) = mp.bounding_rect() else {
        return false;
    };
    let (Some(top_left), Some(bottom_right)) =
        (vp.project(LonLat::new(rect.min().x, rect.max().y)), vp.project(LonLat::new(rect.max().x, rect.min().y)))
    else {
        return false;
    };
    let near_box = at.x >= top_left.x - tolerance_px
        && at.x <= bottom_right.x + tolerance_px
        && at.y >= top_left.y - tolerance_px
        && at.y <= bottom_right.y + tolerance_px;
    if !near_box {
        return false;
    }
    let on_screen = mp.try_map_coords(|c| vp.project(LonLat::from(c)).map(|s| Coord { x: s.x, y: s.y }).ok_or(()));
    match on_screen {
        Ok(screen_mp) => Euclidean.distance(&Point::new(at.x, at.y), &screen_mp) <= tolerance_px,
        Err(()) => false,
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::{binjiang_square, binjiang_view, square, square_with_hole};

    /// The screen point `dx` pixels right of where `p` is drawn.
    fn right_of(vp: &Viewport, p: LonLat, dx: f64) -> ScreenPoint {
        let s = vp.project(p).unwrap();
        ScreenPoint::new(s.x + dx, s.y)
    }

    #[test]
    fn picks_the_polygon_under_the_click_and_nothing_outside() {
        let vp = binjiang_view();
        let zone = binjiang_square();
        let inside = vp.project(LonLat::new(120.21, 30.22)).unwrap();
        let outside = vp.project(LonLat::new(120.4, 30.22)).unwrap();
        assert_eq!(hit_test(&vp, inside, 0.0, [Shape::Area(&zone)]), Some(0));
        assert_eq!(hit_test(&vp, outside, 12.0, [Shape::Area(&zone)]), None);
        assert_eq!(hit_test(&vp, inside, 12.0, []), None);
    }

    #[test]
    fn a_point_within_tolerance_beats_the_area_under_it() {
        let vp = binjiang_view();
        let zone = binjiang_square();
        let site = LonLat::new(120.2, 30.2);
        let click = right_of(&vp, site, 5.0);
        // The area is drawn above the marker here, and the marker still wins.
        let shapes = [Shape::Point(site), Shape::Area(&zone)];
        assert_eq!(hit_test(&vp, click, 8.0, shapes), Some(0));
        // Out of the marker's reach, the zone is selected.
        assert_eq!(hit_test(&vp, click, 4.0, shapes), Some(1));
    }

    #[test]
    fn the_nearest_point_wins_and_ties_go_to_the_top() {
        let vp = binjiang_view();
        let a = LonLat::new(120.2, 30.2);
        let click = right_of(&vp, a, 3.0);
        let b = vp.unproject(right_of(&vp, a, 5.0)).unwrap();
        assert_eq!(hit_test(&vp, click, 10.0, [Shape::Point(a), Shape::Point(b)]), Some(1));
        assert_eq!(hit_test(&vp, click, 10.0, [Shape::Point(b), Shape::Point(a)]), Some(0));
        assert_eq!(hit_test(&vp, click, 10.0, [Shape::Point(a), Shape::Point(a)]), Some(1));
    }

    #[test]
    fn the_topmost_area_wins() {
        let vp = binjiang_view();
        let big = square(120.2, 30.2, 0.1);
        let small = binjiang_square();
        let both = vp.project(LonLat::new(120.2, 30.2)).unwrap();
        let big_only = vp.project(LonLat::new(120.28, 30.2)).unwrap();
        let shapes = [Shape::Area(&big), Shape::Area(&small)];
        assert_eq!(hit_test(&vp, both, 0.0, shapes), Some(1));
        assert_eq!(hit_test(&vp, big_only, 0.0, shapes), Some(0));
        let reversed = [Shape::Area(&small), Shape::Area(&big)];
        assert_eq!(hit_test(&vp, both, 0.0, reversed), Some(1));
    }

    #[test]
    fn tolerance_is_in_pixels_at_every_zoom() {
        let zone = binjiang_square();
        let east_edge = LonLat::new(120.25, 30.2);
        for zoom in [10.0, 15.5] {
            let vp = binjiang_view().with_center_zoom(LonLat::new(120.2, 30.2), zoom);
            let click = right_of(&vp, east_edge, 10.0);
            assert_eq!(hit_test(&vp, click, 12.0, [Shape::Area(&zone)]), Some(0), "area, zoom {zoom}");
            assert_eq!(hit_test(&vp, click, 8.0, [Shape::Area(&zone)]), None, "area, zoom {zoom}");

            let site = LonLat::new(120.2, 30.2);
            let click = right_of(&vp, site, 10.0);
            assert_eq!(hit_test(&vp, click, 12.0, [Shape::Point(site)]), Some(0), "point, zoom {zoom}");
            assert_eq!(hit_test(&vp, click, 8.0, [Shape::Point(site)]), None, "point, zoom {zoom}");
        }
    }

    #[test]
    fn holes_are_not_part_of_the_area() {
        let vp = binjiang_view();
        let ring = square_with_hole(120.2, 30.2, 0.05, 0.03);
        let centre = vp.project(LonLat::new(120.2, 30.2)).unwrap();
        assert_eq!(hit_test(&vp, centre, 5.0, [Shape::Area(&ring)]), None);
        let near_hole_edge = right_of(&vp, LonLat::new(120.23, 30.2), -3.0);
        assert_eq!(hit_test(&vp, near_hole_edge, 5.0, [Shape::Area(&ring)]), Some(0));
        let in_band = vp.project(LonLat::new(120.24, 30.2)).unwrap();
        assert_eq!(hit_test(&vp, in_band, 0.0, [Shape::Area(&ring)]), Some(0));
    }

    #[test]
    fn non_finite_input_never_matches() {
        let vp = binjiang_view();
        let zone = binjiang_square();
        let inside = vp.project(LonLat::new(120.2, 30.2)).unwrap();
        let nan_click = ScreenPoint::new(f64::NAN, 1.0);
        assert_eq!(hit_test(&vp, nan_click, 12.0, [Shape::Area(&zone)]), None);
        assert_eq!(hit_test(&vp, inside, f64::NAN, [Shape::Area(&zone)]), None);
        assert_eq!(hit_test(&vp, inside, -1.0, [Shape::Area(&zone)]), None);
        let bad_point = Shape::Point(LonLat::new(f64::NAN, 30.2));
        assert_eq!(hit_test(&vp, inside, 12.0, [bad_point, Shape::Area(&zone)]), Some(1));
        let mut broken = square(120.2, 30.2, 0.05);
        broken.0[0].exterior_mut(|ring| ring.0[1].x = f64::INFINITY);
        assert_eq!(hit_test(&vp, inside, 12.0, [Shape::Area(&broken)]), None);
        let empty = MultiPolygon::<f64>::new(vec![]);
        assert_eq!(hit_test(&vp, inside, 12.0, [Shape::Area(&empty)]), None);
    }
}
