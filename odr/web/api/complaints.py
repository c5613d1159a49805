"""Complaints through the API: filing, reading, offers, escalation, withdrawal and decisions."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from odr.domain.errors import ValidationFailed
from odr.domain.intake import Channel, ComplaintDraft
from odr.domain.states import Role, State
from odr.services import complaint_reads, complaints, filing
from odr.services.views import UserView
from odr.web.api.base import (
    ERROR_MESSAGES,
    acting,
    api_route,
    path_int,
    query_int,
    read_body,
    reply,
    services,
)
from odr.web.api.schemas import (
    STAFF_FIELDS,
    ComplaintCreate,
    ComplaintOut,
    ComplaintPage,
    ComplaintSummaryOut,
    DecisionCreate,
    OfferCreate,
    OfferOut,
    ReasonCreate,
)
from odr.web.auth import require_user

FILERS = (Role.CONSUMER, Role.MODERATOR, Role.SUPERVISOR)
ANYONE = (Role.CONSUMER, Role.ENTERPRISE, Role.MODERATOR, Role.SUPERVISOR)


def _draft(body: ComplaintCreate, user: UserView) -> ComplaintDraft:
    """The draft of ``body``: a consumer complains as themself; staff must name the
    complainant and the channel the complaint came by. The merchant is the respondent."""
    if user.role is Role.CONSUMER:
        name, phone, address, channel = user.name, user.phone, user.address, Channel.WEB
    else:
        missing = {f: ERROR_MESSAGES["missing"] for f in STAFF_FIELDS if getattr(body, f) is None}
        if missing:
            raise ValidationFailed(missing)
        name, phone, address = (
            body.complainant_name or "",
            body.complainant_phone or "",
            body.complainant_address or "",
        )
        channel = body.channel or Channel.WEB
    return ComplaintDraft(
        kind=body.kind,
        complainant_name=name,
        complainant_phone=phone,
        complainant_address=address,
        respondent_name="",
        respondent_address="",
        category=body.category,
        facts=body.facts,
        request=body.request,
        amount_fen=body.amount_fen,
        known_on=body.known_on,
        channel=channel,
    )


async def create_complaint(request: Request) -> Response:
    """File a complaint or report (consumers for themselves, staff on a consumer's behalf)."""
    user = await acting(request, *FILERS)
    body = await read_body(request, ComplaintCreate)
    svc = services(request)
    draft = _draft(body, user)
    detail = await filing.file_complaint(
        svc,
        user.actor,
        draft,
        merchant_id=body.merchant_id,
        green_channel=body.green_channel,
        consumer_id=None if user.role is Role.CONSUMER else body.consumer_id,
    )
    return reply(ComplaintOut.of(detail), 201)


def _states(request: Request) -> list[State] | None:
    raw = [s for v in request.query_params.getlist("state") for s in v.split(",") if s.strip()]
    if not raw:
        return None
    try:
        return [State(s.strip()) for s in raw]
    except ValueError as exc:
        raise ValidationFailed({"state": ERROR_MESSAGES["enum"]}) from exc


async def list_complaints(request: Request) -> Response:
    """The complaints the caller may see, newest first."""
    user = await require_user(request, *ANYONE)
    page = await complaint_reads.list_complaints(
        services(request),
        user.actor,
        states=_states(request),
        limit=query_int(request, "limit", 20),
        offset=query_int(request, "offset", 0),
    )
    items = [ComplaintSummaryOut.of(s) for s in page.items]
    return reply(ComplaintPage(items=items, total=page.total, limit=page.limit, offset=page.offset))


async def get_complaint(request: Request) -> Response:
    """One complaint, if the caller may see it."""
    user = await require_user(request, *ANYONE)
    detail = await complaint_reads.get_complaint(
        services(request), user.actor, path_int(request, "id")
    )
    return reply(ComplaintOut.of(detail))


async def make_offer(request: Request) -> Response:
    """The ODR enterprise offers a settlement."""
    user = await acting(request, Role.ENTERPRISE)
    body = await read_body(request, OfferCreate)
    offer = await complaints.make_offer(
        services(request),
        user.actor,
        path_int(request, "id"),
        body.remedy.value,
        body.amount_fen,
        body.note,
    )
    return reply(OfferOut.of(offer), 201)


async def accept_offer(request: Request) -> Response:
    """The consumer accepts an offer."""
    user = await acting(request, Role.CONSUMER)
    detail = await complaints.accept_offer(
        services(request), user.actor, path_int(request, "id"), path_int(request, "offer_id")
    )
    return reply(ComplaintOut.of(detail))


async def decline_offer(request: Request) -> Response:
    """The consumer declines an offer; the complaint goes to the regulator."""
    user = await acting(request, Role.CONSUMER)
    body = await read_body(request, ReasonCreate)
    detail = await complaints.decline_offer(
        services(request),
        user.actor,
        path_int(request, "id"),
        path_int(request, "offer_id"),
        body.reason,
    )
    return reply(ComplaintOut.of(detail))


async def escalate(request: Request) -> Response:
    """The consumer asks the regulator to take over from the enterprise."""
    user = await acting(request, Role.CONSUMER)
    body = await read_body(request, ReasonCreate)
    detail = await complaints.escalate(
        services(request), user.actor, path_int(request, "id"), body.reason
    )
    return reply(ComplaintOut.of(detail))


async def withdraw(request: Request) -> Response:
    """The consumer withdraws an open complaint."""
    user = await acting(request, Role.CONSUMER)
    body = await read_body(request, ReasonCreate)
    detail = await complaints.withdraw(
        services(request), user.actor, path_int(request, "id"), body.reason
    )
    return reply(ComplaintOut.of(detail))


async def decide(request: Request) -> Response:
    """The moderator's decision on a complaint, or the filing decision on a report."""
    user = await acting(request, Role.MODERATOR)
    body = await read_body(request, DecisionCreate)
    detail = await complaints.decide(
        services(request),
        user.actor,
        path_int(request, "id"),
        body.decision.value,
        reason_code=body.reason_code,
        department=body.department,
        note=body.note,
    )
    return reply(ComplaintOut.of(detail))


AUTH = (401, 403)
BODY = (400, 413, 422)
ONE = "/complaints/{id:int}"
OFFER = ONE + "/offers/{offer_id:int}"

routes = [
    api_route(
        "/complaints",
        "POST",
        create_complaint,
        summary="File a complaint or a report",
        body=ComplaintCreate,
        response=ComplaintOut,
        status=201,
        errors=(*AUTH, *BODY),
    ),
    api_route(
        "/complaints",
        "GET",
        list_complaints,
        summary="List the complaints the caller may see",
        response=ComplaintPage,
        errors=(*AUTH, 422),
        query=(("state", "string"), ("limit", "integer"), ("offset", "integer")),
    ),
    api_route(
        ONE,
        "GET",
        get_complaint,
        summary="Read one complaint",
        response=ComplaintOut,
        errors=(*AUTH, 404),
    ),
    api_route(
        ONE + "/offers",
        "POST",
        make_offer,
        summary="Offer a settlement (ODR enterprise)",
        body=OfferCreate,
        response=OfferOut,
        status=201,
        errors=(*AUTH, 404, 409, *BODY),
    ),
    api_route(
        OFFER + "/accept",
        "POST",
        accept_offer,
        summary="Accept an offer (consumer)",
        response=ComplaintOut,
        errors=(*AUTH, 404, 409),
    ),
    api_route(
        OFFER + "/decline",
        "POST",
        decline_offer,
        summary="Decline an offer (consumer)",
        body=ReasonCreate,
        response=ComplaintOut,
        errors=(*AUTH, 404, 409, *BODY),
    ),
    api_route(
        ONE + "/escalate",
        "POST",
        escalate,
        summary="Ask the regulator to take over (consumer)",
        body=ReasonCreate,
        response=ComplaintOut,
        errors=(*AUTH, 404, 409, *BODY),
    ),
    api_route(
        ONE + "/withdraw",
        "POST",
        withdraw,
        summary="Withdraw the complaint (consumer)",
        body=ReasonCreate,
        response=ComplaintOut,
        errors=(*AUTH, 404, 409, *BODY),
    ),
    api_route(
        ONE + "/decision",
        "POST",
        decide,
        summary="Decide on a complaint or report (moderator)",
        body=DecisionCreate,
        response=ComplaintOut,
        errors=(*AUTH, 404, 409, *BODY),
    ),
]
