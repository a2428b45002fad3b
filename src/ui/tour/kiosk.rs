//! The kiosk: the tour plays by itself (`mode=kiosk`), a timer feeding the
//! clock to a [`Kiosk`]: it advances after each dwell, a touch anywhere hands
//! the map to the visitor, and the tour resumes after the idle time.

use std::time::Duration;

use leptos::prelude::*;

use super::super::context::{ctx, Ctx};
use super::super::dom::now_ms;
use super::super::map::{pointer_input, wheel_input};
use super::Presenter;
use crate::spatial::ScreenPoint;
use crate::state::input::Input;
use crate::state::text::T;
use crate::state::tour::{KioskStep, KioskTiming};
use crate::state::url::Mode;

/// Starts the kiosk's watch on the visitor and, when the page is (or
/// `opened_as_kiosk`) in kiosk mode, its clock.
pub(super) fn run_kiosk(c: Ctx, p: Presenter, opened_as_kiosk: bool) {
    let Presenter { mode, pos, paused, kiosk, qr_open } = p;
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
    if mode.get_untracked() == Some(Mode::Kiosk) || opened_as_kiosk {
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
}

/// Says that the visitor has the map and the tour will come back.
#[component]
pub(super) fn KioskNote(p: Presenter) -> impl IntoView {
    let lang = ctx().lang;
    move || {
        (p.mode.get() == Some(Mode::Kiosk) && p.paused.get()).then(|| {
            view! { <p class="kiosk-note" data-testid="kiosk-paused">{move || T::KioskPaused.get(lang.get())}</p> }
        })
    }
}
