//! Official and other basemaps, off by default: which one a site owner turned
//! on, its tile servers and credits, and whether its tiles are arriving.
//!
//! By default the map requests nothing from another origin. A site owner may
//! name a basemap (in the link, `?basemap=…`; in `map.toml`, `basemap = "…"`;
//! or at build time, `BINJIANG_BASEMAP=…`, the first given wins):
//!
//! | value | tiles |
//! |---|---|
//! | `tianditu-vec` | 天地图 vector `vec_w` with its labels `cva_w` (Web Mercator, WGS-84; needs the site's key, `tk`) |
//! | `tianditu-img` | 天地图 imagery `img_w` with its labels `cia_w` (same) |
//! | `amap` | 高德/Amap streets (`webrd0{1-4}`), GCJ-02 (see [`crate::spatial::tiles`]) |
//! | `osm` | OpenStreetMap's standard tiles, for demonstrations outside China |
//! | `xyz:<template>` | any XYZ server (`{z}`, `{x}`, `{y}`, optional `{s}` for a, b, c), WGS-84 |
//! | `xyz-gcj02:<template>` | the same for a server whose tiles are GCJ-02 |
//! | `none` | no basemap (overrides a setting) |
//!
//! 天地图's key comes from `?tk=`, `basemap_key` in `map.toml` or
//! `BINJIANG_BASEMAP_KEY` at build time. A template is https (plain http only
//! for the machine itself: `localhost`, `127.0.0.1`, `[::1]`).

use std::sync::Arc;

use crate::spatial::tiles::{TileDatum, TileId};
use crate::state::text::T;

/// A basemap by name, as a setting gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BasemapName {
    TiandituVec,
    TiandituImg,
    Amap,
    Osm,
    Xyz {
        template: String,
        datum: TileDatum,
    },
    /// Explicitly none (a link overriding the settings file or the build).
    None,
}

/// One set of tiles drawn under the map (a basemap may stack two: 天地图's
/// picture and its labels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileSet {
    /// The address with `{z}`, `{x}`, `{y}` and `{s}` to fill.
    pub template: String,
    /// The values `{s}` takes, one per tile by its position.
    pub subdomains: Vec<String>,
    /// The deepest level the server has; deeper views enlarge its tiles.
    pub max_zoom: u8,
    pub datum: TileDatum,
}

/// A basemap ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basemap {
    /// The setting's name (`tianditu-vec`, `xyz`, …), for tests and logs.
    pub name: &'static str,
    /// Bottom first.
    pub layers: Vec<TileSet>,
    /// The credit shown beside the map's own.
    pub credit: T,
    /// For an XYZ server: its host, named in the credit.
    pub host: Option<String>,
}

/// The basemap set when the map was built (`BINJIANG_BASEMAP=osm trunk build`).
pub const BUILD_BASEMAP: Option<&str> = option_env!("BINJIANG_BASEMAP");
/// 天地图's key set when the map was built.
pub const BUILD_BASEMAP_KEY: Option<&str> = option_env!("BINJIANG_BASEMAP_KEY");

const TIANDITU: &str = "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}";
const AMAP: &str = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}";
const OSM: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// The longest template accepted, in bytes.
const MAX_TEMPLATE: usize = 512;

/// A template as written, checked: an https address (http only on the
/// machine itself) with `{z}`, `{x}` and `{y}`, no other `{…}` but `{s}`,
/// and no spaces, quotes or angle brackets.
pub fn parse_template(v: &str) -> Result<String, T> {
    let v = v.trim();
    let chars_ok = v.len() <= MAX_TEMPLATE
        && !v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'));
    if !chars_ok {
        return Err(T::UrlBasemapTemplate);
    }
    let local = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|p| v.strip_prefix(p).is_some_and(|rest| rest.starts_with([':', '/'])));
    let secure = v.strip_prefix("https://").is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if !(secure || local) {
        return Err(T::UrlBasemapInsecure);
    }
    let mut rest = v;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { return Err(T::UrlBasemapTemplate) };
        if !matches!(&rest[open..open + close + 1], "{z}" | "{x}" | "{y}" | "{s}") {
            return Err(T::UrlBasemapTemplate);
        }
        rest = &rest[open + close + 1..];
    }
    if !["{z}", "{x}", "{y}"].iter().all(|p| v.contains(p)) || v.matches('}').count() != v.matches('{').count() {
        return Err(T::UrlBasemapTemplate);
    }
    Ok(v.to_owned())
}

/// A basemap's name as a setting writes it; `Err` with the reason otherwise.
pub fn parse_name(v: &str) -> Result<BasemapName, T> {
    let v = v.trim();
    Ok(match v {
        "tianditu-vec" => BasemapName::TiandituVec,
        "tianditu-img" => BasemapName::TiandituImg,
        "amap" => BasemapName::Amap,
        "osm" => BasemapName::Osm,
        "none" | "" => BasemapName::None,
        _ => {
            if let Some(t) = v.strip_prefix("xyz:") {
                BasemapName::Xyz { template: parse_template(t)?, datum: TileDatum::Wgs84 }
            } else if let Some(t) = v.strip_prefix("xyz-gcj02:") {
                BasemapName::Xyz { template: parse_template(t)?, datum: TileDatum::Gcj02 }
            } else {
                return Err(T::UrlBasemap);
            }
        }
    })
}

/// 天地图's key as written: 1 to 64 letters and digits (its keys are 32 hex digits).
pub fn parse_key(v: &str) -> Result<String, T> {
    let v = v.trim();
    if v.is_empty() || v.len() > 64 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(T::UrlBasemapKey);
    }
    Ok(v.to_owned())
}

impl BasemapName {
    /// The name as a link writes it (`?basemap=` decodes it back).
    pub fn key(&self) -> String {
        match self {
            BasemapName::TiandituVec => "tianditu-vec".into(),
            BasemapName::TiandituImg => "tianditu-img".into(),
            BasemapName::Amap => "amap".into(),
            BasemapName::Osm => "osm".into(),
            BasemapName::Xyz { template, datum: TileDatum::Wgs84 } => format!("xyz:{template}"),
            BasemapName::Xyz { template, datum: TileDatum::Gcj02 } => format!("xyz-gcj02:{template}"),
            BasemapName::None => "none".into(),
        }
    }

    /// The basemap, or why it cannot be drawn (天地图 without a key).
    pub fn basemap(&self, key: Option<&str>) -> Result<Option<Basemap>, T> {
        let tianditu = |name: &'static str, layers: [&str; 2]| {
            let tk = key.ok_or(T::BasemapNoKey)?;
            let set = |layer: &str| TileSet {
                template: TIANDITU.replace("{layer}", layer).replace("{tk}", tk),
                subdomains: (0..8).map(|i| i.to_string()).collect(),
                max_zoom: 18,
                datum: TileDatum::Wgs84,
            };
            Ok(Some(Basemap { name, layers: layers.map(set).to_vec(), credit: T::BasemapCreditTianditu, host: None }))
        };
        let one = |name, template: &str, subdomains: Vec<String>, max_zoom, datum, credit, host| {
            let layers = vec![TileSet { template: template.to_owned(), subdomains, max_zoom, datum }];
            Ok(Some(Basemap { name, layers, credit, host }))
        };
        match self {
            BasemapName::TiandituVec => tianditu("tianditu-vec", ["vec", "cva"]),
            BasemapName::TiandituImg => tianditu("tianditu-img", ["img", "cia"]),
            BasemapName::Amap => {
                let subdomains = (1..=4).map(|i| i.to_string()).collect();
                one("amap", AMAP, subdomains, 18, TileDatum::Gcj02, T::BasemapCreditAmap, None)
            }
            BasemapName::Osm => one("osm", OSM, Vec::new(), 19, TileDatum::Wgs84, T::BasemapCreditOsm, None),
            BasemapName::Xyz { template, datum } => {
                let subdomains = ["a", "b", "c"].map(String::from).to_vec();
                let host = template.split_once("://").map(|(_, r)| r.split(['/', '?']).next().unwrap_or(r).to_owned());
                one("xyz", template, subdomains, 19, *datum, T::BasemapCreditXyz, host)
            }
            BasemapName::None => Ok(None),
        }
    }
}

impl TileSet {
    /// The address of one tile: `{z}`, `{x}`, `{y}` filled, `{s}` chosen by
    /// the tile's position (so a tile always comes from the same server and
    /// stays cached).
    pub fn url(&self, t: TileId) -> String {
        let mut u = self.template.replace("{z}", &t.z.to_string()).replace("{x}", &t.x.to_string());
        u = u.replace("{y}", &t.y.to_string());
        if !self.subdomains.is_empty() {
            let s = &self.subdomains[((t.x + t.y) as usize) % self.subdomains.len()];
            u = u.replace("{s}", s);
        }
        u
    }
}

/// What the basemap is doing now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BasemapStatus {
    /// None configured: no element, no request.
    Off,
    Shown(Arc<Basemap>),
    /// Configured but not drawn; the notice says why (no key, tiles refused
    /// or unreachable).
    Failed(T),
}

impl BasemapStatus {
    /// The basemap the link asks for, else the settings file's, else the
    /// build's; the key likewise (the link's, the file's, the build's).
    pub fn resolve(
        from_url: Option<&BasemapName>,
        url_key: Option<&str>,
        from_settings: Option<&BasemapName>,
        settings_key: Option<&str>,
    ) -> BasemapStatus {
        let build = BUILD_BASEMAP.and_then(|b| parse_name(b).ok());
        let build_key = BUILD_BASEMAP_KEY.and_then(|k| parse_key(k).ok());
        let Some(name) = from_url.or(from_settings).or(build.as_ref()) else { return BasemapStatus::Off };
        match name.basemap(url_key.or(settings_key).or(build_key.as_deref())) {
            Ok(Some(b)) => BasemapStatus::Shown(Arc::new(b)),
            Ok(None) => BasemapStatus::Off,
            Err(reason) => BasemapStatus::Failed(reason),
        }
    }

    pub fn shown(&self) -> Option<&Arc<Basemap>> {
        match self {
            BasemapStatus::Shown(b) => Some(b),
            _ => None,
        }
    }
}

/// Tiles loaded and failed since the basemap was turned on. A server that
/// refuses (403: a wrong key or an address not on the key's list) or cannot
/// be reached fails its first tiles; a lost tile here and there among many
/// loaded ones is not a failure of the basemap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TileHealth {
    pub loaded: u32,
    pub failed: u32,
}

impl TileHealth {
    /// Tiles failing while none arrive, or failing as often as they arrive
    /// (beyond a few), mean the basemap is not coming.
    pub fn is_failing(&self) -> bool {
        (self.failed > 0 && self.loaded == 0) || (self.failed >= 4 && self.failed >= self.loaded)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    const TILE: TileId = TileId { z: 16, x: 54_656, y: 26_734 };

    #[test]
    fn tianditu_needs_a_key_and_requests_both_layers_with_it() {
        assert_eq!(parse_name("tianditu-vec").unwrap().basemap(None), Err(T::BasemapNoKey));
        let b = parse_name("tianditu-vec").unwrap().basemap(Some("0123abcd")).unwrap().unwrap();
        assert_eq!(b.layers.len(), 2);
        assert_eq!(
            b.layers[0].url(TILE),
            "https://t6.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=16&TILEROW=26734&TILECOL=54656&tk=0123abcd"
        );
        assert!(b.layers[1].url(TILE).starts_with("https://t6.tianditu.gov.cn/cva_w/wmts?"));
        assert_eq!(b.layers[0].datum, TileDatum::Wgs84);
        let img = parse_name("tianditu-img").unwrap().basemap(Some("k")).unwrap().unwrap();
        assert!(img.layers[0].url(TILE).contains("/img_w/wmts?") && img.layers[0].url(TILE).contains("LAYER=img&"));
        assert!(img.layers[1].url(TILE).contains("/cia_w/wmts?") && img.layers[1].url(TILE).contains("LAYER=cia&"));
        // the eight servers t0–t7 share the tiles
        let hosts: std::collections::BTreeSet<String> =
            (0..8).map(|i| b.layers[0].url(TileId { x: TILE.x + i, ..TILE })[8..10].to_owned()).collect();
        assert_eq!(hosts.len(), 8);
    }

    #[test]
    fn amap_is_gcj02_on_its_four_servers_and_osm_is_plain() {
        let a = parse_name("amap").unwrap().basemap(None).unwrap().unwrap();
        assert_eq!(a.layers[0].datum, TileDatum::Gcj02);
        assert_eq!(
            a.layers[0].url(TILE),
            "https://webrd03.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x=54656&y=26734&z=16"
        );
        let o = parse_name("osm").unwrap().basemap(None).unwrap().unwrap();
        assert_eq!(o.layers[0].url(TILE), "https://tile.openstreetmap.org/16/54656/26734.png");
        assert_eq!((o.layers[0].datum, o.credit), (TileDatum::Wgs84, T::BasemapCreditOsm));
    }

    #[test]
    fn an_xyz_template_is_filled_and_names_its_host() {
        let n = parse_name("xyz:https://tiles.example.gov.cn/{z}/{x}/{y}.png").unwrap();
        let b = n.basemap(None).unwrap().unwrap();
        assert_eq!(b.layers[0].url(TILE), "https://tiles.example.gov.cn/16/54656/26734.png");
        assert_eq!(b.host.as_deref(), Some("tiles.example.gov.cn"));
        assert_eq!(parse_name(&n.key()), Ok(n));
        let g = parse_name("xyz-gcj02:http://127.0.0.1:8613/{s}/{z}/{x}/{y}.png").unwrap();
        let b = g.basemap(None).unwrap().unwrap();
        assert_eq!(b.layers[0].datum, TileDatum::Gcj02);
        assert_eq!(b.layers[0].url(TILE), "http://127.0.0.1:8613/a/16/54656/26734.png");
        assert_eq!(parse_name(&g.key()), Ok(g));
    }

    #[test]
    fn bad_values_are_refused_with_their_reason() {
        assert_eq!(parse_name("google"), Err(T::UrlBasemap));
        assert_eq!(parse_name("xyz:https://t.example/{z}/{x}.png"), Err(T::UrlBasemapTemplate));
        assert_eq!(parse_name("xyz:https://t.example/{z}/{x}/{y}/{tk}.png"), Err(T::UrlBasemapTemplate));
        assert_eq!(parse_name("xyz:https://t.example/{z}/{x}/{y}\".png"), Err(T::UrlBasemapTemplate));
        assert_eq!(parse_name("xyz:https://t.example/{z}/{x}/{y}<b>"), Err(T::UrlBasemapTemplate));
        assert_eq!(parse_name("xyz:http://tiles.example/{z}/{x}/{y}.png"), Err(T::UrlBasemapInsecure));
        assert_eq!(parse_name("xyz:http://localhost.evil.example/{z}/{x}/{y}.png"), Err(T::UrlBasemapInsecure));
        assert_eq!(parse_name("xyz:javascript:{z}{x}{y}"), Err(T::UrlBasemapInsecure));
        assert!(parse_name("xyz:http://localhost:8080/{z}/{x}/{y}.png").is_ok());
        assert_eq!(parse_key("abc def"), Err(T::UrlBasemapKey));
        assert_eq!(parse_key(""), Err(T::UrlBasemapKey));
        assert_eq!(parse_key(" 0123456789abcdef0123456789abcdef "), Ok("0123456789abcdef0123456789abcdef".into()));
    }

    #[test]
    fn the_link_wins_over_the_settings_file_and_none_turns_it_off() {
        let osm = BasemapName::Osm;
        let tdt = BasemapName::TiandituVec;
        assert_eq!(BasemapStatus::resolve(None, None, None, None), BasemapStatus::Off);
        let s = BasemapStatus::resolve(Some(&osm), None, Some(&tdt), Some("k"));
        assert_eq!(s.shown().unwrap().name, "osm");
        // the file's key serves the link's 天地图
        let s = BasemapStatus::resolve(Some(&tdt), None, None, Some("k"));
        assert_eq!(s.shown().unwrap().name, "tianditu-vec");
        assert_eq!(BasemapStatus::resolve(Some(&tdt), None, None, None), BasemapStatus::Failed(T::BasemapNoKey));
        assert_eq!(BasemapStatus::resolve(Some(&BasemapName::None), None, Some(&osm), None), BasemapStatus::Off);
    }

    #[test]
    fn a_refusing_server_fails_the_basemap_but_a_lost_tile_does_not() {
        assert!(!TileHealth::default().is_failing());
        assert!(TileHealth { loaded: 0, failed: 1 }.is_failing());
        assert!(!TileHealth { loaded: 40, failed: 1 }.is_failing());
        assert!(TileHealth { loaded: 3, failed: 4 }.is_failing());
    }
}
