//! In-browser tests of what only a browser can show: how the UI turns data
//! into DOM. Run with `cargo test --target wasm32-unknown-unknown --test web`
//! (scripts/test.sh does), headless through ChromeDriver.
#![cfg(target_arch = "wasm32")]

use binjiang_map::state::details::FactView;
use binjiang_map::ui::details::FactItem;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fact(text: &str) -> FactView {
    FactView {
        id: "markup".into(),
        figure: Some("<b>72</b>".into()),
        text: text.into(),
        period: Some("<i>2023</i>".into()),
        source: "<a href=\"javascript:alert(1)\">source</a>".into(),
        differs: Some("<script>window.pwned = 1</script>".into()),
        series: Some("<u>65</u> → 69".into()),
    }
}

/// Data is rendered as text: markup in a fact shows as its characters and
/// creates no element, so a data file can never inject HTML.
#[wasm_bindgen_test]
fn markup_in_a_fact_is_shown_as_text_not_html() {
    let doc = document();
    let parent = doc.create_element("ul").unwrap();
    doc.body().unwrap().append_child(&parent).unwrap();
    let f = fact("<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>");
    let handle = leptos::mount::mount_to(parent.clone().unchecked_into(), move || {
        view! { <FactItem f=f.clone() key_figure=false/> }
    });
    for tag in ["img", "script", "b", "i", "a", "u"] {
        assert!(parent.query_selector(tag).unwrap().is_none(), "a <{tag}> element was created from data");
    }
    let text = parent.text_content().unwrap_or_default();
    assert!(text.contains("<img src=x"), "{text}");
    assert!(text.contains("<b>72</b>"), "{text}");
    assert!(text.contains("<script>window.pwned = 1</script>"), "{text}");
    let pwned = js_sys::Reflect::get(&window(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    drop(handle);
}

mod map_patching {
    //! The map draws its zones, sites and labels once and then patches the
    //! drawn nodes: the selection's highlight, visibility by layer, and names
    //! and labels on a change of language. These tests mount the whole app on
    //! the committed content and drive it as a visitor would.

    use binjiang_map::state::content::{Content, Fetched, FACTS, LAYERS, LAYER_FILES, SETTINGS, SOURCES, THEMES, TOUR};
    use binjiang_map::ui::App;
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    fn committed() -> Content {
        let texts: [(&str, &str); 11] = [
            (SETTINGS, include_str!("../geodata/map.toml")),
            (LAYERS, include_str!("../geodata/layers.toml")),
            (SOURCES, include_str!("../geodata/sources.toml")),
            (FACTS, include_str!("../geodata/facts.toml")),
            (THEMES, include_str!("../geodata/themes.toml")),
            (TOUR, include_str!("../geodata/tour.toml")),
            (LAYER_FILES[0], include_str!("../geodata/districts.geojson")),
            (LAYER_FILES[1], include_str!("../geodata/binjiang.geojson")),
            (LAYER_FILES[2], include_str!("../geodata/zones.geojson")),
            (LAYER_FILES[3], include_str!("../geodata/sites.geojson")),
            (LAYER_FILES[4], include_str!("../geodata/water.geojson")),
        ];
        let files: Vec<(&str, Fetched)> = texts.iter().map(|(n, t)| (*n, Fetched::Text((*t).to_owned()))).collect();
        Content::from_texts(&files)
    }

    /// Lets the page do what a change scheduled: the reactive system's
    /// effects, and what waits for the next frame to be painted (the app
    /// mounts its panels then).
    async fn settle() {
        for _ in 0..4 {
            leptos::task::tick().await;
        }
        let painted = js_sys::Promise::new(&mut |resolve, _| {
            let after_paint = Closure::once_into_js(move || {
                let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
            });
            let _ = window().request_animation_frame(after_paint.unchecked_ref());
        });
        wasm_bindgen_futures::JsFuture::from(painted).await.unwrap();
        for _ in 0..4 {
            leptos::task::tick().await;
        }
    }

    fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
    }

    fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
    }

    fn attr(el: &web_sys::Element, name: &str) -> String {
        el.get_attribute(name).unwrap_or_default()
    }

    /// A key pressed with focus on `el` (the event bubbles, as a real one does).
    fn press(el: &web_sys::Element, key: &str) {
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
        js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
        let keyboard_event: js_sys::Function =
            js_sys::Reflect::get(&window(), &"KeyboardEvent".into()).unwrap().unchecked_into();
        let args = js_sys::Array::of2(&"keydown".into(), &init);
        let event = js_sys::Reflect::construct(&keyboard_event, &args).unwrap();
        el.dispatch_event(event.unchecked_ref()).unwrap();
    }

    fn click(el: &web_sys::Element) {
        el.unchecked_ref::<web_sys::HtmlElement>().click();
    }

    #[wasm_bindgen_test]
    async fn the_drawn_map_follows_the_selection_the_layers_and_the_language() {
        let doc = document();
        let root = doc.create_element("div").unwrap();
        root.set_attribute("style", "width: 1200px; height: 800px; display: flex; flex-direction: column").unwrap();
        doc.body().unwrap().append_child(&root).unwrap();
        let content = committed();
        assert!(content.problems.is_empty(), "{:?}", content.problems);
        let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || view! { <App content=content/> });
        settle().await;
        let map = one(&root, "[data-testid=map]");

        // The highlight: Enter on a site selects it; only it is marked.
        let sites = all(&map, "[data-testid^=site-]");
        assert!(sites.len() > 2, "sites drawn");
        let (site, other) = (&sites[0], &sites[1]);
        assert!(!attr(site, "class").contains("is-selected"));
        press(site, "Enter");
        settle().await;
        assert!(attr(site, "class").contains("is-selected"), "{}", attr(site, "class"));
        assert!(!attr(other, "class").contains("is-selected"));
        press(site, "Escape");
        settle().await;
        assert!(!attr(site, "class").contains("is-selected"), "cleared: {}", attr(site, "class"));

        // Visibility: every layer switched off hides every site, and back
        // (the legend opened first: closed, as in a narrow window, it has
        // not built its switches).
        let legend = one(&root, "[data-testid=legend]");
        if !legend.has_attribute("open") {
            click(&one(&legend, "summary"));
            settle().await;
        }
        let switches = all(&root, "input[data-testid^=layer-]");
        assert!(!switches.is_empty(), "the legend's switches");
        switches.iter().for_each(click);
        settle().await;
        assert!(sites.iter().all(|s| attr(s, "visibility") == "hidden"), "all layers off hides every site");
        switches.iter().for_each(click);
        settle().await;
        assert!(sites.iter().all(|s| attr(s, "visibility") == "visible"), "all layers on shows every site");

        // The language: names for assistive technology and the map's labels follow it.
        let names = |els: &[web_sys::Element]| els.iter().map(|e| attr(e, "aria-label")).collect::<Vec<_>>();
        let labels =
            || all(&map, "text.label").iter().map(|t| t.text_content().unwrap_or_default()).collect::<Vec<_>>();
        let (names_before, labels_before) = (names(&sites), labels());
        if root.query_selector("[data-testid=lang-en]").unwrap().is_none() {
            click(&one(&root, "[data-testid=lang-menu]"));
            settle().await;
        }
        click(&one(&root, "[data-testid=lang-en]"));
        settle().await;
        let (names_after, labels_after) = (names(&sites), labels());
        assert_eq!(names_after.len(), names_before.len());
        assert!(names_after.iter().zip(&names_before).all(|(a, b)| a != b), "every site renamed: {names_after:?}");
        let relabelled = labels_after.iter().zip(&labels_before).filter(|(a, b)| a != b).count();
        assert!(relabelled * 2 > labels_before.len(), "most labels rewritten: {labels_after:?}");
        assert!(labels_after.iter().any(|t| t.is_ascii() && !t.is_empty()), "English labels: {labels_after:?}");
        drop(handle);
    }
}
