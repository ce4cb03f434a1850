#!/usr/bin/env bash
# Heap benchmark of a 24-hour watch: 20 ServiceRecorders fed a simulated day (stats at 1 Hz,
# 100 log lines/s) as fast as possible; used heap after GC per simulated hour.
#
#   bench/harness-heap.sh [HOURS] [LIMIT_MB]     (default 24 hours, 64 MiB)
#
# Runs the bench twice: with the JVM's default heap and with -Xmx96m (a recorder that grew
# would die there). Exits non-zero when either run fails: heap above LIMIT_MB after any hour,
# or the last hour more than 10 % and 4 MiB above hour 2. Builds into target/ only; never
# installs into ~/.m2. Not part of the test suite (takes a minute or two).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
hours="${1:-24}"
limit="${2:-64}"

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-assertions -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-assertions/target/test-classes:$root/gate-assertions/target/classes:$(cat "$cpfile")"

status=0
for heap in "" "-Xmx96m"; do
  echo "== java ${heap:-(default heap)} HeapBench $hours $limit"
  # shellcheck disable=SC2086
  java $heap -cp "$classpath" dev.stagegate.assertions.watch.HeapBench "$hours" "$limit" || status=1
done
exit "$status"
