#!/bin/sh
# Healthy worker: a batch every second, heartbeat file for the healthcheck.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  sleep 1
done
