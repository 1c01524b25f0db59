#!/usr/bin/env bash
# Job throughput: summaries per minute of the one-hour talk's SRT (extractive summarizer), from
# the first upload to the last task completed, with JOBS uploads submitted at once (8 in flight).
# Usage: bench/job-throughput.sh [JOBS] [NODES]   (defaults 60, 1)
#   BENCH_DB=h2 (default; one node only) or BENCH_DB=postgres: a fresh database on the local
#   PostgreSQL (BENCH_PG, default 127.0.0.1:5432 as postgres), created and dropped by the script;
#   with NODES=2 two servers share it and the uploads alternate between them.
# BENCH_SERVER_ARGS passes server settings to every node (e.g. --db-scheduler.threads=8).
source "$(dirname "$0")/common.sh"
jobs="${1:-60}"; nodes="${2:-1}"; db_kind="${BENCH_DB:-h2}"
pg="${BENCH_PG:-127.0.0.1:5432}"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/sightline.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
[ "$db_kind" = postgres ] || [ "$nodes" = 1 ] || { echo "several nodes need BENCH_DB=postgres" >&2; exit 2; }
pids=(); ports=(); db=""
stop_all() { # errexit is on: a stopped server's status must not end the clean-up early
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$db" ]; then
    psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$BENCH_DATA"
}
trap stop_all EXIT
db_args=()
if [ "$db_kind" = postgres ]; then
  db="sightline_bench_$$"
  psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $db"
  db_args=(--spring.datasource.url="jdbc:postgresql://$pg/$db" --spring.datasource.username=postgres)
fi
for n in $(seq 1 "$nodes"); do
  port=$((BENCH_PORT + n - 1)); ports+=("$port")
  mkdir -p "$BENCH_DATA/node$n"
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --sightline.data-dir="$BENCH_DATA/node$n" \
    "${db_args[@]}" ${BENCH_SERVER_ARGS:-} > "$BENCH_DATA/node$n.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 160); do curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break; sleep 0.25; done
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "node on $port not ready" >&2; exit 1; }
done
PORTS="${ports[*]}"; export PORTS BENCH_SRT
submit() { # one upload through node (index mod nodes); prints the task id
  local all=($PORTS)
  curl -sf -F "file=@${BENCH_SRT}" "http://127.0.0.1:${all[$(( $1 % ${#all[@]} ))]}/api/summaries" | json_field task_id
}
export -f submit json_field
wait_all() { # waits until every task in the file has finished; prints how many completed
  python3 - "$1" "${ports[0]}" <<'PY'
import json, sys, time, urllib.request
ids = [line.strip() for line in open(sys.argv[1]) if line.strip()]
base = f"http://127.0.0.1:{sys.argv[2]}"
pending, completed = set(ids), 0
while pending:
    for task in list(pending):
        state = json.load(urllib.request.urlopen(f"{base}/api/progress/{task}"))
        if state["status"] != "processing":
            pending.discard(task)
            completed += state["status"] == "completed"
    if pending:
        time.sleep(0.05)
print(completed)
PY
}
# warm-up: a few summaries per node so the JIT has seen the pipeline
for i in $(seq 0 $(( 4 * nodes - 1 ))); do submit "$i" >> "$BENCH_DATA/warm.txt"; done
wait_all "$BENCH_DATA/warm.txt" >/dev/null
start=$(date +%s%N)
seq 0 $(( jobs - 1 )) | xargs -P 8 -I{} bash -c 'submit {}' > "$BENCH_DATA/ids.txt"
completed=$(wait_all "$BENCH_DATA/ids.txt")
end=$(date +%s%N)
python3 - "$jobs" "$completed" "$start" "$end" "$db_kind" "$nodes" <<'PY'
import sys
jobs, completed, start, end, kind, nodes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
seconds = (end - start) / 1e9
print(f"{kind}, {nodes} node(s): {completed} of {jobs} summaries completed in {seconds:.1f} s = {completed / seconds * 60:.0f} per minute")
PY
