//! The guided tour: its stops as data, where the presenter is in it, and the
//! kiosk's clock.
//!
//! The stops are in [`TOUR_FILE`] (hand-edited TOML, see the file's header).
//! [`Tour::from_toml`] reads each `[[stop]]` into a typed record: a stop that
//! cannot be one (a field of the wrong type, an unknown key, neither or both
//! of `target` and `bounds`) is reported and left out. [`Tour::validate`] then
//! lists every remaining fault (an unknown fact or target, a blank title, a
//! box outside Hangzhou, fewer than two or more than four facts), each naming
//! the file, the line and the stop; [`Tour::remove_faulty`] also leaves those
//! stops out, so that the rest still plays.
//!
//! [`TourState`] is the presenter's position (next, previous, first, last,
//! go to). [`Kiosk`] is the unattended loop as a state machine driven by the
//! caller's clock: it advances after a dwell, pauses when someone touches the
//! screen, and resumes after an idle time. Nothing here reads a clock itself,
//! so every timing is tested with plain numbers.

use std::ops::RangeInclusive;

use crate::atlas::catalogue::{lang_key, retain_unless, Catalogue, FACTS_FILE};
use crate::atlas::records::{read_records, Fields, Lines};
use crate::atlas::validate::HANGZHOU_BOUNDS;
use crate::atlas::{DataError, ErrorKind, Names, Referent};
use crate::spatial::bounds::Bounds;
use crate::spatial::LonLat;
use crate::state::Selection;

pub const TOUR_FILE: &str = "tour.toml";

/// A stop has at least this many fact cards …
pub const MIN_FACTS: usize = 2;
/// … and at most this many (more would not be legible at 3 m).
pub const MAX_FACTS: usize = 4;

/// What the map shows at a stop.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A zone, site or theme, framed as a selection would be.
    Subject(Selection),
    /// A box in degrees.
    Bounds(Bounds),
    /// Binjiang and the cooperation zones together (`target = "view:all"`).
    Overview,
}

/// One stop of the tour.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub id: String,
    pub target: Target,
    pub title: Names,
    /// Fact ids from the catalogue, in the order the cards show them.
    pub facts: Vec<String>,
    /// The last stop, which also shows the QR code.
    pub closing: bool,
    /// Where the stop is in its file.
    pub lines: Lines,
}

/// The ordered stops of the tour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tour {
    pub stops: Vec<Stop>,
}

fn parse_target(v: &str) -> Option<Selection> {
    let (kind, id) = v.split_once(':')?;
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    match kind.trim() {
        "zone" => Some(Selection::Zone(id.to_string())),
        "site" => Some(Selection::Site(id.to_string())),
        "theme" => Some(Selection::Theme(id.to_string())),
        _ => None,
    }
}

/// A `[[stop]]` as written.
struct RawStop {
    id: String,
    target: Option<String>,
    bounds: Option<Vec<f64>>,
    zh_hans: String,
    zh_hant: String,
    en: String,
    facts: Vec<String>,
    closing: bool,
    /// A remark for whoever edits the file; not shown.
    #[allow(dead_code)]
    note: Option<String>,
}

impl RawStop {
    fn read(f: &mut Fields) -> RawStop {
        RawStop {
            id: f.text("id"),
            target: f.opt_text("target"),
            bounds: f.opt_numbers("bounds"),
            zh_hans: f.text("zh_hans"),
            zh_hant: f.text("zh_hant"),
            en: f.text("en"),
            facts: f.texts("facts"),
            closing: f.flag("closing"),
            note: f.opt_text("note"),
        }
    }

    /// The stop, or why its target cannot be read.
    fn into_stop(self, lines: Lines) -> Result<Stop, DataError> {
        let err = |field: &str, m: &str| {
            let id = Some(self.id.as_str()).filter(|id| !id.trim().is_empty());
            DataError::new(ErrorKind::Shape, TOUR_FILE, id, m).at(lines.of(field))
        };
        let target = match (self.target.as_deref(), self.bounds.as_deref()) {
            (Some("view:all"), None) => Target::Overview,
            (Some(t), None) => Target::Subject(parse_target(t).ok_or_else(|| {
                err(
                    "target",
                    &format!("expected target \"zone:ID\", \"site:ID\", \"theme:ID\" or \"view:all\", got \"{t}\""),
                )
            })?),
            (None, Some(b)) => {
                let bounds = match *b {
                    [w, s, e, n] => Bounds::new(w, s, e, n),
                    _ => None,
                };
                Target::Bounds(bounds.ok_or_else(|| {
                    err("bounds", "expected bounds [west, south, east, north] in degrees, west < east, south < north")
                })?)
            }
            (None, None) => return Err(err("id", "expected a target or bounds, got neither")),
            (Some(_), Some(_)) => return Err(err("bounds", "expected a target or bounds, got both")),
        };
        Ok(Stop {
            id: self.id,
            target,
            title: Names { zh_hans: self.zh_hans, zh_hant: self.zh_hant, en: self.en },
            facts: self.facts,
            closing: self.closing,
            lines,
        })
    }
}

impl Tour {
    /// The tour committed in `geodata/tour.toml` (native builds only, for
    /// tests and tools: the app fetches the deployed copy); the error is the
    /// first problem reading it.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn bundled() -> Result<Tour, DataError> {
        let (tour, mut errors) = Self::from_toml(include_str!("../../geodata/tour.toml"));
        match errors.is_empty() {
            true => Ok(tour),
            false => Err(errors.swap_remove(0)),
        }
    }

    /// Reads the tour file's text ("" for a file that could not be fetched,
    /// which is no tour and no problem here): the stops that can be read, and
    /// the problems with the others. A file with text but no stop is a problem.
    pub fn from_toml(text: &str) -> (Tour, Vec<DataError>) {
        let (raw, mut errors) = read_records(TOUR_FILE, text, "stop", RawStop::read);
        if raw.is_empty() && errors.iter().all(|e| e.kind == ErrorKind::Version) && !text.trim().is_empty() {
            let e =
                DataError::new(ErrorKind::MissingField, TOUR_FILE, None, "expected at least one [[stop]], got none");
            errors.push(e.at(1));
        }
        let mut stops = Vec::with_capacity(raw.len());
        for (stop, lines) in raw {
            match stop.into_stop(lines) {
                Ok(stop) => stops.push(stop),
                Err(e) => errors.push(e),
            }
        }
        (Tour { stops }, errors)
    }

    /// Every fault in the tour; empty when it is sound. `subject_exists` says
    /// whether a zone or site id is on the map; themes and facts are looked up
    /// in `catalogue`.
    pub fn validate(&self, catalogue: &Catalogue, subject_exists: &dyn Fn(&str) -> bool) -> Vec<DataError> {
        self.faults(catalogue, subject_exists).into_iter().map(|(_, e)| e).collect()
    }

    /// As [`Tour::validate`], and leaves out the stops at fault.
    pub fn remove_faulty(&mut self, catalogue: &Catalogue, subject_exists: &dyn Fn(&str) -> bool) -> Vec<DataError> {
        let faults = self.faults(catalogue, subject_exists);
        retain_unless(&mut self.stops, |i| faults.iter().any(|(stop, _)| *stop == Some(i)));
        faults.into_iter().map(|(_, e)| e).collect()
    }

    /// The faults, each with the index of the stop to leave out for it.
    fn faults(&self, catalogue: &Catalogue, subject_exists: &dyn Fn(&str) -> bool) -> Vec<(Option<usize>, DataError)> {
        let mut faults = Vec::new();
        for (i, stop) in self.stops.iter().enumerate() {
            // `refers`: what an unknown reference names, so that a record left
            // out for a fault of its own is reported once, not by every stop showing it.
            let mut bad = |kind, field: &str, msg: String, refers: Option<(Referent, &str)>| {
                let id = Some(stop.id.as_str()).filter(|id| !id.trim().is_empty());
                let mut e = DataError::new(kind, TOUR_FILE, id, msg).at(stop.lines.of(field));
                if let Some((what, target)) = refers {
                    e = e.refers_to(what, target);
                }
                faults.push((Some(i), e));
            };
            if stop.id.trim().is_empty() {
                bad(ErrorKind::BadId, "id", "expected an id in this [[stop]], got none".into(), None);
            } else if self.stops[..i].iter().any(|s| s.id == stop.id) {
                bad(ErrorKind::DuplicateId, "id", "expected a unique id, got one used by an earlier stop".into(), None);
            }
            for l in stop.title.missing() {
                bad(ErrorKind::MissingName(l), lang_key(l), format!("expected a title in {}, got none", l.tag()), None);
            }
            match &stop.target {
                Target::Subject(sel) => {
                    let known = match sel {
                        Selection::Zone(id) | Selection::Site(id) => subject_exists(id),
                        Selection::Theme(id) => catalogue.theme(id).is_some(),
                    };
                    if !known {
                        let m = format!("expected target to name a {} on the map, got '{}'", sel.kind(), sel.id());
                        let what = match sel {
                            Selection::Theme(_) => Referent::Theme,
                            Selection::Zone(_) | Selection::Site(_) => Referent::Feature,
                        };
                        bad(ErrorKind::UnknownReference, "target", m, Some((what, sel.id())));
                    }
                }
                Target::Bounds(b) => {
                    let inside = |p| HANGZHOU_BOUNDS.contains(p);
                    if !inside(LonLat::new(b.west, b.south)) || !inside(LonLat::new(b.east, b.north)) {
                        let h = HANGZHOU_BOUNDS;
                        let m = format!(
                            "expected bounds inside Hangzhou ({}–{} E, {}–{} N), got [{}, {}, {}, {}]",
                            h.west, h.east, h.south, h.north, b.west, b.south, b.east, b.north
                        );
                        bad(ErrorKind::OutsideArea, "bounds", m, None);
                    }
                }
                Target::Overview => {}
            }
            if !(MIN_FACTS..=MAX_FACTS).contains(&stop.facts.len()) {
                let m = format!("expected {MIN_FACTS} to {MAX_FACTS} facts, got {}", stop.facts.len());
                bad(ErrorKind::Inconsistent, "facts", m, None);
            }
            for f in &stop.facts {
                if catalogue.fact(f).is_none() {
                    bad(
                        ErrorKind::UnknownReference,
                        "facts",
                        format!("expected a fact id from {FACTS_FILE}, got '{f}'"),
                        Some((Referent::Fact, f)),
                    );
                }
            }
            if stop.closing && i + 1 != self.stops.len() {
                bad(ErrorKind::Inconsistent, "closing", "expected closing = true only on the last stop".into(), None);
            }
        }
        faults
    }

    pub fn len(&self) -> usize {
        self.stops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stops.is_empty()
    }

    /// A copy without the stops that have faults, so that the rest still plays.
    pub fn without(&self, faults: &[DataError]) -> Tour {
        let bad = |s: &Stop| faults.iter().any(|e| e.id.as_deref() == Some(s.id.as_str()));
        Tour { stops: self.stops.iter().filter(|s| !bad(s)).cloned().collect() }
    }
}

/// Where the presenter is in a tour of `len` stops. Moving past either end
/// stays at the end; an empty tour has no stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourState {
    len: usize,
    index: usize,
}

impl TourState {
    /// At the first stop.
    pub fn new(len: usize) -> TourState {
        TourState { len, index: 0 }
    }

    /// The current stop's index, or `None` for an empty tour.
    pub fn index(self) -> Option<usize> {
        (self.len > 0).then_some(self.index)
    }

    pub fn len(self) -> usize {
        self.len
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    pub fn is_first(self) -> bool {
        self.index == 0
    }

    pub fn is_last(self) -> bool {
        self.index + 1 >= self.len
    }

    pub fn next(self) -> TourState {
        self.goto(self.index.saturating_add(1))
    }

    pub fn prev(self) -> TourState {
        self.goto(self.index.saturating_sub(1))
    }

    pub fn first(self) -> TourState {
        self.goto(0)
    }

    pub fn last(self) -> TourState {
        self.goto(self.len.saturating_sub(1))
    }

    /// The stop `index`, clamped to the tour.
    pub fn goto(self, index: usize) -> TourState {
        TourState { len: self.len, index: index.min(self.len.saturating_sub(1)) }
    }

    /// The next stop, or the first after the last (the kiosk's loop).
    pub fn next_looping(self) -> TourState {
        if self.is_last() {
            self.first()
        } else {
            self.next()
        }
    }

    /// "3 / 11": the current stop counted from 1, and the number of stops.
    pub fn progress(self) -> (usize, usize) {
        if self.len == 0 {
            (0, 0)
        } else {
            (self.index + 1, self.len)
        }
    }

    /// The share of the tour shown so far, from 1/len at the first stop to 1 at the last.
    pub fn fraction(self) -> f64 {
        let (n, len) = self.progress();
        if len == 0 {
            0.0
        } else {
            n as f64 / len as f64
        }
    }
}

/// A kiosk's timings, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KioskTiming {
    /// How long each stop stays on screen.
    pub dwell_ms: f64,
    /// How long after the last touch the tour takes over again.
    pub idle_ms: f64,
}

impl KioskTiming {
    pub const DEFAULT_DWELL_S: f64 = 12.0;
    pub const DEFAULT_IDLE_S: f64 = 60.0;
    /// The dwells a kiosk accepts, in seconds: under a second nobody can read
    /// a stop (and a flight between stops takes most of one); over ten minutes
    /// it is no longer a tour.
    pub const DWELL_RANGE_S: RangeInclusive<f64> = 1.0..=600.0;
    /// The idle times a kiosk accepts, in seconds: a visitor needs a few
    /// seconds between touches; after an hour the screen may take over.
    pub const IDLE_RANGE_S: RangeInclusive<f64> = 5.0..=3600.0;
    /// How often the kiosk's clock is read, in milliseconds: a quarter of the
    /// shortest dwell, so no stop stays noticeably longer than asked.
    pub const TICK_MS: u64 = 250;

    /// Timings from seconds; a missing value, or one outside its range, takes its default.
    pub fn from_seconds(dwell: Option<f64>, idle: Option<f64>) -> KioskTiming {
        let ms = |v: Option<f64>, range: RangeInclusive<f64>, default: f64| {
            v.filter(|v| range.contains(v)).unwrap_or(default) * 1000.0
        };
        KioskTiming {
            dwell_ms: ms(dwell, Self::DWELL_RANGE_S, Self::DEFAULT_DWELL_S),
            idle_ms: ms(idle, Self::IDLE_RANGE_S, Self::DEFAULT_IDLE_S),
        }
    }
}

impl Default for KioskTiming {
    fn default() -> Self {
        KioskTiming::from_seconds(None, None)
    }
}

/// What the kiosk is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KioskPhase {
    /// Showing the tour; the current stop appeared at `since`.
    Playing { since: f64 },
    /// A visitor is exploring; they last touched the screen at `last_input`.
    Paused { last_input: f64 },
}

/// What the caller should do after a [`Kiosk::tick`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskStep {
    /// Nothing: keep showing what is shown.
    Stay,
    /// Move to the next stop (looping after the last).
    Advance,
    /// The visitor has left: show the tour again, at the stop it paused on.
    Resume,
}

/// The unattended loop, driven by the caller's clock (milliseconds, any
/// origin, never going backwards). Non-finite times are ignored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kiosk {
    pub timing: KioskTiming,
    pub phase: KioskPhase,
}

impl Kiosk {
    /// Playing from `now`.
    pub fn new(timing: KioskTiming, now: f64) -> Kiosk {
        Kiosk { timing, phase: KioskPhase::Playing { since: if now.is_finite() { now } else { 0.0 } } }
    }

    pub fn is_paused(&self) -> bool {
        matches!(self.phase, KioskPhase::Paused { .. })
    }

    /// Someone touched, clicked or pressed a key at `now`: pause, or stay
    /// paused for another idle time.
    pub fn interaction(&mut self, now: f64) {
        if now.is_finite() {
            self.phase = KioskPhase::Paused { last_input: now };
        }
    }

    /// The stop was changed by hand at `now` (the clicker in kiosk mode): its dwell starts again.
    pub fn restart_dwell(&mut self, now: f64) {
        if now.is_finite() {
            self.phase = KioskPhase::Playing { since: now };
        }
    }

    /// The clock reads `now`: advance after the dwell, resume after the idle time.
    pub fn tick(&mut self, now: f64) -> KioskStep {
        if !now.is_finite() {
            return KioskStep::Stay;
        }
        match self.phase {
            KioskPhase::Playing { since } if now - since >= self.timing.dwell_ms => {
                self.phase = KioskPhase::Playing { since: now };
                KioskStep::Advance
            }
            KioskPhase::Paused { last_input } if now - last_input >= self.timing.idle_ms => {
                self.phase = KioskPhase::Playing { since: now };
                KioskStep::Resume
            }
            _ => KioskStep::Stay,
        }
    }

    /// Milliseconds until the next tick can change anything (for a timer), at least 0.
    pub fn due_in(&self, now: f64) -> f64 {
        let at = match self.phase {
            KioskPhase::Playing { since } => since + self.timing.dwell_ms,
            KioskPhase::Paused { last_input } => last_input + self.timing.idle_ms,
        };
        if now.is_finite() {
            (at - now).max(0.0)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Reads fixtures written without the file's `version` line (its check
    /// is tested in `records`).
    fn from_toml_unversioned(text: &str) -> (Tour, Vec<DataError>) {
        let (read, mut errors) = Tour::from_toml(text);
        errors.retain(|e| e.kind != crate::atlas::ErrorKind::Version);
        (read, errors)
    }
    use crate::atlas::layers::Atlas;

    /// A stop with a title in every language and two facts, plus `extra` lines.
    fn stop(id: &str, extra: &str) -> String {
        format!(
            "[[stop]]\nid = \"{id}\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"A\"\nfacts = [\"bj-area\", \"bj-gdp-2022\"]\n{extra}\n"
        )
    }

    fn read(text: &str) -> Tour {
        let (tour, errors) = from_toml_unversioned(text);
        assert!(errors.is_empty(), "{errors:?}");
        tour
    }

    fn bundled_parts() -> (Atlas, Catalogue) {
        crate::atlas::bundled_for_tests()
    }

    #[test]
    fn the_bundled_tour_is_sound_and_tells_the_story_in_order() {
        let (atlas, catalogue) = bundled_parts();
        let tour = Tour::bundled().expect("tour.toml loads");
        let known = |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some();
        let faults = tour.validate(&catalogue, &known);
        assert!(faults.is_empty(), "{}", faults.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
        let ids: Vec<&str> = tour.stops.iter().map(|s| s.id.as_str()).collect();
        let pos = |id: &str| ids.iter().position(|s| *s == id).unwrap_or_else(|| panic!("no stop {id}"));
        assert_eq!(pos("binjiang"), 0);
        assert!(pos("china-vision-valley") < pos("china-data-valley"));
        assert!(pos("china-data-valley") < pos("zero-magnetic-valley"));
        assert!(pos("zero-magnetic-valley") < pos("binxiao"));
        assert!(pos("binxiao") < pos("binfu"));
        let last = tour.stops.last().unwrap();
        assert!(last.closing, "the tour ends on the stop with the QR code");
        assert_eq!(tour.stops.iter().filter(|s| s.closing).count(), 1);
    }

    #[test]
    fn every_fact_on_a_stop_names_its_source() {
        let (_, catalogue) = bundled_parts();
        for stop in Tour::bundled().unwrap().stops {
            for id in &stop.facts {
                let fact = catalogue.fact(id).unwrap();
                assert!(catalogue.source(&fact.source).is_some(), "{}: {id} has no source", stop.id);
            }
        }
    }

    #[test]
    fn bounds_are_a_target_too() {
        let tour = read(&stop("b", "bounds = [120.1, 30.1, 120.3, 30.3]"));
        assert!(matches!(tour.stops[0].target, Target::Bounds(b) if b.center().lon > 120.19));
    }

    #[test]
    fn the_view_of_all_three_zones_is_a_target_too() {
        let tour = read(&stop("a", "target = \"view:all\""));
        assert_eq!(tour.stops[0].target, Target::Overview);
        // and the bundled tour shows it
        assert!(Tour::bundled().unwrap().stops.iter().any(|s| s.target == Target::Overview));
    }

    #[test]
    fn unusable_stops_are_left_out_naming_file_line_and_stop() {
        // the second stop starts on line 8: its id is on line 9, its facts on
        // 13, its extra lines from 14
        let cases = [
            ("note = \"neither target nor bounds\"", 9),
            ("target = \"zone:a\"\nbounds = [120.1, 30.1, 120.3, 30.3]", 15),
            ("target = \"place:a\"", 14),
            ("bounds = [3, 2, 1]", 14),
            ("target = \"zone:a\"\ncolour = \"red\"", 15),
            ("target = \"zone:a\"\nclosing = \"yes\"", 15),
            ("target = \"zone:a\"\nFACTS", 13),
        ];
        for (extra, line) in cases {
            let broken = stop("x", extra).replace("FACTS\n", "").replace(
                "facts = [\"bj-area\", \"bj-gdp-2022\"]",
                if extra.ends_with("FACTS") { "facts = \"bj-area\"" } else { "facts = [\"bj-area\", \"bj-gdp-2022\"]" },
            );
            let text = [stop("ok", "target = \"zone:binjiang\""), broken].concat();
            let (tour, errors) = from_toml_unversioned(&text);
            assert_eq!(tour.stops.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["ok"], "{extra}");
            assert_eq!(errors.len(), 1, "{extra}: {errors:?}");
            let e = &errors[0];
            assert_eq!((e.kind, e.file.as_str(), e.id.as_deref()), (ErrorKind::Shape, TOUR_FILE, Some("x")), "{extra}");
            assert_eq!(e.line, Some(line), "{extra}: {e}");
        }
        let (tour, errors) = from_toml_unversioned("[[stop]]\ntarget = \"zone:a\"\n[stops]\n");
        assert_eq!(tour.stops.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Shape, Some(3)));
        let (tour, errors) = from_toml_unversioned("");
        assert!(tour.is_empty() && errors.is_empty(), "a file not fetched is reported by whoever fetched it");
        let (_, errors) = from_toml_unversioned("# no stops yet\n");
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::MissingField, Some(1)));
        let (tour, errors) = from_toml_unversioned("[[stop]\n");
        assert!(tour.is_empty());
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Syntax, Some(1)));
    }

    #[test]
    fn validation_names_unknown_facts_and_targets_and_counts() {
        let (atlas, catalogue) = bundled_parts();
        let known = |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some();
        let good = stop("a", "target = \"zone:binjiang\"");
        let text = [
            good.clone(),
            stop("b", "target = \"site:nowhere\"").replace("\"bj-gdp-2022\"", "\"no-such-fact\""),
            stop("c", "target = \"theme:nothing\"\nclosing = true")
                .replace("zh_hant = \"甲\"", "zh_hant = \"\"")
                .replace(", \"bj-gdp-2022\"", ""),
            stop("d", "bounds = [121.0, 30.0, 121.2, 30.2]"),
            good,
        ]
        .concat();
        let mut tour = read(&text);
        let faults = tour.validate(&catalogue, &known);
        let at: Vec<_> = faults.iter().map(|e| (e.kind, e.id.as_deref().unwrap_or(""), e.line.unwrap_or(0))).collect();
        assert_eq!(
            at,
            [
                (ErrorKind::UnknownReference, "b", 14),
                (ErrorKind::UnknownReference, "b", 13),
                (ErrorKind::MissingName(crate::atlas::Lang::ZhHant), "c", 18),
                (ErrorKind::UnknownReference, "c", 21),
                (ErrorKind::Inconsistent, "c", 20),
                (ErrorKind::Inconsistent, "c", 22),
                (ErrorKind::OutsideArea, "d", 29),
                (ErrorKind::DuplicateId, "a", 31),
            ]
        );
        // the sound stops still play
        assert_eq!(tour.remove_faulty(&catalogue, &known), faults);
        assert_eq!(tour.stops.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn the_presenter_moves_within_the_tour() {
        let t = TourState::new(5);
        assert_eq!(t.progress(), (1, 5));
        assert!(t.is_first() && !t.is_last());
        assert_eq!(t.prev(), t, "previous on the first stop stays");
        assert_eq!(t.next().next().index(), Some(2));
        assert_eq!(t.last().progress(), (5, 5));
        assert_eq!(t.last().next(), t.last(), "next on the last stop stays");
        assert_eq!(t.last().first(), t);
        assert_eq!(t.goto(99).index(), Some(4));
        assert_eq!(t.last().next_looping(), t);
        assert_eq!(t.goto(3).fraction(), 0.8);
        let empty = TourState::new(0);
        assert_eq!(empty.index(), None);
        assert_eq!(empty.next().progress(), (0, 0));
        assert_eq!(empty.last().prev().index(), None);
    }

    #[test]
    fn the_kiosk_advances_after_each_dwell() {
        let mut k = Kiosk::new(KioskTiming::from_seconds(Some(12.0), Some(60.0)), 1000.0);
        assert_eq!(k.tick(1000.0 + 11_999.0), KioskStep::Stay);
        assert_eq!(k.due_in(1000.0 + 11_000.0), 1000.0);
        assert_eq!(k.tick(13_000.0), KioskStep::Advance);
        assert_eq!(k.tick(13_001.0), KioskStep::Stay, "the next dwell starts at the advance");
        assert_eq!(k.tick(25_000.0), KioskStep::Advance);
    }

    #[test]
    fn the_kiosk_pauses_on_touch_and_resumes_after_idle() {
        let mut k = Kiosk::new(KioskTiming::from_seconds(Some(12.0), Some(60.0)), 0.0);
        k.interaction(5_000.0);
        assert!(k.is_paused());
        assert_eq!(k.tick(20_000.0), KioskStep::Stay, "no advance while a visitor explores");
        k.interaction(50_000.0);
        assert_eq!(k.tick(109_999.0), KioskStep::Stay, "each touch restarts the idle time");
        assert_eq!(k.tick(110_000.0), KioskStep::Resume);
        assert!(!k.is_paused());
        assert_eq!(k.tick(121_999.0), KioskStep::Stay, "the resumed stop gets a full dwell");
        assert_eq!(k.tick(122_000.0), KioskStep::Advance);
    }

    #[test]
    fn the_kiosk_ignores_broken_clocks_and_timings() {
        let t = KioskTiming::from_seconds(Some(f64::NAN), Some(-3.0));
        assert_eq!(t, KioskTiming::default());
        assert_eq!(t.dwell_ms, 12_000.0);
        let mut k = Kiosk::new(t, f64::INFINITY);
        assert_eq!(k.phase, KioskPhase::Playing { since: 0.0 });
        k.interaction(f64::NAN);
        assert!(!k.is_paused());
        assert_eq!(k.tick(f64::NAN), KioskStep::Stay);
        k.restart_dwell(10_000.0);
        assert_eq!(k.tick(21_000.0), KioskStep::Stay);
    }

    #[test]
    fn the_kiosk_refuses_timings_outside_its_ranges() {
        let default = KioskTiming::default();
        for (dwell, idle) in [(0.05, 1.0), (0.999, 4.9), (601.0, 3601.0), (86_400.0, 0.0)] {
            assert_eq!(KioskTiming::from_seconds(Some(dwell), Some(idle)), default, "dwell {dwell}, idle {idle}");
        }
        let shortest = KioskTiming::from_seconds(Some(1.0), Some(5.0));
        assert_eq!((shortest.dwell_ms, shortest.idle_ms), (1000.0, 5000.0));
        let longest = KioskTiming::from_seconds(Some(600.0), Some(3600.0));
        assert_eq!((longest.dwell_ms, longest.idle_ms), (600_000.0, 3_600_000.0));
        assert!((KioskTiming::TICK_MS as f64) <= *KioskTiming::DWELL_RANGE_S.start() * 1000.0 / 4.0);
    }
}
