#!/usr/bin/env bash
# Fail-fast latency of a burn-in: N injections of a worker death into a running PT10M burn-in of
# stacks/good (one stack start per injection, ~15 s each), measured from the engine's `die` event
# to BurnInEvidence.endedAt (target p95 <= 1 s), and separately from the injection command to
# EngineTestKit reporting the failed test (evidence capture and teardown included).
#
#   bench/failfast-latency.sh [N] [kill|exec]     (default 20, kill)
#
#   kill: `docker kill <worker>` (the engine reports `kill`, then `die`)
#   exec: `docker exec <worker> kill -9 -1` (the worker process dies inside; only `die`)
#
# Needs the Docker engine and stagegate/busybox-base:1 (scripts/docker-setup.sh). Builds into
# target/ only; never installs into ~/.m2. Exits non-zero when p95 > 1 s or an injection failed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20}"
inject="${2:-kill}"

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-junit -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-junit/target/test-classes:$root/gate-junit/target/classes:$(cat "$cpfile")"
work="$root/gate-junit/target/bench-failfast-$(date +%Y%m%d-%H%M%S)"

echo "load before: $(uptime)"
status=0
# Fixture gates name their compose files relative to the module, as Failsafe runs them.
(cd "$root/gate-junit" && TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  java -cp "$classpath" dev.stagegate.junit.bench.FailFastLatencyBench "$n" "$work" "$inject") \
  || status=$?
echo "load after:  $(uptime)"
exit "$status"
