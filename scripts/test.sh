#!/usr/bin/env bash
# Runs every test of Binjiang Map, installing any missing tool first:
#   0. the content files (geodata/*.toml) against their JSON Schemas (geodata/schema/);
#      formatting (cargo fmt --check) and lints (clippy -D warnings, native and wasm32);
#   1. native unit and data tests (cargo test: maths, geodata, facts);
#   2. in-browser tests of the UI layer (wasm-bindgen-test, headless Chromium);
#   3. a release build with trunk (the files a webmaster deploys), the editor
#      page (edit.html) built beside it;
#   4. end-to-end tests in headless Chromium with Playwright against that build.
# Stops at the first failure with a non-zero exit code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cd "$root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "content files against their schemas (geodata/schema/)"
node --test scripts/check-schemas.test.mjs
node scripts/check-schemas.mjs

step "the benchmark's budget lines (bench/lib/stats.test.mjs)"
node --test bench/lib/stats.test.mjs

step "formatting and lints (cargo fmt --check, cargo clippy -D warnings)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
# The wasm build, every target (the tests that read the committed files from disk are native only).
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The map's release binary as it is split (the split points of src/ui/split.rs).
cargo clippy --target wasm32-unknown-unknown --bin binjiang-map --features split -- -D warnings

step "native tests (cargo test)"
cargo test

step "in-browser tests (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

step "release build (trunk build --release, then the editor page)"
trunk build --release
node scripts/build-editor.mjs
node scripts/single-file.mjs

step "end-to-end tests (Playwright, headless Chromium)"
npx playwright test "$@"
