//! The state every component shares, provided once by [`super::App`].

use std::sync::Arc;

use leptos::prelude::*;

use super::animate::Flight;

use crate::atlas::catalogue::Catalogue;
use crate::atlas::layers::Atlas;
use crate::atlas::{DataError, Lang};
use crate::carto::scene::Scene;
use crate::spatial::viewport::Viewport;
use crate::state::basemap::BasemapStatus;
use crate::state::content::FileReport;
use crate::state::input::Hint;
use crate::state::search::SearchIndex;
use crate::state::settings::Settings;
use crate::state::tour::Tour;
use crate::state::url::UrlState;
use crate::state::{LayerSet, Layers, Selection};

/// Loaded data: read-only, but for one replacement when the context files
/// arrive after the map has opened ([`Ctx::replace_data`]).
pub struct Data {
    pub atlas: Atlas,
    pub scene: Scene,
    pub catalogue: Catalogue,
    /// The guided tour, its faulty stops left out.
    pub tour: Tour,
    /// The map's own settings (`map.toml`): title, credits, review number, home.
    pub settings: Settings,
    /// The legend's layers (`layers.toml`): what switches which feature, and how each is painted.
    pub layers: Layers,
    pub search: SearchIndex,
    /// Problems found while loading, each naming its file and record.
    pub problems: Vec<DataError>,
    /// What was read of each content file (the check page lists them).
    pub files: Vec<FileReport>,
    /// The context files still to come (see [`crate::state::content`]).
    pub pending: Vec<String>,
    /// The options the page was opened with (embedding, host origins, height);
    /// kept in the URL as the view changes.
    pub options: UrlState,
    /// Inside another page: gestures cooperate with the host's scrolling.
    pub embedded: bool,
}

/// Signals and data shared by the whole app.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub view: RwSignal<Viewport>,
    pub lang: RwSignal<Lang>,
    pub selected: RwSignal<Option<Selection>>,
    pub layers: RwSignal<LayerSet>,
    /// The hint an embedded map shows when it leaves a gesture to the host page.
    pub hint: RwSignal<Option<Hint>>,
    /// 适老化 (large and clear) mode: larger text and targets, higher contrast.
    pub care: RwSignal<bool>,
    /// Whether the list view, the map's text twin, is open.
    pub list_open: RwSignal<bool>,
    /// The fly-to under way, if any (see [`super::animate`]).
    pub flight: StoredValue<Flight>,
    /// How the page presents the map (tour or kiosk mode, kiosk timings,
    /// share address): the part of the URL the tour keeps while it applies.
    pub presentation: StoredValue<UrlState>,
    /// The basemap under the map: off unless a site owner set one (see
    /// [`crate::state::basemap`]); failed once its tiles are refused.
    pub basemap: RwSignal<BasemapStatus>,
    /// Bumped when [`Data`] is replaced: what was drawn from the data once
    /// (the map, the locator, the list) tracks it.
    pub data_version: RwSignal<u32>,
    data: StoredValue<Arc<Data>>,
}

impl Ctx {
    pub fn new(view: Viewport, data: Data) -> Self {
        Ctx {
            view: RwSignal::new(view),
            lang: RwSignal::new(Lang::default()),
            selected: RwSignal::new(None),
            layers: RwSignal::new(LayerSet::all(&data.layers)),
            hint: RwSignal::new(None),
            care: RwSignal::new(false),
            list_open: RwSignal::new(false),
            flight: StoredValue::new(Flight::default()),
            presentation: StoredValue::new(UrlState::default()),
            basemap: RwSignal::new(BasemapStatus::resolve(
                data.options.basemap.as_ref(),
                data.options.tk.as_deref(),
                data.settings.basemap.as_ref(),
                data.settings.basemap_key.as_deref(),
            )),
            data_version: RwSignal::new(0),
            data: StoredValue::new(Arc::new(data)),
        }
    }

    pub fn data(&self) -> Arc<Data> {
        self.data.get_value()
    }

    /// Replaces the data (the content with the context files joined)
    /// and has what was drawn from it drawn again.
    pub fn replace_data(&self, data: Data) {
        self.data.set_value(Arc::new(data));
        self.data_version.update(|v| *v = v.wrapping_add(1));
    }
}

/// The shared state; panics only if a component is used outside [`super::App`].
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}
