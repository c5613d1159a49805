"""What a complaint or report must contain, checked before anything is stored.

Article 9 of the Interim Measures: the complainant's name, phone and address; the respondent's
name and address; the request, the facts and the related evidence; the date the harm was known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from odr.domain.categories import category_codes
from odr.domain.credit_code import is_valid_credit_code
from odr.domain.errors import N_, ValidationFailed

MAX_SHORT = 100
MAX_ADDRESS = 200
MAX_TEXT = 5000
MAX_AMOUNT_FEN = 10_000_000_000
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


class CaseKind(StrEnum):
    """A complaint (投诉) seeks redress; a report (举报) points out a violation."""

    COMPLAINT = "complaint"
    REPORT = "report"


class Channel(StrEnum):
    """How the complaint reached the regulator."""

    WEB = "web"
    HOTLINE_12315 = "hotline_12315"
    HOTLINE_12345 = "hotline_12345"
    MESSAGE_BOARD = "message_board"
    LETTER = "letter"
    VISIT = "visit"


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WEB: N_("Online (web)"),
    Channel.HOTLINE_12315: N_("12315 hotline"),
    Channel.HOTLINE_12345: N_("12345 hotline"),
    Channel.MESSAGE_BOARD: N_("Message board"),
    Channel.LETTER: N_("Letter"),
    Channel.VISIT: N_("Visit in person"),
}
"""English msgids for each channel; the web layer translates them."""


@dataclass(frozen=True)
class ComplaintDraft:
    """Everything a complaint says before it is filed; money in fen."""

    kind: CaseKind
    complainant_name: str
    complainant_phone: str
    complainant_address: str
    respondent_name: str
    respondent_address: str
    category: str
    facts: str
    request: str
    amount_fen: int = 0
    known_on: date | None = None
    channel: Channel = Channel.WEB
    credit_code: str | None = None


def is_valid_phone(phone: str) -> bool:
    """A mainland mobile number or a landline with its area code."""
    return bool(_PHONE.match(phone.replace(" ", "")))


def beyond_limitation(known_on: date, filed_on: date, years: int = 3) -> bool:
    """Whether the harm was known more than ``years`` before filing (a non-acceptance ground)."""
    try:
        limit = known_on.replace(year=known_on.year + years)
    except ValueError:  # 29 February
        limit = known_on.replace(year=known_on.year + years, day=28)
    return filed_on > limit


def _strip(draft: ComplaintDraft) -> ComplaintDraft:
    code = (draft.credit_code or "").strip().upper() or None
    return replace(
        draft,
        complainant_name=draft.complainant_name.strip(),
        complainant_phone=draft.complainant_phone.replace(" ", "").strip(),
        complainant_address=draft.complainant_address.strip(),
        respondent_name=draft.respondent_name.strip(),
        respondent_address=draft.respondent_address.strip(),
        facts=draft.facts.strip(),
        request=draft.request.strip(),
        credit_code=code,
    )


def _required(draft: ComplaintDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    limits = {
        "complainant_name": MAX_SHORT,
        "complainant_address": MAX_ADDRESS,
        "respondent_name": MAX_ADDRESS,
        "respondent_address": MAX_ADDRESS,
        "facts": MAX_TEXT,
        "request": MAX_TEXT,
    }
    for name, limit in limits.items():
        value: str = getattr(draft, name)
        if not value and not (name == "request" and draft.kind is CaseKind.REPORT):
            errors[name] = N_("This field is required.")
        elif len(value) > limit:
            errors[name] = N_("This text is too long.")
    return errors


def _checked(draft: ComplaintDraft, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not is_valid_phone(draft.complainant_phone):
        errors["complainant_phone"] = N_("Enter a mobile number or a landline with area code.")
    if draft.category not in category_codes():
        errors["category"] = N_("Choose a category from the list.")
    if not 0 <= draft.amount_fen <= MAX_AMOUNT_FEN:
        errors["amount_fen"] = N_("The amount must be between 0 and 100,000,000 yuan.")
    if draft.kind is CaseKind.COMPLAINT and draft.known_on is None:
        errors["known_on"] = N_("Give the date you learned of the harm.")
    elif draft.known_on is not None and draft.known_on > today:
        errors["known_on"] = N_("The date cannot be in the future.")
    if draft.credit_code and not is_valid_credit_code(draft.credit_code):
        errors["credit_code"] = N_("This is not a valid unified social credit code.")
    return errors


def validate_draft(draft: ComplaintDraft, today: date) -> ComplaintDraft:
    """Return the draft tidied, or raise :class:`ValidationFailed` naming every bad field.

    Harm known more than three years ago is not refused here: it is flagged for the moderator,
    who decides (see :func:`beyond_limitation`).
    """
    draft = _strip(draft)
    errors = _required(draft) | _checked(draft, today)
    if errors:
        raise ValidationFailed(errors)
    return draft
