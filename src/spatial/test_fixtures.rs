//! Shared test fixtures for the spatial modules: well-known places, view limits,
//! a viewport over Binjiang and small polygons around it.

use super::bounds::Bounds;
use super::view_limits::ViewLimits;
use super::viewport::Viewport;
use super::{LonLat, ScreenPoint};
use geo::{polygon, MultiPolygon};

/// Binjiang district government, Hangzhou.
pub const HANGZHOU: LonLat = LonLat::new(120.2108, 30.2084);
/// Tian'anmen, Beijing: a destination about 1 100 km away.
pub const BEIJING: LonLat = LonLat::new(116.3975, 39.9087);

/// Limits that allow the whole world and zooms 0..=20.
pub fn world_limits() -> ViewLimits {
    ViewLimits::new(0.0, 20.0, Bounds::WORLD).expect("valid limits")
}

/// Limits kept to the Hangzhou area, zooms 8..=18.
pub fn hangzhou_limits() -> ViewLimits {
    let extent = Bounds::new(119.5, 29.8, 120.8, 30.6).expect("valid extent");
    ViewLimits::new(8.0, 18.0, extent).expect("valid limits")
}

/// An 800×600 view of Binjiang at zoom 13 with world limits.
pub fn binjiang_view() -> Viewport {
    Viewport::new(HANGZHOU, 13.0, 800.0, 600.0, world_limits()).expect("valid viewport")
}

/// Two screen points less than a millionth of a pixel apart.
pub fn close_px(a: ScreenPoint, b: ScreenPoint) -> bool {
    a.distance(b) < 1e-6
}

/// Two places within `eps` degrees of each other in both longitude and latitude.
pub fn close_deg(a: LonLat, b: LonLat, eps: f64) -> bool {
    (a.lon - b.lon).abs() < eps && (a.lat - b.lat).abs() < eps
}

/// A 0.1° square centred on (120.2, 30.2), around Binjiang.
pub fn binjiang_square() -> MultiPolygon<f64> {
    square(120.2, 30.2, 0.05)
}

/// An axis-aligned square of half-side `r` degrees centred on (`lon`, `lat`).
pub fn square(lon: f64, lat: f64, r: f64) -> MultiPolygon<f64> {
    MultiPolygon::new(vec![polygon![
        (x: lon - r, y: lat - r),
        (x: lon + r, y: lat - r),
        (x: lon + r, y: lat + r),
        (x: lon - r, y: lat + r),
        (x: lon - r, y: lat - r),
    ]])
}

/// A square of half-side `outer` with a square hole of half-side `inner`, both
/// centred on (`lon`, `lat`).
pub fn square_with_hole(lon: f64, lat: f64, outer: f64, inner: f64) -> MultiPolygon<f64> {
    MultiPolygon::new(vec![polygon!(
        exterior: [
            (x: lon - outer, y: lat - outer),
            (x: lon + outer, y: lat - outer),
            (x: lon + outer, y: lat + outer),
            (x: lon - outer, y: lat + outer),
            (x: lon - outer, y: lat - outer),
        ],
        interiors: [[
            (x: lon - inner, y: lat - inner),
            (x: lon - inner, y: lat + inner),
            (x: lon + inner, y: lat + inner),
            (x: lon + inner, y: lat - inner),
            (x: lon - inner, y: lat - inner),
        ]],
    )])
}
