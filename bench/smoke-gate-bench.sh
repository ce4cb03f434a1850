#!/usr/bin/env bash
# The example smoke gate (examples/.../StagingGateIT.java through Maven and Failsafe) against
# bench/smoke-gate-shell.sh doing the same steps by hand, side by side in one run.
#
#   bench/smoke-gate-bench.sh [ROUNDS]      # default 5 rounds; each round runs shell, then gate
#
# Rounds alternate (shell, gate, shell, gate, ...) so that both see the same machine load. Per
# round it records the shell script's wall time and phases, and for the gate:
#   test  - the test's time as Failsafe reports it (failsafe-reports/*.txt "Time elapsed"): the
#           JVM's Docker connection included, Maven's and the forked JVM's start-up not
#   mvn   - the wall time of the whole `mvn -B -o -q -pl examples verify -Dit.test=StagingGateIT`
# and the gate's phases, from the audit's checks table (build, up, healthy) and the timestamps of
# the Testcontainers compose lines in Maven's output (pre = from the first Testcontainers line
# to `up -d` minus the build; post = from healthy to `down -v`; down = `down -v` itself).
# Prints a table per round, the medians and the ratios median(test)/median(shell) and
# median(mvn)/median(shell). Target: test/shell <= 1.10.
#
# BENCH_OUT (default /tmp/stagegate-smoke-bench) keeps each round's output and a CSV.
#
# Measured 2026-12-07 on Docker 26.1.5, Compose 2.26.1 (BuildKit), load 0.5-1.1, median of 5 rounds:
#   shell 11.81 s; gate test 10.91 s (0.92x); mvn 14.59 s (1.24x)
#   gate vs shell phases: pre 0.61 vs 0, build 1.10 vs 1.08, up 4.40 vs 4.32, healthy 1.20 vs
#   1.19, post 2.55 vs 4.61, down 0.56 vs 0.59
# Measured 2026-11-23 on Docker 20.10, Compose v1 (2 cores, other sessions busy, load 3-9), two runs:
#   shell 14.25 / 12.27 s; gate test 20.17 / 14.78 s (1.42x / 1.20x); mvn 26.90 / 18.50 s
#   gate vs shell phases (2nd run): pre 1.23 vs 0, build 3.60 vs 1.93, up 4.00 vs 3.63,
#   healthy 1.10 vs 1.23, post 3.39 vs 4.57, down 0.94 vs 0.91
#
# Maven runs against a private local repository (BENCH_M2, default /tmp/stagegate-bench-m2, seeded
# once from ~/.m2/repository): ~/.m2 is shared with other sessions whose `mvn install` of
# gate-junit would otherwise swap the jar under a running gate (seen: NoClassDefFoundError
# dev/stagegate/junit/docker/LineSplitter mid-gate) or bench another branch's code.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
OUTDIR=${BENCH_OUT:-/tmp/stagegate-smoke-bench}
mkdir -p "$OUTDIR"
CSV=$OUTDIR/rounds.csv
M2=${BENCH_M2:-/tmp/stagegate-bench-m2}
cd "$ROOT"
if [[ ! -d $M2 ]]; then
  echo "seeding the private Maven repository $M2 from ~/.m2/repository"
  mkdir -p "$M2" && (cd ~/.m2/repository && tar --exclude=./dev/stagegate -cf - .) | tar -xf - -C "$M2"
fi
MVN=(mvn -B "-Dmaven.repo.local=$M2")

now() { echo "${EPOCHREALTIME/./}"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
  if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# seconds of the day of an slf4j-simple "HH:mm:ss.SSS" time stamp
tod() { [[ -z $1 ]] || awk -F'[:.]' '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 + $4 / 1000 }' <<<"$1"; }
# (Maven's -q output may put ANSI colour codes before the first line's time stamp)
TS='[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}'
stamp() { grep -m1 -- "$2" "$1" | grep -oE "$TS" | head -1; }
stamp_last() { grep -- "$2" "$1" | tail -1 | grep -oE "$TS" | head -1; }
diff_s() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%.2f", b - a }'; }

echo "== smoke gate bench: $ROUNDS rounds, $(nproc) cores, $(date -u +%FT%TZ)"
echo "load before: $(uptime)"
echo "other containers running on the engine: $(docker ps -q | wc -l)"
echo "building once: mvn -B -q install -DskipTests (into $M2)"
"${MVN[@]}" -o -q install -DskipTests >"$OUTDIR/install.log" 2>&1 || { tail -30 "$OUTDIR/install.log"; exit 1; }

echo "round,shell_rc,shell_s,sh_build,sh_up,sh_healthy,sh_post,sh_down,gate_rc,test_s,mvn_s,g_pre,g_build,g_up,g_healthy,g_post,g_down,g_after" >"$CSV"
printf '\n%-5s | %-6s %6s %5s %5s %5s %5s %5s | %-6s %6s %6s %5s %5s %5s %5s %5s %5s %5s\n' \
  round shell wall build up hlthy post down gate test mvn pre build up hlthy post down after
printf '%s\n' "------+--------------------------------------------+----------------------------------------------------------------"

for ((r = 1; r <= ROUNDS; r++)); do
  # --- shell
  slog=$OUTDIR/shell-$r.log
  t=$(now)
  bench/smoke-gate-shell.sh >"$slog" 2>&1; src=$?
  shell_s=$(secs "$t" "$(now)")
  ph() { awk -v n="$1" '$1 == "phase" && $2 == n { print $3 }' "$slog"; }
  sh_post=$(awk '$1 == "phase" && ($2 == "smoke" || $2 == "settle" || $2 == "stats" || $2 == "audit") { s += $3 } END { printf "%.2f", s }' "$slog")

  # --- gate
  glog=$OUTDIR/gate-$r.log
  rm -rf examples/target/failsafe-reports examples/target/stagegate
  t=$(now)
  "${MVN[@]}" -o -q -pl examples verify -Dit.test=StagingGateIT >"$glog" 2>&1; grc=$?
  mvn_s=$(secs "$t" "$(now)")
  mvn_end_tod=$(tod "$(date +%H:%M:%S.%3N)")
  test_s=$(grep -ho 'Time elapsed: [0-9.,]* s' examples/target/failsafe-reports/*.txt 2>/dev/null | head -1 | tr -d , | awk '{ print $3 }')
  audit=examples/target/stagegate/stability_audit.md
  cp "$audit" "$OUTDIR/audit-$r.md" 2>/dev/null || true
  # the audit quotes a check in more than one place (table, checklist): take the first
  g_build=$(grep -o 'rebuilt without cache in [0-9.]* s' "$audit" 2>/dev/null | head -1 | awk '{ print $5 }')
  g_up=$(grep -o 'up took [0-9.]* s' "$audit" 2>/dev/null | head -1 | awk '{ print $3 }')
  g_healthy=$(grep -o 'healthy [0-9.]* s later' "$audit" 2>/dev/null | head -1 | awk '{ print $2 }')
  tc0=$(tod "$(stamp "$glog" 'Testcontainers version')")
  up0=$(tod "$(stamp "$glog" 'running command: compose up -d')")
  up1=$(tod "$(stamp "$glog" 'Docker Compose has finished running')")
  dn0=$(tod "$(stamp "$glog" 'running command: compose down -v')")
  dn1=$(tod "$(stamp_last "$glog" 'Docker Compose has finished running')")
  g_pre=$(awk -v a="$tc0" -v b="$up0" -v bl="${g_build:-0}" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%.2f", b - a - bl }')
  g_post=$(awk -v a="$up1" -v b="$dn0" -v h="${g_healthy:-0}" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%.2f", b - a - h }')
  g_down=$(diff_s "$dn0" "$dn1")
  g_after=$(diff_s "$dn1" "$mvn_end_tod")

  echo "$r,$src,$shell_s,$(ph build),$(ph up),$(ph healthy),$sh_post,$(ph down),$grc,${test_s:-},$mvn_s,$g_pre,${g_build:-},${g_up:-},${g_healthy:-},$g_post,$g_down,$g_after" >>"$CSV"
  printf '%-5s | %-6s %6s %5s %5s %5s %5s %5s | %-6s %6s %6s %5s %5s %5s %5s %5s %5s %5s\n' \
    "$r" "$([[ $src == 0 ]] && echo PASS || echo FAIL)" "$shell_s" "$(ph build)" "$(ph up)" "$(ph healthy)" "$sh_post" "$(ph down)" \
    "$([[ $grc == 0 ]] && echo PASS || echo FAIL)" "${test_s:--}" "$mvn_s" "$g_pre" "${g_build:--}" "${g_up:--}" "${g_healthy:--}" "$g_post" "$g_down" "$g_after"
done

col() { awk -F, -v c="$1" 'NR > 1 && $c != "" && $c != "-" { printf "%s ", $c }' "$CSV"; }
m() { col "$1" | median; }
printf '%s\n' "------+--------------------------------------------+----------------------------------------------------------------"
printf '%-5s | %-6s %6s %5s %5s %5s %5s %5s | %-6s %6s %6s %5s %5s %5s %5s %5s %5s %5s\n' \
  median "" "$(m 3)" "$(m 4)" "$(m 5)" "$(m 6)" "$(m 7)" "$(m 8)" "" "$(m 10)" "$(m 11)" "$(m 12)" "$(m 13)" "$(m 14)" "$(m 15)" "$(m 16)" "$(m 17)" "$(m 18)"

shell_fail=$(awk -F, 'NR > 1 && $2 != 0' "$CSV" | wc -l)
gate_fail=$(awk -F, 'NR > 1 && $9 != 0' "$CSV" | wc -l)
ratio_test=$(awk -v a="$(m 10)" -v b="$(m 3)" 'BEGIN { printf "%.2f", a / b }')
ratio_mvn=$(awk -v a="$(m 11)" -v b="$(m 3)" 'BEGIN { printf "%.2f", a / b }')
cat <<EOF

shell: post = smoke + settle + stats + logs/inspect; gate: pre = Docker connection, compose
version, engine info, leftover sweep and override before the build; post = healthy to 'down -v'
(smoke, body, settle, stats, inspect, log audit); after = 'down -v' finished to Maven's exit
(built image removal, report, JVM and Maven shutdown).

failed runs: shell $shell_fail, gate $gate_fail (of $ROUNDS each)
median(gate test time) / median(shell) = $(m 10) / $(m 3) = ${ratio_test}x   (target <= 1.10x)
median(mvn wall)       / median(shell) = $(m 11) / $(m 3) = ${ratio_mvn}x
load after: $(uptime)
rounds: $CSV, logs and audits: $OUTDIR
EOF
