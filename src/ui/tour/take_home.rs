//! "Take it home": the QR code that opens the current view on a phone, and
//! the presenter's tools over the map (start the tour, the QR code, PNG and
//! SVG export).

use leptos::prelude::*;

use super::super::context::{ctx, Ctx};
use super::super::controls::chrome;
use super::super::split::{export_png, export_svg, run_loaded};
use super::super::url_sync::map_state;
use crate::state::qr::{qr_svg, share_url, BUILD_SHARE_URL};
use crate::state::text::T;
use crate::state::url::UrlState;

/// The address a phone should open for the current view: the same state as
/// the address bar's, less what belongs to this screen.
pub(super) fn view_link(c: Ctx, base: &str) -> String {
    share_url(base, &UrlState::of_map(&map_state(c)).encode())
}

/// The public address: `share=` from the link, else the build's default, else this page.
pub(super) fn share_base(from_url: Option<String>) -> String {
    from_url
        .or_else(|| BUILD_SHARE_URL.filter(|s| !s.is_empty()).map(str::to_owned))
        .unwrap_or_else(|| window().location().href().unwrap_or_default())
}

/// The QR code on demand, in a dialog over the map.
#[component]
pub(super) fn QrPanel<F>(link: F) -> impl IntoView
where
    F: Fn() -> String + Clone + Send + Sync + 'static,
{
    let c = ctx();
    let (lang, qr_open) = (c.lang, chrome().qr_open);
    move || {
        qr_open.get().then(|| {
            view! {
                <div class="qr-panel" role="dialog" aria-label=move || T::ShowQr.get(lang.get()) data-testid="qr-panel">
                    <QrFigure link=link.clone()/>
                    <button type="button" class="btn" data-testid="qr-close" on:click=move |_| qr_open.set(false)>
                        {move || T::Close.get(lang.get())}
                    </button>
                </div>
            }
        })
    }
}

/// The presenter's tools: a row over the map beside a wide bar; a compact
/// bar has them in its "more" menu. They are part of the first load; what
/// they open (the tour, the QR code, the exports) loads when first used.
#[component]
pub fn PresenterTools() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let ch = chrome();
    let qr_open = ch.qr_open;
    move || {
        (ch.presenter && !ch.compact.get()).then(|| view! {
        <div class="tour-tools">
        <div class="tour-tools__group" role="group" aria-label=move || T::Tour.get(lang.get())>
            {ch.has_tour.then(|| view! {
                <button type="button" class="btn tour-tools__start" data-testid="tour-start"
                    on:click=move |_| ch.tour_asked.set(true)>{move || T::StartTour.get(lang.get())}</button>
            })}
            <button type="button" class="btn" data-testid="qr-button" aria-pressed=move || qr_open.get().to_string()
                on:click=move |_| qr_open.update(|o| *o = !*o)>{move || T::ShowQr.get(lang.get())}</button>
        </div>
        <div class="tour-tools__group" role="group" aria-label=move || T::Export.get(lang.get())>
            <button type="button" class="btn" data-testid="export-png" on:click=move |_| run_loaded("PNG export", export_png(c))
                aria-label=move || T::ExportPng.get(lang.get()) title=move || T::ExportPng.get(lang.get())>"PNG"</button>
            <button type="button" class="btn" data-testid="export-svg" on:click=move |_| run_loaded("SVG export", export_svg(c))
                aria-label=move || T::ExportSvg.get(lang.get()) title=move || T::ExportSvg.get(lang.get())>"SVG"</button>
        </div>
        </div>
    })
    }
}

/// The QR code of `link`, with a caption; `data-url` holds what it encodes.
#[component]
pub(super) fn QrFigure<F>(link: F) -> impl IntoView
where
    F: Fn() -> String + Clone + Send + Sync + 'static,
{
    let lang = ctx().lang;
    let url = Memo::new(move |_| link());
    let code = Memo::new(move |_| url.with(|u| qr_svg(u)));
    view! {
        <figure class="qr" data-testid="qr">
            {move || code.get().map(|q| {
                let n = q.size;
                view! {
                    <svg class="qr__code" viewBox=format!("0 0 {n} {n}") shape-rendering="crispEdges" role="img"
                        aria-label=move || T::ShowQr.get(lang.get()) data-testid="qr-code" data-url=move || url.get()>
                        <rect width=n.to_string() height=n.to_string() fill="#fff"/>
                        <path d=q.path fill="#000"/>
                    </svg>
                }
            })}
            <figcaption class="qr__caption">{move || T::ScanToOpen.get(lang.get())}</figcaption>
        </figure>
    }
}
