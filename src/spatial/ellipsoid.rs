//! Areas and distances on the WGS-84 ellipsoid, in closed forms small enough
//! for the map's own code: what a zone measures and how far apart two places
//! are, agreeing with Karney's geodesic algorithms (`geo::Geodesic`) to well
//! below what the map prints (tested against them on the real layers).
//!
//! - Area: the ellipsoid mapped onto the plane by the cylindrical equal-area
//!   projection (x = λ, y = q(φ), Snyder, *Map Projections: A Working Manual*,
//!   USGS PP 1395, eqs. 3-12 and 10-15), where a ring's area is its shoelace
//!   area times a²/2. Edges straight in that plane stand for geodesics: the
//!   sliver between the two grows with an edge's length cubed, and over the
//!   real layers (edges of metres to a few km) stays below 1/100 000 of the
//!   area, a thousandth of what the map prints (0.1 km²).
//! - Distance: Vincenty's inverse formula (Survey Review XXIII/176, 1975),
//!   good to a millimetre between any two points that are not near-antipodal
//!   (there it falls back to the sphere).

use geo::{LineString, MultiPolygon};

use super::LonLat;

/// WGS-84 semi-major axis (m) and flattening.
const A: f64 = 6_378_137.0;
const F: f64 = 1.0 / 298.257_223_563;

/// The unsigned area of `mp` in m²: each polygon's exterior less its holes.
pub fn area_m2(mp: &MultiPolygon<f64>) -> f64 {
    mp.0.iter().map(|p| ring_area(p.exterior()) - p.interiors().iter().map(ring_area).sum::<f64>()).sum()
}

/// The area a ring encloses, in m² (unsigned).
fn ring_area(ring: &LineString<f64>) -> f64 {
    let e2 = F * (2.0 - F);
    let e = e2.sqrt();
    // Snyder 3-12: q as a function of latitude.
    let q = |lat_deg: f64| {
        let s = lat_deg.to_radians().sin();
        (1.0 - e2) * (s / (1.0 - e2 * s * s) - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
    };
    let pts: Vec<(f64, f64)> = ring.0.iter().map(|c| (c.x.to_radians(), q(c.y))).collect();
    let twice: f64 = pts.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum();
    (twice / 2.0).abs() * A * A / 2.0
}

/// The length of the geodesic from `a` to `b`, in m.
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    let bb = A * (1.0 - F);
    let u1 = ((1.0 - F) * a.lat.to_radians().tan()).atan();
    let u2 = ((1.0 - F) * b.lat.to_radians().tan()).atan();
    let l = (b.lon - a.lon).to_radians();
    let (su1, cu1, su2, cu2) = (u1.sin(), u1.cos(), u2.sin(), u2.cos());
    let mut lambda = l;
    for _ in 0..200 {
        let (sl, cl) = (lambda.sin(), lambda.cos());
        let sin_sigma = ((cu2 * sl).powi(2) + (cu1 * su2 - su1 * cu2 * cl).powi(2)).sqrt();
        if sin_sigma == 0.0 {
            return 0.0;
        }
        let cos_sigma = su1 * su2 + cu1 * cu2 * cl;
        let sigma = sin_sigma.atan2(cos_sigma);
        let sin_alpha = cu1 * cu2 * sl / sin_sigma;
        let cos2_alpha = 1.0 - sin_alpha * sin_alpha;
        let cos_2sm = if cos2_alpha == 0.0 { 0.0 } else { cos_sigma - 2.0 * su1 * su2 / cos2_alpha };
        let c = F / 16.0 * cos2_alpha * (4.0 + F * (4.0 - 3.0 * cos2_alpha));
        let next = l
            + (1.0 - c)
                * F
                * sin_alpha
                * (sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)));
        if (next - lambda).abs() < 1e-12 {
            let u_sq = cos2_alpha * (A * A - bb * bb) / (bb * bb);
            let ka = 1.0 + u_sq / 16384.0 * (4096.0 + u_sq * (-768.0 + u_sq * (320.0 - 175.0 * u_sq)));
            let kb = u_sq / 1024.0 * (256.0 + u_sq * (-128.0 + u_sq * (74.0 - 47.0 * u_sq)));
            let delta_sigma = kb
                * sin_sigma
                * (cos_2sm
                    + kb / 4.0
                        * (cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)
                            - kb / 6.0
                                * cos_2sm
                                * (-3.0 + 4.0 * sin_sigma * sin_sigma)
                                * (-3.0 + 4.0 * cos_2sm * cos_2sm)));
            return bb * ka * (sigma - delta_sigma);
        }
        lambda = next;
    }
    // Near-antipodal: no convergence; the sphere of the mean radius instead.
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (l / 2.0).sin().powi(2);
    2.0 * (2.0 * A + bb) / 3.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{Distance, Geodesic, GeodesicArea, Point};

    /// Every zone of the real layers measures what `geo`'s geodesic area
    /// says, to 1/100 000, and prints the same to the tenth of a km².
    #[test]
    fn the_real_zones_measure_as_karney_geodesic_area_says() {
        let (atlas, _) = crate::atlas::layers::Atlas::bundled();
        let mut n = 0;
        for z in atlas.zones() {
            let (ours, karney) = (area_m2(&z.geometry), z.geometry.geodesic_area_unsigned());
            assert!((ours - karney).abs() <= karney * 1e-5, "{}: {ours} against {karney}", z.id);
            assert_eq!(format!("{:.1}", ours / 1e6), format!("{:.1}", karney / 1e6), "{}", z.id);
            n += 1;
        }
        assert!(n >= 15, "{n}");
    }

    #[test]
    fn a_hole_is_taken_out_and_squares_measure_as_karney_says_at_the_equator_and_at_hangzhou() {
        use crate::spatial::test_fixtures::{square, square_with_hole};
        let (outer, inner) = (square(120.0, 0.0, 0.05), square(120.0, 0.0, 0.025));
        let with_hole = square_with_hole(120.0, 0.0, 0.05, 0.025);
        assert!((area_m2(&with_hole) - (area_m2(&outer) - area_m2(&inner))).abs() < 1.0);
        // 0.1° × 0.1° at the equator: 123.1 km²
        assert!((area_m2(&outer) - 123.1e6).abs() < 0.1e6, "{}", area_m2(&outer));
        for sq in [outer, square(120.2, 30.2, 0.05)] {
            let karney = sq.geodesic_area_unsigned();
            assert!((area_m2(&sq) - karney).abs() < karney * 1e-5, "{} against {karney}", area_m2(&sq));
        }
        assert_eq!(area_m2(&MultiPolygon(vec![])), 0.0);
    }

    /// Distances to a millimetre of `geo::Geodesic` over the map's range
    /// (metres to 200 km) and beyond, in every direction.
    #[test]
    fn distances_agree_with_karney_geodesic_to_a_millimetre() {
        let from = LonLat::new(120.2, 30.2);
        for (dlon, dlat) in [
            (0.0, 0.0),
            (1e-5, 0.0),
            (0.0, 1e-5),
            (0.1, 0.0),
            (0.0, 0.1),
            (-0.37, 0.52),
            (1.5, -1.2),
            (-2.0, -0.01),
            (30.0, 20.0),
        ] {
            let to = LonLat::new(120.2 + dlon, 30.2 + dlat);
            let karney = Geodesic.distance(Point::new(from.lon, from.lat), Point::new(to.lon, to.lat));
            assert!(
                (distance_m(from, to) - karney).abs() < 1e-3,
                "{dlon},{dlat}: {} against {karney}",
                distance_m(from, to)
            );
        }
    }
}
