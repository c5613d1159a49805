"""Money is kept in fen (分) as integers; people type and read yuan (元)."""

from __future__ import annotations

import re
from decimal import Decimal

_YUAN = re.compile(r"^\d{1,9}(\.\d{1,2})?$")


def parse_yuan(text: str) -> int:
    """Turn ``"399.5"`` into ``39950`` fen; raise ``ValueError`` for anything else."""
    cleaned = text.strip().replace(",", "").removesuffix("元").strip()
    if not _YUAN.match(cleaned):
        raise ValueError(f"not an amount in yuan: {text!r}")
    return int(Decimal(cleaned) * 100)


def format_fen(fen: int) -> str:
    """``39950`` → ``"399.50"``."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"
