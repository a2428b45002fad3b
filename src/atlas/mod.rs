//! The map's content as plain data: zones and sites from the GeoJSON layers,
//! facts, sources and themes from the catalogue; loading and validation.

pub mod catalogue;
pub mod error;
pub mod figures;
pub mod lang;
pub mod layers;
pub mod validate;

pub use error::DataError;
pub use lang::{Lang, Names};
