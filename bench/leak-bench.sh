#!/usr/bin/env bash
# Runs SeriesJudge on every file of a leak-bench manifest and compares with the expected verdicts.
#
#   bench/leak-bench.sh [BENCH_DIR]     (default: ../shared/leak-bench relative to the repo root)
#
# Prints a table and "N/M correct"; exits 1 on any mismatch, 2 when the bench or the build is
# missing. Builds gate-assertions (and gate-model) into target/ only; never installs into ~/.m2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="${1:-$root/../shared/leak-bench}"
manifest="$bench/manifest.csv"
if [[ ! -f "$manifest" ]]; then
  echo "leak-bench: no manifest at $manifest" >&2
  exit 2
fi

cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
# One reactor invocation, so gate-model resolves from the reactor rather than from ~/.m2; the
# last module written (gate-assertions) leaves its runtime classpath in $cpfile.
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-assertions -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-assertions/target/classes:$(cat "$cpfile")"

total=0
correct=0
printf '%-28s %-8s %-13s %-13s %s\n' FILE METRIC EXPECTED ACTUAL SLOPE/HOUR
while IFS=, read -r file metric expected _; do
  [[ -z "$file" ]] && continue
  total=$((total + 1))
  line="$(cd "$bench" && java -cp "$classpath" dev.stagegate.assertions.SeriesJudge "$file" || true)"
  read -r _ actual slope <<<"$line"
  actual="${actual:-error}"
  mark="ok"
  if [[ "$actual" == "$expected" ]]; then
    correct=$((correct + 1))
  else
    mark="MISMATCH"
  fi
  printf '%-28s %-8s %-13s %-13s %-10s %s\n' "$file" "$metric" "$expected" "$actual" "${slope:--}" "$mark"
done < <(tail -n +2 "$manifest")

echo "$correct/$total correct"
[[ "$correct" -eq "$total" ]]
