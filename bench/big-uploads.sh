#!/usr/bin/env bash
# Big uploads on a small heap (issue 20): starts the server with -Xmx512m (BENCH_HEAP) and GC logging,
# uploads in turn each file bench/big-uploads.py makes for each size (SIZE_MB each, default 20: one
# line of text, short lines, SRT and VTT of tiny cues, deeply nested Markdown), polls the task every
# 250 ms while it runs and reports for each: how it ended, how long it took, the slowest poll, and the
# task's peak heap: the most heap in use after a collection while it ran (from the GC log; an upper
# bound of what it held, as a young collection leaves old garbage in place), less the server's after
# a full collection just before, and that as a multiple of the file's size; then checks the server is still
# ready. Usage: bench/big-uploads.sh [SIZE_MB...]
source "$(dirname "$0")/common.sh"
sizes=("${@:-20}")
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx${BENCH_HEAP:-512m} -XX:+ExitOnOutOfMemoryError} -Xlog:gc:file=$BENCH_DATA/gc.log"
files="$BENCH_DATA/files"
for size in "${sizes[@]}"; do
  mkdir -p "$files/$size"
  python3 "$(dirname "$0")/big-uploads.py" "$files/$size" "$size"
done
start_server

# the most heap in use after a collection in the GC log's lines from FROM on, in MB
live_after() {
  tail -n +"$1" "$BENCH_DATA/gc.log" | sed -n 's/.*->\([0-9]*\)M(.*/\1/p' | sort -n | tail -1
}
gc_lines() { wc -l < "$BENCH_DATA/gc.log"; }
# the server's live heap before a task: after a full collection, so no earlier task's garbage counts
idle_now() {
  local from; from=$(( $(gc_lines) + 1 ))
  jcmd "$BENCH_PID" GC.run >/dev/null 2>&1 || true
  sleep 1
  live_after "$from"
}
echo "idle live heap after a full collection: $(idle_now) MB"

printf '%-16s %9s %-10s %-40s %8s %10s %10s %8s\n' file size status "failure code / note" seconds "max poll" \
  "peak MB" "x size"

for size in "${sizes[@]}"; do
for file in one-line.txt short-lines.txt tiny-cues.srt tiny-cues.vtt nested.md; do
  idle=$(idle_now)
  from=$(( $(gc_lines) + 1 ))
  started=$(date +%s.%N)
  answer=$(curl -s -w '\n%{http_code}' -F "file=@$files/$size/$file" "$BENCH_BASE/api/summaries")
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
  peak=$(live_after "$from"); peak=$(( ${peak:-$idle} - idle ))
  bytes=$(stat -c %s "$files/$size/$file")
  ratio=$(python3 -c "print(round($peak * 1048576 / $bytes, 1))")
  printf '%-16s %8sM %-10s %-40s %8s %9.3fs %10s %8s\n' "$file" "$size" "$state" "${detail:0:40}" "$ended" \
    "$slowest" "$peak" "$ratio"
done
done
curl -sf "$BENCH_BASE/actuator/health/readiness" >/dev/null && echo "server ready afterwards" \
  || { echo "server NOT ready afterwards; see $BENCH_DATA/server.log"; exit 1; }
