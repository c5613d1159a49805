"""The complaint use cases against a real (SQLite) database."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from sqlmodel import col, select

from odr.domain.access import Actor
from odr.domain.deadlines import DeadlineKind
from odr.domain.errors import InvalidTransition, NotAllowed, NotFound, ValidationFailed
from odr.domain.intake import CaseKind, Channel
from odr.domain.states import Action, Role, State
from odr.services import complaints, filing, notifications
from odr.services.complaint_reads import get_complaint, list_complaints
from odr.services.context import Services
from odr.services.deadlines import sweep
from odr.store.models import Complaint, ComplaintEvent, Notification
from tests.factories import World, draft, make_world

# Monday 2026-11-16, 10:00 in Shanghai
NOW = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)


@pytest.fixture
async def services(any_services: Services) -> Services:
    """Every test here runs on SQLite and on PostgreSQL."""
    any_services.clock = lambda: NOW
    return any_services


@pytest.fixture
async def world(services: Services) -> World:
    return await make_world(services)


def consumer(w: World) -> Actor:
    return Actor(w.consumer_id, Role.CONSUMER)


def enterprise(w: World) -> Actor:
    return Actor(w.enterprise_id, Role.ENTERPRISE, merchant_id=w.odr_merchant_id)


def moderator(w: World) -> Actor:
    return Actor(w.moderator_id, Role.MODERATOR, station_id=w.station_id)


async def file_green(svc: Services, w: World) -> int:
    detail = await filing.file_complaint(
        svc, consumer(w), draft(), merchant_id=w.odr_merchant_id, green_channel=True
    )
    return detail.id


async def file_plain(svc: Services, w: World, merchant_id: int | None = None) -> int:
    detail = await filing.file_complaint(
        svc,
        consumer(w),
        draft(),
        merchant_id=merchant_id or w.plain_merchant_id,
        green_channel=False,
    )
    return detail.id


async def test_green_channel_goes_to_the_enterprise_with_ten_working_days(
    services: Services, world: World
) -> None:
    complaint_id = await file_green(services, world)
    detail = await get_complaint(services, consumer(world), complaint_id)
    assert detail.state is State.WITH_ENTERPRISE
    assert [e.action for e in detail.events] == [Action.FILE, Action.ROUTE_TO_ENTERPRISE]
    assert detail.summary.due is not None
    # 10 working days after Mon 2026-11-16 is Mon 2026-11-30
    assert (detail.summary.due.kind, detail.summary.due.due_on) == (
        DeadlineKind.ENTERPRISE,
        date(2026, 11, 30),
    )
    assert detail.actions == {
        Action.ACCEPT_OFFER,
        Action.DECLINE_OFFER,
        Action.ESCALATE,
        Action.WITHDRAW,
    }


async def test_plain_merchant_goes_to_the_station_queue(services: Services, world: World) -> None:
    complaint_id = await file_plain(services, world)
    detail = await get_complaint(services, moderator(world), complaint_id)
    assert detail.state is State.PENDING_REVIEW
    assert detail.station_id == world.station_id
    assert detail.summary.due and detail.summary.due.due_on == date(2026, 11, 25)
    queue = await list_complaints(
        services, moderator(world), states=[State.PENDING_REVIEW], oldest_first=True
    )
    assert [c.id for c in queue.items] == [complaint_id]
    other = Actor(world.other_moderator_id, Role.MODERATOR, station_id=world.other_station_id)
    assert (await list_complaints(services, other)).total == 0
    bureau = Actor(world.bureau_moderator_id, Role.MODERATOR)
    assert (await list_complaints(services, bureau)).total == 1


async def test_offer_accepted_settles_the_complaint(services: Services, world: World) -> None:
    complaint_id = await file_green(services, world)
    offer = await complaints.make_offer(
        services, enterprise(world), complaint_id, "refund", 39_900, "全额退款"
    )
    detail = await complaints.accept_offer(services, consumer(world), complaint_id, offer.id)
    assert detail.state is State.SETTLED_BY_ENTERPRISE
    assert detail.summary.due is None
    assert [o.status for o in detail.offers] == ["accepted"]


async def test_offer_declined_escalates_with_a_decision_deadline(
    services: Services, world: World
) -> None:
    complaint_id = await file_green(services, world)
    offer = await complaints.make_offer(services, enterprise(world), complaint_id, "repair", 0, "")
    detail = await complaints.decline_offer(
        services, consumer(world), complaint_id, offer.id, "维修不能解决问题"
    )
    assert detail.state is State.PENDING_REVIEW
    assert detail.events[-1].reason == "维修不能解决问题"
    kinds = {d.kind for d in detail.deadlines}
    assert kinds == {DeadlineKind.ENTERPRISE, DeadlineKind.ACCEPTANCE}


async def test_a_new_offer_supersedes_the_pending_one(services: Services, world: World) -> None:
    complaint_id = await file_green(services, world)
    first = await complaints.make_offer(services, enterprise(world), complaint_id, "repair", 0, "")
    await complaints.make_offer(services, enterprise(world), complaint_id, "refund", 100, "")
    with pytest.raises(InvalidTransition):
        await complaints.accept_offer(services, consumer(world), complaint_id, first.id)


async def test_enterprise_deadline_passing_escalates(services: Services, world: World) -> None:
    complaint_id = await file_green(services, world)
    before = await sweep(services, datetime(2026, 11, 30, 15, 59, tzinfo=UTC))
    assert before.expired == 0
    after = await sweep(services, datetime(2026, 11, 30, 16, 0, tzinfo=UTC))
    assert after.expired == 1
    detail = await get_complaint(services, consumer(world), complaint_id)
    assert detail.state is State.PENDING_REVIEW
    assert detail.events[-1].action is Action.ENTERPRISE_EXPIRED
    assert (await sweep(services, datetime(2026, 12, 31, tzinfo=UTC))).expired == 0


@pytest.mark.parametrize(
    ("decision", "extra", "state"),
    [
        ("accept", {}, State.ACCEPTED),
        ("not_accept", {"reason_code": "over_three_years"}, State.NOT_ACCEPTED),
    ],
)
async def test_moderator_decides(
    services: Services, world: World, decision: str, extra: dict[str, str], state: State
) -> None:
    complaint_id = await file_plain(services, world)
    detail = await complaints.decide(services, moderator(world), complaint_id, decision, **extra)
    assert detail.state is state
    assert detail.decided_at == NOW


async def test_refer_needs_a_department_from_the_table(services: Services, world: World) -> None:
    from odr.domain.referrals import referral_table

    complaint_id = await file_plain(services, world)
    with pytest.raises(ValidationFailed):
        await complaints.decide(
            services, moderator(world), complaint_id, "refer", department="nope"
        )
    code = referral_table()[0].code
    detail = await complaints.decide(
        services, moderator(world), complaint_id, "refer", department=code
    )
    assert (detail.state, detail.referral_code) == (State.REFERRED, code)


async def test_not_accept_without_reason_changes_nothing(services: Services, world: World) -> None:
    complaint_id = await file_plain(services, world)
    with pytest.raises(ValidationFailed):
        await complaints.decide(services, moderator(world), complaint_id, "not_accept")
    detail = await get_complaint(services, consumer(world), complaint_id)
    assert detail.state is State.PENDING_REVIEW
    assert len(detail.events) == 2


async def test_parties_cannot_see_or_touch_others_complaints(
    services: Services, world: World
) -> None:
    complaint_id = await file_green(services, world)
    stranger = Actor(world.other_consumer_id, Role.CONSUMER)
    other_shop = Actor(
        world.plain_enterprise_id, Role.ENTERPRISE, merchant_id=world.plain_merchant_id
    )
    far_moderator = Actor(
        world.other_moderator_id, Role.MODERATOR, station_id=world.other_station_id
    )
    for actor in (stranger, other_shop, far_moderator):
        with pytest.raises(NotFound):
            await get_complaint(services, actor, complaint_id)
    with pytest.raises(NotFound):
        await complaints.withdraw(services, stranger, complaint_id)
    with pytest.raises(NotAllowed):
        await complaints.make_offer(services, consumer(world), complaint_id, "refund", 1, "")


async def test_state_forbids_action(services: Services, world: World) -> None:
    complaint_id = await file_plain(services, world)
    with pytest.raises(InvalidTransition):
        await complaints.escalate(services, consumer(world), complaint_id)
    await complaints.withdraw(services, consumer(world), complaint_id, "已自行解决")
    with pytest.raises(InvalidTransition):
        await complaints.withdraw(services, consumer(world), complaint_id)


async def test_staff_record_a_hotline_complaint_for_a_consumer(
    services: Services, world: World
) -> None:
    detail = await filing.file_complaint(
        services,
        moderator(world),
        draft(channel=Channel.HOTLINE_12315),
        merchant_id=world.plain_merchant_id,
        green_channel=False,
        consumer_id=world.consumer_id,
    )
    assert detail.summary.channel is Channel.HOTLINE_12315
    mine = await list_complaints(services, consumer(world))
    assert [c.id for c in mine.items] == [detail.id]


async def test_consumers_file_online_whatever_channel_they_claim(
    services: Services, world: World
) -> None:
    detail = await filing.file_complaint(
        services,
        consumer(world),
        draft(channel=Channel.LETTER),
        merchant_id=world.plain_merchant_id,
        green_channel=False,
    )
    assert detail.summary.channel is Channel.WEB


async def test_harm_known_over_three_years_is_flagged(services: Services, world: World) -> None:
    detail = await filing.file_complaint(
        services,
        consumer(world),
        draft(known_on=date(2023, 11, 1)),
        merchant_id=world.plain_merchant_id,
        green_channel=False,
    )
    assert detail.summary.beyond_limitation


async def test_bad_input_changes_nothing(services: Services, world: World) -> None:
    with pytest.raises(ValidationFailed):
        await filing.file_complaint(
            services,
            consumer(world),
            draft(facts=""),
            merchant_id=world.plain_merchant_id,
            green_channel=False,
        )
    with pytest.raises(ValidationFailed):
        await filing.file_complaint(
            services,
            consumer(world),
            draft(),
            merchant_id=world.plain_merchant_id,
            green_channel=True,
        )
    with pytest.raises(ValidationFailed):
        await filing.file_complaint(
            services, consumer(world), draft(), merchant_id=999, green_channel=False
        )
    async with services.reading() as session:
        assert (await session.exec(select(Complaint))).all() == []


async def test_reports_take_the_short_path(services: Services, world: World) -> None:
    detail = await filing.file_complaint(
        services,
        consumer(world),
        draft(kind=CaseKind.REPORT, known_on=None),
        merchant_id=world.plain_merchant_id,
        green_channel=False,
    )
    assert detail.state is State.PENDING
    assert detail.summary.due and detail.summary.due.kind is DeadlineKind.REPORT_FILING
    with pytest.raises(ValidationFailed):
        await complaints.decide(services, moderator(world), detail.id, "accept")
    filed = await complaints.decide(services, moderator(world), detail.id, "file_case")
    assert filed.state is State.CASE_FILED


async def test_notifications_reach_the_right_people(services: Services, world: World) -> None:
    complaint_id = await file_green(services, world)
    shop = await notifications.list_notifications(services, enterprise(world))
    assert [(n.complaint_id, n.action) for n in shop.items] == [
        (complaint_id, Action.ROUTE_TO_ENTERPRISE)
    ]
    await complaints.escalate(services, consumer(world), complaint_id)
    assert await notifications.unread_count(services, moderator(world)) == 1
    assert await notifications.unread_count(services, consumer(world)) == 1  # routed
    assert await notifications.mark_read(services, consumer(world)) == 1
    assert await notifications.unread_count(services, consumer(world)) == 0
    with pytest.raises(NotFound):
        await notifications.mark_read(services, consumer(world), shop.items[0].id)


async def test_event_log_is_append_only_history(services: Services, world: World) -> None:
    complaint_id = await file_green(services, world)
    await complaints.escalate(services, consumer(world), complaint_id, "企业不回应")
    await complaints.decide(services, moderator(world), complaint_id, "accept")
    async with services.reading() as session:
        rows = (
            await session.exec(
                select(ComplaintEvent)
                .where(ComplaintEvent.complaint_id == complaint_id)
                .order_by(col(ComplaintEvent.id))
            )
        ).all()
        count = len((await session.exec(select(Notification))).all())
    assert [(r.from_state, r.to_state, r.actor_role) for r in rows] == [
        (None, "submitted", "consumer"),
        ("submitted", "with_enterprise", "system"),
        ("with_enterprise", "pending_review", "consumer"),
        ("pending_review", "accepted", "moderator"),
    ]
    assert count > 0


async def test_concurrent_filings_each_get_their_own_timeline_and_notices(
    services: Services, world: World
) -> None:
    """Filings stored together by group commit answer exactly as if stored alone."""
    filed = await asyncio.gather(
        *(
            filing.file_complaint(
                services,
                consumer(world),
                draft(),
                merchant_id=world.odr_merchant_id if n % 2 else world.plain_merchant_id,
                green_channel=bool(n % 2),
            )
            for n in range(12)
        )
    )
    assert len({d.id for d in filed}) == 12
    for answer in filed:
        stored = await get_complaint(services, consumer(world), answer.id)
        assert answer.events == stored.events
        assert answer.state is stored.state
        assert answer.deadlines == stored.deadlines
    async with services.reading() as session:
        notices = (await session.exec(select(Notification))).all()
    routed_to_station = {d.id for d in filed if d.state is State.PENDING_REVIEW}
    to_moderator = {n.complaint_id for n in notices if n.user_id == world.moderator_id}
    to_enterprise = {n.complaint_id for n in notices if n.user_id == world.enterprise_id}
    assert to_moderator == routed_to_station
    assert to_enterprise == {d.id for d in filed} - routed_to_station
