// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! The committed layers under `geodata/` pass every check, and every check
//! catches the fault it exists for in a broken copy of a real file.

use binjiang_map::atlas::layers::{
    Atlas, Confidence, ZoneKind, BUNDLED, DISTRICTS_FILE, FOCUS_FILE, SITES_FILE, ZONES_FILE,
};
use binjiang_map::atlas::{DataError, ErrorKind};
use serde_json::Value;

/// How many sites the committed file holds (the editorial list is pinned in
/// `tests/editorial.rs`; here a count is only the baseline of a change).
fn committed_sites() -> usize {
    Atlas::bundled().0.sites.len()
}

fn report(errors: &[DataError]) -> String {
    errors.iter().map(|e| format!("\n  {e}")).collect()
}

fn committed(path: &str) -> &'static str {
    BUNDLED.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).expect("a bundled file")
}

/// The committed files with `path` replaced by `contents`: loaded, then validated.
fn load_with(path: &str, contents: &str) -> (Atlas, Vec<DataError>, Vec<DataError>) {
    let files: Vec<(&str, &str)> = BUNDLED.iter().map(|(p, t)| (*p, if *p == path { contents } else { *t })).collect();
    let (atlas, load_errors) = Atlas::from_files(&files);
    let problems = atlas.validate();
    (atlas, load_errors, problems)
}

/// A copy of a committed file with one feature changed by `edit`.
fn edited(path: &str, id: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut root: Value = serde_json::from_str(committed(path)).expect("committed file is JSON");
    let feature = root["features"]
        .as_array_mut()
        .expect("features")
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {path}"));
    edit(feature);
    root.to_string()
}

/// Asserts that exactly the errors naming `file` and `id` are there and that
/// one of them says `what`.
fn assert_caught(errors: &[DataError], file: &str, id: &str, what: &str) {
    assert!(
        errors.iter().any(|e| e.file == file && e.id.as_deref() == Some(id) && e.message.contains(what)),
        "expected an error for {file}, '{id}' containing \"{what}\"; got:{}",
        report(errors)
    );
    assert!(
        errors.iter().all(|e| e.file == file && e.id.as_deref() == Some(id)),
        "expected only errors for {file}, '{id}'; got:{}",
        report(errors)
    );
}

#[test]
fn committed_layers_load_and_pass_every_check() {
    let (atlas, errors) = Atlas::bundled();
    assert!(errors.is_empty(), "loading the committed layers:{}", report(&errors));
    let problems = atlas.validate();
    assert!(problems.is_empty(), "validating the committed layers:{}", report(&problems));

    assert_eq!(atlas.districts.len(), 13);
    assert_eq!(atlas.focus.len(), 1);
    assert_eq!(atlas.cooperation.len(), 2);
    assert_eq!(atlas.sites.len(), committed_sites());
}

#[test]
fn binjiang_measures_about_71_3_square_kilometres() {
    let (atlas, _) = Atlas::bundled();
    let focus = atlas.zone("binjiang").expect("the focus zone");
    assert_eq!(focus.kind, ZoneKind::Focus);
    assert_eq!(focus.adcode.as_deref(), Some("330108"));
    assert!((71.1..71.6).contains(&focus.area_km2()), "{}", focus.area_km2());
    // The district outline and the focus outline are one and the same.
    assert_eq!(atlas.district("330108").map(|d| &d.geometry), Some(&focus.geometry));
}

#[test]
fn cooperation_zones_are_schematic_and_equal_area() {
    let (atlas, _) = Atlas::bundled();
    for (id, district, stated, drawn) in [("binxiao", "330109", 13.48, 7.13), ("binfu", "330111", 5.8, 5.8)] {
        let zone = atlas.zone(id).expect(id);
        assert_eq!(zone.kind, ZoneKind::Cooperation);
        assert!(zone.schematic, "{id}");
        assert_eq!(zone.confidence, Confidence::Low);
        assert_eq!(zone.district.as_deref(), Some(district));
        assert_eq!(zone.stated_area_km2, Some(stated));
        assert_eq!(zone.drawn_area_km2, Some(drawn));
        assert!((zone.area_km2() - drawn).abs() < 0.01 * drawn, "{id}: {}", zone.area_km2());
        assert_eq!(zone.drawn_part.is_some(), drawn < stated, "{id}: says which part is drawn");
        // A 64-gon, or one cut to its district: closed, and smooth.
        let ring = &zone.geometry.0[0].exterior().0;
        assert!(ring.len() >= 40 && ring.first() == ring.last(), "{id}: {} positions", ring.len());
    }
}

// ---- each check catches its fault in a broken copy of a real file

#[test]
fn a_site_moved_out_of_its_district_is_caught() {
    // Into Xiaoshan, by Xianghu Lake.
    let text =
        edited(SITES_FILE, "olympic-stadium", |f| f["geometry"]["coordinates"] = serde_json::json!([120.195, 30.135]));
    let (_, load, problems) = load_with(SITES_FILE, &text);
    assert!(load.is_empty(), "{}", report(&load));
    assert_caught(&problems, SITES_FILE, "olympic-stadium", "inside district 330108, got a point in 330109");
}

#[test]
fn a_duplicate_id_is_caught() {
    let mut root: Value = serde_json::from_str(committed(SITES_FILE)).unwrap();
    let features = root["features"].as_array_mut().unwrap();
    let copy = features.iter().find(|f| f["id"] == "tennis-centre").unwrap().clone();
    features.push(copy);
    let (_, load, problems) = load_with(SITES_FILE, &root.to_string());
    assert!(load.is_empty(), "{}", report(&load));
    assert_caught(&problems, SITES_FILE, "tennis-centre", "expected a unique id");
}

#[test]
fn an_id_reused_across_layers_is_caught() {
    let text = edited(ZONES_FILE, "binfu", |f| {
        f["id"] = "guanshan".into();
        f["properties"]["id"] = "guanshan".into();
    });
    let (_, load, problems) = load_with(ZONES_FILE, &text);
    assert!(load.is_empty(), "{}", report(&load));
    // Zones are checked before sites, so the site is the repeat.
    assert_caught(&problems, SITES_FILE, "guanshan", "already used in geodata/zones.geojson");
}

#[test]
fn a_missing_english_name_is_caught() {
    let text = edited(SITES_FILE, "zju-binjiang", |f| {
        f["properties"].as_object_mut().unwrap().remove("name_en");
    });
    let (_, _, problems) = load_with(SITES_FILE, &text);
    assert_caught(&problems, SITES_FILE, "zju-binjiang", "got none for name_en");
}

#[test]
fn a_string_coordinate_is_reported_and_the_rest_loads() {
    let text = edited(SITES_FILE, "iot-town", |f| f["geometry"]["coordinates"][0] = "120.2155".into());
    let (atlas, load, _) = load_with(SITES_FILE, &text);
    assert_caught(&load, SITES_FILE, "iot-town", "got string \"120.2155\"");
    assert!(atlas.site("iot-town").is_none());
    assert_eq!(atlas.sites.len(), committed_sites() - 1);
}

#[test]
fn a_clockwise_exterior_is_caught() {
    let text = edited(FOCUS_FILE, "binjiang", |f| {
        f["geometry"]["coordinates"][0][0].as_array_mut().unwrap().reverse();
    });
    let (_, load, problems) = load_with(FOCUS_FILE, &text);
    assert!(load.is_empty(), "{}", report(&load));
    assert_caught(&problems, FOCUS_FILE, "binjiang", "counter-clockwise");
}

#[test]
fn a_self_intersecting_outline_is_caught() {
    let text = edited(DISTRICTS_FILE, "330105", |f| {
        f["geometry"]["coordinates"][0][0].as_array_mut().unwrap().swap(10, 40);
    });
    let (_, load, problems) = load_with(DISTRICTS_FILE, &text);
    assert!(load.is_empty(), "{}", report(&load));
    assert!(
        problems.iter().any(|e| e.file == DISTRICTS_FILE
            && e.id.as_deref() == Some("330105")
            && e.message.starts_with("expected a valid polygon")),
        "{}",
        report(&problems)
    );
}

#[test]
fn an_open_ring_is_reported_on_load() {
    let text = edited(ZONES_FILE, "binfu", |f| {
        f["geometry"]["coordinates"][0][0].as_array_mut().unwrap().pop();
    });
    let (atlas, load, _) = load_with(ZONES_FILE, &text);
    assert_caught(&load, ZONES_FILE, "binfu", "expected a closed ring");
    assert!(atlas.zone("binfu").is_none());
    assert!(atlas.zone("binxiao").is_some());
}

#[test]
fn a_zone_outside_hangzhou_is_caught() {
    let text = edited(ZONES_FILE, "binfu", |f| {
        for p in f["geometry"]["coordinates"][0][0].as_array_mut().unwrap() {
            p[0] = (p[0].as_f64().unwrap() + 2.0).into();
        }
    });
    let (_, _, problems) = load_with(ZONES_FILE, &text);
    assert!(
        problems.iter().any(|e| e.id.as_deref() == Some("binfu") && e.message.contains("inside the Hangzhou bounds")),
        "{}",
        report(&problems)
    );
}

#[test]
fn binjiang_far_from_its_stated_area_is_caught() {
    let text = edited(FOCUS_FILE, "binjiang", |f| f["properties"]["stated_area_km2"] = 80.into());
    let (_, _, problems) = load_with(FOCUS_FILE, &text);
    assert_caught(&problems, FOCUS_FILE, "binjiang", "within 2 % of the stated 80 km²");
}

#[test]
fn a_cooperation_zone_not_flagged_schematic_is_caught() {
    let text = edited(ZONES_FILE, "binxiao", |f| f["properties"]["schematic"] = false.into());
    let (_, _, problems) = load_with(ZONES_FILE, &text);
    assert_caught(&problems, ZONES_FILE, "binxiao", "expected a cooperation zone to be schematic");
}

#[test]
fn a_schematic_zone_whose_area_disagrees_with_its_basis_is_caught() {
    let text = edited(ZONES_FILE, "binxiao", |f| f["properties"]["drawn_area_km2"] = 13.48.into());
    let (_, _, problems) = load_with(ZONES_FILE, &text);
    assert_caught(&problems, ZONES_FILE, "binxiao", "expected the drawn shape to measure 13.48 km²");
}

#[test]
fn an_unplaced_site_with_a_position_is_caught() {
    let text = edited(SITES_FILE, "hutouchen", |f| {
        f["geometry"] = serde_json::json!({"type": "Point", "coordinates": [120.2, 30.13]});
    });
    let (_, _, problems) = load_with(SITES_FILE, &text);
    assert_caught(&problems, SITES_FILE, "hutouchen", "expected geometry null for an unplaced site");
}

#[test]
fn a_placed_site_without_a_position_is_caught() {
    let text = edited(SITES_FILE, "guanshan", |f| f["geometry"] = Value::Null);
    let (_, _, problems) = load_with(SITES_FILE, &text);
    assert_caught(&problems, SITES_FILE, "guanshan", "expected a Point for a site of confidence \"low\"");
}

#[test]
fn malformed_json_names_the_file_and_the_others_still_load() {
    let broken: String = committed(ZONES_FILE).chars().take(200).collect();
    let (atlas, load, _) = load_with(ZONES_FILE, &broken);
    assert_eq!(load.len(), 1, "{}", report(&load));
    assert_eq!(load[0].file, ZONES_FILE);
    assert_eq!(load[0].id, None);
    assert_eq!((load[0].kind, load[0].line), (ErrorKind::Syntax, Some(broken.lines().count())));
    assert!(load[0].message.starts_with("expected GeoJSON, got invalid JSON"), "{}", load[0]);
    assert!(atlas.cooperation.is_empty());
    assert_eq!(atlas.districts.len(), 13);
    assert_eq!(atlas.focus.len(), 1);
    assert_eq!(atlas.sites.len(), committed_sites());
}
