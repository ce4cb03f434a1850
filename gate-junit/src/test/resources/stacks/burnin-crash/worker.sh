#!/bin/sh
# Healthy worker (heartbeat every second) that exits 3 after 8 batches (~8 s).
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
n=0
while [ "$n" -lt 8 ]; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  sleep 1
done
log "lease lost after batch $n, stopping with exit code 3"
exit 3
