#!/usr/bin/env bash
# What building and testing Front desk needs on a fresh Debian/Ubuntu machine, installed only
# when missing: Debian packages (WebKitGTK and friends for the window, PDF tools for the forms'
# tests, Xvfb and WebKitWebDriver for the end-to-end tests, CJK fonts) and the UI's npm packages.
# `--test` also installs tauri-driver. Used by scripts/run.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
pkgs=(build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libayatana-appindicator3-dev libxdo-dev
  fonts-noto-cjk xdg-utils
  # WebKit plays the camera's picture through GStreamer (base + good: v4l2 cameras, JPEG).
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(poppler-utils zbar-tools qpdf xvfb xauth webkit2gtk-driver)
fi
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

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "== UI packages (npm ci, from ui/package-lock.json)"
  bash scripts/ui-install.sh
fi
if [ "${1:-}" = "--test" ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== installing tauri-driver 2.1.0"
  cargo install --locked tauri-driver@2.1.0 >/dev/null 2>&1
fi
