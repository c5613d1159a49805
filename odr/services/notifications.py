"""In-app notifications: written in the same transaction as the event they announce."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, update
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


async def _members(
    session: AsyncSession, complaint: Complaint, groups: frozenset[Audience]
) -> dict[Audience, set[int]]:
    """The users in each group, one query per group at most."""
    members: dict[Audience, set[int]] = {}
    if Audience.CONSUMER in groups and complaint.consumer_id is not None:
        members[Audience.CONSUMER] = {complaint.consumer_id}
    if Audience.MERCHANT in groups:
        query = select(User.id).where(
            User.role == Role.ENTERPRISE, User.merchant_id == complaint.merchant_id
        )
        members[Audience.MERCHANT] = {i for i in (await session.exec(query)).all() if i}
    if Audience.STATION in groups:
        query = select(User.id).where(
            User.role == Role.MODERATOR,
            User.station_id == complaint.station_id
            if complaint.station_id is not None
            else col(User.station_id).is_(None),
        )
        members[Audience.STATION] = {i for i in (await session.exec(query)).all() if i}
    return members


async def notify(
    session: AsyncSession, complaint: Complaint, facts: list[Transition], actor: Actor
) -> None:
    """Add a notification of each fact for everyone it concerns except whoever took it.

    Automatic steps (routing after filing) are news to the person whose action caused them.
    """
    groups_of = [audiences(fact) for fact in facts]
    members = await _members(session, complaint, frozenset().union(*groups_of))
    for fact, groups in zip(facts, groups_of, strict=True):
        recipients = set().union(*(members.get(group, set()) for group in groups))
        if fact.role is actor.role and actor.user_id is not None:
            recipients.discard(actor.user_id)
        session.add_all(
            Notification(
                user_id=user_id,
                complaint_id=complaint.id,
                action=fact.action,
                to_state=fact.to_state,
            )
            for user_id in sorted(recipients)
        )


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
