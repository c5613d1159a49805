"""ASGI middleware of our own: the request body limit."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from odr.domain.errors import N_
from odr.web.errors import BodyTooLarge


class BodyLimit:
    """Refuses bodies over ``limit`` bytes: at once when ``Content-Length`` says so, and while
    reading when a streamed body grows past it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        too_big = declared.isdigit() and int(declared) > self.limit
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if too_big:
                raise BodyTooLarge(N_("The request is too large."))
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(N_("The request is too large."))
            return message

        await self.app(scope, limited, send)
