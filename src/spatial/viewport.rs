//! The viewport: what part of the map is on screen, as an immutable value.
//!
//! A [`Viewport`] is a centre (longitude/latitude), a fractional zoom level and
//! the size of the map's container in CSS pixels, plus the [`ViewLimits`] it must
//! respect. Every interaction (drag, wheel, pinch, "zoom to this zone", fly-to)
//! is a method that returns a new `Viewport`; the UI only stores the latest one
//! (`ui::context`), and hit-testing ([`hit`](super::hit)), label reveal
//! ([`reveal`](super::reveal)) and the scene ([`carto::scene`](crate::carto::scene)) read it.
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
//! ## Drawing and flying
//!
//! Geometry is drawn in a [`LocalFrame`]; [`Viewport::local_transform`] gives
//! the one [`Affine`] that places it for the current view (see
//! [`local_frame`](super::local_frame)). [`Viewport::interpolate`] follows the
//! smooth fly-to path described in [`flight_path`].

use super::affine::Affine;
use super::bounds::Bounds;
use super::flight_path;
use super::local_frame::LocalFrame;
use super::mercator::{self, WorldPoint};
use super::view_limits::ViewLimits;
use super::viewport_error::ViewportError;
use super::{LonLat, ScreenPoint};

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
    /// use binjiang_map::spatial::{LonLat, Viewport, ViewLimits, ViewportError};
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
    /// use binjiang_map::spatial::{LonLat, ScreenPoint, Viewport, ViewLimits};
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
    /// use binjiang_map::spatial::{LonLat, Viewport, ViewLimits};
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
    /// use binjiang_map::spatial::{LonLat, ScreenPoint, Viewport, ViewLimits};
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
    /// use binjiang_map::spatial::{bounds::Bounds, LonLat, Viewport, ViewLimits};
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
    /// use binjiang_map::spatial::{LonLat, LocalFrame, Viewport, ViewLimits};
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
    /// use binjiang_map::spatial::{LonLat, Viewport, ViewLimits};
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
    /// `self` to `to` (see [`flight_path`]). `t` is clamped to `[0, 1]`
    /// (NaN counts as 0); `t = 0` gives `self` and `t = 1` gives `to` exactly.
    /// In between, the container size moves linearly and `self`'s limits apply.
    ///
    /// ```
    /// use binjiang_map::spatial::{LonLat, Viewport, ViewLimits};
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
        let (center, zoom) = flight_path::FlightPath::new(self, to).at(t);
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
        flight_path::FlightPath::new(self, to).length()
    }

    /// The centre in zoom-0 world pixels. The centre is finite by construction.
    pub(super) fn center_world(&self) -> WorldPoint {
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

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::test_fixtures::{
        binjiang_view, close_deg, close_px, hangzhou_limits, world_limits, BEIJING, HANGZHOU,
    };

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
