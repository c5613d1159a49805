"""A small standard world of stations, merchants and users that tests build on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from odr.domain.intake import CaseKind, Channel, ComplaintDraft
from odr.services.context import Services
from odr.store.models import Merchant, Station, StationRegion, User

PASSWORD = "correct-horse-9"


@dataclass(frozen=True)
class World:
    """Ids of the standard fixtures. Every user's password is ``PASSWORD``."""

    station_id: int
    other_station_id: int
    odr_merchant_id: int
    plain_merchant_id: int
    other_region_merchant_id: int
    consumer_id: int
    other_consumer_id: int
    enterprise_id: int
    plain_enterprise_id: int
    moderator_id: int
    other_moderator_id: int
    bureau_moderator_id: int
    supervisor_id: int


USERNAMES = {
    "consumer_id": ("zhangsan", "consumer"),
    "other_consumer_id": ("lisi", "consumer"),
    "enterprise_id": ("shop_staff", "enterprise"),
    "plain_enterprise_id": ("plain_staff", "enterprise"),
    "moderator_id": ("mod_xihu", "moderator"),
    "other_moderator_id": ("mod_binjiang", "moderator"),
    "bureau_moderator_id": ("mod_bureau", "moderator"),
    "supervisor_id": ("supervisor", "supervisor"),
}
"""Field of :class:`World` → (username, role)."""


async def make_world(svc: Services) -> World:
    """Insert the standard world and return its ids."""
    password_hash = svc.hasher.hash(PASSWORD)
    async with svc.transaction() as session:
        xihu, binjiang = Station(name="西湖区市场监管所"), Station(name="滨江区市场监管所")
        session.add_all([xihu, binjiang])
        await session.flush()
        session.add_all(
            [
                StationRegion(region="西湖区", station_id=xihu.id),  # type: ignore[arg-type]
                StationRegion(region="滨江区", station_id=binjiang.id),  # type: ignore[arg-type]
            ]
        )
        odr = Merchant(
            name="杭州好物电器有限公司",
            address="杭州市西湖区文三路1号",
            region="西湖区",
            industry="家用电器",
            is_odr=True,
            onboarded_on=date(2026, 1, 5),
        )
        plain = Merchant(
            name="西湖小吃店", address="杭州市西湖区曙光路8号", region="西湖区", industry="餐饮"
        )
        far = Merchant(
            name="滨江健身会所",
            address="杭州市滨江区江南大道9号",
            region="滨江区",
            industry="体育健身",
        )
        session.add_all([odr, plain, far])
        await session.flush()
        scopes = {
            "enterprise_id": {"merchant_id": odr.id},
            "plain_enterprise_id": {"merchant_id": plain.id},
            "moderator_id": {"station_id": xihu.id},
            "other_moderator_id": {"station_id": binjiang.id},
        }
        users = {
            field: User(
                username=username,
                password_hash=password_hash,
                role=role,
                name=username,
                phone="13800138000",
                address="杭州市西湖区",
                **scopes.get(field, {}),
            )
            for field, (username, role) in USERNAMES.items()
        }
        session.add_all(users.values())
        await session.flush()
        return World(
            station_id=xihu.id,  # type: ignore[arg-type]
            other_station_id=binjiang.id,  # type: ignore[arg-type]
            odr_merchant_id=odr.id,  # type: ignore[arg-type]
            plain_merchant_id=plain.id,  # type: ignore[arg-type]
            other_region_merchant_id=far.id,  # type: ignore[arg-type]
            **{field: user.id for field, user in users.items()},  # type: ignore[arg-type]
        )


def draft(**changes: object) -> ComplaintDraft:
    """A valid complaint draft; ``changes`` override fields."""
    values: dict[str, object] = {
        "kind": CaseKind.COMPLAINT,
        "complainant_name": "张三",
        "complainant_phone": "13800138000",
        "complainant_address": "杭州市西湖区天目山路100号",
        "respondent_name": "杭州好物电器有限公司",
        "respondent_address": "杭州市西湖区文三路1号",
        "category": "household_appliances",
        "facts": "购买的电饭煲使用三天后无法加热，商家拒绝退货。",
        "request": "退货并退款399元",
        "amount_fen": 39_900,
        "known_on": date(2026, 11, 1),
        "channel": Channel.WEB,
    }
    values.update(changes)
    return ComplaintDraft(**values)  # type: ignore[arg-type]
