#!/usr/bin/env bash
# A big recording upload (issue 16): makes a WAV of SIZE_MB (1024) with ffmpeg, starts the server
# on -Xmx512m (BENCH_HEAP) with a transcription endpoint set (an address nothing answers: the
# upload is what is measured), uploads the file with curl and samples the server's heap in use
# (from its metrics) and its RSS every 0.25 s meanwhile; then cancels the task and reports the
# upload's time and the most heap and RSS seen against the idle server's.
# Usage: bench/big-recording.sh [SIZE_MB]
source "$(dirname "$0")/common.sh"
size="${1:-1024}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx${BENCH_HEAP:-512m} -XX:+ExitOnOutOfMemoryError}"
wav="$BENCH_DATA/recording.wav"
seconds=$(( size * 1024 * 1024 / 32000 ))
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=$seconds" \
  -ac 1 -ar 16000 -c:a pcm_s16le "$wav"
echo "recording: $(( $(stat -c %s "$wav") / 1048576 )) MB of WAV, $seconds s"
start_server --sightline.asr.base-url=http://127.0.0.1:9/v1

heap_mb() {
  curl -s "$BENCH_BASE/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}'
}
rss_mb() { echo $(( $(ps -o rss= -p "$BENCH_PID") / 1024 )); }

idle_heap=$(heap_mb); idle_rss=$(rss_mb)
samples="$BENCH_DATA/samples"
( while true; do echo "$(heap_mb) $(rss_mb)" >> "$samples"; sleep 0.25; done ) &
sampler=$!
started=$(date +%s.%N)
answer=$(curl -s -w '\n%{http_code}' -F "file=@$wav;filename=recording.wav" "$BENCH_BASE/api/summaries")
took=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
kill "$sampler" 2>/dev/null || true
code=$(tail -n 1 <<<"$answer")
task=$(head -n 1 <<<"$answer" | json_field task_id 2>/dev/null || echo "")
[ -n "$task" ] && curl -s -X POST "$BENCH_BASE/api/progress/$task/cancel" >/dev/null || true
max_heap=$(awk '{ if ($1 > m) m = $1 } END { print m }' "$samples")
max_rss=$(awk '{ if ($2 > m) m = $2 } END { print m }' "$samples")
echo "upload: HTTP $code in $took s ($(wc -l < "$samples") samples)"
echo "heap in use: idle $idle_heap MB, most during the upload $max_heap MB"
echo "RSS: idle $idle_rss MB, most during the upload $max_rss MB"
