//! The view's state in the page URL's query string, so a link reopens the same
//! view: `?lang=en&sel=zone:binjiang&layers=binjiang,binxiao&c=120.2,30.2&z=12.5&care=1`.
//!
//! Decoding never fails: a parameter that cannot be read is ignored, and a
//! notice names it, so a mistyped link still opens the map.

use std::ops::RangeInclusive;

use crate::atlas::Lang;
use crate::state::text::T;
use crate::state::tour::KioskTiming;
use crate::state::{LayerSet, Layers, Selection};

/// Everything the URL can say. `None` means "not given: use the default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub selection: Option<Selection>,
    pub layers: Option<LayerSet>,
    /// Centre (lon, lat) and zoom.
    pub center: Option<(f64, f64)>,
    pub zoom: Option<f64>,
    /// `embed=1`: running inside another page (cooperative gestures, host API).
    pub embed: bool,
    /// `interactive=0`: visitors may click for details but not pan or zoom.
    pub fixed: bool,
    /// `origins=`: host origins whose commands the map accepts (`*` for any).
    pub origins: Vec<String>,
    /// `h=`: the height in CSS px the map asks its host for when embedded.
    pub height: Option<u32>,
    /// `title=1`: an embedded map shows its own title bar (the host page
    /// usually gives the title).
    pub title: bool,
    /// `tools=1`: an embedded map offers the presenter's actions (guided
    /// tour, QR code, export, share).
    pub tools: bool,
    /// 适老化 (large and clear) mode: `care=1` on, `care=0` off.
    pub care: Option<bool>,
    /// `mode=tour` opens the guided tour; `mode=kiosk` plays it unattended.
    pub mode: Option<Mode>,
    /// Kiosk: seconds each stop stays (`dwell=12`) and seconds without a
    /// touch before the tour takes over again (`idle=60`).
    pub dwell: Option<f64>,
    pub idle: Option<f64>,
    /// The page's public address for the QR code (`share=https://…/`), when
    /// the screen runs from a local copy.
    pub share: Option<String>,
    /// `review=…`: the map-review number (审图号) to show (see `state::review`).
    pub review: Option<String>,
    /// `view=all`: open on Binjiang and the cooperation zones together
    /// (a centre or zoom in the link wins).
    pub overview: bool,
    /// `check=1`: the content check report, for a keeper after an upload:
    /// every problem in every content file, with its place.
    pub check: bool,
    /// `basemap=…`: tiles under the map (see `state::basemap`); off unless given.
    pub basemap: Option<super::basemap::BasemapName>,
    /// `tk=…`: the site's 天地图 key.
    pub tk: Option<String>,
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

/// Seconds within `range` (the kiosk's accepted timings, [`KioskTiming`]).
fn parse_seconds(v: &str, range: RangeInclusive<f64>) -> Option<f64> {
    let s: f64 = v.parse().ok()?;
    range.contains(&s).then_some(s)
}

/// An absolute http(s) address without spaces, quotes or angle brackets.
fn parse_share(v: &str) -> Option<String> {
    let v = v.trim();
    let scheme_ok = v.starts_with("https://") || v.starts_with("http://");
    let chars_ok = v.len() <= 512
        && !v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (scheme_ok && chars_ok && v.len() > "https://".len()).then(|| v.to_string())
}

/// A parameter that was present but ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
    /// What the parameter should have been, in words.
    pub reason: T,
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
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
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
    let ok_id =
        !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
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

fn parse_layers(v: &str, layers: &Layers) -> Option<LayerSet> {
    if v.is_empty() || v == "none" {
        return Some(LayerSet::none(layers));
    }
    LayerSet::from_keys(layers, v.split(',')).ok()
}

fn parse_center(v: &str) -> Option<(f64, f64)> {
    let (a, b) = v.split_once(',')?;
    let lon: f64 = a.parse().ok()?;
    let lat: f64 = b.parse().ok()?;
    (lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 85.0).then_some((lon, lat))
}

/// `*`, or origins (`scheme://host[:port]`, no path), comma-separated.
fn parse_origins(v: &str) -> Option<Vec<String>> {
    if v.trim() == "*" {
        return Some(vec!["*".to_string()]);
    }
    let list: Vec<String> = v.split(',').map(|o| o.trim().trim_end_matches('/').to_string()).collect();
    let valid = |o: &str| {
        let Some((scheme, rest)) = o.split_once("://") else { return false };
        matches!(scheme, "http" | "https")
            && !rest.is_empty()
            && rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
    };
    (!list.is_empty() && list.iter().all(|o| valid(o))).then_some(list)
}

/// `1`/`true`/`on` or `0`/`false`/`off`.
pub fn parse_flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

fn parse_zoom(v: &str) -> Option<f64> {
    let z: f64 = v.parse().ok()?;
    (z.is_finite() && (0.0..=22.0).contains(&z)).then_some(z)
}

/// What the map shows: the application state a link carries, read from
/// the page's signals. The address bar and the QR code's link are both
/// derived from it ([`UrlState::of_map`], [`UrlState::of_page`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MapState {
    pub lang: Lang,
    pub selection: Option<Selection>,
    pub layers: LayerSet,
    /// Centre (lon, lat) and zoom of the view.
    pub center: (f64, f64),
    pub zoom: f64,
    /// 适老化 mode is on.
    pub care: bool,
}

impl UrlState {
    /// The link to what `m` shows: language, selection, centre, zoom, and the
    /// layers when some are off. The QR code opens this: 适老化 mode stays
    /// with the screen that chose it, the presentation with the presenter.
    pub fn of_map(m: &MapState) -> UrlState {
        UrlState {
            lang: Some(m.lang),
            selection: m.selection.clone(),
            layers: Some(m.layers.clone()).filter(|l| !l.is_all()),
            center: Some(m.center),
            zoom: Some(m.zoom),
            ..UrlState::default()
        }
    }

    /// The address bar's state: the link to what `m` shows, with 适老化 mode,
    /// the `presentation` (tour or kiosk mode, its timings, the share
    /// address) and whatever else the page was `opened_with` (embedding,
    /// host origins, height, …), so a reload keeps them.
    pub fn of_page(m: &MapState, opened_with: &UrlState, presentation: &UrlState) -> UrlState {
        UrlState {
            care: m.care.then_some(true),
            mode: presentation.mode,
            dwell: presentation.dwell,
            idle: presentation.idle,
            share: presentation.share.clone(),
            ..opened_with.clone().with_map(m)
        }
    }

    fn with_map(self, m: &MapState) -> UrlState {
        let view = UrlState::of_map(m);
        UrlState {
            lang: view.lang,
            selection: view.selection,
            layers: view.layers,
            center: view.center,
            zoom: view.zoom,
            ..self
        }
    }

    /// Reads a query string (with or without the leading `?`). Unknown
    /// parameters are left for others (an embedding page may add its own);
    /// known ones with unreadable values are reported. `layers=` names
    /// layers of `layers`.
    pub fn decode(query: &str, layers: &Layers) -> (UrlState, Vec<Ignored>) {
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
                    None => bad(T::UrlLang),
                },
                "sel" => match parse_selection(&value) {
                    Some(s) => st.selection = Some(s),
                    None => bad(T::UrlSelection),
                },
                "layers" => match parse_layers(&value, layers) {
                    Some(l) => st.layers = Some(l),
                    None => bad(T::UrlLayers),
                },
                "c" => match parse_center(&value) {
                    Some(c) => st.center = Some(c),
                    None => bad(T::UrlCenter),
                },
                "z" => match parse_zoom(&value) {
                    Some(z) => st.zoom = Some(z),
                    None => bad(T::UrlZoom),
                },
                "embed" => match value.as_str() {
                    "1" | "true" => st.embed = true,
                    "0" | "false" => st.embed = false,
                    _ => bad(T::UrlFlag),
                },
                "interactive" => match value.as_str() {
                    "1" | "true" => st.fixed = false,
                    "0" | "false" => st.fixed = true,
                    _ => bad(T::UrlFlag),
                },
                "origins" => match parse_origins(&value) {
                    Some(o) => st.origins = o,
                    None => bad(T::UrlOrigins),
                },
                "title" => match parse_flag(&value) {
                    Some(f) => st.title = f,
                    None => bad(T::UrlFlag),
                },
                "tools" => match parse_flag(&value) {
                    Some(f) => st.tools = f,
                    None => bad(T::UrlFlag),
                },
                "h" => match value.parse::<u32>() {
                    Ok(h) if (150..=4000).contains(&h) => st.height = Some(h),
                    _ => bad(T::UrlHeight),
                },
                "care" => match parse_flag(&value) {
                    Some(f) => st.care = Some(f),
                    None => bad(T::UrlFlag),
                },
                "mode" => match Mode::from_key(&value) {
                    Some(m) => st.mode = Some(m),
                    None => bad(T::UrlMode),
                },
                "dwell" => match parse_seconds(&value, KioskTiming::DWELL_RANGE_S) {
                    Some(s) => st.dwell = Some(s),
                    None => bad(T::UrlDwell),
                },
                "idle" => match parse_seconds(&value, KioskTiming::IDLE_RANGE_S) {
                    Some(s) => st.idle = Some(s),
                    None => bad(T::UrlIdle),
                },
                "review" => match super::review::parse_review_number(&value) {
                    Ok(n) => st.review = Some(n),
                    Err(reason) => bad(reason),
                },
                "view" => match value.as_str() {
                    "all" => st.overview = true,
                    _ => bad(T::UrlView),
                },
                "check" => match parse_flag(&value) {
                    Some(f) => st.check = f,
                    None => bad(T::UrlFlag),
                },
                "basemap" => match super::basemap::parse_name(&value) {
                    Ok(b) => st.basemap = Some(b),
                    Err(reason) => bad(reason),
                },
                "tk" => match super::basemap::parse_key(&value) {
                    Ok(k) => st.tk = Some(k),
                    Err(reason) => bad(reason),
                },
                "share" => match parse_share(&value) {
                    Some(s) => st.share = Some(s),
                    None => bad(T::UrlShare),
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
        if let Some(l) = &self.layers {
            let keys: Vec<&str> = l.keys().collect();
            parts.push(format!("layers={}", if keys.is_empty() { "none".to_string() } else { keys.join(",") }));
        }
        if let Some((lon, lat)) = self.center {
            parts.push(format!("c={lon:.5},{lat:.5}"));
        }
        if let Some(z) = self.zoom {
            parts.push(format!("z={z:.2}"));
        }
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if self.fixed {
            parts.push("interactive=0".to_string());
        }
        if !self.origins.is_empty() {
            parts.push(format!("origins={}", percent_encode(&self.origins.join(","))));
        }
        if let Some(h) = self.height {
            parts.push(format!("h={h}"));
        }
        if self.title {
            parts.push("title=1".to_string());
        }
        if self.tools {
            parts.push("tools=1".to_string());
        }
        if self.overview {
            parts.push("view=all".to_string());
        }
        if self.check {
            parts.push("check=1".to_string());
        }
        if let Some(r) = &self.review {
            parts.push(format!("review={}", percent_encode(r)));
        }
        if let Some(b) = &self.basemap {
            parts.push(format!("basemap={}", percent_encode(&b.key())));
        }
        if let Some(k) = &self.tk {
            parts.push(format!("tk={}", percent_encode(k)));
        }
        if let Some(f) = self.care {
            parts.push(format!("care={}", u8::from(f)));
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
mod test;
