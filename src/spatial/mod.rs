//! Pure spatial maths: coordinates, Web Mercator, the viewport, hit-testing and
//! the GCJ-02 datum. Nothing here touches the browser; `cargo test` covers it.

pub mod lonlat;
pub use lonlat::{LonLat, ScreenPoint};
