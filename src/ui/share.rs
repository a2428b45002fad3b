//! Share and embed: a dialog that gives a link, an iframe snippet and a
//! script snippet for the options chosen, each with a copy button, and a
//! preview of the embedded map at the size chosen (phone presets or a custom
//! height), loaded from the map's own page.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::context::ctx;
use super::controls::{chrome, refocus};
use super::split::when_loaded;
use crate::atlas::Lang;
use crate::state::embed::{base_of, preview_scale, EmbedOptions, PreviewSize};
use crate::state::text::T;

/// Copies text with the Clipboard API where the page may; otherwise leaves the
/// text selected for Ctrl+C.
fn copy(text: &str, field: Option<web_sys::Element>) {
    if let Some(el) = field {
        if let Ok(f) = js_sys::Reflect::get(&el, &JsValue::from_str("select")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&el);
            }
        }
    }
    let nav = window().navigator();
    let Ok(clip) = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")) else { return };
    if let Ok(f) = js_sys::Reflect::get(&clip, &JsValue::from_str("writeText")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            // a refused permission rejects the promise; the selected text remains
            if let Ok(p) = f.call1(&clip, &JsValue::from_str(text)) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    let noop = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
                    let _ = p.catch(&noop);
                    noop.forget();
                }
            }
        }
    }
}

/// The share button of a wide bar (on a compact bar sharing is in the "more"
/// menu), and the dialog, which returns focus to whatever opened it.
/// One of the dialog's options: a labelled checkbox bound to `value`.
fn check_box(testid: &'static str, value: RwSignal<bool>, label: &'static str) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=value
                on:change=move |ev| value.set(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
}

fn size_name(p: PreviewSize) -> T {
    match p {
        PreviewSize::PhoneSmall => T::SizePhoneSmall,
        PreviewSize::PhoneTall => T::SizePhoneTall,
        PreviewSize::Custom => T::SizeCustom,
    }
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let c = ctx();
    let ch = chrome();
    let open = ch.share_open;
    let button = move || {
        (ch.presenter && !ch.compact.get()).then(|| {
            view! {
                <button
                    type="button"
                    class="btn btn--share"
                    data-testid="share"
                    aria-haspopup="dialog"
                    on:click=move |_| open.set(true)
                >
                    {move || T::Share.get(c.lang.get())}
                </button>
            }
        })
    };
    let dialog = move || {
        open.get().then(|| {
            let opener = StoredValue::new_local(document().active_element());
            let close = move || {
                open.set(false);
                refocus(opener.get_value());
            };
            when_loaded("The share dialog", super::split::share_dialog(Callback::new(move |()| close())), move || {
                open.set(false)
            })
        })
    };
    view! {
        {button}
        {dialog}
    }
}

/// The dialog as a view, for its split point (`split::share_dialog`).
pub(super) fn dialog_view(on_close: Callback<()>) -> AnyView {
    view! { <ShareDialog on_close=move || on_close.run(())/> }.into_any()
}

#[component]
fn ShareDialog(on_close: impl Fn() + Copy + 'static) -> impl IntoView {
    let c = ctx();
    let lang = c.lang.get_untracked();
    let href = window().location().href().unwrap_or_default();
    let base = base_of(&href);
    let has_selection = c.selected.with_untracked(|s| s.is_some());
    let opt_lang = RwSignal::new(lang);
    let with_sel = RwSignal::new(has_selection);
    let height = RwSignal::new(c.data().options.height.unwrap_or(560));
    let interactive = RwSignal::new(!c.data().options.fixed);
    let title_bar = RwSignal::new(false);
    let tools = RwSignal::new(false);
    let size = RwSignal::new(PreviewSize::of_height(height.get_untracked()));
    let options = Memo::new(move |_| EmbedOptions {
        base_url: base.clone(),
        lang: opt_lang.get(),
        selection: if with_sel.get() { c.selected.get() } else { None },
        layers: c.layers.get(),
        height: height.get(),
        interactive: interactive.get(),
        title: title_bar.get(),
        tools: tools.get(),
        basemap: c.data().options.basemap.clone(),
        tk: c.data().options.tk.clone(),
    });
    let title = move || T::MapLabel.get(opt_lang.get()).to_string();
    let link = move || options.with(|o| o.link());
    let iframe = move || options.with(|o| o.iframe(&title()));
    let script = move || options.with(|o| o.script(&title()));
    let first: NodeRef<html::Input> = NodeRef::new();
    let dialog: NodeRef<html::Div> = NodeRef::new();
    // The preview: the frame at the size chosen, scaled down to the dialog's
    // width and to 40 % of the window's height.
    let room: NodeRef<html::Div> = NodeRef::new();
    let room_width = RwSignal::new(0.0);
    let measure = move || {
        if let Some(r) = room.get_untracked() {
            room_width.set(f64::from(r.client_width()));
        }
    };
    // the room's width once the dialog is laid out, and whenever the window changes
    Effect::new(move |_| {
        if room.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());
    let frame = move || size.get().frame(height.get());
    let scale = move || {
        let tall = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0) * 0.4;
        preview_scale(frame(), (room_width.get(), tall.max(160.0)))
    };
    let px = |n: u32, k: f64| format!("{:.1}px", f64::from(n) * k);
    Effect::new(move |_| {
        if let Some(i) = first.get() {
            let _ = i.focus();
        }
    });
    // Esc closes; Tab stays inside the dialog while it is open.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            on_close();
        } else if ev.key() == "Tab" {
            let Some(d) = dialog.get_untracked() else { return };
            let Ok(list) = d.query_selector_all("button, input, select, textarea") else { return };
            let n = list.length();
            if n == 0 {
                return;
            }
            let first = list.item(0);
            let last = list.item(n - 1);
            let active = document().active_element().map(JsValue::from);
            let at = |n: &Option<web_sys::Node>| n.as_ref().map(JsValue::from) == active;
            let target = if ev.shift_key() && at(&first) {
                last
            } else if !ev.shift_key() && at(&last) {
                first
            } else {
                None
            };
            if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = t.focus();
            }
        }
    };
    let field = |id: &'static str| move || document().get_element_by_id(id);
    // Which snippet was copied last: its button says so for a moment, and a
    // status line tells a screen reader.
    let copied = RwSignal::new(None::<&'static str>);
    let copied_now = move |which: &'static str| {
        copied.set(Some(which));
        set_timeout(
            move || {
                if copied.try_get_untracked() == Some(Some(which)) {
                    copied.set(None);
                }
            },
            std::time::Duration::from_millis(2500),
        );
    };
    let copy_label =
        move |which: &'static str| if copied.get() == Some(which) { T::Copied.get(lang) } else { T::Copy.get(lang) };
    view! {
        <div class="modal" on:click=move |ev| {
            // a click on the backdrop (not the dialog) closes it
            if ev.target() == ev.current_target() { on_close(); }
        }>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="share-title"
                data-testid="share-dialog"
                node_ref=dialog
                on:keydown=on_key
            >
                <h2 id="share-title" class="dialog__title">{T::ShareTitle.get(lang)}</h2>
                <label class="field">
                    <span>{T::ShareLink.get(lang)}</span>
                    <span class="field__row">
                        <input id="share-link" node_ref=first readonly data-testid="share-link" prop:value=link/>
                        <button type="button" class="btn" data-testid="copy-link" on:click=move |_| {
                            copy(&link(), field("share-link")());
                            copied_now("link");
                        }>{move || copy_label("link")}</button>
                    </span>
                </label>
                <fieldset class="field field--options">
                    <label>
                        <span>{T::Language.get(lang)}</span>
                        <select data-testid="embed-lang" on:change=move |ev| {
                            if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { opt_lang.set(l) }
                        }>
                            {Lang::ALL.into_iter().map(|l| view! {
                                <option value=l.tag() lang=l.tag() selected=l == lang>{l.endonym()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="embed-selection" prop:checked=with_sel disabled=!has_selection
                            on:change=move |ev| with_sel.set(event_target_checked(&ev))/>
                        <span>{T::EmbedSelection.get(lang)}</span>
                    </label>
                    <label>
                        <span>{T::EmbedSize.get(lang)}</span>
                        <select data-testid="embed-size" on:change=move |ev| {
                            if let Some(p) = PreviewSize::from_key(&event_target_value(&ev)) {
                                size.set(p);
                                if let Some(h) = p.height() { height.set(h) }
                            }
                        }>
                            {PreviewSize::ALL.into_iter().map(|p| view! {
                                <option value=p.key() selected=move || size.get() == p>{size_name(p).get(lang)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{T::EmbedHeight.get(lang)}</span>
                        <input type="number" min="150" max="4000" step="10" data-testid="embed-height" prop:value=move || height.get().to_string()
                            on:change=move |ev| {
                                if let Ok(h) = event_target_value(&ev).parse::<u32>() {
                                    let h = h.clamp(150, 4000);
                                    height.set(h);
                                    size.set(PreviewSize::of_height(h));
                                }
                            }/>
                    </label>
                    {check_box("embed-interactive", interactive, T::EmbedInteractive.get(lang))}
                    {check_box("embed-title", title_bar, T::EmbedTitleBar.get(lang))}
                    {check_box("embed-tools", tools, T::EmbedTools.get(lang))}
                </fieldset>
                <figure class="preview" data-testid="embed-preview">
                    <figcaption class="preview__caption">
                        {T::EmbedPreview.get(lang)} " · " {move || { let (w, h) = frame(); format!("{w} × {h}") }}
                    </figcaption>
                    // a picture of the result: nothing in it takes focus or input
                    <div class="preview__room" node_ref=room inert>
                        <div class="preview__frame" style:width=move || px(frame().0, scale()) style:height=move || px(frame().1, scale())>
                            <iframe
                                class="preview__iframe"
                                data-testid="embed-preview-frame"
                                tabindex="-1"
                                title=move || format!("{} · {}", T::EmbedPreview.get(lang), title())
                                src=move || options.with(|o| o.embed_url())
                                width=move || frame().0.to_string()
                                height=move || frame().1.to_string()
                                style:transform=move || format!("scale({:.4})", scale())
                            ></iframe>
                        </div>
                    </div>
                </figure>
                <label class="field">
                    <span>{T::EmbedIframe.get(lang)}</span>
                    <textarea id="share-iframe" readonly rows="3" data-testid="embed-iframe" prop:value=iframe></textarea>
                    <button type="button" class="btn" data-testid="copy-iframe" on:click=move |_| {
                            copy(&iframe(), field("share-iframe")());
                            copied_now("iframe");
                        }>{move || copy_label("iframe")}</button>
                </label>
                <label class="field">
                    <span>{T::EmbedScript.get(lang)}</span>
                    <textarea id="share-script" readonly rows="3" data-testid="embed-script" prop:value=script></textarea>
                    <button type="button" class="btn" data-testid="copy-script" on:click=move |_| {
                            copy(&script(), field("share-script")());
                            copied_now("script");
                        }>{move || copy_label("script")}</button>
                </label>
                <p class="dialog__help">{T::EmbedHelp.get(lang)}</p>
                <p class="visually-hidden" role="status" data-testid="share-status">
                    {move || copied.get().map(|_| T::Copied.get(lang))}
                </p>
                <button type="button" class="btn dialog__close" data-testid="share-close" on:click=move |_| on_close()>{T::Close.get(lang)}</button>
            </div>
        </div>
    }
}
