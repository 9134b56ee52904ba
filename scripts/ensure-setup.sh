#!/usr/bin/env bash
# Installs what a fresh machine lacks: Node packages from the lockfile, Debian's Chromium
# (browser tests), LibreOffice Calc (the real-spreadsheet check of exported workbooks) and
# poppler-utils (pdftotext reads the printed report's PDF).
# Usage: ensure-setup.sh [--browsers]
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "» Installerar npm-paket (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

if [ "${1:-}" = "--browsers" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "» Installerar ${need[*]} med apt-get…"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null) || {
        echo "apt-get kunde inte installera ${need[*]}" >&2; exit 1; }
    else
      echo "Saknas: ${need[*]}. Installera med: sudo apt-get install ${need[*]}" >&2
      exit 1
    fi
  fi
fi
exit 0
