//! Entry point: in the browser, install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    binjiang_map::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Binjiang Map runs in the browser: see README.md (scripts/serve.sh).");
}
