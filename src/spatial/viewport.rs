//! The viewport: what part of the map is on screen, as an immutable value.
//!
//! A [`Viewport`] is a centre (longitude/latitude), a fractional zoom level and
//! the size of the map's container in CSS pixels, plus the [`ViewLimits`] it must
//! respect. Every interaction (drag, wheel, pinch, "zoom to this zone", fly-to)
//! is a method that returns a new `Viewport`; the UI only stores the latest one.
//!
//! ## Screen ↔ map
//!
//! With `c` the centre in zoom-0 world pixels (see [`mercator`]), `s = 2^zoom`
//! and `(W, H)` the container size, a map point `w` (zoom-0 world pixels) is drawn at
//!
//! ```text
//! screen = (w − c) · s + (W/2, H/2)
//! ```
//!
//! so [`Viewport::project`] and [`Viewport::unproject`] are exact inverses up
//! to rounding. Panning moves `c`; zooming about an anchor `a` keeps the world
//! point under `a` fixed: `c' = c + (a − mid)·(1/s − 1/s')`.
//!
//! ## Drawing with one transform
//!
//! Geometry is projected once into a [`LocalFrame`]: world pixels at a fixed
//! zoom, relative to a fixed origin. For any view, [`Viewport::local_transform`]
//! gives the single [`Affine`] (a uniform scale plus a translation) that places
//! those local units on screen, so SVG paths never need rebuilding while the
//! user pans or zooms.
//!
//! ## Fly-to
//!
//! [`Viewport::interpolate`] follows the optimal zoom-and-pan path of
//! J. J. van Wijk and W. A. A. Nuij, *Smooth and efficient zooming and panning*,
//! IEEE InfoVis 2003 (<https://doi.org/10.1109/INFVIS.2003.1249004>). The path
//! is parametrised by the visible width `w` (world units) and the distance `u`
//! travelled along the straight line between the two centres:
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

use super::bounds::Bounds;
use super::mercator::{self, WorldPoint, MAX_LATITUDE};
use super::{LonLat, ScreenPoint};
use std::fmt;

/// The scale bar is computed from [`Viewport::metres_per_pixel`]; it lives in
/// [`scale`](super::scale) and is re-exported here beside the viewport.
pub use super::scale::scale_bar;

/// The zoom/pan trade-off of the fly-to path (van Wijk & Nuij's ρ).
const RHO: f64 = 1.42;

/// Below this many screen pixels of centre movement a fly-to is a pure zoom.
const SAME_CENTRE_PX: f64 = 1e-6;

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

/// Why a [`Viewport`] could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewportError {
    /// The named input (`"center"`, `"zoom"`, `"width"` or `"height"`) was NaN or infinite.
    NonFinite(&'static str),
    /// The container has no area.
    EmptySize { width: f64, height: f64 },
    /// The limits are not finite, have `min_zoom > max_zoom`, or an invalid extent.
    BadLimits,
}

impl fmt::Display for ViewportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewportError::NonFinite(what) => {
                write!(f, "expected a finite {what}, got NaN or infinity")
            }
            ViewportError::EmptySize { width, height } => {
                write!(f, "expected a positive viewport size, got {width}×{height} px")
            }
            ViewportError::BadLimits => {
                write!(f, "expected view limits with finite min_zoom ≤ max_zoom and a valid extent, got invalid limits")
            }
        }
    }
}

impl std::error::Error for ViewportError {}

/// The visible part of the map. Immutable: every transition returns a new value.
///
/// Invariants: the centre is finite and inside the limits' extent, the zoom is
/// inside the limits' zoom range, and the size is finite and positive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    center: LonLat,
    zoom: f64,
    width: f64,
    height: f64,
    limits: ViewLimits,
}

impl Viewport {
    /// A viewport of `width × height` CSS pixels centred on `center` at `zoom`.
    /// Zoom and centre are clamped into `limits`.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, viewport::{Viewport, ViewLimits, ViewportError}};
    ///
    /// let vp = Viewport::new(LonLat::new(120.21, 30.21), 30.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// assert_eq!(vp.zoom(), 22.0);
    /// assert_eq!(
    ///     Viewport::new(LonLat::new(120.21, 30.21), 12.0, 0.0, 600.0, ViewLimits::WORLD),
    ///     Err(ViewportError::EmptySize { width: 0.0, height: 600.0 }),
    /// );
    /// ```
    pub fn new(
        center: LonLat,
        zoom: f64,
        width: f64,
        height: f64,
        limits: ViewLimits,
    ) -> Result<Viewport, ViewportError> {
        if !limits.is_valid() {
            return Err(ViewportError::BadLimits);
        }
        if !(center.lon.is_finite() && center.lat.is_finite()) {
            return Err(ViewportError::NonFinite("center"));
        }
        if !zoom.is_finite() {
            return Err(ViewportError::NonFinite("zoom"));
        }
        if !width.is_finite() {
            return Err(ViewportError::NonFinite("width"));
        }
        if !height.is_finite() {
            return Err(ViewportError::NonFinite("height"));
        }
        if width <= 0.0 || height <= 0.0 {
            return Err(ViewportError::EmptySize { width, height });
        }
        Ok(Viewport { center: limits.clamp_center(center), zoom: limits.clamp_zoom(zoom), width, height, limits })
    }

    pub fn center(&self) -> LonLat {
        self.center
    }

    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// Container width in CSS pixels.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Container height in CSS pixels.
    pub fn height(&self) -> f64 {
        self.height
    }

    pub fn limits(&self) -> ViewLimits {
        self.limits
    }

    /// The centre of the container in screen pixels.
    pub fn screen_center(&self) -> ScreenPoint {
        ScreenPoint::new(self.width / 2.0, self.height / 2.0)
    }

    /// The same view in a resized container (centre and zoom kept).
    /// Non-finite or non-positive sizes are ignored.
    pub fn with_size(self, width: f64, height: f64) -> Viewport {
        if width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0 {
            Viewport { width, height, ..self }
        } else {
            self
        }
    }

    /// A new centre and zoom, clamped into the limits. A non-finite centre or
    /// zoom is ignored (the current one is kept); the other part still applies.
    pub fn with_center_zoom(self, center: LonLat, zoom: f64) -> Viewport {
        let center = if center.lon.is_finite() && center.lat.is_finite() {
            self.limits.clamp_center(center)
        } else {
            self.center
        };
        let zoom = if zoom.is_finite() { self.limits.clamp_zoom(zoom) } else { self.zoom };
        Viewport { center, zoom, ..self }
    }

    /// The same view with other limits; centre and zoom are clamped into them.
    /// Invalid limits are ignored.
    pub fn with_limits(self, limits: ViewLimits) -> Viewport {
        if !limits.is_valid() {
            return self;
        }
        Viewport { center: limits.clamp_center(self.center), zoom: limits.clamp_zoom(self.zoom), limits, ..self }
    }

    /// Where a longitude/latitude is drawn, in CSS pixels from the container's
    /// top-left corner; `None` for non-finite input.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, ScreenPoint, viewport::{Viewport, ViewLimits}};
    ///
    /// let centre = LonLat::new(120.21, 30.21);
    /// let vp = Viewport::new(centre, 14.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let s = vp.project(centre).unwrap();
    /// assert!(s.distance(ScreenPoint::new(400.0, 300.0)) < 1e-6);
    /// ```
    pub fn project(&self, p: LonLat) -> Option<ScreenPoint> {
        let w = mercator::project(p)?;
        let c = self.center_world();
        let s = mercator::zoom_scale(self.zoom);
        Some(ScreenPoint::new((w.x - c.x) * s + self.width / 2.0, (w.y - c.y) * s + self.height / 2.0))
    }

    /// The longitude/latitude drawn at a screen position; `None` for non-finite input.
    pub fn unproject(&self, s: ScreenPoint) -> Option<LonLat> {
        mercator::unproject(self.screen_to_world(s)?)
    }

    /// The view after dragging the map by `(dx, dy)` pixels: the content follows
    /// the pointer, so dragging right (`dx > 0`) brings western parts into view.
    /// Non-finite input is ignored.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, viewport::{Viewport, ViewLimits}};
    ///
    /// let vp = Viewport::new(LonLat::new(120.21, 30.21), 14.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let dragged = vp.pan_by_pixels(100.0, 0.0);
    /// assert!(dragged.center().lon < vp.center().lon);
    /// ```
    pub fn pan_by_pixels(self, dx: f64, dy: f64) -> Viewport {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        let c = self.center_world();
        let s = mercator::zoom_scale(self.zoom);
        self.with_world_center(WorldPoint::new(c.x - dx / s, c.y - dy / s), self.zoom)
    }

    /// The view at `new_zoom` (clamped into the limits) with the map point under
    /// `anchor` still under it, as for wheel and pinch zoom. The anchor can only
    /// move if the extent clamps the new centre. Non-finite input is ignored.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, ScreenPoint, viewport::{Viewport, ViewLimits}};
    ///
    /// let vp = Viewport::new(LonLat::new(120.21, 30.21), 12.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let cursor = ScreenPoint::new(650.0, 120.0);
    /// let under_cursor = vp.unproject(cursor).unwrap();
    /// let zoomed = vp.zoom_about(cursor, 14.5);
    /// assert!(zoomed.project(under_cursor).unwrap().distance(cursor) < 1e-6);
    /// ```
    pub fn zoom_about(self, anchor: ScreenPoint, new_zoom: f64) -> Viewport {
        let Some(a) = self.screen_to_world(anchor) else {
            return self;
        };
        if !new_zoom.is_finite() {
            return self;
        }
        let zoom = self.limits.clamp_zoom(new_zoom);
        let s = mercator::zoom_scale(zoom);
        let mid = self.screen_center();
        let center = WorldPoint::new(a.x - (anchor.x - mid.x) / s, a.y - (anchor.y - mid.y) / s);
        self.with_world_center(center, zoom)
    }

    /// [`zoom_about`](Self::zoom_about) by a change of `delta` zoom levels.
    pub fn zoom_by(self, anchor: ScreenPoint, delta: f64) -> Viewport {
        self.zoom_about(anchor, self.zoom + delta)
    }

    /// The view showing `b` as large as possible inside the container minus
    /// `padding_px` on every side: centred on `b`'s Mercator midpoint at the
    /// largest (fractional) zoom that fits, clamped into the limits.
    ///
    /// A single-point box zooms to `max_zoom`. Negative or non-finite padding
    /// counts as zero, and padding that would leave no room is ignored. An
    /// invalid box leaves the view unchanged.
    ///
    /// ```
    /// use binjiang_map::spatial::{bounds::Bounds, LonLat, viewport::{Viewport, ViewLimits}};
    ///
    /// let vp = Viewport::new(LonLat::new(0.0, 0.0), 2.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let binjiang = Bounds::new(120.12, 30.13, 120.26, 30.23).unwrap();
    /// let fitted = vp.fit_bounds(binjiang, 20.0);
    /// for corner in binjiang.corners() {
    ///     let s = fitted.project(corner).unwrap();
    ///     assert!(s.x >= 20.0 - 1e-6 && s.x <= 780.0 + 1e-6);
    ///     assert!(s.y >= 20.0 - 1e-6 && s.y <= 580.0 + 1e-6);
    /// }
    /// ```
    pub fn fit_bounds(self, b: Bounds, padding_px: f64) -> Viewport {
        if !b.is_valid() {
            return self;
        }
        let (Some(nw), Some(se)) =
            (mercator::project(LonLat::new(b.west, b.north)), mercator::project(LonLat::new(b.east, b.south)))
        else {
            return self;
        };
        let padding = if padding_px.is_finite() { padding_px.max(0.0) } else { 0.0 };
        let (mut avail_w, mut avail_h) = (self.width - 2.0 * padding, self.height - 2.0 * padding);
        if avail_w <= 0.0 || avail_h <= 0.0 {
            (avail_w, avail_h) = (self.width, self.height);
        }
        let (span_x, span_y) = (se.x - nw.x, se.y - nw.y);
        // Scale (pixels per zoom-0 world pixel) at which each axis just fits;
        // an axis with no extent fits at any scale.
        let fit = |avail: f64, span: f64| {
            if span > 0.0 {
                avail / span
            } else {
                f64::INFINITY
            }
        };
        let scale = fit(avail_w, span_x).min(fit(avail_h, span_y));
        let zoom = if scale.is_finite() { scale.log2() } else { self.limits.max_zoom };
        let center = WorldPoint::new((nw.x + se.x) / 2.0, (nw.y + se.y) / 2.0);
        self.with_world_center(center, self.limits.clamp_zoom(zoom))
    }

    /// The longitude/latitude box on screen. Longitudes are not wrapped, so a
    /// zoomed-out view can reach past ±180°.
    pub fn visible_bounds(&self) -> Bounds {
        let nw = self.unproject(ScreenPoint::new(0.0, 0.0)).unwrap_or(self.center);
        let se = self.unproject(ScreenPoint::new(self.width, self.height)).unwrap_or(self.center);
        Bounds { west: nw.lon, south: se.lat, east: se.lon, north: nw.lat }
    }

    /// Ground metres per CSS pixel at the centre's latitude.
    pub fn metres_per_pixel(&self) -> f64 {
        mercator::metres_per_pixel(self.center.lat, self.zoom)
    }

    /// The transform that draws `frame`'s local units on screen for this view:
    /// `screen = local · 2^(zoom − frame.zoom) + ((origin − centre) · 2^zoom + size/2)`.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, viewport::{LocalFrame, Viewport, ViewLimits}};
    ///
    /// let frame = LocalFrame::new(LonLat::new(120.0, 30.5), 12.0).unwrap();
    /// let vp = Viewport::new(LonLat::new(120.21, 30.21), 14.3, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let site = LonLat::new(120.19, 30.19);
    /// let (lx, ly) = frame.to_local(site).unwrap();
    /// let (x, y) = vp.local_transform(&frame).apply(lx, ly);
    /// let s = vp.project(site).unwrap();
    /// assert!((x - s.x).abs() < 1e-6 && (y - s.y).abs() < 1e-6);
    /// ```
    pub fn local_transform(&self, frame: &LocalFrame) -> Affine {
        let c = self.center_world();
        let s = mercator::zoom_scale(self.zoom);
        Affine {
            scale: mercator::zoom_scale(self.zoom - frame.zoom),
            tx: (frame.origin.x - c.x) * s + self.width / 2.0,
            ty: (frame.origin.y - c.y) * s + self.height / 2.0,
        }
    }

    /// The map from screen positions under `drawn` to screen positions under
    /// `self`: the one transform that makes a picture drawn for `drawn` show
    /// this view. The map moves during a gesture by this transform alone (a
    /// composited CSS transform); it is redrawn for the new view once the
    /// gesture settles.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, viewport::{Viewport, ViewLimits}};
    ///
    /// let drawn = Viewport::new(LonLat::new(120.21, 30.21), 12.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let now = drawn.pan_by_pixels(30.0, -10.0);
    /// let a = now.screen_map_from(&drawn);
    /// assert_eq!((a.scale, a.tx.round(), a.ty.round()), (1.0, 30.0, -10.0));
    /// ```
    pub fn screen_map_from(&self, drawn: &Viewport) -> Affine {
        let (c_now, c_drawn) = (self.center_world(), drawn.center_world());
        let s_now = mercator::zoom_scale(self.zoom);
        let k = mercator::zoom_scale(self.zoom - drawn.zoom);
        Affine {
            scale: k,
            tx: -drawn.width / 2.0 * k + (c_drawn.x - c_now.x) * s_now + self.width / 2.0,
            ty: -drawn.height / 2.0 * k + (c_drawn.y - c_now.y) * s_now + self.height / 2.0,
        }
    }

    /// The view a fraction `t` of the way along the smooth fly-to path from
    /// `self` to `to` (see the module docs). `t` is clamped to `[0, 1]`
    /// (NaN counts as 0); `t = 0` gives `self` and `t = 1` gives `to` exactly.
    /// In between, the container size moves linearly and `self`'s limits apply.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, viewport::{Viewport, ViewLimits}};
    ///
    /// let hangzhou = Viewport::new(LonLat::new(120.21, 30.21), 14.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
    /// let beijing = hangzhou.with_center_zoom(LonLat::new(116.40, 39.91), 14.0);
    /// let halfway = hangzhou.interpolate(&beijing, 0.5);
    /// assert!(halfway.zoom() < 14.0, "a long flight zooms out on the way");
    /// assert_eq!(hangzhou.interpolate(&beijing, 1.0), beijing);
    /// ```
    pub fn interpolate(&self, to: &Viewport, t: f64) -> Viewport {
        if t.is_nan() || t <= 0.0 {
            return *self;
        }
        if t >= 1.0 {
            return *to;
        }
        let sized =
            self.with_size(self.width + (to.width - self.width) * t, self.height + (to.height - self.height) * t);
        let (center, zoom) = FlightPath::new(self, to).at(t);
        if self.center == to.center {
            // A pure zoom keeps the exact centre rather than a re-projected one.
            return sized.with_center_zoom(self.center, zoom);
        }
        sized.with_world_center(center, zoom)
    }

    /// The length of the fly-to path from `self` to `to` in van Wijk & Nuij's
    /// metric (0 for identical views). Animation durations proportional to it
    /// give the same perceived speed for short hops and long flights.
    pub fn flight_length(&self, to: &Viewport) -> f64 {
        FlightPath::new(self, to).length()
    }

    /// The centre in zoom-0 world pixels. The centre is finite by construction.
    fn center_world(&self) -> WorldPoint {
        mercator::project(self.center).unwrap_or_default()
    }

    /// A screen position in zoom-0 world pixels; `None` for non-finite input.
    fn screen_to_world(&self, s: ScreenPoint) -> Option<WorldPoint> {
        if !(s.x.is_finite() && s.y.is_finite()) {
            return None;
        }
        let c = self.center_world();
        let scale = mercator::zoom_scale(self.zoom);
        Some(WorldPoint::new(c.x + (s.x - self.width / 2.0) / scale, c.y + (s.y - self.height / 2.0) / scale))
    }

    /// This view moved to a centre given in world pixels, at `zoom`; both clamped.
    fn with_world_center(self, center: WorldPoint, zoom: f64) -> Viewport {
        match mercator::unproject(center) {
            Some(c) => self.with_center_zoom(c, zoom),
            None => self,
        }
    }
}

/// The fly-to path between two views, in zoom-0 world pixels.
struct FlightPath {
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
    fn new(from: &Viewport, to: &Viewport) -> FlightPath {
        let c0 = from.center_world();
        let c1 = to.center_world();
        let (dx, dy) = (c1.x - c0.x, c1.y - c0.y);
        let u1 = dx.hypot(dy);
        let (z0, z1) = (from.zoom, to.zoom);
        let shape = if u1 * mercator::zoom_scale(z0.max(z1)) < SAME_CENTRE_PX {
            PathShape::Linear { delta: (dx, dy), to_zoom: z1 }
        } else {
            // Visible width in world units: the larger side of the container.
            let screen = from.width.max(from.height);
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

    fn length(&self) -> f64 {
        match self.shape {
            PathShape::Linear { to_zoom, .. } => (to_zoom - self.from_zoom).abs() * std::f64::consts::LN_2 / RHO,
            PathShape::Optimal { r0, r1, .. } => (r1 - r0) / RHO,
        }
    }

    /// Centre (world pixels) and zoom a fraction `t` of the way along.
    fn at(&self, t: f64) -> (WorldPoint, f64) {
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

/// A fixed drawing frame: world pixels at `zoom`, measured from `origin`.
///
/// Geometry is converted to local units once; the current view is then a
/// single [`Affine`] from [`Viewport::local_transform`].
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

/// A uniform scale followed by a translation: `screen = local · scale + (tx, ty)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Affine {
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.tx, y * self.scale + self.ty)
    }

    /// The transform as an SVG `transform` attribute value, `matrix(s 0 0 s tx ty)`.
    ///
    /// The translation keeps 4 decimals (a ten-thousandth of a pixel). A scale
    /// below 1 keeps 7 significant digits instead, because it multiplies local
    /// coordinates that may be thousands of units from the origin.
    ///
    /// ```
    /// use binjiang_map::spatial::viewport::Affine;
    ///
    /// let a = Affine { scale: 2.0, tx: -10.123456, ty: 0.5 };
    /// assert_eq!(a.to_svg(), "matrix(2 0 0 2 -10.1235 0.5)");
    /// ```
    pub fn to_svg(&self) -> String {
        let scale_decimals = if self.scale.abs() < 1.0 && self.scale != 0.0 {
            // floor(log10|s|) is negative here; 7 significant digits, at most 12 decimals.
            (6 - self.scale.abs().log10().floor() as i32).clamp(4, 12) as usize
        } else {
            4
        };
        let s = format_decimals(self.scale, scale_decimals);
        format!("matrix({s} 0 0 {s} {} {})", format_decimals(self.tx, 4), format_decimals(self.ty, 4))
    }
}

impl Affine {
    /// The transform as a CSS `transform` value (CSS wants commas), for an
    /// element whose `transform-origin` is its top-left corner.
    ///
    /// ```
    /// use binjiang_map::spatial::viewport::Affine;
    ///
    /// let a = Affine { scale: 0.5, tx: 12.0, ty: -3.25 };
    /// assert_eq!(a.to_css(), "matrix(0.5, 0, 0, 0.5, 12, -3.25)");
    /// ```
    pub fn to_css(&self) -> String {
        let s = format_decimals(self.scale, 6);
        format!("matrix({s}, 0, 0, {s}, {}, {})", format_decimals(self.tx, 2), format_decimals(self.ty, 2))
    }
}

/// `v` with at most `decimals` decimals, trailing zeros removed, and no "-0".
fn format_decimals(v: f64, decimals: usize) -> String {
    let mut text = format!("{v:.decimals$}");
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(trimmed);
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::{binjiang_view, hangzhou_limits, world_limits, BEIJING, HANGZHOU};

    const EPS_PX: f64 = 1e-6;

    fn close_px(a: ScreenPoint, b: ScreenPoint) -> bool {
        a.distance(b) < EPS_PX
    }

    fn close_deg(a: LonLat, b: LonLat, eps: f64) -> bool {
        (a.lon - b.lon).abs() < eps && (a.lat - b.lat).abs() < eps
    }

    /// Every corner of `b` lies inside the viewport shrunk by `padding` (with `slack` px).
    fn corners_inside(vp: &Viewport, b: Bounds, padding: f64, slack: f64) -> bool {
        b.corners().iter().all(|&c| {
            let s = vp.project(c).unwrap();
            s.x >= padding - slack
                && s.x <= vp.width() - padding + slack
                && s.y >= padding - slack
                && s.y <= vp.height() - padding + slack
        })
    }

    #[test]
    fn new_rejects_bad_input_without_panicking() {
        let l = world_limits();
        let nan = f64::NAN;
        assert_eq!(
            Viewport::new(LonLat::new(nan, 30.0), 10.0, 800.0, 600.0, l),
            Err(ViewportError::NonFinite("center"))
        );
        assert_eq!(Viewport::new(HANGZHOU, f64::INFINITY, 800.0, 600.0, l), Err(ViewportError::NonFinite("zoom")));
        assert_eq!(Viewport::new(HANGZHOU, 10.0, nan, 600.0, l), Err(ViewportError::NonFinite("width")));
        assert_eq!(Viewport::new(HANGZHOU, 10.0, 800.0, f64::NEG_INFINITY, l), Err(ViewportError::NonFinite("height")));
        assert_eq!(
            Viewport::new(HANGZHOU, 10.0, 800.0, -1.0, l),
            Err(ViewportError::EmptySize { width: 800.0, height: -1.0 })
        );
        let bad = ViewLimits { min_zoom: 10.0, max_zoom: 5.0, extent: Bounds::WORLD };
        assert_eq!(Viewport::new(HANGZHOU, 7.0, 800.0, 600.0, bad), Err(ViewportError::BadLimits));
        assert!(ViewLimits::new(0.0, nan, Bounds::WORLD).is_none());
    }

    #[test]
    fn errors_read_expected_got() {
        let msg = ViewportError::EmptySize { width: 0.0, height: 600.0 }.to_string();
        assert!(msg.starts_with("expected") && msg.contains("got 0×600"), "{msg}");
        assert!(ViewportError::NonFinite("zoom").to_string().contains("finite zoom"));
    }

    #[test]
    fn new_clamps_zoom_and_centre_into_limits() {
        let l = hangzhou_limits();
        let vp = Viewport::new(BEIJING, 25.0, 800.0, 600.0, l).unwrap();
        assert_eq!(vp.zoom(), 18.0);
        assert!(l.extent.contains(vp.center()));
        assert_eq!(vp.center(), LonLat::new(l.extent.west, l.extent.north));
        let vp = Viewport::new(HANGZHOU, 2.0, 800.0, 600.0, l).unwrap();
        assert_eq!(vp.zoom(), 8.0);
        assert_eq!(vp.center(), HANGZHOU);
    }

    #[test]
    fn project_puts_the_centre_in_the_middle_and_round_trips() {
        let vp = binjiang_view();
        assert!(close_px(vp.project(HANGZHOU).unwrap(), ScreenPoint::new(400.0, 300.0)));
        for s in [ScreenPoint::new(0.0, 0.0), ScreenPoint::new(800.0, 600.0), ScreenPoint::new(123.4, 567.8)] {
            let back = vp.project(vp.unproject(s).unwrap()).unwrap();
            assert!(close_px(back, s), "{s:?} -> {back:?}");
        }
        // North is up and east is right.
        let ne = vp.project(LonLat::new(HANGZHOU.lon + 0.01, HANGZHOU.lat + 0.01)).unwrap();
        assert!(ne.x > 400.0 && ne.y < 300.0);
        assert_eq!(vp.project(LonLat::new(f64::NAN, 0.0)), None);
        assert_eq!(vp.unproject(ScreenPoint::new(0.0, f64::INFINITY)), None);
    }

    #[test]
    fn one_zoom_level_doubles_distances_on_screen() {
        let vp = binjiang_view();
        let p = LonLat::new(120.25, 30.25);
        let d13 = vp.project(p).unwrap().distance(vp.screen_center());
        let vp14 = vp.with_center_zoom(HANGZHOU, 14.0);
        let d14 = vp14.project(p).unwrap().distance(vp14.screen_center());
        assert!((d14 - 2.0 * d13).abs() < 1e-6);
    }

    #[test]
    fn with_size_and_with_center_zoom_ignore_bad_input() {
        let vp = binjiang_view();
        assert_eq!(vp.with_size(0.0, 100.0), vp);
        assert_eq!(vp.with_size(f64::NAN, 100.0), vp);
        let resized = vp.with_size(1024.0, 768.0);
        assert_eq!((resized.width(), resized.height()), (1024.0, 768.0));
        assert_eq!((resized.center(), resized.zoom()), (vp.center(), vp.zoom()));

        assert_eq!(vp.with_center_zoom(LonLat::new(f64::NAN, 1.0), f64::NAN), vp);
        let moved = vp.with_center_zoom(BEIJING, f64::INFINITY);
        assert_eq!((moved.center(), moved.zoom()), (BEIJING, vp.zoom()));
        assert_eq!(vp.with_center_zoom(HANGZHOU, 99.0).zoom(), 20.0);
    }

    #[test]
    fn dragging_right_moves_the_centre_west_and_the_content_with_the_pointer() {
        let vp = binjiang_view();
        let grabbed = ScreenPoint::new(300.0, 200.0);
        let under = vp.unproject(grabbed).unwrap();
        let dragged = vp.pan_by_pixels(50.0, -20.0);
        assert!(dragged.center().lon < vp.center().lon);
        assert!(dragged.center().lat < vp.center().lat, "dragging up shows the south");
        let now = dragged.project(under).unwrap();
        assert!(close_px(now, ScreenPoint::new(350.0, 180.0)), "{now:?}");
    }

    #[test]
    fn pan_then_pan_back_is_identity() {
        let vp = binjiang_view();
        let back = vp.pan_by_pixels(137.5, -42.25).pan_by_pixels(-137.5, 42.25);
        assert!(close_deg(back.center(), vp.center(), 1e-12));
        assert_eq!(back.zoom(), vp.zoom());
        assert_eq!(vp.pan_by_pixels(f64::NAN, 1.0), vp);
    }

    #[test]
    fn extent_clamp_keeps_the_centre_inside() {
        let l = hangzhou_limits();
        let vp = Viewport::new(HANGZHOU, 12.0, 800.0, 600.0, l).unwrap();
        for (dx, dy) in [(1e6, 0.0), (-1e6, 0.0), (0.0, 1e6), (0.0, -1e6), (5e5, -5e5)] {
            let panned = vp.pan_by_pixels(dx, dy);
            assert!(l.extent.contains(panned.center()), "{dx},{dy}: {:?}", panned.center());
        }
        let far = vp.with_center_zoom(BEIJING, 12.0);
        assert!(l.extent.contains(far.center()));
    }

    #[test]
    fn zoom_about_keeps_the_anchor_fixed() {
        let vp = binjiang_view();
        for anchor in [ScreenPoint::new(0.0, 0.0), ScreenPoint::new(712.0, 95.5), ScreenPoint::new(400.0, 300.0)] {
            let under = vp.unproject(anchor).unwrap();
            for z in [8.0, 12.25, 13.0, 16.7, 19.999] {
                let zoomed = vp.zoom_about(anchor, z);
                assert_eq!(zoomed.zoom(), z);
                let now = zoomed.project(under).unwrap();
                assert!(close_px(now, anchor), "z {z}: {anchor:?} -> {now:?}");
            }
        }
    }

    #[test]
    fn zoom_about_respects_min_and_max_zoom() {
        let vp = Viewport::new(HANGZHOU, 12.0, 800.0, 600.0, hangzhou_limits()).unwrap();
        let anchor = ScreenPoint::new(420.0, 310.0);
        let under = vp.unproject(anchor).unwrap();
        let max = vp.zoom_about(anchor, 30.0);
        assert_eq!(max.zoom(), 18.0);
        assert!(close_px(max.project(under).unwrap(), anchor));
        assert_eq!(vp.zoom_about(anchor, -3.0).zoom(), 8.0);
        assert_eq!(vp.zoom_by(anchor, 100.0).zoom(), 18.0);
        assert_eq!(vp.zoom_by(anchor, 1.5).zoom(), 13.5);
        assert_eq!(vp.zoom_about(anchor, f64::NAN), vp);
        assert_eq!(vp.zoom_about(ScreenPoint::new(f64::NAN, 0.0), 14.0), vp);
    }

    #[test]
    fn fit_bounds_contains_the_box_and_is_tight() {
        let vp = binjiang_view();
        let boxes = [
            Bounds::new(120.12, 30.13, 120.26, 30.23).unwrap(), // wide
            Bounds::new(120.20, 30.00, 120.22, 30.40).unwrap(), // tall
            Bounds::new(118.0, 29.0, 122.0, 31.5).unwrap(),     // province-sized
        ];
        for b in boxes {
            for padding in [0.0, 24.0] {
                let fitted = vp.fit_bounds(b, padding);
                assert!(fitted.zoom() < 20.0, "not clamped");
                assert!(corners_inside(&fitted, b, padding, 1e-6), "{b:?} at {padding}");
                let closer = fitted.with_center_zoom(fitted.center(), fitted.zoom() + 0.1);
                assert!(!corners_inside(&closer, b, padding, 1e-6), "{b:?} not tight");
            }
        }
    }

    #[test]
    fn fit_bounds_clamps_and_handles_degenerate_input() {
        let vp = binjiang_view();
        // A point zooms all the way in, centred on it.
        let point = Bounds::new(120.2, 30.2, 120.2, 30.2).unwrap();
        let fitted = vp.fit_bounds(point, 10.0);
        assert_eq!(fitted.zoom(), 20.0);
        assert!(close_deg(fitted.center(), LonLat::new(120.2, 30.2), 1e-9));
        // A tiny box is clamped to max zoom and so fits with room to spare.
        let tiny = Bounds::new(120.2, 30.2, 120.2001, 30.2001).unwrap();
        assert_eq!(vp.fit_bounds(tiny, 0.0).zoom(), 20.0);
        // Padding larger than the container is ignored, not an error.
        let b = Bounds::new(120.12, 30.13, 120.26, 30.23).unwrap();
        assert_eq!(vp.fit_bounds(b, 1000.0), vp.fit_bounds(b, 0.0));
        assert_eq!(vp.fit_bounds(b, f64::NAN), vp.fit_bounds(b, 0.0));
        let broken = Bounds { west: f64::NAN, ..b };
        assert_eq!(vp.fit_bounds(broken, 0.0), vp);
    }

    #[test]
    fn visible_bounds_match_the_screen_corners() {
        let vp = binjiang_view();
        let v = vp.visible_bounds();
        assert!(v.contains(HANGZHOU));
        let nw = vp.project(LonLat::new(v.west, v.north)).unwrap();
        let se = vp.project(LonLat::new(v.east, v.south)).unwrap();
        assert!(close_px(nw, ScreenPoint::new(0.0, 0.0)));
        assert!(close_px(se, ScreenPoint::new(800.0, 600.0)));
    }

    #[test]
    fn metres_per_pixel_uses_the_centre_latitude() {
        let vp = binjiang_view();
        let expected = mercator::metres_per_pixel(HANGZHOU.lat, 13.0);
        assert_eq!(vp.metres_per_pixel(), expected);
        assert!((expected - 16.51).abs() < 0.01, "{expected}");
    }

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

    #[test]
    fn svg_transform_text() {
        let a = Affine { scale: 0.5, tx: 12.345_67, ty: -0.000_01 };
        assert_eq!(a.to_svg(), "matrix(0.5 0 0 0.5 12.3457 0)");
        let small = Affine { scale: 2f64.powf(-3.7), tx: 1.0, ty: 2.0 };
        assert_eq!(small.to_svg(), "matrix(0.07694653 0 0 0.07694653 1 2)");
        assert_eq!(format_decimals(100.0, 4), "100");
    }

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

    #[test]
    fn the_screen_map_carries_every_point_of_the_drawn_view_to_the_current_one() {
        let drawn = Viewport::new(LonLat::new(120.21, 30.21), 12.3, 900.0, 640.0, ViewLimits::WORLD).unwrap();
        let places = [LonLat::new(120.15, 30.18), LonLat::new(120.3, 30.25), LonLat::new(120.21, 30.21)];
        let moves = [
            drawn.pan_by_pixels(-320.0, -160.0),
            drawn.zoom_by(ScreenPoint::new(100.0, 500.0), 1.7),
            drawn.zoom_by(ScreenPoint::new(450.0, 320.0), -2.0).pan_by_pixels(12.0, 80.0),
            drawn.with_size(1280.0, 300.0),
        ];
        for now in moves {
            let a = now.screen_map_from(&drawn);
            for p in places {
                let (before, after) = (drawn.project(p).unwrap(), now.project(p).unwrap());
                let (x, y) = a.apply(before.x, before.y);
                assert!((x - after.x).abs() < 1e-6 && (y - after.y).abs() < 1e-6, "{p:?}: ({x}, {y}) vs {after:?}");
            }
        }
        let same = drawn.screen_map_from(&drawn);
        assert_eq!((same.scale, same.tx, same.ty), (1.0, 0.0, 0.0));
    }
}
