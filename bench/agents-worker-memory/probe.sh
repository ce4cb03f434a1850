#!/usr/bin/env bash
# samples the worker container's processes (host-side /proc, no exec into the container) every $1 s
INT=${1:-20}; OUT=${2:-samples.tsv}; PROJ=${3:-}
start=$(date +%s)
echo -e "t_s\tcid\tpid\tcomm\trss_kb\trss_anon_kb\tcg_rss\tcg_cache\tcmd" > "$OUT"
while true; do
  if [[ -n "$PROJ" ]]; then
    cid=$(docker ps -q --filter label=com.docker.compose.project=$PROJ --filter label=com.docker.compose.service=worker | head -1)
  else
    cid=$(docker ps -q --filter label=com.docker.compose.service=worker --filter label=com.docker.compose.project.working_dir=$(cd "$(dirname "$0")/../../examples/agents" && pwd) | head -1)
  fi
  now=$(( $(date +%s) - start ))
  if [[ -n "$cid" ]]; then
    full=$(docker inspect -f '{{.Id}}' "$cid")
    st=/sys/fs/cgroup/memory/docker/$full/memory.stat
    cgr=$(awk '$1=="total_rss"{print $2}' $st 2>/dev/null); cgc=$(awk '$1=="total_cache"{print $2}' $st 2>/dev/null)
    for p in $(docker top "$cid" -eo pid | tail -n +2); do
      [[ -r /proc/$p/status ]] || continue
      rss=$(awk '/^VmRSS/{print $2}' /proc/$p/status); ra=$(awk '/^RssAnon/{print $2}' /proc/$p/status)
      cmd=$(tr '\0' ' ' </proc/$p/cmdline | cut -c1-80)
      echo -e "$now\t${cid:0:12}\t$p\t$(cat /proc/$p/comm)\t$rss\t$ra\t$cgr\t$cgc\t$cmd" >> "$OUT"
    done
  fi
  sleep "$INT"
done
