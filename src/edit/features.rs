//! Edits of the GeoJSON layers as the generator writes them: one feature per
//! line (`{"type":"FeatureCollection","features":[` on the first line). A
//! change rewrites only the value it changes, inside the feature's own line;
//! every other byte of the file stays as it was. [`super::sites`] builds on
//! this for positions; the zones' names are edited with [`set_property`].

use serde_json::Value;

use super::EditError;

/// The keys of a feature's names, in the order of the interface's languages.
pub const NAME_KEYS: [&str; 3] = ["name_zh_hans", "name_zh_hant", "name_en"];

/// The line (its byte range, without the separating comma) holding the
/// feature `id` of `file`, with the feature read from it.
pub(crate) fn find(file: &str, text: &str, id: &str) -> Result<(std::ops::Range<usize>, Value), EditError> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']).trim_end();
        let body = body.strip_suffix(',').unwrap_or(body);
        if body.starts_with("{\"type\":\"Feature\"") {
            if let Ok(feature) = serde_json::from_str::<Value>(body) {
                let fid = feature.pointer("/properties/id").or_else(|| feature.get("id")).and_then(Value::as_str);
                if fid == Some(id) {
                    return Ok((start..start + body.len(), feature));
                }
            }
        }
        start += line.len();
    }
    Err(EditError::new(file, Some(id), "expected a feature with this id on a line of its own, got none"))
}

/// The ids of the file's features, in file order.
pub fn ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let body = l.trim_end();
            let body = body.strip_suffix(',').unwrap_or(body);
            if !body.starts_with("{\"type\":\"Feature\"") {
                return None;
            }
            let f: Value = serde_json::from_str(body).ok()?;
            f.pointer("/properties/id").and_then(Value::as_str).map(str::to_owned)
        })
        .collect()
}

/// A string property of a feature (`name_en`, `confidence`).
pub fn property(file: &str, text: &str, id: &str, key: &str) -> Option<String> {
    let (_, f) = find(file, text, id).ok()?;
    f.pointer(&format!("/properties/{key}"))?.as_str().map(str::to_owned)
}

/// The byte range of the JSON value following `"key":` at or after `from` in
/// `line`, for a string or an array value.
pub(crate) fn value_range(line: &str, key: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let needle = format!("{}:", serde_json::to_string(key).ok()?);
    let at = from + line[from..].find(&needle)? + needle.len();
    let bytes = line.as_bytes();
    match bytes.get(at)? {
        b'"' => {
            let mut i = at + 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return Some(at..i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        b'[' => line[at..].find(']').map(|end| at..at + end + 1),
        _ => None,
    }
}

/// Checks the rewritten line, then splices it into the file.
pub(crate) fn splice(
    file: &str,
    text: &str,
    line: std::ops::Range<usize>,
    new_line: String,
    id: &str,
) -> Result<String, EditError> {
    serde_json::from_str::<Value>(&new_line)
        .map_err(|e| EditError::new(file, Some(id), format!("the edited feature is not JSON: {e}")))?;
    Ok(format!("{}{}{}", &text[..line.start], new_line, &text[line.end..]))
}

/// Sets a string property of the feature `id` of `file`: its value is
/// replaced where it stands, or the property is added after `confidence` (or
/// first) when the feature has none.
pub fn set_property(file: &str, text: &str, id: &str, key: &str, value: &str) -> Result<String, EditError> {
    let (range, _) = find(file, text, id)?;
    let line = &text[range.clone()];
    let props = line.find("\"properties\":").ok_or_else(|| EditError::new(file, Some(id), "expected properties"))?;
    let quoted = serde_json::to_string(value).map_err(|e| EditError::new(file, Some(id), e.to_string()))?;
    let new_line = match value_range(line, key, props) {
        Some(v) => format!("{}{}{}", &line[..v.start], quoted, &line[v.end..]),
        None => {
            let entry = format!("{}:{}", serde_json::to_string(key).unwrap_or_default(), quoted);
            match value_range(line, "confidence", props) {
                Some(c) => format!("{},{}{}", &line[..c.end], entry, &line[c.end..]),
                None => {
                    let open = props + "\"properties\":{".len();
                    let sep = if line[open..].starts_with('}') { "" } else { "," };
                    format!("{}{}{}{}", &line[..open], entry, sep, &line[open..])
                }
            }
        }
    };
    splice(file, text, range, new_line, id)
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::edit::check::{check, with_file};

    const ZONES: &str = include_str!("../../geodata/zones.geojson");
    const FOCUS: &str = include_str!("../../geodata/binjiang.geojson");

    fn changed(before: &str, after: &str) -> Vec<usize> {
        let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
        assert_eq!(b.len(), a.len());
        (0..b.len()).filter(|&i| b[i] != a[i]).collect()
    }

    #[test]
    fn a_zone_renamed_changes_one_value_of_one_line_and_the_map_reads_it() {
        let id = &ids(ZONES)[0];
        let out = set_property("zones.geojson", ZONES, id, "name_en", "A \"renamed\" park").unwrap();
        assert_eq!(changed(ZONES, &out).len(), 1);
        assert_eq!(
            out.len(),
            ZONES.len() + "A \\\"renamed\\\" park".len() - {
                let old = property("zones.geojson", ZONES, id, "name_en").unwrap();
                serde_json::to_string(&old).unwrap().len() - 2
            }
        );
        let checked = check(&with_file("zones.geojson", &out));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let zone = checked.content.atlas.zone(id).unwrap();
        assert_eq!(zone.names.get(crate::atlas::Lang::En), "A \"renamed\" park");
        // Setting the old name back gives the file back byte for byte.
        let old = property("zones.geojson", ZONES, id, "name_en").unwrap();
        assert_eq!(set_property("zones.geojson", &out, id, "name_en", &old).unwrap(), ZONES);
    }

    #[test]
    fn a_blank_name_is_a_fault_of_that_zone_in_that_language() {
        let id = &ids(FOCUS)[0];
        let out = set_property("binjiang.geojson", FOCUS, id, "name_zh_hant", "").unwrap();
        let checked = check(&with_file("binjiang.geojson", &out));
        let e = checked.errors.iter().find(|e| e.id.as_deref() == Some(id.as_str())).expect("a fault");
        assert_eq!(e.kind, crate::atlas::error::ErrorKind::MissingName(crate::atlas::Lang::ZhHant), "{e:?}");
        assert!(set_property("zones.geojson", ZONES, "no-such-zone", "name_en", "x").is_err());
    }
}
