#!/usr/bin/env bash
# Scores the extractive summarizer on NAME.transcript.txt / NAME.summary.txt pairs with ROUGE-1/2/L,
# beside a lead baseline at the same word budget. Usage: bench/quality/run.sh [DIR] [BUDGET]
# Default DIR: the QMSum validation set in src/test/resources/eval/qmsum-val/txt; default BUDGET: 110.
# QUALITY_DUMP=FILE also writes each document's key points to FILE (NAME, a tab, the key point).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "${BENCH_MAIN:-io.sightline.quality.QualityHarness}" "$@"
