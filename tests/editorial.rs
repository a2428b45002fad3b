// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! Editorial content pinned on purpose: the site ids other data and old
//! links are keyed on, and which sites have no position yet. A change to the
//! content that changes these changes this file, and only this file; every
//! other test reads the content as it is.

use binjiang_map::atlas::layers::{Atlas, Confidence};

/// The site ids other data is keyed on; they must not change.
const SITE_IDS: [&str; 21] = [
    "olympic-stadium",
    "tennis-centre",
    "baima-lake",
    "baima-lake-lab",
    "buaa-hangzhou",
    "zju-binjiang",
    "zero-magnetic-valley",
    "iot-town",
    "internet-town",
    "smart-new-world",
    "changhe-street",
    "guanshan",
    "xianghu-community",
    "zju-innovation-centre",
    "fuchun-bay",
    "jiangbei",
    "zj-big-data-exchange",
    "hz-digital-exchange",
    "hz-ai-computing-centre",
    "xidian-hangzhou",
    "hutouchen",
];

const UNPLACED: [&str; 5] =
    ["zj-big-data-exchange", "hz-digital-exchange", "hz-ai-computing-centre", "xidian-hangzhou", "hutouchen"];

#[test]
fn every_expected_site_id_is_there_and_only_those() {
    let (atlas, _) = Atlas::bundled();
    let ids: Vec<&str> = atlas.sites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, SITE_IDS);
    for id in UNPLACED {
        let site = atlas.site(id).expect("unplaced site listed");
        assert_eq!(site.position, None, "{id}");
        assert_eq!(site.confidence, Confidence::Unplaced, "{id}");
    }
    assert_eq!(atlas.site("olympic-stadium").map(|s| s.category.as_str()), Some("venue"));
    assert_eq!(atlas.site("zero-magnetic-valley").map(|s| s.category.as_str()), Some("science-facility"));
}
