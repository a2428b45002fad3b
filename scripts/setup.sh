#!/usr/bin/env bash
# Installs what building and testing Binjiang Map needs, from the registries only
# (crates.io, npm, Debian), skipping whatever is already present.
#   scripts/setup.sh build    wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh test     the above plus Chromium, ChromeDriver, CJK fonts, Playwright
# Called by serve.sh and test.sh; prints what it does and stops at the first failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || { echo "[setup] missing required command: $1 ($2)" >&2; exit 1; }
}

setup_build() {
  need_cmd cargo "install Rust with rustup first"
  need_cmd rustup "the wasm target is added with rustup"
  need_cmd npm "Node.js with npm provides wasm-opt (binaryen) and Playwright"

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  # wasm-bindgen-cli must equal the wasm-bindgen version pinned in Cargo.lock.
  local wb
  wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
  [ -n "$wb" ] || { echo "[setup] could not read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
    say "installing wasm-bindgen-cli $wb (a few minutes, once)"
    # Not --locked: its lockfile pins a webpki-roots release the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi

  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    # The debug build orchestrates just as fast and compiles in half the time.
    cargo install trunk --version "$TRUNK_VERSION" --locked --debug --force
  fi

  # wasm-split-cli cuts the release wasm into chunks (scripts/build-wasm.mjs).
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, a few minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
  fi

  if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/@playwright/test" ] \
    || [ ! -d "$root/node_modules/axe-core" ] || [ ! -d "$root/node_modules/ajv" ]; then
    say "installing npm packages (binaryen's wasm-opt, Playwright, axe-core, ajv) from package-lock.json"
    (cd "$root" && npm ci --no-audit --no-fund)
  fi
}

setup_browser() {
  local pkgs=()
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  [ -x /usr/bin/chromedriver ] || pkgs+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || pkgs+=(fonts-noto-cjk)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    say "installing Debian packages: ${pkgs[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${pkgs[@]}"
  fi
}

case "${1:-build}" in
  build) setup_build ;;
  test) setup_build; setup_browser ;;
  *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac
