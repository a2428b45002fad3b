//! The view's state in the page URL's query string, so a link reopens the same
//! view: `?lang=en&sel=zone:binjiang&layers=binjiang,binxiao&c=120.2,30.2&z=12.5`.
//!
//! Decoding never fails: a parameter that cannot be read is ignored, and a
//! notice names it, so a mistyped link still opens the map.

use crate::atlas::Lang;
use crate::state::{Layer, LayerSet, Selection};

/// Everything the URL can say. `None` means "not given: use the default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub selection: Option<Selection>,
    pub layers: Option<LayerSet>,
    /// Centre (lon, lat) and zoom.
    pub center: Option<(f64, f64)>,
    pub zoom: Option<f64>,
    /// `mode=tour` opens the guided tour; `mode=kiosk` plays it unattended.
    pub mode: Option<Mode>,
    /// Kiosk: seconds each stop stays (`dwell=12`) and seconds without a
    /// touch before the tour takes over again (`idle=60`).
    pub dwell: Option<f64>,
    pub idle: Option<f64>,
    /// The page's public address for the QR code (`share=https://…/`), when
    /// the screen runs from a local copy.
    pub share: Option<String>,
}

/// How the page presents the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A presenter clicks through the guided tour.
    Tour,
    /// The tour plays by itself and yields to visitors.
    Kiosk,
}

impl Mode {
    pub fn key(self) -> &'static str {
        match self {
            Mode::Tour => "tour",
            Mode::Kiosk => "kiosk",
        }
    }

    pub fn from_key(k: &str) -> Option<Mode> {
        match k {
            "tour" => Some(Mode::Tour),
            "kiosk" => Some(Mode::Kiosk),
            _ => None,
        }
    }
}

fn parse_seconds(v: &str) -> Option<f64> {
    let s: f64 = v.parse().ok()?;
    (s.is_finite() && s > 0.0 && s <= 86_400.0).then_some(s)
}

/// An absolute http(s) address without spaces, quotes or angle brackets.
fn parse_share(v: &str) -> Option<String> {
    let v = v.trim();
    let scheme_ok = v.starts_with("https://") || v.starts_with("http://");
    let chars_ok = v.len() <= 512 && !v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (scheme_ok && chars_ok && v.len() > "https://".len()).then(|| v.to_string())
}

/// A parameter that was present but ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
    pub reason: &'static str,
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` escapes and `+` (as a space); invalid escapes stay as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters and the separators this codec
/// uses inside values (`,` `:`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn parse_selection(v: &str) -> Option<Selection> {
    let (kind, id) = v.split_once(':')?;
    let ok_id = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok_id {
        return None;
    }
    match kind {
        "zone" => Some(Selection::Zone(id.to_string())),
        "site" => Some(Selection::Site(id.to_string())),
        "theme" => Some(Selection::Theme(id.to_string())),
        _ => None,
    }
}

fn parse_layers(v: &str) -> Option<LayerSet> {
    if v.is_empty() || v == "none" {
        return Some(LayerSet::none());
    }
    v.split(',').try_fold(LayerSet::none(), |set, k| Layer::from_key(k).map(|l| set.with(l, true)))
}

fn parse_center(v: &str) -> Option<(f64, f64)> {
    let (a, b) = v.split_once(',')?;
    let lon: f64 = a.parse().ok()?;
    let lat: f64 = b.parse().ok()?;
    (lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 85.0).then_some((lon, lat))
}

fn parse_zoom(v: &str) -> Option<f64> {
    let z: f64 = v.parse().ok()?;
    (z.is_finite() && (0.0..=22.0).contains(&z)).then_some(z)
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Unknown
    /// parameters are left for others (an embedding page may add its own);
    /// known ones with unreadable values are reported.
    pub fn decode(query: &str) -> (UrlState, Vec<Ignored>) {
        let mut st = UrlState::default();
        let mut ignored = Vec::new();
        let q = query.strip_prefix('?').unwrap_or(query);
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(k);
            let value = percent_decode(v);
            let mut bad = |reason| ignored.push(Ignored { param: key.clone(), value: value.clone(), reason });
            match key.as_str() {
                "lang" => match Lang::from_tag(&value) {
                    Some(l) => st.lang = Some(l),
                    None => bad("expected zh-Hans, zh-Hant or en"),
                },
                "sel" => match parse_selection(&value) {
                    Some(s) => st.selection = Some(s),
                    None => bad("expected zone:ID, site:ID or theme:ID"),
                },
                "layers" => match parse_layers(&value) {
                    Some(l) => st.layers = Some(l),
                    None => bad("expected a comma-separated list of layer names"),
                },
                "c" => match parse_center(&value) {
                    Some(c) => st.center = Some(c),
                    None => bad("expected longitude,latitude in degrees"),
                },
                "z" => match parse_zoom(&value) {
                    Some(z) => st.zoom = Some(z),
                    None => bad("expected a zoom level from 0 to 22"),
                },
                "mode" => match Mode::from_key(&value) {
                    Some(m) => st.mode = Some(m),
                    None => bad("expected tour or kiosk"),
                },
                "dwell" => match parse_seconds(&value) {
                    Some(s) => st.dwell = Some(s),
                    None => bad("expected seconds per stop, more than 0"),
                },
                "idle" => match parse_seconds(&value) {
                    Some(s) => st.idle = Some(s),
                    None => bad("expected seconds without a touch, more than 0"),
                },
                "share" => match parse_share(&value) {
                    Some(s) => st.share = Some(s),
                    None => bad("expected an address starting with https:// or http://"),
                },
                _ => {}
            }
        }
        (st, ignored)
    }

    /// The query string (without `?`) that decodes back to this state; centre
    /// with 5 decimals (about 1 m), zoom with 2.
    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.tag()));
        }
        if let Some(s) = &self.selection {
            parts.push(format!("sel={}:{}", s.kind(), percent_encode(s.id())));
        }
        if let Some(l) = self.layers {
            let keys: Vec<&str> = l.iter().map(Layer::key).collect();
            parts.push(format!("layers={}", if keys.is_empty() { "none".to_string() } else { keys.join(",") }));
        }
        if let Some((lon, lat)) = self.center {
            parts.push(format!("c={lon:.5},{lat:.5}"));
        }
        if let Some(z) = self.zoom {
            parts.push(format!("z={z:.2}"));
        }
        if let Some(m) = self.mode {
            parts.push(format!("mode={}", m.key()));
        }
        if let Some(s) = self.dwell {
            parts.push(format!("dwell={s}"));
        }
        if let Some(s) = self.idle {
            parts.push(format!("idle={s}"));
        }
        if let Some(s) = &self.share {
            parts.push(format!("share={}", percent_encode(s)));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_full_link_decodes_to_its_parts() {
        let (st, ignored) = UrlState::decode("?lang=en&sel=zone:binjiang&layers=binjiang,lab&c=120.2,30.2&z=12.5");
        assert!(ignored.is_empty());
        assert_eq!(st.lang, Some(Lang::En));
        assert_eq!(st.selection, Some(Selection::Zone("binjiang".into())));
        let layers = st.layers.unwrap();
        assert!(layers.contains(Layer::Binjiang) && layers.contains(Layer::Labs) && !layers.contains(Layer::Binfu));
        assert_eq!(st.center, Some((120.2, 30.2)));
        assert_eq!(st.zoom, Some(12.5));
    }

    #[test]
    fn encoding_then_decoding_gives_the_same_state() {
        let st = UrlState {
            lang: Some(Lang::ZhHant),
            selection: Some(Selection::Site("olympic-stadium".into())),
            layers: Some(LayerSet::all().with(Layer::Districts, false)),
            center: Some((120.21, 30.19)),
            zoom: Some(13.25),
            ..UrlState::default()
        };
        assert_eq!(UrlState::decode(&st.encode()).0, st);
        assert_eq!(UrlState::decode(&UrlState::default().encode()).0, UrlState::default());
    }

    #[test]
    fn bad_values_are_ignored_with_a_notice_naming_the_parameter() {
        let (st, ignored) = UrlState::decode("lang=fr&sel=zone:<script>&z=99&c=abc&layers=bogus&other=1");
        assert_eq!(st, UrlState::default());
        let params: Vec<&str> = ignored.iter().map(|i| i.param.as_str()).collect();
        assert_eq!(params, ["lang", "sel", "z", "c", "layers"]);
    }

    #[test]
    fn presentation_options_round_trip() {
        let st = UrlState {
            lang: Some(Lang::En),
            zoom: Some(12.0),
            mode: Some(Mode::Kiosk),
            dwell: Some(0.05),
            idle: Some(60.0),
            share: Some("https://map.example.org/binjiang/?from=qr&x=1".into()),
            ..UrlState::default()
        };
        let query = st.encode();
        assert!(query.contains("mode=kiosk&dwell=0.05&idle=60&share=https:%2F%2Fmap.example.org"), "{query}");
        assert_eq!(UrlState::decode(&query), (st, vec![]));
    }

    #[test]
    fn bad_presentation_options_are_ignored_with_a_notice() {
        let (st, ignored) = UrlState::decode("mode=slides&dwell=-1&idle=NaN&share=javascript:alert(1)");
        assert_eq!(st, UrlState::default());
        let params: Vec<&str> = ignored.iter().map(|i| i.param.as_str()).collect();
        assert_eq!(params, ["mode", "dwell", "idle", "share"]);
        let (st, ignored) = UrlState::decode("share=https://a.example/%22%3E%3Cscript%3E");
        assert_eq!((st.share, ignored.len()), (None, 1));
    }

    #[test]
    fn percent_escapes_decode_and_broken_ones_survive() {
        assert_eq!(percent_decode("zh%2DHant"), "zh-Hant");
        assert_eq!(percent_decode("a+b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E6%BB%A8"), "滨");
    }
}
