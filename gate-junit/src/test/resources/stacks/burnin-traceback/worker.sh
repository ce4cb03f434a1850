#!/bin/sh
# Healthy worker that logs one Python traceback to stderr at batch 8 (~8 s), then carries on.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
traceback() {
  cat >&2 <<'TB'
Traceback (most recent call last):
  File "/app/worker.py", line 42, in run
    result = process(task)
  File "/app/worker.py", line 17, in process
    raise ValueError("task payload is empty")
ValueError: task payload is empty
TB
}
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  log "processed batch $n (10 tasks)"
  [ "$n" -eq 8 ] && traceback
  sleep 1
done
