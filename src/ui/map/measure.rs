//! What label placement needs from the page itself: the boxes the map's
//! furniture covers (legend, north arrow, zoom buttons, scale bar, inset,
//! credits), and how wide each label is drawn. Both depend on the stylesheet
//! (the window's width, 适老化 mode, the language), so they are measured
//! rather than mirrored from it in constants.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::patch::drawn_children;
use crate::carto::labels::Rect;

/// Everything drawn over the map that a label must not run under: the
/// furniture, the credits and review number, the locator inset, and the
/// presenter's row of tools.
const FURNITURE: &str = ".furniture > *, .attribution, .review-number, .inset, .tour-tools";

fn found(stage: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = stage.query_selector_all(FURNITURE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// The furniture's boxes in the map's own pixels; empty boxes (hidden by the
/// stylesheet at this width) are left out.
fn furniture_boxes(map: &web_sys::Element, stage: &web_sys::Element) -> Vec<Rect> {
    let m = map.get_bounding_client_rect();
    found(stage)
        .iter()
        .map(|el| el.get_bounding_client_rect())
        .filter(|r| r.width() > 0.0 && r.height() > 0.0)
        .map(|r| Rect {
            x0: r.left() - m.left(),
            y0: r.top() - m.top(),
            x1: r.right() - m.left(),
            y1: r.bottom() - m.top(),
        })
        .collect()
}

/// Keeps `out` equal to the furniture's boxes over the map that holds
/// `inside`: measured when the map or any piece of furniture changes size
/// (a resize, 适老化 mode, a longer word in another language, the legend
/// opened) and when anything comes or goes on the stage (the presenter's
/// tools on a wide bar; the details, which move furniture aside), each time
/// once the frame is laid out. `None` until first measured.
pub(super) fn watch_furniture(inside: &web_sys::Element, out: RwSignal<Option<Vec<Rect>>>) {
    let (Ok(Some(map)), Ok(Some(stage))) = (inside.closest(".map"), inside.closest(".stage")) else { return };
    let (m, s) = (map.clone(), stage.clone());
    // The observers outlive a map that is unmounted and mounted again (the
    // editor does so on every change): they write only while `out` lives.
    let measure = move || {
        let now = Some(furniture_boxes(&m, &s));
        if out.try_with_untracked(|was| *was != now) == Some(true) {
            let _ = out.try_set(now);
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new(measure);
    let Ok(sizes) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    sizes.observe(&map);
    found(&stage).iter().for_each(|el| sizes.observe(el));
    // A piece that comes or goes, or a panel that moves the furniture aside
    // (the details): the boxes are measured once the frame that shows the
    // change is laid out, not here, where reading them would force a layout
    // of a page still being changed (a click's details would wait for it).
    // Observing an element again makes the observer report it at the next
    // frame's layout, in time for the labels to be placed in that frame.
    let watched = stage.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        sizes.unobserve(&map);
        sizes.observe(&map);
        found(&watched).iter().for_each(|el| sizes.observe(el));
    });
    if let Ok(children) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let only_children = web_sys::MutationObserverInit::new();
        only_children.set_child_list(true);
        let _ = children.observe_with_options(&stage, &only_children);
    }
    // The map lives as long as the page; the observers with it.
    on_resize.forget();
    on_change.forget();
}

/// Each label's drawn text length in px, in the order of the labels group's
/// children (0 where it cannot be measured).
pub(super) fn label_widths(labels: &web_sys::Element) -> Vec<f64> {
    drawn_children(labels)
        .iter()
        .map(|el| {
            el.dyn_ref::<web_sys::SvgTextContentElement>().map_or(0.0, |t| f64::from(t.get_computed_text_length()))
        })
        .collect()
}
