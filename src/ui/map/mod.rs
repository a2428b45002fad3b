//! The map itself: one SVG whose geometry is projected once, moved by a single
//! transform; markers and labels placed in screen space from the viewport.
//!
//! - [`view`]: the component, the SVG as it is first drawn;
//! - [`patch`]: what changes afterwards, written into the drawn nodes (the
//!   selection's highlight, visibility, names, label placement, the CSS
//!   transform that carries the drawing while the view moves);
//! - [`input`]: DOM events read into the inputs of [`crate::state::input`],
//!   whose rules answer with commands that it carries out.
//!
//! The camera moves that other parts of the page ask for (home, all three
//! zones) are here too.

mod input;
mod measure;
mod patch;
mod view;

use leptos::prelude::*;

use super::animate::fly_to;
use super::context::Ctx;
use crate::spatial::bounds::Bounds;
use crate::spatial::reveal::{reveal, ClearArea};
use crate::spatial::viewport::Viewport;
use crate::spatial::LonLat;

pub use crate::carto::scene::HOME_PADDING_PX;
pub use input::{pointer_input, wheel_input};
pub use view::MapView;

/// Where the map opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InitialView {
    /// Fitted to Binjiang.
    Home,
    /// Binjiang and the cooperation zones together (`view=all`).
    Overview,
    /// A centre and, optionally, a zoom from the link.
    At(LonLat, Option<f64>),
    /// Showing the selection from the link.
    Selection,
}

/// The view of Binjiang: fitted into the part of the map the open legend
/// leaves clear (the whole map when the legend is closed).
fn home_view(v: Viewport, home: Bounds) -> Viewport {
    framed_view(v, home, 0.0)
}

/// The floating buttons along the map's bottom (tour, QR, export) cover
/// about this much; the view of all three zones keeps clear of them.
const ACTION_BAR_PX: f64 = 56.0;

/// `bounds` fitted beside the open legend, `bottom` px kept clear below.
fn framed_view(v: Viewport, home: Bounds, bottom: f64) -> Viewport {
    let legend_right = document()
        .query_selector(".legend[open]")
        .ok()
        .flatten()
        .map(|el| el.get_bounding_client_rect().right())
        .unwrap_or(0.0);
    let map_left =
        document().query_selector(".map").ok().flatten().map(|el| el.get_bounding_client_rect().left()).unwrap_or(0.0);
    let x0 = (legend_right - map_left).clamp(0.0, v.width() * 0.4);
    if x0 <= 0.0 && bottom <= 0.0 {
        return v.fit_bounds(home, HOME_PADDING_PX);
    }
    let y1 = (v.height() - bottom).max(v.height() * 0.6);
    let clear = ClearArea { x0, y0: 0.0, x1: v.width(), y1 };
    reveal(v, home, clear, HOME_PADDING_PX, true, v.limits().max_zoom)
}

/// Flies the view to the home extent (Binjiang).
pub fn go_home(c: Ctx) {
    let home = c.data().scene.home;
    let target = home_view(c.view.get_untracked(), home);
    fly_to(c, target, 700.0);
}

/// Flies the view to Binjiang and both cooperation zones together.
pub fn go_overview(c: Ctx) {
    let all = c.data().scene.overview;
    let from = c.view.get_untracked();
    let target = framed_view(from, all, ACTION_BAR_PX);
    let ms = (700.0 + 650.0 * from.flight_length(&target)).clamp(700.0, 2000.0);
    fly_to(c, target, ms);
}
