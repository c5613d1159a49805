"""The caller's in-app notifications."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.domain.states import Role
from odr.services import notifications
from odr.web.api.base import acting, api_route, query_int, read_body, reply, services
from odr.web.api.schemas import MarkedRead, MarkRead, NotificationOut, NotificationPage
from odr.web.auth import require_user

ANYONE = (Role.CONSUMER, Role.ENTERPRISE, Role.MODERATOR, Role.SUPERVISOR)


async def list_notifications(request: Request) -> Response:
    """The caller's notifications, newest first."""
    user = await require_user(request, *ANYONE)
    page = await notifications.list_notifications(
        services(request),
        user.actor,
        limit=query_int(request, "limit", 20),
        offset=query_int(request, "offset", 0),
    )
    items = [NotificationOut.of(n) for n in page.items]
    return reply(
        NotificationPage(items=items, total=page.total, limit=page.limit, offset=page.offset)
    )


async def mark_read(request: Request) -> Response:
    """Mark one notification (``id``) or all of them read."""
    user = await acting(request, *ANYONE)
    body = await read_body(request, MarkRead)
    marked = await notifications.mark_read(services(request), user.actor, body.id)
    return reply(MarkedRead(marked=marked))


routes = [
    api_route(
        "/notifications",
        "GET",
        list_notifications,
        summary="List the caller's notifications",
        response=NotificationPage,
        errors=(401, 403, 422),
        query=(("limit", "integer"), ("offset", "integer")),
    ),
    api_route(
        "/notifications/read",
        "POST",
        mark_read,
        summary="Mark one or all notifications read",
        body=MarkRead,
        response=MarkedRead,
        errors=(400, 401, 403, 404, 413, 422),
    ),
]
