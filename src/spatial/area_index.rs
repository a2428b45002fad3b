//! Many point-in-area questions against one multipolygon: the edges of every
//! ring are sorted once into horizontal bands, so a point is tested against
//! the few edges at its latitude rather than against every edge of the area.
//!
//! The answer is `geo`'s `Intersects<Point>` for a `MultiPolygon` (inside, or
//! on an outline, of some polygon and not inside one of its holes), computed
//! with the same winding-number rules and the same robust orientation test,
//! only over fewer edges: an edge whose latitudes do not span the point's adds
//! nothing to the winding number.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, LineString, MultiPolygon};

/// Bands per ring: a few hundred edges become a handful per band.
const BANDS: usize = 64;

/// A multipolygon prepared for [`AreaIndex::contains`].
#[derive(Clone, Debug)]
pub struct AreaIndex {
    /// Per polygon: its exterior, then its holes.
    polygons: Vec<(RingIndex, Vec<RingIndex>)>,
}

#[derive(Clone, Debug)]
struct RingIndex {
    /// The ring's box: west, south, east, north.
    min: Coord,
    max: Coord,
    /// Band height in degrees of latitude (0 for a flat ring: one band).
    band: f64,
    /// The edges crossing each band, as (start, end).
    edges: Vec<Vec<(Coord, Coord)>>,
}

/// Where a point lies against one ring.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Position {
    Inside,
    OnBoundary,
    Outside,
}

impl AreaIndex {
    pub fn new(area: &MultiPolygon<f64>) -> AreaIndex {
        let polygons = area
            .0
            .iter()
            .map(|p| (RingIndex::new(p.exterior()), p.interiors().iter().map(RingIndex::new).collect()))
            .collect();
        AreaIndex { polygons }
    }

    /// Whether `c` is inside the area or on its outline.
    pub fn contains(&self, c: Coord) -> bool {
        self.polygons.iter().any(|(exterior, holes)| match exterior.position(c) {
            Position::Outside => false,
            Position::OnBoundary => true,
            Position::Inside => holes.iter().all(|h| h.position(c) != Position::Inside),
        })
    }
}

impl RingIndex {
    fn new(ring: &LineString<f64>) -> RingIndex {
        let (mut min, mut max) =
            (Coord { x: f64::INFINITY, y: f64::INFINITY }, Coord { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY });
        for c in &ring.0 {
            min = Coord { x: min.x.min(c.x), y: min.y.min(c.y) };
            max = Coord { x: max.x.max(c.x), y: max.y.max(c.y) };
        }
        let height = max.y - min.y;
        let band = if height > 0.0 && height.is_finite() { height / BANDS as f64 } else { 0.0 };
        let mut index = RingIndex { min, max, band, edges: vec![Vec::new(); if band > 0.0 { BANDS } else { 1 }] };
        for w in ring.0.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (lo, hi) = (index.band_of(a.y.min(b.y)), index.band_of(a.y.max(b.y)));
            for edges in &mut index.edges[lo..=hi] {
                edges.push((a, b));
            }
        }
        index
    }

    /// The band holding latitude `y` (clamped to the ring's bands).
    fn band_of(&self, y: f64) -> usize {
        if self.band > 0.0 {
            (((y - self.min.y) / self.band).floor().max(0.0) as usize).min(self.edges.len() - 1)
        } else {
            0
        }
    }

    /// The winding-number test of `geo::coordinate_position`, over the edges
    /// of `c`'s band.
    fn position(&self, c: Coord) -> Position {
        // Beyond the ring's latitudes no edge spans the point: outside. (A
        // NaN coordinate fails every comparison below and ends outside too.)
        if !(c.y >= self.min.y && c.y <= self.max.y) || self.edges.iter().all(Vec::is_empty) {
            return Position::Outside;
        }
        let mut winding = 0i32;
        for &(start, end) in &self.edges[self.band_of(c.y)] {
            if start.y <= c.y {
                if end.y >= c.y {
                    let o = RobustKernel::orient2d(start, end, c);
                    if o == Orientation::CounterClockwise && end.y != c.y {
                        winding += 1;
                    } else if o == Orientation::Collinear && between(c.x, start.x, end.x) {
                        return Position::OnBoundary;
                    }
                }
            } else if end.y <= c.y {
                let o = RobustKernel::orient2d(start, end, c);
                if o == Orientation::Clockwise {
                    winding -= 1;
                } else if o == Orientation::Collinear && between(c.x, start.x, end.x) {
                    return Position::OnBoundary;
                }
            }
        }
        if winding == 0 {
            Position::Outside
        } else {
            Position::Inside
        }
    }
}

fn between(v: f64, a: f64, b: f64) -> bool {
    if a < b {
        v >= a && v <= b
    } else {
        v >= b && v <= a
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{polygon, Intersects, Point, Polygon};

    fn ring_with_hole() -> MultiPolygon<f64> {
        let outer: Polygon<f64> = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 5.0, y: 12.0), (x: 0.0, y: 10.0), (x: 0.0, y: 0.0)],
            interiors: [[(x: 3.0, y: 3.0), (x: 3.0, y: 6.0), (x: 6.0, y: 6.0), (x: 6.0, y: 3.0), (x: 3.0, y: 3.0)]],
        );
        let island: Polygon<f64> =
            polygon![(x: 4.0, y: 4.0), (x: 5.0, y: 4.0), (x: 5.0, y: 5.0), (x: 4.0, y: 5.0), (x: 4.0, y: 4.0)];
        MultiPolygon(vec![outer, island])
    }

    /// Every answer equals `geo`'s, on a grid that hits vertices, edges,
    /// the hole, the island in the hole and the outside.
    #[test]
    fn answers_as_geo_intersects_does_inside_outside_on_the_outline_and_in_holes() {
        let area = ring_with_hole();
        let index = AreaIndex::new(&area);
        let mut inside = 0;
        for i in -4..=52 {
            for j in -4..=56 {
                let c = Coord { x: f64::from(i) * 0.25, y: f64::from(j) * 0.25 };
                let expected = area.intersects(&Point::from(c));
                assert_eq!(index.contains(c), expected, "{c:?}");
                inside += usize::from(expected);
            }
        }
        assert!(inside > 500, "{inside}");
        assert!(!index.contains(Coord { x: 3.5, y: 3.5 }), "in the hole");
        assert!(index.contains(Coord { x: 4.5, y: 4.5 }), "on the island in the hole");
        assert!(index.contains(Coord { x: 6.0, y: 4.5 }), "on the hole's outline");
        assert!(!index.contains(Coord { x: f64::NAN, y: 1.0 }));
    }

    /// The real water layer against every vertex of the real zones (the
    /// question the scene asks) and a grid over the area.
    #[test]
    fn answers_as_geo_intersects_does_for_the_real_water_and_zones() {
        let (atlas, _) = crate::atlas::layers::Atlas::bundled();
        let mut checked = 0;
        for w in atlas.water.iter().filter(|w| !w.geometry.0.is_empty()) {
            let index = AreaIndex::new(&w.geometry);
            let zones = atlas.zones();
            let grid = (0..80).flat_map(|i| {
                (0..80).map(move |j| Coord { x: 118.3 + f64::from(i) * 0.03, y: 29.1 + f64::from(j) * 0.02 })
            });
            for c in zones.flat_map(|z| z.geometry.0.iter().flat_map(|p| p.exterior().0.clone())).chain(grid) {
                assert_eq!(index.contains(c), w.geometry.intersects(&Point::from(c)), "{} {c:?}", w.id);
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
