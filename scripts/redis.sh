#!/usr/bin/env bash
# A private Redis for tests and benchmarks (the shared cache production requires, issue 11).
#
#   scripts/redis.sh start    start it unless it runs; print CACHE_URL=redis://127.0.0.1:PORT/0
#   scripts/redis.sh stop     stop the server this script started (its pidfile's pid only)
#   scripts/redis.sh status   say whether it runs; exit 0 if it answers PING, 3 if not
#   scripts/redis.sh url      print CACHE_URL=... (from the last start)
#
# It is Debian's redis-server, on 127.0.0.1 only, port 6391 unless that is taken by something
# else (then the next free one), with its pidfile, log and url file in $REDIS_DIR (default
# var/redis in the repository). No persistence (a cache), and at most REDIS_MAXMEMORY with
# `volatile-lru`: only keys with a timeout (cached pages and lists) are ever evicted, never
# the generation counters (stored without one), whose loss could bring an old page back.
# Only `start`, `status` and `url` print to stdout, one line, so
# `eval "export $(scripts/redis.sh start)"` works; tests read $REDIS_DIR/url
# (tests/redis_server.py). Progress goes to stderr.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE_DIR="$(realpath -m -- "${REDIS_DIR:-${REPO_ROOT}/var/redis}")"
PIDFILE="${STATE_DIR}/redis.pid"
URL_FILE="${STATE_DIR}/url"
LOG_FILE="${STATE_DIR}/redis.log"
PREFERRED_PORT="${REDIS_PORT:-6391}"
MAXMEMORY="${REDIS_MAXMEMORY:-256mb}"

log() { echo "redis.sh: $*" >&2; }
die() {
    log "$*"
    exit 1
}

# shellcheck source=lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
port_busy() { tcp_port_busy "$1"; }

our_pid() {  # the pid in our pidfile, if that process is alive
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

url() { cat "$URL_FILE" 2>/dev/null; }

answers() {  # answers URL: PING gets PONG
    local port="${1##*:}"
    port="${port%%/*}"
    [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == "PONG" ]]
}

start() {
    command -v redis-server >/dev/null || die "redis-server is missing: apt-get install -y redis-server"
    mkdir -p "$STATE_DIR"
    if our_pid >/dev/null && answers "$(url)"; then
        echo "CACHE_URL=$(url)"
        return 0
    fi
    local port
    port="$(free_port)"
    [[ "$port" == "$PREFERRED_PORT" ]] || log "port ${PREFERRED_PORT} is taken: using ${port}"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$STATE_DIR" \
        --pidfile "$PIDFILE" --logfile "$LOG_FILE" --save "" --appendonly no \
        --maxmemory "$MAXMEMORY" --maxmemory-policy volatile-lru >&2
    local waited=0
    until answers "redis://127.0.0.1:${port}/0"; do
        ((waited < 50)) || die "no answer on port ${port} after 5 s (see ${LOG_FILE})"
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "redis://127.0.0.1:${port}/0" >"$URL_FILE"
    log "started on port ${port} (pid $(cat "$PIDFILE"))"
    echo "CACHE_URL=$(url)"
}

stop() {
    local pid
    if pid="$(our_pid)"; then
        kill "$pid"
        local waited=0
        while kill -0 "$pid" 2>/dev/null && ((waited < 50)); do
            sleep 0.1
            waited=$((waited + 1))
        done
        log "stopped (pid ${pid})"
    else
        log "not running"
    fi
    rm -f "$PIDFILE"
}

status() {
    if our_pid >/dev/null && answers "$(url)"; then
        echo "CACHE_URL=$(url)"
        return 0
    fi
    log "not running"
    return 3
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
url) [[ -f "$URL_FILE" ]] && echo "CACHE_URL=$(url)" || die "never started" ;;
*)
    echo "usage: $0 start|stop|status|url" >&2
    exit 2
    ;;
esac
