//! The current view as an image for slides and brochures: SVG, or PNG at
//! twice the screen's size.
//!
//! The map's SVG is cloned with every element's computed style written into
//! a `style` attribute (the stylesheet does not travel with the file), and a
//! legend of the visible layers, the scale bar and the attribution are
//! composed in. The PNG is that SVG drawn as an `<img>` onto a canvas, all in
//! the page: no network, no script in the image.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::Ctx;
use super::dom::{download, text_blob};
use super::legend::paint;
use crate::carto::labels::{text_width, wrap_text};
use crate::carto::markup::escape;
use crate::carto::style::{self, Swatch};
use crate::spatial::scale::{scale_bar, scale_label};
use crate::state::text::T;
use crate::state::Layer;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// The PNG's pixels per screen pixel.
pub const PNG_SCALE: f64 = 2.0;
const FILE_STEM: &str = "binjiang-map";

/// The properties that decide how an SVG element looks.
const STYLE_PROPS: [&str; 19] = [
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "paint-order",
    "vector-effect",
    "display",
    "visibility",
];

/// The legend, scale bar and attribution as SVG markup using the map's own classes.
fn furniture(c: Ctx, w: f64, h: f64) -> String {
    let lang = c.lang.get_untracked();
    let data = c.data();
    let layers: Vec<Layer> = c.layers.get_untracked().iter().filter(|l| data.layers.get(*l).is_some()).collect();
    let layer_name = |l: Layer| data.layers.name(l, lang);
    let ink = "#1c2430";
    let mut out = String::new();
    let row = 24.0;
    // the layers, then water
    let box_h = 44.0 + row * (layers.len() + 1) as f64;
    // As wide as its longest line (bold text a tenth wider than the estimate),
    // within the image: on a narrow one the title gets smaller to fit.
    let data = c.data();
    let title = data.settings.title(lang);
    let title_px = (16.0_f64).min((w - 60.0) / (text_width(title, 1.0) * 1.1)).max(9.0);
    let box_w = layers
        .iter()
        .map(|l| 48.0 + text_width(layer_name(*l), 13.0))
        .chain([48.0 + text_width(T::Water.get(lang), 13.0)])
        .fold(12.0 + text_width(title, title_px) * 1.1, f64::max)
        .max(288.0)
        .min(w - 36.0)
        + 12.0;
    out.push_str(&format!(
        r##"<rect x="12" y="12" width="{box_w:.0}" height="{box_h}" rx="8" fill="#ffffff" fill-opacity="0.92" stroke="#c9d0d8"/><text x="24" y="38" font-size="{title_px:.1}" font-weight="700" fill="{ink}">{}</text>"##,
        escape(title)
    ));
    for (i, l) in layers.iter().enumerate() {
        let y = 52.0 + row * i as f64;
        let Some(def) = data.layers.get(*l) else { continue };
        // Painted in the layer's colours once in the page (`paint_swatches`).
        let swatch = match style::swatch(def) {
            Swatch::Site { class, symbol } => format!(
                r#"<g class="{class}" data-layer="{}" transform="translate({} {})"><path class="site__symbol" d="{symbol}"/></g>"#,
                l.0,
                24.0 + 14.0,
                y + 10.0,
            ),
            Swatch::Zone { class } => {
                format!(
                    r#"<rect class="{class}" data-layer="{}" x="26" y="{}" width="24" height="16" rx="2"/>"#,
                    l.0,
                    y + 2.0
                )
            }
        };
        out.push_str(&swatch);
        out.push_str(&format!(
            r#"<text x="60" y="{}" font-size="13" fill="{ink}">{}</text>"#,
            y + 15.0,
            escape(layer_name(*l))
        ));
    }
    let y = 52.0 + row * layers.len() as f64;
    out.push_str(&format!(
        r#"<path class="water" d="M26 {} q6 -6 12 0 t12 0 v6 h-24 z"/><text x="60" y="{}" font-size="13" fill="{ink}">{}</text>"#,
        y + 12.0,
        y + 15.0,
        escape(T::Water.get(lang))
    ));
    // The attribution in as many lines as the width needs: a credit is never cut off.
    // The map-review number, when set, has a line of its own above it.
    let review = crate::state::review::review_number(
        c.data().options.review.as_deref(),
        c.data().settings.review_number.as_deref(),
    )
    .map(|n| crate::state::review::review_label(&n, lang));
    let lines = wrap_text(c.data().settings.attribution(lang), 11.0, w - 16.0);
    let band = 6.0 + 14.0 * (lines.len() + usize::from(review.is_some())) as f64;
    if let Some((m, bw)) = scale_bar(c.view.with_untracked(|v| v.metres_per_pixel()), 120.0) {
        let label = scale_label(m);
        let y = h - band - 20.0;
        out.push_str(&format!(
            r##"<rect x="12" y="{}" width="{}" height="28" rx="4" fill="#ffffff" fill-opacity="0.85"/><path d="M20 {y0}v6h{bw:.1}v-6" fill="none" stroke="{ink}" stroke-width="2"/><text x="{tx:.1}" y="{ty}" font-size="12" fill="{ink}">{label}</text>"##,
            y - 6.0,
            bw + 80.0,
            y0 = y + 4.0,
            tx = bw + 28.0,
            ty = y + 13.0,
        ));
    }
    out.push_str(&format!(
        r##"<rect x="0" y="{}" width="{w}" height="{band}" fill="#ffffff" fill-opacity="0.85"/>"##,
        h - band
    ));
    let first = usize::from(review.is_some());
    if let Some(review) = &review {
        out.push_str(&format!(
            r##"<text x="8" y="{}" font-size="11" font-weight="700" fill="{ink}" data-review="1">{}</text>"##,
            h - band + 15.0,
            escape(review)
        ));
    }
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&format!(
            r##"<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{ink}">{}</text>"##,
            w - 8.0,
            h - band + 15.0 + 14.0 * (first + i) as f64,
            escape(line)
        ));
    }
    out
}

/// Gives the legend's swatches their layers' colours (`data-layer`: the
/// layer's index), as the map's own legend has them.
fn paint_swatches(c: Ctx, furniture: &web_sys::Element) {
    let data = c.data();
    let Ok(els) = furniture.query_selector_all("[data-layer]") else { return };
    for i in 0..els.length() {
        let Some(el) = els.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let l = el.get_attribute("data-layer").and_then(|v| v.parse().ok()).map(Layer);
        if let Some(def) = l.and_then(|l| data.layers.get(l)) {
            paint(el, style::paint(def));
        }
    }
}

/// The view as a standalone SVG document, and its size in screen pixels.
pub fn compose_svg(c: Ctx) -> Option<(String, f64, f64)> {
    let doc = document();
    let live = doc.query_selector("[data-testid=map-svg]").ok()??;
    let rect = live.get_bounding_client_rect();
    let (w, h) = (rect.width().round(), rect.height().round());
    if !(w > 0.0 && h > 0.0) {
        return None;
    }
    // Lay the furniture into the live SVG for a moment, so the stylesheet styles it too.
    let extra = doc.create_element_ns(Some(SVG_NS), "g").ok()?;
    extra.set_inner_html(&furniture(c, w, h));
    paint_swatches(c, &extra);
    let _ = live.append_child(&extra);
    let clone: web_sys::Element = live.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    if let (Ok(src), Ok(dst)) = (live.query_selector_all("*"), clone.query_selector_all("*")) {
        let win = window();
        for i in 0..src.length().min(dst.length()) {
            let (Some(a), Some(b)) = (src.item(i), dst.item(i)) else { continue };
            let (Ok(a), Ok(b)) = (a.dyn_into::<web_sys::Element>(), b.dyn_into::<web_sys::Element>()) else { continue };
            let Ok(Some(cs)) = win.get_computed_style(&a) else { continue };
            // Through the CSS object model, not a `style` attribute: the page's
            // CSP (no 'unsafe-inline' for styles) refuses inline style attributes.
            let Some(inline) = js_sys::Reflect::get(&b, &JsValue::from_str("style"))
                .ok()
                .and_then(|s| s.dyn_into::<web_sys::CssStyleDeclaration>().ok())
            else {
                continue;
            };
            for p in STYLE_PROPS {
                if let Ok(v) = cs.get_property_value(p) {
                    if !v.is_empty() {
                        let _ = inline.set_property(p, &v);
                    }
                }
            }
            let _ = b.remove_attribute("tabindex");
        }
    }
    let _ = live.remove_child(&extra);
    let ground = window()
        .get_computed_style(&doc.document_element()?)
        .ok()
        .flatten()
        .and_then(|cs| cs.get_property_value("--ground").ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "#eef1f4".into());
    let bg = doc.create_element_ns(Some(SVG_NS), "rect").ok()?;
    for (k, v) in [("width", w.to_string()), ("height", h.to_string()), ("fill", ground)] {
        let _ = bg.set_attribute(k, &v);
    }
    let _ = clone.insert_before(&bg, clone.first_child().as_ref());
    for (k, v) in [
        ("xmlns", SVG_NS.to_string()),
        ("width", w.to_string()),
        ("height", h.to_string()),
        ("viewBox", format!("0 0 {w} {h}")),
    ] {
        let _ = clone.set_attribute(k, &v);
    }
    let _ = clone.remove_attribute("style");
    let _ = clone.remove_attribute("class");
    let xml = web_sys::XmlSerializer::new().ok()?.serialize_to_string(&clone).ok()?;
    Some((xml, w, h))
}

/// An export that produced nothing: said once in the console, where a
/// webmaster looking into a report of a dead button finds it.
fn failed(what: &str) {
    leptos::logging::warn!("binjiang-map: the {what} export could not be made in this browser");
}

/// Downloads the view as `binjiang-map.svg`.
pub fn export_svg(c: Ctx) {
    match compose_svg(c).and_then(|(svg, _, _)| text_blob(&svg, "image/svg+xml;charset=utf-8")) {
        Some(blob) => download(&blob, &format!("{FILE_STEM}.svg")),
        None => failed("SVG"),
    }
}

/// Downloads the view as `binjiang-map.png`, [`PNG_SCALE`] times the screen size.
pub fn export_png(c: Ctx) {
    let Some((svg, w, h)) = compose_svg(c) else { return failed("PNG") };
    // A data: URL, not a blob: one: the page's CSP allows images from 'self'
    // and data: only.
    let url = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&svg)));
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document().create_element("canvas") else { return };
        let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else { return };
        canvas.set_width((w * PNG_SCALE) as u32);
        canvas.set_height((h * PNG_SCALE) as u32);
        let Some(ctx2d) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|x| x.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        if ctx2d
            .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w * PNG_SCALE, h * PNG_SCALE)
            .is_err()
        {
            return failed("PNG");
        }
        let done = Closure::once_into_js(move |png: JsValue| match png.dyn_into::<web_sys::Blob>() {
            Ok(png) => download(&png, &format!("{FILE_STEM}.png")),
            Err(_) => failed("PNG"),
        });
        if canvas.to_blob(done.unchecked_ref()).is_err() {
            failed("PNG");
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}
