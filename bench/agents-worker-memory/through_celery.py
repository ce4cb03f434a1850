# Through Celery: queue N heartbeat tasks for the running worker, wait until they ran.
import sys, time
from app.tasks import record_heartbeat, celery
N = int(sys.argv[1])
for _ in range(N):
    record_heartbeat.delay()
t = time.time()
while True:
    with celery.connection_for_write() as c:
        left = c.default_channel.client.llen("celery")
    if left == 0:
        break
    time.sleep(1)
print(f"queued {N}, queue drained {time.time()-t:.0f} s after the last send", flush=True)
