//! The map's content as deployed: the files under `data/` beside the app
//! (`geodata/` in the repository, copied unchanged by the build), read from
//! their texts at start.
//!
//! | file | holds |
//! |---|---|
//! | `sources.toml`, `facts.toml`, `themes.toml` | the catalogue ([`crate::atlas::catalogue`]) |
//! | `tour.toml` | the guided tour ([`super::tour`]) |
//! | `layers.toml` | the legend's layers: what each holds and how it is drawn ([`crate::atlas::layer_list`]) |
//! | `map.toml` | the map's title, credits, review number, home view ([`super::settings`]) |
//! | `districts.geojson`, `binjiang.geojson`, `zones.geojson`, `sites.geojson`, `water.geojson` | the layers ([`crate::atlas::layers`]) |
//!
//! Nothing here fetches: the browser layer fetches the files (or reads them
//! from the page, in the single-file build) and hands their texts to
//! [`Content::from_texts`]. It fetches in two rounds ([`first_and_context`]):
//! the files a click needs, then the map opens, then the context files
//! `layers.toml` names (`context_files`: the neighbouring districts, the
//! river and lakes, which no click selects), which join the content read
//! ([`Content::with_context`]): only they are read, and the content is the
//! one a read of every file at once gives. Loading is partial: a file that
//! could not be fetched or parsed is reported and the others still load; a
//! record with an error is left out and reported. It never panics.

use super::settings::Settings;
use super::tour::Tour;
use crate::atlas::catalogue::Catalogue;
use crate::atlas::layer_list::Layers;
use crate::atlas::layers::Atlas;
use crate::atlas::validate::check_loaded;
use crate::atlas::{DataError, ErrorKind};

/// The catalogue's files, in the order the catalogue needs them.
pub const SOURCES: &str = "sources.toml";
pub const FACTS: &str = "facts.toml";
pub const THEMES: &str = "themes.toml";
pub const TOUR: &str = "tour.toml";
pub const SETTINGS: &str = super::settings::FILE;
pub const LAYERS: &str = crate::atlas::layer_list::LAYERS_FILE;

/// The GeoJSON layers. Features go to the layer their `kind` names, whatever
/// file they come from.
pub const LAYER_FILES: [&str; 5] =
    ["districts.geojson", "binjiang.geojson", "zones.geojson", "sites.geojson", "water.geojson"];

/// Every content file, by its deployed name: what the app fetches from
/// `data/`. `index.html` preloads all but the context files.
pub const FILES: [&str; 11] = [
    SETTINGS,
    LAYERS,
    SOURCES,
    FACTS,
    THEMES,
    TOUR,
    LAYER_FILES[0],
    LAYER_FILES[1],
    LAYER_FILES[2],
    LAYER_FILES[3],
    LAYER_FILES[4],
];

/// Why a file left out of [`Content::from_texts`]'s list has no text.
const NOT_REQUESTED: &str = "not requested";

/// The folder, relative to the page, the files are deployed in.
pub const FOLDER: &str = "data";

/// One file as the browser got it: its text, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    Text(String),
    /// It could not be fetched: the HTTP status ("404") or the network's
    /// error, in the browser's words.
    Failed(String),
}

/// Everything the map shows, read from the content files.
#[derive(Clone, Debug, Default)]
pub struct Content {
    pub atlas: Atlas,
    pub catalogue: Catalogue,
    pub tour: Tour,
    pub settings: Settings,
    pub layers: Layers,
    /// Every problem met, each naming its file and record.
    pub problems: Vec<DataError>,
    /// What was read of each file, in [`FILES`] order.
    pub files: Vec<FileReport>,
    /// The context files not read yet: left out of [`Content::from_texts`]'s
    /// list on purpose, to come in a second round (none is a problem).
    pub pending: Vec<String>,
    /// What the context files need to join without the others being read
    /// again ([`Content::with_context`]).
    pub reading: Reading,
}

/// What a read found, kept for the context files to join it: every problem
/// as met, before [`fold_dependents`]; the ids the records named that the
/// map does not have; while a context file is pending, the texts of the
/// records, to be read again should it hold a feature with one of those ids.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    found: Vec<(Step, DataError)>,
    absent: Vec<String>,
    records: Option<Box<[String; 4]>>,
}

/// Where a read meets a problem. The problems are listed in this order,
/// whichever round read their file, so that a read in two rounds lists
/// them as one read of every file does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    /// A file that could not be fetched, by its place in [`READ_ORDER`].
    Fetch(usize),
    /// `map.toml`'s own problems.
    Settings,
    /// A layer file's, by its place in [`LAYER_FILES`].
    Features(usize),
    /// `layers.toml`'s own problems.
    Layers,
    /// A feature no layer holds, a zone a layer lists that is not there.
    Held,
    /// The catalogue's and the tour's own problems.
    Records,
    /// A record relying on one that is not there, or on a feature.
    Loaded,
}

/// The order a read fetches the files in: the settings, the layers' list
/// (which names the context files), the layers, the records.
const READ_ORDER: [&str; 11] = [
    SETTINGS,
    LAYERS,
    LAYER_FILES[0],
    LAYER_FILES[1],
    LAYER_FILES[2],
    LAYER_FILES[3],
    LAYER_FILES[4],
    SOURCES,
    FACTS,
    THEMES,
    TOUR,
];

/// What was fetched of the file `name`, if it was asked for.
fn fetched<'a>(files: &'a [(&str, Fetched)], name: &str) -> Option<&'a Fetched> {
    files.iter().find(|(n, _)| *n == name).map(|(_, f)| f)
}

/// The file's text, empty if it has none; a file that could not be fetched
/// is a problem met then.
fn text_of<'a>(files: &'a [(&str, Fetched)], name: &str, found: &mut Vec<(Step, DataError)>) -> &'a str {
    let why = match fetched(files, name) {
        Some(Fetched::Text(t)) => return t,
        // The message is why, in the browser's words ("HTTP 404"): the kind
        // says that the file could not be fetched.
        Some(Fetched::Failed(why)) => why.as_str(),
        None => NOT_REQUESTED,
    };
    let place = READ_ORDER.iter().position(|n| *n == name).unwrap_or(READ_ORDER.len());
    found.push((Step::Fetch(place), DataError::new(ErrorKind::Missing, name, None, why)));
    ""
}

/// The place of a layer file, by its name, in [`LAYER_FILES`]: the order
/// its features take in each layer.
fn layer_rank(name: &str) -> usize {
    LAYER_FILES.iter().position(|n| *n == file_name(name)).unwrap_or(LAYER_FILES.len())
}

/// Reads a layer file's features into `atlas` (nothing from a file with no
/// text: it is named already).
fn read_layer(atlas: &mut Atlas, name: &str, text: &str, found: &mut Vec<(Step, DataError)>) {
    if !text.is_empty() {
        found.extend(at(Step::Features(layer_rank(name)), atlas.read_file(name, text)));
    }
}

/// The catalogue and the tour from the texts of [`SOURCES`], [`FACTS`],
/// [`THEMES`] and [`TOUR`], and their own problems.
fn read_records([sources, facts, themes, tour]: [&str; 4]) -> (Catalogue, Tour, Vec<DataError>) {
    let (catalogue, mut errors) = Catalogue::from_toml(sources, facts, themes);
    let (tour, tour_errors) = Tour::from_toml(tour);
    errors.extend(tour_errors);
    (catalogue, tour, errors)
}

/// What was read of the file `name`: a file not asked for is either pending
/// or not requested.
fn report(name: &str, fetched: Option<&Fetched>, pending: &[String]) -> FileReport {
    FileReport {
        name: name.to_owned(),
        bytes: match fetched {
            Some(Fetched::Text(t)) => Some(t.len()),
            _ => None,
        },
        failed: match fetched {
            Some(Fetched::Failed(why)) => Some(why.clone()),
            Some(Fetched::Text(_)) => None,
            None if pending.iter().any(|p| p == name) => None,
            None => Some(NOT_REQUESTED.into()),
        },
    }
}

/// Problems met at `step`.
fn at(step: Step, problems: impl IntoIterator<Item = DataError>) -> impl Iterator<Item = (Step, DataError)> {
    problems.into_iter().map(move |p| (step, p))
}

/// The two rounds of fetching: every content file but the context files that
/// `layers_toml` names, and those context files (each a GeoJSON file of
/// [`LAYER_FILES`]). With no `layers.toml` to read, everything comes in the
/// first round.
pub fn first_and_context(layers_toml: Option<&str>) -> (Vec<&'static str>, Vec<&'static str>) {
    let context = layers_toml.map(|t| Layers::from_toml(t).0).unwrap_or_default();
    let late = |name: &str| LAYER_FILES.contains(&name) && context.context_files().iter().any(|c| c == name);
    FILES.iter().partition(|name| !late(name))
}

/// One content file as it was read: for the check page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The deployed name: `facts.toml`.
    pub name: String,
    /// Its size in bytes, when it was read.
    pub bytes: Option<usize>,
    /// Why it could not be fetched, when it was not.
    pub failed: Option<String>,
}

impl Content {
    /// The problems in the file named `name`.
    pub fn problems_in<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a DataError> + 'a {
        self.problems.iter().filter(move |p| file_name(&p.file) == name)
    }
}

/// One cause, one problem: a problem that only says a record refers to
/// another which is in its file but was left out for a fault of its own (a
/// fact whose theme was refused, a tour stop showing that fact) is not
/// listed; the record is counted in [`DataError::dependents`] of the problem
/// that caused it, followed back to the first cause.
pub fn fold_dependents(problems: Vec<DataError>) -> Vec<DataError> {
    let n = problems.len();
    // The problem each one follows from: the first problem of the record it refers to.
    let cause: Vec<Option<usize>> = problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (what, id) = p.refers_to.as_deref()?;
            let defines = |q: &DataError| q.id.as_deref() == Some(id.as_str()) && what.in_file(file_name(&q.file));
            problems.iter().position(defines).filter(|&j| j != i)
        })
        .collect();
    // Followed back to a problem that follows from none; `None` on a cycle.
    let root = |mut i: usize| {
        for _ in 0..=n {
            match cause[i] {
                Some(j) => i = j,
                None => return Some(i),
            }
        }
        None
    };
    let roots: Vec<Option<usize>> = (0..n).map(|i| cause[i].and_then(|_| root(i))).collect();
    let mut kept: Vec<Option<DataError>> = problems.into_iter().map(Some).collect();
    let mut out_of: Vec<Vec<(String, String)>> = vec![Vec::new(); n];
    for i in 0..n {
        if let Some(r) = roots[i] {
            if let Some(p) = kept[i].take() {
                let own = kept[r].as_ref().map(|c| (file_name(&c.file).to_owned(), c.id.clone()));
                let record = (file_name(&p.file).to_owned(), p.id.clone().unwrap_or_default());
                let same_as_cause =
                    own.as_ref().is_some_and(|(f, id)| *f == record.0 && id.as_deref() == Some(&record.1));
                if !same_as_cause && !out_of[r].contains(&record) {
                    out_of[r].push(record);
                }
            }
        }
    }
    kept.into_iter()
        .zip(out_of)
        .filter_map(|(p, more)| {
            let mut p = p?;
            if !more.is_empty() {
                let mut all = p.dependents.into_vec();
                all.extend(more.into_iter().filter(|d| !all.contains(d)).collect::<Vec<_>>());
                p.dependents = all.into();
            }
            Some(p)
        })
        .collect()
}

/// The deployed name of a problem's file: `facts.toml` for `facts.toml:212`
/// or `geodata/facts.toml`.
pub fn file_name(file: &str) -> &str {
    let file = file.split_once(':').map_or(file, |(f, _)| f);
    file.rsplit('/').next().unwrap_or(file)
}

impl Content {
    /// Reads the files from `(deployed name, what was fetched)`. A file not
    /// in the list is treated as not fetched.
    pub fn from_texts(files: &[(&str, Fetched)]) -> Content {
        let mut found = Vec::new();
        let settings_text = text_of(files, SETTINGS, &mut found);
        let layers_text = text_of(files, LAYERS, &mut found);
        // The legend's layers; a feature no layer holds is drawn and reported.
        let (layers, layer_errors) = Layers::from_toml(layers_text);
        // A context file left out of the list is to come later, not missing.
        let pending: Vec<String> = layers
            .context_files()
            .iter()
            .filter(|c| LAYER_FILES.contains(&c.as_str()) && fetched(files, c).is_none())
            .cloned()
            .collect();
        let unknown = layers.context_files().iter().filter(|c| !LAYER_FILES.contains(&c.as_str()));
        let unknown: Vec<DataError> = unknown
            .map(|c| {
                let why = format!("expected in context_files one of {}, got \"{c}\"", LAYER_FILES.join(", "));
                DataError::new(ErrorKind::UnknownReference, LAYERS, None, why)
            })
            .collect();
        let layer_texts: Vec<(&str, &str)> = LAYER_FILES
            .iter()
            .filter(|n| !pending.iter().any(|p| p == *n))
            .map(|n| (*n, text_of(files, n, &mut found)))
            .collect();
        let record_texts = [SOURCES, FACTS, THEMES, TOUR].map(|n| text_of(files, n, &mut found));

        let (settings, errors) = Settings::from_toml(settings_text);
        found.extend(at(Step::Settings, errors));
        let mut atlas = Atlas::default();
        for (name, text) in layer_texts {
            read_layer(&mut atlas, name, text, &mut found);
        }
        found.extend(at(Step::Layers, layer_errors.into_iter().chain(unknown)));
        let (catalogue, tour, errors) = read_records(record_texts);
        found.extend(at(Step::Records, errors));
        let files = FILES.iter().map(|name| report(name, fetched(files, name), &pending)).collect();
        let mut content = Content {
            atlas,
            catalogue: Catalogue::default(),
            tour: Tour::default(),
            settings,
            layers,
            problems: Vec::new(),
            files,
            pending,
            reading: Reading { found, ..Reading::default() },
        };
        // Records at fault, and those relying on them, are left out.
        content.check_records((catalogue, tour));
        if !content.pending.is_empty() {
            content.reading.records = Some(Box::new(record_texts.map(str::to_owned)));
        }
        content.finish();
        content
    }

    /// The content with the context files that arrived, `(deployed name,
    /// what was fetched)`, as [`Content::from_texts`] would read them with
    /// the files read already: only they are read. Their features join the
    /// atlas, in the place their file gives them; the problems are those a
    /// read of every file would list (the file missing or malformed, a
    /// feature no layer holds, a record naming a feature they were to hold).
    /// The records are read and checked again only if one named a zone or
    /// site the map did not have and one of these files has. A file that is
    /// not pending is ignored.
    pub fn with_context(mut self, files: &[(&str, Fetched)]) -> Content {
        let (arrived, pending): (Vec<String>, Vec<String>) =
            std::mem::take(&mut self.pending).into_iter().partition(|p| fetched(files, p).is_some());
        self.pending = pending;
        if arrived.is_empty() {
            return self;
        }
        for name in &arrived {
            let text = text_of(files, name, &mut self.reading.found);
            read_layer(&mut self.atlas, name, text, &mut self.reading.found);
            if let Some(r) = self.files.iter_mut().find(|r| r.name == *name) {
                *r = report(name, fetched(files, name), &self.pending);
            }
        }
        self.atlas.order_by_file(layer_rank);
        // The records are read again only if one named a feature that has
        // come; else the check finds what it found.
        if let Some(texts) = self.reading.records.take() {
            let absent = &self.reading.absent;
            let zones = self.atlas.zones().map(|z| &z.id);
            if zones.chain(self.atlas.sites.iter().map(|s| &s.id)).any(|id| absent.contains(id)) {
                let (catalogue, tour, _) = read_records(texts.each_ref().map(String::as_str));
                self.check_records((catalogue, tour));
            }
            if !self.pending.is_empty() {
                self.reading.records = Some(texts);
            }
        }
        self.finish();
        self
    }

    /// Checks the records against each other and the map, leaving out those
    /// at fault ([`check_loaded`]).
    fn check_records(&mut self, (mut catalogue, mut tour): (Catalogue, Tour)) {
        let (problems, absent) = check_loaded(&self.atlas, &mut catalogue, &mut tour);
        self.reading.found.retain(|(step, _)| *step != Step::Loaded);
        self.reading.found.extend(at(Step::Loaded, problems));
        (self.catalogue, self.tour, self.reading.absent) = (catalogue, tour, absent);
    }

    /// What looks at every layer read: the features no layer holds, the
    /// zones a layer lists that are not there. Then the problems in the
    /// order a read meets them, each cause once ([`fold_dependents`]).
    fn finish(&mut self) {
        let found = &mut self.reading.found;
        found.retain(|(step, _)| *step != Step::Held);
        found.extend(at(Step::Held, self.layers.check_atlas(&self.atlas)));
        // (stable: the problems of one step keep their order)
        found.sort_by_key(|(step, _)| *step);
        self.problems = fold_dependents(found.iter().map(|(_, p)| p.clone()).collect());
    }

    /// The files committed under `geodata/`, read as the browser reads the
    /// deployed copies (native builds only: the wasm carries no content).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn committed() -> Content {
        let files: Vec<(&str, Fetched)> = COMMITTED.iter().map(|(n, t)| (*n, Fetched::Text((*t).to_owned()))).collect();
        Content::from_texts(&files)
    }
}

/// The committed files, `(deployed name, text)`, for native tests and tools.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub const COMMITTED: [(&str, &str); 11] = [
    (SETTINGS, include_str!("../../geodata/map.toml")),
    (LAYERS, include_str!("../../geodata/layers.toml")),
    (SOURCES, include_str!("../../geodata/sources.toml")),
    (FACTS, include_str!("../../geodata/facts.toml")),
    (THEMES, include_str!("../../geodata/themes.toml")),
    (TOUR, include_str!("../../geodata/tour.toml")),
    ("districts.geojson", include_str!("../../geodata/districts.geojson")),
    ("binjiang.geojson", include_str!("../../geodata/binjiang.geojson")),
    ("zones.geojson", include_str!("../../geodata/zones.geojson")),
    ("sites.geojson", include_str!("../../geodata/sites.geojson")),
    ("water.geojson", include_str!("../../geodata/water.geojson")),
];

#[cfg(test)]
mod test {
    use super::*;

    fn committed_with(name: &str, fetched: Fetched) -> Content {
        let files: Vec<(&str, Fetched)> = COMMITTED
            .iter()
            .map(|(n, t)| (*n, if *n == name { fetched.clone() } else { Fetched::Text((*t).to_owned()) }))
            .collect();
        Content::from_texts(&files)
    }

    #[test]
    fn every_content_file_is_committed_copied_by_the_build_and_the_first_round_preloaded() {
        assert_eq!(COMMITTED.map(|(n, _)| n), FILES);
        let index = include_str!("../../index.html");
        let (first, context) = first_and_context(Some(COMMITTED[1].1));
        for name in FILES {
            let copy =
                format!("<link data-trunk rel=\"copy-file\" href=\"geodata/{name}\" data-target-path=\"{FOLDER}\" />");
            assert!(index.contains(&copy), "index.html does not copy {name}");
        }
        // The context files come after the map answers clicks: a preload
        // would compete with the files it needs first.
        for name in first {
            let preload = format!("<link rel=\"preload\" href=\"{FOLDER}/{name}\" as=\"fetch\" crossorigin />");
            assert!(index.contains(&preload), "index.html does not preload {name}");
        }
        for name in context {
            let link = format!("href=\"{FOLDER}/{name}\"");
            assert!(!index.contains(&link), "index.html preloads {name}, a context file");
        }
    }

    #[test]
    fn the_context_files_come_second_and_hold_nothing_a_click_selects() {
        let (first, context) = first_and_context(Some(COMMITTED[1].1));
        assert!(!context.is_empty(), "layers.toml names context files");
        assert_eq!(first.len() + context.len(), FILES.len());
        assert!(context.iter().all(|c| LAYER_FILES.contains(c) && !first.contains(c)));
        // Without layers.toml nothing is known to be context: one round.
        assert_eq!(first_and_context(None), (FILES.to_vec(), Vec::new()));
        assert_eq!(first_and_context(Some("not toml [")).1, Vec::<&str>::new());

        let all = Content::committed();
        let files: Vec<(&str, Fetched)> = COMMITTED
            .iter()
            .filter(|(n, _)| first.contains(n))
            .map(|(n, t)| (*n, Fetched::Text((*t).to_owned())))
            .collect();
        let early = Content::from_texts(&files);
        assert!(early.problems.is_empty(), "{:?}", early.problems);
        assert_eq!(early.pending, context.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert!(all.pending.is_empty());
        // Everything a click can select is there before the context files are.
        assert_eq!(early.atlas.focus, all.atlas.focus);
        assert_eq!(early.atlas.cooperation, all.atlas.cooperation);
        assert_eq!(early.atlas.sites, all.atlas.sites);
        assert_eq!(early.catalogue.facts.len(), all.catalogue.facts.len());
        assert_eq!(early.tour.stops.len(), all.tour.stops.len());
        let pending_report = early.files.iter().find(|f| f.name == context[0]).unwrap();
        assert_eq!((pending_report.bytes, pending_report.failed.as_deref()), (None, None));
    }

    #[test]
    fn a_context_file_that_fails_is_named_and_the_rest_loads() {
        let (_, context) = first_and_context(Some(COMMITTED[1].1));
        let c = committed_with(context[0], Fetched::Failed("HTTP 503".into()));
        let p: Vec<_> = c.problems_in(context[0]).collect();
        assert_eq!(p.len(), 1, "{:?}", c.problems);
        assert!(p[0].to_string().contains(context[0]) && p[0].to_string().contains("HTTP 503"), "{}", p[0]);
        assert!(c.pending.is_empty());
        assert!(!c.atlas.focus.is_empty() && !c.atlas.sites.is_empty());
    }

    #[test]
    fn a_context_file_that_is_no_layer_file_is_named() {
        let layers = COMMITTED[1].1.replacen("context_files = [", "context_files = [\"roads.geojson\", ", 1);
        let files: Vec<(&str, Fetched)> = COMMITTED
            .iter()
            .map(|(n, t)| (*n, Fetched::Text(if *n == LAYERS { layers.clone() } else { (*t).to_owned() })))
            .collect();
        let c = Content::from_texts(&files);
        let p: Vec<_> = c.problems_in(LAYERS).collect();
        assert_eq!(p.len(), 1, "{:?}", c.problems);
        assert!(p[0].to_string().contains("roads.geojson"), "{}", p[0]);
        assert!(c.pending.is_empty());
    }

    /// The committed files, each replaced by what `changes` gives for it,
    /// read in two rounds (the first round, then the context files joining
    /// it) and read at once.
    fn joined_and_whole(changes: &[(&str, Fetched)]) -> (Content, Content) {
        let files: Vec<(&str, Fetched)> = COMMITTED
            .iter()
            .map(|(n, t)| {
                let change = changes.iter().find(|(c, _)| c == n).map(|(_, f)| f.clone());
                (*n, change.unwrap_or_else(|| Fetched::Text((*t).to_owned())))
            })
            .collect();
        let context = context();
        let (late, first): (Vec<_>, Vec<_>) = files.iter().cloned().partition(|(n, _)| context.contains(n));
        let early = Content::from_texts(&first);
        assert_eq!(early.pending.len(), context.len());
        (early.with_context(&late), Content::from_texts(&files))
    }

    /// Ids of an atlas's features, layer by layer, in their order.
    fn ids(atlas: &Atlas) -> [Vec<&str>; 5] {
        fn zones(z: &[crate::atlas::layers::Zone]) -> Vec<&str> {
            z.iter().map(|z| z.id.as_str()).collect()
        }
        [
            zones(&atlas.districts),
            zones(&atlas.focus),
            zones(&atlas.cooperation),
            atlas.sites.iter().map(|s| s.id.as_str()).collect(),
            atlas.water.iter().map(|w| w.id.as_str()).collect(),
        ]
    }

    /// The context files the committed `layers.toml` names.
    fn context() -> Vec<&'static str> {
        first_and_context(Some(COMMITTED[1].1)).1
    }

    /// A committed file's text.
    fn committed_text(name: &str) -> &'static str {
        COMMITTED.iter().find(|(n, _)| *n == name).expect("a content file").1
    }

    /// The id of a district: a feature of the first context file.
    fn a_district() -> String {
        let name = context()[0];
        Atlas::from_files(&[(name, committed_text(name))]).0.districts[0].id.clone()
    }

    /// Every part of the content the app uses is the same.
    fn assert_same(joined: &Content, whole: &Content) {
        assert_eq!(ids(&joined.atlas), ids(&whole.atlas));
        assert!(joined.atlas == whole.atlas, "the features differ");
        assert_eq!(joined.problems, whole.problems);
        assert_eq!(joined.files, whole.files);
        assert_eq!(joined.pending, whole.pending);
        assert!(joined.catalogue == whole.catalogue, "the catalogues differ");
        assert!(joined.tour == whole.tour, "the tours differ");
        assert_eq!(joined.settings, whole.settings);
        assert_eq!(joined.layers, whole.layers);
    }

    #[test]
    fn the_context_files_join_the_first_round_as_if_every_file_were_read_at_once() {
        let (joined, whole) = joined_and_whole(&[]);
        assert!(!whole.atlas.districts.is_empty() && !whole.atlas.water.is_empty());
        assert_same(&joined, &whole);
        // One file at a time: the other stays pending until it comes.
        let context = context();
        let text = |name: &str| Fetched::Text(committed_text(name).to_owned());
        let all: Vec<(&str, Fetched)> = COMMITTED.iter().map(|(n, _)| (*n, text(n))).collect();
        let without = |left: &[&str]| -> Vec<(&str, Fetched)> {
            all.iter().filter(|(n, _)| !left.contains(n)).cloned().collect()
        };
        let mut content = Content::from_texts(&without(&context));
        for (i, name) in context.iter().enumerate() {
            content = content.with_context(&[(name, text(name))]);
            assert_same(&content, &Content::from_texts(&without(&context[i + 1..])));
        }
        assert!(content.pending.is_empty());
    }

    #[test]
    fn a_context_file_that_fails_is_reported_as_a_read_of_every_file_reports_it() {
        let context = context();
        // (with a problem in a file of the first round, which a full read
        // meets after the file that failed)
        let settings = Fetched::Text(format!("unknown_setting = 1\n{}", COMMITTED[0].1));
        let (joined, whole) =
            joined_and_whole(&[(context[0], Fetched::Failed("HTTP 503".into())), (SETTINGS, settings)]);
        let files: Vec<&str> = whole.problems.iter().map(|p| file_name(&p.file)).collect();
        assert_eq!(files, [context[0], SETTINGS], "{:?}", whole.problems);
        assert_same(&joined, &whole);
    }

    #[test]
    fn a_context_file_that_is_not_json_is_reported_as_a_read_of_every_file_reports_it() {
        let context = context();
        let cut = Fetched::Text("{\"type\": \"FeatureCollection\",\n\"version\": 1, \"features\": [".into());
        let (joined, whole) = joined_and_whole(&[(context[1], cut)]);
        assert_eq!(whole.problems_in(context[1]).count(), 1, "{:?}", whole.problems);
        assert_same(&joined, &whole);
    }

    #[test]
    fn a_feature_of_a_context_file_that_no_layer_holds_takes_its_place_and_is_reported() {
        let context = context();
        let text = committed_text(context[0]);
        // A site of a category no layer has, in the first file the map reads:
        // its place among the sites is before those of the sites' own file.
        let site = r#"{"type":"Feature","id":"odd-site","properties":{"id":"odd-site","kind":"site","category":"nowhere","name_zh_hans":"甲","name_zh_hant":"甲","name_en":"A","confidence":"low","district":"330108","position_basis":"test"},"geometry":{"type":"Point","coordinates":[120.2,30.2]}},"#;
        assert_eq!(LAYER_FILES[0], context[0]);
        let text = text.replacen("\"features\":[\n", &format!("\"features\":[\n{site}\n"), 1);
        let (joined, whole) = joined_and_whole(&[(context[0], Fetched::Text(text))]);
        assert_eq!(whole.atlas.sites[0].id, "odd-site");
        assert_eq!(whole.problems.iter().filter(|p| p.id.as_deref() == Some("odd-site")).count(), 1);
        assert_same(&joined, &whole);
    }

    #[test]
    fn records_and_layers_naming_a_feature_of_a_context_file_are_checked_when_it_comes() {
        let (context, district, text) = (context(), a_district(), committed_text);
        // A fact about a district, a stop showing it, a layer listing it.
        let facts = text(FACTS).replacen("subject = \"binjiang\"", &format!("subject = \"{district}\""), 1);
        let tour = text(TOUR).replacen("target = \"zone:binjiang\"", &format!("target = \"zone:{district}\""), 1);
        let layers =
            text(LAYERS).replacen("zones = [\"binxiao\"]", &format!("zones = [\"binxiao\", \"{district}\"]"), 1);
        let changes = [(FACTS, facts), (TOUR, tour), (LAYERS, layers)].map(|(n, t)| (n, Fetched::Text(t)));
        let (joined, whole) = joined_and_whole(&changes);
        assert!(whole.problems.is_empty(), "{:?}", whole.problems);
        assert_same(&joined, &whole);
        // … and are reported when it does not come.
        let mut failed = changes.to_vec();
        failed.push((context[0], Fetched::Failed("HTTP 503".into())));
        let (joined, whole) = joined_and_whole(&failed);
        for file in [FACTS, TOUR, LAYERS, context[0]] {
            assert_eq!(whole.problems_in(file).count(), 1, "{file}: {:?}", whole.problems);
        }
        assert_same(&joined, &whole);
    }

    #[test]
    fn a_theme_with_the_id_of_a_feature_of_a_context_file_is_named_when_it_comes() {
        let text = committed_text(THEMES);
        let theme = text.lines().find_map(|l| l.strip_prefix("id = ")).unwrap();
        let themes = text.replacen(&format!("id = {theme}"), &format!("id = \"{}\"", a_district()), 1);
        let (joined, whole) = joined_and_whole(&[(THEMES, Fetched::Text(themes))]);
        let clash = |c: &Content| c.problems_in(THEMES).any(|p| p.kind == ErrorKind::DuplicateId);
        assert!(clash(&whole), "{:?}", whole.problems);
        assert_same(&joined, &whole);
    }

    #[test]
    fn the_committed_files_load_without_problems() {
        let c = Content::committed();
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert!(c.catalogue.facts.len() > 100);
        assert!(!c.tour.stops.is_empty());
        assert!(!c.atlas.sites.is_empty() && !c.atlas.cooperation.is_empty());
    }

    #[test]
    fn a_file_not_fetched_is_named_and_the_rest_loads() {
        let c = committed_with(FACTS, Fetched::Failed("404".into()));
        assert_eq!(c.problems.iter().filter(|p| p.file == FACTS).count(), 1, "{:?}", c.problems);
        assert!(c.catalogue.facts.is_empty());
        assert!(!c.catalogue.sources.is_empty());
        assert!(!c.atlas.sites.is_empty());
    }

    #[test]
    fn a_truncated_toml_file_is_named_with_its_line() {
        let facts = COMMITTED[3].1;
        let cut = &facts[..facts.floor_char_boundary(facts.len() / 2)];
        let cut = &cut[..cut.rfind("= \"").map_or(cut.len(), |i| i + 3)];
        let c = committed_with(FACTS, Fetched::Text(cut.to_owned()));
        let p = c.problems.iter().find(|p| p.file == FACTS).expect("the file is named");
        assert_eq!((p.kind, p.line), (ErrorKind::Syntax, Some(cut.lines().count())), "{p}");
        assert!(c.atlas.zones().count() > 0);
        assert!(!c.atlas.sites.is_empty(), "the layers still load");
    }

    #[test]
    fn each_file_is_reported_with_its_size_or_why_it_failed() {
        let c = committed_with(TOUR, Fetched::Failed("HTTP 404".into()));
        assert_eq!(c.files.len(), FILES.len());
        let tour = c.files.iter().find(|f| f.name == TOUR).unwrap();
        assert_eq!((tour.bytes, tour.failed.as_deref()), (None, Some("HTTP 404")));
        let facts = c.files.iter().find(|f| f.name == FACTS).unwrap();
        assert_eq!(facts.bytes, Some(COMMITTED[3].1.len()));
        assert_eq!(c.problems_in(TOUR).count(), 1);
        assert_eq!(c.problems_in(FACTS).count(), 0);
        assert_eq!(file_name("geodata/facts.toml"), "facts.toml");
        assert_eq!(file_name("facts.toml:212"), "facts.toml");
    }

    #[test]
    fn a_reference_to_a_record_left_out_counts_on_its_problem_and_a_typo_stays_a_problem() {
        use crate::atlas::Referent;
        let e = |file: &str, id: &str| DataError::new(ErrorKind::UnknownReference, file, Some(id), "…");
        let problems = vec![
            DataError::new(ErrorKind::Shape, "themes.toml", Some("t"), "a bad value"),
            e("facts.toml", "a").refers_to(Referent::Subject, "t"),
            e("facts.toml", "b").refers_to(Referent::Subject, "t"),
            // a stop showing fact a, which is left out because of t
            e("tour.toml", "s").refers_to(Referent::Fact, "a"),
            e("tour.toml", "s").refers_to(Referent::Theme, "t"),
            // a stop with the same id as the theme is not the theme
            e("facts.toml", "c").refers_to(Referent::Fact, "t"),
            // no record 'x' anywhere: a problem of its own
            e("facts.toml", "d").refers_to(Referent::Source, "x"),
        ];
        let folded = fold_dependents(problems);
        let ids: Vec<_> = folded.iter().map(|p| (p.file.as_str(), p.id.as_deref().unwrap())).collect();
        assert_eq!(ids, [("themes.toml", "t"), ("facts.toml", "c"), ("facts.toml", "d")]);
        assert_eq!(folded[0].dependents_by_file(), [("facts.toml", 2), ("tour.toml", 1)]);
    }

    #[test]
    fn references_in_a_circle_are_all_kept() {
        use crate::atlas::Referent;
        let e = |id: &str, to: &str| {
            DataError::new(ErrorKind::UnknownReference, "facts.toml", Some(id), "…").refers_to(Referent::Fact, to)
        };
        let folded = fold_dependents(vec![e("a", "b"), e("b", "a")]);
        assert_eq!(folded.len(), 2);
    }

    #[test]
    fn a_broken_layer_file_leaves_the_others() {
        let c = committed_with("sites.geojson", Fetched::Text("{\"type\": \"Feature".into()));
        assert!(c.problems.iter().any(|p| p.file.contains("sites.geojson")), "{:?}", c.problems);
        assert!(c.atlas.sites.is_empty());
        assert!(!c.atlas.cooperation.is_empty());
        assert!(!c.catalogue.facts.is_empty());
    }
}
