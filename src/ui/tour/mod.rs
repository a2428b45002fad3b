//! The guided tour on a big screen; the kiosk loop ([`kiosk`]) and "take it
//! home" (the QR code, image export: [`take_home`]) beside it.
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

mod kiosk;
mod take_home;

use kiosk::{run_kiosk, KioskNote};
pub use take_home::PresenterTools;
use take_home::{share_base, view_link, QrFigure, QrPanel};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::KeyboardEvent;

use super::animate::{fly_to, settled};
use super::camera::selection_bounds;
use super::context::{ctx, Ctx};
use super::controls::chrome;
use super::dom::{focus_by_id, focus_element, now_ms};
use crate::atlas::catalogue::format_figure;
use crate::atlas::Lang;
use crate::spatial::reveal::reveal;
use crate::state::details::{cite, format_period};
use crate::state::layout::Layout;
use crate::state::text::{colon, T};
use crate::state::tour::{Kiosk, KioskTiming, Stop, Target, TourState};
use crate::state::url::{Mode, UrlState};

/// Flies to a stop, framing it in the part of the screen the cards leave clear.
fn show_stop(c: Ctx, stop: &Stop) {
    let bounds = match &stop.target {
        Target::Subject(sel) => selection_bounds(c, sel),
        Target::Bounds(b) => Some(*b),
        Target::Overview => Some(c.data().scene.overview),
    };
    let Some(b) = bounds else { return };
    let from = settled(c);
    let clear = Layout::PAGE.tour_clear(from.width(), from.height());
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

/// The presenter's place, shared by the tour and the kiosk.
#[derive(Clone, Copy)]
struct Presenter {
    mode: RwSignal<Option<Mode>>,
    pos: RwSignal<TourState>,
    paused: RwSignal<bool>,
    kiosk: StoredValue<Kiosk>,
    qr_open: RwSignal<bool>,
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
    let presenter = Presenter { mode, pos, paused, kiosk, qr_open };

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
    // The presenter's "start the tour" (the bar's menu, the tools' row),
    // including the press that loaded this layer.
    ch.tour_mounted.set(true);
    let asked = ch.tour_asked;
    Effect::new(move |_| {
        if asked.get() {
            asked.set(false);
            if len > 0 {
                start(Mode::Tour);
            }
        }
    });
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

    run_kiosk(c, presenter, url.mode == Some(Mode::Kiosk));

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

    view! {
        {tour_view}
        <QrPanel link=link_for_panel/>
        <KioskNote p=presenter/>
    }
}
