# In-process: call the task functions directly (no Celery), N times, RSS and tracemalloc growth.
import gc, sys, tracemalloc
from app.tasks import record_heartbeat, score_agents

def rss():
    for l in open("/proc/self/status"):
        if l.startswith("VmRSS"):
            return int(l.split()[1])

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
for _ in range(50):  # warm-up: first compile, pool connections
    record_heartbeat(); score_agents()
gc.collect()
tracemalloc.start(10)
s0 = tracemalloc.take_snapshot(); r0 = rss()
print(f"after warm-up: rss {r0} kB", flush=True)
for i in range(1, N + 1):
    record_heartbeat()
    if i % 3 == 0:
        score_agents()
    if i % 500 == 0:
        gc.collect()
        cur, peak = tracemalloc.get_traced_memory()
        print(f"{i} calls: rss {rss()} kB (+{rss()-r0}), traced {cur/1024:.0f} KiB", flush=True)
gc.collect()
s1 = tracemalloc.take_snapshot()
for st in s1.compare_to(s0, "traceback")[:5]:
    print(st); print("   ", "\n    ".join(st.traceback.format()[-6:]))
