"""Bearer tokens for API clients, from a username and password."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.web.api.base import api_route, read_body, reply, services
from odr.web.api.schemas import TokenOut, TokenRequest, UserBrief
from odr.web.auth import issue_token, log_in


async def create_token(request: Request) -> Response:
    """Exchange credentials for a bearer token (rate-limited like the login page)."""
    body = await read_body(request, TokenRequest)
    svc = services(request)
    user = await log_in(request, body.username, body.password)
    token = TokenOut(
        access_token=issue_token(svc.settings, user.id),
        expires_in=svc.settings.token_ttl,
        user=UserBrief.of(user),
    )
    return reply(token, 201)


routes = [
    api_route(
        "/tokens",
        "POST",
        create_token,
        summary="Get a bearer token",
        body=TokenRequest,
        response=TokenOut,
        status=201,
        errors=(400, 401, 413, 422, 429),
        public=True,
    ),
]
