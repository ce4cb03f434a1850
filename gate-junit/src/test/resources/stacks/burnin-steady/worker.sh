#!/bin/sh
# Healthy worker with a GC-like sawtooth: each 5-batch cycle feeds one short-lived awk that keeps
# 400 more ~1 KiB strings per batch (~2 MB at the end of the cycle) and spins 50 ms of CPU per batch;
# when the cycle ends awk exits and its memory is released. Logs go to fd 3 (container stdout).
exec 3>&1
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker $1" >&3; }
log "started"
n=0
while true; do
  i=0
  while [ "$i" -lt 5 ]; do
    date +%s > /tmp/heartbeat
    n=$((n + 1)); i=$((i + 1))
    log "processed batch $n (10 tasks)"
    echo "$n"
    sleep 1
  done | awk 'function now(  u, p) { getline u < "/proc/uptime"; close("/proc/uptime"); split(u, p, " "); return p[1] + 0 }
  function cpu(  s, p) { getline s < "/proc/self/stat"; close("/proc/self/stat"); split(s, p, " "); return (p[14] + p[15]) / 100 }
  BEGIN { pad = sprintf("%1000s", "") }
  {
    for (j = 0; j < 400; j++) { k++; cache[k] = pad k }
    c0 = cpu(); end = now() + 0.5
    while (cpu() - c0 < 0.05 && now() < end) { for (i = 0; i < 1000; i++) x += i }
  }
  END {
    printf "%s INFO worker cache flushed (%d entries)\n", strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1), k
    fflush()
  }'
done
