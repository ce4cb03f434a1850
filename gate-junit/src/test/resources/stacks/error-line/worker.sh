#!/bin/sh
# Healthy worker that logs a single ERROR line (on stdout) at startup.
log() { echo "$(date -u '+%Y-%m-%d %H:%M:%S'),000 INFO [worker] $1"; }
log "starting worker"
echo "2026-11-23 10:00:03,120 ERROR [worker] could not connect to broker at redis:6379"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  sleep 1
done
