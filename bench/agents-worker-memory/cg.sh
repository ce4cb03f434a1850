#!/usr/bin/env bash
# the worker container's cgroup v1 memory counters every $1 s (host side)
INT=${1:-20}; OUT=$2; start=$(date +%s)
echo -e "t_s\tusage\trss\tcache\tactive_file\tinactive_file\tmapped_file\tkmem" > "$OUT"
while true; do
  cid=$(docker ps -q --no-trunc --filter label=com.docker.compose.service=worker --filter label=com.docker.compose.project.working_dir=$(cd "$(dirname "$0")/../../examples/agents" && pwd) | head -1)
  if [[ -n "$cid" ]]; then
    d=/sys/fs/cgroup/memory/docker/$cid
    s=$(awk '$1=="total_rss"{r=$2} $1=="total_cache"{c=$2} $1=="total_active_file"{a=$2} $1=="total_inactive_file"{i=$2} $1=="total_mapped_file"{m=$2} END{printf "%d\t%d\t%d\t%d\t%d", r,c,a,i,m}' $d/memory.stat)
    echo -e "$(( $(date +%s) - start ))\t$(cat $d/memory.usage_in_bytes)\t$s\t$(cat $d/memory.kmem.usage_in_bytes 2>/dev/null)" >> "$OUT"
  fi
  sleep "$INT"
done
