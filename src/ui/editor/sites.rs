//! The site form: a site's position (typed, or by dragging its marker on
//! the map), its confidence and the basis of its position.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Files;
use crate::atlas::Lang;
use crate::edit::sites;
use crate::state::selection::Selection;
use crate::state::text::T;

/// A site's marker on the map can be dragged to where the site is: the drop
/// point becomes its position. A click on a marker chooses the site in the form.
pub(super) fn place_markers_by_dragging(files: Files, site_id: RwSignal<String>) {
    use wasm_bindgen::closure::Closure;
    // The marker being dragged: its site id and where the drag began.
    let drag: Rc<RefCell<Option<(String, f64, f64)>>> = Rc::default();
    let dragging = Rc::clone(&drag);
    let down = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(marker) = target.closest(".map [data-testid^='site-'][data-id]").ok().flatten() else { return };
        let Some(id) = marker.get_attribute("data-id") else { return };
        // The map would pan: the marker moves instead.
        e.stop_propagation();
        *dragging.borrow_mut() = Some((id, f64::from(e.client_x()), f64::from(e.client_y())));
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("is-placing");
        }
    });
    let up = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
        let Some((id, x0, y0)) = drag.borrow_mut().take() else { return };
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1("is-placing");
        }
        e.stop_propagation();
        site_id.set(id.clone());
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        if (x - x0).hypot(y - y0) < 4.0 {
            files.show_on_map(Some(Selection::Site(id)));
            return;
        }
        let Some(map) = document().query_selector(".app .map").ok().flatten() else { return };
        let r = map.get_bounding_client_rect();
        let Some((center, zoom)) = files.view() else { return };
        let Some((lon, lat)) = sites::drop_position(center, zoom, r.width(), r.height(), x - r.left(), y - r.top())
        else {
            return;
        };
        if let Ok(new) = sites::set_position(&files.sites().get_untracked(), &id, lon, lat) {
            files.sites().set(new);
            files.revision.update(|r| *r += 1);
            files.recheck();
            files.show_on_map(Some(Selection::Site(id)));
        }
    });
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_capture(true);
    for (name, f) in [("pointerdown", &down), ("pointerup", &up)] {
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            name,
            f.as_ref().unchecked_ref(),
            &opts,
        );
    }
    // The page's lifetime.
    down.forget();
    up.forget();
}

#[component]
pub(super) fn SiteForm(files: Files, lang: Lang, site_id: RwSignal<String>) -> impl IntoView {
    let site_ids = move || {
        files.revision.track();
        sites::ids(&files.sites().get_untracked())
    };
    let error = RwSignal::new(None::<String>);
    let read = move |key: &'static str| {
        move || {
            files.revision.track();
            let id = site_id.get();
            sites::property(&files.sites().get_untracked(), &id, key).unwrap_or_default()
        }
    };
    let coordinate = move |lat: bool| {
        move || {
            files.revision.track();
            let id = site_id.get();
            sites::position(&files.sites().get_untracked(), &id).map(|(x, y)| if lat { y } else { x }.to_string())
        }
    };
    let apply = move |edit: &dyn Fn(&str, &str) -> Result<String, crate::edit::EditError>| {
        let id = site_id.get_untracked();
        let text = files.sites().get_untracked();
        match edit(&text, &id) {
            Ok(new) => {
                files.sites().set(new);
                error.set(None);
                files.recheck();
                files.show_on_map(Some(Selection::Site(id)));
            }
            Err(e) => error.set(Some(e.message)),
        }
    };
    let set_coordinate = move |lat: bool, typed: String| {
        let Ok(v) = typed.trim().parse::<f64>() else {
            error.set(Some(format!("expected a number of degrees, got \"{typed}\"")));
            return;
        };
        apply(&|text, id| {
            let (lon0, lat0) = sites::position(text, id).unwrap_or((v, v));
            if lat {
                sites::set_position(text, id, lon0, v)
            } else {
                sites::set_position(text, id, v, lat0)
            }
        });
    };
    view! {
        <section class="editor__section" aria-labelledby="ed-site-h">
            <h2 id="ed-site-h">{T::EditSite.get(lang)}</h2>
            <div class="editor__field">
                <label for="ed-site">{T::EditSite.get(lang)}</label>
                <select id="ed-site" prop:value=move || site_id.get()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        site_id.set(id.clone());
                        error.set(None);
                        files.show_on_map(Some(Selection::Site(id)));
                    }>
                    {move || site_ids().into_iter().map(|id| view! { <option value=id.clone()>{id.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="editor__field">
                <label for="ed-site-confidence">{T::EditConfidence.get(lang)}</label>
                <select id="ed-site-confidence" prop:value=read("confidence")
                    on:change=move |ev| { let v = event_target_value(&ev); apply(&|t, id| sites::set_property(t, id, "confidence", &v)) }>
                    {sites::CONFIDENCES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                </select>
            </div>
            <div class="editor__field">
                <label for="ed-site-basis">{T::EditBasis.get(lang)}</label>
                <textarea id="ed-site-basis" rows="3" prop:value=read("position_basis")
                    on:change=move |ev| { let v = event_target_value(&ev); apply(&|t, id| sites::set_property(t, id, "position_basis", &v)) }></textarea>
            </div>
            <div class="editor__pair">
                <div class="editor__field">
                    <label for="ed-site-lon">{T::EditLon.get(lang)}</label>
                    <input id="ed-site-lon" type="text" inputmode="decimal" prop:value=coordinate(false)
                        on:change=move |ev| set_coordinate(false, event_target_value(&ev))/>
                </div>
                <div class="editor__field">
                    <label for="ed-site-lat">{T::EditLat.get(lang)}</label>
                    <input id="ed-site-lat" type="text" inputmode="decimal" prop:value=coordinate(true)
                        on:change=move |ev| set_coordinate(true, event_target_value(&ev))/>
                </div>
            </div>
            <p class="editor__problems" role="status">{move || error.get().map(|e| view! { <span lang="en">{e}</span> })}</p>
        </section>
    }
}
