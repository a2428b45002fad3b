//! Zones and sites from the GeoJSON layers under `geodata/`.
//!
//! Four files make up the map (RFC 7946 FeatureCollections, WGS-84; see
//! `geodata/README.md` for their sources and schema):
//!
//! | file | features |
//! |---|---|
//! | [`DISTRICTS_FILE`] | the 13 districts of Hangzhou, `kind: "district"` (context) |
//! | [`FOCUS_FILE`] | 杭州高新区（滨江）, `kind: "focus"` |
//! | [`ZONES_FILE`] | the cooperation zones, `kind: "cooperation-zone"`, schematic |
//! | [`SITES_FILE`] | platform sites, `kind: "site"`, Points or `null` when unplaced |
//! | [`WATER_FILE`] | the river and lakes the shoreline data resolves, `kind: "water"` |
//!
//! Loading is partial: a feature that cannot be read is skipped and reported as
//! a [`DataError`] naming its file and id ("expected X, got Y"); a file that is
//! not a FeatureCollection is reported and the other files still load. Loading
//! never panics. What loads is then checked by [`Atlas::validate`] (see
//! [`super::validate`]), which is the same code the data tests run on the
//! committed files.

use geo::{Coord, GeodesicArea, LineString, MultiPolygon, Polygon};
use serde_json::{Map, Value};

use super::{packed, DataError, ErrorKind, Lang, Names};
use crate::spatial::LonLat;

pub const DISTRICTS_FILE: &str = "geodata/districts.geojson";
pub const FOCUS_FILE: &str = "geodata/binjiang.geojson";
pub const ZONES_FILE: &str = "geodata/zones.geojson";
pub const SITES_FILE: &str = "geodata/sites.geojson";
pub const WATER_FILE: &str = "geodata/water.geojson";

/// What a zone is on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneKind {
    /// A district of Hangzhou, drawn as context.
    District,
    /// The area the map is about: 杭州高新区（滨江）.
    Focus,
    /// A cooperation zone run with another district; always schematic.
    Cooperation,
}

impl ZoneKind {
    pub const ALL: [ZoneKind; 3] = [ZoneKind::District, ZoneKind::Focus, ZoneKind::Cooperation];

    /// The value of the `kind` property.
    pub fn key(self) -> &'static str {
        match self {
            ZoneKind::District => "district",
            ZoneKind::Focus => "focus",
            ZoneKind::Cooperation => "cooperation-zone",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// How well a shape or position is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// An administrative outline from a mapping source, not an estimate.
    Surveyed,
    /// Checked against two independent sources.
    High,
    /// One good source.
    Medium,
    /// An estimate from a description.
    Low,
    /// No position known: listed, never drawn.
    Unplaced,
}

impl Confidence {
    pub const ALL: [Confidence; 5] =
        [Confidence::Surveyed, Confidence::High, Confidence::Medium, Confidence::Low, Confidence::Unplaced];

    /// The value of the `confidence` property.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Surveyed => "surveyed",
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Unplaced => "unplaced",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// An area on the map: a district, the focus zone or a cooperation zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    pub id: String,
    pub kind: ZoneKind,
    /// The full official name, for details, lists and search.
    pub names: Names,
    /// A short name for the map itself (`label_*`), where the full name would
    /// not fit on a phone; `None` when the full name is short enough.
    pub label: Option<Names>,
    /// Other names people type to find it (`search_aliases`, any language).
    pub aliases: Vec<String>,
    /// WGS-84, exterior rings counter-clockwise.
    pub geometry: MultiPolygon<f64>,
    /// A stand-in for an area without a public boundary: draw hatched or dashed,
    /// labelled as a schematic extent, never as a solid outline.
    pub schematic: bool,
    /// The administrative code, for districts and the focus zone.
    pub adcode: Option<String>,
    /// The adcode of the district a cooperation zone lies in.
    pub district: Option<String>,
    /// The area the sources give.
    pub stated_area_km2: Option<f64>,
    /// The area the drawn shape was built to have (schematic zones); may be
    /// smaller than the stated area when only part of a zone has a known place.
    pub drawn_area_km2: Option<f64>,
    /// Which part is drawn, when a schematic shape stands for less than the whole zone.
    pub drawn_part: Option<Names>,
    /// What the outline stands for and where it comes from (`extent_basis`).
    pub basis: Option<String>,
    pub confidence: Confidence,
    /// The file the zone was read from, for error messages.
    pub file: String,
    /// [`Zone::area_km2`] once computed.
    pub area: AreaCache,
}

impl Zone {
    /// The name drawn on the map: the short label, else the full name.
    pub fn map_label(&self, lang: Lang) -> &str {
        map_label(&self.names, self.label.as_ref(), lang)
    }

    /// Geodesic area of `geometry` (WGS-84 ellipsoid), in km². Computed the
    /// first time it is asked for (the details of a selected zone, the data
    /// checks), not on load, then kept: a zone's geometry does not change
    /// once loaded.
    pub fn area_km2(&self) -> f64 {
        *self.area.0.get_or_init(|| geodesic_area_km2(&self.geometry))
    }
}

/// A zone's area once computed. It is derived from the geometry, so two
/// zones compare equal whether or not theirs has been computed yet.
#[derive(Clone, Debug, Default)]
pub struct AreaCache(std::sync::OnceLock<f64>);

impl PartialEq for AreaCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A point of interest: a lab, park, venue or project.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub id: String,
    /// The full official name, for details, lists and search.
    pub names: Names,
    /// A short name for the map itself (`label_*`); `None` when the full name is short.
    pub label: Option<Names>,
    /// What the place is, in words, where the legend group says too little
    /// (`kind_*`: a historic quarter among venues, a trading platform among
    /// projects); `None` to say the category.
    pub kind: Option<Names>,
    /// Other names people type to find it (`search_aliases`, any language).
    pub aliases: Vec<String>,
    /// What kind of place it is (`category`); the layer of that category in
    /// `layers.toml` draws it, names the kind and switches it.
    pub category: String,
    /// `None` for a site whose location is unknown: it belongs in lists, not on the map.
    pub position: Option<LonLat>,
    pub confidence: Confidence,
    /// The adcode of the district the site is said to be in.
    pub district: String,
    /// How the position was obtained (`position_basis`).
    pub basis: String,
    /// The file the site was read from, for error messages.
    pub file: String,
}

impl Site {
    /// The name drawn on the map: the short label, else the full name.
    pub fn map_label(&self, lang: Lang) -> &str {
        map_label(&self.names, self.label.as_ref(), lang)
    }
}

fn map_label<'a>(names: &'a Names, label: Option<&'a Names>, lang: Lang) -> &'a str {
    label.map(|l| l.get(lang)).filter(|l| !l.trim().is_empty()).unwrap_or_else(|| names.get(lang))
}

/// A river or lake, drawn as water above the district fills and below their
/// outlines. Not selectable: it is context, named on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Water {
    pub id: String,
    pub names: Names,
    /// WGS-84, exterior rings counter-clockwise; empty for a river known by
    /// its centreline only.
    pub geometry: MultiPolygon<f64>,
    /// A river known by its centreline only (a `LineString` or
    /// `MultiLineString` geometry), drawn as a line; empty for an area.
    pub centreline: geo::MultiLineString<f64>,
    /// Where its name is written, on the water.
    pub label_at: LonLat,
    /// The name's rotation on screen, clockwise degrees (along the river).
    pub label_angle_deg: f64,
    /// Where the shape comes from and under which licence (`source`).
    pub source: String,
}

/// Everything drawn on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Atlas {
    pub districts: Vec<Zone>,
    /// 杭州高新区（滨江）.
    pub focus: Vec<Zone>,
    pub cooperation: Vec<Zone>,
    pub sites: Vec<Site>,
    pub water: Vec<Water>,
}

impl Atlas {
    /// Reads layers from `(path, contents)` pairs. Features go to the layer their
    /// `kind` names, whatever file they come from. Unreadable features and files
    /// are skipped and reported; the rest loads.
    pub fn from_files(files: &[(&str, &str)]) -> (Atlas, Vec<DataError>) {
        Self::from_packed(files, &[])
    }

    /// As [`Atlas::from_files`], for files whose outlines the build packed
    /// into `coordinates` (see `build.rs`): a geometry
    /// `{"type":"MultiPolygon","packed":{"at":…,"rings":[[…]]}}` reads its
    /// positions from there. Other geometries read as in any GeoJSON file.
    pub fn from_packed(files: &[(&str, &str)], coordinates: &[u8]) -> (Atlas, Vec<DataError>) {
        let mut atlas = Atlas::default();
        let mut errors = Vec::new();
        for (file, text) in files {
            read_file(&mut atlas, &mut errors, file, text, coordinates);
        }
        (atlas, errors)
    }

    /// The layers committed under `geodata/` (native builds only: the app
    /// fetches the deployed copies).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> (Atlas, Vec<DataError>) {
        Self::from_files(&BUNDLED)
    }

    /// All zones: districts, then the focus zone, then cooperation zones.
    pub fn zones(&self) -> impl Iterator<Item = &Zone> {
        self.districts.iter().chain(&self.focus).chain(&self.cooperation)
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones().find(|z| z.id == id)
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// The district with this adcode.
    pub fn district(&self, adcode: &str) -> Option<&Zone> {
        self.districts.iter().find(|z| z.adcode.as_deref() == Some(adcode))
    }
}

/// The committed layers, as `(path, contents)`: the files as written (native
/// builds only, for tests and tools: the app fetches the deployed copies).
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED: [(&str, &str); 5] = [
    (DISTRICTS_FILE, include_str!("../../geodata/districts.geojson")),
    (FOCUS_FILE, include_str!("../../geodata/binjiang.geojson")),
    (ZONES_FILE, include_str!("../../geodata/zones.geojson")),
    (SITES_FILE, include_str!("../../geodata/sites.geojson")),
    (WATER_FILE, include_str!("../../geodata/water.geojson")),
];

/// Square metres per square kilometre.
const M2_PER_KM2: f64 = 1e6;

/// Geodesic area (WGS-84 ellipsoid) of a multipolygon, in km².
pub fn geodesic_area_km2(geometry: &MultiPolygon<f64>) -> f64 {
    geometry.geodesic_area_unsigned() / M2_PER_KM2
}

fn read_file(atlas: &mut Atlas, errors: &mut Vec<DataError>, file: &str, text: &str, packed: &[u8]) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(DataError::new(
                ErrorKind::Syntax,
                file,
                None,
                format!("expected GeoJSON, got invalid JSON ({e})"),
            ));
            return;
        }
    };
    let kind = root.get("type").and_then(Value::as_str);
    if kind != Some("FeatureCollection") {
        let got = root.get("type").map_or_else(|| describe(&root), describe);
        errors.push(DataError::new(ErrorKind::Shape, file, None, format!("expected a FeatureCollection, got {got}")));
        return;
    }
    let Some(features) = root.get("features").and_then(Value::as_array) else {
        let got = root.get("features").map_or_else(|| "none".to_owned(), describe);
        errors.push(DataError::new(ErrorKind::Shape, file, None, format!("expected an array of features, got {got}")));
        return;
    };
    for (index, feature) in features.iter().enumerate() {
        match read_feature(file, feature, packed) {
            Ok(Layer::Zone(zone)) => match zone.kind {
                ZoneKind::District => atlas.districts.push(zone),
                ZoneKind::Focus => atlas.focus.push(zone),
                ZoneKind::Cooperation => atlas.cooperation.push(zone),
            },
            Ok(Layer::Site(site)) => atlas.sites.push(site),
            Ok(Layer::Water(water)) => atlas.water.push(water),
            Err((id, message)) => {
                let message = match id {
                    Some(_) => message,
                    None => format!("feature #{index}: {message}"),
                };
                errors.push(DataError::new(ErrorKind::Shape, file, id.as_deref(), message));
            }
        }
    }
}

enum Layer {
    Zone(Zone),
    Site(Site),
    Water(Water),
}

/// A failed feature: its id when it has one, and what is wrong.
type FeatureError = (Option<String>, String);

fn read_feature(file: &str, feature: &Value, packed: &[u8]) -> Result<Layer, FeatureError> {
    let Some(obj) = feature.as_object() else {
        return Err((None, format!("expected a Feature object, got {}", describe(feature))));
    };
    let id = feature_id(obj).map_err(|m| (None, m))?;
    let fail = |message: String| (Some(id.clone()), message);
    match obj.get("type").and_then(Value::as_str) {
        Some("Feature") => {}
        _ => {
            let got = obj.get("type").map_or_else(|| "no type".to_owned(), describe);
            return Err(fail(format!("expected a Feature, got {got}")));
        }
    }
    let props = match obj.get("properties") {
        Some(Value::Object(p)) => p,
        other => {
            let got = other.map_or_else(|| "none".to_owned(), describe);
            return Err(fail(format!("expected a properties object, got {got}")));
        }
    };
    let kind = required_str(props, "kind").map_err(fail)?;
    let geometry = obj.get("geometry").unwrap_or(&Value::Null);
    if kind == "site" {
        read_site(file, &id, props, geometry).map(Layer::Site).map_err(fail)
    } else if kind == "water" {
        read_water(&id, props, geometry, packed).map(Layer::Water).map_err(fail)
    } else if let Some(kind) = ZoneKind::from_key(kind) {
        read_zone(file, &id, kind, props, geometry, packed).map(Layer::Zone).map_err(fail)
    } else {
        Err(fail(format!(
            "expected kind \"district\", \"focus\", \"cooperation-zone\", \"site\" or \"water\", got \"{kind}\""
        )))
    }
}

/// The feature's id: the top-level `id`, else `properties.id`; the two must agree.
fn feature_id(obj: &Map<String, Value>) -> Result<String, String> {
    let top = obj.get("id");
    let prop = obj.get("properties").and_then(|p| p.get("id"));
    let id = match (top, prop) {
        (Some(Value::String(t)), Some(Value::String(p))) if t != p => {
            return Err(format!("expected properties.id to equal the feature id \"{t}\", got \"{p}\""));
        }
        (Some(Value::String(t)), _) => t,
        (None, Some(Value::String(p))) => p,
        (Some(v), _) | (None, Some(v)) => return Err(format!("expected a string id, got {}", describe(v))),
        (None, None) => return Err("expected an id, got none".to_owned()),
    };
    if id.trim().is_empty() {
        return Err("expected a non-empty id, got an empty string".to_owned());
    }
    Ok(id.clone())
}

fn read_names(props: &Map<String, Value>) -> Result<Names, String> {
    // A missing name loads as empty, so the feature still shows up; validation
    // reports it. A name of the wrong type is an error here.
    Ok(Names {
        zh_hans: optional_str(props, "name_zh_hans")?.unwrap_or_default().to_owned(),
        zh_hant: optional_str(props, "name_zh_hant")?.unwrap_or_default().to_owned(),
        en: optional_str(props, "name_en")?.unwrap_or_default().to_owned(),
    })
}

/// `<prefix>_zh_hans`, `<prefix>_zh_hant`, `<prefix>_en` (such as `drawn_part_*`,
/// `label_*`), when any is given; a missing one is empty, for validation to report.
fn triple(props: &Map<String, Value>, prefix: &str) -> Result<Option<Names>, String> {
    let [zh_hans, zh_hant, en] = ["zh_hans", "zh_hant", "en"]
        .map(|lang| optional_str(props, &format!("{prefix}_{lang}")).map(|v| v.map(str::to_owned)));
    let (zh_hans, zh_hant, en) = (zh_hans?, zh_hant?, en?);
    if zh_hans.is_none() && zh_hant.is_none() && en.is_none() {
        return Ok(None);
    }
    Ok(Some(Names {
        zh_hans: zh_hans.unwrap_or_default(),
        zh_hant: zh_hant.unwrap_or_default(),
        en: en.unwrap_or_default(),
    }))
}

fn read_site(file: &str, id: &str, props: &Map<String, Value>, geometry: &Value) -> Result<Site, String> {
    let category = required_str(props, "category")?;
    if category.trim().is_empty() {
        return Err("expected a category, got an empty string".into());
    }
    let category = category.to_owned();
    let position = match geometry {
        Value::Null => None,
        Value::Object(g) => {
            let kind = g.get("type").and_then(Value::as_str).unwrap_or("no type");
            if kind != "Point" {
                return Err(format!("expected a Point geometry, got {kind}"));
            }
            let coords = g.get("coordinates").unwrap_or(&Value::Null);
            let c = position(coords).map_err(|m| format!("Point: {m}"))?;
            Some(LonLat::new(c.x, c.y))
        }
        other => return Err(format!("expected a Point geometry or null, got {}", describe(other))),
    };
    Ok(Site {
        id: id.to_owned(),
        names: read_names(props)?,
        label: triple(props, "label")?,
        kind: triple(props, "kind")?,
        aliases: string_list(props, "search_aliases")?,
        category,
        position,
        confidence: confidence(props, None)?,
        district: required_str(props, "district")?.to_owned(),
        basis: required_str(props, "position_basis")?.to_owned(),
        file: file.to_owned(),
    })
}

fn read_zone(
    file: &str,
    id: &str,
    kind: ZoneKind,
    props: &Map<String, Value>,
    geometry: &Value,
    packed: &[u8],
) -> Result<Zone, String> {
    let geometry = multipolygon(geometry, packed)?;
    // Outlines from a mapping source need not repeat that they are not estimates.
    let (default_schematic, default_confidence) = match kind {
        ZoneKind::District | ZoneKind::Focus => (Some(false), Some(Confidence::Surveyed)),
        ZoneKind::Cooperation => (None, None),
    };
    let schematic = match (props.get("schematic"), default_schematic) {
        (Some(Value::Bool(b)), _) => *b,
        (None, Some(d)) => d,
        (Some(v), _) => return Err(format!("expected schematic true or false, got {}", describe(v))),
        (None, None) => return Err("expected schematic true or false, got none".to_owned()),
    };
    Ok(Zone {
        id: id.to_owned(),
        kind,
        names: read_names(props)?,
        label: triple(props, "label")?,
        aliases: string_list(props, "search_aliases")?,
        geometry,
        schematic,
        adcode: optional_str(props, "adcode")?.map(str::to_owned),
        district: optional_str(props, "district")?.map(str::to_owned),
        stated_area_km2: optional_number(props, "stated_area_km2")?,
        drawn_area_km2: optional_number(props, "drawn_area_km2")?,
        drawn_part: triple(props, "drawn_part")?,
        basis: optional_str(props, "extent_basis")?.map(str::to_owned),
        confidence: confidence(props, default_confidence)?,
        file: file.to_owned(),
        area: AreaCache::default(),
    })
}

fn read_water(id: &str, props: &Map<String, Value>, geometry: &Value, packed: &[u8]) -> Result<Water, String> {
    let at = props.get("label_at").ok_or("expected label_at [longitude, latitude], got none")?;
    let at = position(at).map_err(|m| format!("label_at: {m}"))?;
    let kind = geometry.get("type").and_then(Value::as_str);
    let (area, centreline) = match kind {
        Some("MultiLineString") if geometry.get("packed").is_some() => {
            let lines =
                unpack_lines(&geometry["packed"], packed).map_err(|m| format!("packed MultiLineString: {m}"))?;
            (MultiPolygon(vec![]), lines)
        }
        Some("LineString" | "MultiLineString") => {
            let coords = geometry.get("coordinates").unwrap_or(&Value::Null);
            let parts: Vec<&Value> =
                if kind == Some("LineString") { vec![coords] } else { array(coords)?.iter().collect() };
            let lines = parts
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let points = array(l)?.iter().map(position).collect::<Result<Vec<_>, _>>();
                    match points {
                        Ok(p) if p.len() >= 2 => Ok(LineString(p)),
                        Ok(p) => Err(format!("line {i}: expected at least 2 positions, got {}", p.len())),
                        Err(m) => Err(format!("line {i}: {m}")),
                    }
                })
                .collect::<Result<Vec<_>, String>>()?;
            (MultiPolygon(vec![]), geo::MultiLineString(lines))
        }
        _ => (multipolygon(geometry, packed)?, geo::MultiLineString(vec![])),
    };
    Ok(Water {
        id: id.to_owned(),
        names: read_names(props)?,
        geometry: area,
        centreline,
        label_at: LonLat::new(at.x, at.y),
        label_angle_deg: optional_number(props, "label_angle_deg")?.unwrap_or(0.0),
        source: required_str(props, "source")?.to_owned(),
    })
}

fn confidence(props: &Map<String, Value>, default: Option<Confidence>) -> Result<Confidence, String> {
    let key = match (optional_str(props, "confidence")?, default) {
        (Some(k), _) => k,
        (None, Some(d)) => return Ok(d),
        (None, None) => return Err("expected a confidence, got none".to_owned()),
    };
    Confidence::from_key(key).ok_or_else(|| {
        let keys: Vec<_> = Confidence::ALL.iter().map(|c| c.key()).collect();
        format!("expected confidence one of {}, got \"{key}\"", keys.join(", "))
    })
}

/// A Polygon or MultiPolygon geometry, rings checked for length and closure
/// (which `geo` would otherwise repair silently).
fn multipolygon(geometry: &Value, packed: &[u8]) -> Result<MultiPolygon<f64>, String> {
    let Value::Object(g) = geometry else {
        return Err(format!("expected a Polygon or MultiPolygon geometry, got {}", describe(geometry)));
    };
    let kind = g.get("type").and_then(Value::as_str).unwrap_or("no type");
    if let Some(reference) = g.get("packed") {
        return unpack(reference, packed).map_err(|m| format!("packed {kind}: {m}"));
    }
    let coords = g.get("coordinates").unwrap_or(&Value::Null);
    match kind {
        "Polygon" => Ok(MultiPolygon(vec![polygon(coords).map_err(|m| format!("Polygon: {m}"))?])),
        "MultiPolygon" => {
            let parts = array(coords)?;
            if parts.is_empty() {
                return Err("MultiPolygon: expected at least one polygon, got none".to_owned());
            }
            let polygons = parts
                .iter()
                .enumerate()
                .map(|(i, p)| polygon(p).map_err(|m| format!("MultiPolygon, polygon {i}: {m}")))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(MultiPolygon(polygons))
        }
        other => Err(format!("expected a Polygon or MultiPolygon geometry, got {other}")),
    }
}

fn polygon(coords: &Value) -> Result<Polygon<f64>, String> {
    let rings = array(coords)?;
    let mut rings = rings.iter().enumerate().map(|(i, r)| ring(r).map_err(|m| format!("ring {i}: {m}")));
    let exterior = rings.next().ok_or("expected an exterior ring, got none")??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

fn ring(coords: &Value) -> Result<LineString<f64>, String> {
    let points = array(coords)?
        .iter()
        .enumerate()
        .map(|(i, p)| position(p).map_err(|m| format!("position {i}: {m}")))
        .collect::<Result<Vec<_>, _>>()?;
    closed_ring(points)
}

/// A packed outline: `{"at": <byte offset>, "rings": [[<positions per ring>, ...], ...]}`
/// (one list per polygon, exterior ring first) over `packed`.
fn unpack(reference: &Value, packed: &[u8]) -> Result<MultiPolygon<f64>, String> {
    let at = reference.get("at").and_then(Value::as_u64).ok_or("expected a byte offset \"at\", got none")?;
    let bytes =
        packed.get(at as usize..).ok_or_else(|| format!("offset {at} is past the end ({} bytes)", packed.len()))?;
    let polygons = array(reference.get("rings").ok_or("expected \"rings\", got none")?)?;
    let mut reader = packed::Reader::new(bytes);
    let mut next = || reader.next().ok_or("the packed positions end early");
    let mut out = Vec::new();
    for (i, lengths) in polygons.iter().enumerate() {
        let mut rings = Vec::new();
        for (r, n) in array(lengths)?.iter().enumerate() {
            let n =
                n.as_u64().ok_or_else(|| format!("polygon {i}, ring {r}: expected a count, got {}", describe(n)))?;
            let points = (0..n).map(|_| Ok(Coord { x: next()?, y: next()? })).collect::<Result<Vec<_>, String>>();
            rings.push(points.and_then(closed_ring).map_err(|m| format!("polygon {i}, ring {r}: {m}"))?);
        }
        let mut rings = rings.into_iter();
        let exterior = rings.next().ok_or_else(|| format!("polygon {i}: expected an exterior ring, got none"))?;
        out.push(Polygon::new(exterior, rings.collect()));
    }
    if out.is_empty() {
        return Err("expected at least one polygon, got none".to_owned());
    }
    Ok(MultiPolygon(out))
}

/// Packed lines: `{"at": <byte offset>, "lines": [<positions per line>, ...]}` over `packed`.
fn unpack_lines(reference: &Value, packed: &[u8]) -> Result<geo::MultiLineString<f64>, String> {
    let at = reference.get("at").and_then(Value::as_u64).ok_or("expected a byte offset \"at\", got none")?;
    let bytes =
        packed.get(at as usize..).ok_or_else(|| format!("offset {at} is past the end ({} bytes)", packed.len()))?;
    let mut reader = packed::Reader::new(bytes);
    let mut lines = Vec::new();
    for (i, n) in array(reference.get("lines").ok_or("expected \"lines\", got none")?)?.iter().enumerate() {
        let n = n.as_u64().ok_or_else(|| format!("line {i}: expected a count, got {}", describe(n)))?;
        if n < 2 {
            return Err(format!("line {i}: expected at least 2 positions, got {n}"));
        }
        let mut points = Vec::new();
        for _ in 0..n {
            match (reader.next(), reader.next()) {
                (Some(x), Some(y)) => points.push(Coord { x, y }),
                _ => return Err("the packed positions end early".to_owned()),
            }
        }
        lines.push(LineString(points));
    }
    Ok(geo::MultiLineString(lines))
}

/// A ring of at least four positions whose last repeats the first.
fn closed_ring(points: Vec<Coord<f64>>) -> Result<LineString<f64>, String> {
    if points.len() < 4 {
        return Err(format!("expected a ring of at least 4 positions, got {}", points.len()));
    }
    if points.first() != points.last() {
        return Err("expected a closed ring (last position equal to the first), got an open one".to_owned());
    }
    Ok(LineString(points))
}

/// `[lon, lat]` (an altitude, if any, is ignored).
fn position(value: &Value) -> Result<Coord<f64>, String> {
    let parts = array(value)?;
    if parts.len() < 2 {
        return Err(format!("expected [longitude, latitude], got {} number(s)", parts.len()));
    }
    let number = |v: &Value| v.as_f64().ok_or_else(|| format!("expected a number, got {}", describe(v)));
    Ok(Coord { x: number(&parts[0])?, y: number(&parts[1])? })
}

fn array(value: &Value) -> Result<&Vec<Value>, String> {
    value.as_array().ok_or_else(|| format!("expected an array, got {}", describe(value)))
}

fn required_str<'a>(props: &'a Map<String, Value>, key: &str) -> Result<&'a str, String> {
    optional_str(props, key)?.ok_or_else(|| format!("expected a string {key}, got none"))
}

fn optional_str<'a>(props: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match props.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(v) => Err(format!("expected a string {key}, got {}", describe(v))),
    }
}

/// A list of strings; missing is empty.
fn string_list(props: &Map<String, Value>, key: &str) -> Result<Vec<String>, String> {
    match props.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("expected {key} to list strings, got {}", describe(v)))
            })
            .collect(),
        Some(v) => Err(format!("expected a list of strings {key}, got {}", describe(v))),
    }
}

fn optional_number(props: &Map<String, Value>, key: &str) -> Result<Option<f64>, String> {
    match props.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(v) => Err(format!("expected a number {key}, got {}", describe(v))),
    }
}

/// A JSON value as the "got …" half of an error message.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            format!("the string \"{short}\"")
        }
        Value::Array(a) => format!("an array of {}", a.len()),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    const SQUARE: &str =
        r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.21,30.21],[120.2,30.21],[120.2,30.2]]]}"#;

    fn collection(features: &[String]) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
    }

    fn district(id: &str, geometry: &str) -> String {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{"id":"{id}","kind":"district","name_zh_hans":"甲","name_zh_hant":"甲","name_en":"A","adcode":"{id}"}},"geometry":{geometry}}}"#
        )
    }

    fn site(id: &str, coordinates: &str) -> String {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{"id":"{id}","kind":"site","category":"lab","name_zh_hans":"乙","name_zh_hant":"乙","name_en":"B","confidence":"low","district":"330108","position_basis":"test"}},"geometry":{{"type":"Point","coordinates":{coordinates}}}}}"#
        )
    }

    #[test]
    fn keys_round_trip() {
        for k in ZoneKind::ALL {
            assert_eq!(ZoneKind::from_key(k.key()), Some(k));
        }
        for c in Confidence::ALL {
            assert_eq!(Confidence::from_key(c.key()), Some(c));
        }
    }

    #[test]
    fn features_go_to_the_layer_their_kind_names() {
        let text = collection(&[district("330108", SQUARE), site("lab-a", "[120.205, 30.205]")]);
        let (atlas, errors) = Atlas::from_files(&[("geodata/x.geojson", &text)]);
        assert!(errors.is_empty(), "{errors:?}");
        let zone = atlas.zone("330108").expect("district loads");
        assert_eq!(zone.kind, ZoneKind::District);
        assert_eq!(zone.confidence, Confidence::Surveyed);
        assert!(!zone.schematic);
        // About 0.96 km × 1.11 km.
        assert!((1.05..1.09).contains(&zone.area_km2()), "{}", zone.area_km2());
        let s = atlas.site("lab-a").expect("site loads");
        assert_eq!(s.position, Some(LonLat::new(120.205, 30.205)));
        assert_eq!(s.file, "geodata/x.geojson");
    }

    #[test]
    fn a_packed_outline_reads_as_the_same_outline_written_out() {
        let square: Vec<i64> = vec![
            120_200_000,
            30_200_000,
            120_210_000,
            30_200_000,
            120_210_000,
            30_210_000,
            120_200_000,
            30_210_000,
            120_200_000,
            30_200_000,
        ];
        let mut bytes = vec![0xAA; 3]; // another outline's bytes before this one
        packed::write(&square, &mut bytes);
        let packed_square = r#"{"type":"MultiPolygon","packed":{"at":3,"rings":[[5]]}}"#;
        let (packed, errors) =
            Atlas::from_packed(&[("geodata/x.geojson", &collection(&[district("330108", packed_square)]))], &bytes);
        assert!(errors.is_empty(), "{errors:?}");
        let (written, _) = Atlas::from_files(&[("geodata/x.geojson", &collection(&[district("330108", SQUARE)]))]);
        assert_eq!(packed, written);
    }

    #[test]
    fn a_packed_outline_that_does_not_fit_its_bytes_is_named_and_skipped() {
        let mut bytes = Vec::new();
        packed::write(&[120_200_000, 30_200_000, 120_210_000, 30_200_000], &mut bytes);
        let cases = [
            (r#"{"at":999,"rings":[[5]]}"#, "offset 999 is past the end"),
            (r#"{"at":0,"rings":[[5]]}"#, "the packed positions end early"),
            (r#"{"at":0,"rings":[[2]]}"#, "expected a ring of at least 4 positions, got 2"),
            (r#"{"rings":[[5]]}"#, "expected a byte offset"),
        ];
        for (reference, message) in cases {
            let geometry = format!(r#"{{"type":"MultiPolygon","packed":{reference}}}"#);
            let text = collection(&[district("330108", &geometry), district("330109", SQUARE)]);
            let (atlas, errors) = Atlas::from_packed(&[("geodata/x.geojson", &text)], &bytes);
            assert_eq!(errors.len(), 1, "{reference}: {errors:?}");
            let shown = errors[0].to_string();
            assert!(shown.starts_with("geodata/x.geojson, '330108': packed MultiPolygon"), "{shown}");
            assert!(shown.contains(message), "{reference}: {shown}");
            assert!(atlas.zone("330108").is_none() && atlas.zone("330109").is_some(), "the rest loads");
        }
    }

    #[test]
    fn a_zone_keeps_its_area_once_computed_and_compares_by_its_data() {
        let text = collection(&[district("330108", SQUARE)]);
        let (a, _) = Atlas::from_files(&[("geodata/x.geojson", &text)]);
        let (b, _) = Atlas::from_files(&[("geodata/x.geojson", &text)]);
        let (za, zb) = (a.zone("330108").unwrap(), b.zone("330108").unwrap());
        let first = za.area_km2();
        assert_eq!(first, geodesic_area_km2(&za.geometry));
        assert_eq!(za.area_km2(), first);
        // one has its area cached, the other not: still the same zone
        assert_eq!(za, zb);
    }

    #[test]
    fn a_bad_feature_is_skipped_and_named() {
        let text = collection(&[site("good", "[120.2, 30.2]"), site("bad", r#"["120.2", 30.2]"#)]);
        let (atlas, errors) = Atlas::from_files(&[("geodata/sites.geojson", &text)]);
        assert_eq!(atlas.sites.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].id.as_deref(), Some("bad"));
        assert!(errors[0].message.contains("expected a number, got the string \"120.2\""), "{}", errors[0]);
    }

    #[test]
    fn open_and_short_rings_are_rejected_on_load() {
        let open = r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.21,30.21],[120.2,30.21]]]}"#;
        let short = r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.2,30.2]]]}"#;
        let text = collection(&[district("1", open), district("2", short)]);
        let (atlas, errors) = Atlas::from_files(&[("f", &text)]);
        assert!(atlas.districts.is_empty());
        assert!(errors[0].message.contains("expected a closed ring"), "{}", errors[0]);
        assert!(errors[1].message.contains("at least 4 positions"), "{}", errors[1]);
    }

    #[test]
    fn a_bad_file_is_reported_and_the_others_load() {
        let good = collection(&[site("a", "[120.2, 30.2]")]);
        let (atlas, errors) = Atlas::from_files(&[
            ("geodata/zones.geojson", "{\"type\": \"FeatureCollection\", \"features\": ["),
            ("geodata/other.geojson", r#"{"type":"Feature"}"#),
            ("geodata/sites.geojson", &good),
        ]);
        assert_eq!(atlas.sites.len(), 1);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].file, "geodata/zones.geojson");
        assert!(errors[0].message.starts_with("expected GeoJSON, got invalid JSON"));
        assert_eq!(
            errors[1].to_string(),
            "geodata/other.geojson: expected a FeatureCollection, got the string \"Feature\""
        );
    }

    #[test]
    fn missing_and_conflicting_ids_are_reported_by_position() {
        let no_id = r#"{"type":"Feature","properties":{"kind":"site"},"geometry":null}"#.to_owned();
        let clash = r#"{"type":"Feature","id":"a","properties":{"id":"b","kind":"site"},"geometry":null}"#.to_owned();
        let (_, errors) = Atlas::from_files(&[("f", &collection(&[no_id, clash]))]);
        assert_eq!(errors[0].to_string(), "f: feature #0: expected an id, got none");
        assert!(errors[1].message.contains("properties.id to equal"), "{}", errors[1]);
    }

    #[test]
    fn unplaced_sites_load_without_a_position() {
        let unplaced = r#"{"type":"Feature","id":"x","properties":{"kind":"site","category":"project","name_zh_hans":"丙","name_zh_hant":"丙","name_en":"C","confidence":"unplaced","district":"330108","position_basis":"none found"},"geometry":null}"#;
        let (atlas, errors) = Atlas::from_files(&[("f", &collection(&[unplaced.to_owned()]))]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(atlas.sites[0].position, None);
        assert_eq!(atlas.sites[0].confidence, Confidence::Unplaced);
    }
}
