"""The HTTP API: uvicorn app.main:app."""

import logging

from fastapi import Depends, FastAPI, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import database
from app.core.config import settings
from app.models import Agent

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
app = FastAPI(title="agents")

# A debugging aid left switched on: a copy of every request kept "for later" and never trimmed.
# Off unless AGENTS_REQUEST_JOURNAL_KB is set; the leak and OOM drills turn it on.
_request_journal: list[bytes] = []


@app.middleware("http")
async def journal_requests(request: Request, call_next):
    if settings.request_journal_kb > 0:
        line = f"{request.method} {request.url.path}\n".encode()
        _request_journal.append(line * (settings.request_journal_kb * 1024 // len(line) + 1))
    return await call_next(request)


def session():
    db = database.SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.get("/health")
def health(response: Response):
    ready = database.ping()
    if not ready:
        response.status_code = 503
    return {"status": "ok" if ready else "degraded", "db_ready": ready}


@app.get("/api/v1/agents/list")
def list_agents(db: Session = Depends(session)):
    agents = db.execute(select(Agent).order_by(Agent.id)).scalars().all()
    return {
        "count": len(agents),
        "agents": [{"id": a.id, "name": a.name, "role": a.role, "score": a.score} for a in agents],
    }
