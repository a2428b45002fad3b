//! The layer control is also the legend: each layer with the symbol it is
//! drawn with and a switch; notes explain surveyed versus schematic outlines
//! and the marks for estimated positions. Themes are listed below.

use leptos::prelude::*;

use super::context::ctx;
use super::details::show_selection;
use crate::atlas::layers::SiteCategory;
use crate::atlas::Lang;
use crate::carto::style::{self, Swatch};
use crate::state::text::T;
use crate::state::{Layer, Selection};

pub(super) fn layer_name(l: Layer, lang: Lang) -> &'static str {
    match l {
        Layer::Districts => T::DistrictLayer,
        Layer::Binjiang => T::LayerBinjiang,
        Layer::Binxiao => T::LayerBinxiao,
        Layer::Binfu => T::LayerBinfu,
        Layer::Labs => T::CatLab,
        Layer::ScienceFacilities => T::CatScience,
        Layer::IndustrialParks => T::CatPark,
        Layer::Towns => T::CatTown,
        Layer::Venues => T::CatVenue,
        Layer::Projects => T::CatProject,
    }
    .get(lang)
}

/// The small picture of how a layer is drawn.
fn swatch(l: Layer) -> impl IntoView {
    let inner = match style::swatch(l) {
        Swatch::Site { class, symbol } => view! {
            <g class=class transform="translate(14 10)">
                <path class="site__symbol" d=symbol/>
            </g>
        }
        .into_any(),
        Swatch::Zone { class } => view! { <rect class=class x="2" y="2" width="24" height="16" rx="2"/> }.into_any(),
    };
    view! { <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">{inner}</svg> }
}

#[component]
pub fn Legend() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let layers = Layer::ALL
        .into_iter()
        .map(|l| {
            let id = format!("layer-{}", l.key());
            let checked = move || c.layers.with(|s| s.contains(l));
            view! {
                <li class="legend__item">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-testid=id.clone()
                        prop:checked=checked
                        on:change=move |_| c.layers.update(|s| *s = s.toggled(l))
                    />
                    <label for=id>{swatch(l)}<span>{move || layer_name(l, lang.get())}</span></label>
                </li>
            }
        })
        .collect_view();
    let themes = move || {
        let data = c.data();
        let lang = lang.get();
        data.catalogue
            .themes
            .iter()
            .map(|t| {
                let sel = Selection::Theme(t.id.clone());
                let sel2 = sel.clone();
                let pressed = move || if c.selected.with(|s| s.as_ref() == Some(&sel2)) { "true" } else { "false" };
                view! {
                    <li>
                        <button
                            type="button"
                            class="btn btn--theme"
                            data-testid=format!("theme-{}", t.id)
                            aria-pressed=pressed
                            on:click=move |_| {
                                c.selected.set(Some(sel.clone()));
                                show_selection(c, &sel, true);
                            }
                        >
                            {t.names.get(lang).to_string()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // Open from the start only where it leaves the map room.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0) >= 1200.0;
    view! {
        <details class="legend" data-testid="legend" open=wide>
            <summary class="legend__title">{move || T::Layers.get(lang.get())}</summary>
            <ul class="legend__list">{layers}</ul>
            <ul class="legend__notes">
                <li>
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        <rect class="zone zone--focus" x="2" y="2" width="24" height="16" rx="2"/>
                    </svg>
                    <span>{move || T::Surveyed.get(lang.get())}</span>
                </li>
                <li data-testid="legend-water">
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        <path class="water" d="M2 12q6-6 12 0t12 0V18H2Z"/>
                    </svg>
                    <span>{move || T::Water.get(lang.get())}</span>
                </li>
                <li>
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        <rect class="zone zone--schematic swatch--schematic" x="2" y="2" width="24" height="16" rx="2"/>
                    </svg>
                    <span>{move || T::SchematicNote.get(lang.get())}</span>
                </li>
                <li>
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        <g class="site site--lab site--low" transform="translate(14 10)">
                            <circle class="site__halo" r="8"/>
                            <path class="site__symbol" d=style::site_symbol(SiteCategory::Lab, 4.0)/>
                        </g>
                    </svg>
                    <span>"≈ " {move || T::Estimated.get(lang.get())}</span>
                </li>
            </ul>
            <h2 class="legend__title legend__title--themes">{move || T::Themes.get(lang.get())}</h2>
            <ul class="legend__themes">{themes}</ul>
        </details>
    }
}
