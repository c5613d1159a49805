"""The merchant registry, public: complainants pick the merchant they complain about."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.domain.errors import ValidationFailed
from odr.services.merchants import search_merchants
from odr.web.api.base import ERROR_MESSAGES, api_route, query_int, reply, services
from odr.web.api.schemas import MerchantOut, MerchantPage

TRUTH = {"": False, "false": False, "0": False, "true": True, "1": True}


def _flag(request: Request, name: str) -> bool:
    raw = request.query_params.get(name, "").strip().lower()
    if raw not in TRUTH:
        raise ValidationFailed({name: ERROR_MESSAGES["bool_type"]})
    return TRUTH[raw]


async def list_merchants(request: Request) -> Response:
    """Merchants whose name matches ``q``; ``odr=true`` keeps ODR enterprises only."""
    page = await search_merchants(
        services(request),
        request.query_params.get("q", "").strip(),
        odr_only=_flag(request, "odr"),
        limit=query_int(request, "limit", 20),
        offset=query_int(request, "offset", 0),
    )
    items = [MerchantOut.of(m) for m in page.items]
    return reply(MerchantPage(items=items, total=page.total, limit=page.limit, offset=page.offset))


routes = [
    api_route(
        "/merchants",
        "GET",
        list_merchants,
        summary="Search the merchant registry",
        response=MerchantPage,
        errors=(422,),
        public=True,
        query=(("q", "string"), ("odr", "boolean"), ("limit", "integer"), ("offset", "integer")),
    ),
]
