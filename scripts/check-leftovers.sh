#!/usr/bin/env bash
# Fails when any container, network, volume or image carrying the gate's label is left behind.
set -euo pipefail
left=$( { docker ps -aq -f label=dev.stagegate; docker network ls -q -f label=dev.stagegate;
          docker volume ls -q -f label=dev.stagegate; docker images -q -f label=dev.stagegate; } | wc -l)
if [ "$left" -ne 0 ]; then
  echo "[leftovers] $left resources labelled dev.stagegate are left behind:"
  docker ps -a -f label=dev.stagegate; docker network ls -f label=dev.stagegate
  docker volume ls -f label=dev.stagegate; docker images -f label=dev.stagegate
  exit 1
fi
echo "[leftovers] none: no container, network, volume or image labelled dev.stagegate"
