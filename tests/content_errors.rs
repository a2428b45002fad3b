// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! Every class of fault in the content files is caught where it is: a copy of
//! a committed file, broken in one place, is loaded with the others as the
//! map loads them (`Content::from_texts`), and the problem reported has the right kind, file, line
//! and record. The record at fault is left out; the rest still loads.

use std::process::Command;

use binjiang_map::atlas::catalogue::Catalogue;
use binjiang_map::atlas::{DataError, ErrorKind, Lang};
use binjiang_map::state::content::{Content, Fetched, COMMITTED};
use binjiang_map::state::tour::Tour;
use serde_json::Value;

/// The committed content files, by deployed name.
const FILES: [(&str, &str); 11] = COMMITTED;

fn committed(name: &str) -> &'static str {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).expect("a content file")
}

/// What loading the files reports, and what is left to show.
struct Loaded {
    problems: Vec<DataError>,
    catalogue: Catalogue,
    tour: Tour,
}

/// The committed files with `name` replaced by `text`, loaded as the map loads
/// them. When a GeoJSON file is replaced, the layers' geometry is checked too.
fn load_with(name: &str, text: &str) -> Loaded {
    let files: Vec<(&str, Fetched)> =
        FILES.iter().map(|(n, t)| (*n, Fetched::Text(if *n == name { text } else { t }.to_owned()))).collect();
    let content = Content::from_texts(&files);
    let mut problems = content.problems;
    if name.ends_with(".geojson") {
        problems.extend(content.atlas.validate());
    }
    Loaded { problems, catalogue: content.catalogue, tour: content.tour }
}

/// A committed TOML file with the first `from` in record `id` replaced by
/// `to`, and the line of the change. Replacing `key = ` by `key = <new value> # `
/// changes a value in place.
fn broken(name: &str, id: &str, from: &str, to: &str) -> (String, usize) {
    let text = committed(name);
    let at = text.find(&format!("\nid = \"{id}\"\n")).unwrap_or_else(|| panic!("{id} is in {name}")) + 1;
    let off = at + text[at..].find(from).unwrap_or_else(|| panic!("{from} is in {name}"));
    assert!(!text[at..off].contains("\n[["), "{from} is not in {id}'s record");
    let line = text[..off].matches('\n').count() + 1;
    (format!("{}{to}{}", &text[..off], &text[off + from.len()..]), line)
}

/// A committed GeoJSON file with feature `id` changed by `edit`.
fn edited(name: &str, id: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut root: Value = serde_json::from_str(committed(name)).expect("committed file is JSON");
    let feature = root["features"]
        .as_array_mut()
        .expect("features")
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("{id} is in {name}"));
    edit(feature);
    root.to_string()
}

/// The problems as (kind, file, line, id), for comparing.
fn located(problems: &[DataError]) -> Vec<(ErrorKind, &str, Option<usize>, Option<&str>)> {
    problems.iter().map(|e| (e.kind, e.file.as_str(), e.line, e.id.as_deref())).collect()
}

/// Asserts that the only problem is the one expected.
fn only(loaded: &Loaded, kind: ErrorKind, file: &str, line: Option<usize>, id: Option<&str>) {
    assert_eq!(located(&loaded.problems), [(kind, file, line, id)], "{:#?}", loaded.problems);
}

/// Asserts that the first problem is the one expected (those after it follow
/// from the record left out).
fn first(loaded: &Loaded, kind: ErrorKind, file: &str, line: usize, id: Option<&str>) {
    let all = located(&loaded.problems);
    assert_eq!(all.first(), Some(&(kind, file, Some(line), id)), "{:#?}", loaded.problems);
}

fn fact_ids(loaded: &Loaded) -> Vec<&str> {
    loaded.catalogue.facts.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn every_committed_file_loads_without_a_problem() {
    let loaded = load_with("sites.geojson", committed("sites.geojson"));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.catalogue.facts.len(), committed("facts.toml").matches("\n[[fact]]").count());
    assert_eq!(loaded.tour.stops.len(), committed("tour.toml").matches("\n[[stop]]").count());
}

#[test]
fn a_file_that_is_not_toml_is_named_with_its_line_and_the_others_still_load() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "subject = ", "subject = = ");
    let loaded = load_with("facts.toml", &text);
    first(&loaded, ErrorKind::Syntax, "facts.toml", line, None);
    assert!(loaded.catalogue.facts.is_empty());
    assert_eq!(loaded.catalogue.sources.len(), committed("sources.toml").matches("\n[[source]]").count());
    assert_eq!(loaded.catalogue.themes.len(), committed("themes.toml").matches("\n[[theme]]").count());
}

#[test]
fn a_file_that_is_not_json_is_named_with_its_line_and_the_other_layers_still_load() {
    let text: String = committed("zones.geojson").chars().take(200).collect();
    let loaded = load_with("zones.geojson", &text);
    let syntax: Vec<_> = located(&loaded.problems).into_iter().filter(|p| p.0 == ErrorKind::Syntax).collect();
    let line = text.lines().count();
    assert_eq!(syntax, [(ErrorKind::Syntax, "zones.geojson", Some(line), None)], "{:#?}", loaded.problems);
    assert!(loaded.catalogue.fact("bj-area").is_some());
}

#[test]
fn a_feature_property_of_the_wrong_type_leaves_that_feature_out_named_by_line_and_id() {
    let text = committed("sites.geojson");
    let at = text.find("\"confidence\":\"medium\"").expect("a site of medium confidence");
    let line = text[..at].matches('\n').count() + 1;
    let id_at = text[..at].rfind("\"id\":\"").unwrap() + 6;
    let id = &text[id_at..id_at + text[id_at..].find('"').unwrap()];
    let broken = format!("{}\"confidence\":3{}", &text[..at], &text[at + "\"confidence\":\"medium\"".len()..]);
    let files: Vec<(&str, Fetched)> = FILES
        .iter()
        .map(|(n, t)| (*n, Fetched::Text(if *n == "sites.geojson" { broken.as_str() } else { *t }.to_owned())))
        .collect();
    let content = Content::from_texts(&files);
    let load_errors: Vec<_> = located(&content.problems).into_iter().filter(|p| p.0 == ErrorKind::Shape).collect();
    assert_eq!(load_errors, [(ErrorKind::Shape, "sites.geojson", Some(line), Some(id))], "{:#?}", content.problems);
    assert!(content.problems[0].message.starts_with("confidence: "), "{}", content.problems[0]);
    assert!(content.atlas.site(id).is_none(), "the site is left out");
    let committed_sites = text.matches("\"kind\":\"site\"").count();
    assert_eq!(content.atlas.sites.len(), committed_sites - 1, "the other sites load");
}

#[test]
fn a_file_without_its_format_version_or_with_another_is_named() {
    // TOML: `version = 1` above the first record.
    for (name, to, got) in [("facts.toml", "", "got none"), ("tour.toml", "version = 2", "got 2")] {
        let text = committed(name).replacen("version = 1", to, 1);
        let line = if to.is_empty() { 1 } else { text[..text.find(to).unwrap()].matches('\n').count() + 1 };
        let loaded = load_with(name, &text);
        only(&loaded, ErrorKind::Version, name, Some(line), None);
        assert!(loaded.problems[0].message.ends_with(got), "{}", loaded.problems[0]);
    }
    assert!(!load_with("facts.toml", &committed("facts.toml").replacen("version = 1", "", 1))
        .catalogue
        .facts
        .is_empty());
    // GeoJSON: `"version": 1` in the FeatureCollection.
    for (name, to, got) in [("zones.geojson", "", "got none"), ("sites.geojson", ",\"version\":2", "got 2")] {
        let text = committed(name).replacen(",\"version\":1", to, 1);
        let loaded = load_with(name, &text);
        only(&loaded, ErrorKind::Version, name, Some(1), None);
        assert!(loaded.problems[0].message.ends_with(got), "{}", loaded.problems[0]);
    }
}

#[test]
fn a_value_of_the_wrong_type_leaves_its_record_out() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "period = ", "period = 2022 # ");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::Shape, "facts.toml", Some(line), Some("bj-rd-intensity"));
    assert!(!fact_ids(&loaded).contains(&"bj-rd-intensity"));
    assert!(fact_ids(&loaded).contains(&"bj-area"));
}

#[test]
fn an_unknown_key_is_refused() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "subject = ", "colour = \"red\"\nsubject = ");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::Shape, "facts.toml", Some(line), Some("bj-rd-intensity"));
}

#[test]
fn a_second_record_with_an_id_in_use_is_left_out() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "id = \"bj-rd-intensity\"", "id = \"bj-area\"");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::DuplicateId, "facts.toml", Some(line), Some("bj-area"));
    assert_eq!(fact_ids(&loaded).iter().filter(|id| **id == "bj-area").count(), 1);
    assert_eq!(loaded.catalogue.fact("bj-area").map(|f| f.subject.as_str()), Some("binjiang"), "the first stays");
}

#[test]
fn an_id_not_in_kebab_case_is_refused() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "id = \"bj-rd-intensity\"", "id = \"BJ_RD\"");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::BadId, "facts.toml", Some(line), Some("BJ_RD"));
}

#[test]
fn a_facts_unknown_source_is_named() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "source = ", "source = \"s999\" # ");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::UnknownReference, "facts.toml", Some(line), Some("bj-rd-intensity"));
}

#[test]
fn a_themes_unknown_member_is_named_and_what_relied_on_the_theme_goes_with_it() {
    let (text, line) = broken("themes.toml", "china-vision-valley", "members = [", "members = [\"atlantis\", ");
    let loaded = load_with("themes.toml", &text);
    first(&loaded, ErrorKind::UnknownReference, "themes.toml", line, Some("china-vision-valley"));
    assert!(loaded.catalogue.theme("china-vision-valley").is_none());
    assert!(loaded.catalogue.facts.iter().all(|f| f.subject != "china-vision-valley"));
    assert!(loaded.tour.stops.iter().all(|s| s.id != "china-vision-valley"));
    assert!(loaded.catalogue.theme("china-data-valley").is_some(), "the other themes stay");
}

#[test]
fn one_bad_value_in_a_theme_is_one_problem_counting_the_records_that_relied_on_it() {
    let (text, line) = broken("themes.toml", "china-vision-valley", "name_en = ", "name_en = 3 # ");
    let loaded = load_with("themes.toml", &text);
    only(&loaded, ErrorKind::Shape, "themes.toml", Some(line), Some("china-vision-valley"));
    let facts = committed("facts.toml").matches("subject = \"china-vision-valley\"").count();
    let stops = committed("tour.toml").matches("target = \"theme:china-vision-valley\"").count();
    assert!(facts > 1 && stops > 0, "the theme has facts and a stop");
    let problem = &loaded.problems[0];
    assert_eq!(problem.dependents_by_file(), [("facts.toml", facts), ("tour.toml", stops)], "{problem}");
    // and they are left out, all the same
    assert!(loaded.catalogue.facts.iter().all(|f| f.subject != "china-vision-valley"));
    assert!(loaded.tour.stops.iter().all(|s| s.id != "china-vision-valley"));
}

#[test]
fn one_bad_key_in_a_layer_is_one_problem_counting_the_features_it_held() {
    let districts = committed("districts.geojson").matches("\"kind\":\"district\"").count();
    assert!(districts > 1);
    // the layer's [[layer]] line
    let layers = committed("layers.toml");
    let at = layers[..layers.find("\nid = \"districts\"").unwrap()].matches('\n').count() + 1;
    // a bad value: the layer says what it holds
    let (text, _) = broken("layers.toml", "districts", "symbol = \"area\"", "symbol = \"areas\"");
    let loaded = load_with("layers.toml", &text);
    only(&loaded, ErrorKind::Shape, "layers.toml", Some(at), Some("districts"));
    assert_eq!(loaded.problems[0].dependents_by_file(), [("districts.geojson", districts)]);
    // a misspelt key: what it holds is unreadable; the features it leaves without a layer count on it
    let (text, _) = broken("layers.toml", "districts", "zone_kind = ", "zone_kinds = ");
    let loaded = load_with("layers.toml", &text);
    only(&loaded, ErrorKind::Shape, "layers.toml", Some(at), Some("districts"));
    assert_eq!(loaded.problems[0].dependents_by_file(), [("districts.geojson", districts)]);
}

#[test]
fn a_stops_unknown_fact_or_target_is_named_and_the_rest_of_the_tour_plays() {
    let stops = committed("tour.toml").matches("\n[[stop]]").count();
    for (from, to) in [("facts = [", "facts = [\"no-such-fact\", "), ("target = ", "target = \"zone:atlantis\" # ")] {
        let (text, line) = broken("tour.toml", "binxiao", from, to);
        let loaded = load_with("tour.toml", &text);
        only(&loaded, ErrorKind::UnknownReference, "tour.toml", Some(line), Some("binxiao"));
        assert_eq!(loaded.tour.stops.len(), stops - 1);
    }
}

#[test]
fn a_missing_name_is_named_with_its_language() {
    let cases = [
        ("facts.toml", "bj-rd-intensity", "en = ", Lang::En),
        ("themes.toml", "china-vision-valley", "name_zh_hant = ", Lang::ZhHant),
        ("tour.toml", "binxiao", "zh_hans = ", Lang::ZhHans),
        ("sources.toml", "s001", "publisher_en = ", Lang::En),
    ];
    for (file, id, from, lang) in cases {
        let (text, line) = broken(file, id, from, &format!("{from}\"\" # "));
        let loaded = load_with(file, &text);
        first(&loaded, ErrorKind::MissingName(lang), file, line, Some(id));
    }
    let text = edited("sites.geojson", "zju-binjiang", |f| {
        f["properties"].as_object_mut().expect("properties").remove("name_en");
    });
    let loaded = load_with("sites.geojson", &text);
    only(&loaded, ErrorKind::MissingName(Lang::En), "sites.geojson", None, Some("zju-binjiang"));
}

#[test]
fn a_blank_required_field_is_named() {
    let (text, line) = broken("sources.toml", "s001", "date_basis = ", "date_basis = \"\" # ");
    let loaded = load_with("sources.toml", &text);
    first(&loaded, ErrorKind::MissingField, "sources.toml", line, Some("s001"));
}

#[test]
fn a_place_outside_hangzhou_is_refused() {
    let (text, line) = broken("tour.toml", "binxiao", "target = ", "bounds = [121.0, 30.0, 121.2, 30.2] # ");
    let loaded = load_with("tour.toml", &text);
    only(&loaded, ErrorKind::OutsideArea, "tour.toml", Some(line), Some("binxiao"));
    let text =
        edited("sites.geojson", "tennis-centre", |f| f["geometry"]["coordinates"] = serde_json::json!([121.5, 31.2]));
    let loaded = load_with("sites.geojson", &text);
    only(&loaded, ErrorKind::OutsideArea, "sites.geojson", None, Some("tennis-centre"));
}

#[test]
fn a_figure_that_disagrees_with_its_value_or_has_no_known_unit_is_refused() {
    let (text, line) = broken("facts.toml", "bj-gdp-2022", "value = ", "value = 2184.8 # ");
    let loaded = load_with("facts.toml", &text);
    first(&loaded, ErrorKind::BadFigure, "facts.toml", line, Some("bj-gdp-2022"));
    assert!(loaded.tour.stops.iter().all(|s| s.id != "binjiang"), "the stop showing it is left out");
    let (text, line) = broken("facts.toml", "bj-gdp-2022", "unit = ", "unit = \"dollars\" # ");
    let loaded = load_with("facts.toml", &text);
    first(&loaded, ErrorKind::BadFigure, "facts.toml", line, Some("bj-gdp-2022"));
}

#[test]
fn a_period_after_its_source_or_an_unreadable_date_is_refused() {
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "period = ", "period = \"2030\" # ");
    let loaded = load_with("facts.toml", &text);
    only(&loaded, ErrorKind::BadDate, "facts.toml", Some(line), Some("bj-rd-intensity"));
    let (text, line) = broken("sources.toml", "s001", "date = ", "date = \"2022-13\" # ");
    let loaded = load_with("sources.toml", &text);
    first(&loaded, ErrorKind::BadDate, "sources.toml", line, Some("s001"));
}

#[test]
fn a_link_that_is_not_https_is_refused_and_named() {
    let id_line = "id = \"s000\"\n";
    for url in ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "http://achie.org/"] {
        let (text, line) = broken("sources.toml", "s000", id_line, &format!("{id_line}url = \"{url}\"\n"));
        let loaded = load_with("sources.toml", &text);
        first(&loaded, ErrorKind::BadLink, "sources.toml", line + 1, Some("s000"));
        assert!(loaded.catalogue.source("s000").is_none(), "{url}");
    }
    let (text, _) = broken("sources.toml", "s000", id_line, &format!("{id_line}url = \"https://www.achie.org/\"\n"));
    let loaded = load_with("sources.toml", &text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.catalogue.source("s000").and_then(|s| s.url.as_deref()), Some("https://www.achie.org/"));
}

#[test]
fn a_schematic_zone_must_say_so() {
    let text = edited("zones.geojson", "binxiao", |f| f["properties"]["schematic"] = false.into());
    let loaded = load_with("zones.geojson", &text);
    let at = located(&loaded.problems);
    assert!(at.contains(&(ErrorKind::SchematicNotFlagged, "zones.geojson", None, Some("binxiao"))), "{at:#?}");
    assert!(at.iter().all(|p| p.3 == Some("binxiao")), "{at:#?}");
}

#[test]
fn records_that_disagree_are_refused() {
    let (text, line) = broken("tour.toml", "binjiang", "target = ", "closing = true\ntarget = ");
    let loaded = load_with("tour.toml", &text);
    only(&loaded, ErrorKind::Inconsistent, "tour.toml", Some(line), Some("binjiang"));
}

/// The check command on a copy of the content files, one of them replaced.
fn check(replace: Option<(&str, Option<&str>)>) -> (i32, String) {
    let dir =
        std::env::temp_dir().join(format!("binjiang-check-{}-{}", std::process::id(), replace.map_or("none", |r| r.0)));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (name, text) in FILES {
        let path = dir.join(name);
        let _ = std::fs::remove_file(&path);
        match replace {
            Some((n, None)) if n == name => continue,
            Some((n, Some(text))) if n == name => std::fs::write(path, text),
            _ => std::fs::write(path, text),
        }
        .expect("a copy");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_check")).arg(&dir).output().expect("the check command runs");
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_check_command_passes_the_committed_files_and_names_every_problem() {
    let (code, out) = check(None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no problems"), "{out}");
    let (text, line) = broken("facts.toml", "bj-rd-intensity", "source = ", "source = \"s999\" # ");
    let (code, out) = check(Some(("facts.toml", Some(&text))));
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [format!("facts.toml:{line}, 'bj-rd-intensity': expected a source id from sources.toml, got unknown 's999'")]
    );
    let (code, out) = check(Some(("themes.toml", None)));
    assert_eq!(code, 1);
    assert!(out.lines().next().is_some_and(|l| l.starts_with("themes.toml: could not be fetched")), "{out}");
}
