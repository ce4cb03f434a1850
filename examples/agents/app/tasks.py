"""Celery tasks: `celery -A app.tasks worker` runs them, `celery -A app.tasks beat` schedules them."""

import logging
from pathlib import Path

from celery import Celery
from celery.beat import PersistentScheduler
from sqlalchemy import delete, func, select

from app.core.config import settings
from app.core.database import SessionLocal
from app.models import Agent, TaskRun

log = logging.getLogger(__name__)

celery = Celery("agents", broker=settings.redis_url)
celery.conf.update(
    task_ignore_result=True,
    worker_hijack_root_logger=True,
    broker_connection_retry_on_startup=True,
    # beat wakes at least this often, so its heartbeat (below) stays fresh
    beat_max_loop_interval=5,
    beat_schedule={
        "record-heartbeat": {"task": "app.tasks.record_heartbeat", "schedule": settings.beat_seconds},
        "score-agents": {"task": "app.tasks.score_agents", "schedule": settings.beat_seconds * 3},
    },
)

KEEP_TASK_RUNS = 200
BEAT_HEARTBEAT = Path("/tmp/beat-heartbeat")


@celery.task
def record_heartbeat() -> int:
    """Records that the worker is alive and keeps task_runs bounded."""
    with SessionLocal.begin() as db:
        db.add(TaskRun(task="record_heartbeat", detail="ok"))
        db.flush()
        newest = db.execute(select(func.max(TaskRun.id))).scalar_one()
        db.execute(delete(TaskRun).where(TaskRun.id <= newest - KEEP_TASK_RUNS))
        return newest


@celery.task
def score_agents() -> float:
    """The mean score of the agents of the configured role, recorded as a task run."""
    with SessionLocal.begin() as db:
        scores = db.execute(select(Agent.score).where(Agent.role == settings.score_role)).scalars().all()
        mean = sum(scores) / len(scores)
        db.add(TaskRun(task="score_agents", detail=f"{settings.score_role}: {mean:.3f}"))
        return mean


class HeartbeatScheduler(PersistentScheduler):
    """Beat's scheduler, touching a file on every tick: beat's healthcheck reads its age."""

    def tick(self, *args, **kwargs):
        BEAT_HEARTBEAT.touch()
        return super().tick(*args, **kwargs)
