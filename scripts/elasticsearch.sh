#!/usr/bin/env bash
# A local Elasticsearch 9 node for development and tests (the search work), shared by
# developers, the README and .ci/run.
#
#   scripts/elasticsearch.sh start    fetch/unpack if missing, start the node, print ELASTICSEARCH_URL=...
#   scripts/elasticsearch.sh stop     stop the node this script started (its pidfile's pid only)
#   scripts/elasticsearch.sh status   say whether it runs; exit 0 if it answers, 3 if not
#   scripts/elasticsearch.sh url      print ELASTICSEARCH_URL=... (from the last start)
#   scripts/elasticsearch.sh java     print the JDK it would use (exit 1 if there is none)
#
# The node is Maven Central's org.elasticsearch.distribution.integ-test-zip:elasticsearch:
# the bare server, with only the modules transport-netty4, x-pack-core, x-pack-security and apm
# (no analysis-common, no painless, no reindex). It is fetched with `mvn dependency:get` into
# ~/.m2 once and unpacked once into $ES_HOME_DIR/elasticsearch-$ES_VERSION; data, logs and the
# pidfile live inside that directory. It runs single-node on 127.0.0.1, port 9200 unless that
# is taken by something else (then the next free one), without security (plain HTTP, no
# password), with a 512 MB heap, on the newest Temurin JDK >= 21 under /usr/lib/jvm (else an
# OpenJDK >= 21 there). Elasticsearch refuses to run as root, so as root the node runs as the
# system user `elasticsearch` (created if missing); otherwise as the current user.
#
# Only `start`, `status` and `url` print to stdout, one line: ELASTICSEARCH_URL=http://...,
# so `eval "$(scripts/elasticsearch.sh start)"` works; the same URL goes to
# $ES_HOME_DIR/url for tests (tests/elasticsearch_node.py). Progress goes to stderr.
# Overridable: ES_VERSION, ES_HOME_DIR (default var/elasticsearch in the repository),
# ES_PORT (preferred port), ES_JAVA_HOME, ES_USER (the user when run as root), ES_M2_REPO.
# A node of a cluster instead of a single node (scripts/elasticsearch_cluster.sh sets them;
# unset, nothing changes): ES_CLUSTER_NAME (default hdnd), ES_NODE_NAME (default hdnd-dev),
# ES_TRANSPORT_PORT, ES_SEED_HOSTS (comma-separated host:transport-port of the nodes) and
# ES_INITIAL_MASTERS (the node names that bootstrap the cluster on its first start).
set -euo pipefail

ES_VERSION="${ES_VERSION:-9.3.2}"
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# Absolute and without symlinks: it is written into the config and matched against the node's
# -Des.path.home to recognise our node.
STATE_DIR="$(realpath -m -- "${ES_HOME_DIR:-${REPO_ROOT}/var/elasticsearch}")"
ES_HOME="${STATE_DIR}/elasticsearch-${ES_VERSION}"
PIDFILE="${ES_HOME}/elasticsearch.pid"
URL_FILE="${STATE_DIR}/url"
CLUSTER_NAME="${ES_CLUSTER_NAME:-hdnd}"
NODE_NAME="${ES_NODE_NAME:-hdnd-dev}"
LOG_FILE="${ES_HOME}/logs/${CLUSTER_NAME}.log"  # logs/<cluster.name>.log
CONSOLE_LOG="${ES_HOME}/logs/console.log"
PREFERRED_PORT="${ES_PORT:-9200}"
ES_RUN_USER="${ES_USER:-elasticsearch}"
M2_REPO="${ES_M2_REPO:-${HOME}/.m2/repository}"
ZIP="${M2_REPO}/org/elasticsearch/distribution/integ-test-zip/elasticsearch/${ES_VERSION}/elasticsearch-${ES_VERSION}.zip"
START_TIMEOUT=90  # seconds for the node to answer /_cluster/health with yellow or green

log() { echo "[elasticsearch.sh] $*" >&2; }
die() { echo "[elasticsearch.sh] ERROR: $*" >&2; exit 1; }

[[ "$ES_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "ES_VERSION must look like 9.3.2"
[[ "$PREFERRED_PORT" =~ ^[0-9]+$ ]] || die "ES_PORT must be a number"
[[ "$ES_RUN_USER" =~ ^[a-z_][a-z0-9_-]*$ ]] || die "ES_USER is not a plain user name"
[[ "$CLUSTER_NAME" =~ ^[a-z0-9_-]+$ ]] || die "ES_CLUSTER_NAME: lower-case letters, digits, - and _"
[[ "$NODE_NAME" =~ ^[a-z0-9_-]+$ ]] || die "ES_NODE_NAME: lower-case letters, digits, - and _"
[[ "${ES_TRANSPORT_PORT:-0}" =~ ^[0-9]+$ ]] || die "ES_TRANSPORT_PORT must be a number"
[[ "${ES_SEED_HOSTS:-}" =~ ^[0-9a-z.:,_-]*$ ]] || die "ES_SEED_HOSTS: host:port,host:port"
[[ "${ES_INITIAL_MASTERS:-}" =~ ^[a-z0-9_,-]*$ ]] || die "ES_INITIAL_MASTERS: node names, comma-separated"

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1

# --- the JDK ---------------------------------------------------------------------------------

java_major() {  # java_major DIR: the JDK's major version, from its `release` file
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

find_java() {  # print the JDK: ES_JAVA_HOME, else the newest Temurin >= 21, else OpenJDK >= 21
    local dir major best="" best_major=0 pattern
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        [[ -x "$ES_JAVA_HOME/bin/java" ]] || die "ES_JAVA_HOME=$ES_JAVA_HOME has no bin/java"
        major="$(java_major "$ES_JAVA_HOME")"
        [[ "$major" =~ ^[0-9]+$ ]] && ((major < 21)) \
            && die "ES_JAVA_HOME=$ES_JAVA_HOME is Java ${major}; Elasticsearch ${ES_VERSION} needs 21+"
        echo "$ES_JAVA_HOME"
        return 0
    fi
    for pattern in '/usr/lib/jvm/temurin-*-jdk-*' '/usr/lib/jvm/java-*'; do
        for dir in $pattern; do
            [[ -x "$dir/bin/java" ]] || continue
            major="$(java_major "$dir")"
            [[ "$major" =~ ^[0-9]+$ ]] || continue
            if ((major >= 21 && major > best_major)); then
                best="$dir"
                best_major="$major"
            fi
        done
        [[ -n "$best" ]] && break  # a Temurin JDK wins over a newer OpenJDK
    done
    [[ -n "$best" ]] || die "Elasticsearch ${ES_VERSION} needs Java 21 or newer: no" \
        "/usr/lib/jvm/temurin-*-jdk-* or /usr/lib/jvm/java-NN-* with NN >= 21 (install a" \
        "Temurin JDK >= 21, or openjdk-21-jdk-headless where Debian has it; or set ES_JAVA_HOME)"
    echo "$best"
}

# --- our node --------------------------------------------------------------------------------

node_pid() {  # print the pid of our running node; fail if it does not run
    local pid
    [[ -f "$PIDFILE" ]] || return 1
    pid="$(tr -dc '0-9' <"$PIDFILE")"
    [[ -n "$pid" ]] && [[ -r "/proc/$pid/cmdline" ]] || return 1
    # Ours: an Elasticsearch whose home is this directory (not a recycled pid).
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "-Des.path.home=${ES_HOME}" || return 1
    echo "$pid"
}

configured_port() {  # the http.port in our config (the port of the running node)
    sed -n 's/^http\.port: *\([0-9]*\)$/\1/p' "$ES_HOME/config/elasticsearch.yml" 2>/dev/null
}

es_url() { echo "http://127.0.0.1:$(configured_port)"; }

healthy() {  # healthy [WAIT]: the node answers with yellow or green (waiting up to WAIT)
    curl -fsS -o /dev/null --max-time 30 \
        "$(es_url)/_cluster/health?wait_for_status=yellow&timeout=${1:-1s}" 2>/dev/null
}

# shellcheck source=lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
port_busy() { tcp_port_busy "$1"; }

# --- install ---------------------------------------------------------------------------------

fetch_zip() {
    [[ -s "$ZIP" ]] && return 0
    command -v mvn >/dev/null || die "mvn is needed to fetch ${ES_ARTIFACT} (apt-get install maven)"
    log "fetching ${ES_ARTIFACT} from Maven Central into ${M2_REPO}"
    mvn -q -B dependency:get -Dartifact="$ES_ARTIFACT" -Dtransitive=false \
        -Dmaven.repo.local="$M2_REPO" >&2 || die "mvn dependency:get ${ES_ARTIFACT} failed"
    [[ -s "$ZIP" ]] || die "mvn succeeded but ${ZIP} is missing"
}

unpack() {
    [[ -x "$ES_HOME/bin/elasticsearch" ]] && return 0
    fetch_zip
    command -v unzip >/dev/null || die "unzip is needed (apt-get install unzip)"
    local tmp="${STATE_DIR}/.unpack-${ES_VERSION}"
    log "unpacking $(basename "$ZIP") into ${ES_HOME}"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    unzip -q "$ZIP" -d "$tmp" || die "unzip ${ZIP} failed"
    [[ -x "$tmp/elasticsearch-${ES_VERSION}/bin/elasticsearch" ]] \
        || die "${ZIP} holds no elasticsearch-${ES_VERSION}/bin/elasticsearch"
    rm -rf "$ES_HOME"
    mv "$tmp/elasticsearch-${ES_VERSION}" "$ES_HOME"  # all or nothing: a half unzip is redone
    rmdir "$tmp"
}

discovery_settings() {  # a single node, or a node that finds the others of its cluster
    if [[ -z "${ES_SEED_HOSTS:-}" ]]; then
        echo "discovery.type: single-node"
        return
    fi
    echo "discovery.seed_hosts: [${ES_SEED_HOSTS}]"
    [[ -n "${ES_INITIAL_MASTERS:-}" ]] && echo "cluster.initial_master_nodes: [${ES_INITIAL_MASTERS}]"
    [[ -n "${ES_TRANSPORT_PORT:-}" ]] && echo "transport.port: ${ES_TRANSPORT_PORT}"
    return 0
}

configure() {  # configure PORT: (re)written on every start; edits are overwritten
    local port="$1" conf="$ES_HOME/config"
    mkdir -p "$ES_HOME/data" "$ES_HOME/logs"
    cat >"$conf/elasticsearch.yml" <<YAML
# Written by scripts/elasticsearch.sh; edits are overwritten on the next start.
cluster.name: ${CLUSTER_NAME}
node.name: ${NODE_NAME}
$(discovery_settings)
network.host: 127.0.0.1
http.port: ${port}
path.data: ${ES_HOME}/data
path.logs: ${ES_HOME}/logs
# A test node: no TLS, no password. x-pack-security is in this distribution, so without
# this the first start would turn on TLS and generate an elastic password.
xpack.security.enabled: false
# Do not stop allocating shards (and go red) because the disk of a dev machine is full-ish.
cluster.routing.allocation.disk.threshold_enabled: false
YAML
    # The distribution's jvm.options writes gc.log, crash files and heap dumps into the working
    # directory (launch() runs it in logs/); no 512 MB heap dumps on a developer's disk.
    cat >"$conf/jvm.options.d/hdnd.options" <<OPTIONS
# Written by scripts/elasticsearch.sh.
-XX:-HeapDumpOnOutOfMemoryError
OPTIONS
}

ensure_user() {  # as root: the unprivileged user the node runs as, owning ES_HOME
    if ! id -u "$ES_RUN_USER" >/dev/null 2>&1; then
        log "creating system user '${ES_RUN_USER}' (Elasticsearch refuses to run as root)"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            --user-group "$ES_RUN_USER" || die "useradd ${ES_RUN_USER} failed"
    fi
    chown -R "$ES_RUN_USER:" "$ES_HOME"
    # The user must be able to reach ES_HOME (e.g. /root/... is not world-searchable).
    runuser -u "$ES_RUN_USER" -- test -x "$ES_HOME/bin/elasticsearch" \
        || die "user ${ES_RUN_USER} cannot reach ${ES_HOME}; put it elsewhere with ES_HOME_DIR"
}

launch() {  # launch JAVA_HOME: returns once the node started (-d waits for that) or failed
    local java_home="$1"
    local -a cmd=(env "ES_JAVA_HOME=${java_home}" "ES_JAVA_OPTS=-Xms512m -Xmx512m"
        "ES_PATH_CONF=${ES_HOME}/config" "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE")
    rm -f "$PIDFILE"
    LOG_SEEN="$(wc -l 2>/dev/null <"$LOG_FILE" || echo 0)"
    # The start-up output (a copy of the log until it detaches, or why it could not start)
    # goes to logs/console.log; the working directory is where its gc.log goes.
    if ((IS_ROOT)); then
        (cd "$ES_HOME/logs" && runuser -u "$ES_RUN_USER" -- "${cmd[@]}") >"$CONSOLE_LOG" 2>&1
    else
        (cd "$ES_HOME/logs" && "${cmd[@]}") >"$CONSOLE_LOG" 2>&1
    fi
}

LOG_SEEN=0  # lines of LOG_FILE from earlier runs, left out by show_logs

show_logs() {
    if [[ -s "$CONSOLE_LOG" ]]; then
        log "last lines of ${CONSOLE_LOG}:"
        tail -n 30 "$CONSOLE_LOG" >&2
    fi
    if [[ -s "$LOG_FILE" ]] && (($(wc -l <"$LOG_FILE") > LOG_SEEN)); then
        log "last lines of ${LOG_FILE}:"
        tail -n "+$((LOG_SEEN + 1))" "$LOG_FILE" | tail -n 30 >&2
    fi
}

wait_healthy() {
    local deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        healthy 5s && return 0
        node_pid >/dev/null || break  # it died: no point waiting
        sleep 1
    done
    show_logs
    die "Elasticsearch does not answer $(es_url)/_cluster/health with yellow/green" \
        "(pid: $(node_pid || echo none))"
}

announce() {
    echo "ELASTICSEARCH_URL=$(es_url)" >"$URL_FILE"
    echo "ELASTICSEARCH_URL=$(es_url)"
}

lock() {  # one start/stop at a time per ES_HOME_DIR
    if ! { mkdir -p "$STATE_DIR" && exec 9>"${STATE_DIR}/.lock"; } 2>/dev/null; then
        die "cannot write ${STATE_DIR} (made by root? run as root, or set ES_HOME_DIR)"
    fi
    flock -w 300 9 || die "another scripts/elasticsearch.sh holds ${STATE_DIR}/.lock"
}

# --- commands --------------------------------------------------------------------------------

cmd_start() {
    lock
    local pid port java_home
    if pid="$(node_pid)"; then
        log "already running (pid ${pid}) on $(es_url)"
        healthy 30s || wait_healthy
        announce
        return 0
    fi
    rm -f "$URL_FILE"
    java_home="$(find_java)"
    unpack
    ((IS_ROOT)) || [[ -w "$ES_HOME/config" ]] \
        || die "${ES_HOME} belongs to $(stat -c %U "$ES_HOME") (started as root before?): run as root"
    port="$(free_port)"  # the preferred port, or the next free one
    [[ "$port" == "$PREFERRED_PORT" ]] \
        || log "port ${PREFERRED_PORT} is taken (not by this node): using ${port}"
    configure "$port"
    ((IS_ROOT)) && ensure_user
    log "starting Elasticsearch ${ES_VERSION} on 127.0.0.1:${port} (Java $(java_major "$java_home")" \
        "from ${java_home}$( ((IS_ROOT)) && echo ", as user ${ES_RUN_USER}"))"
    launch "$java_home" || { show_logs; die "Elasticsearch did not start"; }
    wait_healthy
    log "ready: $(es_url) (pid $(node_pid), log ${LOG_FILE})"
    announce
}

cmd_stop() {
    lock
    local pid _
    if ! pid="$(node_pid)"; then
        log "not running"
        rm -f "$URL_FILE"
        return 0
    fi
    log "stopping pid ${pid} ($(es_url))"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do
        [[ -e "/proc/$pid" ]] || break
        sleep 0.5
    done
    if [[ -e "/proc/$pid" ]]; then
        log "pid ${pid} still running after 60 s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
    fi
    rm -f "$PIDFILE" "$URL_FILE"
    log "stopped"
}

cmd_status() {
    local pid
    if ! pid="$(node_pid)"; then
        log "not running (start it: $0 start)"
        exit 3
    fi
    if healthy; then
        log "running: pid ${pid}, Elasticsearch ${ES_VERSION}, $(es_url)"
        echo "ELASTICSEARCH_URL=$(es_url)"
    else
        log "pid ${pid} runs but $(es_url)/_cluster/health does not answer yellow/green (yet)"
        exit 3
    fi
}

cmd_url() {
    [[ -f "$URL_FILE" ]] || die "not started (run: $0 start)"
    cat "$URL_FILE"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    java) find_java ;;
    *)
        echo "usage: $0 start|stop|status|url|java" >&2
        exit 2
        ;;
esac
