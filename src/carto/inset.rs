//! The locator inset: all of Hangzhou's districts and the three zones in a
//! small box, the current view as a frame on it; a click there moves the map.
//! The inset reuses the scene's path data (local frame units) under one
//! scale-and-translate, so nothing is projected twice.

use crate::carto::scene::Scene;
use crate::spatial::bounds::Bounds;
use crate::spatial::LonLat;

/// The inset's geometry: local frame units to inset pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    pub width: f64,
    pub height: f64,
    /// Inset pixels per local unit.
    pub scale: f64,
    /// The local point at the inset's top-left corner.
    pub origin: (f64, f64),
}

/// The smallest frame drawn, in inset pixels, so a close view still shows.
const MIN_FRAME_PX: f64 = 4.0;

impl Inset {
    /// The scene's whole extent fitted into `width` × `height` px, centred.
    pub fn fit(scene: &Scene, width: f64, height: f64) -> Option<Inset> {
        let e = scene.extent;
        let (x0, y0) = scene.frame.to_local(LonLat::new(e.west, e.north))?;
        let (x1, y1) = scene.frame.to_local(LonLat::new(e.east, e.south))?;
        let (w, h) = (x1 - x0, y1 - y0);
        if !(w > 0.0 && h > 0.0 && width > 0.0 && height > 0.0) {
            return None;
        }
        let scale = (width / w).min(height / h);
        let origin = (x0 - (width / scale - w) / 2.0, y0 - (height / scale - h) / 2.0);
        Some(Inset { width, height, scale, origin })
    }

    /// The SVG transform from local units to inset pixels.
    pub fn transform(&self) -> String {
        let k = self.scale;
        format!("matrix({k} 0 0 {k} {} {})", -self.origin.0 * k, -self.origin.1 * k)
    }

    /// A place in inset pixels.
    pub fn project(&self, scene: &Scene, p: LonLat) -> Option<(f64, f64)> {
        let (x, y) = scene.frame.to_local(p)?;
        Some(((x - self.origin.0) * self.scale, (y - self.origin.1) * self.scale))
    }

    /// The place under inset pixel (`x`, `y`).
    pub fn unproject(&self, scene: &Scene, x: f64, y: f64) -> Option<LonLat> {
        scene.frame.from_local(x / self.scale + self.origin.0, y / self.scale + self.origin.1)
    }

    /// A view's box as a frame in inset pixels (x, y, width, height), at
    /// least [`MIN_FRAME_PX`] on a side.
    pub fn frame(&self, scene: &Scene, view: Bounds) -> Option<(f64, f64, f64, f64)> {
        let (x0, y0) = self.project(scene, LonLat::new(view.west, view.north))?;
        let (x1, y1) = self.project(scene, LonLat::new(view.east, view.south))?;
        let (w, h) = ((x1 - x0).max(MIN_FRAME_PX), (y1 - y0).max(MIN_FRAME_PX));
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        Some((cx - w / 2.0, cy - h / 2.0, w, h))
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::carto::scene::test::scene;

    #[test]
    fn the_whole_city_fits_and_a_click_finds_the_place_drawn_there() {
        let s = scene();
        let inset = Inset::fit(&s, 160.0, 120.0).expect("an inset");
        for c in s.extent.corners() {
            let (x, y) = inset.project(&s, c).unwrap();
            assert!((-0.01..=160.01).contains(&x) && (-0.01..=120.01).contains(&y), "{c:?} at {x} {y}");
        }
        let bj = s.home.center();
        let (x, y) = inset.project(&s, bj).unwrap();
        let back = inset.unproject(&s, x, y).unwrap();
        assert!((back.lon - bj.lon).abs() < 1e-9 && (back.lat - bj.lat).abs() < 1e-9);
    }

    #[test]
    fn the_view_frame_grows_with_the_view_and_never_vanishes() {
        let s = scene();
        let inset = Inset::fit(&s, 160.0, 120.0).unwrap();
        let home = inset.frame(&s, s.home).unwrap();
        let all = inset.frame(&s, s.overview).unwrap();
        assert!(all.2 > home.2 && all.3 > home.3, "{home:?} {all:?}");
        let tiny = Bounds::new(120.2, 30.2, 120.2001, 30.2001).unwrap();
        let f = inset.frame(&s, tiny).unwrap();
        assert!(f.2 >= MIN_FRAME_PX && f.3 >= MIN_FRAME_PX);
    }
}
