// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! `index.html` carries the first view (the zones as plain SVG, drawn before
//! the wasm arrives) as the current geodata makes it. When the geodata or the
//! generator changes this test fails; `BLESS=1 cargo test --test first_view`
//! writes the new markup into `index.html`.

use binjiang_map::atlas::layers::Atlas;
use binjiang_map::carto::first_view::{markup, END, START};
use binjiang_map::carto::scene::Scene;
use binjiang_map::state::settings::Settings;

const INDEX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");

fn current() -> String {
    let (atlas, errors) = Atlas::bundled();
    assert!(errors.is_empty(), "{errors:?}");
    markup(
        &Scene::build(
            &atlas,
            &binjiang_map::atlas::layer_list::Layers::from_toml(include_str!("../geodata/layers.toml")).0,
        )
        .expect("a scene"),
        // the credits in the page's language (`<html lang>`), as `map.toml` sets them
        Settings::from_toml(include_str!("../geodata/map.toml")).0.attribution(Default::default()),
    )
}

/// The page split around the generated block: (before, block, after).
fn split(page: &str) -> (&str, &str, &str) {
    let start = page.find(START).expect("index.html: no first-view start marker");
    let end = page[start..].find(END).expect("index.html: no first-view end marker") + start + END.len();
    (&page[..start], &page[start..end], &page[end..])
}

#[test]
fn index_html_carries_the_first_view_of_the_current_geodata() {
    let page = std::fs::read_to_string(INDEX).expect("index.html");
    let (before, block, after) = split(&page);
    let now = current();
    if block == now {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(INDEX, format!("{before}{now}{after}")).expect("write index.html");
        eprintln!("index.html: first view rewritten ({} bytes)", now.len());
        return;
    }
    panic!(
        "index.html: the first view does not match the geodata ({} bytes written, {} now); \
         run `BLESS=1 cargo test --test first_view` and commit index.html",
        block.len(),
        now.len()
    );
}

#[test]
fn the_first_view_sits_in_the_body_before_anything_else_is_drawn() {
    let page = std::fs::read_to_string(INDEX).expect("index.html");
    let (before, _, after) = split(&page);
    assert!(before.contains("<body>") && !before.contains("</body>"), "the first view belongs in <body>");
    assert!(after.contains("</body>"));
    // The page's only script is trunk's, in <head>; nothing inline (the CSP forbids it).
    assert!(!page.contains(" style=\""), "no inline styles: the Content-Security-Policy blocks them");
}
