#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/web/test_browser.py) when
# /usr/bin/chromium is missing. Playwright drives it by executable path, so no browser
# build is downloaded. Needs root or sudo; does nothing when chromium is already there.
# Usage: bash .ci/chromium.sh   (called from .ci/run before `make test`)
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ci: $("$CHROMIUM" --version 2>/dev/null || echo chromium) already installed" >&2
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

echo "ci: installing chromium from Debian" >&2
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium fonts-dejavu-core >/dev/null
echo "ci: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
