#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing, for the browser tests and PNG export, and
# a Khmer font (fonts-khmeros), without which Khmer names render as boxes in PNGs and
# screenshots.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=km 2>/dev/null | grep -q .; then
    missing+=(fonts-khmeros)
elif ! command -v fc-list >/dev/null 2>&1 && [ ! -d /usr/share/fonts/truetype/khmeros ]; then
    missing+=(fonts-khmeros)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages (once)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "note: ${missing[*]} missing and cannot be installed here (needs root and apt-get);"
    echo "      browser tests may be skipped. Install with: sudo apt-get install ${missing[*]}"
fi
