//! How far apart two areas are, on the WGS-84 ellipsoid: between their
//! centres, and across the gap between their nearest edges.
//!
//! The nearest pair of points is found in a local equirectangular plane (a
//! choice of points, good to a fraction of a percent over tens of km); the
//! distance between that pair, like the one between the centres, is then
//! measured on the ellipsoid ([`super::ellipsoid::distance_m`]).
//! Areas that share a border have a gap of 0 (a vertex of one lies on the
//! other's outline).

use geo::{Centroid, Coord, MultiPolygon};

use super::ellipsoid::distance_m;
use super::LonLat;

/// Distances between two areas, in km.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AreaDistance {
    /// Between the areas' centroids.
    pub centres_km: f64,
    /// Across the gap between their nearest outlines; 0 when they touch.
    pub gap_km: f64,
}

/// The distances from `a` to `b`; `None` when either is empty or not finite.
pub fn between(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> Option<AreaDistance> {
    let (ca, cb) = (a.centroid()?, b.centroid()?);
    if !(ca.x().is_finite() && ca.y().is_finite() && cb.x().is_finite() && cb.y().is_finite()) {
        return None;
    }
    let centres_km = distance_m(LonLat::new(ca.x(), ca.y()), LonLat::new(cb.x(), cb.y())) / 1000.0;
    let gap_km = nearest_gap_km(a, b, (ca.y() + cb.y()) / 2.0)?;
    Some(AreaDistance { centres_km, gap_km })
}

/// The geodesic length of the shortest segment from `a`'s outline to `b`'s.
fn nearest_gap_km(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>, mid_lat: f64) -> Option<f64> {
    let k = mid_lat.to_radians().cos();
    let rings = |m: &MultiPolygon<f64>| -> Vec<Vec<Coord>> {
        m.0.iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .map(|r| r.0.iter().map(|c| Coord { x: c.x * k, y: c.y }).collect())
            .collect()
    };
    let (ra, rb) = (rings(a), rings(b));
    let mut best: Option<(f64, Coord, Coord)> = None;
    // From every vertex of one outline to every edge of the other, both ways.
    for (from, to) in [(&ra, &rb), (&rb, &ra)] {
        for &p in from.iter().flatten() {
            for w in to.iter().flat_map(|r| r.windows(2)) {
                let q = nearest_on_segment(p, w[0], w[1]);
                let d = (p.x - q.x).hypot(p.y - q.y);
                if best.is_none_or(|(b, ..)| d < b) {
                    best = Some((d, p, q));
                }
            }
        }
    }
    let (_, p, q) = best?;
    let back = |c: Coord| LonLat::new(c.x / k, c.y);
    Some(distance_m(back(p), back(q)) / 1000.0)
}

/// The point of segment `a`–`b` nearest to `p`.
fn nearest_on_segment(p: Coord, a: Coord, b: Coord) -> Coord {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    Coord { x: a.x + t * dx, y: a.y + t * dy }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::square;

    #[test]
    fn centres_and_gap_of_two_squares_a_known_distance_apart() {
        // two 0.02° squares, centres 0.1° of latitude apart: 11.09 km on the
        // ellipsoid at 30° N; their facing edges 0.08° apart: 8.87 km
        let a = square(120.2, 30.2, 0.01);
        let b = square(120.2, 30.3, 0.01);
        let d = between(&a, &b).expect("distances");
        assert!((d.centres_km - 11.09).abs() < 0.01, "{d:?}");
        assert!((d.gap_km - 8.87).abs() < 0.01, "{d:?}");
        assert_eq!(between(&b, &a).map(|d| (d.centres_km * 1e3).round()), Some((d.centres_km * 1e3).round()));
    }

    #[test]
    fn touching_areas_have_no_gap_and_east_west_is_shorter_than_north_south() {
        // side by side, sharing an edge
        let a = square(120.2, 30.2, 0.05);
        let b = square(120.3, 30.2, 0.05);
        assert_eq!(between(&a, &b).map(|d| d.gap_km), Some(0.0));
        // 0.1° of longitude at 30.2° N is about 9.63 km, shorter than 0.1° of latitude
        let c = square(120.3, 30.2, 0.01);
        let east = between(&square(120.2, 30.2, 0.01), &c).expect("distances");
        assert!((east.centres_km - 9.63).abs() < 0.01, "{east:?}");
        assert!((east.gap_km - 7.70).abs() < 0.01, "{east:?}");
        assert_eq!(between(&MultiPolygon(vec![]), &c), None);
    }
}
