"""In-app notifications: written in the same transaction as the event they announce."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, insert, literal, union_all, update
from sqlalchemy import select as core_select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain.access import Actor
from odr.domain.audience import Audience, audiences
from odr.domain.errors import N_, NotFound
from odr.domain.lifecycle import Transition
from odr.domain.states import Action, Role, State
from odr.services.context import Services
from odr.services.views import NotificationView, Page
from odr.store.models import Complaint, Notification, User

NOTIFICATION = Notification.__table__  # type: ignore[attr-defined]
USER = User.__table__  # type: ignore[attr-defined]


def _group_query(complaint: Complaint, group: Audience) -> Select[Any] | None:
    """The ids of ``group``'s members, labelled with the group; None for a group with none."""
    label = literal(group.value).label("audience")
    if group is Audience.CONSUMER:
        if complaint.consumer_id is None:
            return None
        return core_select(label, USER.c.id).where(USER.c.id == complaint.consumer_id)
    if group is Audience.MERCHANT:
        mine = USER.c.merchant_id == complaint.merchant_id
        return core_select(label, USER.c.id).where(USER.c.role == Role.ENTERPRISE, mine)
    station = (
        USER.c.station_id == complaint.station_id
        if complaint.station_id is not None
        else USER.c.station_id.is_(None)
    )
    return core_select(label, USER.c.id).where(USER.c.role == Role.MODERATOR, station)


async def members(
    conn: AsyncConnection, complaint: Complaint, facts: list[Transition]
) -> dict[Audience, set[int]]:
    """The users of every group concerned by ``facts``, in one query."""
    groups = sorted(frozenset[Audience]().union(*(audiences(f) for f in facts)))
    queries = [q for q in (_group_query(complaint, g) for g in groups) if q is not None]
    found: dict[Audience, set[int]] = {}
    if queries:
        for group, user_id in await conn.execute(union_all(*queries)):
            found.setdefault(Audience(group), set()).add(user_id)
    return found


def notice_rows(
    complaint: Complaint,
    facts: list[Transition],
    actor: Actor,
    found: dict[Audience, set[int]],
) -> list[dict[str, Any]]:
    """The notification rows of ``facts``: everyone concerned except whoever took the step,
    dated when the complaint last changed. ``complaint_id`` is left for the caller when the
    complaint is not yet inserted.

    Automatic steps (routing after filing) are news to the person whose action caused them.
    """
    rows: list[dict[str, Any]] = []
    for fact in facts:
        recipients = set().union(*(found.get(group, set()) for group in audiences(fact)))
        if fact.role is actor.role and actor.user_id is not None:
            recipients.discard(actor.user_id)
        rows.extend(
            {
                "user_id": user_id,
                "complaint_id": complaint.id,
                "action": fact.action,
                "to_state": fact.to_state,
                "created_at": complaint.updated_at,
            }
            for user_id in sorted(recipients)
        )
    return rows


async def notify(
    session: AsyncSession, complaint: Complaint, facts: list[Transition], actor: Actor
) -> None:
    """Notify everyone ``facts`` concern, in the session's transaction (see :func:`notice_rows`)."""
    conn = await session.connection()
    rows = notice_rows(complaint, facts, actor, await members(conn, complaint, facts))
    if rows:
        await conn.execute(insert(NOTIFICATION), rows)


def _view(row: Notification) -> NotificationView:
    return NotificationView(
        id=row.id,  # type: ignore[arg-type]
        complaint_id=row.complaint_id,
        action=Action(row.action),
        to_state=State(row.to_state) if row.to_state else None,
        created_at=row.created_at,
        read=row.read_at is not None,
    )


async def list_notifications(
    svc: Services, actor: Actor, *, limit: int = 20, offset: int = 0, unread_only: bool = False
) -> Page[NotificationView]:
    """The actor's notifications, newest first."""
    limit = max(1, min(limit, 100))
    where: list[ColumnElement[bool]] = [col(Notification.user_id) == actor.user_id]
    if unread_only:
        where.append(col(Notification.read_at).is_(None))
    async with svc.reading() as session:
        total = (
            await session.exec(select(func.count()).select_from(Notification).where(*where))
        ).one()
        rows = await session.exec(
            select(Notification)
            .where(*where)
            .order_by(col(Notification.id).desc())
            .limit(limit)
            .offset(max(offset, 0))
        )
        return Page([_view(r) for r in rows.all()], total, limit, max(offset, 0))


async def unread_count(svc: Services, actor: Actor) -> int:
    """How many of the actor's notifications are unread (the badge in the header)."""
    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == actor.user_id, col(Notification.read_at).is_(None))
    )
    async with svc.reading() as session:
        return (await session.exec(query)).one()


async def mark_read(svc: Services, actor: Actor, notification_id: int | None = None) -> int:
    """Mark one notification (or, with ``None``, all) of the actor read; returns how many."""
    query = update(Notification).where(
        col(Notification.user_id) == actor.user_id, col(Notification.read_at).is_(None)
    )
    if notification_id is not None:
        query = query.where(col(Notification.id) == notification_id)
    async with svc.transaction() as session:
        result = await session.exec(query.values(read_at=svc.clock()))
        if notification_id is not None and result.rowcount == 0:
            exists = await session.get(Notification, notification_id)
            if exists is None or exists.user_id != actor.user_id:
                raise NotFound(N_("No such notification."))
        return int(result.rowcount)
