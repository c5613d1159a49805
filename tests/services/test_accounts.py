"""Accounts: consumer sign-up, staff accounts and their scope, password checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from odr.domain.errors import NotFound, ValidationFailed
from odr.domain.states import Role
from odr.services import accounts
from odr.services.accounts import BadCredentials, ConsumerSignup
from odr.services.context import Services
from odr.services.merchants import MerchantInput, add_merchant, add_station

SIGNUP = ConsumerSignup(
    username="zhangsan",
    password="correct-horse-9",
    name="张三",
    phone="13800138000",
    address="杭州市西湖区天目山路100号",
)


async def user_count(svc: Services) -> int:
    return (await accounts.list_users(svc)).total


async def test_register_consumer_tidies_and_hashes(services: Services) -> None:
    signup = replace(SIGNUP, username=" zhangsan ", name=" 张三 ", phone=" 0571-87654321 ")
    view = await accounts.register_consumer(services, signup)
    assert (view.username, view.role, view.name, view.phone) == (
        "zhangsan",
        Role.CONSUMER,
        "张三",
        "0571-87654321",
    )
    assert view.merchant_id is None and view.station_id is None
    assert (await accounts.get_user(services, view.id)).username == "zhangsan"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "ab"),
        ("username", "张三"),
        ("username", "a" * 65),
        ("username", "bad name"),
        ("password", "short"),
        ("password", "x" * 257),
        ("name", "  "),
        ("name", "名" * 101),
        ("phone", "12345"),
        ("phone", ""),
        ("address", ""),
        ("address", "路" * 201),
    ],
)
async def test_register_consumer_names_the_bad_field(
    services: Services, field: str, value: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await accounts.register_consumer(services, replace(SIGNUP, **{field: value}))
    assert set(caught.value.fields) == {field}
    assert await user_count(services) == 0


async def test_register_consumer_names_every_bad_field_at_once(services: Services) -> None:
    signup = ConsumerSignup(username="", password="", name="", phone="", address="")
    with pytest.raises(ValidationFailed) as caught:
        await accounts.register_consumer(services, signup)
    assert set(caught.value.fields) == {"username", "password", "name", "phone", "address"}


async def test_duplicate_username_is_refused(services: Services) -> None:
    await accounts.register_consumer(services, SIGNUP)
    with pytest.raises(ValidationFailed) as caught:
        await accounts.register_consumer(services, replace(SIGNUP, name="另一个张三"))
    assert caught.value.fields == {"username": "This username is taken."}
    with pytest.raises(ValidationFailed) as caught:
        await accounts.add_user(services, "zhangsan", "correct-horse-9", "supervisor")
    assert set(caught.value.fields) == {"username"}
    assert await user_count(services) == 1


async def test_authenticate(services: Services) -> None:
    created = await accounts.register_consumer(services, SIGNUP)
    assert (await accounts.authenticate(services, "zhangsan", "correct-horse-9")) == created
    with pytest.raises(BadCredentials) as wrong_password:
        await accounts.authenticate(services, "zhangsan", "correct-horse-8")
    with pytest.raises(BadCredentials) as unknown_user:
        await accounts.authenticate(services, "nobody", "correct-horse-9")
    assert wrong_password.value.message == unknown_user.value.message
    assert wrong_password.value.code == "invalid_credentials"


async def test_password_is_stored_hashed(services: Services) -> None:
    from sqlmodel import select

    from odr.store.models import User

    await accounts.register_consumer(services, SIGNUP)
    async with services.reading() as session:
        row = (await session.exec(select(User))).one()
    assert "correct-horse-9" not in row.password_hash
    assert row.password_hash.startswith("$argon2")


@pytest.fixture
async def scope(services: Services) -> tuple[int, int]:
    """(merchant id, station id)."""
    merchant = await add_merchant(
        services,
        MerchantInput(name="西湖小吃店", address="曙光路8号", region="西湖区", industry="餐饮"),
    )
    station = await add_station(services, "西湖区市场监管所", ["西湖区"])
    return merchant.id, station.id


async def test_add_user_with_a_scope(services: Services, scope: tuple[int, int]) -> None:
    merchant_id, station_id = scope
    staff = await accounts.add_user(
        services, "shop", "correct-horse-9", "enterprise", merchant_id=merchant_id
    )
    assert (staff.role, staff.merchant_id, staff.name) == (Role.ENTERPRISE, merchant_id, "shop")
    moderator = await accounts.add_user(
        services, "mod", "correct-horse-9", "moderator", name="赵", station_id=station_id
    )
    assert moderator.station_id == station_id and not moderator.actor.is_bureau_level
    bureau = await accounts.add_user(services, "bureau", "correct-horse-9", "moderator")
    assert bureau.actor.is_bureau_level
    supervisor = await accounts.add_user(
        services, "sup", "correct-horse-9", "supervisor", station_id=station_id
    )
    assert supervisor.station_id == station_id
    assert [u.username for u in (await accounts.list_users(services, "moderator")).items] == [
        "bureau",
        "mod",
    ]


@pytest.mark.parametrize(
    ("role", "merchant", "station", "field"),
    [
        ("enterprise", False, False, "merchant_id"),
        ("consumer", True, False, "merchant_id"),
        ("moderator", True, False, "merchant_id"),
        ("consumer", False, True, "station_id"),
        ("enterprise", True, True, "station_id"),
        ("system", False, False, "role"),
        ("admin", False, False, "role"),
    ],
)
async def test_add_user_scope_rules(
    services: Services,
    scope: tuple[int, int],
    role: str,
    merchant: bool,
    station: bool,
    field: str,
) -> None:
    merchant_id, station_id = scope
    with pytest.raises(ValidationFailed) as caught:
        await accounts.add_user(
            services,
            "someone",
            "correct-horse-9",
            role,
            merchant_id=merchant_id if merchant else None,
            station_id=station_id if station else None,
        )
    assert set(caught.value.fields) == {field}
    assert await user_count(services) == 0


async def test_add_user_refuses_unknown_merchant_or_station(
    services: Services, scope: tuple[int, int]
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await accounts.add_user(services, "shop", "correct-horse-9", "enterprise", merchant_id=999)
    assert caught.value.fields == {"merchant_id": "No such merchant."}
    with pytest.raises(ValidationFailed) as caught:
        await accounts.add_user(services, "mod", "correct-horse-9", "moderator", station_id=999)
    assert caught.value.fields == {"station_id": "No such station."}
    assert await user_count(services) == 0


async def test_add_user_checks_credentials(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await accounts.add_user(services, "x", "short", "consumer")
    assert set(caught.value.fields) == {"username", "password"}


async def test_get_user_unknown(services: Services) -> None:
    with pytest.raises(NotFound):
        await accounts.get_user(services, 404)
