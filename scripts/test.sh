#!/usr/bin/env bash
# Every test of the project, from a fresh Debian/Ubuntu machine: installs what the tests need
# (Debian packages, the UI's npm packages, tauri-driver), then runs the lints, the core's and
# the shell's tests, the UI's type check and unit tests, and the end-to-end tests in the real
# app window under Xvfb. README.md names this script; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash scripts/setup.sh --test
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
FRONTDESK_APP="${CARGO_TARGET_DIR:-$ROOT/target}/debug/frontdesk-app" xvfb-run -a -s "-screen 0 1400x900x24" \
  npm --prefix ui run --silent e2e
