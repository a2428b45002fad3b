//! The app shell: loads the bundled data, provides the shared state, lays out
//! the map and its controls.

use leptos::prelude::*;

use super::access::{remembered_care, sync_care, Announcer, CareToggle, ListToggle, SkipLink, AFTER_MAP_ID};
use super::animate::after_next_paint;
use super::context::{ctx, Ctx, Data};
use super::controls::{Attribution, LanguageSwitch, NorthArrow, ScaleBar, ZoomControls};
use super::details::DetailsPanel;
use super::embed::{is_framed, start_host_bridge, GestureHint};
use super::legend::Legend;
use super::list_view::ListView;
use super::map_view::{InitialView, MapView, HOME_PADDING_PX};
use super::search::Search;
use super::share::ShareButton;
use super::tour::TourLayer;
use super::url_sync::{read_url, remembered_lang, sync_url};
use crate::atlas::catalogue::Catalogue;
use crate::atlas::layers::Atlas;
use crate::carto::scene::Scene;
use crate::spatial::viewport::{ViewLimits, Viewport};
use crate::spatial::LonLat;
use crate::state::search::SearchIndex;
use crate::state::text::T;
use crate::state::Selection;

/// The longest the interface beyond the map waits for the first frame.
const REST_MOUNT_FALLBACK_MS: u64 = 1000;

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
    // The bundled files are checked in full (`Atlas::validate`,
    // `Catalogue::validate`) by the data tests before they can ship; start-up
    // only reports what fails to load, and draws the rest.
    let (atlas, errors) = Atlas::bundled();
    let mut problems: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    // Facts are optional to drawing: a broken catalogue leaves the map working.
    let catalogue = match Catalogue::bundled() {
        Ok(c) => c,
        Err(e) => {
            problems.push(e.to_string());
            Catalogue::default()
        }
    };
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
    let view = match Viewport::new(scene.home.center(), 11.0, w, h, limits) {
        Ok(v) => v.fit_bounds(scene.home, HOME_PADDING_PX),
        Err(e) => {
            return view! { <div class="fatal" role="alert"><p>"地图无法显示 · The map cannot be shown: " {e.to_string()}</p></div> }
                .into_any()
        }
    };

    // What the link asks for; anything unreadable is ignored with a notice.
    let (url, ignored) = read_url();
    let mut notices: Vec<String> =
        ignored.iter().map(|i| format!("URL: '{}={}' ignored ({})", i.param, i.value, i.reason)).collect();
    let selection = url.selection.clone().filter(|s| {
        let known = match s {
            Selection::Zone(id) => atlas.zone(id).is_some(),
            Selection::Site(id) => atlas.site(id).is_some(),
            Selection::Theme(id) => catalogue.theme(id).is_some(),
        };
        if !known {
            notices.push(format!("URL: 'sel={}:{}' ignored (no such {})", s.kind(), s.id(), s.kind()));
        }
        known
    });
    let initial = match (url.center, url.zoom) {
        (Some((lon, lat)), zoom) => InitialView::At(LonLat::new(lon, lat), zoom),
        (None, Some(z)) => InitialView::At(scene.home.center(), Some(z)),
        (None, None) if selection.is_some() => InitialView::Selection,
        (None, None) if url.overview => InitialView::Overview,
        (None, None) => InitialView::Home,
    };

    let search = SearchIndex::build(&atlas, &catalogue);
    let embedded = url.embed || is_framed();
    let options = url.clone();
    provide_context(Ctx::new(view, Data { atlas, scene, catalogue, search, problems, options, embedded }));
    let c = ctx();
    c.lang.set(url.lang.or_else(remembered_lang).unwrap_or_default());
    c.selected.set(selection);
    if let Some(l) = url.layers {
        c.layers.set(l);
    }
    c.care.set(url.care.or_else(remembered_care).unwrap_or(false));
    sync_care(c);
    sync_url(c);
    if embedded {
        start_host_bridge(c);
    }

    // The document's language follows the UI's, for screen readers and fonts.
    Effect::new(move |_| {
        let lang = c.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(T::AppTitle.get(lang));
    });

    // The map, its legend, furniture and title bar make the first frame; what
    // lies over the map only when asked for (list, details, notices, tour)
    // mounts right after it is painted, so the zones are on screen sooner
    // and nothing already drawn moves. It mounts once (only `rest` is
    // tracked, whatever its components read while they are built). A timer
    // stands in for the frame where the browser holds frames back (an
    // off-screen embed).
    let rest = RwSignal::new(false);
    let mount_rest = move || {
        if !rest.get_untracked() {
            rest.set(true);
        }
    };
    after_next_paint(mount_rest);
    set_timeout(mount_rest, std::time::Duration::from_millis(REST_MOUNT_FALLBACK_MS));

    let has_panel = move || c.selected.with(|s| s.is_some());
    view! {
        <div class="app">
            <SkipLink/>
            <header class="titlebar">
                <h1 class="titlebar__name">{move || T::AppTitle.get(c.lang.get())}</h1>
                <Search/>
                <ShareButton/>
                <LanguageSwitch/>
                <div class="toggles">
                    <ListToggle/>
                    <CareToggle/>
                </div>
            </header>
            <main class="stage" class:has-panel=has_panel class:is-embedded=embedded class:is-fixed=c.data().options.fixed class:has-list=move || c.list_open.get()>
                <MapView initial=initial/>
                <div class="furniture furniture--top-left" id=AFTER_MAP_ID tabindex="-1">
                    <Legend/>
                </div>
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
                <super::review::ReviewNumber/>
                <super::inset::LocatorInset/>
                {move || rest.get().then(|| untrack(|| view! {
                    <ListView/>
                    <DetailsPanel/>
                    <GestureHint/>
                    <Announcer/>
                    <Notices problems=notices.clone()/>
                    <DataProblems/>
                    <TourLayer/>
                }))}
            </main>
        </div>
    }
    .into_any()
}

/// Notices about the link: parameters that were ignored, and why.
#[component]
fn Notices(problems: Vec<String>) -> impl IntoView {
    let shown = RwSignal::new(!problems.is_empty());
    for p in &problems {
        leptos::logging::warn!("{p}");
    }
    move || {
        shown.get().then(|| {
            let items = problems.clone();
            view! {
                <div class="notice notice--url" role="status" data-testid="url-notice">
                    <ul>{items.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <button type="button" class="btn" on:click=move |_| shown.set(false)>"OK"</button>
                </div>
            }
        })
    }
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
