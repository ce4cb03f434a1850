#!/bin/sh
# Long-running worker that quietly dies: healthy for ~3 s, then exit 1.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
for n in 1 2 3; do
  date +%s > /tmp/heartbeat
  log "processed batch $n (10 tasks)"
  sleep 1
done
log "stopping"
exit 1
