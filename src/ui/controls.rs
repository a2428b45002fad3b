//! Map furniture and controls: zoom buttons, scale bar, north arrow,
//! attribution and the language switch.

use leptos::prelude::*;

use super::animate::{fly_to, settled};
use super::context::ctx;
use super::map_view::{go_home, go_overview};
use crate::atlas::Lang;
use crate::spatial::viewport::scale_bar;
use crate::spatial::ScreenPoint;
use crate::state::text::T;

#[component]
pub fn ZoomControls() -> impl IntoView {
    let c = ctx();
    let zoom = move |dz: f64| {
        let v = settled(c.view);
        let centre = ScreenPoint::new(v.width() / 2.0, v.height() / 2.0);
        fly_to(c.view, v.zoom_by(centre, dz), 250.0);
    };
    let lang = c.lang;
    view! {
        <div class="zoom" role="group" aria-label=move || T::ZoomIn.get(lang.get())>
            <button type="button" class="btn btn--icon" data-testid="zoom-in"
                aria-label=move || T::ZoomIn.get(lang.get()) title=move || T::ZoomIn.get(lang.get())
                on:click=move |_| zoom(1.0)>"+"</button>
            <button type="button" class="btn btn--icon" data-testid="zoom-out"
                aria-label=move || T::ZoomOut.get(lang.get()) title=move || T::ZoomOut.get(lang.get())
                on:click=move |_| zoom(-1.0)>"−"</button>
            <button type="button" class="btn btn--icon" data-testid="zoom-home"
                aria-label=move || T::ResetView.get(lang.get()) title=move || T::ResetView.get(lang.get())
                on:click=move |_| go_home(c)>
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                    <path d="M10 3 L17 9 H15 V17 H11.5 V12.5 H8.5 V17 H5 V9 H3 Z" fill="currentColor"/>
                </svg>
            </button>
            <button type="button" class="btn btn--icon" data-testid="zoom-all"
                aria-label=move || T::ShowAllZones.get(lang.get()) title=move || T::ShowAllZones.get(lang.get())
                on:click=move |_| go_overview(c)>
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                    <circle cx="12.5" cy="6" r="3.2" fill="currentColor"/>
                    <circle cx="13" cy="13.5" r="2.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
                    <circle cx="5" cy="15" r="2.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
                </svg>
            </button>
        </div>
    }
}

/// A scale bar true at the centre latitude, in round metres or kilometres.
#[component]
pub fn ScaleBar() -> impl IntoView {
    let c = ctx();
    let bar = move || scale_bar(c.view.with(|v| v.metres_per_pixel()), 120.0);
    let label = move || {
        bar()
            .map(|(m, _)| if m >= 1000.0 { format!("{} km", m / 1000.0) } else { format!("{m} m") })
            .unwrap_or_default()
    };
    let width = move || bar().map(|(_, w)| format!("{w:.1}px")).unwrap_or_else(|| "0px".into());
    view! {
        <div class="scale" data-testid="scale-bar">
            <div class="scale__bar" style:width=width></div>
            <span class="scale__label" data-testid="scale-label">{label}</span>
        </div>
    }
}

/// The map is always north-up (Web Mercator); the arrow says so.
#[component]
pub fn NorthArrow() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="north" aria-hidden="true" data-testid="north-arrow">
            <svg viewBox="0 0 24 32" width="24" height="32">
                <path d="M12 2 L19 24 L12 19 L5 24 Z" class="north__arrow"/>
            </svg>
            <span>{move || T::North.get(c.lang.get())}</span>
        </div>
    }
}

#[component]
pub fn Attribution() -> impl IntoView {
    let c = ctx();
    view! {
        <p class="attribution" data-testid="attribution">{move || T::Attribution.get(c.lang.get())}</p>
    }
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="langs" role="group" aria-label=move || T::Language.get(c.lang.get())>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="button"
                            class="btn btn--lang"
                            lang=l.tag()
                            data-testid=format!("lang-{}", l.tag())
                            aria-pressed=move || if c.lang.get() == l { "true" } else { "false" }
                            on:click=move |_| c.lang.set(l)
                        >
                            {l.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
