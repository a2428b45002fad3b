//! The GCJ-02 datum and its inverse.
//!
//! Chinese web maps (Amap, Tencent, and the boundary data this map is built from)
//! publish coordinates in GCJ-02: WGS-84 positions pushed by a deterministic but
//! non-linear offset of a few hundred metres. Around Binjiang the offset is about
//! 515 m towards the east-south-east. Everything the map draws is WGS-84
//! (RFC 7946 §4), so GCJ-02 input is converted once, when `geodata/` is built.
//!
//! - [`wgs84_to_gcj02`] is the publicly reconstructed forward formula on the
//!   Krasovsky 1940 ellipsoid. Reconstructions like this one agree with surveyed
//!   control points to a few metres; that, not the inversion, bounds the accuracy.
//! - [`gcj02_to_wgs84`] inverts it by fixed-point iteration until the forward
//!   transform of the result lands within [`INVERSE_TOLERANCE_DEG`] of the input
//!   (well under a millimetre).
//! - [`gcj02_to_wgs84_approx`] subtracts the forward offset once; it is within
//!   one or two metres in Hangzhou and is kept for quick, non-archival use.
//!
//! Outside the area where the offset applies (a rectangle around China), all
//! three functions return their input unchanged. Non-finite input is returned as
//! it is, never a panic.

use super::LonLat;
use std::f64::consts::PI;

/// Semi-major axis of the Krasovsky 1940 ellipsoid, in metres.
const KRASOVSKY_A: f64 = 6_378_245.0;
/// First eccentricity squared of the Krasovsky 1940 ellipsoid.
#[allow(clippy::excessive_precision)] // the value as published, kept digit for digit
const KRASOVSKY_EE: f64 = 0.006_693_421_622_965_943_23;

/// The inverse stops once the forward transform of its estimate is this close
/// (in degrees, per axis) to the GCJ-02 input.
pub const INVERSE_TOLERANCE_DEG: f64 = 1e-9;
/// Upper bound on inverse iterations; convergence normally takes four or five.
const MAX_INVERSE_ITERATIONS: usize = 30;

/// Whether the offset applies at `p`: a coarse rectangle around mainland China,
/// as used by the public formula. Points outside it are left alone.
pub fn in_offset_area(p: LonLat) -> bool {
    (72.004..=137.8347).contains(&p.lon) && (0.8293..=55.8271).contains(&p.lat)
}

/// Shifts a WGS-84 position to GCJ-02.
pub fn wgs84_to_gcj02(p: LonLat) -> LonLat {
    if !p.lon.is_finite() || !p.lat.is_finite() || !in_offset_area(p) {
        return p;
    }
    let (d_lon, d_lat) = offset(p);
    LonLat::new(p.lon + d_lon, p.lat + d_lat)
}

/// Recovers a WGS-84 position from GCJ-02 by iterating the forward transform:
/// each step moves the estimate by the remaining error `forward(w) − g`.
pub fn gcj02_to_wgs84(g: LonLat) -> LonLat {
    if !g.lon.is_finite() || !g.lat.is_finite() || !in_offset_area(g) {
        return g;
    }
    let mut w = gcj02_to_wgs84_approx(g);
    for _ in 0..MAX_INVERSE_ITERATIONS {
        let f = wgs84_to_gcj02(w);
        let (e_lon, e_lat) = (f.lon - g.lon, f.lat - g.lat);
        if e_lon.abs() < INVERSE_TOLERANCE_DEG && e_lat.abs() < INVERSE_TOLERANCE_DEG {
            break;
        }
        w = LonLat::new(w.lon - e_lon, w.lat - e_lat);
    }
    w
}

/// Recovers a WGS-84 position from GCJ-02 by subtracting the offset computed at
/// the GCJ-02 position itself: one step of [`gcj02_to_wgs84`].
pub fn gcj02_to_wgs84_approx(g: LonLat) -> LonLat {
    if !g.lon.is_finite() || !g.lat.is_finite() || !in_offset_area(g) {
        return g;
    }
    let (d_lon, d_lat) = offset(g);
    LonLat::new(g.lon - d_lon, g.lat - d_lat)
}

/// The GCJ-02 offset at a WGS-84 position, in degrees of (longitude, latitude).
fn offset(p: LonLat) -> (f64, f64) {
    // The formula works on coordinates relative to (105 E, 35 N).
    let x = p.lon - 105.0;
    let y = p.lat - 35.0;
    let rad_lat = p.lat.to_radians();
    let s = rad_lat.sin();
    let w = 1.0 - KRASOVSKY_EE * s * s;
    let sqrt_w = w.sqrt();
    // Metres → degrees: meridian radius of curvature for latitude,
    // prime-vertical radius × cos φ for longitude.
    let meridian = KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (w * sqrt_w);
    let parallel = KRASOVSKY_A / sqrt_w * rad_lat.cos();
    let d_lat = shift_lat(x, y) * 180.0 / (meridian * PI);
    let d_lon = shift_lon(x, y) * 180.0 / (parallel * PI);
    (d_lon, d_lat)
}

/// Sum of `amp · sin(π · v · freq)` terms, scaled by 2/3 as the formula does.
fn ripple(v: f64, terms: &[(f64, f64)]) -> f64 {
    terms.iter().map(|&(amp, freq)| amp * (freq * v * PI).sin()).sum::<f64>() * 2.0 / 3.0
}

fn shift_lat(x: f64, y: f64) -> f64 {
    let base = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    base + ripple(x, &[(20.0, 6.0), (20.0, 2.0)])
        + ripple(y, &[(20.0, 1.0), (40.0, 1.0 / 3.0)])
        + ripple(y, &[(160.0, 1.0 / 12.0), (320.0, 1.0 / 30.0)])
}

fn shift_lon(x: f64, y: f64) -> f64 {
    let base = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    base + ripple(x, &[(20.0, 6.0), (20.0, 2.0)])
        + ripple(x, &[(20.0, 1.0), (40.0, 1.0 / 3.0)])
        + ripple(x, &[(150.0, 1.0 / 12.0), (300.0, 1.0 / 30.0)])
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{Bearing, Distance, Geodesic, Point};

    fn metres(a: LonLat, b: LonLat) -> f64 {
        Geodesic.distance(Point::new(a.lon, a.lat), Point::new(b.lon, b.lat))
    }

    /// WGS-84 points across Hangzhou: Binjiang centre, the Olympic stadium,
    /// West Lake, Fuyang, Qiandao Lake (Chun'an) and Jiande.
    const HANGZHOU: [LonLat; 6] = [
        LonLat::new(120.2, 30.2),
        LonLat::new(120.2244, 30.2317),
        LonLat::new(120.14, 30.25),
        LonLat::new(119.96, 30.05),
        LonLat::new(118.95, 29.6),
        LonLat::new(119.28, 29.47),
    ];

    #[test]
    fn iterative_inverse_round_trips_within_half_a_metre() {
        for p in HANGZHOU {
            let back = gcj02_to_wgs84(wgs84_to_gcj02(p));
            let err = metres(p, back);
            assert!(err < 0.5, "{p:?}: round trip off by {err} m");
            // In fact it is far better than the requirement.
            assert!(err < 0.001, "{p:?}: round trip off by {err} m");
        }
    }

    #[test]
    fn single_step_inverse_is_within_a_few_metres() {
        for p in HANGZHOU {
            let err = metres(p, gcj02_to_wgs84_approx(wgs84_to_gcj02(p)));
            assert!(err < 5.0, "{p:?}: approximate inverse off by {err} m");
        }
    }

    #[test]
    fn offset_near_binjiang_is_about_half_a_kilometre_east_south_east() {
        for p in [LonLat::new(120.2, 30.2), LonLat::new(120.17, 30.17), LonLat::new(120.22, 30.22)] {
            let g = wgs84_to_gcj02(p);
            let d = metres(p, g);
            assert!((500.0..=530.0).contains(&d), "{p:?}: offset {d} m");
            let bearing = Geodesic.bearing(Point::new(p.lon, p.lat), Point::new(g.lon, g.lat));
            let bearing = bearing.rem_euclid(360.0);
            assert!((100.0..=140.0).contains(&bearing), "{p:?}: bearing {bearing}°");
        }
    }

    #[test]
    fn positions_outside_china_pass_through() {
        for p in [LonLat::new(-0.1276, 51.5072), LonLat::new(139.69, 35.69), LonLat::new(151.2, -33.87)] {
            assert_eq!(wgs84_to_gcj02(p), p);
            assert_eq!(gcj02_to_wgs84(p), p);
            assert_eq!(gcj02_to_wgs84_approx(p), p);
        }
    }

    #[test]
    fn non_finite_input_is_returned_without_panicking() {
        for p in
            [LonLat::new(f64::NAN, 30.0), LonLat::new(120.0, f64::INFINITY), LonLat::new(f64::NEG_INFINITY, f64::NAN)]
        {
            for f in [wgs84_to_gcj02, gcj02_to_wgs84, gcj02_to_wgs84_approx] {
                let q = f(p);
                assert!(q.lon.to_bits() == p.lon.to_bits() && q.lat.to_bits() == p.lat.to_bits());
            }
        }
    }

    #[test]
    fn inverse_meets_its_stated_tolerance() {
        for p in HANGZHOU {
            let g = wgs84_to_gcj02(p);
            let f = wgs84_to_gcj02(gcj02_to_wgs84(g));
            assert!((f.lon - g.lon).abs() < INVERSE_TOLERANCE_DEG);
            assert!((f.lat - g.lat).abs() < INVERSE_TOLERANCE_DEG);
        }
    }
}
