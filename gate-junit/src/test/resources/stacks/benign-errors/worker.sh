#!/bin/sh
# Healthy worker whose lines mention errors harmlessly; it also polls the api's errors summary,
# so the api logs "GET /api/v1/errors/summary 200".
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  [ $((n % 5)) -eq 0 ] && wget -q -O /dev/null http://api:8000/api/v1/errors/summary && log "errors summary fetched: errors=0"
  n=$((n + 1))
  log "processed 10 tasks, 0 errors"
  sleep 1
done
