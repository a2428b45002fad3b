//! The map-review number (审图号), when one is set: shown at the map's
//! bottom right, over the end of the attribution line (see `state::review`).

use leptos::prelude::*;

use super::context::ctx;
use crate::state::review::{review_label, review_number};

#[component]
pub fn ReviewNumber() -> impl IntoView {
    let c = ctx();
    review_number(c.data().options.review.as_deref(), c.data().settings.review_number.as_deref()).map(|n| {
        view! { <p class="review-number" data-testid="review-number">{move || review_label(&n, c.lang.get())}</p> }
    })
}
