//! The map's component: the SVG as it is first drawn, with the patches
//! (`patch.rs`) and the input handlers (`input.rs`) attached.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::super::access::{reveal_focused, spoken_name};
use super::super::app::Mounting;
use super::super::camera::{apply_layout, clear_area, selection_bounds};
use super::super::context::{ctx, Ctx};
use super::super::legend::{layer_paint, paint};
use super::input::MapEvents;
use super::patch::{
    self, feature_class, feature_looks, mark_shore_focus, shore_class, site_label, site_transform, visibility, Drawing,
    Groups,
};
use super::{framed_view, home_view, InitialView, ACTION_BAR_PX};
use crate::atlas::layer_list::Symbol;
use crate::atlas::layers::ZoneKind;
use crate::carto::scene::{Hit, SceneSite};
use crate::carto::style;
use crate::spatial::reveal::reveal;
use crate::state::text::T;
use crate::state::Selection;

/// Follows the container's size with a ResizeObserver.
fn observe_size(el: &web_sys::HtmlElement, c: Ctx) {
    let target = el.clone();
    let cb = Closure::<dyn FnMut()>::new(move || {
        let (w, h) = (target.client_width() as f64, target.client_height() as f64);
        if w > 0.0 && h > 0.0 {
            c.view.update(|v| *v = v.with_size(w, h));
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(el);
    }
    // The map lives as long as the page; the observer with it.
    cb.forget();
}

#[component]
pub fn MapView(initial: InitialView) -> impl IntoView {
    let c = ctx();
    let data = c.data();
    let root: NodeRef<html::Div> = NodeRef::new();
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let drawing = Drawing::new(c, svg);
    let drawn = drawing.drawn;
    let events = MapEvents::new(c, root, drawing);
    apply_layout();
    let hover = events.hover;

    let mounting = use_context::<Mounting>();
    let furniture = move || mounting.is_none_or(|m| m.furniture());
    Effect::new(move |_| {
        if mounting.is_some_and(|m| !m.sized()) {
            return;
        }
        if let Some(el) = root.get() {
            let el: web_sys::HtmlElement = el.into();
            let (w, h) = (el.client_width() as f64, el.client_height() as f64);
            let (home, overview) = (c.data().scene.home, c.data().scene.overview);
            if w > 0.0 && h > 0.0 {
                c.view.update(|v| {
                    let sized = home_view(v.with_size(w, h), home);
                    *v = match initial {
                        InitialView::Home | InitialView::Selection => sized,
                        InitialView::Overview => framed_view(v.with_size(w, h), overview, ACTION_BAR_PX),
                        InitialView::At(centre, zoom) => sized.with_center_zoom(centre, zoom.unwrap_or(sized.zoom())),
                    };
                });
                if initial == InitialView::Selection {
                    if let Some(sel) = c.selected.get_untracked() {
                        if let Some(b) = selection_bounds(c, &sel) {
                            let v = c.view.get_untracked();
                            let clear = clear_area(v.width(), v.height());
                            c.view.set(reveal(v, b, clear, 32.0, true, 15.0));
                        }
                    }
                }
                crate::ui::first_tap::answer(c);
            }
            observe_size(&el, c);
        }
    });

    drawing.follow(move || events.is_pressed());

    let scene = Arc::clone(&data);
    let transform = Memo::new(move |_| drawn.with(|v| v.local_transform(&scene.scene.frame).to_svg()));
    let scene = Arc::clone(&data);
    let hatch_transform = move || {
        let s = drawn.with(|v| v.local_transform(&scene.scene.frame).scale);
        format!("rotate(45) scale({:.5})", 1.0 / s.max(1e-9))
    };

    // The hatching of schematic extents: one pattern per layer of them, in
    // its colours, and one in the stylesheet's for an extent no layer holds.
    let pattern_layers: Vec<(String, Vec<(&'static str, String)>)> = std::iter::once(("hatch".to_string(), Vec::new()))
        .chain(
            data.layers
                .iter()
                .filter(|(_, d)| d.style.symbol == Symbol::Schematic)
                .map(|(_, d)| (style::pattern_id(d), style::paint(d))),
        )
        .collect();
    let patterns = pattern_layers
        .into_iter()
        .map(|(id, p)| {
            let hatch_transform = hatch_transform.clone();
            view! {
                <pattern id=id patternUnits="userSpaceOnUse" width="9" height="9" patternTransform=hatch_transform use:paint=p>
                    <rect class="hatch__bg" width="9" height="9"/>
                    <line class="hatch__line" x1="0" y1="0" x2="0" y2="9"/>
                </pattern>
            }
        })
        .collect_view();

    // Zones, sites and labels are drawn once, with what holds when the map
    // opens; the patches in `patch.rs` then write what changes.
    let g = Groups::new();
    let lang0 = c.lang.get_untracked();
    let layers0 = c.layers.get_untracked();
    let looks0 = feature_looks(c, &data.scene, c.selected.get_untracked().as_ref());

    let zones = data
        .scene
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let selectable = z.selectable();
            let label = selectable.then(|| spoken_name(c, &Selection::Zone(z.id.clone())));
            view! {
                <path
                    class=feature_class(z.class, looks0[i])
                    d=z.d.clone()
                    data-testid=format!("zone-{}", z.id)
                    data-id=z.id.clone()
                    visibility=visibility(layers0.shows(z.layer))
                    use:paint=layer_paint(&data.layers, z.layer)
                    tabindex=selectable.then_some("0")
                    role=selectable.then_some("button")
                    aria-label=label
                    aria-hidden=(!selectable).then_some("true")
                />
            }
        })
        .collect_view();

    // Water lies above the zones' fills and would hide their outlines where
    // they cross it (the districts tile the river): those outlines are drawn
    // again above the water, clipped to it.
    let water = data
        .scene
        .water
        .iter()
        .map(|w| {
            let class = if w.line { "water water--line" } else { "water" };
            view! { <path class=class id=format!("water-shape-{}", w.id) d=w.d.clone() data-testid=format!("water-{}", w.id)/> }
        })
        .collect_view();
    // the areas only: an open line would clip to the shape it encloses
    // A centreline shows at small scales only (`SceneWater::shown_at`).
    let water_clip = data
        .scene
        .water
        .iter()
        .filter(|w| !w.line)
        .map(|w| view! { <use href=format!("#water-shape-{}", w.id)/> })
        .collect_view();
    let shores = data
        .scene
        .shore_zones
        .iter()
        .map(|&i| {
            let z = &data.scene.zones[i];
            view! {
                <path
                    class=feature_class(&shore_class(z.class), looks0[i])
                    d=z.d.clone()
                    visibility=visibility(layers0.shows(z.layer))
                    use:paint=layer_paint(&data.layers, z.layer)
                />
            }
        })
        .collect_view();

    // The markers and the labels come in the mounting's second step (see
    // `Mounting`): built when asked, once.
    let n_zones = data.scene.zones.len();
    let drawn0 = drawn.get_untracked();
    let markers = {
        let (data, looks, layers) = (Arc::clone(&data), looks0.clone(), layers0.clone());
        move || {
            // Each category's marker: its layer's shape and colour.
            let symbol =
                |s: &SceneSite| style::site_symbol(style::layer_shape(s.layer.and_then(|l| data.layers.get(l))), 7.0);
            data.scene
                .sites
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let estimate = style::is_estimate(s.confidence);
                    view! {
                        <g
                            class=feature_class(&s.class, looks[n_zones + i])
                            transform=site_transform(&drawn0, s.position)
                            visibility=visibility(layers.shows(s.layer))
                            use:paint=layer_paint(&data.layers, s.layer)
                            data-testid=format!("site-{}", s.id)
                            data-id=s.id.clone()
                            tabindex="0"
                            role="button"
                            aria-label=spoken_name(c, &Selection::Site(s.id.clone()))
                        >
                            <circle class="site__target" r="12"/>
                            {estimate.then(|| view! { <circle class="site__halo" r="12"/> })}
                            <path class="site__symbol" d=symbol(s)/>
                        </g>
                    }
                })
                .collect_view()
        }
    };
    // Labels start hidden; the placement effect shows those that fit.
    let labels = {
        let data = Arc::clone(&data);
        move || {
            let hidden_label = |class: &'static str, text: String, colours: Vec<(&'static str, String)>| {
                view! {
                    <text class=class visibility="hidden" text-anchor="middle" dominant-baseline="central" use:paint=colours>
                        {text}
                    </text>
                }
            };
            let zones = data.scene.zones.iter().map(|z| {
                let class = match z.kind {
                    ZoneKind::Focus => "label label--focus",
                    ZoneKind::Cooperation => "label label--cooperation",
                    ZoneKind::District => "label label--district",
                };
                hidden_label(class, z.label.get(lang0).to_string(), layer_paint(&data.layers, z.layer))
            });
            let sites = data.scene.sites.iter().map(|s| {
                let class = if style::is_estimate(s.confidence) {
                    "label label--site label--estimate"
                } else {
                    "label label--site"
                };
                hidden_label(class, site_label(s, lang0), Vec::new())
            });
            let water = data
                .scene
                .water
                .iter()
                .map(|w| hidden_label("label label--water", w.names.get(lang0).to_string(), Vec::new()));
            zones.chain(sites).chain(water).collect_view()
        }
    };

    patch::water_visibility(&data, g, drawn);
    patch::highlight(c, &data, g, looks0);
    patch::names_and_visibility(c, &data, g, lang0, layers0);
    patch::follow_markers(&data, g, drawn, drawn0);
    patch::labels(c, &data, g, drawn, lang0, move || mounting.is_none_or(|m| m.sized()));

    let scene = Arc::clone(&data);
    let tooltip = move || {
        let (hit, p) = hover.get()?;
        let lang = c.lang.get();
        let s = &scene.scene;
        let text = match hit {
            Hit::Zone(i) => {
                let z = &s.zones[i];
                let name = z.names.get(lang);
                if z.schematic {
                    format!("{name} · {}", T::Schematic.get(lang))
                } else {
                    name.to_string()
                }
            }
            Hit::Site(i) => s.sites[i].names.get(lang).to_string(),
        };
        Some(view! {
            <div class="tooltip" role="tooltip" style:left=format!("{:.0}px", p.x + 14.0) style:top=format!("{:.0}px", p.y + 14.0)>
                {text}
            </div>
        })
    };

    let size = move || drawn.with(|v| (v.width(), v.height()));

    view! {
        <div
            class="map"
            node_ref=root
            tabindex="0"
            role="region"
            aria-roledescription=move || T::MapRole.get(c.lang.get())
            aria-label=move || T::MapLabel.get(c.lang.get())
            aria-describedby="map-description map-keys"
            data-testid="map"
            on:pointerdown=move |ev| events.pointer_down(ev)
            on:pointermove=move |ev| events.pointer_move(ev)
            on:pointerup=move |ev| events.pointer_up(ev)
            on:pointercancel=move |_| events.pointer_cancel()
            on:pointerleave=move |_| hover.set(None)
            on:wheel=move |ev| events.wheel(ev)
            on:dblclick=move |ev| events.double_click(ev)
            on:keydown=move |ev| events.key_down(ev)
            on:focusin={
                let shore_zones = data.scene.shore_zones.clone();
                move |ev: web_sys::FocusEvent| {
                    reveal_focused(c, &ev);
                    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    mark_shore_focus(g.zones, g.shores, &shore_zones, target);
                }
            }
            on:focusout={
                let shore_zones = data.scene.shore_zones.clone();
                move |_: web_sys::FocusEvent| mark_shore_focus(g.zones, g.shores, &shore_zones, None)
            }
        >
            <p id="map-description" class="visually-hidden">{move || T::MapDescription.get(c.lang.get())}</p>
            <p id="map-keys" class="visually-hidden">{move || T::FeatureKeys.get(c.lang.get())}</p>
            <super::super::basemap::Basemap drawn/>
            <svg
                class="map__svg"
                node_ref=svg
                role="none"
                width=move || format!("{:.0}", size().0)
                height=move || format!("{:.0}", size().1)
                data-testid="map-svg"
            >
                <defs aria-hidden="true">
                    {patterns}
                    <clipPath id="water-clip">{water_clip}</clipPath>
                </defs>
                // (the first view's context, until the app draws its own: ui/context_layers.rs)
                <g transform=transform aria-hidden="true"><g data-first-view-slot="under"></g></g>
                <g class="layer layer--geometry" transform=transform node_ref=g.zones>{zones}</g>
                <g transform=transform aria-hidden="true"><g data-first-view-slot="over"></g></g>
                <g class="layer layer--water" transform=transform aria-hidden="true" data-testid="water" node_ref=g.water>
                    {water}
                </g>
                <g
                    class="layer layer--shores"
                    transform=transform
                    clip-path="url(#water-clip)"
                    aria-hidden="true"
                    node_ref=g.shores
                >
                    {shores}
                </g>
                <g class="layer layer--labels" aria-hidden="true" node_ref=g.labels>
                    {move || furniture().then(|| untrack(&labels))}
                </g>
                <g class="layer layer--sites" node_ref=g.sites>{move || furniture().then(|| untrack(&markers))}</g>
            </svg>
            {tooltip}
        </div>
    }
}
