from sqlalchemy import Column, DateTime, Float, Integer, String, func

from app.models.base import Base


class Agent(Base):
    __tablename__ = "agents"

    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False, unique=True)
    role = Column(String(40), nullable=False)
    score = Column(Float, nullable=False, default=0.0)
    created_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())
