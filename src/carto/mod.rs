//! Cartographic decisions, as pure functions: SVG path data in a fixed drawing
//! frame, label placement without collisions, and the symbol/class vocabulary
//! the UI draws with. Tested natively like the rest of the pure core.

pub mod labels;
pub mod scene;
pub mod paths;
pub mod style;
