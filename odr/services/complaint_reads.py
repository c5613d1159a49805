"""Reading complaints: visibility, timelines, deadlines and lists, shaped into views."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain.access import Actor, CaseRef, can_view
from odr.domain.deadlines import Deadline, DeadlineKind, working_days_left
from odr.domain.errors import N_, NotFound
from odr.domain.intake import CaseKind, Channel
from odr.domain.lifecycle import allowed_actions
from odr.domain.states import Action, Role, State
from odr.services.context import Services
from odr.services.views import (
    ComplaintDetail,
    ComplaintSummary,
    DeadlineView,
    EventView,
    OfferView,
    Page,
)
from odr.store.models import Complaint, ComplaintEvent, Merchant, Offer, User

DUE_COLUMNS: dict[DeadlineKind, str] = {
    DeadlineKind.ENTERPRISE: "enterprise_due_on",
    DeadlineKind.ACCEPTANCE: "acceptance_due_on",
    DeadlineKind.MEDIATION: "mediation_due_on",
    DeadlineKind.REPORT_FILING: "report_due_on",
}
"""Where each kind of due date is kept on the complaint row."""


def case_ref(row: Complaint) -> CaseRef:
    """The parts of a complaint row that decide who may see it."""
    return CaseRef(row.consumer_id, row.merchant_id, row.station_id)


async def load_visible(session: AsyncSession, actor: Actor, complaint_id: int) -> Complaint:
    """The complaint, if it exists and ``actor`` may see it; otherwise :class:`NotFound`.

    Another party's complaint is reported as missing, so ids reveal nothing.
    """
    row = await session.get(Complaint, complaint_id)
    if row is None or not can_view(actor, case_ref(row)):
        raise NotFound(N_("No such complaint."))
    return row


def _deadline_view(
    svc: Services, row: Complaint, kind: DeadlineKind, now: datetime
) -> DeadlineView | None:
    due_on: date | None = getattr(row, DUE_COLUMNS[kind])
    if due_on is None:
        return None
    current = row.due_kind == kind.value
    due_at = row.due_at if current and row.due_at else _end_of(svc, due_on)
    deadline = Deadline(kind, due_on, due_at)
    days_left = working_days_left(now, deadline, svc.calendar, svc.tz)
    return DeadlineView(kind, due_on, due_at, days_left, current)


def _end_of(svc: Services, day: date) -> datetime:
    midnight = datetime.combine(day + timedelta(days=1), time(), tzinfo=svc.tz)
    return midnight.astimezone(UTC)


def deadlines_of(svc: Services, row: Complaint, now: datetime) -> list[DeadlineView]:
    """Every due date the complaint has had, the current one flagged."""
    views = (_deadline_view(svc, row, kind, now) for kind in DeadlineKind)
    return [v for v in views if v is not None]


def summary_of(
    svc: Services, row: Complaint, merchant_name: str, now: datetime
) -> ComplaintSummary:
    """One complaint row as a line of a list."""
    current = _deadline_view(svc, row, DeadlineKind(row.due_kind), now) if row.due_kind else None
    return ComplaintSummary(
        id=row.id,  # type: ignore[arg-type]
        kind=CaseKind(row.kind),
        state=State(row.state),
        category=row.category,
        merchant_id=row.merchant_id,
        merchant_name=merchant_name,
        complainant_name=row.complainant_name,
        green_channel=row.green_channel,
        channel=Channel(row.channel),
        amount_fen=row.amount_fen,
        filed_at=row.filed_at,
        due=current,
        beyond_limitation=row.beyond_limitation,
    )


async def _events(session: AsyncSession, complaint_id: int) -> list[EventView]:
    query = (
        select(ComplaintEvent, User.name)
        .join(User, col(User.id) == ComplaintEvent.actor_id, isouter=True)
        .where(ComplaintEvent.complaint_id == complaint_id)
        .order_by(col(ComplaintEvent.id))
    )
    return [
        EventView(
            id=e.id,  # type: ignore[arg-type]
            at=e.at,
            actor_role=Role(e.actor_role),
            actor_name=name,
            action=Action(e.action),
            from_state=State(e.from_state) if e.from_state else None,
            to_state=State(e.to_state),
            reason=e.reason,
        )
        for e, name in (await session.exec(query)).all()
    ]


def offer_view(row: Offer) -> OfferView:
    """An offer row as a view."""
    return OfferView(
        id=row.id,  # type: ignore[arg-type]
        complaint_id=row.complaint_id,
        remedy=row.remedy,
        amount_fen=row.amount_fen,
        note=row.note,
        status=row.status,
        created_at=row.created_at,
        answered_at=row.answered_at,
    )


async def _offers(session: AsyncSession, complaint_id: int) -> list[OfferView]:
    query = select(Offer).where(Offer.complaint_id == complaint_id).order_by(col(Offer.id))
    return [offer_view(o) for o in (await session.exec(query)).all()]


async def detail_of(
    svc: Services, session: AsyncSession, actor: Actor, row: Complaint
) -> ComplaintDetail:
    """Everything ``actor`` may see of a complaint row, with the actions open to them."""
    merchant = await session.get(Merchant, row.merchant_id)
    events = await _events(session, row.id)  # type: ignore[arg-type]
    offers = await _offers(session, row.id)  # type: ignore[arg-type]
    return build_detail(svc, actor, row, merchant.name if merchant else "", events, offers)


def build_detail(
    svc: Services,
    actor: Actor,
    row: Complaint,
    merchant_name: str,
    events: list[EventView],
    offers: list[OfferView],
) -> ComplaintDetail:
    """The detail view of ``row`` from its already loaded timeline and offers."""
    now = svc.clock()
    return ComplaintDetail(
        summary=summary_of(svc, row, merchant_name, now),
        complainant_phone=row.complainant_phone,
        complainant_address=row.complainant_address,
        respondent_name=row.respondent_name,
        respondent_address=row.respondent_address,
        credit_code=row.credit_code,
        facts=row.facts,
        request=row.request,
        known_on=row.known_on,
        station_id=row.station_id,
        reason_code=row.reason_code,
        referral_code=row.referral_code,
        decided_at=row.decided_at,
        deadlines=deadlines_of(svc, row, now),
        events=events,
        offers=offers,
        actions=allowed_actions(State(row.state), actor.role),
    )


async def get_complaint(svc: Services, actor: Actor, complaint_id: int) -> ComplaintDetail:
    """One complaint as ``actor`` may see it (:class:`NotFound` for another party's)."""
    async with svc.reading() as session:
        row = await load_visible(session, actor, complaint_id)
        return await detail_of(svc, session, actor, row)


def _scope(actor: Actor) -> list[object]:
    if actor.role is Role.CONSUMER:
        return [Complaint.consumer_id == actor.user_id]
    if actor.role is Role.ENTERPRISE:
        return [Complaint.merchant_id == actor.merchant_id]
    if actor.is_staff:
        return [] if actor.is_bureau_level else [Complaint.station_id == actor.station_id]
    return [col(Complaint.id).is_(None)]


async def list_complaints(
    svc: Services,
    actor: Actor,
    *,
    states: Iterable[State] | None = None,
    limit: int = 20,
    offset: int = 0,
    oldest_first: bool = False,
) -> Page[ComplaintSummary]:
    """The complaints ``actor`` may see, optionally in ``states``; newest first by default.

    Queues (``oldest_first``) put the oldest filing first so nothing waits behind new work.
    """
    limit, offset = max(1, min(limit, 100)), max(offset, 0)
    where = _scope(actor)
    if states is not None:
        where.append(col(Complaint.state).in_([State(s).value for s in states]))
    order = col(Complaint.filed_at).asc() if oldest_first else col(Complaint.filed_at).desc()
    async with svc.reading() as session:
        count = select(func.count()).select_from(Complaint).where(*where)  # type: ignore[arg-type]
        total = (await session.exec(count)).one()
        query = (
            select(Complaint, Merchant.name)
            .join(Merchant, col(Merchant.id) == Complaint.merchant_id)
            .where(*where)  # type: ignore[arg-type]
            .order_by(order, col(Complaint.id))
            .limit(limit)
            .offset(offset)
        )
        now = svc.clock()
        rows = (await session.exec(query)).all()
        return Page([summary_of(svc, c, name, now) for c, name in rows], total, limit, offset)
