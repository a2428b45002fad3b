//! Spherical Web Mercator (EPSG:3857) expressed in *world pixels*.
//!
//! The map is drawn on the square Web Mercator plane used by every slippy map
//! (see the [OSM slippy-map tilenames](https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames)
//! page and [EPSG:3857](https://epsg.io/3857)). At zoom `z` that square is
//! `TILE_SIZE · 2^z` pixels wide, with `x` growing east and `y` growing south.
//! A [`WorldPoint`] stores the zoom-0 position (both parts in `0..256` for points
//! on the map); multiplying by `2^z` gives the position at zoom `z`.
//!
//! For longitude λ and latitude φ (radians):
//!
//! ```text
//! x = 256 · (λ + π) / 2π
//! y = 256 · (π − asinh(tan φ)) / 2π        (asinh(tan φ) = ln tan(π/4 + φ/2))
//! ```
//!
//! and the inverse is `φ = atan(sinh(π − 2π·y/256))`. Latitude is clamped to
//! ±[`MAX_LATITUDE`], the latitude at which the square closes (y = 0 and y = 256),
//! because the poles lie at infinity. Longitude is not wrapped: the map shows one
//! copy of the world, so `x` simply continues past 0 or 256.
//!
//! Ground resolution follows from the sphere of radius 6 378 137 m (the WGS-84
//! equatorial radius that EPSG:3857 uses): a pixel covers
//! `2π·R·cos φ / (256 · 2^z)` metres.

use super::LonLat;
use std::f64::consts::PI;

/// Width and height of one tile, and of the whole world at zoom 0, in pixels.
pub const TILE_SIZE: f64 = 256.0;

/// The latitude (degrees) at which the Web Mercator square ends: `atan(sinh π)`.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Radius of the Web Mercator sphere: the WGS-84 equatorial radius, in metres.
pub const EARTH_RADIUS_M: f64 = 6_378_137.0;

/// A position on the Web Mercator plane in zoom-0 world pixels
/// (x east, y south; the world spans `0..TILE_SIZE` on both axes).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct WorldPoint {
    pub x: f64,
    pub y: f64,
}

impl WorldPoint {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Both parts are finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// Number of pixels per zoom-0 world pixel at `zoom`, i.e. `2^zoom`.
pub fn zoom_scale(zoom: f64) -> f64 {
    zoom.exp2()
}

/// Width of the whole world in pixels at `zoom`: `TILE_SIZE · 2^zoom`.
pub fn world_size(zoom: f64) -> f64 {
    TILE_SIZE * zoom_scale(zoom)
}

/// Projects a longitude/latitude to zoom-0 world pixels.
///
/// Returns `None` if either part is not finite. Latitude is clamped to
/// ±[`MAX_LATITUDE`]; longitude is used as given.
///
/// ```
/// use binjiang_map::spatial::{mercator, LonLat};
///
/// let w = mercator::project(LonLat::new(0.0, 0.0)).unwrap();
/// assert_eq!((w.x, w.y), (128.0, 128.0));
/// ```
pub fn project(p: LonLat) -> Option<WorldPoint> {
    if !(p.lon.is_finite() && p.lat.is_finite()) {
        return None;
    }
    let lat = p.lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let x = TILE_SIZE * (p.lon + 180.0) / 360.0;
    // asinh(tan φ) is the Mercator ordinate; it stays well conditioned near the edges.
    let y = TILE_SIZE * (PI - lat.tan().asinh()) / (2.0 * PI);
    Some(WorldPoint { x, y })
}

/// Converts zoom-0 world pixels back to longitude/latitude.
///
/// Returns `None` if either part is not finite. Points above or below the
/// square give latitudes beyond ±[`MAX_LATITUDE`] (still short of the poles).
///
/// ```
/// use binjiang_map::spatial::{mercator, LonLat};
/// use binjiang_map::spatial::mercator::WorldPoint;
///
/// let p = mercator::unproject(WorldPoint::new(256.0, 0.0)).unwrap();
/// assert!((p.lon - 180.0).abs() < 1e-12);
/// assert!((p.lat - mercator::MAX_LATITUDE).abs() < 1e-9);
/// ```
pub fn unproject(w: WorldPoint) -> Option<LonLat> {
    if !w.is_finite() {
        return None;
    }
    let lon = w.x / TILE_SIZE * 360.0 - 180.0;
    let lat = (PI - 2.0 * PI * w.y / TILE_SIZE).sinh().atan().to_degrees();
    Some(LonLat { lon, lat })
}

/// Metres on the ground covered by one pixel at latitude `lat` (degrees) and `zoom`.
///
/// Non-finite input gives a non-finite result.
///
/// ```
/// use binjiang_map::spatial::mercator::metres_per_pixel;
///
/// assert!((metres_per_pixel(0.0, 0.0) - 156_543.033_928).abs() < 1e-3);
/// ```
pub fn metres_per_pixel(lat: f64, zoom: f64) -> f64 {
    2.0 * PI * EARTH_RADIUS_M * lat.to_radians().cos() / world_size(zoom)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::HANGZHOU;

    fn assert_round_trip(p: LonLat) {
        let back = unproject(project(p).unwrap()).unwrap();
        assert!((back.lon - p.lon).abs() < 1e-9, "lon {p:?} -> {back:?}");
        assert!((back.lat - p.lat).abs() < 1e-9, "lat {p:?} -> {back:?}");
    }

    #[test]
    fn origin_projects_to_the_centre_of_the_world() {
        assert_eq!(project(LonLat::new(0.0, 0.0)), Some(WorldPoint::new(128.0, 128.0)));
    }

    #[test]
    fn corners_of_the_square() {
        let nw = project(LonLat::new(-180.0, MAX_LATITUDE)).unwrap();
        let se = project(LonLat::new(180.0, -MAX_LATITUDE)).unwrap();
        assert!(nw.x.abs() < 1e-12 && nw.y.abs() < 1e-9, "{nw:?}");
        assert!((se.x - 256.0).abs() < 1e-12 && (se.y - 256.0).abs() < 1e-9, "{se:?}");
    }

    #[test]
    fn max_latitude_is_where_the_square_closes() {
        assert!((PI.sinh().atan().to_degrees() - MAX_LATITUDE).abs() < 1e-12);
    }

    #[test]
    fn hangzhou_round_trips() {
        assert_round_trip(HANGZHOU);
        let w = project(HANGZHOU).unwrap();
        // East of Greenwich and north of the equator: right of and above the centre.
        assert!(w.x > 128.0 && w.y < 128.0);
    }

    #[test]
    fn edge_latitudes_round_trip() {
        for lat in [MAX_LATITUDE, -MAX_LATITUDE, 85.0, -85.0, 1e-12, 0.0, 60.0] {
            for lon in [-180.0, -0.5, 0.0, 179.999_999, 180.0] {
                assert_round_trip(LonLat::new(lon, lat));
            }
        }
    }

    #[test]
    fn latitude_beyond_the_square_is_clamped() {
        assert_eq!(project(LonLat::new(10.0, 90.0)), project(LonLat::new(10.0, MAX_LATITUDE)));
        assert_eq!(project(LonLat::new(10.0, -89.0)), project(LonLat::new(10.0, -MAX_LATITUDE)));
    }

    #[test]
    fn non_finite_input_gives_none() {
        assert_eq!(project(LonLat::new(f64::NAN, 0.0)), None);
        assert_eq!(project(LonLat::new(0.0, f64::INFINITY)), None);
        assert_eq!(unproject(WorldPoint::new(f64::NEG_INFINITY, 0.0)), None);
        assert_eq!(unproject(WorldPoint::new(0.0, f64::NAN)), None);
    }

    #[test]
    fn ground_resolution() {
        assert!((metres_per_pixel(0.0, 0.0) - 156_543.033_928_041).abs() < 1e-6);
        // Each zoom level halves it; at 60° it is half the equatorial value.
        assert!((metres_per_pixel(0.0, 1.0) * 2.0 - metres_per_pixel(0.0, 0.0)).abs() < 1e-9);
        assert!((metres_per_pixel(60.0, 3.0) * 2.0 - metres_per_pixel(0.0, 3.0)).abs() < 1e-9);
        // Hangzhou at zoom 15: about 4.13 m per pixel.
        assert!((metres_per_pixel(HANGZHOU.lat, 15.0) - 4.13).abs() < 0.01);
    }

    #[test]
    fn world_size_doubles_per_zoom() {
        assert_eq!(world_size(0.0), 256.0);
        assert_eq!(world_size(3.0), 2048.0);
    }
}
