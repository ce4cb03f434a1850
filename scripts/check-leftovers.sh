#!/usr/bin/env bash
# Fails when a container, network, volume or image labelled dev.stagegate is left behind by a gate
# run that is over: its owner (labels dev.stagegate.host / dev.stagegate.pid) is a process on this
# host that no longer runs. Resources of a gate that is still running are not leftovers.
set -euo pipefail
host=$(hostname)
left=0
kept=0
report() { # kind id name host pid
  if [ "$4" = "$host" ] && [ -n "$5" ] && kill -0 "$5" 2>/dev/null; then return; fi
  echo "[leftovers] $1 $3 (owner $4/$5 is gone)"
  left=$((left + 1))
}
now=$(date +%s)
while read -r id; do
  line=$(docker inspect -f '{{.Name}} {{.State.Running}} {{.Created}} {{index .Config.Labels "dev.stagegate.host"}} {{index .Config.Labels "dev.stagegate.pid"}}' "$id" 2>/dev/null) || continue
  read -r name running created h p <<< "$line"
  if [ -z "$p" ]; then
    # a build step of a live build carries the marker before its owner labels: only an old one counts
    age=$(( now - $(date -d "$created" +%s) ))
    if [ "$running" = true ] || [ "$age" -le 120 ]; then continue; fi
  fi
  report container "$id" "$name" "$h" "$p"
done < <(docker ps -aq -f label=dev.stagegate)
while read -r id; do
  read -r name h p < <(docker network inspect -f '{{.Name}} {{index .Labels "dev.stagegate.host"}} {{index .Labels "dev.stagegate.pid"}}' "$id")
  report network "$id" "$name" "$h" "$p"
done < <(docker network ls -q -f label=dev.stagegate)
while read -r name; do
  read -r h p < <(docker volume inspect -f '{{index .Labels "dev.stagegate.host"}} {{index .Labels "dev.stagegate.pid"}}' "$name")
  report volume "$name" "$name" "$h" "$p"
done < <(docker volume ls -q -f label=dev.stagegate)
while read -r id; do
  # an image removed meanwhile by a live run is not a leftover
  # built images carry one label, dev.stagegate=<run>/<host>/<pid>
  line=$(docker image inspect -f '{{.Created}} {{index .Config.Labels "dev.stagegate"}}' "$id" 2>/dev/null) || continue
  read -r created packed <<< "$line"
  # a passing gate keeps its tested images under <project>/<service>:<commit> for the deploy: an
  # image carrying a name other than a run's temporary stagegate-<run>-<service>:gate is wanted
  if docker image inspect -f '{{range .RepoTags}}{{println .}}{{end}}' "$id" | grep -v '^$' | grep -qv '^stagegate-'; then
    kept=$((kept + 1))
    continue
  fi
  IFS=/ read -r _ h p <<< "$packed"
  if [ -z "$p" ] && [ $(( now - $(date -d "$created" +%s) )) -le 120 ]; then continue; fi
  report image "$id" "$id" "$h" "$p"
done < <(docker images -q -f label=dev.stagegate | sort -u)
if [ "$left" -ne 0 ]; then
  echo "[leftovers] $left resources left behind by finished gate runs"
  exit 1
fi
echo "[leftovers] none: nothing labelled dev.stagegate is left by a finished gate run ($kept tested image(s) kept for a deploy under their tags)"
