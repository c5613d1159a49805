"""Consumers register themselves."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.services.accounts import ConsumerSignup, register_consumer
from odr.web.api.base import api_route, read_body, reply, services
from odr.web.api.schemas import ConsumerCreate, UserOut


async def create_consumer(request: Request) -> Response:
    """Register a consumer account."""
    body = await read_body(request, ConsumerCreate)
    user = await register_consumer(
        services(request),
        ConsumerSignup(
            username=body.username,
            password=body.password,
            name=body.name,
            phone=body.phone,
            address=body.address,
        ),
    )
    return reply(UserOut.of(user), 201)


routes = [
    api_route(
        "/consumers",
        "POST",
        create_consumer,
        summary="Register as a consumer",
        body=ConsumerCreate,
        response=UserOut,
        status=201,
        errors=(400, 413, 422),
        public=True,
    ),
]
