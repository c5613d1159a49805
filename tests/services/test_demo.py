"""The demo data: every role, every state the service layer reaches, loaded only once."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func
from sqlmodel import select

from odr.domain.credit_code import is_valid_credit_code
from odr.domain.states import Role, State
from odr.services import accounts, merchants
from odr.services.context import Services
from odr.services.deadlines import sweep
from odr.services.demo import DEMO_LOGINS, load_demo
from odr.store.models import Complaint, Merchant, Offer, User

# Monday 2026-11-16, 10:00 in Shanghai
NOW = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)


@pytest.fixture
def services(services: Services) -> Services:
    """Cheap password hashing: the demo hashes a password per user."""
    services.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return services


@pytest.fixture
async def demo(services: Services) -> Services:
    services.clock = lambda: NOW
    assert await load_demo(services) is True
    return services


async def counts(svc: Services) -> tuple[int, ...]:
    found = []
    async with svc.reading() as session:
        for table in (User, Merchant, Complaint, Offer):
            found.append((await session.exec(select(func.count()).select_from(table))).one())
    return tuple(found)


async def test_every_state_is_there(demo: Services) -> None:
    async with demo.reading() as session:
        rows = (await session.exec(select(Complaint))).all()
    states = Counter((row.kind, row.state) for row in rows)
    for state in (
        State.WITH_ENTERPRISE,
        State.SETTLED_BY_ENTERPRISE,
        State.PENDING_REVIEW,
        State.ACCEPTED,
        State.NOT_ACCEPTED,
        State.REFERRED,
        State.WITHDRAWN,
    ):
        assert states["complaint", state] >= 1, state
    assert states["report", State.PENDING] >= 1
    assert states["report", State.CASE_FILED] >= 1
    assert all(row.station_id is not None for row in rows)
    assert all(row.filed_at < NOW for row in rows)


async def test_the_enterprise_has_an_offer_waiting(demo: Services) -> None:
    async with demo.reading() as session:
        query = select(Offer, Complaint).where(Offer.complaint_id == Complaint.id)
        pairs = (await session.exec(query)).all()
    waiting = [c for o, c in pairs if o.status == "pending"]
    assert [c.state for c in waiting] == [State.WITH_ENTERPRISE]
    assert {o.status for o, _ in pairs} >= {"pending", "accepted", "declined"}


async def test_decisions_carry_their_reasons(demo: Services) -> None:
    async with demo.reading() as session:
        rows = (await session.exec(select(Complaint))).all()
    by_state = {row.state: row for row in rows}
    assert by_state[State.NOT_ACCEPTED].reason_code == "over_three_years"
    assert by_state[State.NOT_ACCEPTED].beyond_limitation
    assert by_state[State.REFERRED].referral_code
    assert by_state[State.ACCEPTED].mediation_due_on is not None


async def test_nothing_is_overdue_right_after_loading(demo: Services) -> None:
    assert (await sweep(demo, NOW)).expired == 0


async def test_every_role_can_log_in(demo: Services) -> None:
    roles = set()
    for username, password, description in DEMO_LOGINS:
        assert description
        user = await accounts.authenticate(demo, username, password)
        roles.add(user.role)
        if user.role is Role.ENTERPRISE:
            assert (await merchants.get_merchant(demo, user.merchant_id or 0)).is_odr
    assert roles == {Role.CONSUMER, Role.ENTERPRISE, Role.MODERATOR, Role.SUPERVISOR}
    users = {u.username: u for u in (await accounts.list_users(demo, limit=100)).items}
    assert {"zhangsan", "lisi"} <= set(users)
    moderators = [u for u in users.values() if u.role is Role.MODERATOR]
    assert any(u.actor.is_bureau_level for u in moderators)
    assert any(not u.actor.is_bureau_level for u in moderators)


async def test_registry(demo: Services) -> None:
    xihu = await merchants.station_for_region(demo, "西湖区")
    assert xihu is not None and xihu.name == "西湖区市场监管所"
    assert set(xihu.regions) == {"西湖区", "拱墅区"}
    assert len(await merchants.list_stations(demo)) == 2
    page = await merchants.search_merchants(demo, limit=100)
    assert page.total >= 6
    assert all(m.credit_code and is_valid_credit_code(m.credit_code) for m in page.items)
    assert (await merchants.search_merchants(demo, odr_only=True)).total == 3


async def test_loads_only_once(demo: Services) -> None:
    before = await counts(demo)
    assert await load_demo(demo) is False
    assert await counts(demo) == before


async def test_leaves_the_clock_alone(demo: Services) -> None:
    assert demo.clock() == NOW


async def test_does_nothing_when_anyone_exists(services: Services) -> None:
    await accounts.add_user(services, "admin", "correct-horse-9", "supervisor")
    assert await load_demo(services) is False
    assert await counts(services) == (1, 0, 0, 0)
