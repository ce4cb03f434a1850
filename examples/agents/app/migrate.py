"""The one-shot migration job: applies app/migrations/*.sql in order, each once, each atomically.

Run as `python3 -m app.migrate`; exits non-zero (with the database's error) when a migration fails,
so compose starts nothing that depends on the schema.
"""

import logging
import sys
from pathlib import Path

from sqlalchemy import text

from app.core.database import engine

log = logging.getLogger("app.migrate")
MIGRATIONS = Path(__file__).parent / "migrations"


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version VARCHAR(200) PRIMARY KEY,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
        )
        applied = {row[0] for row in connection.execute(text("SELECT version FROM schema_migrations"))}
    pending = [p for p in sorted(MIGRATIONS.glob("*.sql")) if p.stem not in applied]
    for path in pending:
        log.info("applying %s", path.name)
        with engine.begin() as connection:
            connection.exec_driver_sql(path.read_text())
            connection.execute(
                text("INSERT INTO schema_migrations (version) VALUES (:v)"), {"v": path.stem}
            )
    log.info("schema is current: %d applied now, %d before", len(pending), len(applied))
    return 0


if __name__ == "__main__":
    sys.exit(main())
