//! Facts, sources and themes: what the details panel says about a zone, a
//! site or a theme, and where each statement comes from.
//!
//! Three hand-edited files under `geodata/` hold the catalogue:
//!
//! | file | records |
//! |---|---|
//! | [`SOURCES_FILE`] | `[[source]]`: the articles every fact comes from |
//! | [`FACTS_FILE`] | `[[fact]]`: one statement in three languages, maybe with a figure |
//! | [`THEMES_FILE`] | `[[theme]]`: programmes linking several zones and sites |
//!
//! `build.rs` turns them into one JSON document (`{"sources": …, "facts": …,
//! "themes": …}`, each file's table as it is), which [`Catalogue::bundled`]
//! embeds, so the binary carries no TOML parser. [`Catalogue::from_json`]
//! refuses what cannot be a catalogue at all (a field of the wrong type, an
//! unknown key, an unknown unit, half a figure); [`Catalogue::validate`] then
//! lists every remaining fault (unknown source or subject, blank text, a value
//! that disagrees with its printed figure, a one-sided conflict), each naming
//! its file and record.
//!
//! Texts are plain text: nothing here interprets markup, and the UI sets them
//! as text, never as HTML.

use serde_json::{Map, Value};

use super::figures::check_figure;
pub use super::figures::{format_figure, Figure, Unit};
use super::{DataError, Names};

pub const SOURCES_FILE: &str = "geodata/sources.toml";
pub const FACTS_FILE: &str = "geodata/facts.toml";
pub const THEMES_FILE: &str = "geodata/themes.toml";

/// The catalogue as built from `geodata/` by `build.rs` (JSON).
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// An article facts are taken from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// "s000" … ; facts name their source by it.
    pub id: String,
    /// The headline as published; `None` for an outside source known only by
    /// publisher, date and page.
    pub title: Option<String>,
    /// Who published it, written for each language's citations.
    pub publisher: Names,
    /// ISO date, as precise as known: "2023-05-05" or "2023-08".
    pub date: String,
    /// How the date is known: printed on the page, or inferred (and from what).
    pub date_basis: String,
    /// The file in `shared/seeds/` holding the article's text; `None` for an
    /// outside source whose text is not held (its figures cannot be checked
    /// against the text).
    pub seed: Option<String>,
    /// "Hans" or "Hant": the script the article is printed in.
    pub script: String,
    /// A short English remark about the source (its scope, caveats).
    pub note: Option<String>,
}

/// One statement about a zone, site or theme, from one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub id: String,
    /// A zone id, a site id or a theme id.
    pub subject: String,
    /// One of the few headline figures of its subject.
    pub key: bool,
    /// The id of the [`Source`] it comes from.
    pub source: String,
    /// The time the statement is about: "2022", "2023-H1", "2023-01..05", "as of 2023-08".
    pub period: Option<String>,
    /// The statement, written for this map in each language.
    pub text: Names,
    pub figure: Option<Figure>,
    /// Another fact, from another source, that says something different about the same thing.
    pub conflicts_with: Option<String>,
    /// The same measure at an earlier time (a series, not a disagreement):
    /// 65 listed firms in August 2022, then 69 in early 2023.
    pub earlier: Option<String>,
    /// Ids this fact was known by before; links and tours naming them still find it.
    pub was: Vec<String>,
}

/// A programme or framework that links several zones and sites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub names: Names,
    /// Zone and site ids.
    pub members: Vec<String>,
    /// Other names people type to find it (any language).
    pub aliases: Vec<String>,
}

/// Everything the details panels say, with its sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub themes: Vec<Theme>,
}

impl Catalogue {
    /// The catalogue committed under `geodata/`, built into the binary.
    pub fn bundled() -> Result<Catalogue, DataError> {
        Self::from_json(BUNDLED_JSON)
    }

    /// Reads the JSON `build.rs` writes. Missing or blank text is accepted here
    /// and reported by [`Catalogue::validate`]; a value of the wrong type, an
    /// unknown key or an unknown unit is refused with the file and record named.
    pub fn from_json(json: &str) -> Result<Catalogue, DataError> {
        let root: Value = serde_json::from_str(json)
            .map_err(|e| DataError::new("catalogue.json", None, format!("expected JSON, got a parse error ({e})")))?;
        let sources = records(&root, "sources", "source", SOURCES_FILE)?
            .into_iter()
            .map(read_source)
            .collect::<Result<_, _>>()?;
        let facts =
            records(&root, "facts", "fact", FACTS_FILE)?.into_iter().map(read_fact).collect::<Result<_, _>>()?;
        let themes =
            records(&root, "themes", "theme", THEMES_FILE)?.into_iter().map(read_theme).collect::<Result<_, _>>()?;
        Ok(Catalogue { sources, facts, themes })
    }

    /// The facts about `subject`: its key facts first, then the rest, each in file order.
    pub fn facts_for<'a>(&'a self, subject: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        let with_key = move |key: bool| self.facts.iter().filter(move |f| f.subject == subject && f.key == key);
        with_key(true).chain(with_key(false))
    }

    /// The fact with this id, or the fact that was known by it before.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id).or_else(|| self.facts.iter().find(|f| f.was.iter().any(|w| w == id)))
    }

    /// The fact recorded as following `id` in a series (its `earlier` names `id`).
    pub fn later(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.earlier.as_deref() == Some(id))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The themes a zone or site belongs to, in file order.
    pub fn themes_of<'a>(&'a self, member: &'a str) -> impl Iterator<Item = &'a Theme> + 'a {
        self.themes.iter().filter(move |t| t.members.iter().any(|m| m == member))
    }

    /// Every fault in the catalogue; empty when it is sound. `subject_exists`
    /// says whether a zone or site id is on the map (see `Atlas`).
    pub fn validate(&self, subject_exists: &dyn Fn(&str) -> bool) -> Vec<DataError> {
        let mut errors = Vec::new();
        self.validate_sources(&mut errors);
        self.validate_themes(subject_exists, &mut errors);
        self.validate_facts(subject_exists, &mut errors);
        errors
    }

    fn validate_sources(&self, errors: &mut Vec<DataError>) {
        let file = SOURCES_FILE;
        for (i, s) in self.sources.iter().enumerate() {
            let Some(id) = record_id(file, "source", i, &s.id, errors) else { continue };
            if self.sources[..i].iter().any(|o| o.id == s.id) {
                errors.push(DataError::new(file, Some(id), "expected a unique id, got a second source with this id"));
            }
            for (field, v) in [("date", &s.date), ("date_basis", &s.date_basis), ("script", &s.script)] {
                if v.trim().is_empty() {
                    errors.push(DataError::new(file, Some(id), format!("expected a {field}, got none")));
                }
            }
            for lang in s.publisher.missing() {
                errors.push(DataError::new(
                    file,
                    Some(id),
                    format!("expected a publisher in {}, got none", lang.tag()),
                ));
            }
            if s.seed.is_some() && s.title.is_none() {
                errors.push(DataError::new(file, Some(id), "expected the title of an article whose text is held"));
            }
            if !s.script.trim().is_empty() && s.script != "Hans" && s.script != "Hant" {
                errors.push(DataError::new(
                    file,
                    Some(id),
                    format!("expected script \"Hans\" or \"Hant\", got \"{}\"", s.script),
                ));
            }
            if !s.date.trim().is_empty() && !is_iso_date(&s.date) {
                errors.push(DataError::new(
                    file,
                    Some(id),
                    format!("expected an ISO date (2023-05-05 or 2023-08), got \"{}\"", s.date),
                ));
            }
        }
    }

    fn validate_themes(&self, subject_exists: &dyn Fn(&str) -> bool, errors: &mut Vec<DataError>) {
        let file = THEMES_FILE;
        for (i, t) in self.themes.iter().enumerate() {
            let Some(id) = record_id(file, "theme", i, &t.id, errors) else { continue };
            if self.themes[..i].iter().any(|o| o.id == t.id) {
                errors.push(DataError::new(file, Some(id), "expected a unique id, got a second theme with this id"));
            }
            if subject_exists(id) {
                errors.push(DataError::new(file, Some(id), "expected an id of its own, got the id of a zone or site"));
            }
            for lang in t.names.missing() {
                errors.push(DataError::new(file, Some(id), format!("expected a name in {}, got none", lang.tag())));
            }
            if t.members.is_empty() {
                errors.push(DataError::new(file, Some(id), "expected members, got none"));
            }
            for (j, m) in t.members.iter().enumerate() {
                if !subject_exists(m) {
                    errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected zone or site ids as members, got unknown '{m}'"),
                    ));
                } else if t.members[..j].contains(m) {
                    errors.push(DataError::new(file, Some(id), format!("expected each member once, got '{m}' twice")));
                }
            }
        }
    }

    fn validate_facts(&self, subject_exists: &dyn Fn(&str) -> bool, errors: &mut Vec<DataError>) {
        let file = FACTS_FILE;
        for (i, f) in self.facts.iter().enumerate() {
            let Some(id) = record_id(file, "fact", i, &f.id, errors) else { continue };
            if self.facts[..i].iter().any(|o| o.id == f.id) {
                errors.push(DataError::new(file, Some(id), "expected a unique id, got a second fact with this id"));
            }
            if f.subject.trim().is_empty() {
                errors.push(DataError::new(file, Some(id), "expected a subject, got none"));
            } else if !subject_exists(&f.subject) && self.theme(&f.subject).is_none() {
                errors.push(DataError::new(
                    file,
                    Some(id),
                    format!("expected a zone, site or theme id as subject, got unknown '{}'", f.subject),
                ));
            }
            if f.source.trim().is_empty() {
                errors.push(DataError::new(file, Some(id), "expected a source, got none"));
            } else if self.source(&f.source).is_none() {
                errors.push(DataError::new(
                    file,
                    Some(id),
                    format!("expected a source id from {SOURCES_FILE}, got unknown '{}'", f.source),
                ));
            }
            for lang in f.text.missing() {
                errors.push(DataError::new(file, Some(id), format!("expected text in {}, got none", lang.tag())));
            }
            if let Some(figure) = &f.figure {
                if let Err(message) = check_figure(figure) {
                    errors.push(DataError::new(file, Some(id), message));
                }
                if self.source(&f.source).is_some_and(|s| s.seed.is_none()) {
                    errors.push(DataError::new(
                        file,
                        Some(id),
                        format!(
                            "expected a figure only from a source whose text is held (so it can be checked), \
                             got one from {}",
                            f.source
                        ),
                    ));
                }
            }
            if let Some(other) = &f.conflicts_with {
                match self.fact(other) {
                    _ if other == &f.id => errors.push(DataError::new(
                        file,
                        Some(id),
                        "expected another fact in conflicts_with, got itself",
                    )),
                    None => errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected a fact id in conflicts_with, got unknown '{other}'"),
                    )),
                    Some(o) if o.conflicts_with.as_deref() != Some(f.id.as_str()) => errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected '{other}' to name this fact in its conflicts_with too"),
                    )),
                    Some(_) => {}
                }
            }
            self.validate_period(f, errors);
            self.validate_series(f, errors);
            for (j, w) in f.was.iter().enumerate() {
                if !is_kebab(w) {
                    errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected former ids in kebab-case, got '{w}'"),
                    ));
                } else if self.facts.iter().any(|o| &o.id == w) {
                    errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected a former id no fact uses now, got '{w}'"),
                    ));
                } else if f.was[..j].contains(w) || self.facts[..i].iter().any(|o| o.was.contains(w)) {
                    errors.push(DataError::new(
                        file,
                        Some(id),
                        format!("expected each former id once, got '{w}' again"),
                    ));
                }
            }
        }
    }

    /// A fact's period must be one the map can read, and not after its
    /// source's date: an article cannot report on a time after it was
    /// written. A target may lie ahead, but not end before the article.
    fn validate_period(&self, f: &Fact, errors: &mut Vec<DataError>) {
        let err = |m: String| DataError::new(FACTS_FILE, Some(&f.id), m);
        let Some(p) = f.period.as_deref() else {
            if f.key {
                errors.push(err("expected a period on a key fact (readers quote these), got none".into()));
            }
            return;
        };
        let Some(span) = period_span(p) else {
            errors.push(err(format!(
                "expected a period such as 2022, 2022-H1, 2023-Q1, 2023-01..05, 2022-06, \
                 as of 2022-08, as reported 2023-05 or target 2025, got \"{p}\""
            )));
            return;
        };
        let Some(source) = self.source(&f.source) else { return };
        let Some(written) = date_span(&source.date) else { return };
        match span.kind {
            PeriodKind::Target if span.end.0 < written.start.0 => errors.push(err(format!(
                "expected a target no earlier than its source's year ({}), got \"{p}\"",
                written.start.0
            ))),
            PeriodKind::Target => {}
            _ if span.start > written.end => errors.push(err(format!(
                "expected a period no later than its source's date ({} of {}), got \"{p}\"",
                source.date, source.id
            ))),
            _ => {}
        }
    }

    /// `earlier` names an older value of the same measure: same subject and
    /// unit, an earlier period.
    fn validate_series(&self, f: &Fact, errors: &mut Vec<DataError>) {
        let Some(other) = f.earlier.as_deref() else { return };
        let err = |m: String| DataError::new(FACTS_FILE, Some(&f.id), m);
        let Some(o) = self.facts.iter().find(|o| o.id == other) else {
            errors.push(err(format!("expected a fact id in earlier, got unknown '{other}'")));
            return;
        };
        if o.id == f.id {
            errors.push(err("expected another fact in earlier, got itself".into()));
            return;
        }
        if o.subject != f.subject {
            errors.push(err(format!("expected '{other}' in earlier to be about {}, got {}", f.subject, o.subject)));
        }
        if o.figure.as_ref().map(|g| g.unit) != f.figure.as_ref().map(|g| g.unit) || f.figure.is_none() {
            errors.push(err(format!("expected '{other}' in earlier to be a figure in the same unit")));
        }
        let start = |x: &Fact| x.period.as_deref().and_then(period_span).map(|s| s.start);
        if let (Some(a), Some(b)) = (start(o), start(f)) {
            if a >= b {
                errors.push(err(format!("expected '{other}' in earlier to have an earlier period")));
            }
        }
    }
}

/// What a fact's period is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    /// A time span: "2022", "2022-H1", "2023-01..05".
    Span,
    /// A running total on a date: "as of 2022-08".
    AsOf,
    /// Only the report's date is known: "as reported 2023-05".
    AsReported,
    /// A goal for a time: "target 2025".
    Target,
}

/// A period read from the data: its kind and the first and last month it
/// covers, as (year, month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodSpan {
    pub kind: PeriodKind,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl PeriodSpan {
    /// Whether the span includes any month of `year`.
    pub fn touches_year(&self, year: u32) -> bool {
        (self.start.0..=self.end.0).contains(&year)
    }
}

/// Reads a period: "2022", "2020..2022", "2022-H1", "2023-Q1", "2022-06",
/// "2023-01..05", "2023-02-24", each optionally after "as of ", "as reported "
/// or "target "; `None` for anything else.
pub fn period_span(p: &str) -> Option<PeriodSpan> {
    let p = p.trim();
    for (prefix, kind) in
        [("as of ", PeriodKind::AsOf), ("as reported ", PeriodKind::AsReported), ("target ", PeriodKind::Target)]
    {
        if let Some(rest) = p.strip_prefix(prefix) {
            return date_span(rest).map(|s| PeriodSpan { kind, ..s });
        }
    }
    date_span(p)
}

/// The months a bare period covers (kind `Span`).
fn date_span(p: &str) -> Option<PeriodSpan> {
    let year = |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?;
    let month = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m))
    };
    let span = |start, end| (start <= end).then_some(PeriodSpan { kind: PeriodKind::Span, start, end });
    let parts: Vec<&str> = p.split('-').collect();
    match parts.as_slice() {
        [y] => match y.split_once("..") {
            Some((a, b)) => span((year(a)?, 1), (year(b)?, 12)),
            None => span((year(y)?, 1), (year(y)?, 12)),
        },
        [y, h] if *h == "H1" => span((year(y)?, 1), (year(y)?, 6)),
        [y, h] if *h == "H2" => span((year(y)?, 7), (year(y)?, 12)),
        [y, q] if q.len() == 2 && q.starts_with('Q') => {
            let n = q[1..].parse::<u32>().ok().filter(|n| (1..=4).contains(n))?;
            span((year(y)?, n * 3 - 2), (year(y)?, n * 3))
        }
        [y, m] => match m.split_once("..") {
            Some((a, b)) => span((year(y)?, month(a)?), (year(y)?, month(b)?)),
            None => span((year(y)?, month(m)?), (year(y)?, month(m)?)),
        },
        [y, m, _] if is_iso_date(p) => span((year(y)?, month(m)?), (year(y)?, month(m)?)),
        _ => None,
    }
}

/// The record's id when it has a well-formed one; otherwise reports it.
fn record_id<'a>(file: &str, what: &str, index: usize, id: &'a str, errors: &mut Vec<DataError>) -> Option<&'a str> {
    if id.trim().is_empty() {
        errors.push(DataError::new(file, None, format!("expected an id, got none in [[{what}]] number {}", index + 1)));
        return None;
    }
    if !is_kebab(id) {
        errors.push(DataError::new(file, Some(id), "expected an id in lower-case kebab-case (a-z, 0-9, -)"));
    }
    Some(id)
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// "2023", "2023-08" or "2023-05-05".
fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31),
        _ => false,
    }
}

/// One `[[what]]` table of a file, with what is needed to name it in errors.
struct Record<'a> {
    file: &'static str,
    map: &'a Map<String, Value>,
    id: Option<String>,
}

/// The `[[what]]` tables of the file stored under `key` in the JSON.
fn records<'a>(root: &'a Value, key: &str, what: &str, file: &'static str) -> Result<Vec<Record<'a>>, DataError> {
    let Some(table) = root.get(key) else {
        return Err(DataError::new(file, None, "expected the file in the catalogue, got nothing"));
    };
    let Some(table) = table.as_object() else {
        return Err(DataError::new(file, None, format!("expected a table, got {}", describe(table))));
    };
    if let Some(other) = table.keys().find(|k| k.as_str() != what) {
        return Err(DataError::new(file, None, format!("expected only [[{what}]] tables, got '{other}'")));
    }
    let items = match table.get(what) {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(DataError::new(file, None, format!("expected [[{what}]] tables, got {}", describe(other))));
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item.as_object() {
            Some(map) => Ok(Record { file, map, id: map.get("id").and_then(Value::as_str).map(str::to_owned) }),
            None => Err(DataError::new(
                file,
                None,
                format!("expected [[{what}]] number {} to be a table, got {}", i + 1, describe(item)),
            )),
        })
        .collect()
}

impl Record<'_> {
    fn error(&self, message: String) -> DataError {
        DataError::new(self.file, self.id.as_deref(), message)
    }

    /// Refuses keys the record kind does not have (a misspelt key would otherwise vanish).
    fn only(&self, allowed: &[&str]) -> Result<(), DataError> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(self.error(format!("expected keys {}, got unknown key '{k}'", allowed.join(", ")))),
            None => Ok(()),
        }
    }

    /// A text field; missing is empty (validation reports it).
    fn text(&self, key: &str) -> Result<String, DataError> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    /// An optional text field; blank counts as absent.
    fn opt_text(&self, key: &str) -> Result<Option<String>, DataError> {
        match self.map.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.error(format!("expected {key} to be a quoted text, got {}", describe(other)))),
        }
    }

    fn flag(&self, key: &str) -> Result<bool, DataError> {
        match self.map.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(self.error(format!("expected {key} to be true or false, got {}", describe(other)))),
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, DataError> {
        match self.map.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(v) if v.is_finite() => Ok(Some(v)),
                _ => Err(self.error(format!("expected {key} to be a finite number, got {n}"))),
            },
            Some(other) => Err(self.error(format!("expected {key} to be a finite number, got {}", describe(other)))),
        }
    }

    fn list(&self, key: &str) -> Result<Vec<String>, DataError> {
        match self.map.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(self.error(format!("expected {key} to list quoted ids, got {}", describe(other)))),
                })
                .collect(),
            Some(other) => Err(self.error(format!("expected {key} to be a list, got {}", describe(other)))),
        }
    }
}

const SOURCE_KEYS: [&str; 10] = [
    "id",
    "title",
    "publisher_zh_hans",
    "publisher_zh_hant",
    "publisher_en",
    "date",
    "date_basis",
    "seed",
    "script",
    "note",
];
const FACT_KEYS: [&str; 14] = [
    "id",
    "subject",
    "key",
    "source",
    "period",
    "zh_hans",
    "zh_hant",
    "en",
    "value",
    "unit",
    "figure",
    "conflicts_with",
    "earlier",
    "was",
];
const THEME_KEYS: [&str; 6] = ["id", "name_zh_hans", "name_zh_hant", "name_en", "members", "aliases"];

fn read_source(r: Record<'_>) -> Result<Source, DataError> {
    r.only(&SOURCE_KEYS)?;
    Ok(Source {
        id: r.text("id")?,
        title: r.opt_text("title")?,
        publisher: Names {
            zh_hans: r.text("publisher_zh_hans")?,
            zh_hant: r.text("publisher_zh_hant")?,
            en: r.text("publisher_en")?,
        },
        date: r.text("date")?,
        date_basis: r.text("date_basis")?,
        seed: r.opt_text("seed")?,
        script: r.text("script")?,
        note: r.opt_text("note")?,
    })
}

fn read_fact(r: Record<'_>) -> Result<Fact, DataError> {
    r.only(&FACT_KEYS)?;
    let value = r.number("value")?;
    let unit = r.opt_text("unit")?;
    let printed = r.opt_text("figure")?;
    let figure = match (value, unit, printed) {
        (None, None, None) => None,
        (Some(value), Some(unit), Some(printed)) => {
            let unit = Unit::from_key(&unit).ok_or_else(|| {
                let known: Vec<&str> = Unit::ALL.iter().map(|u| u.key()).collect();
                r.error(format!("expected unit to be one of {}, got '{unit}'", known.join(", ")))
            })?;
            Some(Figure { value, unit, printed })
        }
        (value, unit, printed) => {
            let given: Vec<&str> =
                [("value", value.is_some()), ("unit", unit.is_some()), ("figure", printed.is_some())]
                    .into_iter()
                    .filter_map(|(k, present)| present.then_some(k))
                    .collect();
            return Err(r.error(format!("expected value, unit and figure together, got only {}", given.join(" and "))));
        }
    };
    Ok(Fact {
        id: r.text("id")?,
        subject: r.text("subject")?,
        key: r.flag("key")?,
        source: r.text("source")?,
        period: r.opt_text("period")?,
        text: Names { zh_hans: r.text("zh_hans")?, zh_hant: r.text("zh_hant")?, en: r.text("en")? },
        figure,
        conflicts_with: r.opt_text("conflicts_with")?,
        earlier: r.opt_text("earlier")?,
        was: r.list("was")?,
    })
}

fn read_theme(r: Record<'_>) -> Result<Theme, DataError> {
    r.only(&THEME_KEYS)?;
    Ok(Theme {
        id: r.text("id")?,
        names: Names { zh_hans: r.text("name_zh_hans")?, zh_hant: r.text("name_zh_hant")?, en: r.text("name_en")? },
        members: r.list("members")?,
        aliases: r.list("aliases")?,
    })
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a quoted text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::Lang;

    const SOURCE: &str = r#"{"id":"s1","title":"T","publisher_zh_hans":"甲","publisher_zh_hant":"甲","publisher_en":"P","date":"2023-05-05","date_basis":"printed","seed":"a.txt","script":"Hans"}"#;

    fn catalogue(facts: &str, themes: &str) -> String {
        format!(r#"{{"sources":{{"source":[{SOURCE}]}},"facts":{{"fact":[{facts}]}},"themes":{{"theme":[{themes}]}}}}"#)
    }

    fn fact(id: &str, extra: &str) -> String {
        format!(r#"{{"id":"{id}","subject":"binjiang","source":"s1","zh_hans":"甲","zh_hant":"甲","en":"A"{extra}}}"#)
    }

    fn known(id: &str) -> bool {
        ["binjiang", "binxiao"].contains(&id)
    }

    #[test]
    fn facts_for_lists_key_facts_first_then_file_order() {
        let json = catalogue(
            &[
                fact("a", ""),
                fact("b", r#","key":true,"period":"2022""#),
                fact("c", ""),
                fact("d", r#","key":true,"period":"2023""#),
            ]
            .join(","),
            "",
        );
        let c = Catalogue::from_json(&json).unwrap();
        let ids: Vec<&str> = c.facts_for("binjiang").map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["b", "d", "a", "c"]);
        assert_eq!(c.facts_for("binxiao").count(), 0);
        assert!(c.validate(&known).is_empty());
    }

    #[test]
    fn themes_are_found_by_member() {
        let theme =
            r#"{"id":"t","name_zh_hans":"甲","name_zh_hant":"甲","name_en":"A","members":["binjiang","binxiao"]}"#;
        let c = Catalogue::from_json(&catalogue("", theme)).unwrap();
        assert_eq!(c.themes_of("binxiao").map(|t| t.id.as_str()).collect::<Vec<_>>(), ["t"]);
        assert_eq!(c.themes_of("nowhere").count(), 0);
        assert_eq!(c.theme("t").map(|t| t.names.get(Lang::En)), Some("A"));
    }

    #[test]
    fn a_theme_is_a_valid_subject() {
        let theme = r#"{"id":"t","name_zh_hans":"甲","name_zh_hant":"甲","name_en":"A","members":["binjiang"]}"#;
        let f = r#"{"id":"x","subject":"t","source":"s1","zh_hans":"甲","zh_hant":"甲","en":"A"}"#;
        let c = Catalogue::from_json(&catalogue(f, theme)).unwrap();
        assert!(c.validate(&known).is_empty());
    }

    #[test]
    fn figures_are_read_and_checked() {
        let good = fact("g", r#","value":218480000000,"unit":"cny","figure":"2184.8亿元""#);
        let bad = fact("b", r#","value":2184.8,"unit":"cny","figure":"2184.8亿元""#);
        let c = Catalogue::from_json(&catalogue(&[good, bad].join(","), "")).unwrap();
        assert_eq!(c.fact("g").and_then(|f| f.figure.as_ref()).map(|f| f.unit), Some(Unit::Cny));
        let errors = c.validate(&known);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].id.as_deref(), Some("b"));
    }

    #[test]
    fn half_a_figure_or_an_unknown_unit_is_refused() {
        let half = fact("h", r#","value":65"#);
        let e = Catalogue::from_json(&catalogue(&half, "")).unwrap_err();
        assert_eq!((e.file.as_str(), e.id.as_deref()), (FACTS_FILE, Some("h")));
        let unit = fact("u", r#","value":65,"unit":"firms","figure":"65家""#);
        let e = Catalogue::from_json(&catalogue(&unit, "")).unwrap_err();
        assert!(e.message.contains("firms"), "{e}");
    }

    #[test]
    fn wrong_types_and_unknown_keys_are_refused_naming_the_record() {
        let e = Catalogue::from_json(&catalogue(&fact("k", r#","key":"yes""#), "")).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("k"));
        let e = Catalogue::from_json(&catalogue(&fact("t", r#","zh_hnas":"甲""#), "")).unwrap_err();
        assert!(e.message.contains("zh_hnas"), "{e}");
        assert!(Catalogue::from_json("not json").is_err());
        assert!(Catalogue::from_json(r#"{"sources":{"source":[]}}"#).is_err());
    }

    #[test]
    fn conflicts_must_be_mutual() {
        let a = fact("a", r#","conflicts_with":"b""#);
        let b = fact("b", "");
        let c = Catalogue::from_json(&catalogue(&[a.clone(), b].join(","), "")).unwrap();
        let errors = c.validate(&known);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("'b'"), "{}", errors[0]);
        let b = fact("b", r#","conflicts_with":"a""#);
        let c = Catalogue::from_json(&catalogue(&[a, b].join(","), "")).unwrap();
        assert!(c.validate(&known).is_empty());
    }

    #[test]
    fn sources_need_a_known_script_and_an_iso_date() {
        let json = r#"{"sources":{"source":[{"id":"s1","title":"T","publisher_zh_hans":"甲","publisher_zh_hant":"甲","publisher_en":"P","date":"May 2023","date_basis":"printed","seed":"a","script":"Latn"}]},"facts":{},"themes":{}}"#;
        let c = Catalogue::from_json(json).unwrap();
        let errors = c.validate(&known);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().all(|e| e.file == SOURCES_FILE && e.id.as_deref() == Some("s1")));
    }

    #[test]
    fn a_citation_has_a_publisher_in_every_language_and_a_dated_basis() {
        let json = r#"{"sources":{"source":[{"id":"s1","publisher_zh_hans":"甲","publisher_en":"P","date":"2023-05","script":"Hans"}]},"facts":{},"themes":{}}"#;
        let c = Catalogue::from_json(json).unwrap();
        let messages: Vec<String> = c.validate(&known).into_iter().map(|e| e.message).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("date_basis")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("publisher in zh-Hant")), "{messages:?}");
    }

    #[test]
    fn a_fact_cannot_be_dated_after_its_source() {
        // the source is of 2023-05-05
        for (period, ok) in [
            ("2023", true),
            ("2023-H1", true),
            ("2023-05", true),
            ("as of 2023-05", true),
            ("as reported 2023-05", true),
            ("target 2025", true),
            ("2023-06", false),
            ("2023-H2", false),
            ("as of 2023-08", false),
            ("2024", false),
            ("target 2022", false),
            ("sometime", false),
        ] {
            let f = fact("f", &format!(r#","period":"{period}""#));
            let c = Catalogue::from_json(&catalogue(&f, "")).unwrap();
            let errors = c.validate(&known);
            assert_eq!(errors.is_empty(), ok, "{period}: {errors:?}");
        }
    }

    #[test]
    fn a_key_fact_needs_a_period() {
        let c = Catalogue::from_json(&catalogue(&fact("k", r#","key":true"#), "")).unwrap();
        let errors = c.validate(&known);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("period"), "{}", errors[0]);
    }

    #[test]
    fn periods_are_read_as_spans_of_months() {
        let s = |p| period_span(p).map(|s| (s.kind, s.start, s.end));
        assert_eq!(s("2022-H1"), Some((PeriodKind::Span, (2022, 1), (2022, 6))));
        assert_eq!(s("2023-Q2"), Some((PeriodKind::Span, (2023, 4), (2023, 6))));
        assert_eq!(s("2023-01..05"), Some((PeriodKind::Span, (2023, 1), (2023, 5))));
        assert_eq!(s("2020..2022"), Some((PeriodKind::Span, (2020, 1), (2022, 12))));
        assert_eq!(s("as of 2022-08"), Some((PeriodKind::AsOf, (2022, 8), (2022, 8))));
        assert_eq!(s("target 2026..2028"), Some((PeriodKind::Target, (2026, 1), (2028, 12))));
        assert_eq!(s("2023-02-24"), Some((PeriodKind::Span, (2023, 2), (2023, 2))));
        for bad in ["2023-13", "2023-Q5", "2023-05..01", "H1 2023", "", "2022..2020"] {
            assert_eq!(period_span(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_former_id_finds_the_renamed_fact() {
        let f = fact("bj-gdp-2022-h1", r#","was":["bj-gdp-2023-h1"]"#);
        let c = Catalogue::from_json(&catalogue(&f, "")).unwrap();
        assert!(c.validate(&known).is_empty());
        assert_eq!(c.fact("bj-gdp-2023-h1").map(|f| f.id.as_str()), Some("bj-gdp-2022-h1"));
        assert_eq!(c.fact("bj-gdp-2022-h1").map(|f| f.id.as_str()), Some("bj-gdp-2022-h1"));
        // a former id may not be one in use
        let clash = [fact("a", r#","was":["b"]"#), fact("b", "")].join(",");
        let c = Catalogue::from_json(&catalogue(&clash, "")).unwrap();
        assert_eq!(c.validate(&known).len(), 1);
    }

    #[test]
    fn a_series_links_an_earlier_value_of_the_same_measure() {
        let fig = |n: u32| format!(r#","value":{n},"unit":"count","figure":"{n}家""#);
        let a = fact("a", &format!(r#","period":"as of 2022-08"{}"#, fig(65)));
        let b = fact("b", &format!(r#","period":"as of 2023-03","earlier":"a"{}"#, fig(69)));
        let c = Catalogue::from_json(&catalogue(&[a.clone(), b].join(","), "")).unwrap();
        assert!(c.validate(&known).is_empty(), "{:?}", c.validate(&known));
        assert_eq!(c.later("a").map(|f| f.id.as_str()), Some("b"));
        // the later value must come later
        let b = fact("b", &format!(r#","period":"as of 2022-01","earlier":"a"{}"#, fig(69)));
        let c = Catalogue::from_json(&catalogue(&[a, b].join(","), "")).unwrap();
        assert_eq!(c.validate(&known).len(), 1);
    }

    #[test]
    fn iso_dates_and_kebab_ids() {
        for d in ["2023", "2023-08", "2023-05-05"] {
            assert!(is_iso_date(d), "{d}");
        }
        for d in ["23-08", "2023-13", "2023-5-5", "2023-05-00", ""] {
            assert!(!is_iso_date(d), "{d}");
        }
        assert!(is_kebab("bj-gdp-2022"));
        assert!(!is_kebab("bj_gdp") && !is_kebab("-a") && !is_kebab("a--b") && !is_kebab("Bj"));
    }
}
