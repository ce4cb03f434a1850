#!/bin/sh
# Healthy worker that leaks nothing but keeps reading a growing set of files: every second it
# writes one more 256 KiB file and reads them all twice, so the page cache charged to the container
# grows on the active list (which docker stats counts) while its processes' memory stays flat.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
mkdir -p /data
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  dd if=/dev/urandom of=/data/part-$n bs=4096 count=64 2>/dev/null
  cat /data/part-* > /dev/null
  cat /data/part-* > /dev/null
  if [ $((n % 10)) -eq 0 ]; then log "indexed $n parts"; fi
  sleep 1
done
