#!/usr/bin/env bash
# Question latency without a model (issue 15): uploads the one-hour talk, waits for its summary, then
# asks it QUESTIONS (default 30) questions in turn and reports the median and slowest answer time as the
# client sees it (curl's time_total), after 5 warm-up questions. Usage: bench/questions.sh [QUESTIONS]
source "$(dirname "$0")/common.sh"
count="${1:-30}"
start_server
created=$(curl -s -F "file=@$BENCH_SRT" "$BENCH_BASE/api/summaries")
task=$(json_field task_id <<<"$created")
summary=$(json_field summary_id <<<"$created")
until curl -s "$BENCH_BASE/api/progress/$task" | grep -q '"completed"'; do sleep 0.2; done
questions=("What do they say about code reviews?" "Why do programmers hide their code?" "What is the genius myth?"
  "How should teams handle failure?" "What about criticism and ego?" "When should you show your work?")
ask() {
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"question\": \"$1\"}" "$BENCH_BASE/api/summaries/$summary/questions"
}
for i in $(seq 1 5); do ask "${questions[$((i % 6))]}" >/dev/null; done
for i in $(seq 1 "$count"); do ask "${questions[$((i % 6))]}"; done | sort -n | awk '
  {t[NR] = $1} END {printf "questions %d: median %.1f ms, slowest %.1f ms\n", NR, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000}'
