#!/usr/bin/env bash
# Build step (package phase): extracts target/sightline.jar into target/app/, makes the JVM's
# start-up archive there from a training run (the hidden `train` command) with the JDK that builds
# — an AOT cache on JDK 25+ (JEP 483/514), a dynamic CDS archive on 17–24 — and writes the
# launcher target/bin/sightline. Usage: start-archive.sh JAVA_HOME TARGET_DIR EXAMPLE_FILE
set -euo pipefail
java_home="$1"; target="$2"; example="$3"
java="$java_home/bin/java"
# the archive holds the class path as given: the same absolute path the launcher runs
app="$(mkdir -p "$target/app" && cd "$target/app" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"

rm -rf "${app:?}"/*
"$java" -Djarmode=tools -jar "$target/sightline.jar" extract --destination "$app" >/dev/null

feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
runtime="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release" 2>/dev/null || true)"
if [ "${SIGHTLINE_SKIP_ARCHIVE:-false}" = true ] || [ -z "$runtime" ]; then
  echo "start-archive: no start-up archive (SIGHTLINE_SKIP_ARCHIVE, or no release file in $java_home)"
else
  if [ "$feature" -ge 25 ]; then
    archive=(-XX:AOTCacheOutput="$app/sightline.aot")
  else
    archive=(-XX:ArchiveClassesAtExit="$app/sightline.jsa")
  fi
  data="$(mktemp -d)"
  trap 'rm -rf "$data"' EXIT
  log="$target/start-archive.log"
  if ! "$java" "${archive[@]}" -jar "$app/sightline.jar" train "$example" --data-dir "$data" > "$log" 2>&1; then
    echo "start-archive: the training run failed; see $log" >&2
    exit 1
  fi
  printf 'runtime=%s\nfeature=%s\n' "$runtime" "$feature" > "$app/start-archive.properties"
  echo "start-archive: $(ls "$app" | grep -E '^sightline\.(aot|jsa)$') for Java $runtime"
fi

mkdir -p "$target/bin"
cp "$here/sightline" "$target/bin/sightline"
chmod +x "$target/bin/sightline"
