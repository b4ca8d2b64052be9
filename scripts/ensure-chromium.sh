#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing, for the browser tests and PNG export.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium from Debian's packages (once)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
else
    echo "note: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);"
    echo "      browser tests will be skipped. Install it with: sudo apt-get install chromium"
fi
