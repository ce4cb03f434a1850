"""The engine and sessions every process shares; /health asks it whether the database answers."""

import logging

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from app.core.config import settings

log = logging.getLogger(__name__)

engine = create_engine(
    settings.database_url,
    pool_size=settings.db_pool_size,
    max_overflow=0,
    # a connection the database dropped (restart, failover) is replaced, not handed out
    pool_pre_ping=True,
    connect_args={"connect_timeout": settings.db_connect_timeout_s},
)
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def ping() -> bool:
    """True when the database answers a query now."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError as e:
        log.warning("database not reachable: %s", str(e).splitlines()[0])
        return False
