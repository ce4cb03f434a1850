#!/usr/bin/env bash
# The @Load generator's accuracy and cost against a local endpoint, side by side with wrk in one
# run: achieved rate at 10, 100 and 1,000 requests/s (as sent, and as the server counted), the
# generator JVM's CPU per 1,000 requests and as a share of one core, its p50/p99; then wrk
# (Debian package `wrk`) on the same endpoint at about 100 requests/s (10 connections, each
# pausing 100 ms between requests through a Lua delay(): wrk has no rate option) for its p50/p99.
#
#   bench/load-generator-bench.sh [SECONDS_PER_RATE]     (default 30)
#
# The endpoint (BenchHttpServer) runs in its own JVM so its CPU is not counted as the
# generator's. Exits non-zero when a rate misses by more than 1 % or the generator takes 5 % or
# more of one core at 100 requests/s. Builds into target/ only; never installs into ~/.m2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-30}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

cpfile="$(mktemp)"; lua="$(mktemp --suffix=.lua)"; portfile="$(mktemp)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -f "$cpfile" "$lua" "$portfile"; }
trap cleanup EXIT
(cd "$root" && mvn -B -q -Dstyle.color=never -pl gate-junit -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
classpath="$root/gate-junit/target/test-classes:$root/gate-junit/target/classes:$root/gate-assertions/target/classes:$root/gate-model/target/classes:$root/gate-report/target/classes:$root/gate-deploy/target/classes:$(cat "$cpfile")"

java -Xmx256m -Dsun.net.httpserver.nodelay=true -cp "$classpath" dev.stagegate.junit.bench.BenchHttpServer 0 >"$portfile" &
server_pid=$!
for _ in $(seq 50); do grep -q '^port ' "$portfile" && break; sleep 0.1; done
port="$(sed -n 's/^port //p' "$portfile")"
base="http://127.0.0.1:$port"

echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); endpoint $base/api/v1/agents/list"
echo
echo "## stagegate LoadGenerator (open model, latency from the intended send time)"
gen_exit=0
java -Xmx256m -cp "$classpath" dev.stagegate.junit.bench.LoadGeneratorBench "$base" "$seconds" 10 100 1000 \
  || gen_exit=$?

echo
echo "## wrk on the same endpoint, ~100 requests/s (-t1 -c10, delay() 100 ms per connection)"
echo 'function delay() return 100 end' >"$lua"
wrk -t1 -c10 -d"${seconds}s" --latency -s "$lua" "$base/api/v1/agents/list" \
  | grep -E 'Requests/sec|^ +(50|99)%|Latency +[0-9]|requests in'
exit $gen_exit
