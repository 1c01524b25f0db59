#!/usr/bin/env bash
# Compares sentence-embedding centrality with the summarizer's TF-IDF graph on the QMSum
# validation set (see README.md). Needs the network once, for the model and ONNX Runtime (about
# 130 MB in ~/.m2). Usage: bench/embeddings/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/embeddings"
cd "$root"
./mvnw -q -B -o -Dskip.web=true test-compile 2>/dev/null || ./mvnw -q -B -Dskip.web=true test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
./mvnw -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$root/target/embeddings-classpath.txt" >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt):$(cat target/embeddings-classpath.txt)"
rm -rf target/embeddings-classes
javac -nowarn -d target/embeddings-classes -cp "$classpath" $(find "$here/src" -name '*.java')
exec java -cp "target/embeddings-classes:$classpath" io.sightline.quality.EmbeddingBench
