//! Reading a TOML file of `[[record]]` tables into typed records, one at a
//! time: a record that does not fit its type is reported and left out, the
//! others are read; a file that is not TOML is reported with its line and
//! yields nothing. Every record keeps the lines of its fields, so later checks
//! can name the line of the field at fault.
//!
//! A record is read field by field from the parsed table ([`Fields`]), not
//! through serde: the few value types records use, the messages serde would
//! give ("expected a string, got integer `3`"), and a much smaller wasm than a
//! derived deserializer for every record type.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{DataError, ErrorKind, Names};

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

/// The `[[what]]` tables of `text` (the file `file`), each read as a `T` by
/// `read`, with the problems found on the way.
pub fn read_records<T>(
    file: &str,
    text: &str,
    what: &str,
    read: fn(&mut Fields) -> T,
) -> (Vec<(T, Lines)>, Vec<DataError>) {
    let (tables, mut errors, index) = tables(file, text, what);
    let mut records = Vec::with_capacity(tables.len());
    for Table { value, lines, id } in tables {
        let DeValue::Table(table) = value.get_ref() else { continue };
        let mut fields = Fields::new(table, value.span().start);
        let record = read(&mut fields);
        match fields.finish() {
            None => records.push((record, lines)),
            Some(fault) => errors.push(record_error(file, &index, &lines, id, fault)),
        }
    }
    (records, errors)
}

/// A value at fault in a record: where it starts (a byte offset) and what is wrong.
#[derive(Debug)]
pub struct Fault {
    pub at: usize,
    pub message: String,
}

/// The fields of one `[[table]]`, read by key. An absent key reads as empty
/// (`""`, `false`, `None`, `[]`); a value of another type reads as empty too
/// and is noted, and so is a key no getter asked for: [`read_records`] then
/// leaves the record out and reports the first fault in the file's order.
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Where the table starts (a missing field is reported there).
    at: usize,
    known: Vec<&'static str>,
    faults: Vec<Fault>,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// The fields of `table`, starting at byte `at` of its file.
    pub fn new(table: &'t DeTable<'i>, at: usize) -> Fields<'t, 'i> {
        Fields { table, at, known: Vec::new(), faults: Vec::new() }
    }

    /// The value of `key` as parsed, with its span.
    pub fn value(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    /// A string that must be there ("missing field `key`" when absent).
    pub fn required_text(&mut self, key: &'static str) -> String {
        if !self.table.contains_key(key) {
            self.faults.push(Fault { at: self.at, message: format!("missing field `{key}`") });
        }
        self.text(key)
    }

    /// An array of strings, `None` when absent.
    pub fn opt_texts(&mut self, key: &'static str) -> Option<Vec<String>> {
        self.table.contains_key(key).then(|| self.texts(key))
    }

    /// A table of a text in every language (`zh_hans`, `zh_hant`, `en`, all
    /// three required), `None` when absent.
    pub fn opt_names(&mut self, key: &'static str) -> Option<Spanned<Names>> {
        let v = self.value(key)?;
        let DeValue::Table(table) = v.get_ref() else {
            self.wrong(v, "struct Names");
            return None;
        };
        let mut inner =
            Fields { table, at: v.span().start, known: vec!["zh_hans", "zh_hant", "en"], faults: Vec::new() };
        let names = Names {
            zh_hans: inner.required_text("zh_hans"),
            zh_hant: inner.required_text("zh_hant"),
            en: inner.required_text("en"),
        };
        // Other keys in a text table are ignored, as they always were.
        self.faults.extend(inner.faults);
        Some(Spanned::new(v.span(), names))
    }

    /// What is wrong with the table so far, first in the file's order,
    /// counting a key no getter asked for.
    pub fn fault(self) -> Option<Fault> {
        self.finish()
    }

    fn wrong(&mut self, v: &Spanned<DeValue>, expected: &str) {
        self.faults
            .push(Fault { at: v.span().start, message: format!("expected {expected}, got {}", got(v.get_ref())) });
    }

    /// A string; absent reads as "".
    pub fn text(&mut self, key: &'static str) -> String {
        self.opt_text(key).unwrap_or_default()
    }

    pub fn opt_text(&mut self, key: &'static str) -> Option<String> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong(v, "a string");
                None
            }
        }
    }

    /// A boolean; absent reads as false.
    pub fn flag(&mut self, key: &'static str) -> bool {
        let Some(v) = self.value(key) else { return false };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong(v, "a boolean");
                false
            }
        }
    }

    /// A number (integer or float).
    pub fn opt_number(&mut self, key: &'static str) -> Option<f64> {
        let v = self.value(key)?;
        let n = number(v.get_ref());
        if n.is_none() {
            self.wrong(v, "f64");
        }
        n
    }

    /// An array of strings; absent reads as [].
    pub fn texts(&mut self, key: &'static str) -> Vec<String> {
        let Some(v) = self.value(key) else { return Vec::new() };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong(v, "a sequence");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(s.to_string()),
                _ => self.wrong(item, "a string"),
            }
        }
        out
    }

    /// An array of numbers.
    pub fn opt_numbers(&mut self, key: &'static str) -> Option<Vec<f64>> {
        let v = self.value(key)?;
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong(v, "a sequence");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match number(item.get_ref()) {
                Some(n) => out.push(n),
                None => self.wrong(item, "f64"),
            }
        }
        Some(out)
    }

    /// The first fault in the file's order, counting a key no getter asked for.
    fn finish(mut self) -> Option<Fault> {
        for (key, _) in self.table.iter() {
            if !self.known.contains(&key.get_ref().as_ref()) {
                let expected = match self.known.as_slice() {
                    [] => "there are no fields".to_owned(),
                    [one] => format!("expected `{one}`"),
                    [a, b] => format!("expected `{a}` or `{b}`"),
                    all => format!(
                        "expected one of {}",
                        all.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    ),
                };
                let message = format!("unknown field `{}`, {expected}", key.get_ref());
                self.faults.push(Fault { at: key.span().start, message });
            }
        }
        self.faults.into_iter().min_by_key(|f| f.at)
    }
}

/// A TOML number as an f64: an integer, or a float as written.
fn number(v: &DeValue) -> Option<f64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok().map(|i| i as f64),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok().filter(|n| n.is_finite() || f.as_str().contains("inf")),
        _ => None,
    }
}

/// A value as serde names what it got: `integer `3``, `string "x"`, `map`.
fn got(v: &DeValue) -> String {
    match v {
        DeValue::String(s) => format!("string {:?}", s.as_ref()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => format!("integer `{n}`"),
            Err(_) => "integer number overflowed".to_owned(),
        },
        DeValue::Float(f) => format!("floating point `{}`", f.as_str()),
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        DeValue::Datetime(_) | DeValue::Table(_) => "map".to_owned(),
        DeValue::Array(_) => "sequence".to_owned(),
    }
}

/// A record that does not fit its type, located at the field at fault.
fn record_error(file: &str, index: &LineIndex, lines: &Lines, id: Option<String>, fault: Fault) -> DataError {
    let at = index.line(fault.at);
    // A value at fault is named by its key ("name_en: expected a string, got integer `3`").
    let message = match lines.fields.iter().find(|(_, line)| *line == at && at != lines.record) {
        Some((key, _)) => format!("{key}: {}", fault.message),
        None => fault.message,
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
    #[derive(Debug, PartialEq)]
    struct Item {
        id: String,
        n: Option<f64>,
    }

    fn item(f: &mut Fields) -> Item {
        Item { id: f.text("id"), n: f.opt_number("n") }
    }

    #[test]
    fn records_keep_their_lines_and_a_bad_one_is_left_out() {
        let text =
            "version = 1\n\n[[item]]\nid = \"a\"\nn = 1\n\n[[item]]\nid = \"b\"\nn = \"two\"\n\n[[item]]\n\nid = \"c\"\n";
        let (items, errors) = read_records("items.toml", text, "item", item);
        let ids: Vec<&str> = items.iter().map(|(i, _)| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!((items[0].1.record, items[0].1.of("n")), (3, 5));
        assert_eq!(items[1].1.of("id"), 13);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!((e.kind, e.line, e.id.as_deref()), (ErrorKind::Shape, Some(9), Some("b")));
        assert_eq!(e.message, "n: expected f64, got string \"two\"");
    }

    /// Each value type read as serde would have: an integer for a number, the
    /// fault of an array's element on the element's line, an unknown key on
    /// its own line, and of several faults the first in the file.
    #[test]
    fn every_field_type_is_read_and_the_first_fault_in_the_file_is_the_one_named() {
        struct Rec {
            id: String,
            on: bool,
            ns: Option<Vec<f64>>,
            ts: Vec<String>,
        }
        fn rec(f: &mut Fields) -> Rec {
            Rec { id: f.text("id"), on: f.flag("on"), ns: f.opt_numbers("ns"), ts: f.texts("ts") }
        }
        let ok = "version = 1\n[[r]]\nid = \"a\"\non = true\nns = [1, 2.5]\nts = [\"x\"]\n";
        let (recs, errors) = read_records("r.toml", ok, "r", rec);
        assert!(errors.is_empty(), "{errors:?}");
        let r = &recs[0].0;
        assert_eq!(
            (r.id.as_str(), r.on, r.ns.as_deref(), r.ts.as_slice()),
            ("a", true, Some(&[1.0, 2.5][..]), &["x".to_owned()][..])
        );
        let faults = [
            ("on = \"yes\"", "on: expected a boolean, got string \"yes\"", 4),
            ("ts = [\n  \"x\",\n  3,\n]", "expected a string, got integer `3`", 6),
            ("ns = \"1\"", "ns: expected a sequence, got string \"1\"", 4),
            ("colour = \"red\"", "colour: unknown field `colour`, expected one of `id`, `on`, `ns`, `ts`", 4),
            ("ns = [true]\non = 1", "ns: expected f64, got boolean `true`", 4),
        ];
        for (field, message, line) in faults {
            let text = format!("version = 1\n[[r]]\nid = \"b\"\n{field}\n");
            let (recs, errors) = read_records("r.toml", &text, "r", rec);
            assert!(recs.is_empty(), "{field}");
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(
                (errors[0].message.as_str(), errors[0].line, errors[0].id.as_deref()),
                (message, Some(line), Some("b")),
                "{field}"
            );
        }
    }

    #[test]
    fn a_file_that_is_not_toml_yields_nothing_and_one_error_with_its_line() {
        let (items, errors) = read_records("items.toml", "version = 1\n[[item]]\nid = \"a\"\nn = = 3\n", "item", item);
        assert!(items.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Syntax, Some(4)));
    }

    #[test]
    fn other_tables_are_named() {
        let (items, errors) =
            read_records("items.toml", "version = 1\n[[item]]\nid = \"a\"\n[[items]]\nid = \"b\"\n", "item", item);
        assert_eq!(items.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Shape, Some(4)));
    }

    #[test]
    fn the_format_version_1_is_read_and_another_or_none_is_named() {
        let text = |v: &str| format!("#:schema ./schema/items.schema.json\n\n{v}\n\n[[item]]\nid = \"a\"\n");
        let (items, errors) = read_records("items.toml", &text("version = 1"), "item", item);
        assert_eq!((items.len(), errors), (1, vec![]));
        for (v, line, got) in [("version = 2", 3, "got 2"), ("version = \"1\"", 3, "got \"1\""), ("", 1, "got none")] {
            let (items, errors) = read_records("items.toml", &text(v), "item", item);
            assert_eq!(items.len(), 1, "{v}: the records still load");
            assert_eq!(errors.len(), 1, "{v}: {errors:?}");
            assert_eq!(
                (errors[0].kind, errors[0].file.as_str(), errors[0].line),
                (ErrorKind::Version, "items.toml", Some(line)),
                "{v}"
            );
            assert!(errors[0].message.ends_with(got), "{}", errors[0].message);
        }
        let (_, errors) = read_records("items.toml", " \n", "item", item);
        assert!(errors.is_empty(), "a file with nothing in it is reported once, as not fetched: {errors:?}");
    }
}
