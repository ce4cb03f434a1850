"""Central settings, read once from the environment (see .env.example)."""

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str
    # the pool every api process and worker opens to PostgreSQL
    db_pool_size: int
    db_connect_timeout_s: int
    # how often beat schedules the periodic tasks
    beat_seconds: int
    # which agents the scoring task averages over
    score_role: str
    # debugging aid: the api keeps this many KB of every request in memory (0: off)
    request_journal_kb: int


def load() -> Settings:
    return Settings(
        database_url=os.environ.get(
            "DATABASE_URL", "postgresql+psycopg2://agents:agents@db:5432/agents"
        ),
        redis_url=os.environ.get("REDIS_URL", "redis://redis:6379/0"),
        db_pool_size=_int("DB_POOL_SIZE", 5),
        db_connect_timeout_s=_int("DB_CONNECT_TIMEOUT_S", 2),
        beat_seconds=_int("AGENTS_BEAT_SECONDS", 10),
        score_role=os.environ.get("AGENTS_SCORE_ROLE", "planner"),
        request_journal_kb=_int("AGENTS_REQUEST_JOURNAL_KB", 0),
    )


settings = load()
