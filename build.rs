//! Turns the hand-edited catalogue under `geodata/` (sources, facts, themes,
//! all TOML) into one JSON file in `OUT_DIR`, which `atlas::catalogue` embeds.
//! The binary therefore carries no TOML parser.
//!
//! The JSON is `{"sources": <sources.toml>, "facts": <facts.toml>,
//! "themes": <themes.toml>, "tour": <tour.toml>}`, each file's top-level
//! table as it is (the guided tour is read by `state::tour`). Checking
//! the records is the catalogue's job (`Catalogue::validate`); this script only
//! refuses a file that is not valid TOML, naming the file and the line.
//!
//! It also packs the outlines of the GeoJSON layers for the binary
//! (`atlas::layers::Atlas::bundled`): each Polygon or MultiPolygon's
//! coordinates move out of the JSON into `coordinates.bin`, as micro-degree
//! integers, each the zigzag varint of its difference from the previous one
//! (the first of a feature from zero; see `src/atlas/packed.rs`), and the geometry keeps
//! `{"type":"MultiPolygon","packed":{"at":<byte offset>,"rings":[[<positions>, ...], ...]}}`
//! (a LineString or MultiLineString likewise, as `"lines":[<positions>, ...]`).
//! Reading the 6,000 positions from JSON text took the layers 1.1 ms natively,
//! three times the catalogue; packed, the layers load in 0.2 ms. Only what packs exactly is packed: a geometry that is
//! not well formed, or has a coordinate finer than a micro-degree, stays as
//! written, so the loader reports or reads it as it would the file itself.

use std::path::Path;
use std::{env, fs, process};

#[allow(dead_code)]
#[path = "src/atlas/packed.rs"]
mod packed;

/// The catalogue's files: key in the JSON, path from the crate root.
const FILES: [(&str, &str); 4] = [
    ("sources", "geodata/sources.toml"),
    ("facts", "geodata/facts.toml"),
    ("themes", "geodata/themes.toml"),
    ("tour", "geodata/tour.toml"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    pack_layers();
    let mut root = serde_json::Map::new();
    for (key, path) in FILES {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: cannot read the file ({e})")));
        let table: toml::Table = text.parse().unwrap_or_else(|e: toml::de::Error| {
            let line = e.span().map(|s| line_of(&text, s.start));
            let message = e.message().trim();
            match line {
                Some(line) => fail(&format!("{path}:{line}: invalid TOML: {message}")),
                None => fail(&format!("{path}: invalid TOML: {message}")),
            }
        });
        root.insert(key.to_owned(), to_json(toml::Value::Table(table)));
    }
    let out = env::var_os("OUT_DIR").unwrap_or_else(|| fail("OUT_DIR is not set"));
    let json = serde_json::Value::Object(root).to_string();
    let dest = Path::new(&out).join("catalogue.json");
    fs::write(&dest, json).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// TOML to JSON. A date written without quotes becomes its ISO string.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => J::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// The GeoJSON layers, path from the crate root; written to `OUT_DIR` under
/// the same file name.
const LAYERS: [&str; 5] = [
    "geodata/districts.geojson",
    "geodata/binjiang.geojson",
    "geodata/zones.geojson",
    "geodata/sites.geojson",
    "geodata/water.geojson",
];

fn pack_layers() {
    let out = env::var_os("OUT_DIR").unwrap_or_else(|| fail("OUT_DIR is not set"));
    let mut packed = Vec::new();
    for path in LAYERS {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: cannot read the file ({e})")));
        // Anything that is not JSON goes to the binary as it is: the loader
        // names the file and the fault.
        let written = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut root) => {
                if let Some(features) = root.get_mut("features").and_then(|f| f.as_array_mut()) {
                    for feature in features {
                        if let Some(geometry) = feature.get_mut("geometry") {
                            pack_geometry(geometry, &mut packed);
                        }
                    }
                }
                root.to_string()
            }
            Err(_) => text,
        };
        let name = Path::new(path).file_name().unwrap_or_else(|| fail(&format!("{path}: no file name")));
        let dest = Path::new(&out).join(name);
        fs::write(&dest, written).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
    }
    let dest = Path::new(&out).join("coordinates.bin");
    fs::write(&dest, packed).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
}

/// Replaces a well-formed Polygon or MultiPolygon's coordinates by a reference
/// into `packed`; leaves any other geometry as it is.
fn pack_geometry(geometry: &mut serde_json::Value, packed: &mut Vec<u8>) {
    use serde_json::{json, Value};
    let polygons: Vec<&Value> = match (geometry.get("type").and_then(Value::as_str), geometry.get("coordinates")) {
        (Some("Polygon"), Some(c)) => vec![c],
        (Some("MultiPolygon"), Some(Value::Array(parts))) if !parts.is_empty() => parts.iter().collect(),
        (Some("LineString"), Some(c)) => return pack_lines(geometry, vec![c.clone()], packed),
        (Some("MultiLineString"), Some(Value::Array(parts))) if !parts.is_empty() => {
            return pack_lines(geometry, parts.clone(), packed)
        }
        _ => return,
    };
    let mut rings: Vec<Vec<usize>> = Vec::new();
    let mut values: Vec<i64> = Vec::new();
    for polygon in polygons {
        let Some(polygon) = polygon.as_array().filter(|p| !p.is_empty()) else { return };
        let mut lengths = Vec::new();
        for ring in polygon {
            let Some(ring) = ring.as_array() else { return };
            for position in ring {
                let Some([lon, lat]) = position.as_array().and_then(|p| exact_pair(p)) else { return };
                values.extend([lon, lat]);
            }
            lengths.push(ring.len());
        }
        rings.push(lengths);
    }
    let at = packed.len();
    packed::write(&values, packed);
    *geometry = json!({ "type": "MultiPolygon", "packed": { "at": at, "rings": rings } });
}

/// The same for lines (a river known by its centreline):
/// `{"type":"MultiLineString","packed":{"at":<byte offset>,"lines":[<positions>, ...]}}`.
fn pack_lines(geometry: &mut serde_json::Value, lines: Vec<serde_json::Value>, packed: &mut Vec<u8>) {
    let mut lengths = Vec::new();
    let mut values: Vec<i64> = Vec::new();
    for line in &lines {
        let Some(line) = line.as_array() else { return };
        for position in line {
            let Some([lon, lat]) = position.as_array().and_then(|p| exact_pair(p)) else { return };
            values.extend([lon, lat]);
        }
        lengths.push(line.len());
    }
    let at = packed.len();
    packed::write(&values, packed);
    *geometry = serde_json::json!({ "type": "MultiLineString", "packed": { "at": at, "lines": lengths } });
}

/// `[lon, lat]` as micro-degrees, when both are numbers that pack exactly.
fn exact_pair(position: &[serde_json::Value]) -> Option<[i64; 2]> {
    match position {
        [lon, lat] => Some([packed::micro_degrees(lon.as_f64()?)?, packed::micro_degrees(lat.as_f64()?)?]),
        _ => None,
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    println!("cargo:warning={message}");
    process::exit(1);
}
