#!/bin/sh
# Scheduler: enqueues the periodic cleanup task every 2 s and touches /tmp/heartbeat.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $1 beat $2"; }

log INFO "scheduler started, 1 periodic task"
while true; do
  date +%s > /tmp/heartbeat
  log INFO "scheduled task cleanup"
  sleep 2
done
