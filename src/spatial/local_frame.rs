//! [`LocalFrame`]: a fixed drawing frame that geometry is projected into once.
//!
//! Local units are world pixels at a fixed zoom, relative to a fixed origin. For
//! any view, [`Viewport::local_transform`](super::viewport::Viewport::local_transform)
//! gives the single [`Affine`](super::affine::Affine) (a uniform scale plus a
//! translation) that places those units on screen, so SVG paths never need
//! rebuilding while the user pans or zooms. The map's frame belongs to its
//! scene ([`carto::scene`](crate::carto::scene)); path data is written in it by
//! [`carto::paths`](crate::carto::paths).

use super::mercator::{self, WorldPoint};
use super::LonLat;

/// A fixed drawing frame: world pixels at `zoom`, measured from `origin`.
///
/// Geometry is converted to local units once; the current view is then a
/// single [`Affine`](super::affine::Affine) from
/// [`Viewport::local_transform`](super::viewport::Viewport::local_transform).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalFrame {
    /// The frame's origin in zoom-0 world pixels.
    pub origin: WorldPoint,
    /// Local units are world pixels at this zoom.
    pub zoom: f64,
}

impl LocalFrame {
    /// A frame with its origin at `origin`; `None` for non-finite input.
    pub fn new(origin: LonLat, zoom: f64) -> Option<LocalFrame> {
        if !zoom.is_finite() {
            return None;
        }
        Some(LocalFrame { origin: mercator::project(origin)?, zoom })
    }

    /// A longitude/latitude in local units; `None` for non-finite input.
    pub fn to_local(&self, p: LonLat) -> Option<(f64, f64)> {
        let w = mercator::project(p)?;
        let s = mercator::zoom_scale(self.zoom);
        Some(((w.x - self.origin.x) * s, (w.y - self.origin.y) * s))
    }

    /// Local units back to longitude/latitude; `None` for non-finite input.
    pub fn from_local(&self, x: f64, y: f64) -> Option<LonLat> {
        let s = mercator::zoom_scale(self.zoom);
        mercator::unproject(WorldPoint::new(self.origin.x + x / s, self.origin.y + y / s))
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::{binjiang_view, close_deg, close_px, HANGZHOU};
    use crate::spatial::ScreenPoint;

    #[test]
    fn local_transform_matches_project() {
        let frame = LocalFrame::new(LonLat::new(120.0, 30.5), 14.0).unwrap();
        let sites = [HANGZHOU, LonLat::new(120.26, 30.17), LonLat::new(119.9, 30.9)];
        for zoom in [3.0, 9.5, 14.0, 17.25, 20.0] {
            let vp = binjiang_view().with_center_zoom(LonLat::new(120.15, 30.25), zoom);
            let t = vp.local_transform(&frame);
            for p in sites {
                let (lx, ly) = frame.to_local(p).unwrap();
                let (x, y) = t.apply(lx, ly);
                let s = vp.project(p).unwrap();
                assert!(close_px(ScreenPoint::new(x, y), s), "zoom {zoom}: {p:?}");
                assert!(close_deg(frame.from_local(lx, ly).unwrap(), p, 1e-9));
            }
        }
        assert_eq!(LocalFrame::new(HANGZHOU, f64::NAN), None);
        assert_eq!(LocalFrame::new(LonLat::new(f64::NAN, 0.0), 10.0), None);
        assert_eq!(frame.to_local(LonLat::new(0.0, f64::NAN)), None);
    }
}
