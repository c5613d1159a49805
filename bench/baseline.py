"""The bare baseline: a Starlette endpoint that inserts the same complaint row, same driver.

No validation, no authentication, no events or notifications: the floor odr is measured against.
Run by ``bench/intake.py`` as ``uvicorn --factory bench.baseline:create_baseline``.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime

from sqlalchemy import insert
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from odr.store.engine import create_engine
from odr.store.models import Complaint


def create_baseline() -> Starlette:
    """One route, ``POST /complaints``, one INSERT per request."""
    engine = create_engine(os.environ["ODR_DATABASE_URL"])
    table = Complaint.__table__  # type: ignore[attr-defined]

    async def file(request: Request) -> JSONResponse:
        body = json.loads(await request.body())
        now = datetime.now(UTC)
        row = {
            "kind": "complaint",
            "state": "pending_review",
            "channel": "web",
            "consumer_id": 1,
            "complainant_name": "张三",
            "complainant_phone": "13800138000",
            "complainant_address": "杭州市西湖区",
            "merchant_id": body["merchant_id"],
            "respondent_name": "bench",
            "respondent_address": "bench",
            "category": body["category"],
            "facts": body["facts"],
            "request": body["request"],
            "amount_fen": body["amount_fen"],
            "known_on": date.fromisoformat(body["known_on"]),
            "green_channel": False,
            "beyond_limitation": False,
            "filed_at": now,
            "updated_at": now,
            "version": 1,
        }
        async with engine.begin() as conn:
            result = await conn.execute(insert(table).values(**row))
        return JSONResponse({"id": result.inserted_primary_key[0]}, status_code=201)

    return Starlette(routes=[Route("/complaints", file, methods=["POST"])])
