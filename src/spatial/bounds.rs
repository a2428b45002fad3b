//! Longitude/latitude bounding boxes.
//!
//! A [`Bounds`] is the `[west, south, east, north]` box of
//! [RFC 7946 §5](https://www.rfc-editor.org/rfc/rfc7946#section-5), in degrees.
//! Boxes never cross the antimeridian here (`west ≤ east` always): the map covers
//! one copy of the world, and every place it shows lies far from ±180°.
//! Edges are inclusive, so a single point is a valid, empty-area box.

use super::mercator::MAX_LATITUDE;
use super::LonLat;
use geo::BoundingRect;

/// A longitude/latitude box, `west ≤ east` and `south ≤ north`, all finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The whole Web Mercator world: all longitudes, latitudes up to ±[`MAX_LATITUDE`].
    pub const WORLD: Bounds = Bounds { west: -180.0, south: -MAX_LATITUDE, east: 180.0, north: MAX_LATITUDE };

    /// A box from its edges; `None` if any edge is not finite or the box is inverted.
    ///
    /// ```
    /// use binjiang_map::spatial::bounds::Bounds;
    ///
    /// assert!(Bounds::new(120.0, 30.0, 121.0, 31.0).is_some());
    /// assert!(Bounds::new(121.0, 30.0, 120.0, 31.0).is_none());
    /// ```
    pub fn new(west: f64, south: f64, east: f64, north: f64) -> Option<Bounds> {
        let b = Bounds { west, south, east, north };
        b.is_valid().then_some(b)
    }

    /// The smallest box holding every point; `None` if there are no points or
    /// any point is not finite.
    ///
    /// ```
    /// use binjiang_map::spatial::{bounds::Bounds, LonLat};
    ///
    /// let b = Bounds::from_points([LonLat::new(120.1, 30.3), LonLat::new(120.2, 30.1)]).unwrap();
    /// assert_eq!((b.west, b.south, b.east, b.north), (120.1, 30.1, 120.2, 30.3));
    /// ```
    pub fn from_points(it: impl IntoIterator<Item = LonLat>) -> Option<Bounds> {
        let mut acc: Option<Bounds> = None;
        for p in it {
            let here = Bounds::new(p.lon, p.lat, p.lon, p.lat)?;
            acc = Some(match acc {
                Some(b) => b.union(here),
                None => here,
            });
        }
        acc
    }

    /// The box of a multi-polygon (its exteriors); `None` if it has no
    /// coordinates or any coordinate is not finite.
    pub fn of_multi_polygon(mp: &geo::MultiPolygon<f64>) -> Option<Bounds> {
        let rect = mp.bounding_rect()?;
        Bounds::new(rect.min().x, rect.min().y, rect.max().x, rect.max().y)
    }

    /// Every edge finite and the box not inverted.
    pub fn is_valid(self) -> bool {
        [self.west, self.south, self.east, self.north].iter().all(|v| v.is_finite())
            && self.west <= self.east
            && self.south <= self.north
    }

    /// The smallest box holding both.
    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            west: self.west.min(other.west),
            south: self.south.min(other.south),
            east: self.east.max(other.east),
            north: self.north.max(other.north),
        }
    }

    /// The midpoint in degrees (not the Mercator midpoint; see
    /// [`Viewport::fit_bounds`](super::viewport::Viewport::fit_bounds) for that).
    pub fn center(self) -> LonLat {
        LonLat::new((self.west + self.east) / 2.0, (self.south + self.north) / 2.0)
    }

    /// The point lies inside or on the edge.
    pub fn contains(self, p: LonLat) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }

    /// The boxes share at least one point (touching edges count).
    pub fn intersects(self, other: Bounds) -> bool {
        self.west <= other.east && other.west <= self.east && self.south <= other.north && other.south <= self.north
    }

    /// The corners in the order north-west, north-east, south-east, south-west.
    pub fn corners(self) -> [LonLat; 4] {
        [
            LonLat::new(self.west, self.north),
            LonLat::new(self.east, self.north),
            LonLat::new(self.east, self.south),
            LonLat::new(self.west, self.south),
        ]
    }
}

impl From<Bounds> for geo::Rect<f64> {
    fn from(b: Bounds) -> Self {
        geo::Rect::new(geo::Coord { x: b.west, y: b.south }, geo::Coord { x: b.east, y: b.north })
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::binjiang_square;

    fn b(w: f64, s: f64, e: f64, n: f64) -> Bounds {
        Bounds::new(w, s, e, n).unwrap()
    }

    #[test]
    fn new_rejects_inverted_and_non_finite() {
        assert!(Bounds::new(1.0, 0.0, 0.0, 1.0).is_none());
        assert!(Bounds::new(0.0, 1.0, 1.0, 0.0).is_none());
        assert!(Bounds::new(f64::NAN, 0.0, 1.0, 1.0).is_none());
        assert!(Bounds::new(0.0, 0.0, f64::INFINITY, 1.0).is_none());
        assert!(Bounds::new(5.0, 5.0, 5.0, 5.0).is_some(), "a single point is a box");
    }

    #[test]
    fn from_points_covers_all_and_rejects_bad_input() {
        let pts = [LonLat::new(120.3, 30.2), LonLat::new(120.1, 30.25), LonLat::new(120.2, 30.1)];
        assert_eq!(Bounds::from_points(pts), Some(b(120.1, 30.1, 120.3, 30.25)));
        assert_eq!(Bounds::from_points([]), None);
        assert_eq!(Bounds::from_points([LonLat::new(1.0, 1.0), LonLat::new(f64::NAN, 2.0)]), None);
    }

    #[test]
    fn of_multi_polygon_matches_its_vertices() {
        let mp = binjiang_square();
        assert_eq!(Bounds::of_multi_polygon(&mp), Some(b(120.15, 30.15, 120.25, 30.25)));
        assert_eq!(Bounds::of_multi_polygon(&geo::MultiPolygon::new(vec![])), None);
    }

    #[test]
    fn union_center_contains_intersects() {
        let a = b(0.0, 0.0, 2.0, 2.0);
        let c = b(1.0, 1.0, 3.0, 4.0);
        assert_eq!(a.union(c), b(0.0, 0.0, 3.0, 4.0));
        assert_eq!(a.center(), LonLat::new(1.0, 1.0));
        assert!(a.contains(LonLat::new(2.0, 0.0)), "edges are inclusive");
        assert!(!a.contains(LonLat::new(2.1, 1.0)));
        assert!(!a.contains(LonLat::new(f64::NAN, 1.0)));
        assert!(a.intersects(c) && c.intersects(a));
        assert!(a.intersects(b(2.0, 2.0, 5.0, 5.0)), "touching corners intersect");
        assert!(!a.intersects(b(2.5, 0.0, 5.0, 5.0)));
        assert!(!a.intersects(b(0.0, 2.5, 1.0, 5.0)));
    }

    #[test]
    fn corners_and_rect() {
        let a = b(0.0, 1.0, 2.0, 3.0);
        assert_eq!(a.corners()[0], LonLat::new(0.0, 3.0));
        assert_eq!(a.corners()[2], LonLat::new(2.0, 1.0));
        let r: geo::Rect<f64> = a.into();
        assert_eq!((r.min().x, r.min().y, r.max().x, r.max().y), (0.0, 1.0, 2.0, 3.0));
    }
}
