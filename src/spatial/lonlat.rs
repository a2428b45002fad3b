//! Plain coordinate values shared by every spatial module.

/// A WGS-84 longitude/latitude in degrees (RFC 7946 order: lon, lat).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// Both parts finite and inside the valid ranges (|lon| ≤ 180, |lat| ≤ 90).
    pub fn is_valid(self) -> bool {
        self.lon.is_finite() && self.lat.is_finite() && self.lon.abs() <= 180.0 && self.lat.abs() <= 90.0
    }
}

impl From<geo::Coord<f64>> for LonLat {
    fn from(c: geo::Coord<f64>) -> Self {
        Self { lon: c.x, lat: c.y }
    }
}

impl From<LonLat> for geo::Coord<f64> {
    fn from(p: LonLat) -> Self {
        geo::Coord { x: p.lon, y: p.lat }
    }
}

/// A point in CSS pixels from the top-left corner of the map's container.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ScreenPoint {
    pub x: f64,
    pub y: f64,
}

impl ScreenPoint {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn distance(self, other: ScreenPoint) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}
