"""The JSON API under ``/api/v1``: one module per resource, described by ``openapi.json``."""

from __future__ import annotations

from starlette.routing import BaseRoute

from odr.web.api import categories, complaints, consumers, merchants, notifications, tokens
from odr.web.api.openapi import openapi_routes

_resources = [
    *tokens.routes,
    *consumers.routes,
    *merchants.routes,
    *categories.routes,
    *complaints.routes,
    *notifications.routes,
]

routes: list[BaseRoute] = [*_resources, *openapi_routes(_resources)]
"""Every route of the API, relative to its mount point."""
