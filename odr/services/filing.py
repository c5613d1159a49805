"""Filing a complaint or report: the busiest write of the system.

Filing reads first, outside any write transaction: one query for the merchant, the station
covering its region, the filer's name and the linked consumer's role; one for who must be
notified. The domain then decides the routing and deadlines, and the complaint, its events and
its notifications are stored by group commit (:mod:`odr.store.group_commit`): filings that
arrive together share one transaction, one multi-row INSERT per table. The answer is built from
the rows just written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from odr.domain import lifecycle
from odr.domain.access import Actor
from odr.domain.errors import N_, NotAllowed, ValidationFailed
from odr.domain.intake import Channel, ComplaintDraft, beyond_limitation, validate_draft
from odr.domain.states import Role, State
from odr.services.complaint_reads import build_detail
from odr.services.complaints import advance, event_values
from odr.services.context import Services
from odr.services.notifications import NOTIFICATION, members, notice_rows
from odr.services.views import ComplaintDetail, EventView
from odr.store.group_commit import GroupCommit
from odr.store.models import Complaint, ComplaintEvent, Merchant, StationRegion, User

COMPLAINT = Complaint.__table__  # type: ignore[attr-defined]
EVENT = ComplaintEvent.__table__  # type: ignore[attr-defined]
MERCHANT = Merchant.__table__  # type: ignore[attr-defined]
REGION = StationRegion.__table__  # type: ignore[attr-defined]
USER = User.__table__  # type: ignore[attr-defined]


async def file_complaint(
    svc: Services,
    actor: Actor,
    draft: ComplaintDraft,
    *,
    merchant_id: int,
    green_channel: bool,
    consumer_id: int | None = None,
) -> ComplaintDetail:
    """File a complaint or report: a consumer online, or staff recording one received by
    phone, letter or visit (``draft.channel``), optionally linked to a consumer's account.

    Routes it to the ODR enterprise (green channel) or to the station covering the merchant.
    """
    if actor.role is Role.CONSUMER:
        consumer_id = actor.user_id
        draft = replace(draft, channel=Channel.WEB)
    elif not actor.is_staff:
        raise NotAllowed(N_("Your role may not do this."))
    now = svc.clock()
    async with svc.engine.connect() as conn:
        known = await _what_filing_needs(conn, merchant_id, actor, consumer_id)
        draft = validate_draft(_against(draft, known), now.astimezone(svc.tz).date())
        facts = lifecycle.file(draft.kind, known.is_odr, green_channel, actor.role)
        row = _new_complaint(svc, draft, known, green_channel, consumer_id, actor, now)
        for fact in facts:
            advance(svc, row, fact, now)
        found = await members(conn, row, facts)
    filing = _Filing(
        complaint=row,
        events=[event_values(row, fact, actor, now) for fact in facts],
        notices=notice_rows(row, facts, actor, found),
    )
    row.id, event_ids = await _batches(svc).submit(filing)
    events = _timeline(filing.events, event_ids, known.actor_name)
    return build_detail(svc, actor, row, known.name, events, offers=[])


@dataclass(frozen=True)
class _Known:
    """What filing reads before it writes."""

    merchant_id: int
    name: str
    address: str
    credit_code: str | None
    is_odr: bool
    station_id: int | None
    actor_name: str | None
    consumer_role: str | None


async def _what_filing_needs(
    conn: AsyncConnection, merchant_id: int, actor: Actor, consumer_id: int | None
) -> _Known:
    """The merchant with its station, the filer's name and the linked consumer's role."""
    actor_name = select(USER.c.name).where(USER.c.id == actor.user_id).scalar_subquery()
    consumer_role = select(USER.c.role).where(USER.c.id == consumer_id).scalar_subquery()
    query = (
        select(
            MERCHANT.c.id,
            MERCHANT.c.name,
            MERCHANT.c.address,
            MERCHANT.c.credit_code,
            MERCHANT.c.is_odr,
            REGION.c.station_id,
            actor_name.label("actor_name"),
            consumer_role.label("consumer_role"),
        )
        .select_from(MERCHANT.outerjoin(REGION, REGION.c.region == MERCHANT.c.region))
        .where(MERCHANT.c.id == merchant_id)
    )
    found = (await conn.execute(query)).first()
    if found is None:
        raise ValidationFailed({"merchant_id": N_("Choose a merchant from the list.")})
    known = _Known(*found)
    if actor.is_staff and consumer_id is not None and known.consumer_role != Role.CONSUMER:
        raise ValidationFailed({"consumer_id": N_("No such consumer.")})
    return known


def _against(draft: ComplaintDraft, merchant: _Known) -> ComplaintDraft:
    """The draft naming ``merchant`` as respondent where the complainant left it blank."""
    return replace(
        draft,
        respondent_name=draft.respondent_name.strip() or merchant.name,
        respondent_address=draft.respondent_address.strip() or merchant.address,
        credit_code=draft.credit_code or merchant.credit_code,
    )


def _new_complaint(
    svc: Services,
    draft: ComplaintDraft,
    known: _Known,
    green_channel: bool,
    consumer_id: int | None,
    actor: Actor,
    now: datetime,
) -> Complaint:
    filed_on = now.astimezone(svc.tz).date()
    late = draft.known_on is not None and beyond_limitation(
        draft.known_on, filed_on, svc.periods.limitation_years
    )
    return Complaint(
        kind=draft.kind,
        state=State.SUBMITTED,
        channel=draft.channel,
        consumer_id=consumer_id,
        recorded_by_id=actor.user_id if actor.is_staff else None,
        complainant_name=draft.complainant_name,
        complainant_phone=draft.complainant_phone,
        complainant_address=draft.complainant_address,
        merchant_id=known.merchant_id,
        respondent_name=draft.respondent_name,
        respondent_address=draft.respondent_address,
        credit_code=draft.credit_code,
        station_id=known.station_id,
        category=draft.category,
        facts=draft.facts,
        request=draft.request,
        amount_fen=draft.amount_fen,
        known_on=draft.known_on,
        green_channel=green_channel,
        beyond_limitation=late,
        filed_at=now,
        updated_at=now,
    )


@dataclass(frozen=True)
class _Filing:
    """The rows of one filing, waiting to be stored; ids are filled in by :func:`_store`."""

    complaint: Complaint
    events: list[dict[str, Any]]
    notices: list[dict[str, Any]]


_Stored = tuple[int, list[int]]
"""The new complaint's id and its events' ids."""


def _batches(svc: Services) -> GroupCommit[_Filing, _Stored]:
    batches = svc.group_commits.get("filing")
    if batches is None:
        batches = svc.group_commits["filing"] = GroupCommit(svc.engine, _store)
    return batches


async def _store(conn: AsyncConnection, filings: Sequence[_Filing]) -> list[_Stored]:
    """Insert the complaints of ``filings``, then their events and notifications."""
    complaints = [_columns(f.complaint) for f in filings]
    ids = await _insert_returning_ids(conn, COMPLAINT, complaints)
    events = [e | {"complaint_id": i} for f, i in zip(filings, ids, strict=True) for e in f.events]
    event_ids = iter(await _insert_returning_ids(conn, EVENT, events))
    notices = [
        n | {"complaint_id": i} for f, i in zip(filings, ids, strict=True) for n in f.notices
    ]
    if notices:
        await conn.execute(insert(NOTIFICATION), notices)
    return [(i, [next(event_ids) for _ in f.events]) for f, i in zip(filings, ids, strict=True)]


def _columns(row: Complaint) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in COMPLAINT.c if column.key != "id"}


async def _insert_returning_ids(
    conn: AsyncConnection, table: Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` in one statement; their new ids, in the same order."""
    query = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list((await conn.execute(query, rows)).scalars().all())


def _timeline(
    events: list[dict[str, Any]], ids: list[int], actor_name: str | None
) -> list[EventView]:
    """The stored events of filing as the timeline shows them."""
    return [
        EventView(
            id=event_id,
            at=event["at"],
            actor_role=Role(event["actor_role"]),
            actor_name=actor_name if event["actor_id"] is not None else None,
            action=event["action"],
            from_state=event["from_state"],
            to_state=event["to_state"],
            reason=event["reason"],
        )
        for event_id, event in zip(ids, events, strict=True)
    ]
