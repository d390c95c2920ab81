#!/usr/bin/env bash
# Regenerate ui/src/gen/api.ts from the Rust request/response types (src/typescript.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_TS=1 cargo test --quiet --test all typescript
