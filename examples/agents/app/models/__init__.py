"""The ORM models: the schema the code expects (app/migrations creates it)."""

from app.models.agent import Agent
from app.models.base import Base
from app.models.task_run import TaskRun

__all__ = ["Agent", "Base", "TaskRun"]
