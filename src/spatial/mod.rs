//! Pure spatial maths: coordinates, Web Mercator, the viewport, hit-testing and
//! the GCJ-02 datum. Nothing here touches the browser; `cargo test` covers it.

pub mod bounds;
pub mod datum;
pub mod distance;
pub mod hit;
pub mod lonlat;
pub mod mercator;
pub mod reveal;
pub mod scale;
pub mod viewport;

#[cfg(test)]
mod test_fixtures;

pub use bounds::Bounds;
pub use hit::{hit_test, Shape};
pub use lonlat::{LonLat, ScreenPoint};
pub use mercator::{WorldPoint, MAX_LATITUDE, TILE_SIZE};
pub use scale::scale_bar;
pub use viewport::{Affine, LocalFrame, ViewLimits, Viewport, ViewportError};
