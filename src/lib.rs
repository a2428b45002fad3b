//! Binjiang Map: an interactive map of 杭州高新区（滨江） and its cooperation zones.
//!
//! Pure modules (no browser APIs, tested natively with `cargo test`):
//! - [`spatial`]: Web Mercator, the viewport value type, hit-testing, GCJ-02 datum.
//! - [`atlas`]: the map's data model (zones, sites, facts, sources), loading and validation.
//! - [`state`]: UI state as plain values (selection, URL options).
//!
//! The thin Leptos layer, `ui`, exists only in the wasm build.

pub mod atlas;
pub mod carto;
pub mod edit;
pub mod spatial;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
