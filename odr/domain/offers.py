"""Settlement offers from ODR enterprises, and the regulator's triage decisions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from odr.domain.errors import N_, ValidationFailed
from odr.domain.intake import CaseKind
from odr.domain.reasons import get_reason
from odr.domain.referrals import get_referral
from odr.domain.states import Action

MAX_NOTE = 2000
MAX_OFFER_FEN = 10_000_000_000


class Remedy(StrEnum):
    """What an offer (or later a mediation proposal) gives the consumer."""

    REFUND = "refund"
    REPLACEMENT = "replacement"
    REPAIR = "repair"
    COMPENSATION = "compensation"
    APOLOGY = "apology"


@dataclass(frozen=True)
class OfferTerms:
    """The checked terms of an offer; money in fen."""

    remedy: Remedy
    amount_fen: int
    note: str


def validate_offer(remedy: str, amount_fen: int, note: str) -> OfferTerms:
    """Check an offer's terms, raising :class:`ValidationFailed` with one entry per bad field."""
    errors: dict[str, str] = {}
    if remedy not in Remedy.__members__.values():
        errors["remedy"] = N_("Choose a remedy from the list.")
    if not 0 <= amount_fen <= MAX_OFFER_FEN:
        errors["amount_fen"] = N_("The amount must be between 0 and 100,000,000 yuan.")
    elif remedy in (Remedy.REFUND, Remedy.COMPENSATION) and amount_fen == 0:
        errors["amount_fen"] = N_("A refund or compensation needs an amount.")
    if len(note) > MAX_NOTE:
        errors["note"] = N_("The note is too long.")
    if errors:
        raise ValidationFailed(errors)
    return OfferTerms(Remedy(remedy), amount_fen, note.strip())


class Decision(StrEnum):
    """The regulator's triage decision on a complaint, or the filing decision on a report."""

    ACCEPT = "accept"
    NOT_ACCEPT = "not_accept"
    REFER = "refer"
    FILE_CASE = "file_case"
    NOT_FILE = "not_file"


DECISIONS_FOR: dict[CaseKind, frozenset[Decision]] = {
    CaseKind.COMPLAINT: frozenset({Decision.ACCEPT, Decision.NOT_ACCEPT, Decision.REFER}),
    CaseKind.REPORT: frozenset({Decision.FILE_CASE, Decision.NOT_FILE}),
}


@dataclass(frozen=True)
class CheckedDecision:
    """A decision with the action it takes and its statutory reason or referral, checked."""

    action: Action
    reason_code: str | None = None
    referral_code: str | None = None


def check_decision(
    kind: CaseKind, decision: str, reason_code: str | None, department: str | None
) -> CheckedDecision:
    """Validate a decision for a case of ``kind``: not accepting needs a statutory reason code,
    referring needs a department from the referral table."""
    if decision not in {d.value for d in DECISIONS_FOR[kind]}:
        raise ValidationFailed({"decision": N_("Choose a decision from the list.")})
    chosen = Decision(decision)
    if chosen is Decision.NOT_ACCEPT:
        return CheckedDecision(Action.NOT_ACCEPT, reason_code=get_reason(reason_code or "").code)
    if chosen is Decision.REFER:
        return CheckedDecision(Action.REFER, referral_code=get_referral(department or "").code)
    return CheckedDecision(Action(chosen.value))
