//! The map's content as plain data: zones and sites from the GeoJSON layers,
//! facts, sources and themes from the catalogue; loading and validation.

pub mod catalogue;
pub mod error;
pub mod features;
pub mod figures;
pub mod lang;
pub mod layer_list;
pub mod layers;
pub mod period;
pub mod records;
pub mod validate;

pub use error::{DataError, ErrorKind, Referent};
pub use lang::{Lang, Names};

/// Test fixture shared by the pure modules: the committed layers and catalogue,
/// loaded and checked to be free of load errors.
#[cfg(test)]
pub(crate) fn bundled_for_tests() -> (layers::Atlas, catalogue::Catalogue) {
    let (atlas, errors) = layers::Atlas::bundled();
    assert!(errors.is_empty(), "{errors:?}");
    (atlas, catalogue::Catalogue::bundled().expect("the bundled catalogue loads"))
}
