#!/bin/sh
# Healthy worker that leaks nothing but keeps reading a growing file: every second it appends
# 256 KiB to one file and reads it all twice, so the page cache charged to the container grows on
# the active list (which docker stats counts) while its processes' memory stays flat. One file, not
# a new file a second: "cat part-*" would hand the shell an argument list one name longer every
# second, and the shell's own memory would grow with it (a CI run measured 0.2 MiB growing
# 1.2 MiB/hour, p = 0.007: a real, if tiny, growth).
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1"; }
mkdir -p /data
log "started"
n=0
while true; do
  date +%s > /tmp/heartbeat
  n=$((n + 1))
  dd if=/dev/urandom bs=4096 count=64 2>/dev/null >> /data/growing
  cat /data/growing > /dev/null
  cat /data/growing > /dev/null
  if [ $((n % 10)) -eq 0 ]; then log "read $n parts"; fi
  sleep 1
done
