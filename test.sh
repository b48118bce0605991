#!/usr/bin/env bash
# Runs the whole Safeguard test suite against SQLite and then PostgreSQL, installing what is missing first:
# Chromium (Debian) for the browser journeys, npm packages (through the build), and a PostgreSQL server.
# Ends with one line: "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

apt_updated=""
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  apt-get install -y -qq "$@"
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian..."
  apt_install chromium >/dev/null
fi
command -v npm >/dev/null || { echo "Installing Node.js and npm from Debian..."; apt_install nodejs npm >/dev/null; }
# Redocly CLI for the OpenAPI lint test (pinned in tests/openapi-lint; the test also installs it when missing).
(cd "$ROOT/tests/openapi-lint" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null) || echo "Could not install tests/openapi-lint yet; its test will try again"

PG="$("$ROOT/scripts/test-postgres.sh" start)" || { echo "Could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
trap '"$ROOT/scripts/test-postgres.sh" stop' EXIT

echo "Building..."
if ! dotnet build Safeguard.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "Build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for provider in Sqlite Postgres; do
  echo "Running the suite against $provider..."
  SAFEGUARD_TEST_PROVIDER="$provider" SAFEGUARD_TEST_POSTGRES="$PG" \
    dotnet test Safeguard.slnx -c Release --no-build --nologo -m:1 \
      --logger "trx;LogFilePrefix=$provider" --results-directory "$RESULTS/$provider" \
      --logger "console;verbosity=minimal" || status=1
done

passed=0
failed=0
for file in "$RESULTS"/*/*.trx; do
  [ -f "$file" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$file" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
# A test run that crashed (no results) must not look green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
