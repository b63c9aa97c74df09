#!/usr/bin/env bash
# Installs everything Relay Station and its tests need on a fresh Debian machine, then the npm packages.
# Safe to run again: system packages are installed only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)            # end-to-end tests and the browser demo
command -v make >/dev/null 2>&1 || missing+=(make)                     # better-sqlite3 builds from source
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v cc >/dev/null 2>&1 || missing+=(gcc)                        # the ID-card reader's tests compile a stand-in vendor library
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v git >/dev/null 2>&1 || missing+=(git)                       # the layer check lists files with git
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)  # Chinese text on screen; PDF fallback for rare characters
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)       # PDF tests read text, fonts and pages back
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)  # the hub's tests start a throw-away cluster

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The Electron binary comes from outside the npm registry; where it cannot be fetched, its type
# definitions still install and `npm start` serves the same app through the station host.
# Set ELECTRON_SKIP_BINARY_DOWNLOAD=0 on a machine that can download it.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-audit --no-fund
