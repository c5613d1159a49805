"""The unified social credit code (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odr.domain.credit_code import ALPHABET, check_character, is_valid_credit_code

VALID = ["91350100M000100Y43", "91110000802100433B", "91440300708461136T"]


@pytest.mark.parametrize("code", VALID)
def test_known_valid_codes(code: str) -> None:
    assert is_valid_credit_code(code)
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize("code", [c.lower() for c in VALID] + [f" {VALID[0]} "])
def test_lowercase_and_whitespace_accepted(code: str) -> None:
    assert is_valid_credit_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y44",  # wrong check character
        "91110000802100433C",
        "91350100M000100Y4",  # 17 characters
        "91350100M000100Y430",  # 19 characters
        "",
        *(f"91350100{c}000100Y43" for c in "IOZSV"),  # letters GB 32100 leaves out
        "91350100M00010-Y43",
    ],
)
def test_invalid_codes(code: str) -> None:
    assert not is_valid_credit_code(code)


@pytest.mark.parametrize("letter", "IOZSV")
def test_forbidden_letters_not_in_alphabet(letter: str) -> None:
    assert letter not in ALPHABET
    assert len(ALPHABET) == 31


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_check_character_completes_any_prefix(prefix: str) -> None:
    check = check_character(prefix)
    assert is_valid_credit_code(prefix + check)
    assert not is_valid_credit_code(prefix + ALPHABET[(ALPHABET.index(check) + 1) % 31])
