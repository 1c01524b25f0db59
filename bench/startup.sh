#!/usr/bin/env bash
# Start-up to readiness: starts the server RUNS times on a fresh data dir each time and prints the
# milliseconds from launch to the first 200 of /actuator/health/readiness (polled every 20 ms),
# then the median. LAUNCH is the command that starts it (default: java -jar target/sightline.jar;
# e.g. LAUNCH=target/bin/sightline, or JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 LAUNCH=...).
# Also prints the server's resident memory (RSS) once ready and idle.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${BENCH_PORT:-18080}"
LAUNCH="${LAUNCH:-java -jar target/sightline.jar}"
times=()
for i in $(seq 1 "$RUNS"); do
  data="$(mktemp -d /tmp/sightline-start-XXXXXX)"
  t0=$(date +%s%N)
  $LAUNCH --server.port="$PORT" --sightline.data-dir="$data" > "$data/server.log" 2>&1 &
  pid=$!
  ready=""
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  t1=$(date +%s%N)
  if [ -z "$ready" ]; then echo "run $i: not ready; see $data/server.log" >&2; kill "$pid" 2>/dev/null || true; exit 1; fi
  ms=$(( (t1 - t0) / 1000000 ))
  sleep "${RSS_SETTLE_SECONDS:-3}"
  # the JVM is the launched process or its only java child (a launcher script execs it)
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$jpid/status" 2>/dev/null || echo "?")
  echo "run $i: ready in ${ms} ms, idle RSS ${rss} MB"
  times+=("$ms")
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
