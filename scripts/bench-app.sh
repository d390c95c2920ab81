#!/usr/bin/env bash
# The app's launch, memory and save-to-shown benchmark, beside a bare Tauri window built the
# same way (BENCH_PROFILE=release by default; `debug` = the dev profile, dependencies at -O2).
# Prints the figures BENCHMARKS.md reports. Needs what scripts/test.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
PROFILE=${BENCH_PROFILE:-release}
flag=(); [ "$PROFILE" = "release" ] && flag=(--release)
(cd ui && npm run --silent build)
cargo build "${flag[@]}" --locked -p frontdesk-app --features frontdesk-app/custom-protocol,frontdesk-app/bench
cargo build "${flag[@]}" --locked -p bare-window --features bare-window/custom-protocol
cargo build "${flag[@]}" --locked -p frontdesk --bin frontdesk
BENCH_PROFILE=$PROFILE xvfb-run -a -s "-screen 0 1400x900x24" node scripts/bench-app.mjs
