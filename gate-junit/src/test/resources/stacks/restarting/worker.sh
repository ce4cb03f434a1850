#!/bin/sh
# Crash-looping worker: starts, works ~3 s, exits 3; restart: on-failure restarts it.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
log "started"
sleep 3
log "stopping with exit code 3"
exit 3
