"""The complaint categories, public, named in the request's language."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.domain.categories import CATEGORIES
from odr.i18n import locale_of
from odr.web.api.base import api_route, reply
from odr.web.api.schemas import CategoryList, CategoryOut


async def list_categories(request: Request) -> Response:
    """Every complaint category, with ``name`` in the request's language."""
    english = locale_of(request) == "en"
    items = [
        CategoryOut(code=c.code, name=c.en if english else c.zh, zh=c.zh, en=c.en)
        for c in CATEGORIES
    ]
    return reply(CategoryList(items=items))


routes = [
    api_route(
        "/categories",
        "GET",
        list_categories,
        summary="List the complaint categories",
        response=CategoryList,
        public=True,
    ),
]
