#!/usr/bin/env bash
# Every test of the project, from a fresh Debian/Ubuntu machine: installs what the tests need
# (Debian packages, the UI's npm packages, tauri-driver), then runs the lints, the core's and
# the shell's tests, the UI's type check and unit tests, and the end-to-end tests in the real
# app window under Xvfb. README.md names this script; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
# Debian packages: PDF tools for the forms' tests; WebKitGTK and friends to build the window;
# Xvfb and WebKitWebDriver for the end-to-end tests; CJK fonts for the screens.
pkgs=(poppler-utils zbar-tools qpdf build-essential pkg-config file libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libayatana-appindicator3-dev libxdo-dev xvfb xauth webkit2gtk-driver fonts-noto-cjk)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v cargo >/dev/null 2>&1 || { echo "cargo (Rust toolchain) is required: https://rustup.rs"; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "Node.js 20+ with npm is required"; exit 1; }
rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== UI packages (npm ci, from ui/package-lock.json)"
bash scripts/ui-install.sh
command -v tauri-driver >/dev/null 2>&1 || {
  echo "== installing tauri-driver 2.1.0"
  cargo install --locked tauri-driver@2.1.0 >/dev/null 2>&1
}
export PATH="$HOME/.cargo/bin:$PATH"

echo "== UI: type check, unit tests, build"
(cd ui && npm run --silent check && npm run --silent test && npm run --silent build)

# The shell is built with the UI embedded (custom-protocol) for its tests and the e2e run.
FEATURES="--features frontdesk-app/custom-protocol"
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked $FEATURES -- -D warnings
echo "== cargo test (core, CLI, shell; generated TypeScript is current)"
cargo test --workspace --locked $FEATURES
echo "== end-to-end tests in the app window (Xvfb + tauri-driver + WebKitWebDriver)"
cargo build --locked -p frontdesk-app $FEATURES
FRONTDESK_APP="$ROOT/target/debug/frontdesk-app" xvfb-run -a -s "-screen 0 1400x900x24" \
  npm --prefix ui run --silent e2e
