//! The layer control is also the legend: each layer with the symbol it is
//! drawn with and a switch; notes explain surveyed versus schematic outlines
//! and the marks for estimated positions. Themes are listed below.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::camera::{select, Framing};
use super::context::ctx;
use crate::atlas::layer_list::{Holds, LayerDef, Layers, Symbol};
use crate::atlas::layers::{Confidence, ZoneKind};
use crate::carto::style::{self, Swatch};
use crate::state::text::T;
use crate::state::{Layer, Selection};

/// The colours of a layer's features as CSS custom properties (see
/// [`style::paint`]); none for a feature no layer holds.
pub(super) fn layer_paint(layers: &Layers, l: Option<Layer>) -> Vec<(&'static str, String)> {
    l.and_then(|l| layers.get(l)).map(style::paint).unwrap_or_default()
}

/// Directive (`use:paint=…`): sets CSS custom properties on the element
/// through the CSS object model, which a strict CSP allows where it refuses
/// inline `style` attributes.
pub(super) fn paint(el: web_sys::Element, props: Vec<(&'static str, String)>) {
    // (most labels and features no layer holds have none: no call to make)
    if props.is_empty() {
        return;
    }
    let Some(style) = js_sys::Reflect::get(&el, &wasm_bindgen::JsValue::from_str("style"))
        .ok()
        .and_then(|s| s.dyn_into::<web_sys::CssStyleDeclaration>().ok())
    else {
        return;
    };
    for (k, v) in props {
        let _ = style.set_property(k, &v);
    }
}

/// The small picture of how a layer is drawn.
fn swatch(def: &LayerDef) -> impl IntoView {
    let p = style::paint(def);
    let inner = match style::swatch(def) {
        Swatch::Site { class, symbol } => view! {
            <g class=class transform="translate(14 10)" use:paint=p>
                <path class="site__symbol" d=symbol/>
            </g>
        }
        .into_any(),
        Swatch::Zone { class } => {
            view! { <rect class=class x="2" y="2" width="24" height="16" rx="2" use:paint=p/> }.into_any()
        }
    };
    view! { <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">{inner}</svg> }
}

#[component]
pub fn Legend() -> impl IntoView {
    let lang = ctx().lang;
    // Open from the start only where it leaves the map room. Closed, its
    // body is built when first opened: a phone's first load does not build
    // what the visitor has not asked to see. (The summary's click comes
    // before the details open, so the body is there in the frame that shows
    // it; `toggle` covers a details opened another way.)
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0) >= 1200.0;
    let built = RwSignal::new(wide);
    let build = move || {
        if !built.get_untracked() {
            built.set(true);
        }
    };
    view! {
        <details class="legend" data-testid="legend" open=wide on:toggle=move |_| build()>
            <summary class="legend__title" on:click=move |_| build()>{move || T::Layers.get(lang.get())}</summary>
            {move || built.get().then(|| untrack(legend_body))}
        </details>
    }
}

/// The legend's lists: the layers with their switches, the notes on how
/// features are drawn, and the themes.
fn legend_body() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let data = c.data();
    let layers = data
        .layers
        .iter()
        .map(|(l, def)| {
            let id = format!("layer-{}", def.id);
            let checked = move || c.layers.with(|s| s.contains(l));
            let names = def.names.clone();
            view! {
                <li class="legend__item">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-testid=id.clone()
                        prop:checked=checked
                        on:change=move |_| c.layers.update(|s| *s = s.clone().toggled(l))
                    />
                    <label for=id>{swatch(def)}<span>{move || names.get(lang.get()).to_string()}</span></label>
                </li>
            }
        })
        .collect_view();
    // The notes picture the kinds of outline and position with the first
    // layer drawn that way.
    let first = |f: &dyn Fn(&LayerDef) -> bool| data.layers.iter().map(|(_, d)| d).find(|d| f(d)).map(style::paint);
    let surveyed = first(&|d| d.style.symbol == Symbol::Area && d.holds != Holds::ZoneKind(ZoneKind::District))
        .unwrap_or_default();
    let schematic = first(&|d| d.style.symbol == Symbol::Schematic).unwrap_or_default();
    let marker = data.layers.iter().map(|(_, d)| d).find(|d| d.style.symbol == Symbol::Marker);
    let estimate = marker.map(|d| {
        let class = match &d.holds {
            Holds::Category(c) => style::site_class(c, Confidence::Low),
            _ => "site".to_string(),
        };
        (class, style::paint(d), style::site_symbol(style::layer_shape(Some(d)), 4.0))
    });
    let themes = move || {
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
                            on:click=move |_| select(c, Some(sel.clone()), Framing::ZoomIn)
                        >
                            {t.names.get(lang).to_string()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
            <ul class="legend__list">{layers}</ul>
            <ul class="legend__notes">
                <li>
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        <rect class="zone zone--focus" x="2" y="2" width="24" height="16" rx="2" use:paint=surveyed/>
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
                        <rect
                            class="zone zone--schematic swatch--schematic"
                            x="2"
                            y="2"
                            width="24"
                            height="16"
                            rx="2"
                            use:paint=schematic
                        />
                    </svg>
                    <span>{move || T::SchematicNote.get(lang.get())}</span>
                </li>
                <li>
                    <svg class="swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
                        {estimate.map(|(class, p, symbol)| view! {
                            <g class=class transform="translate(14 10)" use:paint=p>
                                <circle class="site__halo" r="8"/>
                                <path class="site__symbol" d=symbol/>
                            </g>
                        })}
                    </svg>
                    <span>"≈ " {move || T::Estimated.get(lang.get())}</span>
                </li>
            </ul>
            <h2 class="legend__title legend__title--themes">{move || T::Themes.get(lang.get())}</h2>
            <ul class="legend__themes">{themes}</ul>
    }
}
