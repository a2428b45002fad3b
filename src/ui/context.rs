//! The state every component shares, provided once by [`super::App`].

use std::sync::Arc;

use leptos::prelude::*;

use crate::atlas::catalogue::Catalogue;
use crate::atlas::layers::Atlas;
use crate::atlas::Lang;
use crate::carto::scene::Scene;
use crate::spatial::viewport::Viewport;
use crate::state::search::SearchIndex;
use crate::state::{LayerSet, Selection};

/// Loaded data: read-only after start-up.
pub struct Data {
    pub atlas: Atlas,
    pub scene: Scene,
    pub catalogue: Catalogue,
    pub search: SearchIndex,
    /// Problems found while loading, as messages naming file and feature.
    pub problems: Vec<String>,
}

/// Signals and data shared by the whole app.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub view: RwSignal<Viewport>,
    pub lang: RwSignal<Lang>,
    pub selected: RwSignal<Option<Selection>>,
    pub layers: RwSignal<LayerSet>,
    /// 适老化 (large and clear) mode: larger text and targets, higher contrast.
    pub care: RwSignal<bool>,
    /// Whether the list view, the map's text twin, is open.
    pub list_open: RwSignal<bool>,
    data: StoredValue<Arc<Data>>,
}

impl Ctx {
    pub fn new(view: Viewport, data: Data) -> Self {
        Ctx {
            view: RwSignal::new(view),
            lang: RwSignal::new(Lang::default()),
            selected: RwSignal::new(None),
            layers: RwSignal::new(LayerSet::all()),
            care: RwSignal::new(false),
            list_open: RwSignal::new(false),
            data: StoredValue::new(Arc::new(data)),
        }
    }

    pub fn data(&self) -> Arc<Data> {
        self.data.get_value()
    }
}

/// The shared state; panics only if a component is used outside [`super::App`].
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}
