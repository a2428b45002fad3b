//! The app shell: loads the bundled data, provides the shared state, lays out
//! the map and its controls.

use leptos::prelude::*;

use super::context::{ctx, Ctx, Data};
use super::controls::{Attribution, LanguageSwitch, NorthArrow, ScaleBar, ZoomControls};
use super::map_view::MapView;
use crate::atlas::layers::Atlas;
use crate::carto::scene::Scene;
use crate::spatial::viewport::{ViewLimits, Viewport};
use crate::state::text::T;

/// Zoom range: from all of Hangzhou to street level.
pub const MIN_ZOOM: f64 = 7.0;
pub const MAX_ZOOM: f64 = 17.0;

fn window_size() -> (f64, f64) {
    let w = window();
    let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).filter(|v| *v > 0.0);
    (px(w.inner_width()).unwrap_or(1024.0), px(w.inner_height()).unwrap_or(768.0))
}

#[component]
pub fn App() -> impl IntoView {
    let (atlas, errors) = Atlas::bundled();
    let mut problems: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    problems.extend(atlas.validate().iter().map(|e| e.to_string()));
    for p in &problems {
        leptos::logging::warn!("data problem: {p}");
    }
    let Some(scene) = Scene::build(&atlas) else {
        return view! {
            <div class="fatal" role="alert">
                <p>"地图数据无法加载 · The map data could not be loaded."</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any();
    };
    let (w, h) = window_size();
    let limits = ViewLimits { min_zoom: MIN_ZOOM, max_zoom: MAX_ZOOM, extent: scene.extent };
    let view = Viewport::new(scene.home.center(), 11.0, w, h, limits)
        .map(|v| v.fit_bounds(scene.home, super::map_view::HOME_PADDING_PX))
        .expect("the scene's extent is finite and the window has a size");
    provide_context(Ctx::new(view, Data { atlas, scene, problems }));
    let c = ctx();

    // The document's language follows the UI's, for screen readers and fonts.
    Effect::new(move |_| {
        let tag = c.lang.get().tag();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document().set_title(T::AppTitle.get(c.lang.get()));
    });

    view! {
        <div class="app">
            <header class="titlebar">
                <h1 class="titlebar__name">{move || T::AppTitle.get(c.lang.get())}</h1>
                <LanguageSwitch/>
            </header>
            <main class="stage">
                <MapView/>
                <div class="furniture furniture--top-right">
                    <NorthArrow/>
                </div>
                <div class="furniture furniture--bottom-right">
                    <ZoomControls/>
                </div>
                <div class="furniture furniture--bottom-left">
                    <ScaleBar/>
                </div>
                <Attribution/>
                <DataProblems/>
            </main>
        </div>
    }
    .into_any()
}

/// Problems in the data files, named by file and feature; the map still shows
/// everything that loaded.
#[component]
fn DataProblems() -> impl IntoView {
    let c = ctx();
    let problems = c.data().problems.clone();
    let lang = c.lang;
    (!problems.is_empty()).then(|| {
        view! {
            <details class="notice" data-testid="data-problems">
                <summary>{move || T::DataProblem.get(lang.get())} " (" {problems.len()} ")"</summary>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </details>
        }
    })
}

