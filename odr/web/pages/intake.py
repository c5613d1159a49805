"""Filing: the consumer's guided form, and staff recording a complaint received by phone or letter.

The guided form works without JavaScript: first choose the merchant (search by name), then
fill in the complaint. The green channel is offered only when the merchant is an ODR enterprise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from odr.domain.errors import N_, DomainError, ValidationFailed
from odr.domain.intake import CHANNEL_LABELS, CaseKind, Channel, ComplaintDraft
from odr.domain.money import parse_yuan
from odr.domain.states import STAFF_ROLES, Role
from odr.services import filing
from odr.services.merchants import get_merchant, search_merchants
from odr.services.views import MerchantView, UserView
from odr.web.auth import require_user
from odr.web.pages.forms import acting, form_of, see_other, services
from odr.web.templating import flash, render

STAFF = tuple(STAFF_ROLES)
COMPLAINANT_FIELDS = ("complainant_name", "complainant_phone", "complainant_address")


async def _merchant_or_none(request: Request, raw: str | None) -> MerchantView | None:
    if not raw or not raw.isdigit():
        return None
    try:
        return await get_merchant(services(request), int(raw))
    except DomainError:
        return None


async def _form_page(
    request: Request,
    template: str,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    merchant = await _merchant_or_none(request, values.get("merchant_id"))
    query = values.get("q", "").strip()
    found = None
    if merchant is None:
        found = await search_merchants(services(request), query, limit=20)
    context: dict[str, Any] = {
        "values": values,
        "errors": errors or {},
        "merchant": merchant,
        "found": found,
        "q": query,
        "channels": CHANNEL_LABELS,
        "today": date.today().isoformat(),
    }
    return await render(request, template, context, status=status)


async def new_complaint(request: Request) -> Response:
    """The guided complaint form (step 1: the merchant; step 2: the complaint)."""
    await require_user(request, Role.CONSUMER)
    return await _form_page(request, "complaints/new.html", dict(request.query_params))


async def record_page(request: Request) -> Response:
    """Staff intake: a complaint received by phone, letter or visit."""
    await require_user(request, *STAFF)
    return await _form_page(request, "complaints/record.html", dict(request.query_params))


def _amount(raw: str) -> int:
    if not raw.strip():
        return 0
    try:
        return parse_yuan(raw)
    except ValueError:
        raise ValidationFailed({"amount": N_("Enter an amount in yuan, such as 399.50.")}) from None


def _known_on(raw: str) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValidationFailed({"known_on": N_("Must be a date (YYYY-MM-DD).")}) from None


def _choice(raw: str, allowed: type[CaseKind] | type[Channel], field: str) -> Any:
    try:
        return allowed(raw)
    except ValueError:
        raise ValidationFailed({field: N_("Choose a value from the list.")}) from None


def _draft(form: dict[str, str], user: UserView, merchant: MerchantView) -> ComplaintDraft:
    staff = user.role in STAFF_ROLES
    who = (
        {f: form.get(f, "") for f in COMPLAINANT_FIELDS}
        if staff
        else {
            "complainant_name": user.name,
            "complainant_phone": user.phone,
            "complainant_address": user.address,
        }
    )
    return ComplaintDraft(
        kind=_choice(form.get("kind", "complaint"), CaseKind, "kind"),
        respondent_name=merchant.name,
        respondent_address=merchant.address,
        credit_code=merchant.credit_code,
        category=form.get("category", ""),
        facts=form.get("facts", ""),
        request=form.get("request", ""),
        amount_fen=_amount(form.get("amount", "")),
        known_on=_known_on(form.get("known_on", "")),
        channel=_choice(form.get("channel", "web"), Channel, "channel") if staff else Channel.WEB,
        **who,
    )


async def _file(request: Request, template: str, *roles: Role) -> Response:
    user = await acting(request, *roles)
    form = await form_of(request)
    merchant = await _merchant_or_none(request, form.get("merchant_id"))
    try:
        if merchant is None:
            raise ValidationFailed({"merchant_id": N_("Choose a merchant from the list.")})
        detail = await filing.file_complaint(
            services(request),
            user.actor,
            _draft(form, user, merchant),
            merchant_id=merchant.id,
            green_channel=form.get("green_channel") == "on",
        )
    except ValidationFailed as exc:
        fields = {("amount" if k == "amount_fen" else k): v for k, v in exc.fields.items()}
        return await _form_page(request, template, form, fields, status=422)
    flash(request, N_("Your complaint was filed."))
    return see_other(f"/complaints/{detail.id}")


async def file_complaint(request: Request) -> Response:
    """File the consumer's complaint."""
    return await _file(request, "complaints/new.html", Role.CONSUMER)


async def record_complaint(request: Request) -> Response:
    """File a complaint that staff took down on a consumer's behalf."""
    return await _file(request, "complaints/record.html", *STAFF)


routes = [
    Route("/complaints/new", new_complaint, methods=["GET"], name="new_complaint"),
    Route("/complaints/new", file_complaint, methods=["POST"]),
    Route("/record", record_page, methods=["GET"], name="record"),
    Route("/record", record_complaint, methods=["POST"]),
]
