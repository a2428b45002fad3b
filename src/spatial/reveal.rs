//! Keeping the selected feature in sight: the part of the map that panels do
//! not cover is a rectangle, and a feature is revealed when its box lies
//! inside it.

use crate::spatial::bounds::Bounds;
use crate::spatial::viewport::Viewport;
use crate::spatial::ScreenPoint;

/// The part of the map not covered by a panel or sheet, in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClearArea {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl ClearArea {
    pub fn whole(vp: &Viewport) -> ClearArea {
        ClearArea { x0: 0.0, y0: 0.0, x1: vp.width(), y1: vp.height() }
    }

    fn contains(&self, p: ScreenPoint) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }

    fn usable(&self) -> bool {
        self.x1 - self.x0 > 1.0 && self.y1 - self.y0 > 1.0
    }
}

/// Whether all of `target` is in view inside `clear`.
pub fn is_revealed(vp: &Viewport, target: Bounds, clear: ClearArea) -> bool {
    target.corners().iter().all(|c| vp.project(*c).is_some_and(|p| clear.contains(p)))
}

/// The view that shows `target` centred in `clear`, `pad` px from its edges.
/// Zooms out when the target does not fit; zooms in (up to `max_zoom`) only
/// when `zoom_in` is set, so a click never jumps the map closer unasked.
pub fn reveal(vp: Viewport, target: Bounds, clear: ClearArea, pad: f64, zoom_in: bool, max_zoom: f64) -> Viewport {
    if !clear.usable() {
        return vp;
    }
    let (cw, ch) = (clear.x1 - clear.x0, clear.y1 - clear.y0);
    let fitted = vp.with_size(cw, ch).fit_bounds(target, pad).zoom();
    let cap = if zoom_in { max_zoom } else { vp.zoom() };
    let zoom = fitted.min(cap);
    let centred = vp.with_center_zoom(target.center(), zoom);
    let mid = ScreenPoint::new((clear.x0 + clear.x1) / 2.0, (clear.y0 + clear.y1) / 2.0);
    centred.pan_by_pixels(mid.x - vp.width() / 2.0, mid.y - vp.height() / 2.0)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::LonLat;
    use crate::spatial::ViewLimits;

    fn view() -> Viewport {
        Viewport::new(LonLat::new(120.2, 30.2), 12.0, 1000.0, 800.0, ViewLimits::WORLD).unwrap()
    }

    #[test]
    fn a_feature_under_a_right_hand_panel_is_moved_into_the_clear_part() {
        let vp = view();
        let clear = ClearArea { x0: 0.0, y0: 0.0, x1: 600.0, y1: 800.0 };
        let p = vp.unproject(ScreenPoint::new(850.0, 400.0)).unwrap();
        let target = Bounds::from_points([p]).unwrap();
        assert!(!is_revealed(&vp, target, clear));
        let moved = reveal(vp, target, clear, 20.0, false, 17.0);
        assert!(is_revealed(&moved, target, clear));
        assert_eq!(moved.zoom(), vp.zoom(), "a click does not zoom in");
        let s = moved.project(p).unwrap();
        assert!((s.x - 300.0).abs() < 1e-6 && (s.y - 400.0).abs() < 1e-6);
    }

    #[test]
    fn a_feature_too_big_for_the_clear_part_is_zoomed_out_to_fit() {
        let vp = view();
        let clear = ClearArea { x0: 0.0, y0: 0.0, x1: 1000.0, y1: 400.0 };
        let a = vp.unproject(ScreenPoint::new(100.0, 100.0)).unwrap();
        let b = vp.unproject(ScreenPoint::new(900.0, 700.0)).unwrap();
        let target = Bounds::from_points([a, b]).unwrap();
        let moved = reveal(vp, target, clear, 10.0, false, 17.0);
        assert!(moved.zoom() < vp.zoom());
        assert!(is_revealed(&moved, target, clear));
    }

    #[test]
    fn asked_to_go_somewhere_it_zooms_in_but_not_past_the_limit() {
        let vp = view();
        let target = Bounds::from_points([LonLat::new(120.1, 30.1)]).unwrap();
        let moved = reveal(vp, target, ClearArea::whole(&vp), 10.0, true, 15.0);
        assert_eq!(moved.zoom(), 15.0);
        assert!(is_revealed(&moved, target, ClearArea::whole(&vp)));
    }
}
