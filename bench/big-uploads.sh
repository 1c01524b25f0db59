#!/usr/bin/env bash
# Big uploads on a small heap (issue 20): starts the server with -Xmx512m (BENCH_HEAP), uploads in turn
# each file bench/big-uploads.py makes (SIZE_MB each, default 20: one line of text, short lines, SRT
# and VTT of tiny cues, deeply nested Markdown), polls the task every 250 ms while it runs and reports
# for each: how it ended, how long it took, the slowest poll, and the heap after it (used, from the
# server's own metrics); then checks the server is still ready. Usage: bench/big-uploads.sh [SIZE_MB]
source "$(dirname "$0")/common.sh"
size="${1:-20}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx${BENCH_HEAP:-512m} -XX:+ExitOnOutOfMemoryError}"
files="$BENCH_DATA/files"
mkdir -p "$files"
python3 "$(dirname "$0")/big-uploads.py" "$files" "$size"
start_server

heap_used() {
  curl -s "$BENCH_BASE/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}'
}

printf '%-16s %9s %-10s %-40s %8s %10s %9s\n' file size status "failure code / note" seconds "max poll" "heap MB"

for file in one-line.txt short-lines.txt tiny-cues.srt tiny-cues.vtt nested.md; do
  started=$(date +%s.%N)
  answer=$(curl -s -w '\n%{http_code}' -F "file=@$files/$file" "$BENCH_BASE/api/summaries")
  code=$(tail -n 1 <<<"$answer")
  if [ "$code" != 202 ]; then
    printf '%-16s %8sM %-10s %-40s\n' "$file" "$size" "HTTP $code" "$(head -n 1 <<<"$answer" | head -c 40)"
    continue
  fi
  task=$(head -n 1 <<<"$answer" | json_field task_id)
  slowest=0
  while true; do
    poll=$(curl -s -m 30 -w '\n%{time_total}' "$BENCH_BASE/api/progress/$task" || true)
    took=$(tail -n 1 <<<"$poll")
    slowest=$(python3 -c "print(max($slowest, $took))")
    # a poll that got no answer within 30 s counts with its time and is asked again
    state=$(head -n 1 <<<"$poll" | python3 -c "
import json, sys
try:
    print(json.load(sys.stdin)['status'])
except ValueError:
    print('processing')")
    if ! kill -0 "$BENCH_PID" 2>/dev/null; then
      state=gone
      break
    fi
    [ "$state" = processing ] || break
    sleep 0.25
  done
  ended=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
  detail=$(head -n 1 <<<"$poll" | python3 -c "
import json, sys
try:
    print((json.load(sys.stdin).get('failure') or {}).get('code') or '')
except ValueError:
    print('no answer: the server is gone')")
  if [ "$state" = completed ]; then
    summary=$(head -n 1 <<<"$poll" | json_field summary_id)
    detail=$(curl -s "$BENCH_BASE/api/summaries/$summary" | python3 -c "
import json, sys
md = json.load(sys.stdin)['summary_markdown']
print('cut: ' + md.split('The transcript has ')[1].split(';')[0] if 'The transcript has ' in md else 'whole')")
  fi
  printf '%-16s %8sM %-10s %-40s %8s %9.3fs %9s\n' "$file" "$size" "$state" "${detail:0:40}" "$ended" "$slowest" "$(heap_used)"
done
curl -sf "$BENCH_BASE/actuator/health/readiness" >/dev/null && echo "server ready afterwards" \
  || { echo "server NOT ready afterwards; see $BENCH_DATA/server.log"; exit 1; }
