#!/usr/bin/env bash
# Usage: bash bench/agents-worker-memory/experiments.sh (about 5 min; brings up and removes the
# compose project agents-memprobe). probe.sh / cg.sh sample a running gate's worker from the host
# while e.g. AgentsBurnInIT runs: bash probe.sh 20 out.tsv & ... See docs/sample-agents-audit.md.
# Where does the worker's memory go? Four experiments on a stack of its own (project agents-memprobe).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../examples/agents"
P=agents-memprobe
dc() { docker compose -p $P "$@"; }
t0=$(date +%s)
dc up -d --build --wait --wait-timeout 180 >/dev/null 2>&1; echo "up --wait rc=$? in $(( $(date +%s) - t0 )) s"
cid=$(dc ps -q --no-trunc worker); cg=/sys/fs/cgroup/memory/docker/$cid
mem() { # worker cgroup: usage, rss, cache, kmem (kB); per-process RSS (kB)
  local u r c k
  u=$(( $(cat $cg/memory.usage_in_bytes) / 1024 )); k=$(( $(cat $cg/memory.kmem.usage_in_bytes) / 1024 ))
  r=$(awk '$1=="total_rss"{print int($2/1024)}' $cg/memory.stat); c=$(awk '$1=="total_cache"{print int($2/1024)}' $cg/memory.stat)
  local procs=""
  for p in $(docker top $cid -eo pid | tail -n +2); do
    [[ $(cat /proc/$p/comm 2>/dev/null) == python3 ]] && procs="$procs $p:$(awk '/^VmRSS/{print $2}' /proc/$p/status)/$(awk '/^RssAnon/{print $2}' /proc/$p/status)"
  done
  echo "$1: usage $u kB, rss $r, cache $c, kmem $k | pid:VmRSS/RssAnon$procs"
}
sleep 30; mem "settled 30 s"
echo "== A: the task functions called directly, 3000 heartbeats + 1000 scores, in a process of their own"
dc exec -T worker python3 - 3000 < "$HERE"/direct.py
mem "after A"
echo "== B: 3000 heartbeat tasks through Celery (the pool child runs them)"
dc exec -T worker python3 - 3000 < "$HERE"/through_celery.py
mem "after B"
dc exec -T worker python3 - 3000 < "$HERE"/through_celery.py
mem "after B again"
echo "== C: 60 broadcast pings (each waits its 2 s timeout) from one process (the main process answers)"
dc exec -T worker python3 - 60 < "$HERE"/pings.py
mem "after C"
echo "== D: 40 healthchecks as compose runs them (a new python3 each)"
for i in $(seq 40); do docker exec $cid sh -c 'python3 -m celery -A app.tasks inspect ping --timeout 5 -d worker@$HOSTNAME >/dev/null'; done
mem "after D"
sleep 10; mem "10 s later"
echo "== files written in the worker container in the last 10 minutes"
docker exec $cid sh -c 'find / -xdev -type f -mmin -10 2>/dev/null | grep -v "^/proc" | head -20'
dc down -v --rmi local >/dev/null 2>&1
echo "done in $(( $(date +%s) - t0 )) s"
