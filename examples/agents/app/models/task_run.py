from sqlalchemy import Column, DateTime, Integer, String, func

from app.models.base import Base


class TaskRun(Base):
    """One row per periodic task run: what beat scheduled and the worker did."""

    __tablename__ = "task_runs"

    id = Column(Integer, primary_key=True)
    task = Column(String(80), nullable=False)
    detail = Column(String(200), nullable=False)
    ran_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())
