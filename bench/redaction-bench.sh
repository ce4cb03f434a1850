#!/usr/bin/env bash
# Redaction recall and false-positive rate on the committed corpus of fake secrets of real formats
# (gate-report/src/test/resources/redact/secrets.txt) and look-alike non-secrets (lookalikes.txt),
# per family and per class, then the redactor's throughput on ordinary log lines.
#
#   bench/redaction-bench.sh             # figures
#   bench/redaction-bench.sh --verbose   # figures, then every miss and every changed look-alike
#
# The corpus is written by bench/redaction-corpus-gen.py (seeded; rerun it only to change it).
# Needs gate-report's test classes; this script compiles them (no install).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
echo "compiling ..." >&2
mvn -B -q -ntp -pl gate-report test-compile -Dspotless.check.skip=true > /dev/null
CPFILE=$(mktemp)
mvn -B -q -ntp -pl gate-report dependency:build-classpath -DincludeScope=test \
  -Dmdep.outputFile="$CPFILE" > /dev/null
CP="gate-report/target/test-classes:gate-report/target/classes:$(cat "$CPFILE")"
rm -f "$CPFILE"
java -cp "$CP" dev.stagegate.report.redact.RedactionBench "$@"
