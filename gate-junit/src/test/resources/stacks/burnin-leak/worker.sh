#!/bin/sh
# Healthy worker; every batch (1 s) it sends a tick to a long-lived awk that keeps 136 more
# ~1 KiB strings forever (the leak). Logs go to fd 3 (the container's stdout), ticks to the pipe.
exec 3>&1
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1" >&3; }
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  echo "$n"
  sleep 1
done | awk 'BEGIN { pad = sprintf("%1000s", "") }
{
  for (j = 0; j < 136; j++) { k++; seen[k] = pad k }
  if ($1 % 10 == 0) {
    printf "%s INFO worker session cache holds %d entries\n", strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1), k
    fflush()
  }
}'
