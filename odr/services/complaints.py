"""Complaint use cases after filing (filing.py): offers, escalation, withdrawal, triage.

Each public function is one transaction: load, ask the domain for the transition, store the
new state with its event row and notifications, commit, and return what the actor may see.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain import lifecycle
from odr.domain.access import Actor
from odr.domain.deadlines import compute_deadline
from odr.domain.errors import N_, InvalidTransition, NotFound, ValidationFailed
from odr.domain.intake import CaseKind
from odr.domain.lifecycle import DEADLINE_OF_STATE, Transition
from odr.domain.offers import check_decision, validate_offer
from odr.domain.states import Action, State
from odr.services.complaint_reads import DUE_COLUMNS, detail_of, load_visible, offer_view
from odr.services.context import Services
from odr.services.notifications import notify
from odr.services.views import ComplaintDetail, OfferView
from odr.store.models import Complaint, ComplaintEvent, Offer


def advance(svc: Services, row: Complaint, fact: Transition, now: datetime) -> None:
    """Move ``row`` to the fact's state and start the deadline that state has, if any.

    The only writer of ``Complaint.state``. Mediation's deadline runs on from acceptance,
    so entering ``in_mediation`` keeps it.
    """
    row.state = fact.to_state
    row.updated_at = now
    kind = DEADLINE_OF_STATE.get(fact.to_state)
    if kind is not None:
        deadline = compute_deadline(kind, now, svc.calendar, svc.periods, svc.tz)
        setattr(row, DUE_COLUMNS[kind], deadline.due_on)
        row.due_kind, row.due_at = kind.value, deadline.due_at
    elif fact.to_state is not State.IN_MEDIATION:
        row.due_kind, row.due_at = None, None


def event_values(
    row: Complaint,
    fact: Transition,
    actor: Actor,
    now: datetime,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The columns of the event row that logs ``fact``."""
    return {
        "complaint_id": row.id,
        "at": now,
        "actor_id": actor.user_id if fact.role is actor.role else None,
        "actor_role": fact.role,
        "action": fact.action,
        "from_state": fact.from_state,
        "to_state": fact.to_state,
        "reason": fact.reason,
        "data": json.dumps(data, ensure_ascii=False) if data else None,
    }


def record(
    session: AsyncSession,
    row: Complaint,
    fact: Transition,
    actor: Actor,
    now: datetime,
    data: dict[str, Any] | None = None,
) -> None:
    """Append ``fact`` to the complaint's event log."""
    session.add(ComplaintEvent(**event_values(row, fact, actor, now, data)))


def apply(
    svc: Services,
    session: AsyncSession,
    row: Complaint,
    fact: Transition,
    actor: Actor,
    now: datetime,
    data: dict[str, Any] | None = None,
) -> None:
    """Store ``fact``: the new state and its deadline, and the event row."""
    advance(svc, row, fact, now)
    session.add(row)
    record(session, row, fact, actor, now, data)


async def _finish(
    svc: Services,
    session: AsyncSession,
    actor: Actor,
    row: Complaint,
    facts: list[Transition],
) -> ComplaintDetail:
    await notify(session, row, facts, actor)
    try:
        await session.flush()
    except StaleDataError as exc:
        raise InvalidTransition(
            N_("Someone else changed this complaint just now. Reload and try again.")
        ) from exc
    return await detail_of(svc, session, actor, row)


async def _move(
    svc: Services,
    actor: Actor,
    complaint_id: int,
    action: Action,
    reason: str | None = None,
) -> ComplaintDetail:
    async with svc.transaction() as session:
        row = await load_visible(session, actor, complaint_id)
        fact = lifecycle.transition(State(row.state), action, actor.role, _clean(reason))
        apply(svc, session, row, fact, actor, svc.clock())
        return await _finish(svc, session, actor, row, [fact])


def _clean(text: str | None, limit: int = 2000) -> str | None:
    if text is None or not text.strip():
        return None
    if len(text) > limit:
        raise ValidationFailed({"reason": N_("The text is too long.")})
    return text.strip()


async def escalate(
    svc: Services, actor: Actor, complaint_id: int, reason: str | None = None
) -> ComplaintDetail:
    """The consumer asks the regulator to take over from the enterprise."""
    return await _move(svc, actor, complaint_id, Action.ESCALATE, reason)


async def withdraw(
    svc: Services, actor: Actor, complaint_id: int, reason: str | None = None
) -> ComplaintDetail:
    """The consumer withdraws an open complaint."""
    return await _move(svc, actor, complaint_id, Action.WITHDRAW, reason)


async def make_offer(
    svc: Services, actor: Actor, complaint_id: int, remedy: str, amount_fen: int, note: str
) -> OfferView:
    """The ODR enterprise offers a settlement; a newer offer supersedes a pending one."""
    terms = validate_offer(remedy, amount_fen, note)
    async with svc.transaction() as session:
        row = await load_visible(session, actor, complaint_id)
        fact = lifecycle.transition(State(row.state), Action.MAKE_OFFER, actor.role)
        now = svc.clock()
        for pending in await _pending_offers(session, complaint_id):
            pending.status, pending.answered_at = "superseded", now
            session.add(pending)
        offer = Offer(
            complaint_id=complaint_id,
            author_id=actor.user_id,  # type: ignore[arg-type]
            remedy=terms.remedy,
            amount_fen=terms.amount_fen,
            note=terms.note,
            created_at=now,
        )
        session.add(offer)
        await session.flush()
        data = {"offer_id": offer.id, "remedy": terms.remedy, "amount_fen": terms.amount_fen}
        apply(svc, session, row, fact, actor, now, data)
        await _finish(svc, session, actor, row, [fact])
        return offer_view(offer)


async def _pending_offers(session: AsyncSession, complaint_id: int) -> list[Offer]:
    query = select(Offer).where(Offer.complaint_id == complaint_id, Offer.status == "pending")
    return list((await session.exec(query)).all())


async def _answer_offer(
    svc: Services,
    actor: Actor,
    complaint_id: int,
    offer_id: int,
    action: Action,
    reason: str | None,
) -> ComplaintDetail:
    async with svc.transaction() as session:
        row = await load_visible(session, actor, complaint_id)
        offer = await session.get(Offer, offer_id)
        if offer is None or offer.complaint_id != complaint_id:
            raise NotFound(N_("No such offer."))
        fact = lifecycle.transition(State(row.state), action, actor.role, _clean(reason))
        if offer.status != "pending":
            raise InvalidTransition(N_("This offer has already been answered or replaced."))
        now = svc.clock()
        offer.status = "accepted" if action is Action.ACCEPT_OFFER else "declined"
        offer.answered_at = now
        session.add(offer)
        apply(svc, session, row, fact, actor, now, {"offer_id": offer_id})
        return await _finish(svc, session, actor, row, [fact])


async def accept_offer(
    svc: Services, actor: Actor, complaint_id: int, offer_id: int
) -> ComplaintDetail:
    """The consumer accepts the enterprise's offer: settled by the enterprise."""
    return await _answer_offer(svc, actor, complaint_id, offer_id, Action.ACCEPT_OFFER, None)


async def decline_offer(
    svc: Services, actor: Actor, complaint_id: int, offer_id: int, reason: str | None = None
) -> ComplaintDetail:
    """The consumer declines the offer: the complaint goes to the regulator."""
    return await _answer_offer(svc, actor, complaint_id, offer_id, Action.DECLINE_OFFER, reason)


async def decide(
    svc: Services,
    actor: Actor,
    complaint_id: int,
    decision: str,
    *,
    reason_code: str | None = None,
    department: str | None = None,
    note: str | None = None,
) -> ComplaintDetail:
    """The moderator's decision: accept, not accept (statutory reason), refer (department);
    or, for a report, file a case or not."""
    async with svc.transaction() as session:
        row = await load_visible(session, actor, complaint_id)
        checked = check_decision(CaseKind(row.kind), decision, reason_code, department)
        fact = lifecycle.transition(State(row.state), checked.action, actor.role, _clean(note))
        now = svc.clock()
        row.reason_code, row.referral_code = checked.reason_code, checked.referral_code
        row.decided_at, row.decided_by_id = now, actor.user_id
        data = {
            k: v
            for k, v in (
                ("reason_code", checked.reason_code),
                ("department", checked.referral_code),
            )
            if v
        }
        apply(svc, session, row, fact, actor, now, data or None)
        return await _finish(svc, session, actor, row, [fact])
