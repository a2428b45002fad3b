//! The guided tour: its stops as data, where the presenter is in it, and the
//! kiosk's clock.
//!
//! The stops are in [`TOUR_FILE`] (hand-edited TOML, see the file's header);
//! `build.rs` puts it under `"tour"` in the embedded catalogue JSON, and
//! [`Tour::bundled`] reads it. Reading refuses what cannot be a tour at all (a
//! field of the wrong type, an unknown key, neither or both of `target` and
//! `bounds`); [`Tour::validate`] then lists every remaining fault (an unknown
//! fact or target, a blank title, fewer than two or more than four facts),
//! each naming the file and the stop.
//!
//! [`TourState`] is the presenter's position (next, previous, first, last,
//! go to). [`Kiosk`] is the unattended loop as a state machine driven by the
//! caller's clock: it advances after a dwell, pauses when someone touches the
//! screen, and resumes after an idle time. Nothing here reads a clock itself,
//! so every timing is tested with plain numbers.

use std::ops::RangeInclusive;

use serde_json::{Map, Value};

use crate::atlas::catalogue::{Catalogue, BUNDLED_JSON};
use crate::atlas::{DataError, Names};
use crate::spatial::bounds::Bounds;
use crate::state::Selection;

pub const TOUR_FILE: &str = "geodata/tour.toml";

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
}

/// The ordered stops of the tour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tour {
    pub stops: Vec<Stop>,
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
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

const STOP_KEYS: [&str; 9] = ["id", "target", "bounds", "zh_hans", "zh_hant", "en", "facts", "closing", "note"];

fn read_stop(n: usize, map: &Map<String, Value>) -> Result<Stop, DataError> {
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(other) if !other.is_string() => {
            return Err(DataError::new(
                TOUR_FILE,
                None,
                format!("stop {n}: expected id to be a string, got {}", describe(other)),
            ))
        }
        _ => return Err(DataError::new(TOUR_FILE, None, format!("stop {n}: expected an id, got none"))),
    };
    let err = |msg: String| DataError::new(TOUR_FILE, Some(&id), msg);
    if let Some(k) = map.keys().find(|k| !STOP_KEYS.contains(&k.as_str())) {
        return Err(err(format!("expected only {}, got '{k}'", STOP_KEYS.join(", "))));
    }
    let text = |key: &str| -> Result<String, DataError> {
        match map.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(err(format!("expected {key} to be text, got {}", describe(other)))),
        }
    };
    let title = Names { zh_hans: text("zh_hans")?, zh_hant: text("zh_hant")?, en: text("en")? };
    let target = match (map.get("target"), map.get("bounds")) {
        (Some(Value::String(t)), None) if t == "view:all" => Target::Overview,
        (Some(Value::String(t)), None) => Target::Subject(parse_target(t).ok_or_else(|| {
            err(format!("expected target \"zone:ID\", \"site:ID\", \"theme:ID\" or \"view:all\", got \"{t}\""))
        })?),
        (Some(other), None) => return Err(err(format!("expected target to be a string, got {}", describe(other)))),
        (None, Some(Value::Array(b))) => {
            let nums: Vec<f64> = b.iter().filter_map(Value::as_f64).collect();
            let bounds = match nums[..] {
                [w, s, e, n] if nums.len() == b.len() => Bounds::new(w, s, e, n),
                _ => None,
            };
            Target::Bounds(bounds.ok_or_else(|| {
                err("expected bounds [west, south, east, north] in degrees, west < east, south < north".into())
            })?)
        }
        (None, Some(other)) => {
            return Err(err(format!("expected bounds to be a list of four numbers, got {}", describe(other))))
        }
        (None, None) => return Err(err("expected a target or bounds, got neither".into())),
        (Some(_), Some(_)) => return Err(err("expected a target or bounds, got both".into())),
    };
    let facts = match map.get("facts") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| err(format!("expected fact ids as strings, got {}", describe(v))))
            })
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(err(format!("expected facts to be a list of fact ids, got {}", describe(other)))),
    };
    let closing = match map.get("closing") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(err(format!("expected closing = true or false, got {}", describe(other)))),
    };
    Ok(Stop { id, target, title, facts, closing })
}

impl Tour {
    /// The tour committed in [`TOUR_FILE`], built into the binary.
    pub fn bundled() -> Result<Tour, DataError> {
        Self::from_json(BUNDLED_JSON)
    }

    /// Reads the `"tour"` part of the catalogue JSON `build.rs` writes.
    pub fn from_json(json: &str) -> Result<Tour, DataError> {
        let root: Value = serde_json::from_str(json)
            .map_err(|e| DataError::new("catalogue.json", None, format!("expected JSON, got a parse error ({e})")))?;
        let Some(table) = root.get("tour") else {
            return Err(DataError::new(TOUR_FILE, None, "expected the file in the catalogue, got nothing"));
        };
        let Some(table) = table.as_object() else {
            return Err(DataError::new(TOUR_FILE, None, format!("expected a table, got {}", describe(table))));
        };
        if let Some(other) = table.keys().find(|k| k.as_str() != "stop") {
            return Err(DataError::new(TOUR_FILE, None, format!("expected only [[stop]] tables, got '{other}'")));
        }
        let items = match table.get("stop") {
            None => return Ok(Tour::default()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(DataError::new(
                    TOUR_FILE,
                    None,
                    format!("expected [[stop]] tables, got {}", describe(other)),
                ))
            }
        };
        let stops = items
            .iter()
            .enumerate()
            .map(|(i, item)| match item.as_object() {
                Some(map) => read_stop(i + 1, map),
                None => Err(DataError::new(
                    TOUR_FILE,
                    None,
                    format!("expected [[stop]] number {} to be a table, got {}", i + 1, describe(item)),
                )),
            })
            .collect::<Result<_, _>>()?;
        Ok(Tour { stops })
    }

    /// Every fault in the tour; empty when it is sound. `subject_exists` says
    /// whether a zone or site id is on the map; themes are looked up in
    /// `catalogue`.
    pub fn validate(&self, catalogue: &Catalogue, subject_exists: &dyn Fn(&str) -> bool) -> Vec<DataError> {
        let mut errors = Vec::new();
        if self.stops.is_empty() {
            errors.push(DataError::new(TOUR_FILE, None, "expected at least one [[stop]], got none"));
        }
        for (i, stop) in self.stops.iter().enumerate() {
            let mut bad = |msg: String| errors.push(DataError::new(TOUR_FILE, Some(&stop.id), msg));
            if self.stops[..i].iter().any(|s| s.id == stop.id) {
                bad("expected a unique id, got one used by an earlier stop".into());
            }
            for l in stop.title.missing() {
                bad(format!("expected a title in {}, got none", l.tag()));
            }
            if let Target::Subject(sel) = &stop.target {
                let known = match sel {
                    Selection::Zone(id) | Selection::Site(id) => subject_exists(id),
                    Selection::Theme(id) => catalogue.theme(id).is_some(),
                };
                if !known {
                    bad(format!("expected target to name a {} on the map, got '{}'", sel.kind(), sel.id()));
                }
            }
            if !(MIN_FACTS..=MAX_FACTS).contains(&stop.facts.len()) {
                bad(format!("expected {MIN_FACTS} to {MAX_FACTS} facts, got {}", stop.facts.len()));
            }
            for f in &stop.facts {
                if catalogue.fact(f).is_none() {
                    bad(format!("expected a fact id from geodata/facts.toml, got '{f}'"));
                }
            }
            if stop.closing && i + 1 != self.stops.len() {
                bad("expected closing = true only on the last stop".into());
            }
        }
        errors
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
    use crate::atlas::layers::Atlas;

    fn json(stops: &str) -> String {
        format!(r#"{{"tour": {{"stop": [{stops}]}}}}"#)
    }

    const GOOD: &str = r#"{"id": "a", "target": "zone:binjiang", "zh_hans": "甲", "zh_hant": "甲", "en": "A", "facts": ["bj-area", "bj-gdp-2022"]}"#;

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
        let stop = r#"{"id": "b", "bounds": [120.1, 30.1, 120.3, 30.3], "zh_hans": "乙", "zh_hant": "乙", "en": "B", "facts": ["bj-area", "bj-gdp-2022"]}"#;
        let tour = Tour::from_json(&json(stop)).unwrap();
        assert!(matches!(tour.stops[0].target, Target::Bounds(b) if b.center().lon > 120.19));
    }

    #[test]
    fn the_view_of_all_three_zones_is_a_target_too() {
        let stop = r#"{"id": "a", "target": "view:all", "zh_hans": "乙", "zh_hant": "乙", "en": "B", "facts": ["bj-area", "bj-gdp-2022"]}"#;
        let tour = Tour::from_json(&json(stop)).unwrap();
        assert_eq!(tour.stops[0].target, Target::Overview);
        // and the bundled tour shows it
        assert!(Tour::bundled().unwrap().stops.iter().any(|s| s.target == Target::Overview));
    }

    #[test]
    fn unusable_stops_are_refused_naming_file_and_stop() {
        let cases = [
            (r#"{"id": "x", "zh_hans": "", "zh_hant": "", "en": ""}"#, "got neither"),
            (r#"{"id": "x", "target": "zone:a", "bounds": [1, 2, 3, 4]}"#, "got both"),
            (r#"{"id": "x", "target": "place:a"}"#, "expected target"),
            (r#"{"id": "x", "bounds": [3, 2, 1]}"#, "expected bounds"),
            (r#"{"id": "x", "target": "zone:a", "facts": "bj-area"}"#, "expected facts"),
            (r#"{"id": "x", "target": "zone:a", "colour": "red"}"#, "got 'colour'"),
            (r#"{"id": "x", "target": "zone:a", "closing": "yes"}"#, "expected closing"),
        ];
        for (stop, says) in cases {
            let e = Tour::from_json(&json(stop)).unwrap_err();
            let m = e.to_string();
            assert!(m.starts_with("geodata/tour.toml, 'x': "), "{m}");
            assert!(m.contains(says), "{m} should say {says}");
        }
        let e = Tour::from_json(&json(r#"{"target": "zone:a"}"#)).unwrap_err();
        assert_eq!(e.to_string(), "geodata/tour.toml: stop 1: expected an id, got none");
        assert!(Tour::from_json("not json").is_err());
        assert!(Tour::from_json(r#"{"tour": {"stops": []}}"#).unwrap_err().to_string().contains("'stops'"));
    }

    #[test]
    fn validation_names_unknown_facts_and_targets_and_counts() {
        let (atlas, catalogue) = bundled_parts();
        let known = |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some();
        let stops = [
            GOOD,
            r#"{"id": "b", "target": "site:nowhere", "zh_hans": "乙", "zh_hant": "乙", "en": "B", "facts": ["bj-area", "no-such-fact"]}"#,
            r#"{"id": "c", "target": "theme:nothing", "zh_hans": "丙", "zh_hant": "", "en": "C", "facts": ["bj-area"], "closing": true}"#,
            GOOD,
        ]
        .join(",");
        let tour = Tour::from_json(&json(&stops)).unwrap();
        let faults: Vec<String> = tour.validate(&catalogue, &known).iter().map(|e| e.to_string()).collect();
        let has = |s: &str| faults.iter().any(|f| f.contains(s));
        assert!(has("'b': expected target to name a site on the map, got 'nowhere'"), "{faults:?}");
        assert!(has("'b': expected a fact id from geodata/facts.toml, got 'no-such-fact'"));
        assert!(has("'c': expected target to name a theme on the map, got 'nothing'"));
        assert!(has("'c': expected a title in zh-Hant"));
        assert!(has("'c': expected 2 to 4 facts, got 1"));
        assert!(has("'c': expected closing = true only on the last stop"));
        assert!(has("'a': expected a unique id"));
        assert!(!has("'a': expected a title"));
        // the sound stops still play
        let playable = tour.without(&tour.validate(&catalogue, &known));
        assert!(playable.stops.iter().all(|s| s.id == "a"));
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
