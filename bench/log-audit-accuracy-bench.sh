#!/usr/bin/env bash
# Precision/recall of the stagegate log audit on a labelled corpus of public sample logs of real
# systems, container look-alikes and crash outputs, and the share of crashes that give exactly one
# finding. The corpus and where each part comes from: bench/corpus/README.md.
#
#   bench/log-audit-accuracy-bench.sh [CORPUS_DIR]     (default: bench/corpus)
#
# Prints one row per system, every miss and false positive, then the totals; exits 1 if a target
# (recall >= 0.95 at zero false positives, >= 95 % of crashes with exactly one finding) is missed,
# 2 if the build fails. Compiles into target/ only; never installs into ~/.m2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/bench/corpus}"

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-assertions -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2 || exit 2
classpath="$root/gate-assertions/target/test-classes:$root/gate-assertions/target/classes"
classpath="$classpath:$root/gate-model/target/classes:$(cat "$cpfile")"

java -cp "$classpath" dev.stagegate.assertions.logs.LogAuditAccuracyBench "$corpus"
