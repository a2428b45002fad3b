//! Pure spatial maths: coordinates, Web Mercator, the viewport, hit-testing and
//! the GCJ-02 datum. Nothing here touches the browser; `cargo test` covers it.

pub mod affine;
pub mod area_index;
pub mod bounds;
pub mod datum;
pub mod distance;
pub mod ellipsoid;
pub mod flight_path;
pub mod hit;
pub mod local_frame;
pub mod lonlat;
pub mod mercator;
pub mod reveal;
pub mod scale;
pub mod tiles;
pub mod view_limits;
pub mod viewport;
pub mod viewport_error;

#[cfg(test)]
mod test_fixtures;

pub use affine::Affine;
pub use bounds::Bounds;
pub use hit::{hit_test, Shape};
pub use local_frame::LocalFrame;
pub use lonlat::{LonLat, ScreenPoint};
pub use mercator::{WorldPoint, MAX_LATITUDE, TILE_SIZE};
pub use scale::scale_bar;
pub use view_limits::ViewLimits;
pub use viewport::Viewport;
pub use viewport_error::ViewportError;
