//! UI state as plain values with transition methods: what is selected, which
//! layers show, what input does to the view, the interface's words. Signals in the
//! Leptos layer hold these values; the logic is here and tested natively.

pub mod basemap;
pub mod content;
pub mod details;
pub mod embed;
pub mod host;
pub mod input;
pub mod layers;
pub mod layout;
pub mod listing;
pub mod problems;
pub mod qr;
pub mod review;
pub mod search;
pub mod selection;
pub mod settings;
pub mod text;
pub mod tour;
pub mod url;

pub use layers::{Layer, LayerSet, Layers};
pub use selection::Selection;
