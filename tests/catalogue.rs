//! The committed catalogue (geodata/{sources,facts,themes}.toml) is sound:
//! every fact has a known source, subject and three languages; every printed
//! figure is in its source's text and says what the value says; the texts are
//! the map's own writing. A broken copy is caught with file and record named.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use binjiang_map::atlas::catalogue::{format_figure, Catalogue, BUNDLED_JSON, FACTS_FILE};
use binjiang_map::atlas::figures::{check_figure, parse_printed};
use binjiang_map::atlas::layers::Atlas;
use binjiang_map::atlas::{DataError, Lang};
use serde_json::Value;

/// The source articles live beside the repository (`shared/seeds/`).
const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const FACTS_TOML: &str = include_str!("../geodata/facts.toml");

/// A shared run this long of Chinese characters counts as copied text.
const COPY_RUN: usize = 20;

fn catalogue() -> Catalogue {
    Catalogue::bundled().unwrap_or_else(|e| panic!("the bundled catalogue loads: {e}"))
}

fn atlas() -> Atlas {
    let (atlas, errors) = Atlas::bundled();
    assert!(errors.is_empty(), "the map layers load: {errors:?}");
    atlas
}

fn on_map(atlas: &Atlas) -> impl Fn(&str) -> bool + '_ {
    |id| atlas.zone(id).is_some() || atlas.site(id).is_some()
}

fn report(errors: &[DataError]) -> String {
    errors.iter().map(|e| format!("\n  {e}")).collect()
}

fn seed_text(seed: &str) -> String {
    let path = PathBuf::from(SEEDS_DIR).join(seed);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("seed {} is readable: {e}", path.display()))
}

/// A change to one fact's JSON record.
type Edit = Box<dyn FnOnce(&mut serde_json::Map<String, Value>)>;

/// The bundled JSON with one fact changed by `edit`, loaded and validated.
fn with_fact(id: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Result<Vec<DataError>, DataError> {
    let mut root: Value = serde_json::from_str(BUNDLED_JSON).expect("bundled JSON parses");
    let fact = root["facts"]["fact"]
        .as_array_mut()
        .expect("facts")
        .iter_mut()
        .find(|f| f["id"] == id)
        .and_then(Value::as_object_mut)
        .expect("the fact exists");
    edit(fact);
    let atlas = atlas();
    Catalogue::from_json(&root.to_string()).map(|c| c.validate(&on_map(&atlas)))
}

fn cjk_only(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| matches!(*c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F))
        .collect()
}

#[test]
fn committed_catalogue_is_sound() {
    let atlas = atlas();
    let errors = catalogue().validate(&on_map(&atlas));
    assert!(errors.is_empty(), "catalogue problems:{}", report(&errors));
}

#[test]
fn every_fact_names_a_known_source() {
    let c = catalogue();
    for f in &c.facts {
        assert!(c.source(&f.source).is_some(), "{}: unknown source {}", f.id, f.source);
    }
}

#[test]
fn every_source_has_its_seed_file() {
    for s in &catalogue().sources {
        assert!(!seed_text(&s.seed).trim().is_empty(), "{}: seed {} is empty", s.id, s.seed);
    }
}

#[test]
fn every_printed_figure_is_in_its_source() {
    let c = catalogue();
    let mut texts = BTreeMap::new();
    for f in &c.facts {
        let Some(figure) = &f.figure else { continue };
        let source = c.source(&f.source).expect("known source");
        let text = texts.entry(source.seed.clone()).or_insert_with(|| seed_text(&source.seed));
        assert!(text.contains(&figure.printed), "{}: '{}' is not printed in {}", f.id, figure.printed, source.seed);
    }
}

#[test]
fn every_figure_says_what_its_value_says() {
    for f in &catalogue().facts {
        if let Some(figure) = &f.figure {
            assert!(parse_printed(&figure.printed).is_ok(), "{}: '{}' does not parse", f.id, figure.printed);
            if let Err(e) = check_figure(figure) {
                panic!("{}: {e}", f.id);
            }
        }
    }
}

#[test]
fn every_figure_reads_in_each_script_and_in_english() {
    for f in &catalogue().facts {
        let Some(figure) = &f.figure else { continue };
        let hans = format_figure(figure, Lang::ZhHans);
        let hant = format_figure(figure, Lang::ZhHant);
        let en = format_figure(figure, Lang::En);
        assert!(!hans.contains(['億', '萬', '個']), "{}: '{hans}' is not Simplified", f.id);
        assert!(!hant.contains(['亿', '万', '个']), "{}: '{hant}' is not Traditional", f.id);
        assert!(en.is_ascii() || en.contains(['²', '×']), "{}: '{en}' is not English", f.id);
        assert!(en.chars().any(|c| c.is_ascii_digit()), "{}: '{en}' has no number", f.id);
    }
}

#[test]
fn every_subject_is_on_the_map_or_a_theme() {
    let atlas = atlas();
    let c = catalogue();
    for f in &c.facts {
        let known =
            atlas.zone(&f.subject).is_some() || atlas.site(&f.subject).is_some() || c.theme(&f.subject).is_some();
        assert!(known, "{}: unknown subject {}", f.id, f.subject);
    }
    for t in &c.themes {
        for m in &t.members {
            assert!(atlas.zone(m).is_some() || atlas.site(m).is_some(), "theme {}: unknown member {m}", t.id);
        }
    }
}

#[test]
fn every_fact_speaks_all_three_languages() {
    for f in &catalogue().facts {
        for lang in Lang::ALL {
            assert!(!f.text.get(lang).trim().is_empty(), "{}: no text in {}", f.id, lang.tag());
        }
        assert!(cjk_only(&f.text.en).is_empty(), "{}: Chinese characters in the English text", f.id);
    }
}

#[test]
fn every_cooperation_zone_site_and_theme_has_facts() {
    let atlas = atlas();
    let c = catalogue();
    // The sources say nothing about 湖头陈 beyond what the map layer already shows.
    let silent = ["hutouchen"];
    let subjects = atlas
        .focus
        .iter()
        .chain(&atlas.cooperation)
        .map(|z| z.id.as_str())
        .chain(atlas.sites.iter().map(|s| s.id.as_str()))
        .chain(c.themes.iter().map(|t| t.id.as_str()));
    for id in subjects.filter(|id| !silent.contains(id)) {
        assert!(c.facts_for(id).next().is_some(), "{id} has no facts");
    }
}

#[test]
fn key_facts_are_few_and_come_first() {
    let c = catalogue();
    let mut subjects: Vec<&str> = c.facts.iter().map(|f| f.subject.as_str()).collect();
    subjects.dedup();
    for s in subjects {
        let keys = c.facts.iter().filter(|f| f.subject == s && f.key).count();
        assert!(keys <= 4, "{s} has {keys} key facts");
        let listed: Vec<bool> = c.facts_for(s).map(|f| f.key).collect();
        assert!(listed.windows(2).all(|w| w[0] >= w[1]), "{s}: key facts are not first");
    }
}

#[test]
fn disagreeing_sources_are_both_shown() {
    let c = catalogue();
    for (a, b) in [("bj-listed-65", "bj-listed-69"), ("cvv-layout-s000", "cvv-layout-s003")] {
        let fa = c.fact(a).unwrap_or_else(|| panic!("{a} exists"));
        let fb = c.fact(b).unwrap_or_else(|| panic!("{b} exists"));
        assert_eq!(fa.conflicts_with.as_deref(), Some(b));
        assert_eq!(fb.conflicts_with.as_deref(), Some(a));
        assert_ne!(fa.source, fb.source);
    }
}

#[test]
fn broken_facts_are_reported_with_file_and_id() {
    let id = "bj-gdp-2022";
    let cases: [(&str, Edit); 4] = [
        ("missing source", Box::new(|f| drop(f.insert("source".into(), "s999".into())))),
        ("unknown subject", Box::new(|f| drop(f.insert("subject".into(), "atlantis".into())))),
        ("bad figure", Box::new(|f| drop(f.insert("value".into(), 2184.8.into())))),
        ("missing en", Box::new(|f| drop(f.remove("en")))),
    ];
    for (what, edit) in cases {
        let errors = with_fact(id, edit).unwrap_or_else(|e| panic!("{what}: loads, then fails validation ({e})"));
        assert_eq!(errors.len(), 1, "{what}:{}", report(&errors));
        assert_eq!((errors[0].file.as_str(), errors[0].id.as_deref()), (FACTS_FILE, Some(id)), "{what}");
    }
}

#[test]
fn malformed_facts_are_refused_with_file_and_id() {
    let e = with_fact("bj-area", |f| drop(f.insert("unit".into(), "acres".into()))).unwrap_err();
    assert_eq!((e.file.as_str(), e.id.as_deref()), (FACTS_FILE, Some("bj-area")));
    let e = with_fact("bj-area", |f| drop(f.remove("unit"))).unwrap_err();
    assert_eq!(e.id.as_deref(), Some("bj-area"));
}

#[test]
fn markup_in_a_text_stays_plain_text() {
    let hostile = "<script>alert('x')</script> & <b>bold</b>";
    let mut root: Value = serde_json::from_str(BUNDLED_JSON).expect("bundled JSON parses");
    root["facts"]["fact"][0]["en"] = hostile.into();
    let c = Catalogue::from_json(&root.to_string()).expect("loads");
    assert_eq!(c.facts[0].text.en, hostile);
    assert_eq!(c.facts[0].text.get(Lang::En), hostile);
}

#[test]
fn fact_texts_are_not_copied_from_the_sources() {
    let ours = cjk_only(FACTS_TOML);
    let seeds: Vec<String> =
        catalogue().sources.iter().map(|s| cjk_only(&seed_text(&s.seed)).into_iter().collect()).collect();
    let mut copied = Vec::new();
    for run in ours.windows(COPY_RUN) {
        let run: String = run.iter().collect();
        if seeds.iter().any(|s| s.contains(&run)) {
            copied.push(run);
        }
    }
    assert!(copied.is_empty(), "runs of {COPY_RUN} Chinese characters shared with a source: {copied:?}");
}
