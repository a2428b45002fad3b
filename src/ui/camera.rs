//! The camera: where a selection is on the map, and bringing it into the
//! part of the map the panels leave clear. The clear area comes from the
//! page's [`Layout`], the same values the stylesheet sizes the panels from.

use leptos::prelude::*;

use super::animate::{fly_to_after_next_frame, settled};
use super::context::Ctx;
use crate::spatial::bounds::Bounds;
use crate::spatial::reveal::{is_revealed, reveal, ClearArea};
use crate::state::layout::Layout;
use crate::state::Selection;

/// The part of the map the panel leaves visible (see [`Layout`]).
pub fn clear_area(width: f64, height: f64) -> ClearArea {
    Layout::PAGE.details_clear(width, height, false)
}

/// Sizes the page's panels from [`Layout::PAGE`] (the stylesheet reads
/// these custom properties), so the camera and the stylesheet agree.
pub fn apply_layout() {
    let Some(root) = document().document_element() else { return };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else { return };
    for (name, value) in Layout::PAGE.css_properties() {
        if root.style().set_property(name, &value).is_err() {
            leptos::logging::warn!("binjiang-map: could not set {name}");
        }
    }
}

/// The box a selection occupies on the map, if it is drawn.
pub fn selection_bounds(c: Ctx, sel: &Selection) -> Option<Bounds> {
    let data = c.data();
    let scene = &data.scene;
    let one = |id: &str| -> Option<Bounds> {
        scene.zone(id).map(|z| z.bounds).or_else(|| scene.site(id).and_then(|s| Bounds::from_points([s.position])))
    };
    match sel {
        Selection::Zone(id) | Selection::Site(id) => one(id),
        Selection::Theme(id) => {
            let theme = data.catalogue.theme(id)?;
            theme.members.iter().filter_map(|m| one(m)).reduce(Bounds::union)
        }
    }
}

/// How [`select`] brings a selection into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Only if it is out of sight, at the zoom it has (a click or Enter on the map).
    Reveal,
    /// Zoomed in to it: the visitor asked to go there (search, the list, a
    /// link in the details, the legend's themes, the host page).
    ZoomIn,
}

/// Selects `sel` (or clears the selection) and brings it into the part of
/// the map the panel leaves clear: every way of selecting goes through here.
pub fn select(c: Ctx, sel: Option<Selection>, framing: Framing) {
    if let Some(s) = &sel {
        show_selection(c, s, framing == Framing::ZoomIn);
    }
    c.selected.set(sel);
}

/// Brings the selection into the part of the map the panel leaves clear;
/// `zoom_in` when the visitor asked to go there (search, list), not on a click.
fn show_selection(c: Ctx, sel: &Selection, zoom_in: bool) {
    let Some(b) = selection_bounds(c, sel) else { return };
    let v = settled(c);
    let clear = Layout::PAGE.details_clear(v.width(), v.height(), c.list_open.get_untracked());
    if !zoom_in && is_revealed(&v, b, clear) {
        return;
    }
    let max_zoom = if zoom_in { 15.0 } else { v.limits().max_zoom };
    fly_to_after_next_frame(c, reveal(v, b, clear, 32.0, zoom_in, max_zoom), 600.0);
}
