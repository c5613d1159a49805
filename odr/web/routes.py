"""Every route of the app, in one list."""

from __future__ import annotations

from pathlib import Path

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from odr.web import api
from odr.web.pages import account, complaints, intake, work

STATIC = Path(__file__).resolve().parents[2] / "static"

routes: list[BaseRoute] = [
    *account.routes,
    *intake.routes,
    *complaints.routes,
    *work.routes,
    Mount("/api/v1", routes=api.routes),
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
]
