#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL server on 127.0.0.1 for the test suite and prints its
# administrator connection string.
# The cluster lives outside the checkout, in a directory of its own that the server's user owns
# (SAFEGUARD_TEST_PG_DIR, or one per checkout under $TMPDIR or /tmp): a checkout in a directory that user
# cannot enter, such as /root/..., still gets a server.
# Usage: scripts/test-postgres.sh start|stop
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHECKOUT_ID="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
CLUSTER="${SAFEGUARD_TEST_PG_DIR:-${TMPDIR:-/tmp}/safeguard-pgtest-$CHECKOUT_ID}"
DATA="$CLUSTER/data"
PORT_FILE="$CLUSTER/port"
# The server's user may not be able to enter the checkout: work from a directory everyone can.
cd /

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

install_postgres() {
  echo "Installing the PostgreSQL server from Debian..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

case "${1:-start}" in
  start)
    BIN="$(find_bin || { install_postgres; find_bin; })"
    RUN_AS=()
    if [ "$(id -u)" = "0" ]; then
      # initdb and postgres refuse to run as root; run them as the postgres system user.
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent postgres
      RUN_AS=(runuser -u postgres --)
    fi
    mkdir -p "$CLUSTER"
    chmod 700 "$CLUSTER"
    [ "$(id -u)" = "0" ] && chown postgres "$CLUSTER"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      # Another checkout's server may hold the usual port: take the first free one.
      PORT="${SAFEGUARD_TEST_PG_PORT:-55432}"
      while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
      "${RUN_AS[@]}" sh -c "echo $PORT > '$PORT_FILE'"
      "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w -l "$CLUSTER/server.log" \
        -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$(cat "$PORT_FILE");Username=postgres;Database=postgres"
    ;;
  stop)
    BIN="$(find_bin)"
    RUN_AS=()
    [ "$(id -u)" = "0" ] && RUN_AS=(runuser -u postgres --)
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
