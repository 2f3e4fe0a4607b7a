#!/usr/bin/env bash
# Prepares a fresh Debian machine for capex-report: a browser to print with (Debian's chromium,
# unless one is already configured), poppler-utils and qpdf (the tests read and check the PDFs
# with them), then the locked npm dependencies. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  need_apt+=(poppler-utils)
fi
# qpdf checks the structure of the PDFs the tests print (cross-reference and object streams).
if ! command -v qpdf >/dev/null 2>&1; then
  need_apt+=(qpdf)
fi
# Chromium loads no web font at all when fontconfig knows no font; one basic face is enough
# (the report's own fonts are bundled and are the only ones in the PDF).
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  need_apt+=(fonts-dejavu-core)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: missing ${need_apt[*]}; install them (sudo apt-get install ${need_apt[*]})" >&2
    echo "       or point PUPPETEER_EXECUTABLE_PATH at a Chrome/Chromium" >&2
  fi
fi

npm ci --no-audit --no-fund
