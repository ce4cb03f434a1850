# The healthcheck's ping, in one process: N broadcast pings to the worker, as `inspect ping` does.
import sys
from app.tasks import celery
N = int(sys.argv[1]); ok = 0
for _ in range(N):
    ok += bool(celery.control.ping(timeout=2))
print(f"{ok}/{N} pings answered", flush=True)
