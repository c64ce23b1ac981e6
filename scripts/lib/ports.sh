# Sourced by the scripts that start a private server (elasticsearch.sh, elasticsearch_cluster.sh,
# postgres.sh, redis.sh): one way to find a free port. Each script defines die(), and
# port_busy() unless tcp_port_busy is all it needs (postgres.sh also checks Unix sockets).

# tcp_port_busy PORT: something listens on 127.0.0.1:PORT.
tcp_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: PREFERRED_PORT, or the next port port_busy calls free, within 100 of it.
free_port() {
    local port="$PREFERRED_PORT"
    while port_busy "$port"; do
        port=$((port + 1))
        ((port < PREFERRED_PORT + 100)) || die "no free port in ${PREFERRED_PORT}..${port}"
    done
    echo "$port"
}
