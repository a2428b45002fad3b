//! The thin Leptos layer: components that wire browser input to the pure state
//! in [`crate::state`] and draw the pure [`crate::carto::scene::Scene`].
//!
//! Input pipeline: DOM event → a normalised [`crate::state::input::Input`] →
//! the input rules' [`crate::state::input::Command`]s → a new
//! [`crate::spatial::viewport::Viewport`] value in a signal → the SVG
//! transform, markers and labels re-read it. Effects exist only to talk to the
//! outside world (container size, document language, animation frames).

mod access;
mod animate;
mod app;
mod basemap;
mod camera;
mod check;
pub mod context;
mod context_layers;
mod controls;
pub mod details;
mod dom;
pub mod editor;
mod embed;
mod export;
mod first_tap;
mod inset;
mod legend;
mod list_view;
mod load;
mod map;
mod offline;
mod review;
mod search;
mod share;
mod split;
mod tour;
mod url_sync;

pub use app::App;

/// The class on `<html>` while the app is built, unseen (`style.css`).
const BUILDING_CLASS: &str = "is-building";

/// Installs the panic hook, fetches the content files and mounts the app on
/// `<body>` with what they hold. Until then the page's own drawing of the
/// zones (index.html, `carto::first_view`) stands in. The context files
/// (`context_files` in `layers.toml`) come after the map answers clicks; the
/// first view's drawing of them stays until they do ([`context_layers`]).
/// `?edit=1` opens the editor page instead, with the same query.
pub fn start() {
    console_error_panic_hook::set_once();
    let location = leptos::prelude::window().location();
    let search = location.search().unwrap_or_default();
    if crate::edit::wants_editor(&search) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("edit.html{search}{hash}"));
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let (files, context) = load::fetch_first().await;
        let mut content = crate::state::content::Content::from_texts(&files);
        drop(files);
        // (what the context files need to join the content the app holds)
        let reading = std::mem::take(&mut content.reading);
        // Reading the files and mounting the app are separate tasks, not one
        // long one: a phone's browser stays responsive in between
        // ([`app::Mounting`]).
        dom::next_task().await;
        let slot = context_layers::AppSlot::new();
        let app_slot = slot;
        let mounting = app::Mounting::new();
        // Built unseen, under the first view: a frame may come between the
        // steps.
        let root = leptos::prelude::document().document_element();
        let building = |on: bool| {
            if let Some(root) = &root {
                let _ = root.class_list().toggle_with_force(BUILDING_CLASS, on);
            }
        };
        building(true);
        // (the map's own page registers the offline copy; the editor, which
        // mounts the same app, does not)
        leptos::mount::mount_to_body(move || {
            leptos::prelude::provide_context(offline::OfflineCopy);
            leptos::prelude::provide_context(app_slot);
            leptos::prelude::provide_context(mounting);
            leptos::prelude::view! { <App content/> }
        });
        // The furniture, then the map's size, each in a task of its own; the
        // first view gives way to the app's drawing in the last, so no frame
        // shows both or an app not yet sized. Its context stays until the
        // app's arrives.
        dom::next_task().await;
        mounting.add_furniture();
        dom::next_task().await;
        mounting.size_map();
        building(false);
        let app = slot.get();
        context_layers::hand_over(app, !context.is_empty());
        let Some(c) = app.filter(|_| !context.is_empty()) else { return };
        // Once the map is on screen, answers clicks and the page is idle.
        context_layers::when_settled(move || {
            wasm_bindgen_futures::spawn_local(async move {
                let arrived = load::fetch(&context).await;
                // (reading them and drawing the map anew: two tasks)
                match split::join_context(c, reading, arrived).await {
                    Ok(content) => {
                        dom::next_task().await;
                        app::take_context_files(c, content);
                    }
                    Err(e) => leptos::logging::warn!(
                        "the context layers could not be loaded ({e}); the first view's drawing of them stays"
                    ),
                }
            })
        });
    });
}
