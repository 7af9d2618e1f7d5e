#!/usr/bin/env bash
# `npm test`: every test, end-to-end included, then one line "N passed, N failed".
# Steps: dependencies if missing → Chromium if missing → a PostgreSQL → types and lint → unit (vitest) →
# end-to-end (Playwright, Debian Chromium). Every step runs even if an earlier one failed, so
# one run shows everything that is wrong.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "› installing dependencies (npm ci)"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "› installing Debian's Chromium (apt-get install -y chromium)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  fi
  if [ ! -x "$CHROMIUM_PATH" ]; then
    cat <<MSG
No Chromium at $CHROMIUM_PATH, and it could not be installed (installing needs root and apt).
Either install it:      sudo apt-get install -y chromium
or point to a browser:  CHROMIUM_PATH=/path/to/chrome npm test
MSG
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
export CHROMIUM_PATH

# The register's tests run on SQLite and on a PostgreSQL (scripts/test-postgres.sh finds or starts one).
# shellcheck source=scripts/test-postgres.sh
source scripts/test-postgres.sh

rm -rf test-results && mkdir -p test-results
export CI_JSON=1 TZ=Europe/Rome

checks_failed=0
echo "› types";  npm run --silent typecheck || checks_failed=$((checks_failed + 1))
echo "› lint";   npm run --silent lint || checks_failed=$((checks_failed + 1))
echo "› unit";   npx vitest run
echo "› e2e";    npx playwright test

node scripts/summary.mjs "$checks_failed"
