#!/usr/bin/env bash
# Build and start the Front desk window on the default database (a SQLite file in the OS data
# directory; `FRONTDESK_DB=/path/file.sqlite3` for another). The first start asks to set up the
# counter. README.md names this script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== building the UI"
(cd ui && npm run --silent build)
echo "== building and starting the app"
exec cargo run --release --locked -p frontdesk-app --features custom-protocol
