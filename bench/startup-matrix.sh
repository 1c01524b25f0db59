#!/usr/bin/env bash
# The start-up figures of docs/benchmarks.md for each JDK in JDKS (JDK homes, space-separated;
# default: the java on the PATH and a Temurin 25 under /usr/lib/jvm if there is one). For each it
# builds with that JDK (so the start-up archive is that JDK's), then measures with bench/startup.sh
# the server through target/bin/sightline on an empty data dir and on an existing one (a restart),
# and java -jar target/sightline.jar; then `--help` and `summarize --no-save` of the one-hour talk
# through the launcher and through java -jar (RUNS each, wall time). Leaves target/ built by the last JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
talk=examples/IO2009-The_Myth_of_the_Genius_Programmer.srt
default_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
jdks="${JDKS:-$default_home $(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1)}"
wall() { local t0; t0=$(date +%s%N); "$@" > /dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (median of " NR ")"}'; }
for jdk in $jdks; do
  export JAVA_HOME="$jdk"
  echo "## $("$jdk/bin/java" -version 2>&1 | head -n 1)"
  ./mvnw -B -q -DskipTests package > /dev/null
  echo "jar $(stat -c %s target/sightline.jar) bytes; archive: $(ls target/app | grep -E 'sightline\.(aot|jsa)' || echo none)"
  echo "### server, target/bin/sightline, empty data dir"; RSS_SETTLE_SECONDS=8 LAUNCH=target/bin/sightline bench/startup.sh "$RUNS"
  echo "### server, target/bin/sightline, restart on its data"; REUSE_DATA=1 RSS_SETTLE_SECONDS=0 LAUNCH=target/bin/sightline bench/startup.sh "$RUNS"
  echo "### server, java -jar target/sightline.jar, empty data dir"; RSS_SETTLE_SECONDS=0 LAUNCH="$jdk/bin/java -jar target/sightline.jar" bench/startup.sh "$RUNS"
  echo "### target/bin/sightline --help: $(for _ in $(seq 1 "$RUNS"); do wall target/bin/sightline --help; done | median)"
  echo "### target/bin/sightline summarize --no-save: $(for _ in $(seq 1 "$RUNS"); do wall target/bin/sightline summarize "$talk" --no-save; done | median)"
  echo "### java -jar --help: $(for _ in $(seq 1 "$RUNS"); do wall "$jdk/bin/java" -jar target/sightline.jar --help; done | median)"
  echo "### java -jar summarize --no-save: $(for _ in $(seq 1 "$RUNS"); do wall "$jdk/bin/java" -jar target/sightline.jar summarize "$talk" --no-save; done | median)"
done
