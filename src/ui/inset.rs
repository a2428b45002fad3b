//! The locator inset (see `carto::inset`): Hangzhou's districts, the three
//! zones and the current view as a frame; a click moves the map there. It is
//! a pointer shortcut: keyboard users pan and zoom the map itself.

use leptos::prelude::*;

use super::animate::fly_to;
use super::context::ctx;
use super::legend::{layer_paint, paint};
use crate::atlas::layers::ZoneKind;
use crate::carto::inset::Inset;

const WIDTH: f64 = 150.0;
const HEIGHT: f64 = 112.0;

#[component]
pub fn LocatorInset() -> impl IntoView {
    let c = ctx();
    let data = c.data();
    let inset = Inset::fit(&data.scene, WIDTH, HEIGHT)?;
    let paths = data
        .scene
        .zones
        .iter()
        .filter(|z| z.kind != ZoneKind::District || z.labelled)
        .map(|z| {
            let class = match z.kind {
                ZoneKind::District => "inset__district",
                ZoneKind::Focus => "inset__zone inset__zone--focus",
                ZoneKind::Cooperation => "inset__zone inset__zone--schematic",
            };
            view! { <path class=class d=z.d.clone() data-inset=z.id.clone() use:paint=layer_paint(&data.layers, z.layer)/> }
        })
        .collect_view();
    // the cooperation zones are a pixel or two across at this scale: a dot marks each
    let dots = data
        .scene
        .zones
        .iter()
        .filter(|z| z.kind == ZoneKind::Cooperation)
        .filter_map(|z| inset.project(&data.scene, z.bounds.center()).map(|p| (p, layer_paint(&data.layers, z.layer))))
        .map(|((x, y), p)| {
            view! { <circle class="inset__zone inset__zone--schematic" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" use:paint=p/> }
        })
        .collect_view();
    let water = data
        .scene
        .water
        .iter()
        .filter(|w| !w.line)
        .map(|w| view! { <path class="inset__water" d=w.d.clone()/> })
        .collect_view();
    let scene = std::sync::Arc::clone(&data);
    let frame = Memo::new(move |_| c.view.with(|v| inset.frame(&scene.scene, v.visible_bounds())));
    let scene = std::sync::Arc::clone(&data);
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(at) = inset.unproject(&scene.scene, ev.offset_x() as f64, ev.offset_y() as f64) else { return };
        let v = c.view.get_untracked();
        fly_to(c, v.with_center_zoom(at, v.zoom()), 600.0);
    };
    Some(view! {
        <div class="inset" data-testid="inset" aria-hidden="true">
            <svg width=WIDTH height=HEIGHT viewBox=format!("0 0 {WIDTH} {HEIGHT}") on:click=on_click>
                <g transform=inset.transform()>{paths}{water}</g>
                {dots}
                <rect
                    class="inset__frame"
                    data-testid="inset-frame"
                    x=move || frame.get().map(|f| format!("{:.1}", f.0))
                    y=move || frame.get().map(|f| format!("{:.1}", f.1))
                    width=move || frame.get().map(|f| format!("{:.1}", f.2))
                    height=move || frame.get().map(|f| format!("{:.1}", f.3))
                />
            </svg>
        </div>
    })
}
