"""Reference data: Article 15 reasons, the referral table and complaint categories."""

from __future__ import annotations

from dataclasses import fields

import pytest

from odr.domain.categories import CATEGORIES, category_codes, get_category
from odr.domain.errors import ValidationFailed
from odr.domain.reasons import BASIS, REASONS, ReasonCode, get_reason
from odr.domain.referrals import Referral, get_referral, referral_table


def test_six_article_15_reasons() -> None:
    assert len(REASONS) == 6
    assert set(REASONS) == {c.value for c in ReasonCode}
    assert [r.item for r in REASONS.values()] == [1, 2, 3, 4, 5, 6]
    assert "第十五条" in BASIS


@pytest.mark.parametrize(
    ("code", "item", "phrase"),
    [
        ("not_our_duty", "一", "不属于市场监督管理部门职责"),
        ("already_handled", "二", "已经受理或者处理过同一消费者权益争议"),
        ("not_consumption", "三", "不是为生活消费需要"),
        ("over_three_years", "四", "超过三年"),
        ("materials_missing", "五", "第九条第一款和第十条"),
        ("other_legal_ground", "六", "不予受理的其他情形"),
    ],
)
def test_reason_wording(code: str, item: str, phrase: str) -> None:
    reason = get_reason(code)
    assert reason.code == code
    assert phrase in reason.wording
    assert reason.summary_en
    assert reason.basis == f"{BASIS}第（{item}）项"


def test_unknown_reason() -> None:
    with pytest.raises(ValidationFailed) as error:
        get_reason("because")
    assert set(error.value.fields) == {"reason_code"}


def test_referral_table() -> None:
    table = referral_table()
    assert len(table) >= 20
    assert len({r.code for r in table}) == len(table)
    for entry in table:
        for f in fields(Referral):
            assert getattr(entry, f.name).strip(), (entry.code, f.name)


@pytest.mark.parametrize(
    "codes",
    [
        {"banking", "insurance"},
        {"telecom"},
        {"medical_services"},
        {"school_education", "off_campus_tutoring"},
        {"housing_sales", "property_management"},
        {"railway_tickets", "air_tickets"},
    ],
)
def test_referral_table_covers(codes: set[str]) -> None:
    assert codes & {r.code for r in referral_table()}
    for code in codes:
        assert get_referral(code).code == code


def test_referral_locales() -> None:
    banking = get_referral("banking")
    assert banking.matter("en") == banking.matter_en
    assert banking.department("zh_Hans") == banking.department_zh
    assert "金融" in banking.department_zh


def test_unknown_referral() -> None:
    with pytest.raises(ValidationFailed) as error:
        get_referral("ministry_of_magic")
    assert set(error.value.fields) == {"department"}


def test_categories() -> None:
    codes = [c.code for c in CATEGORIES]
    assert len(set(codes)) == len(codes)
    assert category_codes() == set(codes)
    assert {"food_safety", "e_commerce", "household_appliances"} <= category_codes()
    assert all(c.zh and c.en for c in CATEGORIES)


def test_get_category() -> None:
    food = get_category("food_safety")
    assert (food.name("zh_Hans"), food.name("en")) == ("食品安全", "Food safety")
    with pytest.raises(ValidationFailed) as error:
        get_category("nope")
    assert set(error.value.fields) == {"category"}
