//! [`ViewLimits`]: what a [`Viewport`](super::viewport::Viewport) may show, a
//! zoom range and an extent its centre stays inside.
//!
//! Every viewport carries its limits and clamps each transition into them. The
//! map's limits come from the loaded scene's extent (`ui::app`).

use super::bounds::Bounds;
use super::mercator::MAX_LATITUDE;
use super::LonLat;

/// What a viewport may show: a zoom range and an extent the centre stays inside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewLimits {
    pub min_zoom: f64,
    pub max_zoom: f64,
    /// The centre of the view is kept inside this box.
    pub extent: Bounds,
}

impl ViewLimits {
    /// The whole Web Mercator world at zooms 0 to 22.
    pub const WORLD: ViewLimits = ViewLimits { min_zoom: 0.0, max_zoom: 22.0, extent: Bounds::WORLD };

    /// Limits from their parts; `None` unless both zooms are finite,
    /// `min_zoom ≤ max_zoom` and the extent is a valid box.
    pub fn new(min_zoom: f64, max_zoom: f64, extent: Bounds) -> Option<ViewLimits> {
        let limits = ViewLimits { min_zoom, max_zoom, extent };
        limits.is_valid().then_some(limits)
    }

    /// Finite zooms in order and a valid extent.
    pub fn is_valid(&self) -> bool {
        self.min_zoom.is_finite()
            && self.max_zoom.is_finite()
            && self.min_zoom <= self.max_zoom
            && self.extent.is_valid()
    }

    /// `zoom` limited to `min_zoom..=max_zoom`.
    pub fn clamp_zoom(&self, zoom: f64) -> f64 {
        zoom.clamp(self.min_zoom, self.max_zoom)
    }

    /// `center` moved to the nearest point of the extent (and of the Mercator square).
    pub fn clamp_center(&self, center: LonLat) -> LonLat {
        let e = self.extent;
        LonLat {
            lon: center.lon.clamp(e.west, e.east),
            lat: center.lat.clamp(e.south, e.north).clamp(-MAX_LATITUDE, MAX_LATITUDE),
        }
    }
}

impl Default for ViewLimits {
    fn default() -> Self {
        ViewLimits::WORLD
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::{hangzhou_limits, BEIJING, HANGZHOU};

    #[test]
    fn limits_reject_bad_parts_and_keep_the_view_in_range() {
        assert!(ViewLimits::new(10.0, 5.0, Bounds::WORLD).is_none());
        assert!(ViewLimits::new(f64::NEG_INFINITY, 5.0, Bounds::WORLD).is_none());
        let l = hangzhou_limits();
        assert_eq!((l.clamp_zoom(3.0), l.clamp_zoom(12.5), l.clamp_zoom(25.0)), (8.0, 12.5, 18.0));
        // A centre outside the extent moves to its nearest point; one inside stays.
        assert_eq!(l.clamp_center(BEIJING), LonLat::new(119.5, 30.6));
        assert_eq!(l.clamp_center(HANGZHOU), HANGZHOU);
        // An extent reaching the pole still keeps the centre inside the Mercator square.
        let polar = ViewLimits::new(0.0, 22.0, Bounds::new(-10.0, 0.0, 10.0, 90.0).unwrap()).unwrap();
        assert_eq!(polar.clamp_center(LonLat::new(0.0, 89.0)).lat, MAX_LATITUDE);
    }
}
