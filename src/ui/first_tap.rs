//! A tap on the first view, made before the app was there, answered once the
//! map is drawn: `public/first-tap.js` names the zone tapped on the page's
//! root element (`data-first-tap`), and the map opens its details as a click
//! would. A name the content does not hold as a selectable zone (a context
//! district, the water) is let go, as is a tap made before a tour or kiosk
//! link takes the screen.

use leptos::prelude::*;

use super::camera::{select, Framing};
use super::context::Ctx;
use crate::state::Selection;

const ATTRIBUTE: &str = "data-first-tap";

/// Answers the first view's tap, if there was one; the tap is answered once.
pub fn answer(c: Ctx) {
    let Some(root) = document().document_element() else { return };
    let Some(id) = root.get_attribute(ATTRIBUTE) else { return };
    let _ = root.remove_attribute(ATTRIBUTE);
    let data = c.data();
    if data.options.mode.is_some() || data.scene.selectable_zone(&id).is_none() {
        return;
    }
    select(c, Some(Selection::Zone(id)), Framing::Reveal);
}
