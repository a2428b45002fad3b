//! Cartographic decisions, as pure functions: SVG path data in a fixed drawing
//! frame, label placement without collisions, and the symbol/class vocabulary
//! the UI draws with. Tested natively like the rest of the pure core.

/// Written into `index.html` by a native test; the wasm never carries it.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub mod first_view;
pub mod inset;
pub mod labels;
pub mod markup;
pub mod paths;
pub mod scene;
pub mod style;
