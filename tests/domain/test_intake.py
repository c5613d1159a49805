"""What a complaint or report must contain (Article 9), and the three-year limitation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from odr.domain.errors import ValidationFailed
from odr.domain.intake import (
    CaseKind,
    ComplaintDraft,
    beyond_limitation,
    is_valid_phone,
    validate_draft,
)

TODAY = date(2026, 11, 2)
DRAFT = ComplaintDraft(
    kind=CaseKind.COMPLAINT,
    complainant_name="张三",
    complainant_phone="13800138000",
    complainant_address="杭州市西湖区文三路 1 号",
    respondent_name="杭州某某电器有限公司",
    respondent_address="杭州市滨江区江南大道 2 号",
    category="household_appliances",
    facts="购买的电饭煲使用一周后无法加热。",
    request="退货退款",
    amount_fen=39_900,
    known_on=date(2026, 10, 20),
)


def fields_of(draft: ComplaintDraft) -> set[str]:
    with pytest.raises(ValidationFailed) as error:
        validate_draft(draft, TODAY)
    return set(error.value.fields)


def test_valid_draft_passes() -> None:
    assert validate_draft(DRAFT, TODAY) == DRAFT


@pytest.mark.parametrize(
    "field",
    [
        "complainant_name",
        "complainant_address",
        "respondent_name",
        "respondent_address",
        "facts",
        "request",
    ],
)
def test_required_fields(field: str) -> None:
    assert fields_of(replace(DRAFT, **{field: "   "})) == {field}


def test_every_bad_field_is_named() -> None:
    draft = replace(DRAFT, complainant_name="", complainant_phone="123", category="nope")
    assert fields_of(draft) == {"complainant_name", "complainant_phone", "category"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("complainant_name", "张" * 101),
        ("respondent_address", "路" * 201),
        ("facts", "x" * 5001),
        ("amount_fen", -1),
        ("amount_fen", 10_000_000_001),
    ],
)
def test_limits(field: str, value: object) -> None:
    assert fields_of(replace(DRAFT, **{field: value})) == {field}


@pytest.mark.parametrize(
    "phone", ["13800138000", "138 0013 8000", "0571-87654321", "057187654321", "010-1234567-89"]
)
def test_good_phones(phone: str) -> None:
    assert is_valid_phone(phone)
    assert validate_draft(replace(DRAFT, complainant_phone=phone), TODAY).complainant_phone == (
        phone.replace(" ", "")
    )


@pytest.mark.parametrize("phone", ["", "12800138000", "1380013800", "87654321", "phone"])
def test_bad_phones(phone: str) -> None:
    assert fields_of(replace(DRAFT, complainant_phone=phone)) == {"complainant_phone"}


def test_unknown_category() -> None:
    assert fields_of(replace(DRAFT, category="weapons")) == {"category"}


def test_known_on_in_the_future() -> None:
    assert fields_of(replace(DRAFT, known_on=date(2026, 11, 3))) == {"known_on"}
    assert validate_draft(replace(DRAFT, known_on=TODAY), TODAY).known_on == TODAY


def test_known_on_required_for_a_complaint_only() -> None:
    assert fields_of(replace(DRAFT, known_on=None)) == {"known_on"}
    report = replace(DRAFT, kind=CaseKind.REPORT, known_on=None)
    assert validate_draft(report, TODAY).known_on is None


def test_report_needs_no_request() -> None:
    assert validate_draft(replace(DRAFT, kind=CaseKind.REPORT, request=""), TODAY).request == ""


def test_credit_code() -> None:
    assert fields_of(replace(DRAFT, credit_code="91350100M000100Y44")) == {"credit_code"}
    good = validate_draft(replace(DRAFT, credit_code=" 91350100m000100y43 "), TODAY)
    assert good.credit_code == "91350100M000100Y43"
    assert validate_draft(replace(DRAFT, credit_code="  "), TODAY).credit_code is None


def test_whitespace_is_stripped() -> None:
    padded = replace(
        DRAFT,
        complainant_name="  张三 ",
        complainant_phone=" 138 0013 8000 ",
        respondent_name="\t某电器\n",
        facts="  事实  ",
        request=" 退款 ",
    )
    clean = validate_draft(padded, TODAY)
    assert (clean.complainant_name, clean.complainant_phone) == ("张三", "13800138000")
    assert (clean.respondent_name, clean.facts, clean.request) == ("某电器", "事实", "退款")


@pytest.mark.parametrize(
    ("known_on", "filed_on", "beyond"),
    [
        (date(2023, 11, 2), date(2026, 11, 2), False),  # exactly three years
        (date(2023, 11, 2), date(2026, 11, 3), True),  # a day more
        (date(2023, 11, 3), date(2026, 11, 2), False),
        (date(2024, 2, 29), date(2027, 2, 28), False),  # 29 February → 28 February
        (date(2024, 2, 29), date(2027, 3, 1), True),
        (date(2026, 10, 20), date(2026, 11, 2), False),
    ],
)
def test_beyond_limitation(known_on: date, filed_on: date, beyond: bool) -> None:
    assert beyond_limitation(known_on, filed_on) is beyond


def test_beyond_limitation_is_not_refused_at_intake() -> None:
    old = replace(DRAFT, known_on=date(2020, 1, 1))
    assert validate_draft(old, TODAY).known_on == date(2020, 1, 1)
