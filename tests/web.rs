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
