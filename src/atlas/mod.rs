//! The map's content as plain data: zones and sites from the GeoJSON layers,
//! facts, sources and themes from the catalogue; loading and validation.

pub mod lang;
pub use lang::{Lang, Names};
