"""Offer terms and triage decisions."""

from __future__ import annotations

import pytest

from odr.domain.errors import ValidationFailed
from odr.domain.intake import CaseKind
from odr.domain.offers import Remedy, check_decision, validate_offer
from odr.domain.referrals import referral_table
from odr.domain.states import Action


def test_valid_offer_is_cleaned() -> None:
    terms = validate_offer("refund", 39_900, "  全额退款 ")
    assert (terms.remedy, terms.amount_fen, terms.note) == (Remedy.REFUND, 39_900, "全额退款")


@pytest.mark.parametrize(
    ("remedy", "amount", "note", "field"),
    [
        ("bribe", 100, "", "remedy"),
        ("refund", -1, "", "amount_fen"),
        ("refund", 0, "", "amount_fen"),
        ("compensation", 0, "", "amount_fen"),
        ("repair", 10_000_000_001, "", "amount_fen"),
        ("apology", 0, "x" * 2001, "note"),
    ],
)
def test_bad_offers(remedy: str, amount: int, note: str, field: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        validate_offer(remedy, amount, note)
    assert field in error.value.fields


@pytest.mark.parametrize("remedy", ["repair", "replacement", "apology"])
def test_remedies_in_kind_need_no_amount(remedy: str) -> None:
    assert validate_offer(remedy, 0, "").amount_fen == 0


def test_decisions_map_to_actions() -> None:
    assert check_decision(CaseKind.COMPLAINT, "accept", None, None).action is Action.ACCEPT
    refused = check_decision(CaseKind.COMPLAINT, "not_accept", "over_three_years", None)
    assert (refused.action, refused.reason_code) == (Action.NOT_ACCEPT, "over_three_years")
    code = referral_table()[0].code
    referred = check_decision(CaseKind.COMPLAINT, "refer", None, code)
    assert (referred.action, referred.referral_code) == (Action.REFER, code)
    assert check_decision(CaseKind.REPORT, "file_case", None, None).action is Action.FILE_CASE


@pytest.mark.parametrize(
    ("kind", "decision", "reason", "department", "field"),
    [
        (CaseKind.COMPLAINT, "maybe", None, None, "decision"),
        (CaseKind.COMPLAINT, "file_case", None, None, "decision"),
        (CaseKind.REPORT, "accept", None, None, "decision"),
        (CaseKind.COMPLAINT, "not_accept", None, None, "reason_code"),
        (CaseKind.COMPLAINT, "not_accept", "because", None, "reason_code"),
        (CaseKind.COMPLAINT, "refer", None, None, "department"),
        (CaseKind.COMPLAINT, "refer", None, "ministry_of_magic", "department"),
    ],
)
def test_bad_decisions(
    kind: CaseKind, decision: str, reason: str | None, department: str | None, field: str
) -> None:
    with pytest.raises(ValidationFailed) as error:
        check_decision(kind, decision, reason, department)
    assert field in error.value.fields
