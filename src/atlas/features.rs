//! Reading the GeoJSON layers ([RFC 7946](https://www.rfc-editor.org/rfc/rfc7946))
//! into zones, sites and water.
//!
//! A file is a `FeatureCollection` carrying its format's `"version": 1` (a
//! foreign member, RFC 7946 §6.1). Each feature is read on its own: its
//! geometry with the [`geojson`] crate, its properties into one typed struct
//! by serde derive (`Properties`), whose `kind` says what the feature is. So a
//! feature that cannot be read is left out and named by its line and id (and
//! the property at fault), and the others load; a file that is not JSON, or
//! not a FeatureCollection, is named and the other files load.
//!
//! Rings are checked for length and closure here, which `geo` would otherwise
//! repair silently; everything else about the geometry (winding, validity,
//! area) is checked by [`super::validate`].

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Polygon};
use geojson::{Geometry, GeometryValue, Position};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::layers::{AreaCache, Atlas, Confidence, Site, Water, Zone, ZoneKind};
use super::records::{expected_got_text, line_of, version_problem, LineIndex};
use super::{DataError, ErrorKind, Names};
use crate::spatial::LonLat;

/// What a feature is, from its `kind` property: the layer it goes to.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum FeatureKind {
    District,
    Focus,
    CooperationZone,
    Site,
    Water,
}

/// The properties of a feature, of every kind (`geodata/README.md`,
/// "Property schema"): one struct, so that the reader is compiled once. What a
/// kind requires is checked as the feature is read ("expected category, got
/// none"); other properties are allowed and ignored. A missing name reads as
/// empty, so the feature still shows up and the checks name the language.
#[derive(Debug, Default, Deserialize)]
struct Properties<'a> {
    kind: Option<FeatureKind>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    name_zh_hans: Option<String>,
    name_zh_hant: Option<String>,
    name_en: Option<String>,
    /// A short name for the map itself.
    label_zh_hans: Option<String>,
    label_zh_hant: Option<String>,
    label_en: Option<String>,
    search_aliases: Option<Vec<String>>,
    /// How well the shape or position is known; required of cooperation
    /// zones and sites (districts and the focus zone are surveyed).
    confidence: Option<Confidence>,
    /// The adcode of the district a cooperation zone or site is in.
    district: Option<String>,
    // Zones.
    /// Required of cooperation zones.
    schematic: Option<bool>,
    adcode: Option<String>,
    stated_area_km2: Option<f64>,
    drawn_area_km2: Option<f64>,
    drawn_part_zh_hans: Option<String>,
    drawn_part_zh_hant: Option<String>,
    drawn_part_en: Option<String>,
    extent_basis: Option<String>,
    // Sites.
    /// Required: the `category` of a layer in `layers.toml`.
    category: Option<String>,
    /// What the place is, in words.
    kind_zh_hans: Option<String>,
    kind_zh_hant: Option<String>,
    kind_en: Option<String>,
    /// Required: how the position was obtained.
    position_basis: Option<String>,
    // Water.
    /// Required: where its name is written, `[longitude, latitude]`.
    label_at: Option<(f64, f64)>,
    label_angle_deg: Option<f64>,
    /// Required: where the shape comes from.
    source: Option<String>,
}

/// A property a kind of feature requires.
fn required<T>(value: Option<T>, key: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("expected {key}, got none"))
}

/// A FeatureCollection, its features not yet read: each is read on its own,
/// so that one bad feature leaves the others.
#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<&'a RawValue>,
    #[serde(borrow)]
    version: Option<&'a RawValue>,
    #[serde(borrow)]
    features: Option<&'a RawValue>,
}

/// A Feature (RFC 7946 §3.2): its geometry read by the [`geojson`] crate, its
/// properties kept as text and read next, so that a fault in them is located
/// in the text (its line and key). Other members (`bbox`, foreign members) are
/// allowed and ignored.
#[derive(Deserialize)]
struct RawFeature<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<&'a RawValue>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    properties: Option<&'a RawValue>,
    geometry: Option<Geometry>,
}

/// One layer's feature, read.
enum Layer {
    Zone(Zone),
    Site(Site),
    Water(Water),
}

/// Reads the features of `text` (the file `file`) into `atlas`; what cannot be
/// read goes to `errors`.
pub(super) fn read_file(atlas: &mut Atlas, errors: &mut Vec<DataError>, file: &str, text: &str) {
    let root: Collection = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(e) if e.is_data() => {
            let m = format!("expected a FeatureCollection object, got {}", serde_message(&e));
            errors.push(DataError::new(ErrorKind::Shape, file, None, m).at(e.line().max(1)));
            return;
        }
        Err(e) => {
            let m = format!("expected GeoJSON, got invalid JSON: {}", serde_message(&e));
            errors.push(DataError::new(ErrorKind::Syntax, file, None, m).at(e.line().max(1)));
            return;
        }
    };
    let index = LineIndex::new(text);
    let line = |raw: &RawValue| index.line(offset(text, raw));
    if root.kind.map(RawValue::get) != Some("\"FeatureCollection\"") {
        let got = root.kind.map_or_else(|| "no type".to_owned(), |k| short(k.get()));
        let m = format!("expected a FeatureCollection, got {got}");
        errors.push(DataError::new(ErrorKind::Shape, file, None, m).at(root.kind.map_or(1, line)));
        return;
    }
    let got = root.version.map(|v| short(v.get()));
    errors.extend(version_problem(file, text, got.as_deref(), root.version.map_or(1, line)));
    let features: Vec<&RawValue> = match root.features.map(|f| (f, serde_json::from_str(f.get()))) {
        Some((_, Ok(features))) => features,
        Some((raw, Err(_))) => {
            let m = format!("expected an array of features, got {}", short(raw.get()));
            errors.push(DataError::new(ErrorKind::Shape, file, None, m).at(line(raw)));
            return;
        }
        None => {
            errors.push(DataError::new(ErrorKind::Shape, file, None, "expected an array of features, got none").at(1));
            return;
        }
    };
    for (index, raw) in features.into_iter().enumerate() {
        let at = line(raw);
        match read_feature(file, raw) {
            Ok(Layer::Zone(zone)) => match zone.kind {
                ZoneKind::District => atlas.districts.push(zone),
                ZoneKind::Focus => atlas.focus.push(zone),
                ZoneKind::Cooperation => atlas.cooperation.push(zone),
            },
            Ok(Layer::Site(site)) => atlas.sites.push(site),
            Ok(Layer::Water(water)) => atlas.water.push(water),
            Err((id, within, message)) => {
                let message = match id {
                    Some(_) => message,
                    None => format!("feature #{index}: {message}"),
                };
                errors.push(DataError::new(ErrorKind::Shape, file, id.as_deref(), message).at(at + within));
            }
        }
    }
}

/// A feature that could not be read: its id when it has one, the lines
/// below the feature's first line where the fault is, and what is wrong.
type FeatureError = (Option<String>, usize, String);

fn read_feature(file: &str, raw: &RawValue) -> Result<Layer, FeatureError> {
    let text = raw.get();
    let feature: RawFeature = serde_json::from_str(text).map_err(|e| {
        let message = match serde_message(&e) {
            m if m.starts_with("expected") => m,
            m => format!("expected a GeoJSON Feature, got {m}"),
        };
        (ids_of(raw), e.line().saturating_sub(1), message)
    })?;
    if feature.kind.map(RawValue::get) != Some("\"Feature\"") {
        let got = feature.kind.map_or_else(|| "no type".to_owned(), |k| short(k.get()));
        return Err((ids_of(raw), 0, format!("expected a Feature, got {got}")));
    }
    let Some(properties) = feature.properties.filter(|p| p.get() != "null") else {
        return Err((ids_of(raw), 0, "expected a properties object, got none".into()));
    };
    // The lines into the feature, and the property at fault, of an error in its properties.
    let within = |e: &serde_json::Error| {
        let lines = line_of(text, offset(text, properties)) - 1 + e.line().saturating_sub(1);
        let message = serde_message(e);
        // A missing field is named by the message; anything else, by its key.
        let missing = e.to_string().starts_with("missing field");
        match property_before(properties.get(), e.line(), e.column()).filter(|_| !missing) {
            Some(key) => (lines, format!("{key}: {message}")),
            None => (lines, message),
        }
    };
    let p: Properties = serde_json::from_str(properties.get()).map_err(|e| {
        let (lines, message) = within(&e);
        (ids_of(raw), lines, message)
    })?;
    let id = feature_id(feature.id, p.id).map_err(|m| (None, 0, m))?;
    let geometry = feature.geometry.as_ref();
    let kind = required(p.kind, "kind").map_err(|m| (Some(id.clone()), 0, m))?;
    let read = match kind {
        FeatureKind::Site => site(file, &id, p, geometry).map(Layer::Site),
        FeatureKind::Water => water(file, &id, p, geometry).map(Layer::Water),
        FeatureKind::District => zone(file, &id, ZoneKind::District, p, geometry).map(Layer::Zone),
        FeatureKind::Focus => zone(file, &id, ZoneKind::Focus, p, geometry).map(Layer::Zone),
        FeatureKind::CooperationZone => zone(file, &id, ZoneKind::Cooperation, p, geometry).map(Layer::Zone),
    };
    read.map_err(|m| (Some(id), 0, m))
}

/// The property whose value ends at (1-based) `line` and `column` of
/// `properties`, the text of a flat JSON object: the last `"key":` before it.
fn property_before(properties: &str, line: usize, column: usize) -> Option<String> {
    let start: usize = properties.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let before = properties.get(..(start + column).min(properties.len()))?;
    // The last `":` that closes a key: the one before the value in error.
    let end = before.rfind("\":")?;
    let open = before[..end].rfind(['{', ','])?;
    let key = before[open + 1..end].trim().strip_prefix('"')?;
    (!key.is_empty() && !key.contains('"')).then(|| key.to_owned())
}

/// A string id as written (`"a"`), or what is wrong with it.
fn string_id(raw: &RawValue) -> Result<String, String> {
    serde_json::from_str::<String>(raw.get()).map_err(|_| format!("expected a string id, got {}", short(raw.get())))
}

/// The feature's id: the top-level `id`, else `properties.id`; the two must agree.
fn feature_id(top: Option<&RawValue>, prop: Option<&RawValue>) -> Result<String, String> {
    let (top, prop) = (top.filter(|v| v.get() != "null"), prop.filter(|v| v.get() != "null"));
    let id = match (top.map(string_id).transpose()?, prop.map(string_id).transpose()?) {
        (Some(t), Some(p)) if t != p => {
            return Err(format!("expected properties.id to equal the feature id \"{t}\", got \"{p}\""));
        }
        (Some(id), _) | (None, Some(id)) => id,
        (None, None) => return Err("expected an id, got none".to_owned()),
    };
    if id.trim().is_empty() {
        return Err("expected a non-empty id, got an empty string".to_owned());
    }
    Ok(id)
}

/// The id of a feature that could not be read, if it has a readable one.
fn ids_of(raw: &RawValue) -> Option<String> {
    let feature: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
    let id =
        |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()).map(str::to_owned);
    id(feature.get("id")).or_else(|| id(feature.pointer("/properties/id")))
}

fn names(zh_hans: Option<String>, zh_hant: Option<String>, en: Option<String>) -> Names {
    Names { zh_hans: zh_hans.unwrap_or_default(), zh_hant: zh_hant.unwrap_or_default(), en: en.unwrap_or_default() }
}

/// Three names (`label_*`, `kind_*`, `drawn_part_*`) when any is given; a
/// missing one is empty, for the checks to report.
fn triple(zh_hans: Option<String>, zh_hant: Option<String>, en: Option<String>) -> Option<Names> {
    (zh_hans.is_some() || zh_hant.is_some() || en.is_some()).then(|| names(zh_hans, zh_hant, en))
}

fn site(file: &str, id: &str, p: Properties, geometry: Option<&Geometry>) -> Result<Site, String> {
    let category = required(p.category, "category")?;
    if category.trim().is_empty() {
        return Err("expected a category, got an empty string".into());
    }
    let position = match geometry.map(|g| &g.value) {
        None => None,
        Some(GeometryValue::Point { coordinates }) => {
            let c = coord(coordinates).map_err(|m| format!("Point: {m}"))?;
            Some(LonLat::new(c.x, c.y))
        }
        Some(other) => return Err(format!("expected a Point geometry or null, got {}", other.type_name())),
    };
    Ok(Site {
        id: id.to_owned(),
        names: names(p.name_zh_hans, p.name_zh_hant, p.name_en),
        label: triple(p.label_zh_hans, p.label_zh_hant, p.label_en),
        kind: triple(p.kind_zh_hans, p.kind_zh_hant, p.kind_en),
        aliases: p.search_aliases.unwrap_or_default(),
        category,
        position,
        confidence: required(p.confidence, "confidence")?,
        district: required(p.district, "district")?,
        basis: required(p.position_basis, "position_basis")?,
        file: file.to_owned(),
    })
}

fn zone(file: &str, id: &str, kind: ZoneKind, p: Properties, geometry: Option<&Geometry>) -> Result<Zone, String> {
    let geometry = multipolygon(geometry)?;
    // Outlines from a mapping source need not repeat that they are not estimates.
    let surveyed = matches!(kind, ZoneKind::District | ZoneKind::Focus);
    let schematic = match (p.schematic, surveyed) {
        (Some(b), _) => b,
        (None, true) => false,
        (None, false) => return Err("expected schematic true or false, got none".to_owned()),
    };
    let confidence = match (p.confidence, surveyed) {
        (Some(c), _) => c,
        (None, true) => Confidence::Surveyed,
        (None, false) => return Err("expected a confidence, got none".to_owned()),
    };
    Ok(Zone {
        id: id.to_owned(),
        kind,
        names: names(p.name_zh_hans, p.name_zh_hant, p.name_en),
        label: triple(p.label_zh_hans, p.label_zh_hant, p.label_en),
        aliases: p.search_aliases.unwrap_or_default(),
        geometry,
        schematic,
        adcode: p.adcode,
        district: p.district,
        stated_area_km2: p.stated_area_km2,
        drawn_area_km2: p.drawn_area_km2,
        drawn_part: triple(p.drawn_part_zh_hans, p.drawn_part_zh_hant, p.drawn_part_en),
        basis: p.extent_basis,
        confidence,
        file: file.to_owned(),
        area: AreaCache::default(),
    })
}

fn water(file: &str, id: &str, p: Properties, geometry: Option<&Geometry>) -> Result<Water, String> {
    let label_at = required(p.label_at, "label_at")?;
    let source = required(p.source, "source")?;
    let (area, centreline) = match geometry.map(|g| &g.value) {
        Some(GeometryValue::LineString { coordinates }) => {
            (MultiPolygon(vec![]), MultiLineString(vec![line(coordinates).map_err(|m| format!("line 0: {m}"))?]))
        }
        Some(GeometryValue::MultiLineString { coordinates }) => {
            let lines = coordinates
                .iter()
                .enumerate()
                .map(|(i, l)| line(l).map_err(|m| format!("line {i}: {m}")))
                .collect::<Result<Vec<_>, _>>()?;
            (MultiPolygon(vec![]), MultiLineString(lines))
        }
        _ => (multipolygon(geometry)?, MultiLineString(vec![])),
    };
    Ok(Water {
        id: id.to_owned(),
        names: names(p.name_zh_hans, p.name_zh_hant, p.name_en),
        geometry: area,
        centreline,
        label_at: LonLat::new(label_at.0, label_at.1),
        label_angle_deg: p.label_angle_deg.unwrap_or(0.0),
        source,
        file: file.to_owned(),
    })
}

/// A Polygon or MultiPolygon geometry, rings checked for length and closure.
fn multipolygon(geometry: Option<&Geometry>) -> Result<MultiPolygon<f64>, String> {
    match geometry.map(|g| &g.value) {
        Some(GeometryValue::Polygon { coordinates }) => {
            Ok(MultiPolygon(vec![polygon(coordinates).map_err(|m| format!("Polygon: {m}"))?]))
        }
        Some(GeometryValue::MultiPolygon { coordinates }) => {
            if coordinates.is_empty() {
                return Err("MultiPolygon: expected at least one polygon, got none".to_owned());
            }
            let polygons = coordinates
                .iter()
                .enumerate()
                .map(|(i, p)| polygon(p).map_err(|m| format!("MultiPolygon, polygon {i}: {m}")))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(MultiPolygon(polygons))
        }
        Some(other) => Err(format!("expected a Polygon or MultiPolygon geometry, got {}", other.type_name())),
        None => Err("expected a Polygon or MultiPolygon geometry, got null".to_owned()),
    }
}

fn polygon(rings: &[Vec<Position>]) -> Result<Polygon<f64>, String> {
    let mut rings = rings.iter().enumerate().map(|(i, r)| ring(r).map_err(|m| format!("ring {i}: {m}")));
    let exterior = rings.next().ok_or("expected an exterior ring, got none")??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

/// A ring of at least four positions whose last repeats the first.
fn ring(positions: &[Position]) -> Result<LineString<f64>, String> {
    let points = coords(positions)?;
    if points.len() < 4 {
        return Err(format!("expected a ring of at least 4 positions, got {}", points.len()));
    }
    if points.first() != points.last() {
        return Err("expected a closed ring (last position equal to the first), got an open one".to_owned());
    }
    Ok(LineString(points))
}

/// A line of at least two positions.
fn line(positions: &[Position]) -> Result<LineString<f64>, String> {
    let points = coords(positions)?;
    if points.len() < 2 {
        return Err(format!("expected at least 2 positions, got {}", points.len()));
    }
    Ok(LineString(points))
}

fn coords(positions: &[Position]) -> Result<Vec<Coord<f64>>, String> {
    positions.iter().enumerate().map(|(i, p)| coord(p).map_err(|m| format!("position {i}: {m}"))).collect()
}

/// `[lon, lat]` (an altitude, if any, is ignored).
fn coord(position: &Position) -> Result<Coord<f64>, String> {
    match position.as_slice() {
        [x, y, ..] if x.is_finite() && y.is_finite() => Ok(Coord { x: *x, y: *y }),
        [x, y, ..] => Err(format!("expected finite numbers, got [{x}, {y}]")),
        other => Err(format!("expected [longitude, latitude], got {} number(s)", other.len())),
    }
}

/// The byte offset of `raw`, a slice of `text`, in `text`.
fn offset(text: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

/// A JSON text as the "got …" half of an error message: cut short.
fn short(json: &str) -> String {
    let mut chars = json.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// serde_json's message without its "at line … column …" (the error names the line).
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let cut = text.rfind(" at line ").unwrap_or(text.len());
    expected_got_text(&text[..cut])
}

#[cfg(test)]
mod test {
    use super::*;

    const SQUARE: &str =
        r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.21,30.21],[120.2,30.21],[120.2,30.2]]]}"#;

    /// A version-1 collection, one feature a line (the first on line 2).
    fn collection(features: &[String]) -> String {
        format!("{{\"type\":\"FeatureCollection\",\"version\":1,\"features\":[\n{}\n]}}\n", features.join(",\n"))
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

    fn read(files: &[(&str, &str)]) -> (Atlas, Vec<DataError>) {
        Atlas::from_files(files)
    }

    #[test]
    fn features_go_to_the_layer_their_kind_names() {
        let text = collection(&[district("330108", SQUARE), site("lab-a", "[120.205, 30.205]")]);
        let (atlas, errors) = read(&[("geodata/x.geojson", &text)]);
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
    fn a_zone_keeps_its_area_once_computed_and_compares_by_its_data() {
        let text = collection(&[district("330108", SQUARE)]);
        let (a, _) = read(&[("geodata/x.geojson", &text)]);
        let (b, _) = read(&[("geodata/x.geojson", &text)]);
        let (za, zb) = (a.zone("330108").unwrap(), b.zone("330108").unwrap());
        let first = za.area_km2();
        assert_eq!(first, super::super::layers::geodesic_area_km2(&za.geometry));
        assert_eq!(za.area_km2(), first);
        // one has its area cached, the other not: still the same zone
        assert_eq!(za, zb);
    }

    #[test]
    fn a_bad_feature_is_skipped_and_named_by_its_line_and_id() {
        let text = collection(&[site("good", "[120.2, 30.2]"), site("bad", r#"["120.2", 30.2]"#)]);
        let (atlas, errors) = read(&[("geodata/sites.geojson", &text)]);
        assert_eq!(atlas.sites.len(), 1);
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!((e.kind, e.line, e.id.as_deref()), (ErrorKind::Shape, Some(3), Some("bad")), "{e}");
        assert!(e.message.ends_with("got string \"120.2\""), "{e}");
    }

    #[test]
    fn a_property_of_the_wrong_type_or_value_is_named() {
        let wrong_type = site("a", "[120.2, 30.2]").replace(r#""district":"330108""#, r#""district":330108"#);
        let wrong_value = site("b", "[120.2, 30.2]").replace(r#""confidence":"low""#, r#""confidence":"sure""#);
        let missing = site("c", "[120.2, 30.2]").replace(r#""category":"lab","#, "");
        let (atlas, errors) = read(&[("f", &collection(&[wrong_type, wrong_value, missing]))]);
        assert!(atlas.sites.is_empty());
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "f:2, 'a': district: expected a string, got integer `330108`",
                "f:3, 'b': confidence: unknown variant `sure`, expected one of `surveyed`, `high`, `medium`, `low`, `unplaced`",
                "f:4, 'c': expected category, got none",
            ]
        );
    }

    #[test]
    fn open_and_short_rings_are_rejected_on_load() {
        let open = r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.21,30.21],[120.2,30.21]]]}"#;
        let short = r#"{"type":"Polygon","coordinates":[[[120.2,30.2],[120.21,30.2],[120.2,30.2]]]}"#;
        let text = collection(&[district("1", open), district("2", short)]);
        let (atlas, errors) = read(&[("f", &text)]);
        assert!(atlas.districts.is_empty());
        assert!(errors[0].message.contains("expected a closed ring"), "{}", errors[0]);
        assert!(errors[1].message.contains("at least 4 positions"), "{}", errors[1]);
    }

    #[test]
    fn a_bad_file_is_reported_with_its_line_and_the_others_load() {
        let good = collection(&[site("a", "[120.2, 30.2]")]);
        let (atlas, errors) = read(&[
            ("geodata/zones.geojson", "{\"type\": \"FeatureCollection\",\n\"version\": 1, \"features\": ["),
            ("geodata/other.geojson", "{\"type\":\"Feature\"}"),
            ("geodata/sites.geojson", &good),
        ]);
        assert_eq!(atlas.sites.len(), 1);
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Syntax, Some(2)));
        assert!(errors[0].message.starts_with("expected GeoJSON, got invalid JSON"), "{}", errors[0]);
        assert_eq!(errors[1].to_string(), "geodata/other.geojson:1: expected a FeatureCollection, got \"Feature\"");
    }

    #[test]
    fn the_format_version_1_is_read_and_another_or_none_is_named() {
        let text = collection(&[site("a", "[120.2, 30.2]")]);
        let (_, errors) = read(&[("sites.geojson", &text)]);
        assert!(errors.is_empty(), "{errors:?}");
        for (version, got) in [(",\"version\":2", "got 2"), (",\"version\":\"1\"", "got \"1\""), ("", "got none")] {
            let changed = text.replacen(",\"version\":1", version, 1);
            let (atlas, errors) = read(&[("sites.geojson", &changed)]);
            assert_eq!(atlas.sites.len(), 1, "{version}: the features still load");
            let located: Vec<_> = errors.iter().map(|e| (e.kind, e.file.as_str(), e.line)).collect();
            assert_eq!(located, [(ErrorKind::Version, "sites.geojson", Some(1))], "{version}");
            assert!(errors[0].message.ends_with(got), "{}", errors[0]);
        }
    }

    #[test]
    fn missing_and_conflicting_ids_are_reported_by_position() {
        let no_id = r#"{"type":"Feature","properties":{"kind":"site"},"geometry":null}"#.to_owned();
        let clash = r#"{"type":"Feature","id":"a","properties":{"id":"b","kind":"site"},"geometry":null}"#.to_owned();
        let (_, errors) = read(&[("f", &collection(&[no_id, clash]))]);
        assert_eq!(errors[0].to_string(), "f:2: feature #0: expected an id, got none");
        assert!(errors[1].message.contains("properties.id to equal"), "{}", errors[1]);
        assert_eq!(errors[1].line, Some(3));
    }

    #[test]
    fn a_feature_that_is_not_geojson_is_named_by_its_id() {
        let polygon_site = site("a", "[120.2, 30.2]").replace("\"Point\"", "\"Polygon\"");
        let (atlas, errors) = read(&[("f", &collection(&[polygon_site, site("b", "[120.2, 30.2]")]))]);
        assert_eq!(atlas.sites.len(), 1);
        assert_eq!((errors[0].id.as_deref(), errors[0].line), (Some("a"), Some(2)), "{}", errors[0]);
        assert!(
            errors[0].message.starts_with("expected a Point geometry or null, got Polygon")
                || errors[0].message.contains("Feature"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn unplaced_sites_load_without_a_position() {
        let unplaced = r#"{"type":"Feature","id":"x","properties":{"kind":"site","category":"project","name_zh_hans":"丙","name_zh_hant":"丙","name_en":"C","confidence":"unplaced","district":"330108","position_basis":"none found"},"geometry":null}"#;
        let (atlas, errors) = read(&[("f", &collection(&[unplaced.to_owned()]))]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(atlas.sites[0].position, None);
        assert_eq!(atlas.sites[0].confidence, Confidence::Unplaced);
    }
}
