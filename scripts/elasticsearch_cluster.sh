#!/usr/bin/env bash
# A private Elasticsearch cluster of several nodes on 127.0.0.1, for the tests that need
# replicas (issue 11 §7): each node is scripts/elasticsearch.sh with its own home, ports and
# node name, in the cluster "hdnd-cluster", finding the others through discovery.seed_hosts.
# It never touches the shared single node of scripts/elasticsearch.sh (var/elasticsearch).
#
#   scripts/elasticsearch_cluster.sh start    start the nodes, wait for all of them, print ELASTICSEARCH_URL=...
#   scripts/elasticsearch_cluster.sh stop     stop the nodes it started
#   scripts/elasticsearch_cluster.sh status   the cluster's health (exit 3 if it does not answer)
#
# A start begins from empty data directories (a throwaway test cluster: a node that kept the
# data of an earlier cluster would refuse to join a new one). Each node has a 512 MB heap.
# Overridable: ES_CLUSTER_DIR (default var/elasticsearch-cluster), ES_CLUSTER_NODES (2),
# ES_CLUSTER_HTTP_PORT (9250: node i prefers 9250+i-1), ES_CLUSTER_TRANSPORT_PORT (9350).
# Only `start` and `status` print to stdout: ELASTICSEARCH_URL=http://... (the first node).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
NODE_SCRIPT="${REPO_ROOT}/scripts/elasticsearch.sh"
CLUSTER_DIR="$(realpath -m -- "${ES_CLUSTER_DIR:-${REPO_ROOT}/var/elasticsearch-cluster}")"
NODES="${ES_CLUSTER_NODES:-2}"
HTTP_PORT="${ES_CLUSTER_HTTP_PORT:-9250}"
TRANSPORT_PORT="${ES_CLUSTER_TRANSPORT_PORT:-9350}"
CLUSTER_NAME=hdnd-cluster

log() { echo "[elasticsearch_cluster.sh] $*" >&2; }
die() { echo "[elasticsearch_cluster.sh] ERROR: $*" >&2; exit 1; }

[[ "$NODES" =~ ^[1-9]$ ]] || die "ES_CLUSTER_NODES must be 1..9"
[[ "$HTTP_PORT" =~ ^[0-9]+$ && "$TRANSPORT_PORT" =~ ^[0-9]+$ ]] || die "ports must be numbers"

# shellcheck source=lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
port_busy() { tcp_port_busy "$1"; }

node_name() { echo "hdnd-node-$1"; }
node_dir() { echo "${CLUSTER_DIR}/node-$1"; }

node() {  # node I COMMAND: scripts/elasticsearch.sh for node I
    local i="$1"
    shift
    ES_HOME_DIR="$(node_dir "$i")" ES_CLUSTER_NAME="$CLUSTER_NAME" ES_NODE_NAME="$(node_name "$i")" \
        ES_PORT="$((HTTP_PORT + i - 1))" "$NODE_SCRIPT" "$@"
}

first_url() { node 1 url 2>/dev/null | sed -n 's/^ELASTICSEARCH_URL=//p'; }

cmd_start() {
    local i port seeds="" transport=() running=0
    for i in $(seq 1 "$NODES"); do
        node "$i" status >/dev/null 2>&1 && running=$((running + 1))
    done
    if ((running == NODES)); then
        log "already running: ${NODES} nodes"
        echo "ELASTICSEARCH_URL=$(first_url)"
        return 0
    fi
    ((running == 0)) || die "only ${running} of ${NODES} nodes run: $0 stop, then start"
    # Transport ports are fixed before any node starts: every node lists all of them.
    port="$TRANSPORT_PORT"
    for i in $(seq 1 "$NODES"); do
        while port_busy "$port"; do
            port=$((port + 1))
            ((port < TRANSPORT_PORT + 100)) || die "no free transport port from ${TRANSPORT_PORT}"
        done
        transport+=("$port")
        seeds+="${seeds:+,}127.0.0.1:${port}"
        port=$((port + 1))
    done
    for i in $(seq 1 "$NODES"); do
        rm -rf "$(node_dir "$i")"/elasticsearch-*/data
        log "starting $(node_name "$i") (transport ${transport[i - 1]})"
        # The first node bootstraps the cluster alone; the others join it through the seeds.
        ES_TRANSPORT_PORT="${transport[i - 1]}" ES_SEED_HOSTS="$seeds" \
            ES_INITIAL_MASTERS="$( ((i == 1)) && node_name 1)" node "$i" start >/dev/null
    done
    local url
    url="$(first_url)"
    curl -fsS -o /dev/null --max-time 120 \
        "${url}/_cluster/health?wait_for_nodes=${NODES}&timeout=90s" \
        || die "the cluster at ${url} does not reach ${NODES} nodes"
    local nodes
    nodes="$(curl -fsS "${url}/_cluster/health" | sed -n 's/.*"number_of_nodes":\([0-9]*\).*/\1/p')"
    [[ "$nodes" == "$NODES" ]] || die "the cluster at ${url} has ${nodes:-?} nodes, not ${NODES}"
    log "ready: ${NODES} nodes in ${CLUSTER_NAME}, ${url}"
    echo "ELASTICSEARCH_URL=${url}"
}

cmd_stop() {
    local i
    for i in $(seq "$NODES" -1 1); do
        node "$i" stop || true
    done
}

cmd_status() {
    local url
    url="$(first_url)" && [[ -n "$url" ]] || { log "not started"; exit 3; }
    curl -fsS --max-time 10 "${url}/_cluster/health" >&2 || { log "no answer from ${url}"; exit 3; }
    echo >&2
    echo "ELASTICSEARCH_URL=${url}"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
