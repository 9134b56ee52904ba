#!/usr/bin/env bash
# Every test: static checks, unit/component/property tests (Vitest), browser e2e (Playwright in
# Debian's Chromium). Ends with one line "N passed, N failed" over all runners.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .ci-out && mkdir -p .ci-out
bash scripts/ensure-setup.sh --browsers || { echo "0 passed, 1 failed"; exit 1; }

static_pass=0; static_fail=0
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "::: $name"
  if "$@"; then static_pass=$((static_pass+1)); echo "::: $name ok ($((SECONDS-t0)) s)";
  else static_fail=$((static_fail+1)); echo "::: $name MISSLYCKADES ($((SECONDS-t0)) s)"; fi
}
step "typkontroll (svelte-check + tsc)" npm run -s check
step "lint (importriktning m.m.)" npx eslint . --max-warnings 0
step "bygge" npx vite build --logLevel warn

echo "::: vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=.ci-out/vitest.json
echo "::: e2e (Playwright + Chromium)"
CI_JSON=1 npx playwright test

node scripts/summary.mjs "$static_pass" "$static_fail"
