//! A QR code that opens the current view on a phone, drawn as SVG: the
//! encoder is the `qrcode` crate (ISO/IEC 18004); the drawing is one SVG path
//! of dark modules, built here so no renderer or image code is linked.
//!
//! The code encodes [`share_url`]: the page's public address (from the
//! `share=` URL parameter, else the build-time default `BINJIANG_SHARE_URL`,
//! else the page's own address) followed by the view's query string.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code, as the standard asks.
pub const QUIET_ZONE: usize = 4;

/// The public address baked in at build time (`BINJIANG_SHARE_URL=https://… trunk build --release`).
pub const BUILD_SHARE_URL: Option<&str> = option_env!("BINJIANG_SHARE_URL");

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Modules per side, quiet zone included: the SVG's `viewBox` is `0 0 size size`.
    pub size: usize,
    /// The dark modules as SVG path data, one unit per module.
    pub path: String,
}

impl QrSvg {
    /// A standalone SVG document (black on white, crisp edges).
    pub fn to_svg(&self, px: u32) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{px}" height="{px}" shape-rendering="crispEdges"><rect width="{n}" height="{n}" fill="#fff"/><path d="{d}" fill="#000"/></svg>"##,
            n = self.size,
            d = self.path
        )
    }
}

/// The QR code of `text` at error-correction level M (readable with 15 %
/// damage: a smudged screen, a glare), or `None` if `text` is too long.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..w {
        let row = &colors[y * w..(y + 1) * w];
        let mut x = 0;
        while x < w {
            if row[x] == Color::Dark {
                let start = x;
                while x < w && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(QrSvg { size: w + 2 * QUIET_ZONE, path })
}

/// `base` with the view's `query` (no leading `?`) in place of its own query
/// and fragment.
pub fn share_url(base: &str, query: &str) -> String {
    let base = base.split(['#', '?']).next().unwrap_or(base);
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_view_link_becomes_a_small_code_with_finder_patterns() {
        let url = share_url("https://map.example.org/binjiang/", "lang=zh-Hans&c=120.20812,30.19867&z=12.48");
        let qr = qr_svg(&url).unwrap();
        // version 4 (33 modules) or 5 (37) for a link this long at level M
        assert!((33 + 8..=37 + 8).contains(&qr.size), "{}", qr.size);
        // the top-left finder pattern: a 7-module dark ring starting at the quiet zone
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
        let svg = qr.to_svg(256);
        assert!(svg.starts_with("<svg") && svg.contains(r#"viewBox="0 0 "#) && svg.ends_with("</svg>"));
    }

    #[test]
    fn too_much_text_gives_no_code_rather_than_a_panic() {
        assert!(qr_svg(&"x".repeat(5000)).is_none());
        assert!(qr_svg("").is_some());
    }

    #[test]
    fn the_share_address_loses_its_own_query_and_fragment() {
        assert_eq!(share_url("https://a.example/m/", "z=12.00"), "https://a.example/m/?z=12.00");
        assert_eq!(share_url("https://a.example/m/?mode=kiosk#x", "z=12.00"), "https://a.example/m/?z=12.00");
        assert_eq!(share_url("https://a.example/m/index.html", ""), "https://a.example/m/index.html");
    }
}
