#!/usr/bin/env bash
# Resident memory of the server: once idle after start, and once idle again after COUNT summaries
# of the one-hour talk (extractive, 4 in flight). Started as the README does (target/bin/sightline)
# unless BENCH_LAUNCHER is set to empty; IDLE_SECONDS is how long it rests before each reading.
# Usage: bench/memory.sh [COUNT]
set -euo pipefail
source "$(dirname "$0")/common.sh"
COUNT="${1:-100}"
IDLE="${IDLE_SECONDS:-15}"
export BENCH_LAUNCHER="${BENCH_LAUNCHER-1}"
start_server
jvm=$(pgrep -P "$BENCH_PID" java || echo "$BENCH_PID")
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$jvm/status"; }
sleep "$IDLE"
echo "idle after start: $(rss) MB RSS"
submit() {
  local task
  task=$(curl -sf -F "file=@$BENCH_SRT" "$BENCH_BASE/api/summaries" | json_field task_id)
  until curl -sf "$BENCH_BASE/api/progress/$task" | grep -q '"status":"completed"'; do sleep 0.2; done
}
export -f submit json_field; export BENCH_BASE BENCH_SRT
seq 1 "$COUNT" | xargs -P 4 -I{} bash -c submit
peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$jvm/status")
sleep "$IDLE"
echo "idle after $COUNT summaries: $(rss) MB RSS (peak $peak MB)"
