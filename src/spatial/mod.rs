//! Pure spatial maths: coordinates, Web Mercator, the viewport, hit-testing and
//! the GCJ-02 datum. Nothing here touches the browser; `cargo test` covers it.

pub mod bounds;
pub mod datum;
pub mod hit;
pub mod lonlat;
pub mod mercator;
pub mod viewport;

pub use lonlat::{LonLat, ScreenPoint};
