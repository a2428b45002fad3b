//! Reading a TOML file of `[[record]]` tables into typed records, one at a
//! time: a record that does not fit its type is reported and left out, the
//! others are read; a file that is not TOML is reported with its line and
//! yields nothing. Every record keeps the lines of its fields, so later checks
//! can name the line of the field at fault.

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, Error, ValueDeserializer};
use toml::Spanned;

use super::{DataError, ErrorKind};

/// The format of the content files this map reads: every file says
/// `version = 1` (TOML) or `"version": 1` (a GeoJSON FeatureCollection).
pub const VERSION: u32 = 1;

/// What is wrong with a file's format version: `got` as written in the file
/// (`None` when it has none), on `line`. A file with nothing in it (not
/// fetched, reported as such) is not also reported for its version.
pub fn version_problem(file: &str, text: &str, got: Option<&str>, line: usize) -> Option<DataError> {
    let message = match got {
        Some(v) if v.trim() == VERSION.to_string() => return None,
        Some(v) => format!("expected version = {VERSION}, got {}", v.trim()),
        None if text.trim().is_empty() => return None,
        None => format!("expected version = {VERSION} above the first record, got none"),
    };
    Some(DataError::new(ErrorKind::Version, file, None, message).at(line))
}

/// Where a record and its fields are in its file (1-based lines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines {
    /// The line of the record's `[[table]]` header.
    pub record: usize,
    fields: Vec<(String, usize)>,
}

impl Lines {
    /// The line of `field`, or the record's line when it is absent.
    pub fn of(&self, field: &str) -> usize {
        self.fields.iter().find(|(k, _)| k == field).map_or(self.record, |(_, line)| *line)
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Byte offsets to 1-based lines, for a file whose many records or features
/// each need theirs (a binary search, not a count from the start each time).
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`, as [`line_of`] counts it.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// One `[[table]]` of a file, not yet read as a record.
struct Table<'i> {
    value: Spanned<DeValue<'i>>,
    lines: Lines,
    id: Option<String>,
}

/// The `[[what]]` tables of `text` (the file `file`), each read as a `T`,
/// with the problems found on the way.
pub fn read_records<T: DeserializeOwned>(file: &str, text: &str, what: &str) -> (Vec<(T, Lines)>, Vec<DataError>) {
    let (tables, mut errors, index) = tables(file, text, what);
    let mut records = Vec::with_capacity(tables.len());
    for Table { value, lines, id } in tables {
        let start = value.span().start;
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(record) => records.push((record, lines)),
            Err(e) => errors.push(record_error(file, &index, &lines, start, id, &e)),
        }
    }
    (records, errors)
}

/// A record that does not fit its type, located at the field at fault when
/// the parser says which.
fn record_error(
    file: &str,
    index: &LineIndex,
    lines: &Lines,
    start: usize,
    id: Option<String>,
    e: &Error,
) -> DataError {
    let at = e.span().filter(|s| s.start != start).map_or(lines.record, |s| index.line(s.start));
    let message = expected_got_text(e.message().trim());
    // A value at fault is named by its key ("name_en: expected a string, got integer `3`").
    let message = match lines.fields.iter().find(|(_, line)| *line == at && at != lines.record) {
        Some((key, _)) => format!("{key}: {message}"),
        None => message,
    };
    DataError::new(ErrorKind::Shape, file, id.as_deref(), message).at(at)
}

/// serde's "invalid type: X, expected Y" as "expected Y, got X", the way
/// every other problem is worded; "missing field `x`" as "expected x, got none".
pub(crate) fn expected_got_text(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some((got, expected)) = message.strip_prefix(prefix).and_then(|m| m.rsplit_once(", expected ")) {
            let got = if prefix == "invalid length " { format!("length {got}") } else { got.to_owned() };
            return format!("expected {expected}, got {got}");
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("expected {}, got none", field.trim_matches('`'));
    }
    message.to_owned()
}

/// The `[[what]]` tables of `text`, what is wrong with the file's layout, and
/// its lines. Not generic, so that the wasm has it once.
fn tables<'i>(file: &str, text: &'i str, what: &str) -> (Vec<Table<'i>>, Vec<DataError>, LineIndex) {
    let index = LineIndex::new(text);
    let mut errors = Vec::new();
    let mut tables = Vec::new();
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let error = DataError::new(ErrorKind::Syntax, file, None, format!("expected TOML, got: {}", e.message()));
            let line = e.span().map_or(1, |s| index.line(s.start));
            return (tables, vec![error.at(line)], index);
        }
    };
    let mut version = None;
    for (key, value) in root.into_inner() {
        let at = index.line(key.span().start);
        // The file's format (geodata/schema/).
        if key.get_ref() == "version" {
            version = Some((&text[value.span()], at));
            continue;
        }
        if key.get_ref() != what {
            let message = format!("expected only [[{what}]] tables, got '{}'", key.get_ref());
            errors.push(DataError::new(ErrorKind::Shape, file, None, message).at(at));
            continue;
        }
        let items = match value.into_inner() {
            DeValue::Array(items) => items,
            other => {
                let message = format!("expected [[{what}]] tables, got {}", other.type_str());
                errors.push(DataError::new(ErrorKind::Shape, file, None, message).at(at));
                continue;
            }
        };
        for item in items {
            let line = index.line(item.span().start);
            let DeValue::Table(table) = item.get_ref() else {
                let message = format!("expected a [[{what}]] table, got {}", item.get_ref().type_str());
                errors.push(DataError::new(ErrorKind::Shape, file, None, message).at(line));
                continue;
            };
            let id = table.get("id").and_then(|v| v.get_ref().as_str()).map(str::to_owned);
            let fields = table.iter().map(|(k, _)| (k.get_ref().to_string(), index.line(k.span().start))).collect();
            tables.push(Table { value: item, lines: Lines { record: line, fields }, id });
        }
    }
    let (got, line) = version.map_or((None, 1), |(v, line)| (Some(v), line));
    errors.extend(version_problem(file, text, got, line));
    (tables, errors, index)
}

#[cfg(test)]
mod test {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
        #[serde(default)]
        n: u32,
    }

    #[test]
    fn records_keep_their_lines_and_a_bad_one_is_left_out() {
        let text =
            "version = 1\n\n[[item]]\nid = \"a\"\nn = 1\n\n[[item]]\nid = \"b\"\nn = \"two\"\n\n[[item]]\n\nid = \"c\"\n";
        let (items, errors) = read_records::<Item>("items.toml", text, "item");
        let ids: Vec<&str> = items.iter().map(|(i, _)| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!((items[0].1.record, items[0].1.of("n")), (3, 5));
        assert_eq!(items[1].1.of("id"), 13);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!((e.kind, e.line, e.id.as_deref()), (ErrorKind::Shape, Some(9), Some("b")));
        assert_eq!(e.message, "n: expected u32, got string \"two\"");
    }

    #[test]
    fn a_file_that_is_not_toml_yields_nothing_and_one_error_with_its_line() {
        let (items, errors) =
            read_records::<Item>("items.toml", "version = 1\n[[item]]\nid = \"a\"\nn = = 3\n", "item");
        assert!(items.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Syntax, Some(4)));
    }

    #[test]
    fn other_tables_are_named() {
        let (items, errors) =
            read_records::<Item>("items.toml", "version = 1\n[[item]]\nid = \"a\"\n[[items]]\nid = \"b\"\n", "item");
        assert_eq!(items.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Shape, Some(4)));
    }

    #[test]
    fn the_format_version_1_is_read_and_another_or_none_is_named() {
        let text = |v: &str| format!("#:schema ./schema/items.schema.json\n\n{v}\n\n[[item]]\nid = \"a\"\n");
        let (items, errors) = read_records::<Item>("items.toml", &text("version = 1"), "item");
        assert_eq!((items.len(), errors), (1, vec![]));
        for (v, line, got) in [("version = 2", 3, "got 2"), ("version = \"1\"", 3, "got \"1\""), ("", 1, "got none")] {
            let (items, errors) = read_records::<Item>("items.toml", &text(v), "item");
            assert_eq!(items.len(), 1, "{v}: the records still load");
            assert_eq!(errors.len(), 1, "{v}: {errors:?}");
            assert_eq!(
                (errors[0].kind, errors[0].file.as_str(), errors[0].line),
                (ErrorKind::Version, "items.toml", Some(line)),
                "{v}"
            );
            assert!(errors[0].message.ends_with(got), "{}", errors[0].message);
        }
        let (_, errors) = read_records::<Item>("items.toml", " \n", "item");
        assert!(errors.is_empty(), "a file with nothing in it is reported once, as not fetched: {errors:?}");
    }
}
