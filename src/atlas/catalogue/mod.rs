//! Facts, sources and themes: what the details panel says about a zone, a
//! site or a theme, and where each statement comes from.
//!
//! Three hand-edited TOML files hold the catalogue (in `geodata/`, deployed
//! unchanged to `data/`):
//!
//! | file | records |
//! |---|---|
//! | [`SOURCES_FILE`] | `[[source]]`: the articles every fact comes from |
//! | [`FACTS_FILE`] | `[[fact]]`: one statement in three languages, maybe with a figure |
//! | [`THEMES_FILE`] | `[[theme]]`: programmes linking several zones and sites |
//!
//! [`Catalogue::from_toml`] reads the files' texts, each record into a typed
//! struct: a record that cannot be one (a field of the wrong type, an unknown
//! key, an unknown unit, half a figure) is reported and left out, and a file
//! that is not TOML is reported with its line while the others still load.
//! [`Catalogue::validate`] then lists every remaining fault (unknown source or
//! subject, blank text, a value that disagrees with its printed figure, a
//! one-sided conflict, a link that is not `https:`), and
//! [`Catalogue::remove_faulty`] also leaves out the records at fault. Every
//! problem is a [`DataError`] naming its kind, file, line and record.
//!
//! Texts are plain text: nothing here interprets markup, and the UI sets them
//! as text, never as HTML.

use super::figures::check_figure;
pub use super::figures::{format_figure, Figure, Unit};
use super::period::{date_span, is_iso_date};
pub use super::period::{period_span, PeriodKind, PeriodSpan};
use super::records::{read_records, Fields, Lines};
use super::{DataError, ErrorKind, Lang, Names, Referent};

pub const SOURCES_FILE: &str = "sources.toml";
pub const FACTS_FILE: &str = "facts.toml";
pub const THEMES_FILE: &str = "themes.toml";

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
    /// Where the article is published; only an `https:` link is accepted.
    pub url: Option<String>,
    /// Where the record is in its file.
    pub lines: Lines,
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
    /// Where the record is in its file.
    pub lines: Lines,
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
    /// Where the record is in its file.
    pub lines: Lines,
}

/// Everything the details panels say, with its sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub themes: Vec<Theme>,
}

/// A record of the catalogue, by its place in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Source(usize),
    Fact(usize),
    Theme(usize),
}

/// A problem, with the record to leave out for it (if any).
type Fault = (Option<Part>, DataError);

/// A problem with a record: kind, file, the line of `field` in the record, its id.
fn fault(kind: ErrorKind, file: &str, lines: &Lines, field: &str, id: &str, message: impl Into<String>) -> DataError {
    DataError::new(kind, file, Some(id), message).at(lines.of(field))
}

/// The key suffix of a text in `lang`: "zh_hans", "zh_hant", "en".
pub(crate) fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "zh_hans",
        Lang::ZhHant => "zh_hant",
        Lang::En => "en",
    }
}

impl Catalogue {
    /// The catalogue committed under `geodata/` (native builds only, for
    /// tests and tools: the app fetches the deployed copies); the error is the
    /// first problem reading it.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn bundled() -> Result<Catalogue, DataError> {
        let (catalogue, mut errors) = Self::from_toml(
            include_str!("../../../geodata/sources.toml"),
            include_str!("../../../geodata/facts.toml"),
            include_str!("../../../geodata/themes.toml"),
        );
        match errors.is_empty() {
            true => Ok(catalogue),
            false => Err(errors.swap_remove(0)),
        }
    }

    /// Reads the three files' texts (a file that could not be fetched is
    /// passed as ""). Missing or blank text is accepted here and reported by
    /// [`Catalogue::validate`]; a record that cannot be read (a value of the
    /// wrong type, an unknown key, an unknown unit, half a figure) is left out
    /// and reported, and a file that is not TOML gives no records and one
    /// error with its line.
    pub fn from_toml(sources: &str, facts: &str, themes: &str) -> (Catalogue, Vec<DataError>) {
        let (raw_sources, mut errors) = read_records(SOURCES_FILE, sources, "source", RawSource::read);
        let (raw_facts, e) = read_records(FACTS_FILE, facts, "fact", RawFact::read);
        errors.extend(e);
        let (raw_themes, e) = read_records(THEMES_FILE, themes, "theme", RawTheme::read);
        errors.extend(e);
        let mut facts = Vec::with_capacity(raw_facts.len());
        for (raw, lines) in raw_facts {
            match raw.into_fact(lines) {
                Ok(fact) => facts.push(fact),
                Err(e) => errors.push(e),
            }
        }
        let catalogue = Catalogue {
            sources: raw_sources.into_iter().map(|(r, lines)| r.into_source(lines)).collect(),
            facts,
            themes: raw_themes.into_iter().map(|(r, lines)| r.into_theme(lines)).collect(),
        };
        (catalogue, errors)
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
        self.faults(subject_exists, &[]).into_iter().map(|(_, e)| e).collect()
    }

    /// As [`Catalogue::validate`], and leaves out every record at fault, then
    /// those that relied on one left out (a fact whose source or subject is
    /// gone), until what remains is sound, but for a `conflicts_with` or
    /// `earlier` naming a fact left out: the fact naming it stays, as it reads
    /// on its own.
    pub fn remove_faulty(&mut self, subject_exists: &dyn Fn(&str) -> bool) -> Vec<DataError> {
        let mut reported: Vec<DataError> = Vec::new();
        let mut left_out: Vec<String> = Vec::new();
        loop {
            let mut gone = Vec::new();
            for (part, e) in self.faults(subject_exists, &left_out) {
                gone.extend(part);
                if !reported.contains(&e) {
                    reported.push(e);
                }
            }
            if gone.is_empty() {
                return reported;
            }
            let facts = self.facts.iter().enumerate().filter(|(i, _)| gone.contains(&Part::Fact(*i)));
            left_out.extend(facts.map(|(_, f)| f.id.clone()));
            retain_unless(&mut self.sources, |i| gone.contains(&Part::Source(i)));
            retain_unless(&mut self.facts, |i| gone.contains(&Part::Fact(i)));
            retain_unless(&mut self.themes, |i| gone.contains(&Part::Theme(i)));
        }
    }

    /// The faults, each with the record to leave out for it. `left_out`: ids
    /// of facts already left out, which `conflicts_with` and `earlier` may name.
    fn faults(&self, subject_exists: &dyn Fn(&str) -> bool, left_out: &[String]) -> Vec<Fault> {
        let mut faults = Vec::new();
        self.validate_sources(&mut faults);
        self.validate_themes(subject_exists, &mut faults);
        self.validate_facts(subject_exists, left_out, &mut faults);
        faults
    }

    fn validate_sources(&self, faults: &mut Vec<Fault>) {
        let file = SOURCES_FILE;
        for (i, s) in self.sources.iter().enumerate() {
            let part = Some(Part::Source(i));
            let Some(id) = record_id(file, "source", &s.id, &s.lines, part, faults) else { continue };
            let mut bad = |kind, field: &str, m: String| faults.push((part, fault(kind, file, &s.lines, field, id, m)));
            if self.sources[..i].iter().any(|o| o.id == s.id) {
                bad(ErrorKind::DuplicateId, "id", "expected a unique id, got a second source with this id".into());
            }
            for (field, v) in [("date", &s.date), ("date_basis", &s.date_basis), ("script", &s.script)] {
                if v.trim().is_empty() {
                    bad(ErrorKind::MissingField, field, format!("expected a {field}, got none"));
                }
            }
            for lang in s.publisher.missing() {
                let field = format!("publisher_{}", lang_key(lang));
                bad(ErrorKind::MissingName(lang), &field, format!("expected a publisher in {}, got none", lang.tag()));
            }
            if s.seed.is_some() && s.title.is_none() {
                bad(ErrorKind::MissingField, "seed", "expected the title of an article whose text is held".into());
            }
            if !s.script.trim().is_empty() && s.script != "Hans" && s.script != "Hant" {
                bad(ErrorKind::Shape, "script", format!("expected script \"Hans\" or \"Hant\", got \"{}\"", s.script));
            }
            if !s.date.trim().is_empty() && !is_iso_date(&s.date) {
                let m = format!("expected an ISO date (2023-05-05 or 2023-08), got \"{}\"", s.date);
                bad(ErrorKind::BadDate, "date", m);
            }
            if let Some(url) = s.url.as_deref().filter(|u| !is_https_link(u)) {
                let shown: String = url.chars().take(60).collect();
                let m = format!("expected an https: link in url, got \"{shown}\"");
                bad(ErrorKind::BadLink, "url", m);
            }
        }
    }

    fn validate_themes(&self, subject_exists: &dyn Fn(&str) -> bool, faults: &mut Vec<Fault>) {
        let file = THEMES_FILE;
        for (i, t) in self.themes.iter().enumerate() {
            let part = Some(Part::Theme(i));
            let Some(id) = record_id(file, "theme", &t.id, &t.lines, part, faults) else { continue };
            let mut bad = |kind, field: &str, m: String| faults.push((part, fault(kind, file, &t.lines, field, id, m)));
            if self.themes[..i].iter().any(|o| o.id == t.id) {
                bad(ErrorKind::DuplicateId, "id", "expected a unique id, got a second theme with this id".into());
            }
            if subject_exists(id) {
                bad(ErrorKind::DuplicateId, "id", "expected an id of its own, got the id of a zone or site".into());
            }
            for lang in t.names.missing() {
                let field = format!("name_{}", lang_key(lang));
                bad(ErrorKind::MissingName(lang), &field, format!("expected a name in {}, got none", lang.tag()));
            }
            if t.members.is_empty() {
                bad(ErrorKind::MissingField, "members", "expected members, got none".into());
            }
            for (j, m) in t.members.iter().enumerate() {
                let here = |kind, message| (part, fault(kind, file, &t.lines, "members", id, message));
                if !subject_exists(m) {
                    let message = format!("expected zone or site ids as members, got unknown '{m}'");
                    let (part, e) = here(ErrorKind::UnknownReference, message);
                    faults.push((part, e.refers_to(Referent::Feature, m)));
                } else if t.members[..j].contains(m) {
                    faults.push(here(ErrorKind::Inconsistent, format!("expected each member once, got '{m}' twice")));
                }
            }
        }
    }

    fn validate_facts(&self, subject_exists: &dyn Fn(&str) -> bool, left_out: &[String], faults: &mut Vec<Fault>) {
        let file = FACTS_FILE;
        for (i, f) in self.facts.iter().enumerate() {
            let part = Some(Part::Fact(i));
            let Some(id) = record_id(file, "fact", &f.id, &f.lines, part, faults) else { continue };
            let here = |kind, field: &str, m: String| (part, fault(kind, file, &f.lines, field, id, m));
            if self.facts[..i].iter().any(|o| o.id == f.id) {
                let m = "expected a unique id, got a second fact with this id".into();
                faults.push(here(ErrorKind::DuplicateId, "id", m));
            }
            // A reference says what it names, so that a record left out for a
            // fault of its own is reported once, not by every fact citing it.
            if f.subject.trim().is_empty() {
                faults.push(here(ErrorKind::MissingField, "subject", "expected a subject, got none".into()));
            } else if !subject_exists(&f.subject) && self.theme(&f.subject).is_none() {
                let m = format!("expected a zone, site or theme id as subject, got unknown '{}'", f.subject);
                let (part, e) = here(ErrorKind::UnknownReference, "subject", m);
                faults.push((part, e.refers_to(Referent::Subject, &f.subject)));
            }
            if f.source.trim().is_empty() {
                faults.push(here(ErrorKind::MissingField, "source", "expected a source, got none".into()));
            } else if self.source(&f.source).is_none() {
                let m = format!("expected a source id from {SOURCES_FILE}, got unknown '{}'", f.source);
                let (part, e) = here(ErrorKind::UnknownReference, "source", m);
                faults.push((part, e.refers_to(Referent::Source, &f.source)));
            }
            let mut bad = |kind, field: &str, m: String| faults.push(here(kind, field, m));
            for lang in f.text.missing() {
                bad(ErrorKind::MissingName(lang), lang_key(lang), format!("expected text in {}, got none", lang.tag()));
            }
            if let Some(figure) = &f.figure {
                if let Err(message) = check_figure(figure) {
                    bad(ErrorKind::BadFigure, "value", message);
                }
                if self.source(&f.source).is_some_and(|s| s.seed.is_none()) {
                    let m = format!(
                        "expected a figure only from a source whose text is held (so it can be checked), \
                         got one from {}",
                        f.source
                    );
                    bad(ErrorKind::BadFigure, "figure", m);
                }
            }
            if let Some(other) = f.conflicts_with.as_ref().filter(|o| !left_out.contains(o)) {
                let (kind, m) = match self.fact(other) {
                    _ if other == &f.id => {
                        (ErrorKind::Inconsistent, "expected another fact in conflicts_with, got itself".to_owned())
                    }
                    None => (
                        ErrorKind::UnknownReference,
                        format!("expected a fact id in conflicts_with, got unknown '{other}'"),
                    ),
                    Some(o) if o.conflicts_with.as_deref() != Some(f.id.as_str()) => (
                        ErrorKind::Inconsistent,
                        format!("expected '{other}' to name this fact in its conflicts_with too"),
                    ),
                    Some(_) => (ErrorKind::Inconsistent, String::new()),
                };
                if !m.is_empty() {
                    bad(kind, "conflicts_with", m);
                }
            }
            for (j, w) in f.was.iter().enumerate() {
                if !is_kebab(w) {
                    bad(ErrorKind::BadId, "was", format!("expected former ids in kebab-case, got '{w}'"));
                } else if self.facts.iter().any(|o| &o.id == w) {
                    bad(ErrorKind::DuplicateId, "was", format!("expected a former id no fact uses now, got '{w}'"));
                } else if f.was[..j].contains(w) || self.facts[..i].iter().any(|o| o.was.contains(w)) {
                    bad(ErrorKind::DuplicateId, "was", format!("expected each former id once, got '{w}' again"));
                }
            }
            let mut bad = |kind, field: &str, m: String| faults.push((part, fault(kind, file, &f.lines, field, id, m)));
            self.validate_period(f, &mut bad);
            if !f.earlier.as_ref().is_some_and(|o| left_out.contains(o)) {
                self.validate_series(f, &mut bad);
            }
        }
    }

    /// A fact's period must be one the map can read, and not after its
    /// source's date: an article cannot report on a time after it was
    /// written. A target may lie ahead, but not end before the article.
    fn validate_period(&self, f: &Fact, bad: &mut dyn FnMut(ErrorKind, &str, String)) {
        let mut err = |m: String| bad(ErrorKind::BadDate, "period", m);
        let Some(p) = f.period.as_deref() else {
            if f.key {
                err("expected a period on a key fact (readers quote these), got none".into());
            }
            return;
        };
        let Some(span) = period_span(p) else {
            err(format!(
                "expected a period such as 2022, 2022-H1, 2023-Q1, 2023-01..05, 2022-06, \
                 as of 2022-08, as reported 2023-05 or target 2025, got \"{p}\""
            ));
            return;
        };
        let Some(source) = self.source(&f.source) else { return };
        let Some(written) = date_span(&source.date) else { return };
        match span.kind {
            PeriodKind::Target if span.end.0 < written.start.0 => {
                err(format!("expected a target no earlier than its source's year ({}), got \"{p}\"", written.start.0))
            }
            PeriodKind::Target => {}
            _ if span.start > written.end => err(format!(
                "expected a period no later than its source's date ({} of {}), got \"{p}\"",
                source.date, source.id
            )),
            _ => {}
        }
    }

    /// `earlier` names an older value of the same measure: same subject and
    /// unit, an earlier period.
    fn validate_series(&self, f: &Fact, bad: &mut dyn FnMut(ErrorKind, &str, String)) {
        let Some(other) = f.earlier.as_deref() else { return };
        let Some(o) = self.facts.iter().find(|o| o.id == other) else {
            bad(
                ErrorKind::UnknownReference,
                "earlier",
                format!("expected a fact id in earlier, got unknown '{other}'"),
            );
            return;
        };
        let mut err = |m: String| bad(ErrorKind::Inconsistent, "earlier", m);
        if o.id == f.id {
            err("expected another fact in earlier, got itself".into());
            return;
        }
        if o.subject != f.subject {
            err(format!("expected '{other}' in earlier to be about {}, got {}", f.subject, o.subject));
        }
        if o.figure.as_ref().map(|g| g.unit) != f.figure.as_ref().map(|g| g.unit) || f.figure.is_none() {
            err(format!("expected '{other}' in earlier to be a figure in the same unit"));
        }
        let start = |x: &Fact| x.period.as_deref().and_then(period_span).map(|s| s.start);
        if let (Some(a), Some(b)) = (start(o), start(f)) {
            if a >= b {
                err(format!("expected '{other}' in earlier to have an earlier period"));
            }
        }
    }
}

/// Keeps the items whose index `gone` does not name.
pub(crate) fn retain_unless<T>(items: &mut Vec<T>, gone: impl Fn(usize) -> bool) {
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        !gone(i - 1)
    });
}

/// Whether `url` is an `https:` link to somewhere: the scheme in any case,
/// a host, no spaces or control characters.
pub fn is_https_link(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else { return false };
    scheme.eq_ignore_ascii_case("https")
        && !rest.is_empty()
        && !rest.starts_with('/')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The record's id when it has a well-formed one; otherwise reports it.
fn record_id<'a>(
    file: &str,
    what: &str,
    id: &'a str,
    lines: &Lines,
    part: Option<Part>,
    faults: &mut Vec<Fault>,
) -> Option<&'a str> {
    if id.trim().is_empty() {
        let e = DataError::new(ErrorKind::BadId, file, None, format!("expected an id in this [[{what}]], got none"));
        faults.push((part, e.at(lines.record)));
        return None;
    }
    if !is_kebab(id) {
        let m = "expected an id in lower-case kebab-case (a-z, 0-9, -)";
        faults.push((part, fault(ErrorKind::BadId, file, lines, "id", id, m)));
    }
    Some(id)
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// A blank optional text counts as absent.
fn present(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// A `[[source]]` as written.
struct RawSource {
    id: String,
    title: Option<String>,
    publisher_zh_hans: String,
    publisher_zh_hant: String,
    publisher_en: String,
    date: String,
    date_basis: String,
    seed: Option<String>,
    script: String,
    note: Option<String>,
    url: Option<String>,
}

impl RawSource {
    fn read(f: &mut Fields) -> RawSource {
        RawSource {
            id: f.text("id"),
            title: f.opt_text("title"),
            publisher_zh_hans: f.text("publisher_zh_hans"),
            publisher_zh_hant: f.text("publisher_zh_hant"),
            publisher_en: f.text("publisher_en"),
            date: f.text("date"),
            date_basis: f.text("date_basis"),
            seed: f.opt_text("seed"),
            script: f.text("script"),
            note: f.opt_text("note"),
            url: f.opt_text("url"),
        }
    }

    fn into_source(self, lines: Lines) -> Source {
        Source {
            id: self.id,
            title: present(self.title),
            publisher: Names {
                zh_hans: self.publisher_zh_hans,
                zh_hant: self.publisher_zh_hant,
                en: self.publisher_en,
            },
            date: self.date,
            date_basis: self.date_basis,
            seed: present(self.seed),
            script: self.script,
            note: present(self.note),
            url: present(self.url),
            lines,
        }
    }
}

/// A `[[fact]]` as written.
struct RawFact {
    id: String,
    subject: String,
    key: bool,
    source: String,
    period: Option<String>,
    zh_hans: String,
    zh_hant: String,
    en: String,
    value: Option<f64>,
    unit: Option<String>,
    figure: Option<String>,
    conflicts_with: Option<String>,
    earlier: Option<String>,
    was: Vec<String>,
}

impl RawFact {
    fn read(f: &mut Fields) -> RawFact {
        RawFact {
            id: f.text("id"),
            subject: f.text("subject"),
            key: f.flag("key"),
            source: f.text("source"),
            period: f.opt_text("period"),
            zh_hans: f.text("zh_hans"),
            zh_hant: f.text("zh_hant"),
            en: f.text("en"),
            value: f.opt_number("value"),
            unit: f.opt_text("unit"),
            figure: f.opt_text("figure"),
            conflicts_with: f.opt_text("conflicts_with"),
            earlier: f.opt_text("earlier"),
            was: f.texts("was"),
        }
    }

    /// The fact, or why its figure cannot be read (an unknown unit, half a figure).
    fn into_fact(self, lines: Lines) -> Result<Fact, DataError> {
        let bad = |field: &str, m: String| fault(ErrorKind::BadFigure, FACTS_FILE, &lines, field, &self.id, m);
        let figure = match (self.value, present(self.unit), present(self.figure)) {
            (None, None, None) => None,
            (Some(value), Some(unit), Some(printed)) => {
                if !value.is_finite() {
                    return Err(bad("value", format!("expected value to be a finite number, got {value}")));
                }
                let unit = Unit::from_key(&unit).ok_or_else(|| {
                    let known: Vec<&str> = Unit::ALL.iter().map(|u| u.key()).collect();
                    bad("unit", format!("expected unit to be one of {}, got '{unit}'", known.join(", ")))
                })?;
                Some(Figure { value, unit, printed })
            }
            (value, unit, printed) => {
                let given: Vec<&str> =
                    [("value", value.is_some()), ("unit", unit.is_some()), ("figure", printed.is_some())]
                        .into_iter()
                        .filter_map(|(k, present)| present.then_some(k))
                        .collect();
                let m = format!("expected value, unit and figure together, got only {}", given.join(" and "));
                return Err(bad(given[0], m));
            }
        };
        Ok(Fact {
            id: self.id,
            subject: self.subject,
            key: self.key,
            source: self.source,
            period: present(self.period),
            text: Names { zh_hans: self.zh_hans, zh_hant: self.zh_hant, en: self.en },
            figure,
            conflicts_with: present(self.conflicts_with),
            earlier: present(self.earlier),
            was: self.was,
            lines,
        })
    }
}

/// A `[[theme]]` as written.
struct RawTheme {
    id: String,
    name_zh_hans: String,
    name_zh_hant: String,
    name_en: String,
    members: Vec<String>,
    aliases: Vec<String>,
}

impl RawTheme {
    fn read(f: &mut Fields) -> RawTheme {
        RawTheme {
            id: f.text("id"),
            name_zh_hans: f.text("name_zh_hans"),
            name_zh_hant: f.text("name_zh_hant"),
            name_en: f.text("name_en"),
            members: f.texts("members"),
            aliases: f.texts("aliases"),
        }
    }

    fn into_theme(self, lines: Lines) -> Theme {
        Theme {
            id: self.id,
            names: Names { zh_hans: self.name_zh_hans, zh_hant: self.name_zh_hant, en: self.name_en },
            members: self.members,
            aliases: self.aliases,
            lines,
        }
    }
}

#[cfg(test)]
mod test;
