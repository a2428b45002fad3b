//! The fly-to path between two views, behind
//! [`Viewport::interpolate`](super::viewport::Viewport::interpolate) and
//! [`Viewport::flight_length`](super::viewport::Viewport::flight_length), which
//! the UI's fly-to animation (`ui::animate`) steps along.
//!
//! The path is the optimal zoom-and-pan path of J. J. van Wijk and W. A. A. Nuij,
//! *Smooth and efficient zooming and panning*, IEEE InfoVis 2003
//! (<https://doi.org/10.1109/INFVIS.2003.1249004>). It is parametrised by the
//! visible width `w` (world units) and the distance `u` travelled along the
//! straight line between the two centres:
//!
//! ```text
//! b_i = (w₁² − w₀² ± ρ⁴u₁²) / (2·w_i·ρ²·u₁)       (+ for i = 0, − for i = 1)
//! r_i = −asinh(b_i)                                (= ln(−b_i + √(b_i² + 1)))
//! S   = (r₁ − r₀) / ρ                              (length of the path)
//! u(s) = w₀/ρ² · (cosh r₀ · tanh(ρs + r₀) − sinh r₀)
//! w(s) = w₀ · cosh r₀ / cosh(ρs + r₀)
//! ```
//!
//! and `t ∈ [0, 1]` maps to `s = t·S`, which moves at constant perceived speed.
//! The zoom/pan trade-off is ρ = 1.42, the value the paper's user experiment
//! found best. When the centres coincide the path degenerates to a pure zoom,
//! which is linear in zoom level.

use super::mercator::{self, WorldPoint};
use super::viewport::Viewport;

/// The zoom/pan trade-off of the fly-to path (van Wijk & Nuij's ρ).
const RHO: f64 = 1.42;

/// Below this many screen pixels of centre movement a fly-to is a pure zoom.
const SAME_CENTRE_PX: f64 = 1e-6;

/// The fly-to path between two views, in zoom-0 world pixels.
pub(super) struct FlightPath {
    from: WorldPoint,
    /// Unit direction from the start centre to the end centre.
    dir: (f64, f64),
    from_zoom: f64,
    shape: PathShape,
}

enum PathShape {
    /// Centres (nearly) coincide: straight line in centre, linear in zoom.
    Linear { delta: (f64, f64), to_zoom: f64 },
    /// van Wijk & Nuij's path: `w0` visible width at the start, `r0`, `r1` as in the module docs.
    Optimal { w0: f64, r0: f64, r1: f64 },
}

impl FlightPath {
    pub(super) fn new(from: &Viewport, to: &Viewport) -> FlightPath {
        let c0 = from.center_world();
        let c1 = to.center_world();
        let (dx, dy) = (c1.x - c0.x, c1.y - c0.y);
        let u1 = dx.hypot(dy);
        let (z0, z1) = (from.zoom(), to.zoom());
        let shape = if u1 * mercator::zoom_scale(z0.max(z1)) < SAME_CENTRE_PX {
            PathShape::Linear { delta: (dx, dy), to_zoom: z1 }
        } else {
            // Visible width in world units: the larger side of the container.
            let screen = from.width().max(from.height());
            let w0 = screen / mercator::zoom_scale(z0);
            let w1 = screen / mercator::zoom_scale(z1);
            let (rho2, rho4) = (RHO * RHO, RHO.powi(4));
            let b0 = (w1 * w1 - w0 * w0 + rho4 * u1 * u1) / (2.0 * w0 * rho2 * u1);
            let b1 = (w1 * w1 - w0 * w0 - rho4 * u1 * u1) / (2.0 * w1 * rho2 * u1);
            PathShape::Optimal { w0, r0: -b0.asinh(), r1: -b1.asinh() }
        };
        let dir = if u1 > 0.0 { (dx / u1, dy / u1) } else { (0.0, 0.0) };
        FlightPath { from: c0, dir, from_zoom: z0, shape }
    }

    pub(super) fn length(&self) -> f64 {
        match self.shape {
            PathShape::Linear { to_zoom, .. } => (to_zoom - self.from_zoom).abs() * std::f64::consts::LN_2 / RHO,
            PathShape::Optimal { r0, r1, .. } => (r1 - r0) / RHO,
        }
    }

    /// Centre (world pixels) and zoom a fraction `t` of the way along.
    pub(super) fn at(&self, t: f64) -> (WorldPoint, f64) {
        match self.shape {
            PathShape::Linear { delta, to_zoom } => (
                WorldPoint::new(self.from.x + delta.0 * t, self.from.y + delta.1 * t),
                self.from_zoom + (to_zoom - self.from_zoom) * t,
            ),
            PathShape::Optimal { w0, r0, r1 } => {
                let s = t * (r1 - r0) / RHO;
                let arg = RHO * s + r0;
                let u = w0 / (RHO * RHO) * (r0.cosh() * arg.tanh() - r0.sinh());
                // w(s)/w0 = cosh r0 / cosh(ρs + r0); zoom rises as w shrinks.
                let zoom = self.from_zoom + (arg.cosh() / r0.cosh()).log2();
                (WorldPoint::new(self.from.x + self.dir.0 * u, self.from.y + self.dir.1 * u), zoom)
            }
        }
    }
}

#[cfg(test)]
mod test {
    use crate::spatial::test_fixtures::{binjiang_view, close_deg, BEIJING, HANGZHOU};
    use crate::spatial::LonLat;

    #[test]
    fn interpolate_ends_are_exact_and_t_is_clamped() {
        let from = binjiang_view();
        let to = from.with_center_zoom(BEIJING, 15.0).with_size(640.0, 480.0);
        assert_eq!(from.interpolate(&to, 0.0), from);
        assert_eq!(from.interpolate(&to, 1.0), to);
        assert_eq!(from.interpolate(&to, -2.0), from);
        assert_eq!(from.interpolate(&to, 7.0), to);
        assert_eq!(from.interpolate(&to, f64::NAN), from);
    }

    #[test]
    fn interpolate_is_continuous_at_the_ends() {
        let from = binjiang_view();
        let to = from.with_center_zoom(BEIJING, 15.0);
        let start = from.interpolate(&to, 1e-9);
        let end = from.interpolate(&to, 1.0 - 1e-9);
        assert!(close_deg(start.center(), from.center(), 1e-5));
        assert!((start.zoom() - from.zoom()).abs() < 1e-5);
        assert!(close_deg(end.center(), to.center(), 1e-5), "{:?}", end.center());
        assert!((end.zoom() - to.zoom()).abs() < 1e-5, "{}", end.zoom());
    }

    #[test]
    fn long_flight_zooms_out_on_the_way() {
        let from = binjiang_view().with_center_zoom(HANGZHOU, 14.0);
        let to = from.with_center_zoom(BEIJING, 14.0);
        let zooms: Vec<f64> = (1..10).map(|i| from.interpolate(&to, i as f64 / 10.0).zoom()).collect();
        let lowest = zooms.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(lowest < 14.0 - 3.0, "dips to {lowest}");
        // Equal end zooms give a symmetric path: the lowest point is halfway.
        assert!((from.interpolate(&to, 0.5).zoom() - lowest).abs() < 1e-9);
        // The centre moves monotonically towards the destination.
        let lats: Vec<f64> = (0..=10).map(|i| from.interpolate(&to, i as f64 / 10.0).center().lat).collect();
        assert!(lats.windows(2).all(|w| w[0] < w[1]), "{lats:?}");
    }

    #[test]
    fn same_centre_interpolates_zoom_linearly() {
        let from = binjiang_view();
        let to = from.with_center_zoom(HANGZHOU, 17.0);
        let mid = from.interpolate(&to, 0.25);
        assert_eq!(mid.center(), HANGZHOU);
        assert!((mid.zoom() - 14.0).abs() < 1e-12);
        assert_eq!(from.interpolate(&from, 0.5), from);
        assert!(from.flight_length(&from) == 0.0);
        assert!(from.flight_length(&to) > 0.0);
    }

    #[test]
    fn longer_flights_are_longer() {
        let from = binjiang_view();
        let near = from.with_center_zoom(LonLat::new(120.3, 30.3), 13.0);
        let far = from.with_center_zoom(BEIJING, 13.0);
        assert!(from.flight_length(&near) < from.flight_length(&far));
    }
}
