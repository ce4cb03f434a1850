#!/usr/bin/env bash
# Redaction recall and false-positive rate on the committed corpus of fake secrets of real formats
# (gate-report/src/test/resources/redact/secrets.txt) and look-alike non-secrets (lookalikes.txt),
# per family and per class, then the redactor's throughput on ordinary log lines: first for a
# baseline commit's redactor (default 9ddc3bd, before issue 14), then for the working tree's, in
# one run, so the two are compared side by side on the same machine load.
#
#   bench/redaction-bench.sh                  # baseline, then current
#   BASELINE= bench/redaction-bench.sh        # current only
#   bench/redaction-bench.sh --verbose        # also every miss and every changed look-alike
#
# The corpus is written by bench/redaction-corpus-gen.py (seeded; rerun it only to change it).
# Needs gate-report's test classes; this script compiles them (no install).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASELINE=${BASELINE-9ddc3bd}
cd "$ROOT"
echo "compiling ..." >&2
# -am: gate-report's gate-model comes from the reactor (target/), never from a stale ~/.m2.
mvn -B -q -ntp -pl gate-report -am test-compile -Dspotless.check.skip=true > /dev/null
CPFILE=$(mktemp)
mvn -B -q -ntp -pl gate-report -am dependency:build-classpath -DincludeScope=test \
  -Dmdep.outputFile="$CPFILE" > /dev/null
DEPS=$(cat "$CPFILE")
rm -f "$CPFILE"
CURRENT="gate-report/target/test-classes:gate-report/target/classes:gate-model/target/classes:$DEPS"

if [[ -n "$BASELINE" ]]; then
  # The baseline's redact package, compiled against today's other classes; first on the classpath,
  # it stands in for today's Redactor (same public API), while the corpus and runner stay the same.
  BASE=$(mktemp -d)
  git archive "$BASELINE" gate-report/src/main/java/dev/stagegate/report/redact | tar -x -C "$BASE"
  mkdir -p "$BASE/classes"
  javac -nowarn -d "$BASE/classes" -cp "gate-report/target/classes:$DEPS" \
    $(find "$BASE/gate-report" -name '*.java')
  echo "=== baseline $BASELINE ==="
  java -cp "$BASE/classes:$CURRENT" dev.stagegate.report.redact.RedactionBench "$@"
  rm -rf "$BASE"
  echo
  echo "=== current ($(git rev-parse --short HEAD)$(git diff --quiet -- gate-report || echo +changes)) ==="
fi
java -cp "$CURRENT" dev.stagegate.report.redact.RedactionBench "$@"
