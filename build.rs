//! Turns the hand-edited catalogue under `geodata/` (sources, facts, themes,
//! all TOML) into one JSON file in `OUT_DIR`, which `atlas::catalogue` embeds.
//! The binary therefore carries no TOML parser.
//!
//! The JSON is `{"sources": <sources.toml>, "facts": <facts.toml>,
//! "themes": <themes.toml>, "tour": <tour.toml>}`, each file's top-level
//! table as it is (the guided tour is read by `state::tour`). Checking
//! the records is the catalogue's job (`Catalogue::validate`); this script only
//! refuses a file that is not valid TOML, naming the file and the line.

use std::path::Path;
use std::{env, fs, process};

/// The catalogue's files: key in the JSON, path from the crate root.
const FILES: [(&str, &str); 4] = [
    ("sources", "geodata/sources.toml"),
    ("facts", "geodata/facts.toml"),
    ("themes", "geodata/themes.toml"),
    ("tour", "geodata/tour.toml"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
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

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    println!("cargo:warning={message}");
    process::exit(1);
}
