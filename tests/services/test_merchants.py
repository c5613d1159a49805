"""The merchant registry and the stations with the regions they cover."""

from __future__ import annotations

from datetime import date

import pytest

from odr.domain.credit_code import check_character
from odr.domain.errors import NotFound, ValidationFailed
from odr.services import merchants
from odr.services.context import Services
from odr.services.merchants import MerchantInput


def code(first17: str) -> str:
    return first17 + check_character(first17)


GOOD_CODE = code("91330106MA2B3C4D5")
OTHER_CODE = code("91330105732084150")


def shop(**changes: object) -> MerchantInput:
    values: dict[str, object] = {
        "name": "杭州好物电器有限公司",
        "address": "杭州市西湖区文三路1号",
        "region": "西湖区",
        "industry": "家用电器",
    }
    values.update(changes)
    return MerchantInput(**values)  # type: ignore[arg-type]


async def test_add_merchant(services: Services) -> None:
    view = await merchants.add_merchant(
        services, shop(name=" 杭州好物电器有限公司 ", credit_code=f" {GOOD_CODE.lower()} ")
    )
    assert (view.name, view.credit_code, view.is_odr, view.onboarded_on) == (
        "杭州好物电器有限公司",
        GOOD_CODE,
        False,
        None,
    )
    assert await merchants.get_merchant(services, view.id) == view


async def test_odr_enterprise_is_onboarded_today_unless_dated(services: Services) -> None:
    today = await merchants.add_merchant(
        services, shop(name="甲", is_odr=True), today=date(2026, 11, 16)
    )
    assert today.onboarded_on == date(2026, 11, 16)
    dated = await merchants.add_merchant(
        services, shop(name="乙", is_odr=True, onboarded_on=date(2026, 1, 5))
    )
    assert dated.onboarded_on == date(2026, 1, 5)
    plain = await merchants.add_merchant(services, shop(name="丙", onboarded_on=date(2026, 1, 5)))
    assert plain.onboarded_on is None


@pytest.mark.parametrize(
    "bad",
    [
        GOOD_CODE[:-1] + ("0" if GOOD_CODE[-1] != "0" else "1"),  # wrong check character
        GOOD_CODE[:17],  # too short
        GOOD_CODE + "1",  # too long
        "91330106MA2B3C4DIO",  # letters outside the alphabet
    ],
)
async def test_add_merchant_refuses_a_bad_credit_code(services: Services, bad: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await merchants.add_merchant(services, shop(credit_code=bad))
    assert set(caught.value.fields) == {"credit_code"}
    assert (await merchants.search_merchants(services)).total == 0


async def test_add_merchant_names_every_missing_field(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await merchants.add_merchant(
            services, MerchantInput(name=" ", address="", region="", industry="x" * 101)
        )
    assert set(caught.value.fields) == {"name", "address", "region", "industry"}


async def test_add_merchant_refuses_a_duplicate_credit_code(services: Services) -> None:
    await merchants.add_merchant(services, shop(credit_code=GOOD_CODE))
    with pytest.raises(ValidationFailed) as caught:
        await merchants.add_merchant(services, shop(name="另一家", credit_code=GOOD_CODE.lower()))
    assert caught.value.fields == {"credit_code": "A merchant with this code is registered."}
    assert (await merchants.search_merchants(services)).total == 1


async def test_get_merchant_unknown(services: Services) -> None:
    with pytest.raises(NotFound):
        await merchants.get_merchant(services, 404)


@pytest.fixture
async def registry(services: Services) -> Services:
    for name, code_, odr in [
        ("杭州好物电器有限公司", GOOD_CODE, True),
        ("西湖小吃店", OTHER_CODE, False),
        ("100%_满意 家居", None, False),
        ("滨江健身会所", None, True),
    ]:
        await merchants.add_merchant(services, shop(name=name, credit_code=code_, is_odr=odr))
    return services


async def names(svc: Services, q: str = "", **options: object) -> list[str]:
    page = await merchants.search_merchants(svc, q, **options)  # type: ignore[arg-type]
    return [m.name for m in page.items]


async def test_search_by_name_or_code(registry: Services) -> None:
    assert await names(registry, "小吃") == ["西湖小吃店"]
    assert await names(registry, OTHER_CODE[:10]) == ["西湖小吃店"]
    assert await names(registry, "没有这家") == []
    assert len(await names(registry)) == 4


async def test_search_treats_wildcards_literally(registry: Services) -> None:
    assert await names(registry, "%") == ["100%_满意 家居"]
    assert await names(registry, "_") == ["100%_满意 家居"]


async def test_search_odr_only(registry: Services) -> None:
    assert sorted(await names(registry, odr_only=True)) == sorted(
        ["杭州好物电器有限公司", "滨江健身会所"]
    )
    assert await names(registry, "小吃", odr_only=True) == []


async def test_search_pages(registry: Services) -> None:
    first = await merchants.search_merchants(registry, limit=3)
    second = await merchants.search_merchants(registry, limit=3, offset=3)
    assert (first.total, second.total) == (4, 4)
    assert len(first.items) == 3 and len(second.items) == 1
    assert {m.id for m in first.items}.isdisjoint(m.id for m in second.items)


@pytest.mark.parametrize(
    ("limit", "offset", "field"), [(0, 0, "limit"), (101, 0, "limit"), (20, -1, "offset")]
)
async def test_search_refuses_bad_paging(
    registry: Services, limit: int, offset: int, field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await merchants.search_merchants(registry, limit=limit, offset=offset)
    assert set(caught.value.fields) == {field}


async def test_add_station_and_find_it_by_region(services: Services) -> None:
    xihu = await merchants.add_station(
        services, " 西湖区市场监管所 ", ["拱墅区", " 西湖区", "", "西湖区"]
    )
    assert (xihu.name, xihu.regions) == ("西湖区市场监管所", ("拱墅区", "西湖区"))
    binjiang = await merchants.add_station(services, "滨江区市场监管所", ["滨江区"])
    assert await merchants.station_for_region(services, "拱墅区") == xihu
    assert await merchants.station_for_region(services, "滨江区") == binjiang
    assert await merchants.station_for_region(services, "余杭区") is None
    assert [s.name for s in await merchants.list_stations(services)] == sorted(
        ["西湖区市场监管所", "滨江区市场监管所"]
    )


async def test_add_station_refuses_a_covered_region(services: Services) -> None:
    await merchants.add_station(services, "西湖区市场监管所", ["西湖区"])
    with pytest.raises(ValidationFailed) as caught:
        await merchants.add_station(services, "另一个所", ["滨江区", "西湖区"])
    assert set(caught.value.fields) == {"regions"}
    stations = await merchants.list_stations(services)
    assert [s.regions for s in stations] == [("西湖区",)]
    assert await merchants.station_for_region(services, "滨江区") is None


@pytest.mark.parametrize(
    ("name", "regions", "field"),
    [(" ", ["西湖区"], "name"), ("所", [], "regions"), ("所", [" "], "regions")],
)
async def test_add_station_needs_a_name_and_regions(
    services: Services, name: str, regions: list[str], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await merchants.add_station(services, name, regions)
    assert set(caught.value.fields) == {field}
    assert await merchants.list_stations(services) == []
