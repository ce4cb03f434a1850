#!/bin/sh
# Healthy for 6 batches (~6 s), then awk (exec'd, so it is init's child) keeps every string it
# builds: ~800 KiB every 0.1 s until the 32 MiB limit makes the kernel OOM-kill it (SIGKILL, 137).
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
n=0
while [ "$n" -lt 6 ]; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  sleep 1
done
log "warming the task cache"
( while true; do date +%s > /tmp/heartbeat; sleep 1; done ) &
exec awk 'BEGIN {
  pad = sprintf("%1000s", "")
  for (i = 1; ; i++) {
    cache[i] = pad i
    if (i % 800 == 0) {
      system("usleep 100000")
      if (i % 8000 == 0) {
        printf "%s INFO worker task cache holds %d entries\n", strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1), i
        fflush()
      }
    }
  }
}'
