//! The guided tour on a big screen, the kiosk loop, and "take it home" (the
//! QR code, image export).
//!
//! The stops come from [`crate::state::tour::Tour`]; the presenter's place is
//! a [`TourState`] in a signal, and one effect flies the map to the current
//! stop (a cut under `prefers-reduced-motion`). Keys while touring: → ↓
//! PageDown Space next, ← ↑ PageUp previous, Home first, End last, F full
//! screen, L language, Esc leaves. In kiosk mode a timer feeds the clock to a
//! [`Kiosk`]: it advances after each dwell, a touch hands the map to the
//! visitor, and the tour resumes after the idle time.
//!
//! While touring the body carries the class `is-touring`, and the stylesheet
//! hides the controls the audience does not need.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::KeyboardEvent;

use super::animate::{fly_to, settled};
use super::context::{ctx, Ctx};
use super::controls::chrome;
use super::details::selection_bounds;
use super::dom::{focus_by_id, focus_element, now_ms};
use super::export::{export_png, export_svg};
use super::map::{pointer_input, wheel_input};
use super::url_sync::map_state;
use crate::atlas::catalogue::format_figure;
use crate::atlas::Lang;
use crate::spatial::reveal::{reveal, ClearArea};
use crate::spatial::ScreenPoint;
use crate::state::details::{cite, format_period};
use crate::state::input::Input;
use crate::state::qr::{qr_svg, share_url, BUILD_SHARE_URL};
use crate::state::text::{colon, T};
use crate::state::tour::{Kiosk, KioskStep, KioskTiming, Stop, Target, TourState};
use crate::state::url::{Mode, UrlState};

/// Share of the screen width the stop's cards take (see style.css `.tour__panel`).
const PANEL_SHARE: f64 = 0.38;
/// The progress bar's height at the bottom.
const PROGRESS_PX: f64 = 12.0;

/// The address a phone should open for the current view: the same state as
/// the address bar's, less what belongs to this screen.
fn view_link(c: Ctx, base: &str) -> String {
    share_url(base, &UrlState::of_map(&map_state(c)).encode())
}

/// The public address: `share=` from the link, else the build's default, else this page.
fn share_base(from_url: Option<String>) -> String {
    from_url
        .or_else(|| BUILD_SHARE_URL.filter(|s| !s.is_empty()).map(str::to_owned))
        .unwrap_or_else(|| window().location().href().unwrap_or_default())
}

/// Flies to a stop, framing it in the part of the screen the cards leave clear.
fn show_stop(c: Ctx, stop: &Stop) {
    let bounds = match &stop.target {
        Target::Subject(sel) => selection_bounds(c, sel),
        Target::Bounds(b) => Some(*b),
        Target::Overview => Some(c.data().scene.overview),
    };
    let Some(b) = bounds else { return };
    let from = settled(c);
    let (w, h) = (from.width(), from.height());
    let clear = if w >= 900.0 {
        ClearArea { x0: 0.0, y0: 0.0, x1: w * (1.0 - PANEL_SHARE), y1: h - PROGRESS_PX }
    } else {
        ClearArea { x0: 0.0, y0: 0.0, x1: w, y1: h * 0.45 }
    };
    let to = reveal(from, b, clear, 48.0, true, 15.0);
    // The same perceived speed for short hops and long flights.
    let ms = (700.0 + 650.0 * from.flight_length(&to)).clamp(700.0, 3500.0);
    fly_to(c, to, ms);
}

fn toggle_fullscreen() {
    let doc = document();
    let call = |target: &JsValue, name: &str| {
        if let Ok(f) = js_sys::Reflect::get(target, &JsValue::from_str(name)) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                // A refused request (no user gesture, kiosk policy) changes nothing.
                let _ = f.call0(target);
            }
        }
    };
    let full =
        js_sys::Reflect::get(&doc, &JsValue::from_str("fullscreenElement")).map(|v| !v.is_null() && !v.is_undefined());
    if full.unwrap_or(false) {
        call(&doc, "exitFullscreen");
    } else if let Some(root) = doc.document_element() {
        call(&root, "requestFullscreen");
    }
}

fn set_body_class(name: &str, on: bool) {
    if let Some(body) = document().body() {
        let _ = body.class_list().toggle_with_force(name, on);
    }
}

#[component]
pub fn TourLayer() -> impl IntoView {
    let c = ctx();
    let data = c.data();
    // The link the page was opened with (the address bar may already have
    // been rewritten by the time the tour mounts).
    let url = data.options.clone();

    // The tour's stops with faults were left out at load, and are named in
    // the data problems with the rest.
    let tour = data.tour.clone();
    let len = tour.len();
    let tour = StoredValue::new(tour);

    let mode = RwSignal::new(url.mode.filter(|_| len > 0));
    let pos = RwSignal::new(TourState::new(len));
    let paused = RwSignal::new(false);
    let transitions = RwSignal::new(0u32);
    let ch = chrome();
    let qr_open = ch.qr_open;
    let timing = KioskTiming::from_seconds(url.dwell, url.idle);
    let kiosk = StoredValue::new(Kiosk::new(timing, now_ms()));
    let base = share_base(url.share.clone());
    let touring = move || mode.get().is_some() && !paused.get();

    // The URL keeps the mode while it applies, so a reload resumes it.
    let (dwell, idle, share) = (url.dwell, url.idle, url.share.clone());
    Effect::new(move |_| {
        let m = mode.get();
        let kiosk_mode = m == Some(Mode::Kiosk);
        c.presentation.set_value(UrlState {
            mode: m,
            dwell: dwell.filter(|_| kiosk_mode),
            idle: idle.filter(|_| kiosk_mode),
            share: share.clone(),
            ..UrlState::default()
        });
    });

    // The big-screen look: the stylesheet hides what the audience does not need.
    Effect::new(move |_| {
        set_body_class("is-touring", touring());
        set_body_class("is-kiosk", mode.get() == Some(Mode::Kiosk));
    });

    // Each stop: fly there.
    Effect::new(move |_| {
        let p = pos.get();
        if !touring() {
            return;
        }
        if let Some(i) = p.index() {
            tour.with_value(|t| show_stop(c, &t.stops[i]));
            transitions.update(|n| *n = n.wrapping_add(1));
        }
    });

    let start = move |m: Mode| {
        c.selected.set(None);
        qr_open.set(false);
        pos.set(TourState::new(len));
        paused.set(false);
        kiosk.update_value(|k| *k = Kiosk::new(timing, now_ms()));
        mode.set(Some(m));
        request_animation_frame(|| {
            focus_by_id("tour");
        });
    };
    if len > 0 {
        // the bar's "more" menu starts the tour through this
        ch.start_tour.set(Some(Callback::new(move |_| start(Mode::Tour))));
    }
    let leave = move || {
        mode.set(None);
        paused.set(false);
        if let Ok(Some(el)) = document().query_selector("[data-testid=map]") {
            focus_element(&el);
        }
    };
    let step = move |f: fn(TourState) -> TourState| {
        pos.update(|p| *p = f(*p));
        kiosk.update_value(|k| k.restart_dwell(now_ms()));
        paused.set(false);
    };

    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if mode.get_untracked().is_none() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        // Typing in the search box is not navigation.
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing && paused.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => step(TourState::next),
            "ArrowLeft" | "ArrowUp" | "PageUp" => step(TourState::prev),
            "Home" => step(TourState::first),
            "End" => step(TourState::last),
            "f" | "F" => toggle_fullscreen(),
            "l" | "L" => {
                let next = match c.lang.get_untracked() {
                    Lang::ZhHans => Lang::ZhHant,
                    Lang::ZhHant => Lang::En,
                    Lang::En => Lang::ZhHans,
                };
                c.lang.set(next);
            }
            "Escape" => leave(),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    });
    on_cleanup(move || keys.remove());

    // Kiosk: a touch hands the map to the visitor; the clock brings the tour back.
    let touch = move || {
        if mode.get_untracked() == Some(Mode::Kiosk) {
            kiosk.update_value(|k| k.interaction(now_ms()));
            if !paused.get_untracked() {
                paused.set(true);
            }
        }
    };
    // Anywhere on the page, read as the map reads its input.
    let seen = move |input: Input| {
        if input.is_visitor() {
            touch();
        }
    };
    let down = window_event_listener(leptos::ev::pointerdown, move |ev| {
        seen(Input::PointerDown(pointer_input(&ev, ScreenPoint::new(ev.offset_x().into(), ev.offset_y().into()))))
    });
    let wheel = window_event_listener(leptos::ev::wheel, move |ev| {
        seen(Input::Wheel(wheel_input(&ev, ScreenPoint::new(ev.offset_x().into(), ev.offset_y().into()))))
    });
    on_cleanup(move || {
        down.remove();
        wheel.remove();
    });
    if mode.get_untracked() == Some(Mode::Kiosk) || url.mode == Some(Mode::Kiosk) {
        let period = Duration::from_millis(KioskTiming::TICK_MS);
        let tick = move || {
            if mode.get_untracked() != Some(Mode::Kiosk) {
                return;
            }
            let mut out = KioskStep::Stay;
            kiosk.update_value(|k| out = k.tick(now_ms()));
            match out {
                KioskStep::Advance => pos.update(|p| *p = p.next_looping()),
                KioskStep::Resume => {
                    if c.selected.get_untracked().is_some() {
                        c.selected.set(None);
                    }
                    qr_open.set(false);
                    paused.set(false);
                }
                KioskStep::Stay => {}
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, period) {
            on_cleanup(move || handle.clear());
        }
    }

    let lang = c.lang;
    let current = move || -> Option<Stop> {
        let i = pos.get().index()?;
        tour.with_value(|t| t.stops.get(i).cloned())
    };
    let link = {
        let base = base.clone();
        move || view_link(c, &base)
    };

    let link_for_panel = link.clone();
    let link_for_stop = link.clone();
    let panel = move || {
        let link = link_for_stop.clone();
        let stop = current()?;
        let l = lang.get();
        let data = c.data();
        let cards = stop
            .facts
            .iter()
            .filter_map(|id| data.catalogue.fact(id))
            .map(|f| {
                let figure = f.figure.as_ref().map(|fig| format_figure(fig, l));
                let text_only = figure.is_none();
                // The period heads the card, right above the figure a visitor quotes.
                let when = f.period.as_deref().map(|p| format_period(p, l));
                let source = data
                    .catalogue
                    .source(&f.source)
                    .map(|s| format!("{}{}{}", T::Source.get(l), colon(l), cite(s, l)))
                    .unwrap_or_default();
                view! {
                    <li class="tour-card" class:tour-card--text=text_only data-testid="tour-card" data-fact=f.id.clone()>
                        {when.map(|w| view! { <p class="tour-card__when" data-testid="tour-card-when">{w}</p> })}
                        {figure.map(|fig| view! { <p class="tour-card__figure">{fig}</p> })}
                        <p class="tour-card__text">{f.text.get(l).to_string()}</p>
                        <p class="tour-card__source">{source}</p>
                    </li>
                }
            })
            .collect_view();
        let (n, total) = pos.get().progress();
        Some(view! {
            <div class="tour__panel" data-testid="tour-panel" data-stop=stop.id.clone()>
                <p class="tour__count">
                    <span aria-hidden="true" data-testid="tour-count">{format!("{n} / {total}")}</span>
                    <span class="visually-hidden">{T::TourCount.fill(l, &[("n", &n.to_string()), ("total", &total.to_string())])}</span>
                </p>
                <h2 class="tour__title" data-testid="tour-title">{stop.title.get(l).to_string()}</h2>
                <ul class="tour__cards">{cards}</ul>
                {stop.closing.then(move || view! { <QrFigure link=link.clone()/> })}
            </div>
        })
    };

    let progress = move || {
        let p = pos.get();
        let (n, total) = p.progress();
        view! {
            <div class="tour__progress" role="progressbar" aria-valuemin="1" aria-valuemax=total.to_string()
                aria-valuenow=n.to_string() aria-label=T::TourProgress.get(lang.get())
                aria-valuetext=T::TourCount.fill(lang.get(), &[("n", &n.to_string()), ("total", &total.to_string())])
                data-testid="tour-progress">
                <div class="tour__progress-bar" style:width=format!("{:.2}%", p.fraction() * 100.0)></div>
            </div>
        }
    };

    let tour_view = move || {
        let panel = panel.clone();
        touring().then(move || {
            view! {
                <section id="tour" class="tour" class:tour--kiosk=move || mode.get() == Some(Mode::Kiosk)
                    tabindex="-1" aria-label=move || T::Tour.get(lang.get())
                    data-testid="tour" data-transitions=move || transitions.get().to_string()>
                    // The live region outlives the stops, so each new title is announced (and nothing else).
                    <p class="visually-hidden" aria-live="polite" data-testid="tour-live">
                        {move || current().map(|s| s.title.get(lang.get()).to_string())}
                    </p>
                    {panel}
                    {progress}
                    <div class="tour__keys">
                        <button type="button" class="btn tour__btn" data-testid="tour-prev"
                            aria-label=move || T::PrevStop.get(lang.get()) on:click=move |_| step(TourState::prev)>"‹"</button>
                        <button type="button" class="btn tour__btn" data-testid="tour-next"
                            aria-label=move || T::NextStop.get(lang.get()) on:click=move |_| step(TourState::next)>"›"</button>
                        <button type="button" class="btn tour__btn" data-testid="tour-leave"
                            aria-label=move || T::LeaveTour.get(lang.get()) title=move || T::TourHint.get(lang.get())
                            on:click=move |_| leave()>"×"</button>
                    </div>
                </section>
            }
        })
    };

    let qr_panel = move || {
        qr_open.get().then(|| {
            view! {
                <div class="qr-panel" role="dialog" aria-label=move || T::ShowQr.get(lang.get()) data-testid="qr-panel">
                    <QrFigure link=link_for_panel.clone()/>
                    <button type="button" class="btn" data-testid="qr-close" on:click=move |_| qr_open.set(false)>
                        {move || T::Close.get(lang.get())}
                    </button>
                </div>
            }
        })
    };

    let kiosk_note = move || {
        (mode.get() == Some(Mode::Kiosk) && paused.get()).then(|| {
            view! { <p class="kiosk-note" data-testid="kiosk-paused">{move || T::KioskPaused.get(lang.get())}</p> }
        })
    };

    view! {
        {tour_view}
        {qr_panel}
        {kiosk_note}
        // A row over the map beside a wide bar; a compact bar has them in its "more" menu.
        {move || (ch.presenter && !ch.compact.get()).then(|| view! {
            <div class="tour-tools">
            <div class="tour-tools__group" role="group" aria-label=move || T::Tour.get(lang.get())>
                {(len > 0).then(|| view! {
                    <button type="button" class="btn tour-tools__start" data-testid="tour-start"
                        on:click=move |_| start(Mode::Tour)>{move || T::StartTour.get(lang.get())}</button>
                })}
                <button type="button" class="btn" data-testid="qr-button" aria-pressed=move || qr_open.get().to_string()
                    on:click=move |_| qr_open.update(|o| *o = !*o)>{move || T::ShowQr.get(lang.get())}</button>
            </div>
            <div class="tour-tools__group" role="group" aria-label=move || T::Export.get(lang.get())>
                <button type="button" class="btn" data-testid="export-png" on:click=move |_| export_png(c)
                    aria-label=move || T::ExportPng.get(lang.get()) title=move || T::ExportPng.get(lang.get())>"PNG"</button>
                <button type="button" class="btn" data-testid="export-svg" on:click=move |_| export_svg(c)
                    aria-label=move || T::ExportSvg.get(lang.get()) title=move || T::ExportSvg.get(lang.get())>"SVG"</button>
            </div>
            </div>
        })}
    }
}

/// The QR code of `link`, with a caption; `data-url` holds what it encodes.
#[component]
fn QrFigure<F>(link: F) -> impl IntoView
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
