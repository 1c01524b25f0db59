#!/usr/bin/env bash
# Start-up to readiness: starts the server RUNS times on a fresh data dir each time and prints the
# milliseconds from launch to the first 200 of /actuator/health/readiness (polled every 20 ms),
# then the median. LAUNCH is the command that starts it (default: java -jar target/sightline.jar;
# e.g. LAUNCH=target/bin/sightline, or JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 LAUNCH=...).
# Also prints the CPU time the JVM used until ready and its resident memory (RSS) once idle.
# REUSE_DATA=1 keeps one data dir across runs (after a first, unmeasured start that creates the
# database): a restart, rather than a first start that also creates the schema.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${BENCH_PORT:-18080}"
LAUNCH="${LAUNCH:-java -jar target/sightline.jar}"
times=()
shared=""
if [ -n "${REUSE_DATA:-}" ]; then
  shared="$(mktemp -d /tmp/sightline-start-XXXXXX)"
  $LAUNCH --server.port="$PORT" --sightline.data-dir="$shared" > "$shared/first.log" 2>&1 &
  first=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$first" 2>/dev/null || { echo "first start failed; see $shared/first.log" >&2; exit 1; }
    sleep 0.1
  done
  kill "$first"; wait "$first" 2>/dev/null || true
fi
for i in $(seq 1 "$RUNS"); do
  data="${shared:-$(mktemp -d /tmp/sightline-start-XXXXXX)}"
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
  # the JVM is the launched process or its only java child (a launcher script execs it)
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  # CPU time (user + system, all threads) spent until ready: steadier than wall time on a shared machine
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$jpid/stat" 2>/dev/null || echo "?")
  sleep "${RSS_SETTLE_SECONDS:-3}"
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$jpid/status" 2>/dev/null || echo "?")
  echo "run $i: ready in ${ms} ms (${cpu} s CPU), idle RSS ${rss} MB"
  times+=("$ms")
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  [ -n "$shared" ] || rm -rf "$data"
done
[ -z "$shared" ] || rm -rf "$shared"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
