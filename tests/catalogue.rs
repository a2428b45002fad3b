// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! The committed catalogue (geodata/{sources,facts,themes}.toml) is sound:
//! every fact has a known source, subject and three languages; every printed
//! figure is in its source's text and says what the value says; a figure
//! printed after "今年" is dated in its source's year; the texts are the map's
//! own writing. A broken copy is caught with file and record named.
//!
//! The checks against the articles' text need the articles, which live beside
//! the repository in `../shared/seeds/`. Where that folder is absent (a bare
//! clone) those checks print "skipped: ../shared/seeds not found" and pass;
//! every other check runs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use binjiang_map::atlas::catalogue::{format_figure, period_span, Catalogue, FACTS_FILE};
use binjiang_map::atlas::figures::{check_figure, parse_printed};
use binjiang_map::atlas::layers::Atlas;
use binjiang_map::atlas::{DataError, ErrorKind, Lang};
use binjiang_map::state::tour::Tour;

/// The source articles live beside the repository (`shared/seeds/`).
const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const SOURCES_TOML: &str = include_str!("../geodata/sources.toml");
const FACTS_TOML: &str = include_str!("../geodata/facts.toml");
const THEMES_TOML: &str = include_str!("../geodata/themes.toml");
const SKIPPED: &str = "skipped: ../shared/seeds not found";

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

/// The articles' texts, read from `dir`, by seed file name.
struct Seeds {
    dir: PathBuf,
}

impl Seeds {
    /// The articles in `dir`, or `Err` with the notice to print when the
    /// folder is not there: the checks that need them are then skipped.
    fn at(dir: &Path) -> Result<Seeds, &'static str> {
        if dir.is_dir() {
            Ok(Seeds { dir: dir.to_owned() })
        } else {
            Err(SKIPPED)
        }
    }

    /// The committed articles, or `None` after printing the notice.
    fn committed() -> Option<Seeds> {
        Seeds::at(Path::new(SEEDS_DIR)).map_err(|notice| eprintln!("{notice}")).ok()
    }

    /// A held article's text; a seed named in sources.toml must be readable.
    fn text(&self, seed: &str) -> String {
        let path = self.dir.join(seed);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("seed {} is readable: {e}", path.display()))
    }
}

/// The problems a source-text check finds, or the notice that it was skipped.
fn figures_not_in_their_sources(c: &Catalogue, seeds: &Seeds) -> Vec<String> {
    let mut texts = BTreeMap::new();
    let mut problems = Vec::new();
    for f in &c.facts {
        let Some(figure) = &f.figure else { continue };
        let source = c.source(&f.source).expect("known source");
        let Some(seed) = &source.seed else { continue };
        let text = texts.entry(seed.clone()).or_insert_with(|| seeds.text(seed));
        if !text.contains(&figure.printed) {
            problems.push(format!("{}: '{}' is not printed in {seed}", f.id, figure.printed));
        }
    }
    problems
}

/// The sentence (up to the figure) in which each printed figure appears once
/// in its article; where it says "今年" and names no other year after it, the
/// fact's period must include the article's year.
fn this_year_figures_out_of_their_year(c: &Catalogue, seeds: &Seeds) -> Vec<String> {
    let mut problems = Vec::new();
    for f in &c.facts {
        let (Some(figure), Some(period)) = (&f.figure, f.period.as_deref()) else { continue };
        let source = c.source(&f.source).expect("known source");
        let Some(seed) = &source.seed else { continue };
        let text = seeds.text(seed);
        let mut at = text.match_indices(&figure.printed).map(|(i, _)| i);
        let (Some(i), None) = (at.next(), at.next()) else { continue }; // only where it can be told
        let before = &text[..i];
        let start = before
            .rfind(['。', '\n', '！', '？', '!', '?'])
            .map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
        let sentence = &before[start..];
        let Some(k) = sentence.rfind("今年") else { continue };
        let named_year = sentence[k..].char_indices().any(|(j, ch)| {
            ch == '年' && j >= 4 && sentence[k..][..j].chars().rev().take(4).all(|d| d.is_ascii_digit())
        });
        if named_year {
            continue;
        }
        let year: u32 = source.date[..4].parse().expect("a dated source");
        if !period_span(period).is_some_and(|p| p.touches_year(year)) {
            problems.push(format!(
                "{}: '{}' follows “今年” in {} ({}), so its period should be in {year}, got \"{period}\"",
                f.id, figure.printed, source.id, source.date
            ));
        }
    }
    problems
}

/// The committed facts with the first `from` in fact `id`'s record replaced
/// by `to`, and the line of the change.
fn edited_facts(id: &str, from: &str, to: &str) -> (String, usize) {
    let at = FACTS_TOML.find(&format!("\nid = \"{id}\"\n")).expect("the fact exists");
    let off = at + FACTS_TOML[at..].find(from).expect("the field is in the file");
    assert!(!FACTS_TOML[at..off].contains("\n[["), "{from} is not in {id}'s record");
    let line = FACTS_TOML[..off].matches('\n').count() + 1;
    (format!("{}{to}{}", &FACTS_TOML[..off], &FACTS_TOML[off + from.len()..]), line)
}

/// The catalogue with these facts instead of the committed ones: what
/// reading it reports, what validating it reports, and the catalogue.
fn with_facts(facts: &str) -> (Vec<DataError>, Vec<DataError>, Catalogue) {
    let (c, read) = Catalogue::from_toml(SOURCES_TOML, facts, THEMES_TOML);
    let atlas = atlas();
    let problems = c.validate(&on_map(&atlas));
    (read, problems, c)
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
fn every_held_source_has_its_seed_file() {
    let Some(seeds) = Seeds::committed() else { return };
    for s in &catalogue().sources {
        if let Some(seed) = &s.seed {
            assert!(!seeds.text(seed).trim().is_empty(), "{}: seed {seed} is empty", s.id);
        }
    }
}

#[test]
fn every_printed_figure_is_in_its_source() {
    let Some(seeds) = Seeds::committed() else { return };
    let problems = figures_not_in_their_sources(&catalogue(), &seeds);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_figure_after_this_year_is_dated_in_its_sources_year() {
    let Some(seeds) = Seeds::committed() else { return };
    let problems = this_year_figures_out_of_their_year(&catalogue(), &seeds);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_this_year_check_catches_a_figure_dated_a_year_late() {
    // 1056.2亿元 is printed after "今年上半年" in s001 (2022-08): dated 2023-H1 it is wrong.
    let Some(seeds) = Seeds::committed() else { return };
    let at = FACTS_TOML.find("figure = \"1056.2亿元\"").expect("the first-half 2022 GDP");
    let id_at = FACTS_TOML[..at].rfind("\nid = \"").expect("its id") + 7;
    let id = &FACTS_TOML[id_at..id_at + FACTS_TOML[id_at..].find('"').expect("a quoted id")];
    let (facts, _) = edited_facts(id, "period = ", "period = \"2023-H1\" # ");
    // the check reads the article's own date, not the fact's source check
    let (_, _, c) = with_facts(&facts);
    let problems = this_year_figures_out_of_their_year(&c, &seeds);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("今年") && problems[0].contains("2022"), "{}", problems[0]);
}

#[test]
fn without_the_articles_the_source_text_checks_are_skipped_with_a_notice() {
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-folder/seeds");
    assert_eq!(Seeds::at(&missing).err(), Some(SKIPPED));
    assert!(Seeds::at(Path::new(env!("CARGO_MANIFEST_DIR"))).is_ok());
}

#[test]
fn every_key_or_tour_fact_has_a_period_and_old_ids_still_find_their_facts() {
    let c = catalogue();
    let tour = Tour::bundled().expect("the tour loads");
    let on_tour: Vec<&str> = tour.stops.iter().flat_map(|s| s.facts.iter().map(String::as_str)).collect();
    for f in c.facts.iter().filter(|f| f.key || on_tour.contains(&f.id.as_str())) {
        assert!(f.period.is_some(), "{}: a key or tour fact without a period", f.id);
    }
    for f in &c.facts {
        for old in &f.was {
            assert_eq!(c.fact(old).map(|g| g.id.as_str()), Some(f.id.as_str()), "{old} should find {}", f.id);
        }
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
fn listed_firms_are_a_series_over_time_not_a_disagreement() {
    let c = catalogue();
    let (a, b) = (c.fact("bj-listed-65").expect("65 in 2022"), c.fact("bj-listed-69").expect("69 in 2023"));
    assert_eq!(b.earlier.as_deref(), Some(a.id.as_str()));
    assert!(a.conflicts_with.is_none() && b.conflicts_with.is_none());
    let start = |p: &Option<String>| period_span(p.as_deref().expect("dated")).expect("a period").start;
    assert!(start(&a.period) < start(&b.period));
}

#[test]
fn disagreeing_sources_are_both_shown() {
    let c = catalogue();
    for (a, b) in [("cvv-layout-s000", "cvv-layout-s003"), ("bf-projects", "bf-projects-2022-12")] {
        let fa = c.fact(a).unwrap_or_else(|| panic!("{a} exists"));
        let fb = c.fact(b).unwrap_or_else(|| panic!("{b} exists"));
        assert_eq!(fa.conflicts_with.as_deref(), Some(b));
        assert_eq!(fb.conflicts_with.as_deref(), Some(a));
        assert_ne!(fa.source, fb.source);
    }
}

#[test]
fn broken_facts_are_reported_with_kind_file_line_and_id() {
    let id = "bj-gdp-2022";
    let cases = [
        ("source = ", "source = \"s999\" # ", ErrorKind::UnknownReference),
        ("subject = ", "subject = \"atlantis\" # ", ErrorKind::UnknownReference),
        ("value = ", "value = 2184.8 # ", ErrorKind::BadFigure),
        ("en = ", "en = \"\" # ", ErrorKind::MissingName(Lang::En)),
    ];
    for (from, to, kind) in cases {
        let (facts, line) = edited_facts(id, from, to);
        let (read, errors, _) = with_facts(&facts);
        assert!(read.is_empty(), "{to}: reads, then fails validation{}", report(&read));
        assert_eq!(errors.len(), 1, "{to}:{}", report(&errors));
        let e = &errors[0];
        assert_eq!(
            (e.kind, e.file.as_str(), e.line, e.id.as_deref()),
            (kind, FACTS_FILE, Some(line), Some(id)),
            "{to}"
        );
    }
}

#[test]
fn malformed_facts_are_left_out_with_kind_file_line_and_id() {
    for (from, to) in [("unit = ", "unit = \"acres\" # "), ("unit = ", "# unit = ")] {
        let (facts, line) = edited_facts("bj-area", from, to);
        let (read, _, c) = with_facts(&facts);
        assert_eq!(read.len(), 1, "{to}:{}", report(&read));
        let e = &read[0];
        let line = if to.starts_with('#') { line - 1 } else { line };
        assert_eq!(
            (e.kind, e.file.as_str(), e.line, e.id.as_deref()),
            (ErrorKind::BadFigure, FACTS_FILE, Some(line), Some("bj-area")),
            "{to}"
        );
        assert!(c.fact("bj-area").is_none() && c.fact("bj-gdp-2022").is_some(), "only the broken fact is left out");
    }
}

#[test]
fn markup_in_a_text_stays_plain_text() {
    let hostile = "<script>alert('x')</script> & <b>bold</b>";
    let (facts, _) = edited_facts("bj-area", "en = ", &format!("en = \"{hostile}\" # "));
    let (read, _, c) = with_facts(&facts);
    assert!(read.is_empty(), "{}", report(&read));
    let f = c.fact("bj-area").expect("the fact");
    assert_eq!(f.text.en, hostile);
    assert_eq!(f.text.get(Lang::En), hostile);
}

#[test]
fn fact_texts_are_not_copied_from_the_sources() {
    let Some(held) = Seeds::committed() else { return };
    let ours = cjk_only(FACTS_TOML);
    let seeds: Vec<String> = catalogue()
        .sources
        .iter()
        .filter_map(|s| s.seed.as_deref())
        .map(|seed| cjk_only(&held.text(seed)).into_iter().collect())
        .collect();
    let mut copied = Vec::new();
    for run in ours.windows(COPY_RUN) {
        let run: String = run.iter().collect();
        if seeds.iter().any(|s| s.contains(&run)) {
            copied.push(run);
        }
    }
    assert!(copied.is_empty(), "runs of {COPY_RUN} Chinese characters shared with a source: {copied:?}");
}
