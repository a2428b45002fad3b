//! The app shell: takes the loaded content, provides the shared state, lays out
//! the map and its controls.

use leptos::prelude::*;

use super::access::{remembered_care, sync_care, Announcer, CareToggle, ListToggle, SkipLink, AFTER_MAP_ID};
use super::animate::after_next_paint;
use super::context::{ctx, Ctx, Data};
use super::controls::{Attribution, Chrome, LanguageSwitch, MoreMenu, NorthArrow, ScaleBar, ZoomControls};
use super::details::DetailsPanel;
use super::embed::{is_framed, start_host_bridge, GestureHint};
use super::legend::Legend;
use super::list_view::ListView;
use super::map::{InitialView, MapView, HOME_PADDING_PX};
use super::search::Search;
use super::share::ShareButton;
use super::split::{tour_layer, when_loaded};
use super::url_sync::{read_url, remembered_lang, sync_url};
use crate::atlas::validate::HANGZHOU_BOUNDS;
use crate::atlas::Lang;
use crate::carto::scene::Scene;
use crate::spatial::LonLat;
use crate::spatial::{ViewLimits, Viewport};
use crate::state::content::Content;
use crate::state::search::SearchIndex;
use crate::state::text::{parens, T};
use crate::state::Selection;

/// The page's start mounts the app in steps, a task each, unseen under the
/// first view ([`super::start`]): the map's areas; then the title bar, the
/// furniture and the map's markers and labels; then the map takes its size,
/// which forces the page's first layout. A slow phone's browser stays
/// responsive in between. Without one (the editor's preview) everything
/// comes at once.
#[derive(Clone, Copy)]
pub struct Mounting {
    furniture: RwSignal<bool>,
    sized: RwSignal<bool>,
}

impl Mounting {
    pub fn new() -> Mounting {
        Mounting { furniture: RwSignal::new(false), sized: RwSignal::new(false) }
    }

    /// Builds the title bar, the furniture and the map's markers and labels
    /// (in this task's microtasks).
    pub fn add_furniture(self) {
        self.furniture.set(true);
    }

    /// Lets the map take its size (its effects run in this task's
    /// microtasks, before the next frame).
    pub fn size_map(self) {
        self.sized.set(true);
    }

    pub(super) fn furniture(self) -> bool {
        self.furniture.get()
    }

    pub(super) fn sized(self) -> bool {
        self.sized.get()
    }
}

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
pub fn App(content: Content) -> impl IntoView {
    // Everything in the content files that loaded is drawn; what did not is
    // named in a notice (file, line, record) and left out.
    let Content { atlas, catalogue, tour, settings, layers, problems, files, pending, .. } = content;
    for p in &problems {
        leptos::logging::warn!("data problem: {p}");
    }
    let Some(scene) = scene_of(&atlas, &layers, &settings) else {
        return view! {
            <div class="fatal" role="alert">
                <p>{T::DataUnloadable.get(Lang::ZhHans)} " " <span lang="en">{T::DataUnloadable.get(Lang::En)}</span></p>
                <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any();
    };
    let (w, h) = window_size();
    // Until the districts arrive the map's extent is not known: the view may go
    // wherever a coordinate of the map may lie, so a link's view is kept.
    let extent = if pending.is_empty() { scene.extent } else { scene.extent.union(HANGZHOU_BOUNDS) };
    let limits = ViewLimits { min_zoom: MIN_ZOOM, max_zoom: MAX_ZOOM, extent };
    let view = match Viewport::new(scene.home.center(), 11.0, w, h, limits) {
        Ok(v) => v.fit_bounds(scene.home, HOME_PADDING_PX),
        Err(e) => {
            return view! {
                <div class="fatal" role="alert">
                    <p>{T::MapUnshowable.get(Lang::ZhHans)} <span lang="en">{T::MapUnshowable.get(Lang::En)}</span> {e.to_string()}</p>
                </div>
            }
            .into_any()
        }
    };

    // What the link asks for; anything unreadable is ignored with a notice.
    let (url, ignored) = read_url(&layers);
    // The notices are worded when shown, in the language of the moment.
    let mut notices: Vec<(String, String, T)> =
        ignored.iter().map(|i| (i.param.clone(), i.value.clone(), i.reason)).collect();
    let selection = url.selection.clone().filter(|s| {
        let known = match s {
            Selection::Zone(id) => atlas.zone(id).is_some(),
            Selection::Site(id) => atlas.site(id).is_some(),
            Selection::Theme(id) => catalogue.theme(id).is_some(),
        };
        if !known {
            notices.push(("sel".into(), format!("{}:{}", s.kind(), s.id()), T::UrlUnknown));
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
    provide_context(Ctx::new(
        view,
        Data { atlas, scene, catalogue, tour, settings, layers, search, problems, files, pending, options, embedded },
    ));
    let c = ctx();
    if let Some(slot) = use_context::<super::context_layers::AppSlot>() {
        slot.set(c);
    }
    c.lang.set(url.lang.or_else(remembered_lang).unwrap_or_default());
    c.selected.set(selection);
    if let Some(l) = url.layers {
        c.layers.set(l);
    }
    c.care.set(url.care.or_else(remembered_care).unwrap_or(false));
    let chrome = Chrome::new(c);
    provide_context(chrome);
    // The offline copy: a presenter's page (a wide screen with the presenter's
    // tools, or a tour or kiosk link) keeps the tour and the rest offline too.
    if use_context::<super::offline::OfflineCopy>().is_some() {
        let presenting = (chrome.presenter && !chrome.compact.get_untracked()) || url.mode.is_some();
        super::offline::register_service_worker_when_idle(presenting);
    }
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
        document().set_title(c.data().settings.title(lang));
    });

    // The map, its legend, furniture and title bar make the first frame; what
    // lies over the map only when asked for (list, details, notices, tour)
    // mounts right after it is painted, so the zones are on screen sooner
    // and nothing already drawn moves. It mounts once (only `rest` is
    // tracked, whatever its components read while they are built). A timer
    // stands in for the frame where the browser holds frames back (an
    // off-screen embed).
    let rest = RwSignal::new(false);
    // (`try_`: the app may have been unmounted before the timer fires.)
    let mount_rest = move || {
        if rest.try_get_untracked() == Some(false) {
            rest.set(true);
        }
    };
    after_next_paint(mount_rest);
    set_timeout(mount_rest, std::time::Duration::from_millis(REST_MOUNT_FALLBACK_MS));

    // The tour layer (tour, kiosk, QR code) loads when the link asks for a
    // tour or the presenter first asks for it or for the QR code, and stays
    // once mounted; if it cannot be loaded, the next press tries again.
    let url_mode = c.data().options.mode.is_some();
    let tour_needed =
        Memo::new(move |_| url_mode || chrome.tour_mounted.get() || chrome.tour_asked.get() || chrome.qr_open.get());

    let has_panel = move || c.selected.with(|s| s.is_some());
    let mounting = use_context::<Mounting>();
    let furniture = move || mounting.is_none_or(|m| m.furniture());
    view! {
        <div class="app" class:is-compact=move || chrome.compact.get() class:is-embedded=embedded>
            <SkipLink/>
            // One row at every size: on a compact bar the words step back
            // behind icons and menus (see controls.rs).
            {move || furniture().then(|| untrack(|| view! {
                    <header class="titlebar" class:is-compact=move || chrome.compact.get() class:no-title=!chrome.title>
                        {chrome.title.then(|| view! {
                            <h1 class="titlebar__name">
                                {move || { let (d, l) = (c.data(), c.lang.get()); if chrome.narrow.get() { d.settings.short_title(l) } else { d.settings.title(l) }.to_owned() }}
                            </h1>
                        })}
                        <Search/>
                        <ShareButton/>
                        <LanguageSwitch/>
                        <div class="toggles">
                            <ListToggle/>
                            <CareToggle/>
                        </div>
                        <MoreMenu/>
                    </header>
            }))}
            <main class="stage" class:has-panel=has_panel class:is-embedded=embedded class:is-fixed=c.data().options.fixed class:has-list=move || c.list_open.get()>
                // Drawn again, with the view as it is, when the context files arrive.
                {move || {
                    let version = c.data_version.get();
                    let initial = if version == 0 {
                        initial
                    } else {
                        let v = c.view.get_untracked();
                        InitialView::At(v.center(), Some(v.zoom()))
                    };
                    // (type-erased: drawn anew rather than patched in place)
                    untrack(|| view! { <MapView initial=initial/> }.into_any())
                }}
                {move || furniture().then(|| untrack(|| view! {
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
                }))}
                <Attribution/>
                <super::review::ReviewNumber/>
                // Framed on every district: shown once they are there.
                {move || {
                    c.data_version.track();
                    untrack(|| c.data().pending.is_empty().then(|| view! { <super::inset::LocatorInset/> }.into_any()))
                }}
                {move || rest.get().then(|| untrack(|| view! {
                    <ListView/>
                    <DetailsPanel/>
                    <GestureHint/>
                    <Announcer/>
                    <Notices problems=notices.clone()/>
                    <super::basemap::BasemapNotice/>
                    <DataProblems/>
                    {move || {
                        c.data_version.track();
                        untrack(|| c.data().options.check.then(|| when_loaded("The check report", super::split::check_report(), || ())))
                    }}
                    <super::tour::PresenterTools/>
                    {move || tour_needed.get().then(|| when_loaded("The tour", tour_layer(), move || {
                        chrome.tour_asked.set(false);
                        chrome.qr_open.set(false);
                    }))}
                }))}
            </main>
        </div>
    }
    .into_any()
}

/// One ignored link parameter, in words: which, what it held (as code, in no
/// language), what it should hold.
fn notice_item(lang: Lang, (param, value, reason): &(String, String, T)) -> impl IntoView {
    let text = T::UrlIgnored.fill(lang, &[("reason", reason.get(lang))]);
    let (before, after) = text.split_once("{code}").unwrap_or((&text, ""));
    let (before, after) = (before.to_string(), after.to_string());
    view! { <li>{before}<code lang="zxx">{format!("{param}={value}")}</code>{after}</li> }
}

/// Notices about the link: parameters that were ignored, and why.
#[component]
fn Notices(problems: Vec<(String, String, T)>) -> impl IntoView {
    let c = ctx();
    let shown = RwSignal::new(!problems.is_empty());
    for (param, value, reason) in &problems {
        leptos::logging::warn!("link parameter {param}={value} ignored: {}", reason.get(Lang::En));
    }
    move || {
        shown.get().then(|| {
            let lang = c.lang.get();
            view! {
                <div class="notice notice--url" role="status" data-testid="url-notice">
                    <ul>{problems.iter().map(|p| notice_item(lang, p)).collect_view()}</ul>
                    <button type="button" class="btn" on:click=move |_| shown.set(false)>{T::Ok.get(lang)}</button>
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
    let lang = c.lang;
    // Read again when the context files arrive (one may have failed).
    move || {
        c.data_version.track();
        let problems = c.data().problems.clone();
        let count = problems.len();
        // The check page lists them all in full.
        (!problems.is_empty() && !c.data().options.check).then(|| {
            untrack(|| view! {
                <details class="notice" data-testid="data-problems">
                    <summary>{move || format!("{}{}", T::DataProblem.get(lang.get()), parens(lang.get(), &count.to_string()))}</summary>
                    <ul>{problems.into_iter().map(|p| view! { <super::check::Problem p lang/> }).collect_view()}</ul>
                </details>
            })
        })
    }
}

/// The scene the map draws: the atlas in its layers, opening on the home
/// view `map.toml` sets, if any.
fn scene_of(
    atlas: &crate::atlas::layers::Atlas,
    layers: &crate::state::Layers,
    settings: &crate::state::settings::Settings,
) -> Option<Scene> {
    let mut scene = Scene::build(atlas, layers)?;
    if let Some(home) = settings.home {
        scene.home = home;
    }
    Some(scene)
}

/// The content the app holds, with what its reading found: for the context
/// files to join ([`Content::with_context`]).
pub fn content_of(c: Ctx, reading: crate::state::content::Reading) -> Content {
    let d = c.data();
    Content {
        atlas: d.atlas.clone(),
        catalogue: d.catalogue.clone(),
        tour: d.tour.clone(),
        settings: d.settings.clone(),
        layers: d.layers.clone(),
        problems: d.problems.clone(),
        files: d.files.clone(),
        pending: d.pending.clone(),
        reading,
    }
}

/// The content with the context files: the map is drawn again
/// from it with the view as it is, the locator inset appears, and a file
/// that failed is named with the others' problems. Content that draws
/// nothing leaves the map as it was.
pub fn take_context_files(c: Ctx, content: Content) {
    let Content { atlas, catalogue, tour, settings, layers, problems, files, pending, .. } = content;
    let old = c.data();
    for p in problems.iter().filter(|p| !old.problems.contains(p)) {
        leptos::logging::warn!("data problem: {p}");
    }
    let Some(scene) = scene_of(&atlas, &layers, &settings) else { return };
    let limits = ViewLimits { min_zoom: MIN_ZOOM, max_zoom: MAX_ZOOM, extent: scene.extent };
    let search = SearchIndex::build(&atlas, &catalogue);
    let (options, embedded) = (old.options.clone(), old.embedded);
    drop(old);
    let give_focus_back = super::context_layers::keep_focus();
    c.replace_data(Data {
        atlas,
        scene,
        catalogue,
        tour,
        settings,
        layers,
        search,
        problems,
        files,
        pending,
        options,
        embedded,
    });
    c.view.update(|v| *v = v.with_limits(limits));
    // (the map is drawn again in this task's microtasks, before the next frame)
    super::context_layers::release();
    give_focus_back();
}
