#!/usr/bin/env bash
# Slow senders (issue 20): CONNECTIONS (3000) clients trickle one header line every INTERVAL (10) s
# and never finish their headers, from many loopback addresses (PER_ADDRESS, 200, each: below the
# per-address limit, so every one is accepted and must be closed by the header deadline); a normal
# poll runs every 0.5 s meanwhile. Reports how long the slow connections lived and the polls'
# latencies. Server settings as shipped (sightline.http.header-deadline=10s) unless BENCH_SERVER_ARGS
# says otherwise. Usage: bench/slow-senders.sh [CONNECTIONS] [INTERVAL] [PER_ADDRESS]
source "$(dirname "$0")/common.sh"
connections="${1:-3000}"; interval="${2:-10}"; per_address="${3:-200}"
start_server ${BENCH_SERVER_ARGS:-}
python3 "$(dirname "$0")/slow-senders.py" "$BENCH_PORT" "$connections" "$interval" "$per_address" \
  /actuator/health/readiness
curl -sf "$BENCH_BASE/actuator/health/readiness" >/dev/null && echo "server ready afterwards" \
  || { echo "server NOT ready afterwards; see $BENCH_DATA/server.log"; exit 1; }
curl -s "$BENCH_BASE/actuator/prometheus" | grep '^sightline_http_connections_closed' || true
