#!/usr/bin/env bash
# CPU of the test JVM while a burn-in watches ten real containers at 1 Hz (stacks/ten-services:
# events, ten followed logs at one line/s each, ten stats streams). In one JVM: a warm-up burn-in,
# then SHORT and LONG; (CPU(LONG) - CPU(SHORT)) / (watched(LONG) - watched(SHORT)) is the watch's
# share of one core (build, start, evidence and teardown cancel). Also prints the CPU sampled
# inside each watch and the heap in use after a full GC following each run.
#
#   bench/harness-cpu.sh [SHORT] [LONG] [WARMUP|none]     (default PT30S PT150S PT10S)
#
# Takes about 4 minutes. Needs the Docker engine and stagegate/busybox-base:1. Builds into
# target/ only; never installs into ~/.m2. Exits non-zero when the share exceeds 2 % of one core.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
short="${1:-PT30S}"
long="${2:-PT150S}"
warm="${3:-PT10S}"

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-junit -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-junit/target/test-classes:$root/gate-junit/target/classes:$(cat "$cpfile")"
work="$root/gate-junit/target/bench-cpu-$(date +%Y%m%d-%H%M%S)"

echo "load before: $(uptime)"
status=0
(cd "$root/gate-junit" && TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  java -cp "$classpath" dev.stagegate.junit.bench.HarnessCpuBench "$work" "$short" "$long" "$warm") \
  || status=$?
echo "load after:  $(uptime)"
exit "$status"
