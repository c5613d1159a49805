"""One complaint as every party sees it, and the actions they take on it from that page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from odr.domain.errors import N_, ValidationFailed
from odr.domain.money import parse_yuan
from odr.domain.reasons import REASONS
from odr.domain.referrals import get_referral
from odr.domain.states import Action, Role, State
from odr.services import complaint_reads, complaints
from odr.services.merchants import get_merchant
from odr.web.auth import require_user
from odr.web.pages.forms import acting, form_of, int_param, see_other, services
from odr.web.templating import flash, render

ANYONE = (Role.CONSUMER, Role.ENTERPRISE, Role.MODERATOR, Role.SUPERVISOR)
NOTICE_STATES = frozenset({State.ACCEPTED, State.NOT_ACCEPTED, State.REFERRED})


def _detail_url(complaint_id: int) -> str:
    return f"/complaints/{complaint_id}"


async def my_complaints(request: Request) -> Response:
    """A consumer's complaints, newest first."""
    user = await require_user(request, Role.CONSUMER)
    page = await complaint_reads.list_complaints(services(request), user.actor, limit=100)
    return await render(request, "complaints/list.html", {"page": page})


async def detail(
    request: Request, errors: dict[str, str] | None = None, status: int = 200
) -> Response:
    """Everything a party may see: facts, timeline, deadlines, offers, and their next steps."""
    user = await require_user(request, *ANYONE)
    svc = services(request)
    complaint = await complaint_reads.get_complaint(svc, user.actor, int_param(request, "id"))
    merchant = await get_merchant(svc, complaint.summary.merchant_id)
    context = {
        "complaint": complaint,
        "merchant": merchant,
        "errors": errors or {},
        "Action": Action,
        "has_notice": complaint.state in NOTICE_STATES,
    }
    return await render(request, "complaints/detail.html", context, status=status)


async def escalate(request: Request) -> Response:
    """The consumer asks the regulator to take over."""
    user = await acting(request, Role.CONSUMER)
    form = await form_of(request)
    complaint_id = int_param(request, "id")
    await complaints.escalate(services(request), user.actor, complaint_id, form.get("reason"))
    flash(request, N_("Your complaint was passed to the regulator."))
    return see_other(_detail_url(complaint_id))


async def withdraw(request: Request) -> Response:
    """The consumer withdraws the complaint."""
    user = await acting(request, Role.CONSUMER)
    form = await form_of(request)
    complaint_id = int_param(request, "id")
    await complaints.withdraw(services(request), user.actor, complaint_id, form.get("reason"))
    flash(request, N_("Your complaint was withdrawn."))
    return see_other(_detail_url(complaint_id))


async def accept_offer(request: Request) -> Response:
    """The consumer accepts the enterprise's offer."""
    user = await acting(request, Role.CONSUMER)
    complaint_id, offer_id = int_param(request, "id"), int_param(request, "offer_id")
    await complaints.accept_offer(services(request), user.actor, complaint_id, offer_id)
    flash(request, N_("You accepted the offer. The complaint is settled."))
    return see_other(_detail_url(complaint_id))


async def decline_offer(request: Request) -> Response:
    """The consumer declines the offer; the regulator takes over."""
    user = await acting(request, Role.CONSUMER)
    form = await form_of(request)
    complaint_id, offer_id = int_param(request, "id"), int_param(request, "offer_id")
    await complaints.decline_offer(
        services(request), user.actor, complaint_id, offer_id, form.get("reason")
    )
    flash(request, N_("You declined the offer. The regulator will review your complaint."))
    return see_other(_detail_url(complaint_id))


def _amount(form: dict[str, str]) -> int:
    raw = form.get("amount", "").strip()
    if not raw:
        return 0
    try:
        return parse_yuan(raw)
    except ValueError:
        raise ValidationFailed({"amount": N_("Enter an amount in yuan, such as 399.50.")}) from None


async def make_offer(request: Request) -> Response:
    """The enterprise offers a settlement."""
    user = await acting(request, Role.ENTERPRISE)
    form = await form_of(request)
    complaint_id = int_param(request, "id")
    try:
        await complaints.make_offer(
            services(request),
            user.actor,
            complaint_id,
            form.get("remedy", ""),
            _amount(form),
            form.get("note", ""),
        )
    except ValidationFailed as exc:
        return await detail(request, _offer_fields(exc.fields), status=422)
    flash(request, N_("Your offer was sent to the consumer."))
    return see_other(_detail_url(complaint_id))


def _offer_fields(fields: dict[str, str]) -> dict[str, str]:
    return {("amount" if name == "amount_fen" else name): text for name, text in fields.items()}


async def decide(request: Request) -> Response:
    """The moderator accepts, does not accept (with a reason) or refers the complaint."""
    user = await acting(request, Role.MODERATOR)
    form = await form_of(request)
    complaint_id = int_param(request, "id")
    try:
        await complaints.decide(
            services(request),
            user.actor,
            complaint_id,
            form.get("decision", ""),
            reason_code=form.get("reason_code") or None,
            department=form.get("department") or None,
            note=form.get("note"),
        )
    except ValidationFailed as exc:
        return await detail(request, exc.fields, status=422)
    flash(request, N_("Your decision was recorded."))
    return see_other(_detail_url(complaint_id))


async def notice(request: Request) -> Response:
    """The acceptance, non-acceptance or referral notice, as a printable page."""
    user = await require_user(request, *ANYONE)
    svc = services(request)
    complaint = await complaint_reads.get_complaint(svc, user.actor, int_param(request, "id"))
    if complaint.state not in NOTICE_STATES:
        raise ValidationFailed({}, N_("There is no decision to print yet."))
    context = {
        "complaint": complaint,
        "reason": REASONS.get(complaint.reason_code or ""),
        "referral": get_referral(complaint.referral_code) if complaint.referral_code else None,
    }
    return await render(request, "complaints/notice.html", context)


routes = [
    Route("/complaints", my_complaints, methods=["GET"], name="my_complaints"),
    Route("/complaints/{id:int}", detail, methods=["GET"], name="complaint"),
    Route("/complaints/{id:int}/notice", notice, methods=["GET"], name="notice"),
    Route("/complaints/{id:int}/escalate", escalate, methods=["POST"]),
    Route("/complaints/{id:int}/withdraw", withdraw, methods=["POST"]),
    Route("/complaints/{id:int}/offers", make_offer, methods=["POST"]),
    Route("/complaints/{id:int}/offers/{offer_id:int}/accept", accept_offer, methods=["POST"]),
    Route("/complaints/{id:int}/offers/{offer_id:int}/decline", decline_offer, methods=["POST"]),
    Route("/complaints/{id:int}/decision", decide, methods=["POST"]),
]
