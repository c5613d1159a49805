"""Work lists: the enterprise's inbox and the station's triage queue, with their countdowns."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from odr.domain.states import Role, State
from odr.services import complaint_reads, notifications
from odr.web.auth import require_user
from odr.web.pages.forms import acting, see_other, services
from odr.web.templating import render

DONE_FOR_ENTERPRISE = (State.SETTLED_BY_ENTERPRISE, State.PENDING_REVIEW, State.WITHDRAWN)


async def inbox(request: Request) -> Response:
    """Complaints routed to the enterprise, oldest first, with the recently closed ones."""
    user = await require_user(request, Role.ENTERPRISE)
    svc = services(request)
    waiting = await complaint_reads.list_complaints(
        svc, user.actor, states=[State.WITH_ENTERPRISE], limit=100, oldest_first=True
    )
    closed = await complaint_reads.list_complaints(svc, user.actor, limit=20)
    return await render(request, "work/inbox.html", {"waiting": waiting, "recent": closed})


async def triage(request: Request) -> Response:
    """The station's queue: complaints and reports awaiting a decision, oldest first."""
    user = await require_user(request, Role.MODERATOR, Role.SUPERVISOR)
    svc = services(request)
    queue = await complaint_reads.list_complaints(
        svc,
        user.actor,
        states=[State.PENDING_REVIEW, State.PENDING],
        limit=100,
        oldest_first=True,
    )
    decided = await complaint_reads.list_complaints(
        svc, user.actor, states=[State.ACCEPTED, State.NOT_ACCEPTED, State.REFERRED], limit=20
    )
    return await render(request, "work/triage.html", {"queue": queue, "decided": decided})


async def notification_list(request: Request) -> Response:
    """The user's notifications, newest first."""
    user = await require_user(request)
    page = await notifications.list_notifications(services(request), user.actor, limit=50)
    return await render(request, "notifications.html", {"page": page})


async def mark_all_read(request: Request) -> Response:
    """Mark every notification read."""
    user = await acting(request)
    await notifications.mark_read(services(request), user.actor)
    return see_other("/notifications")


routes = [
    Route("/inbox", inbox, methods=["GET"], name="inbox"),
    Route("/triage", triage, methods=["GET"], name="triage"),
    Route("/notifications", notification_list, methods=["GET"], name="notifications"),
    Route("/notifications/read", mark_all_read, methods=["POST"]),
]
