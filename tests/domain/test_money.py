"""Yuan typed by people, fen kept as integers."""

from __future__ import annotations

import pytest

from odr.domain.money import format_fen, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("399", 39_900),
        ("399.5", 39_950),
        ("399.50", 39_950),
        ("1,234.56", 123_456),
        ("12元", 1_200),
        (" 12 元 ", 1_200),
        ("0", 0),
        ("0.01", 1),
        ("999999999.99", 99_999_999_999),
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text", ["-1", "1.234", "abc", "", " ", "元", "1.", ".5", "1e3", "1000000000"]
)
def test_parse_yuan_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yuan(text)


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "0.00"),
        (1, "0.01"),
        (39_950, "399.50"),
        (123_456, "1,234.56"),
        (10_000_000_000, "100,000,000.00"),
        (-1_050, "-10.50"),
    ],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


@pytest.mark.parametrize("fen", [0, 7, 39_950, 123_456_789])
def test_round_trip(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen
