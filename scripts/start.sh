#!/usr/bin/env bash
# Quick start: install what is missing, build the production app and serve it (demo unit on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
npx vite build --logLevel warn
echo "» Kapacitet körs på http://127.0.0.1:${PORT:-4173}/ (Ctrl+C avslutar)"
exec npx vite preview --host 127.0.0.1 --port "${PORT:-4173}" --strictPort
