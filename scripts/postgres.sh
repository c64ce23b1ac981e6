#!/usr/bin/env bash
# A local PostgreSQL 15 for development and CI, from Debian's packages.
#
#   scripts/postgres.sh start    install if missing, create/start the cluster, print DATABASE_URL
#   scripts/postgres.sh stop     stop the cluster
#   scripts/postgres.sh status   show the cluster; exit 0 if it accepts connections, 3 if not
#   scripts/postgres.sh url      print DATABASE_URL
#
# It runs its own cluster (15/hdnd, not Debian's 15/main) so the locale is right whatever
# the machine's default: initdb with C.UTF-8 and UTF8, hence template1 (which pytest-django's
# test_<name> database is copied from) is UTF-8 too and lower('ĐÀ NẴNG') = 'đà nẵng'.
# It listens on 127.0.0.1 only, on port 5432 unless that is taken (then the next free one).
# The role may create databases (pytest-django creates test_<name>) and owns its database;
# `unaccent` is installed in template1 and in the database.
#
# Only `start` and `url` print to stdout (the URL); progress goes to stderr, so
#   export DATABASE_URL="$(scripts/postgres.sh start)"
# works. Runs as root (uses pg_ctlcluster and runuser); otherwise through sudo.
# Overridable: PG_CLUSTER, PG_PORT (preferred port), PG_DB, PG_USER, PG_PASSWORD.
set -euo pipefail

PG_VERSION=15
CLUSTER="${PG_CLUSTER:-hdnd}"
PREFERRED_PORT="${PG_PORT:-5432}"
DB_NAME="${PG_DB:-hdnd}"
DB_USER="${PG_USER:-hdnd}"
DB_PASSWORD="${PG_PASSWORD:-hdnd}"
LOCALE="C.UTF-8"
SOCKET_DIR=/var/run/postgresql
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"

log() { echo "[postgres.sh] $*" >&2; }
die() { echo "[postgres.sh] ERROR: $*" >&2; exit 1; }

for name in "$CLUSTER" "$DB_NAME" "$DB_USER"; do
    [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain lower-case identifier: '$name'"
done
[[ "$DB_PASSWORD" =~ ^[A-Za-z0-9_.-]+$ ]] || die "PG_PASSWORD may only hold letters, digits, _ . -"
[[ "$PREFERRED_PORT" =~ ^[0-9]+$ ]] || die "PG_PORT must be a number"

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
    as_postgres() { (cd / && runuser -u postgres -- "$@"); }
else
    command -v sudo >/dev/null || die "run as root (or install sudo)"
    SUDO=(sudo)
    as_postgres() { (cd / && sudo -u postgres -- "$@"); }
fi

installed() {
    [[ -x "$PG_BIN/postgres" ]] && command -v pg_createcluster >/dev/null \
        && command -v pg_ctlcluster >/dev/null && command -v psql >/dev/null \
        && [[ -f "/usr/share/postgresql/${PG_VERSION}/extension/unaccent.control" ]]
}

install_postgres() {
    installed && return 0
    # On Debian 12 the contrib modules (unaccent among them) ship inside postgresql-15;
    # there is no postgresql-contrib-15 package.
    log "installing postgresql-${PG_VERSION} from Debian packages"
    "${SUDO[@]}" apt-get update -qq >&2
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o Dpkg::Use-Pty=0 "postgresql-${PG_VERSION}" "postgresql-client-${PG_VERSION}" \
        >&2 || die "apt-get install postgresql-${PG_VERSION} failed"
    installed || die "postgresql-${PG_VERSION} installed but its programs are missing"
}

cluster_exists() { [[ -f "/etc/postgresql/${PG_VERSION}/${CLUSTER}/postgresql.conf" ]]; }

cluster_port() { pg_conftool -s "$PG_VERSION" "$CLUSTER" show port; }

cluster_online() {
    pg_lsclusters -h 2>/dev/null \
        | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' \
        | grep -qx online
}

# shellcheck source=lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
port_busy() {
    local port="$1"
    # Something listening on TCP, or another cluster's Unix socket with that number.
    if tcp_port_busy "$port"; then return 0; fi
    [[ -e "${SOCKET_DIR}/.s.PGSQL.${port}" || -e "${SOCKET_DIR}/.s.PGSQL.${port}.lock" ]]
}

database_url() { echo "postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:$(cluster_port)/${DB_NAME}"; }

psql_admin() {  # psql_admin DB [psql args...]: as the postgres superuser, over the Unix socket
    local db="$1"
    shift
    as_postgres env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -p "$(cluster_port)" -d "$db" "$@"
}

create_cluster() {
    local port
    port="$(free_port)"
    log "creating cluster ${PG_VERSION}/${CLUSTER} (locale ${LOCALE}, UTF8, 127.0.0.1:${port})"
    "${SUDO[@]}" pg_createcluster "$PG_VERSION" "$CLUSTER" \
        --port "$port" --locale "$LOCALE" --encoding UTF8 >&2
}

configure_cluster() {
    # Re-written on every start, in case the cluster was made by hand or by an older script.
    # conf.d/ is read after postgresql.conf, so these win; the port stays in postgresql.conf,
    # where pg_lsclusters and pg_conftool look for it.
    local conf="/etc/postgresql/${PG_VERSION}/${CLUSTER}"
    if ! grep -Eq "^include_dir *= *'conf.d'" "$conf/postgresql.conf"; then
        echo "include_dir = 'conf.d'" | "${SUDO[@]}" tee -a "$conf/postgresql.conf" >/dev/null
    fi
    "${SUDO[@]}" install -d -o postgres -g postgres -m 755 "$conf/conf.d"
    # A development/test cluster: losing the last transactions on a crash is fine, waiting
    # for each commit's flush is not (the test suite commits a lot).
    "${SUDO[@]}" tee "$conf/conf.d/50-hdnd.conf" >/dev/null <<CONF
# Written by scripts/postgres.sh; edits are overwritten on the next start.
listen_addresses = '127.0.0.1'
synchronous_commit = off
CONF
}

wait_ready() {
    local port _
    port="$(cluster_port)"
    for _ in $(seq 1 60); do
        if pg_isready -q -h 127.0.0.1 -p "$port"; then return 0; fi
        sleep 1
    done
    log "last lines of the server log:"
    tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${CLUSTER}.log" >&2 || true
    die "PostgreSQL ${PG_VERSION}/${CLUSTER} does not accept connections on 127.0.0.1:${port}"
}

restart_if_upgraded() {
    # apt upgrading postgresql-15 under a running server (no init system restarts it here)
    # leaves the old binary running against new libraries: plpgsql then fails to load.
    local running installed_version
    running="$(psql_admin postgres -tA -c "SHOW server_version" | awk '{print $1}')"
    installed_version="$("$PG_BIN/postgres" --version | awk '{print $3}')"
    if [[ "$running" != "$installed_version" ]]; then
        log "server ${running} running, ${installed_version} installed: restarting"
        "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" restart >&2
        wait_ready
    fi
}

provision() {
    log "ensuring role '${DB_USER}' (LOGIN CREATEDB) and database '${DB_NAME}'"
    psql_admin postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
        CREATE ROLE ${DB_USER} LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    ELSE
        ALTER ROLE ${DB_USER} LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    END IF;
END
\$\$;
SQL
    if [[ -z "$(psql_admin postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")" ]]; then
        psql_admin postgres -c "CREATE DATABASE ${DB_NAME} OWNER ${DB_USER} ENCODING 'UTF8' \
            LC_COLLATE '${LOCALE}' LC_CTYPE '${LOCALE}' TEMPLATE template0"
    fi
    # Databases copied from template1 (pytest-django's test_<name>) get unaccent for free;
    # it is also a trusted extension, so the owner of a database may create it there.
    psql_admin template1 -c "CREATE EXTENSION IF NOT EXISTS unaccent"
    psql_admin "$DB_NAME" -c "CREATE EXTENSION IF NOT EXISTS unaccent"

    # Refuse a database that cannot lower-case Vietnamese (e.g. made by hand with SQL_ASCII).
    local db check
    for db in template1 "$DB_NAME"; do
        check="$(psql_admin "$db" -tA -c "SELECT pg_encoding_to_char(encoding) || ' ' || datctype
            || ' ' || (lower('ĐÀ NẴNG') = 'đà nẵng') || ' ' || (unaccent('Hội đồng') = 'Hoi dong')
            FROM pg_database WHERE datname = current_database()")"
        [[ "$check" == "UTF8 ${LOCALE} true true" ]] \
            || die "database ${db} is not usable (encoding, ctype, lower, unaccent: ${check})"
    done
}

cmd_start() {
    install_postgres
    cluster_exists || create_cluster
    configure_cluster
    if ! cluster_online; then
        local port
        port="$(free_port)"  # the preferred port, or the next free one
        if [[ "$port" != "$(cluster_port)" ]]; then
            log "port $(cluster_port) -> ${port} (${PREFERRED_PORT} is preferred, unless taken)"
            "${SUDO[@]}" pg_conftool "$PG_VERSION" "$CLUSTER" set port "$port"
        fi
        [[ -d "$SOCKET_DIR" ]] || "${SUDO[@]}" install -d -o postgres -g postgres -m 2775 "$SOCKET_DIR"
        log "starting ${PG_VERSION}/${CLUSTER} on 127.0.0.1:${port}"
        "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" start >&2
    fi
    wait_ready
    restart_if_upgraded
    provision
    log "ready: $(database_url)"
    database_url
}

cmd_stop() {
    if cluster_exists && cluster_online; then
        log "stopping ${PG_VERSION}/${CLUSTER}"
        "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$CLUSTER" stop >&2
    else
        log "${PG_VERSION}/${CLUSTER} is not running"
    fi
}

cmd_status() {
    if ! installed; then
        log "postgresql-${PG_VERSION} is not installed"
        exit 3
    fi
    if ! cluster_exists; then
        log "cluster ${PG_VERSION}/${CLUSTER} does not exist (run: $0 start)"
        exit 3
    fi
    pg_lsclusters | awk -v v="$PG_VERSION" -v c="$CLUSTER" 'NR == 1 || ($1 == v && $2 == c)' >&2
    if pg_isready -q -h 127.0.0.1 -p "$(cluster_port)"; then
        log "accepting connections: $(database_url)"
    else
        log "not accepting connections"
        exit 3
    fi
}

cmd_url() {
    cluster_exists || die "cluster ${PG_VERSION}/${CLUSTER} does not exist (run: $0 start)"
    database_url
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    *)
        echo "usage: $0 start|stop|status|url" >&2
        exit 2
        ;;
esac
