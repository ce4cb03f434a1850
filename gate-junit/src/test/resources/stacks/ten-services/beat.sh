#!/bin/sh
# Idle heartbeat worker: one INFO line and a heartbeat file every second, nothing else.
name="${1:-beat}"
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO $name $1"; }
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "heartbeat $n"
  sleep 1
done
