#!/usr/bin/env bash
# `npm test`: installs what the tests need, then runs checks, unit + integration tests (Vitest,
# real Redis and websocket servers) and end-to-end tests (Playwright in Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "› Installing ${need_apt[*]} (apt-get) …"
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

stamp=node_modules/.mitplan-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "${CI:-}" = "true" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
	echo "› npm ci …"
	npm ci --no-audit --no-fund
	echo "$hash" >"$stamp"
fi

echo "› npm run check …"
npm run check

echo "› npm run build …"
npm run build

mkdir -p test-results
echo "› Vitest (unit + integration) …"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "› Playwright (e2e) …"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json

node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json
