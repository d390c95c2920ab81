#!/usr/bin/env bash
# The UI's npm packages, exactly as ui/package-lock.json pins them. The lock file lists the
# Tauri CLI's native binary for every platform, so `npm ci` installs the right one; should
# npm's optional-dependency bug (npm/cli#4828) leave it out, install the pinned Linux binary.
set -euo pipefail
cd "$(dirname "$0")/../ui"
npm ci --no-audit --no-fund --loglevel=error
if ! node -e "require('@tauri-apps/cli')" 2>/dev/null || ! npx --no-install tauri --version >/dev/null 2>&1; then
  version=$(node -p "require('./package-lock.json').packages['node_modules/@tauri-apps/cli'].version")
  echo "npm left out the Tauri CLI binary; installing @tauri-apps/cli-linux-x64-gnu@$version"
  npm install --no-save --no-audit --no-fund "@tauri-apps/cli-linux-x64-gnu@$version"
fi
