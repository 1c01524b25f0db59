#!/usr/bin/env bash
# Throughput and latency of GET /api/progress/{id} with wrk over many tasks.
# Usage: bench/progress-poll.sh [CONNECTIONS] [SECONDS] [TASKS]   (defaults 64, 20, 200)
# BENCH_MODE=multi-user polls as a signed-in program (an API token on every request).
# Needs wrk (Debian package `wrk`).
source "$(dirname "$0")/common.sh"
connections="${1:-64}"; seconds="${2:-20}"; tasks="${3:-200}"
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 2; }
auth=()
if [ "${BENCH_MODE:-single-user}" = multi-user ]; then
  # a user and an API token made on the data dir before the server starts; every request carries the token
  jar="$(cd "$(dirname "$0")/.." && pwd)/target/sightline.jar"
  echo "a bench password" > "$BENCH_DATA/password.txt"
  java -jar "$jar" user add bench --password-file "$BENCH_DATA/password.txt" --data-dir "$BENCH_DATA" 2>/dev/null
  export BENCH_TOKEN="$(java -jar "$jar" token create --user bench --data-dir "$BENCH_DATA" 2>/dev/null)"
  auth=(-H "Authorization: Bearer $BENCH_TOKEN")
  BENCH_SERVER_ARGS="${BENCH_SERVER_ARGS:-} --sightline.security.mode=multi-user --sightline.limits.tasks-per-minute=0 --sightline.limits.running-per-user=0"
fi
start_server ${BENCH_SERVER_ARGS:-}
ids="$BENCH_DATA/ids.txt"
small="$BENCH_DATA/small.srt"
printf '1\n00:00:01,000 --> 00:00:05,000\nReliable systems need careful thinking about failure and retries today.\n\n2\n00:00:06,000 --> 00:00:09,000\nExponential backoff with jitter spreads retries over time for everyone.\n' > "$small"
for _ in $(seq 1 "$tasks"); do
  curl -sf "${auth[@]}" -F "file=@${small}" "$BENCH_BASE/api/summaries" | json_field task_id >> "$ids"
done
# let the tasks finish so the benchmark reads steady rows
last=$(tail -n 1 "$ids")
for _ in $(seq 1 240); do
  curl -sf "${auth[@]}" "$BENCH_BASE/api/progress/$last" | grep -q '"status":"processing"' || break
  sleep 0.25
done
# warm the JIT first (the first seconds of a fresh JVM run at a third of the steady rate)
IDS_FILE="$ids" wrk -t2 -c"$connections" -d"${WARMUP_SECONDS:-20}s" -s "$(dirname "$0")/progress-poll.lua" "$BENCH_BASE" >/dev/null
IDS_FILE="$ids" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$(dirname "$0")/progress-poll.lua" "$BENCH_BASE" \
  | tee "$BENCH_DATA/wrk.txt"
