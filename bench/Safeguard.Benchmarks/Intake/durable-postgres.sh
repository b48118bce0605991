#!/usr/bin/env bash
# A second, DURABLE PostgreSQL server for the intake benchmark: default settings (fsync=on, synchronous_commit=on,
# full_page_writes=on), unlike scripts/test-postgres.sh which runs with fsync=off for fast tests.
# Data in /tmp/safeguard-bench-pg. Prints the admin connection string. Usage: durable-postgres.sh start|stop
set -euo pipefail
DATA=/tmp/safeguard-bench-pg/data
PORT_FILE=/tmp/safeguard-bench-pg/port
BIN="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
case "${1:-start}" in
  start)
    mkdir -p /tmp/safeguard-bench-pg
    [ "$(id -u)" = "0" ] && chown postgres /tmp/safeguard-bench-pg
    [ -f "$DATA/PG_VERSION" ] || "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      PORT=56432
      while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
      echo "$PORT" > "$PORT_FILE"
      "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w -l /tmp/safeguard-bench-pg/server.log \
        -o "-h 127.0.0.1 -p $PORT -k /tmp -c max_connections=200" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$(cat "$PORT_FILE");Username=postgres;Database=postgres"
    ;;
  stop)
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
