//! Format-preserving edits of the TOML record files: `facts.toml` (`[[fact]]`),
//! `sources.toml` (`[[source]]`), `themes.toml` (`[[theme]]`), `tour.toml`
//! (`[[stop]]`) and `layers.toml` (`[[layer]]`).
//!
//! A [`Records`] holds one file parsed with `toml_edit`, which keeps comments,
//! blank lines and each value's spelling; [`Records::text`] writes it back.
//! Records are found by their `id`. A changed value keeps the spacing and any
//! trailing comment of the one it replaces; a number keeps its digit grouping
//! (`218_480_000_000`).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::EditError;

/// The kinds of record, by the array-of-tables name their file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Fact,
    Source,
    Theme,
    Stop,
    Layer,
}

impl Kind {
    /// The `[[name]]` of the records in their file.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Fact => "fact",
            Kind::Source => "source",
            Kind::Theme => "theme",
            Kind::Stop => "stop",
            Kind::Layer => "layer",
        }
    }

    /// The deployed name of the file holding this kind of record.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Fact => "facts.toml",
            Kind::Source => "sources.toml",
            Kind::Theme => "themes.toml",
            Kind::Stop => "tour.toml",
            Kind::Layer => "layers.toml",
        }
    }
}

/// The fields of a fact the editor changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactField {
    Figure,
    Value,
    Unit,
    Period,
    ZhHans,
    ZhHant,
    En,
    Source,
}

impl FactField {
    pub const ALL: [FactField; 8] = [
        FactField::Figure,
        FactField::Value,
        FactField::Unit,
        FactField::Period,
        FactField::ZhHans,
        FactField::ZhHant,
        FactField::En,
        FactField::Source,
    ];

    /// The key in `facts.toml`.
    pub fn key(self) -> &'static str {
        match self {
            FactField::Figure => "figure",
            FactField::Value => "value",
            FactField::Unit => "unit",
            FactField::Period => "period",
            FactField::ZhHans => "zh_hans",
            FactField::ZhHant => "zh_hant",
            FactField::En => "en",
            FactField::Source => "source",
        }
    }
}

/// One record file, parsed for editing.
#[derive(Clone, Debug)]
pub struct Records {
    kind: Kind,
    doc: DocumentMut,
}

impl Records {
    /// Parses `text` as the file of `kind`; a file that is not TOML is refused
    /// with its line.
    pub fn parse(kind: Kind, text: &str) -> Result<Records, EditError> {
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().trim().to_owned();
            match line {
                Some(line) => EditError::new(kind.file(), None, format!("line {line}: invalid TOML: {message}")),
                None => EditError::new(kind.file(), None, format!("invalid TOML: {message}")),
            }
        })?;
        Ok(Records { kind, doc })
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The file's text, with every edit made.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    fn array(&self) -> Option<&ArrayOfTables> {
        self.doc.get(self.kind.table()).and_then(Item::as_array_of_tables)
    }

    fn array_mut(&mut self) -> Result<&mut ArrayOfTables, EditError> {
        let (file, name) = (self.kind.file(), self.kind.table());
        if self.doc.get(name).is_none() {
            self.doc.insert(name, Item::ArrayOfTables(ArrayOfTables::new()));
        }
        self.doc.get_mut(name).and_then(Item::as_array_of_tables_mut).ok_or_else(|| {
            EditError::new(file, None, format!("expected [[{name}]] records, got another kind of value"))
        })
    }

    /// The records' ids, in file order (a record without a string id is left out).
    pub fn ids(&self) -> Vec<String> {
        self.array()
            .map(|a| a.iter().filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.array()?.iter().position(|t| t.get("id").and_then(Item::as_str) == Some(id))
    }

    fn table(&self, id: &str) -> Option<&Table> {
        let i = self.index(id)?;
        self.array()?.get(i)
    }

    fn table_mut(&mut self, id: &str) -> Result<&mut Table, EditError> {
        let file = self.kind.file();
        let i = self.index(id).ok_or_else(|| self.unknown(id))?;
        self.array_mut()?.get_mut(i).ok_or_else(|| EditError::new(file, Some(id), "expected a record"))
    }

    fn unknown(&self, id: &str) -> EditError {
        EditError::new(
            self.kind.file(),
            Some(id),
            format!("expected a [[{}]] with this id, got none", self.kind.table()),
        )
    }

    /// A field as the file spells it: a string's contents, a number's or a
    /// boolean's text as written (`218_480_000_000`); `None` when absent.
    pub fn get(&self, id: &str, key: &str) -> Option<String> {
        let v = self.table(id)?.get(key)?.as_value()?;
        Some(match v {
            Value::String(s) => s.value().clone(),
            other => other.clone().decorated("", "").to_string(),
        })
    }

    /// A list field's strings (`members`, `facts`); empty when absent.
    pub fn get_list(&self, id: &str, key: &str) -> Vec<String> {
        self.table(id)
            .and_then(|t| t.get(key))
            .and_then(Item::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    /// A list of numbers (`bounds`); `None` when absent or not all numbers.
    pub fn get_numbers(&self, id: &str, key: &str) -> Option<Vec<f64>> {
        let a = self.table(id)?.get(key)?.as_array()?;
        a.iter().map(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64))).collect()
    }

    /// Sets a field to `value`, or removes it when `None`. The new value keeps
    /// the old one's spacing and trailing comment; a new field goes last.
    pub fn set_value(&mut self, id: &str, key: &str, value: Option<Value>) -> Result<(), EditError> {
        let table = self.table_mut(id)?;
        match value {
            None => {
                table.remove(key);
            }
            Some(mut new) => {
                if let Some(old) = table.get(key).and_then(Item::as_value) {
                    let d = old.decor();
                    let prefix = d.prefix().and_then(|p| p.as_str()).unwrap_or(" ").to_owned();
                    let suffix = d.suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
                    new = new.decorated(prefix, suffix);
                }
                table.insert(key, Item::Value(new));
            }
        }
        Ok(())
    }

    /// Sets a string field; an empty `value` removes the field.
    pub fn set_str(&mut self, id: &str, key: &str, value: &str) -> Result<(), EditError> {
        let v = (!value.is_empty()).then(|| Value::from(value));
        self.set_value(id, key, v)
    }

    /// Sets a boolean field (`key`, `closing`); `false` removes it, as the
    /// files leave out a false flag.
    pub fn set_flag(&mut self, id: &str, key: &str, on: bool) -> Result<(), EditError> {
        self.set_value(id, key, on.then(|| Value::from(true)))
    }

    /// Sets a number field from what the keeper typed ("218480000000",
    /// "218_480_000_000", "1.8"); an empty text removes it. Whole numbers are
    /// written as integers, grouped by thousands with `_` when the old value
    /// was grouped or the number has six digits or more.
    pub fn set_number(&mut self, id: &str, key: &str, typed: &str) -> Result<(), EditError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return self.set_value(id, key, None);
        }
        let plain: String = typed.chars().filter(|c| *c != '_' && *c != ',').collect();
        let number: f64 = plain.parse().ok().filter(|v: &f64| v.is_finite()).ok_or_else(|| {
            EditError::new(self.kind.file(), Some(id), format!("{key}: expected a number, got \"{typed}\""))
        })?;
        let grouped_before = self
            .table(id)
            .and_then(|t| t.get(key))
            .and_then(Item::as_value)
            .is_some_and(|v| v.clone().decorated("", "").to_string().contains('_'));
        let spelled = spell_number(number, grouped_before);
        let value: Value = spelled.parse().map_err(|_| {
            EditError::new(self.kind.file(), Some(id), format!("{key}: expected a number, got \"{typed}\""))
        })?;
        self.set_value(id, key, Some(value))
    }

    /// Sets a list of strings (`members`, `facts`, `aliases`); an empty list
    /// removes the field.
    pub fn set_list(&mut self, id: &str, key: &str, items: &[String]) -> Result<(), EditError> {
        let v = (!items.is_empty()).then(|| Value::Array(items.iter().map(String::as_str).collect::<Array>()));
        self.set_value(id, key, v)
    }

    /// A tour stop shows a box instead of a target: sets `bounds` to
    /// `[west, south, east, north]` (rounded to 4 decimals, ≈ 10 m) and
    /// removes `target`.
    pub fn set_bounds(&mut self, id: &str, bounds: [f64; 4]) -> Result<(), EditError> {
        let [w, s, e, n] = bounds;
        if !(w < e && s < n && bounds.iter().all(|v| v.is_finite())) {
            return Err(EditError::new(
                self.kind.file(),
                Some(id),
                format!("bounds: expected west < east and south < north, got {bounds:?}"),
            ));
        }
        let spelled = format!(
            "[{}, {}, {}, {}]",
            spell_number(round4(w), false),
            spell_number(round4(s), false),
            spell_number(round4(e), false),
            spell_number(round4(n), false)
        );
        let value: Value = spelled.parse().map_err(|_| EditError::new(self.kind.file(), Some(id), "bounds"))?;
        self.set_value(id, "target", None)?;
        self.set_value(id, "bounds", Some(value))
    }

    /// Adds a record with this id (and nothing else yet) after the record
    /// `after`, or last; refuses an id already used.
    pub fn add(&mut self, id: &str, after: Option<&str>) -> Result<(), EditError> {
        if self.index(id).is_some() {
            return Err(EditError::new(self.kind.file(), Some(id), "expected a new id, got one already used"));
        }
        let at = match after {
            Some(a) => self.index(a).ok_or_else(|| self.unknown(a))? + 1,
            None => self.array().map_or(0, ArrayOfTables::len),
        };
        let mut table = Table::new();
        table.insert("id", toml_edit::value(id));
        table.decor_mut().set_prefix("\n");
        self.array_mut()?.insert(at, table);
        Ok(())
    }

    /// Removes a record. A comment above it (a section heading) passes to the
    /// record that follows, unless that one has its own.
    pub fn remove(&mut self, id: &str) -> Result<(), EditError> {
        let i = self.index(id).ok_or_else(|| self.unknown(id))?;
        let array = self.array_mut()?;
        let removed = array.remove(i);
        let heading = removed.decor().prefix().and_then(|p| p.as_str()).filter(|p| p.contains('#')).map(str::to_owned);
        if let (Some(heading), Some(next)) = (heading, array.get_mut(i)) {
            let own = next.decor().prefix().and_then(|p| p.as_str()).is_some_and(|p| p.contains('#'));
            if !own {
                next.decor_mut().set_prefix(heading);
            }
        }
        Ok(())
    }

    /// The record's place among the records (0-based).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index(id)
    }

    /// Moves a record to position `to` (0-based, clamped) among the records.
    pub fn move_to(&mut self, id: &str, to: usize) -> Result<(), EditError> {
        let from = self.index(id).ok_or_else(|| self.unknown(id))?;
        let array = self.array_mut()?;
        // The document writes tables in the order of their positions, so the
        // positions move with the order.
        let positions: Vec<Option<isize>> = array.iter().map(Table::position).collect();
        let mut tables: Vec<Table> = (0..array.len()).map(|_| array.remove(0)).collect();
        let t = tables.remove(from);
        tables.insert(to.min(tables.len()), t);
        // The file's header comment stays at the top of the file.
        if from == 0 || to == 0 {
            let header = positions_first_prefix(&tables, from, to);
            if let Some((old_first, header)) = header {
                tables[old_first].decor_mut().set_prefix("\n");
                tables[0].decor_mut().set_prefix(header);
            }
        }
        let mut sorted: Vec<isize> = positions.iter().flatten().copied().collect();
        sorted.sort_unstable();
        let complete = sorted.len() == tables.len();
        for (i, mut t) in tables.into_iter().enumerate() {
            if complete {
                t.set_position(Some(sorted[i]));
            }
            array.push(t);
        }
        Ok(())
    }
}

/// Where the old first table went, and its prefix (the file's header), when
/// a move changed which table is first.
fn positions_first_prefix(tables: &[Table], from: usize, to: usize) -> Option<(usize, String)> {
    let old_first = if from == 0 { to.min(tables.len() - 1) } else { 1 };
    if old_first == 0 {
        return None;
    }
    let header = tables[old_first].decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
    Some((old_first, header))
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// A number as the files write it: whole numbers without a fraction, grouped
/// by thousands with `_` when `group` or six digits or more; others in their
/// shortest exact form.
pub fn spell_number(v: f64, group: bool) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        let digits = format!("{}", v.abs() as u64);
        let sign = if v < 0.0 { "-" } else { "" };
        if group || digits.len() >= 6 {
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push('_');
                }
                out.push(c);
            }
            return format!("{sign}{out}");
        }
        return format!("{sign}{digits}");
    }
    format!("{v}")
}

#[cfg(test)]
mod test {
    use super::*;

    const FACTS: &str = include_str!("../../geodata/facts.toml");
    const TOUR: &str = include_str!("../../geodata/tour.toml");
    const THEMES: &str = include_str!("../../geodata/themes.toml");
    const SOURCES: &str = include_str!("../../geodata/sources.toml");

    /// The lines of `after` that differ from `before`, as (old, new) pairs;
    /// both texts must have the same number of lines.
    fn changed_lines<'a>(before: &'a str, after: &'a str) -> Vec<(&'a str, &'a str)> {
        let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
        assert_eq!(b.len(), a.len(), "the line count changed");
        b.into_iter().zip(a).filter(|(x, y)| x != y).collect()
    }

    #[test]
    fn untouched_file_is_written_back_byte_for_byte() {
        let layers = include_str!("../../geodata/layers.toml");
        for (kind, text) in [
            (Kind::Fact, FACTS),
            (Kind::Source, SOURCES),
            (Kind::Theme, THEMES),
            (Kind::Stop, TOUR),
            (Kind::Layer, layers),
        ] {
            assert_eq!(Records::parse(kind, text).unwrap().text(), text, "{}", kind.file());
        }
    }

    #[test]
    fn a_changed_figure_changes_one_line() {
        let mut r = Records::parse(Kind::Fact, FACTS).unwrap();
        r.set_str("bj-area", "figure", "73平方公里").unwrap();
        let out = r.text();
        assert_eq!(changed_lines(FACTS, &out), vec![("figure = \"72平方公里\"", "figure = \"73平方公里\"")]);
        assert_eq!(r.get("bj-area", "figure").as_deref(), Some("73平方公里"));
        // The schema line is still the file's first line, the header comment after it.
        assert!(out.starts_with("#:schema ./schema/facts.schema.json\n\n# What the map says about each zone"));
    }

    #[test]
    fn every_fact_field_round_trips() {
        let mut r = Records::parse(Kind::Fact, FACTS).unwrap();
        let values = [
            (FactField::Figure, "2200亿元"),
            (FactField::Unit, "cny"),
            (FactField::Period, "2023"),
            (FactField::ZhHans, "新的句子。"),
            (FactField::ZhHant, "新的句子。"),
            (FactField::En, "A new \"sentence\"."),
            (FactField::Source, "s002"),
        ];
        for (field, v) in values {
            r.set_str("bj-gdp-2022", field.key(), v).unwrap();
        }
        r.set_number("bj-gdp-2022", FactField::Value.key(), "220000000000").unwrap();
        let again = Records::parse(Kind::Fact, &r.text()).unwrap();
        for (field, v) in values {
            assert_eq!(again.get("bj-gdp-2022", field.key()).as_deref(), Some(v), "{field:?}");
        }
        assert_eq!(again.get("bj-gdp-2022", "value").as_deref(), Some("220_000_000_000"));
        let keys: Vec<&str> = FactField::ALL.iter().map(|f| f.key()).collect();
        for (_, new) in changed_lines(FACTS, &r.text()) {
            assert!(keys.iter().any(|k| new.starts_with(&format!("{k} = "))), "{new}");
        }
    }

    #[test]
    fn numbers_keep_their_grouping_and_refuse_words() {
        let mut r = Records::parse(Kind::Fact, FACTS).unwrap();
        r.set_number("bj-area", "value", "73").unwrap();
        assert_eq!(r.get("bj-area", "value").as_deref(), Some("73"));
        r.set_number("bj-area", "value", "13.48").unwrap();
        assert_eq!(r.get("bj-area", "value").as_deref(), Some("13.48"));
        let e = r.set_number("bj-area", "value", "seventy").unwrap_err();
        assert_eq!((e.file.as_str(), e.id.as_deref()), ("facts.toml", Some("bj-area")));
        assert_eq!(spell_number(38_000.0, true), "38_000");
        assert_eq!(spell_number(8340.0, false), "8340");
        assert_eq!(spell_number(218_480_000_000.0, false), "218_480_000_000");
    }

    #[test]
    fn a_fact_is_added_where_asked_and_removed_without_losing_headings() {
        let mut r = Records::parse(Kind::Fact, FACTS).unwrap();
        r.add("bj-new", Some("bj-area")).unwrap();
        r.set_str("bj-new", "subject", "binjiang").unwrap();
        let ids = Records::parse(Kind::Fact, &r.text()).unwrap().ids();
        let at = ids.iter().position(|i| i == "bj-area").unwrap();
        assert_eq!(ids[at + 1], "bj-new");
        assert!(r.add("bj-new", None).is_err(), "a second record with the same id");
        r.remove("bj-new").unwrap();
        assert_eq!(r.text(), FACTS);
        // Removing the first fact of a section keeps the section's heading.
        r.remove("bj-area").unwrap();
        assert!(r.text().contains("# 杭州高新区（滨江）: size and output\n\n[[fact]]\nid = \"bj-smallest-county\""));
    }

    #[test]
    fn tour_stops_reorder_and_take_a_view() {
        let mut r = Records::parse(Kind::Stop, TOUR).unwrap();
        let ids = r.ids();
        r.move_to(&ids[0], 2).unwrap();
        let again = Records::parse(Kind::Stop, &r.text()).unwrap().ids();
        assert_eq!(again[2], ids[0]);
        assert_eq!(again[0], ids[1]);
        assert!(r.text().starts_with("#:schema ./schema/tour.schema.json\n\n# The guided tour"));
        r.set_list(&ids[1], "facts", &["bj-area".to_owned(), "bj-gdp-2022".to_owned()]).unwrap();
        r.set_bounds(&ids[1], [120.1, 30.1, 120.3, 30.25]).unwrap();
        let again = Records::parse(Kind::Stop, &r.text()).unwrap();
        assert_eq!(again.get_numbers(&ids[1], "bounds"), Some(vec![120.1, 30.1, 120.3, 30.25]));
        assert_eq!(again.get(&ids[1], "target"), None);
        assert_eq!(again.get_list(&ids[1], "facts"), ["bj-area", "bj-gdp-2022"]);
        assert!(r.set_bounds(&ids[1], [120.3, 30.1, 120.1, 30.25]).is_err());
    }

    #[test]
    fn theme_members_and_source_fields_change_in_place() {
        let mut t = Records::parse(Kind::Theme, THEMES).unwrap();
        let mut members = t.get_list("towns", "members");
        members.push("binxiao".to_owned());
        t.set_list("towns", "members", &members).unwrap();
        assert_eq!(
            changed_lines(THEMES, &t.text()),
            vec![(
                "members = [\"iot-town\", \"internet-town\"]",
                "members = [\"iot-town\", \"internet-town\", \"binxiao\"]"
            )]
        );
        let mut s = Records::parse(Kind::Source, SOURCES).unwrap();
        s.set_str("s000", "date", "2023-05-06").unwrap();
        assert_eq!(changed_lines(SOURCES, &s.text()), vec![("date = \"2023-05-05\"", "date = \"2023-05-06\"")]);
    }

    #[test]
    fn text_that_looks_like_toml_stays_one_value() {
        let mut r = Records::parse(Kind::Theme, THEMES).unwrap();
        let odd = "a \"quoted\" name\n]]\n[[theme]]\nid = \"x\" # not a comment \\ '''";
        r.set_str("towns", "name_en", odd).unwrap();
        let again = Records::parse(Kind::Theme, &r.text()).unwrap();
        assert_eq!(again.get("towns", "name_en").as_deref(), Some(odd));
        assert_eq!(again.ids(), Records::parse(Kind::Theme, THEMES).unwrap().ids());
    }

    #[test]
    fn comments_on_a_changed_line_survive() {
        let text = "# head\n[[fact]]\nid = \"a\"\nvalue = 1  # a note\n";
        let mut r = Records::parse(Kind::Fact, text).unwrap();
        r.set_number("a", "value", "2").unwrap();
        assert_eq!(r.text(), "# head\n[[fact]]\nid = \"a\"\nvalue = 2  # a note\n");
    }

    #[test]
    fn broken_toml_is_refused_with_its_line() {
        let e = Records::parse(Kind::Fact, "[[fact]]\nid = \"a\"\nvalue = = 1\n").unwrap_err();
        assert_eq!(e.file, "facts.toml");
        assert!(e.message.starts_with("line 3:"), "{}", e.message);
        let r = Records::parse(Kind::Fact, FACTS).unwrap();
        let mut r2 = r.clone();
        assert_eq!(r2.set_str("no-such-fact", "figure", "1").unwrap_err().id.as_deref(), Some("no-such-fact"));
    }
}
