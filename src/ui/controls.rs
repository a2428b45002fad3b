//! Map furniture and controls: zoom buttons, scale bar, north arrow,
//! attribution, the language switch and the bar's menus.
//!
//! The bar has two layouts. Wide (a full page on a large screen): the title,
//! a search field, a share button, the three languages side by side, the list
//! and 适老化 toggles with their words, and the presenter's tools in a row over
//! the map. Compact (embedded, or a window narrower than [`WIDE_PX`]): one row
//! of icons and menus like a map app on a phone: search as an icon that opens
//! the field, one language menu showing the current language, the toggles as
//! icons, and the presenter's tools and sharing gathered in a "more" menu.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::animate::{fly_to, settled};
use super::context::{ctx, Ctx};
use super::details::NARROW_PX;
use super::dom::focus_element;
use super::map::{go_home, go_overview};
use super::split::{export_png, export_svg, run_loaded};
use crate::atlas::Lang;
use crate::spatial::scale::{scale_bar, scale_label};
use crate::spatial::ScreenPoint;
use crate::state::text::T;

#[component]
pub fn ZoomControls() -> impl IntoView {
    let c = ctx();
    let zoom = move |dz: f64| {
        let v = settled(c);
        let centre = ScreenPoint::new(v.width() / 2.0, v.height() / 2.0);
        fly_to(c, v.zoom_by(centre, dz), 250.0);
    };
    let lang = c.lang;
    view! {
        <div class="zoom" role="group" aria-label=move || T::Zoom.get(lang.get())>
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
            <button type="button" class="btn btn--icon btn--overview" data-testid="zoom-all"
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
    let label = move || bar().map(|(m, _)| scale_label(m)).unwrap_or_default();
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
        <p class="attribution" data-testid="attribution">
            {move || super::basemap::credit(c).map(|b| view! { <span data-testid="basemap-credit">{b}</span>" · " })}
            {move || c.data().settings.attribution(c.lang.get()).to_owned()}
        </p>
    }
}

/// Narrower windows than this get the compact bar.
pub const WIDE_PX: f64 = 1000.0;
/// In 适老化 mode the words are larger: the compact bar from a wider window.
pub const WIDE_CARE_PX: f64 = 1200.0;

/// How the page around the map is laid out, and the presenter's actions the
/// bar's menu shares with the tour layer.
#[derive(Clone, Copy)]
pub struct Chrome {
    /// One compact row of icons and menus (embedded, or a narrow window).
    pub compact: Memo<bool>,
    /// A phone's width: the bar gives the map's short name.
    pub narrow: Memo<bool>,
    /// The map's own title bar is shown (always on a full page; `title=1` when embedded).
    pub title: bool,
    /// The presenter's actions (tour, QR code, export, share) are offered
    /// (always on a full page; `tools=1` when embedded).
    pub presenter: bool,
    /// The QR code panel is open.
    pub qr_open: RwSignal<bool>,
    /// The share dialog is open.
    pub share_open: RwSignal<bool>,
    /// The content has a tour with stops, so it can be started.
    pub has_tour: bool,
    /// The presenter asked for the tour; the tour layer starts it once loaded.
    pub tour_asked: RwSignal<bool>,
    /// The tour layer is loaded and mounted.
    pub tour_mounted: RwSignal<bool>,
}

impl Chrome {
    pub fn new(c: Ctx) -> Chrome {
        let data = c.data();
        let embedded = data.embedded;
        let compact = Memo::new(move |_| {
            let wide = if c.care.get() { WIDE_CARE_PX } else { WIDE_PX };
            embedded || c.view.with(|v| v.width()) < wide
        });
        let narrow = Memo::new(move |_| c.view.with(|v| v.width()) < NARROW_PX);
        Chrome {
            compact,
            narrow,
            title: !embedded || data.options.title,
            presenter: !embedded || data.options.tools,
            qr_open: RwSignal::new(false),
            share_open: RwSignal::new(false),
            has_tour: !data.tour.is_empty(),
            tour_asked: RwSignal::new(false),
            tour_mounted: RwSignal::new(false),
        }
    }
}

/// The layout shared by the bar and the tour layer; provided by [`super::App`].
pub fn chrome() -> Chrome {
    expect_context::<Chrome>()
}

/// One entry of a [`MenuButton`]'s menu.
#[derive(Clone)]
pub struct MenuItem {
    pub testid: &'static str,
    pub text: Signal<String>,
    /// The language the entry's text is in, when not the page's.
    pub lang: Option<&'static str>,
    /// A choice among several (`menuitemradio`): whether it is the current one.
    pub checked: Option<Signal<bool>>,
    pub action: Callback<()>,
}

fn menu_items(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role^=menuitem]") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

/// A button that opens a menu below it (the ARIA menu button pattern): the
/// arrow keys, Home and End move between the entries, Enter or Space
/// chooses one, Esc closes the menu and focus returns to the button; Tab or a
/// click elsewhere closes it.
#[component]
pub fn MenuButton(
    /// `data-testid` of the button; the menu's is `<testid>-list`.
    testid: &'static str,
    /// The button's accessible name.
    label: Signal<String>,
    /// The button's class (besides `btn`).
    class: &'static str,
    /// What the button shows.
    face: ViewFn,
    items: Signal<Vec<MenuItem>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button: NodeRef<html::Button> = NodeRef::new();
    let menu: NodeRef<html::Div> = NodeRef::new();
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let menu_id = format!("{testid}-list");
    // Focus an entry as the menu opens: the checked one, else the first (or
    // the last). The menu is shown at once (its `hidden` follows `open` a
    // moment later), so keys pressed right after land in it.
    let focus_entry = move |last: bool| {
        let Some(m) = menu.get_untracked() else { return };
        let _ = m.remove_attribute("hidden");
        let items = menu_items(&m);
        let checked = items.iter().position(|e| e.get_attribute("aria-checked").as_deref() == Some("true"));
        let i = if last { items.len().checked_sub(1) } else { checked.or((!items.is_empty()).then_some(0)) };
        if let Some(e) = i.and_then(|i| items.get(i)) {
            let _ = e.focus();
        }
    };
    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            open.set(true);
            focus_entry(ev.key() == "ArrowUp");
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            ev.stop_propagation();
            close(true);
        }
        _ => {}
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        let Some(m) = menu.get_untracked() else { return };
        let items = menu_items(&m);
        let n = items.len();
        if n == 0 {
            return;
        }
        let active = document().active_element();
        let at = items.iter().position(|e| active.as_ref() == Some(e.unchecked_ref::<web_sys::Element>()));
        let next = match ev.key().as_str() {
            "ArrowDown" => Some(at.map_or(0, |i| (i + 1) % n)),
            "ArrowUp" => Some(at.map_or(n - 1, |i| (i + n - 1) % n)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                close(true);
                return;
            }
            "Tab" => {
                close(false);
                return;
            }
            _ => None,
        };
        if let Some(i) = next {
            ev.prevent_default();
            let _ = items[i].focus();
        }
    };
    // A press anywhere outside the menu and its button closes it.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.get_untracked())
            .is_some_and(|(t, w)| w.contains(Some(&t)));
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let entries = move || {
        items
            .get()
            .into_iter()
            .map(|it| {
                let role = if it.checked.is_some() { "menuitemradio" } else { "menuitem" };
                let checked = it.checked;
                let action = it.action;
                view! {
                    <button
                        type="button"
                        class="menu__item"
                        role=role
                        tabindex="-1"
                        lang=it.lang
                        data-testid=it.testid
                        aria-checked=move || checked.map(|c| if c.get() { "true" } else { "false" })
                        on:click=move |_| {
                            close(true);
                            action.run(());
                        }
                    >
                        {move || it.text.get()}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="menu-wrap" node_ref=wrap>
            <button
                type="button"
                class=format!("btn {class}")
                data-testid=testid
                node_ref=button
                aria-label=move || label.get()
                title=move || label.get()
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| {
                    let now = !open.get_untracked();
                    open.set(now);
                    if now {
                        focus_entry(false);
                    }
                }
                on:keydown=on_button_key
            >
                {face.run()}
            </button>
            <div
                class="menu"
                role="menu"
                id=menu_id.clone()
                data-testid=format!("{testid}-list")
                aria-label=move || label.get()
                node_ref=menu
                hidden=move || !open.get()
                on:keydown=on_menu_key
            >
                {entries}
            </div>
        </div>
    }
}

/// The face of the compact language button: 简, 繁 or EN.
fn short_name(l: Lang) -> &'static str {
    match l {
        Lang::ZhHans => "简",
        Lang::ZhHant => "繁",
        Lang::En => "EN",
    }
}

/// The interface language: the three side by side on a wide bar; on a
/// compact one, a menu whose button shows the current language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let ch = chrome();
    move || {
        if ch.compact.get() {
            view! { <LanguageMenu/> }.into_any()
        } else {
            view! { <LanguageButtons/> }.into_any()
        }
    }
}

#[component]
fn LanguageMenu() -> impl IntoView {
    let c = ctx();
    let label = Signal::derive(move || {
        let l = c.lang.get();
        let colon = if l == Lang::En { ": " } else { "：" };
        // The name includes the button's face (EN), as speech input users say it.
        let short = short_name(l);
        let name =
            if l.endonym().contains(short) { l.endonym().to_owned() } else { format!("{}, {short}", l.endonym()) };
        format!("{}{colon}{name}", T::Language.get(l))
    });
    let items = Signal::derive(move || {
        Lang::ALL
            .into_iter()
            .map(|l| MenuItem {
                testid: match l {
                    Lang::ZhHans => "lang-zh-Hans",
                    Lang::ZhHant => "lang-zh-Hant",
                    Lang::En => "lang-en",
                },
                text: Signal::derive(move || l.endonym().to_string()),
                lang: Some(l.tag()),
                checked: Some(Signal::derive(move || c.lang.get() == l)),
                action: Callback::new(move |_| c.lang.set(l)),
            })
            .collect::<Vec<_>>()
    });
    let face = ViewFn::from(move || {
        view! {
            <svg class="btn__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                <circle cx="10" cy="10" r="7.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
                <path d="M2.8 10h14.4M10 2.8c-2.4 2.2-2.4 12.2 0 14.4M10 2.8c2.4 2.2 2.4 12.2 0 14.4" fill="none" stroke="currentColor" stroke-width="1.4"/>
            </svg>
            <span class="btn__short" lang=move || c.lang.get().tag()>{move || short_name(c.lang.get())}</span>
        }
    });
    view! { <MenuButton testid="lang-menu" label=label class="btn--menu btn--lang-menu" face=face items=items/> }
}

#[component]
fn LanguageButtons() -> impl IntoView {
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

/// The presenter's actions and sharing, gathered in one menu on a compact bar.
#[component]
pub fn MoreMenu() -> impl IntoView {
    let c = ctx();
    let ch = chrome();
    let text = move |t: T| Signal::derive(move || t.get(c.lang.get()).to_string());
    let items = Signal::derive(move || {
        let mut items = vec![MenuItem {
            testid: "share",
            text: text(T::Share),
            lang: None,
            checked: None,
            action: Callback::new(move |_| ch.share_open.set(true)),
        }];
        if ch.has_tour {
            items.push(MenuItem {
                testid: "tour-start",
                text: text(T::StartTour),
                lang: None,
                checked: None,
                action: Callback::new(move |_| ch.tour_asked.set(true)),
            });
        }
        items.extend([
            MenuItem {
                testid: "qr-button",
                text: text(T::ShowQr),
                lang: None,
                checked: None,
                action: Callback::new(move |_| ch.qr_open.update(|o| *o = !*o)),
            },
            MenuItem {
                testid: "export-png",
                text: text(T::ExportPng),
                lang: None,
                checked: None,
                action: Callback::new(move |_| run_loaded("PNG export", export_png(c))),
            },
            MenuItem {
                testid: "export-svg",
                text: text(T::ExportSvg),
                lang: None,
                checked: None,
                action: Callback::new(move |_| run_loaded("SVG export", export_svg(c))),
            },
        ]);
        items
    });
    let face = ViewFn::from(|| {
        view! {
            <svg class="btn__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                <circle cx="4" cy="10" r="1.9" fill="currentColor"/>
                <circle cx="10" cy="10" r="1.9" fill="currentColor"/>
                <circle cx="16" cy="10" r="1.9" fill="currentColor"/>
            </svg>
        }
    });
    move || {
        (ch.presenter && ch.compact.get()).then(|| {
            view! { <MenuButton testid="more-menu" label=text(T::More) class="btn--icon btn--menu" face=face.clone() items=items/> }
        })
    }
}

/// Moves focus to `el` if it is still in the page.
pub fn refocus(el: Option<web_sys::Element>) {
    if let Some(el) = el.filter(|e| e.is_connected()) {
        focus_element(&el);
    }
}
