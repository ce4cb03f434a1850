#!/bin/sh
# Healthy worker whose busy share grows by 1 % of one core each second (held at 90 % from 90 s):
# in second k awk spins until it has used k/100 s of CPU (utime+stime from /proc/self/stat, so a
# busy host does not shrink the share) or the second is nearly over, then heartbeats and usleeps
# to the start of the next second (wall clock from /proc/uptime).
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO worker started"
exec awk 'function now(  u, p) { getline u < "/proc/uptime"; close("/proc/uptime"); split(u, p, " "); return p[1] + 0 }
function cpu(  s, p) { getline s < "/proc/self/stat"; close("/proc/self/stat"); split(s, p, " "); return (p[14] + p[15]) / 100 }
BEGIN {
  t0 = now()
  for (k = 0; ; k++) {
    f = k / 100; if (f > 0.9) f = 0.9
    c0 = cpu()
    while (cpu() - c0 < f && now() < t0 + k + 0.97) { for (i = 0; i < 1000; i++) x += i }
    printf "%s INFO worker processed batch %d (10 tasks)\n", strftime("%Y-%m-%dT%H:%M:%SZ", systime(), 1), k + 1
    fflush()
    rest = int((t0 + k + 1 - now()) * 1000000)
    system("date +%s > /tmp/heartbeat" (rest > 0 ? "; usleep " rest : ""))
  }
}'
