#!/usr/bin/env bash
# Runs the image tar built by `./mvnw -B -Pimage -DskipTests package` without a container engine:
# unpacks its layers into a directory, starts its entrypoint there (chroot, own mount and PID
# namespaces, as the image's user, with the image's environment; the image has no shell) and checks that Sightline becomes
# ready and summarizes the example talk. Needs root (for chroot and mount), curl and python3.
# Usage: deploy/image/check.sh [IMAGE_TAR]   (default target/sightline-image.tar)
set -euo pipefail
cd "$(dirname "$0")/../.."
tar_file="${1:-target/sightline-image.tar}"
port="${CHECK_PORT:-18090}"; base="http://127.0.0.1:$port"
[ -f "$tar_file" ] || { echo "no image at $tar_file; build it with ./mvnw -B -Pimage -DskipTests package" >&2; exit 2; }
work="$(mktemp -d /tmp/sightline-image-XXXXXX)"
pid=""
# unshare ignores SIGTERM while it waits for its child: stop the server itself
cleanup() {
  if [ -n "$pid" ]; then pkill -TERM -P "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/archive" "$work/root"
tar --warning=no-unknown-keyword -xf "$tar_file" -C "$work/archive"
# the layers in order, then the entrypoint, environment and user from the image's configuration
python3 - "$work" > "$work/run.env" <<'PY'
import json, shlex, subprocess, sys
work = sys.argv[1]
manifest = json.load(open(f"{work}/archive/manifest.json"))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-xzf" if layer.endswith(".gz") else "-xf", f"{work}/archive/{layer}", "-C", f"{work}/root"], check=True)
config = json.load(open(f"{work}/archive/{manifest['Config']}"))["config"]
print("ENTRYPOINT=" + shlex.quote(" ".join(shlex.quote(a) for a in config["Entrypoint"] + (config.get("Cmd") or []))))
print("IMAGE_ENV=" + shlex.quote(" ".join(shlex.quote(e) for e in config.get("Env", []))))
print("IMAGE_USER=" + shlex.quote(config.get("User", "0:0")))
PY
source "$work/run.env"
echo "image: $(du -sh "$tar_file" | cut -f1), entrypoint: $ENTRYPOINT, user $IMAGE_USER"
mkdir -p "$work/root/proc"
# as a container runtime does: the standard devices (without /dev/urandom the JVM seeds its random
# numbers the slow way, for seconds) and an /etc/hosts that names the host
mkdir -p "$work/root/dev"
for device in "null 1 3" "zero 1 5" "random 1 8" "urandom 1 9"; do
  set -- $device
  mknod -m 666 "$work/root/dev/$1" c "$2" "$3"
done
printf '127.0.0.1 localhost %s\n' "$(hostname)" > "$work/root/etc/hosts"
start() {
  local t0; t0=$(date +%s%N)
  unshare --mount --pid --fork sh -c "mount -t proc proc '$work/root/proc' \
    && exec env -i $IMAGE_ENV SERVER_PORT=$port "$(command -v chroot)" --userspec='$IMAGE_USER' '$work/root' $ENTRYPOINT" >> "$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    curl -sf "$base/actuator/health/readiness" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "the image's server exited" >&2; exit 1; }
    sleep 0.05
  done
  curl -sf "$base/actuator/health/readiness" >/dev/null || { tail -40 "$work/server.log" >&2; echo "not ready in 120 s" >&2; exit 1; }
  echo "$1 start: ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}
stop() {
  pkill -TERM -P "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""
}
start first
task=$(curl -sf -F "file=@examples/IO2009-The_Myth_of_the_Genius_Programmer.srt" "$base/api/summaries" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['task_id'])")
for _ in $(seq 1 120); do
  state=$(curl -sf "$base/api/progress/$task")
  case "$state" in *'"status":"processing"'*) sleep 0.5 ;; *) break ;; esac
done
echo "$state"
case "$state" in *'"status":"completed"'*) ;; *) echo "the summary did not complete in the image" >&2; exit 1 ;; esac
[ -f "$work/root/data/sightline.mv.db" ] || { echo "no database under /data in the image" >&2; exit 1; }
# a restart, as after an update or a crash: the same data
stop
start second
curl -sf "$base/api/progress/$task" | grep -q '"status":"completed"' || { echo "the task is gone after a restart" >&2; exit 1; }
echo "image check passed: ready, summarized the example talk, data under /data, restarted on it"
