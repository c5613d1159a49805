"""Where complaints outside market regulation go: the referral table, kept as data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from odr.domain.errors import N_, ValidationFailed


@dataclass(frozen=True)
class Referral:
    """A kind of matter, the department competent for it, and the legal basis."""

    code: str
    matter_zh: str
    matter_en: str
    department_zh: str
    department_en: str
    basis: str

    def matter(self, locale: str) -> str:
        """The matter in ``locale``."""
        return self.matter_en if locale == "en" else self.matter_zh

    def department(self, locale: str) -> str:
        """The competent department in ``locale``."""
        return self.department_en if locale == "en" else self.department_zh


@lru_cache(maxsize=1)
def referral_table() -> tuple[Referral, ...]:
    """Every entry of ``data/referrals.json``, in its order."""
    text = resources.files("odr.domain").joinpath("data/referrals.json").read_text("utf-8")
    return tuple(Referral(**entry) for entry in json.loads(text))


def get_referral(code: str) -> Referral:
    """The referral with ``code``, or :class:`ValidationFailed` on ``department``."""
    for entry in referral_table():
        if entry.code == code:
            return entry
    raise ValidationFailed({"department": N_("Choose a department from the referral table.")})
