#!/usr/bin/env bash
# Upload-to-completed time of the one-hour talk's SRT with the extractive summarizer: from the
# POST until the SSE stream delivers `completed`. Prints each run and the median.
# Usage: bench/upload-to-completed.sh [RUNS]   (default 10; the first run is a warm-up, not counted)
source "$(dirname "$0")/common.sh"
runs="${1:-10}"
start_server
times=()
for i in $(seq 0 "$runs"); do
  start=$(date +%s%N)
  task=$(curl -sf -F "file=@${BENCH_SRT}" "$BENCH_BASE/api/summaries" | json_field task_id)
  curl -sfN --max-time 120 "$BENCH_BASE/api/progress/$task/events" | grep -q '"status":"completed"'
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  if [ "$i" -eq 0 ]; then echo "warm-up: ${ms} ms"; else echo "run $i: ${ms} ms"; times+=("$ms"); fi
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d runs: %d ms (min %d, max %d)\n", NR, m, a[1], a[NR]}'
