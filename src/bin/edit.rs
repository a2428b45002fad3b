//! The editor page's entry point (`edit.html`): the map with the editor panel
//! for the map's keepers. A binary of its own, so the visitor's wasm
//! (`src/main.rs`) carries none of the editor.

#[cfg(target_arch = "wasm32")]
fn main() {
    binjiang_map::ui::editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The editor runs in the browser: open the map with ?edit=1 (see README.md).");
}
