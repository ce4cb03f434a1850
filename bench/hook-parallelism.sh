#!/usr/bin/env bash
# Post-deploy hooks run in parallel: five slow hooks of every kind (HTTP JSON 400 ms, metric
# 300 ms, command 500 ms, user hook 600 ms, TCP connect) against local peers, run together by one
# HookRunner and, in the same round, one after the other; medians over ROUNDS.
#
#   bench/hook-parallelism.sh [ROUNDS]     (default 5)
#
# Exits non-zero when the parallel run takes more than its slowest hook + 250 ms. Builds into
# target/ only; never installs into ~/.m2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-assertions -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-assertions/target/test-classes:$root/gate-assertions/target/classes:$(cat "$cpfile")"
java -cp "$classpath" dev.stagegate.assertions.deploy.HookParallelismBench "$rounds"
