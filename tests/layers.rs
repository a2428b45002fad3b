// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! New content needs no code: a third cooperation zone and a new site
//! category, added to copies of the data files, get a layer, a legend entry
//! with their own colour and pattern, a `layers=` key that round-trips through
//! the link and the host API, search hits, list entries and details that name
//! their category.

use binjiang_map::atlas::catalogue::Catalogue;
use binjiang_map::atlas::layer_list::{Holds, Layers, Symbol};
use binjiang_map::atlas::layers::{Atlas, BUNDLED, SITES_FILE, ZONES_FILE};
use binjiang_map::atlas::Lang;
use binjiang_map::carto::scene::Scene;
use binjiang_map::carto::style::{self, Swatch};
use binjiang_map::state::details::Details;
use binjiang_map::state::host::{parse_command, Command};
use binjiang_map::state::listing::Listing;
use binjiang_map::state::search::SearchIndex;
use binjiang_map::state::url::UrlState;
use binjiang_map::state::{LayerSet, Selection};
use serde_json::{json, Value};

const LAYERS: &str = include_str!("../geodata/layers.toml");

const NEW_LAYERS: &str = r##"
[[layer]]
id = "third-zone"
zh_hans = "第三合作区（示意）"
zh_hant = "第三合作區（示意）"
en = "Third zone (schematic)"
zones = ["third-zone"]
symbol = "schematic"
pattern = "hatch"
colour = "#117733"
fill = "#44aa99"
fill_opacity = 0.2

[[layer]]
id = "museum"
zh_hans = "博物馆"
zh_hant = "博物館"
en = "Museums"
category = "museum"
symbol = "marker"
shape = "pentagon"
colour = "#882255"
"##;

/// The committed zones with a third cooperation zone (the second one's shape,
/// moved east), and the committed sites with one of a new category.
fn files() -> (String, String) {
    let text = |path| BUNDLED.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).expect("a committed file");
    let mut zones: Value = serde_json::from_str(text(ZONES_FILE)).unwrap();
    let features = zones["features"].as_array_mut().unwrap();
    let mut third = features.last().unwrap().clone();
    third["id"] = json!("third-zone");
    let props = third["properties"].as_object_mut().unwrap();
    props.retain(|k, _| !k.starts_with("label_") && k != "search_aliases");
    props.insert("id".into(), json!("third-zone"));
    props.insert("name_zh_hans".into(), json!("第三特别合作区"));
    props.insert("name_zh_hant".into(), json!("第三特別合作區"));
    props.insert("name_en".into(), json!("Third Special Cooperation Zone"));
    for polygon in third["geometry"]["coordinates"].as_array_mut().unwrap() {
        for ring in polygon.as_array_mut().unwrap() {
            for p in ring.as_array_mut().unwrap() {
                p[0] = json!(p[0].as_f64().unwrap() + 0.05);
            }
        }
    }
    features.push(third);
    let mut sites: Value = serde_json::from_str(text(SITES_FILE)).unwrap();
    sites["features"].as_array_mut().unwrap().push(json!({
        "type": "Feature", "id": "test-museum",
        "properties": {
            "id": "test-museum", "kind": "site", "category": "museum",
            "name_zh_hans": "测试博物馆", "name_zh_hant": "測試博物館", "name_en": "Test Museum",
            "confidence": "high", "district": "330108", "position_basis": "a test fixture"
        },
        "geometry": { "type": "Point", "coordinates": [120.2, 30.2] }
    }));
    (zones.to_string(), sites.to_string())
}

fn content() -> (Atlas, Layers, Catalogue) {
    let (zones, sites) = files();
    let files: Vec<(&str, &str)> = BUNDLED
        .iter()
        .map(|(p, t)| {
            let t = match *p {
                p if p == ZONES_FILE => zones.as_str(),
                p if p == SITES_FILE => sites.as_str(),
                _ => t,
            };
            (*p, t)
        })
        .collect();
    let (atlas, errors) = Atlas::from_files(&files);
    assert!(errors.is_empty(), "{errors:?}");
    let (layers, errors) = Layers::from_toml(&format!("{LAYERS}\n{NEW_LAYERS}"));
    assert!(errors.is_empty(), "{errors:?}");
    (atlas, layers, Catalogue::bundled().expect("the catalogue loads"))
}

#[test]
fn a_new_zone_and_category_each_get_a_layer_drawn_in_its_own_colours() {
    let (atlas, layers, _) = content();
    assert!(layers.check_atlas(&atlas).is_empty(), "{:?}", layers.check_atlas(&atlas));
    let zone_layer = layers.by_id("third-zone").expect("the zone's layer");
    let site_layer = layers.by_id("museum").expect("the category's layer");
    // last in the legend, as in the file
    assert_eq!(zone_layer.0, layers.len() - 2);
    assert_eq!(site_layer.0, layers.len() - 1);

    let scene = Scene::build(&atlas, &layers).expect("a scene");
    let z = scene.zone("third-zone").expect("the new zone is drawn");
    assert_eq!(z.layer, Some(zone_layer));
    assert!(z.class.contains("zone--schematic"));
    let s = scene.site("test-museum").expect("the new site is drawn");
    assert_eq!(s.layer, Some(site_layer));

    // legend: its name, a swatch of its kind, its colours and its own hatching
    let def = layers.get(zone_layer).unwrap();
    assert_eq!(def.names.get(Lang::En), "Third zone (schematic)");
    assert_eq!(def.style.symbol, Symbol::Schematic);
    assert!(matches!(style::swatch(def), Swatch::Zone { class } if class.contains("zone--schematic")));
    let paint = style::paint(def);
    assert!(paint.contains(&("--layer-colour", "#117733".to_string())));
    assert!(paint.contains(&("--layer-fill", "#44aa99".to_string())));
    assert!(paint.contains(&("--layer-pattern", "url(#hatch-third-zone)".to_string())));
    let def = layers.get(site_layer).unwrap();
    assert_eq!(def.holds, Holds::Category("museum".into()));
    match style::swatch(def) {
        Swatch::Site { class, symbol } => {
            assert!(class.contains("site--museum"));
            assert_eq!(symbol, style::site_symbol(style::layer_shape(Some(def)), 6.0));
        }
        other => panic!("a category pictured as {other:?}"),
    }
    assert!(style::paint(def).contains(&("--layer-colour", "#882255".to_string())));
}

#[test]
fn the_new_layers_keys_round_trip_through_the_link_and_the_host_api() {
    let (_, layers, _) = content();
    let (st, ignored) = UrlState::decode("layers=binjiang,third-zone,museum", &layers);
    assert!(ignored.is_empty(), "{ignored:?}");
    let set = st.layers.clone().expect("layers");
    assert_eq!(set.keys().collect::<Vec<_>>(), ["binjiang", "third-zone", "museum"]);
    assert!(set.contains(layers.by_id("third-zone").unwrap()));
    assert!(!set.contains(layers.by_id("districts").unwrap()));
    assert_eq!(UrlState::decode(&st.encode(), &layers).0, st);
    // one hidden: written as every other key, read back the same
    let hidden = LayerSet::all(&layers).with(layers.by_id("museum").unwrap(), false);
    let st = UrlState { layers: Some(hidden.clone()), ..UrlState::default() };
    assert_eq!(UrlState::decode(&st.encode(), &layers).0.layers, Some(hidden));
    let cmd = json!({"ns": "binjiang-map", "v": 1, "type": "setLayers", "layers": ["third-zone", "museum"]});
    match parse_command(&cmd, &layers) {
        Ok(Command::SetLayers(set)) => assert_eq!(set.keys().collect::<Vec<_>>(), ["third-zone", "museum"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_new_zone_and_site_are_found_listed_and_named_by_their_category() {
    let (atlas, layers, cat) = content();
    let search = SearchIndex::build(&atlas, &cat);
    let targets = |q: &str| search.find(q, Lang::ZhHans, 10).into_iter().map(|h| h.target).collect::<Vec<_>>();
    assert!(targets("第三特别").contains(&Selection::Zone("third-zone".into())));
    assert!(targets("测试博物馆").contains(&Selection::Site("test-museum".into())));

    let list = Listing::build(&atlas, &layers, &cat, Lang::En);
    let zones = list.sections.iter().find(|s| s.key == "zones").expect("the zones");
    assert!(zones.entries.iter().any(|e| e.selection == Selection::Zone("third-zone".into())));
    let museums = list.sections.iter().find(|s| s.key == "sites-museum").expect("a section of the new category");
    assert!(museums.heading.ends_with("Museums"), "{}", museums.heading);
    assert_eq!(museums.entries.len(), 1);

    let d = Details::build(&atlas, &layers, &cat, &Selection::Site("test-museum".into()), Lang::ZhHant).unwrap();
    assert_eq!(d.kind, "博物館");
}
