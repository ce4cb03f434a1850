#!/usr/bin/env bash
# Throughput of the stagegate log audit against `LC_ALL=C grep -cE 'Error|Traceback'` (the seed
# protocol's check) on the same ~1 GB log. The audit must reach at least 0.75x grep's MB/s.
#
#   bench/log-audit-bench.sh            # generates /tmp/stagegate-bench-1024m.log once, then reuses it
#   BENCH_MB=256 bench/log-audit-bench.sh
#   BASELINE_REF=9ddc3bd bench/log-audit-bench.sh   # also times the audit as of that commit
#
# Each tool runs RUNS times (default 3) after the file is in the page cache, the tools taking turns
# within each round so that a machine shared with other work slows them alike; the best wall time
# counts, JVM start-up included. Needs the modules compiled; this script compiles them (no install;
# a BASELINE_REF is exported with git archive and compiled under /tmp).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MB=${BENCH_MB:-1024}
RUNS=${RUNS:-3}
LOG=${BENCH_LOG:-/tmp/stagegate-bench-${MB}m.log}
CHUNK=/tmp/stagegate-bench-chunk-16m.log

# A 16 MiB chunk of realistic lines, repeated: awk is too slow to write 1 GB itself, cat is not.
# Mix: 55% INFO request lines, 25% DEBUG, 15% benign "0 errors" summaries, ~5% WARN, 0.05% ERROR
# and 0.025% six-line Python tracebacks.
generate_chunk() {
  awk -v target=$((16 * 1024 * 1024)) '
  BEGIN {
    srand(42);
    split("api worker scheduler db-pool http cache auth billing", comp, " ");
    split("GET POST PUT DELETE", meth, " ");
    split("/api/v1/orders /api/v1/users/42 /api/v1/errors/summary /healthz /api/v1/invoices /static/app.js", path, " ");
    split("alice bob carol dave erin frank", users, " ");
    n = 0; bytes = 0;
    while (bytes < target) {
      n++;
      ts = sprintf("2024-05-01T12:%02d:%02d.%03dZ", int(n / 600) % 60, int(n / 10) % 60, n % 1000);
      r = rand();
      if (r < 0.55) {
        line = sprintf("%s INFO [%s-%d] %s %s %d %dms user=%s request_id=%08x bytes=%d", ts, comp[int(rand()*8)+1], int(rand()*16), meth[int(rand()*4)+1], path[int(rand()*6)+1], (rand() < 0.97 ? 200 : 404), int(rand()*900), users[int(rand()*6)+1], int(rand()*2147483647), int(rand()*65536));
      } else if (r < 0.80) {
        line = sprintf("%s DEBUG [%s-%d] cache lookup key=session:%08x hit=%s ttl=%ds connection pool size=%d idle=%d", ts, comp[int(rand()*8)+1], int(rand()*16), int(rand()*2147483647), (rand() < 0.8 ? "true" : "false"), int(rand()*3600), 20, int(rand()*20));
      } else if (r < 0.95) {
        line = sprintf("%s INFO [scheduler-%d] processed %d tasks, 0 errors in %dms; queue depth=%d errors=0", ts, int(rand()*4), int(rand()*500), int(rand()*5000), int(rand()*100));
      } else if (r < 0.9995) {
        line = sprintf("%s WARN [http-%d] slow response from upstream inventory-service after %dms, retrying after transient error (attempt %d of 3)", ts, int(rand()*16), 1000 + int(rand()*4000), int(rand()*3)+1);
      } else if (r < 0.99975) {
        line = sprintf("%s ERROR [db-pool-%d] could not obtain connection from pool within 30000ms: timeout", ts, int(rand()*4));
      } else {
        line = "Traceback (most recent call last):\n  File \"/app/worker.py\", line 88, in run\n    result = handler(payload)\n  File \"/app/handlers.py\", line 17, in handler\n    raise ValueError(\"unexpected payload\")\nValueError: unexpected payload";
      }
      print line;
      bytes += length(line) + 1;
    }
  }' > "$CHUNK"
}

size_of() { stat -c %s "$1"; }

if [[ ! -f "$LOG" ]] || (( $(size_of "$LOG") < MB * 1024 * 1024 )); then
  echo "generating $LOG (${MB} MiB) ..." >&2
  [[ -f "$CHUNK" ]] || generate_chunk
  tmp="$LOG.tmp"
  : > "$tmp"
  for ((i = 0; i < MB / 16; i++)); do cat "$CHUNK" >> "$tmp"; done
  mv "$tmp" "$LOG"
fi

echo "compiling ..." >&2
cd "$ROOT"
mvn -B -q -pl gate-assertions -am compile
CPFILE=$(mktemp)
mvn -B -q -pl gate-assertions -am dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$CPFILE" > /dev/null
CP="gate-model/target/classes:gate-assertions/target/classes:$(cat "$CPFILE")"
rm -f "$CPFILE"

BASE_CP=""
if [[ -n "${BASELINE_REF:-}" ]]; then
  BASE_DIR=/tmp/stagegate-bench-baseline-$(git rev-parse --short "$BASELINE_REF")
  if [[ ! -d "$BASE_DIR/gate-assertions/target/classes" ]]; then
    rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
    git archive "$BASELINE_REF" | tar -x -C "$BASE_DIR"
    (cd "$BASE_DIR" && mvn -B -q -pl gate-assertions -am compile -Dspotless.check.skip=true) >&2
  fi
  BASE_CP="$BASE_DIR/gate-model/target/classes:$BASE_DIR/gate-report/target/classes:$BASE_DIR/gate-assertions/target/classes:${CP#*gate-assertions/target/classes:}"
fi

cat "$LOG" > /dev/null # page cache, so both tools read from memory
BYTES=$(size_of "$LOG")

# wall time in seconds of one run of "$@", its stdout in $OUT
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
time_once() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$OUT"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

GREP_S="" JAVA_S="" BASE_S=""
for ((r = 0; r < RUNS; r++)); do
  GREP_S=$(min "$GREP_S" "$(time_once env LC_ALL=C grep -cE 'Error|Traceback' "$LOG")")
  GREP_COUNT=$(cat "$OUT")
  JAVA_S=$(min "$JAVA_S" "$(time_once java -cp "$CP" dev.stagegate.assertions.logs.LogAuditCli "$LOG")")
  JAVA_OUT=$(cat "$OUT")
  if [[ -n "$BASE_CP" ]]; then
    BASE_S=$(min "$BASE_S" "$(time_once java -cp "$BASE_CP" dev.stagegate.assertions.logs.LogAuditCli "$LOG")")
    BASE_OUT=$(cat "$OUT")
  fi
done

awk -v bytes="$BYTES" -v g="$GREP_S" -v j="$JAVA_S" -v gc="$GREP_COUNT" -v jo="$JAVA_OUT" -v file="$LOG" \
  -v b="$BASE_S" -v bo="${BASE_OUT:-}" -v ref="${BASELINE_REF:-}" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  mib = bytes / 1048576;
  printf "file:      %s, %.0f MiB\n", file, mib;
  printf "grep:      %6.3f s  %7.1f MB/s  (%s matching lines)\n", g, mib / g, gc;
  printf "stagegate: %6.3f s  %7.1f MB/s  (%s)\n", j, mib / j, jo;
  printf "ratio:     %.2f x grep (target >= 0.75)\n", (mib / j) / (mib / g);
  if (b != "") {
    printf "baseline:  %6.3f s  %7.1f MB/s  (%s, as of %s)\n", b, mib / b, bo, ref;
    printf "baseline ratio: %.2f x grep\n", (mib / b) / (mib / g);
  }
  printf "load average at the end: %s (2 cores)\n", load;
}'
