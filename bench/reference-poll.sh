#!/usr/bin/env bash
# The reference design's progress endpoint (bench/reference/progress_service.py: FastAPI, uvicorn,
# one worker) under the same wrk load as bench/progress-poll.sh, so both are measured on one machine.
# Usage: bench/reference-poll.sh [CONNECTIONS] [SECONDS] [TASKS]   (defaults 64, 20, 200)
# Needs wrk, python3-fastapi and python3-uvicorn (Debian packages); REFERENCE_LOOP=asyncio|uvloop,
# REFERENCE_HTTP=h11|httptools choose uvicorn's event loop and HTTP parser (default: uvloop, httptools).
set -euo pipefail
connections="${1:-64}"; seconds="${2:-20}"; tasks="${3:-200}"
port="${BENCH_PORT:-18081}"; base="http://127.0.0.1:${port}"
here="$(cd "$(dirname "$0")" && pwd)"
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 2; }
data="$(mktemp -d /tmp/sightline-reference-XXXXXX)"
/usr/bin/python3 -m uvicorn --app-dir "$here/reference" progress_service:app --port "$port" --workers 1 \
  --loop "${REFERENCE_LOOP:-uvloop}" --http "${REFERENCE_HTTP:-httptools}" --no-access-log --log-level warning \
  > "$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 80); do curl -sf -o /dev/null "$base/docs" && break; sleep 0.25; done
for _ in $(seq 1 "$tasks"); do
  curl -sf -X POST "$base/api/tasks" | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['task_id'])" >> "$data/ids.txt"
done
IDS_FILE="$data/ids.txt" wrk -t2 -c"$connections" -d"${WARMUP_SECONDS:-5}s" -s "$here/progress-poll.lua" "$base" >/dev/null
IDS_FILE="$data/ids.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/progress-poll.lua" "$base"
