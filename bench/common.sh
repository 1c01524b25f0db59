# Shared by the benchmark scripts: start a Sightline server from target/sightline.jar on a fresh
# data dir, and stop it on exit. Loopback only.
set -euo pipefail
BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_BASE="http://127.0.0.1:${BENCH_PORT}"
BENCH_DATA="$(mktemp -d /tmp/sightline-bench-XXXXXX)"
BENCH_SRT="${BENCH_SRT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/examples/IO2009-The_Myth_of_the_Genius_Programmer.srt}"

# BENCH_LAUNCHER=1 starts it with target/bin/sightline (its start-up archive and defaults) instead
# of java -jar target/sightline.jar.
start_server() {
  local root jar
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  jar="$root/target/sightline.jar"
  [ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
  if [ -n "${BENCH_LAUNCHER:-}" ]; then
    JAVA_OPTS="${BENCH_JAVA_OPTS:-}" "$root/target/bin/sightline" --server.port="$BENCH_PORT" \
      --sightline.data-dir="$BENCH_DATA" "$@" > "$BENCH_DATA/server.log" 2>&1 &
  else
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$BENCH_PORT" --sightline.data-dir="$BENCH_DATA" "$@" \
      > "$BENCH_DATA/server.log" 2>&1 &
  fi
  BENCH_PID=$!
  trap 'kill $BENCH_PID 2>/dev/null || true; wait $BENCH_PID 2>/dev/null || true; rm -rf "$BENCH_DATA"' EXIT
  for _ in $(seq 1 120); do
    curl -sf "$BENCH_BASE/actuator/health/readiness" >/dev/null && return 0
    sleep 0.25
  done
  echo "server did not become ready; see $BENCH_DATA/server.log" >&2
  exit 1
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
