//! The parts of the interface a first visit does not need: the tour with the
//! kiosk and the QR code, the share dialog, image export, basemap tiles, the
//! check report, and the reading of the context files that come after the
//! first click. Each is reached only through a function here, and built
//! with the `split` feature (the release build of the map, see
//! `scripts/build-wasm.mjs`) each function's code is cut out of the main wasm
//! into a chunk of its own that loads when the function is first called
//! (Leptos' `#[lazy]`). Without the feature (the editor, tests, development
//! builds) they are plain functions in the one wasm.
//!
//! A chunk that cannot be fetched (the network went away) is logged once and
//! the action does nothing; the next use tries again.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::Ctx;
use crate::spatial::Viewport;
use crate::state::basemap::Basemap;
use crate::state::content::{Content, Fetched, Reading};

/// What a split point gives when its chunk could not be fetched.
pub type Unloaded = leptos::wasm_split::SplitLoaderError;

/// Declares a split point: with `split`, a function whose code is cut into a
/// chunk of its own, loaded at the first call (a failed load is an `Err`, and
/// the next call tries again); without, the same body as a plain `async fn`.
macro_rules! split_point {
    ($(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, Unloaded> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, Unloaded> {
            Ok($body)
        }
    };
}

split_point! {
    /// The tour, the kiosk loop and the QR code panel.
    fn tour_layer() -> AnyView {
        view! { <super::tour::TourLayer/> }.into_any()
    }
}

split_point! {
    /// The share-and-embed dialog; `on_close` closes it.
    fn share_dialog(on_close: Callback<()>) -> AnyView {
        super::share::dialog_view(on_close)
    }
}

split_point! {
    /// The map as a PNG image, downloaded.
    fn export_png(c: Ctx) -> () {
        super::export::export_png(c)
    }
}

split_point! {
    /// The map as an SVG file, downloaded.
    fn export_svg(c: Ctx) -> () {
        super::export::export_svg(c)
    }
}

split_point! {
    /// The basemap's tiles under the drawing.
    fn tile_layer(basemap: Arc<Basemap>, drawn: RwSignal<Viewport>) -> AnyView {
        super::basemap::tile_layer(basemap, drawn)
    }
}

split_point! {
    /// The check page's report on the content files.
    fn check_report() -> AnyView {
        view! { <super::check::CheckReport/> }.into_any()
    }
}

split_point! {
    /// The context files joined to the content the app holds: they come
    /// after the first click, and so does the code that reads them in.
    fn join_context(c: Ctx, reading: Reading, arrived: Vec<(&'static str, Fetched)>) -> Content {
        super::app::content_of(c, reading).with_context(&arrived)
    }
}

/// A view that shows once its chunk is loaded; nothing until then. If the
/// chunk cannot be fetched, that is logged (`what` names the part) and
/// `failed` runs, so that the control that asked can ask again.
pub fn when_loaded<F>(what: &'static str, load: F, failed: impl FnOnce() + 'static) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, Unloaded>> + 'static,
{
    let load = async move {
        match load.await {
            Ok(view) => Some(view),
            Err(e) => {
                unloaded(what, &e);
                failed();
                None
            }
        }
    };
    // The browser runs one thread: the future never leaves it.
    Suspend::new(send_wrapper::SendWrapper::new(load))
}

/// Runs an action from a split point; a chunk that cannot be fetched is
/// logged, and the next press tries again.
pub fn run_loaded<F>(what: &'static str, action: F)
where
    F: std::future::Future<Output = Result<(), Unloaded>> + 'static,
{
    leptos::task::spawn_local(async move {
        if let Err(e) = action.await {
            unloaded(what, &e);
        }
    });
}

/// Says, once per failed load, which part could not be fetched.
fn unloaded(what: &str, e: &Unloaded) {
    leptos::logging::warn!("{what} could not be loaded ({e}); it is tried again when next asked for");
}
