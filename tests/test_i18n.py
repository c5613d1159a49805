"""Every message the code or a template can show has a Simplified Chinese translation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from babel.messages.extract import extract_from_file
from jinja2.ext import babel_extract

from odr.i18n import catalogue, gettext_for

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"N_": None, "_": None, "gettext": None}


def msgids() -> Iterator[tuple[str, str]]:
    """(msgid, where) for every literal message in ``odr/`` and ``templates/``."""
    for path in sorted((ROOT / "odr").rglob("*.py")):
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            if isinstance(message, str):
                yield message, str(path.relative_to(ROOT))
    options = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for _line, message, _comments, _context in extract_from_file(
            babel_extract, str(path), keywords=KEYWORDS, options=options
        ):
            if isinstance(message, str):
                yield message, str(path.relative_to(ROOT))


def untranslated() -> dict[str, str]:
    """Messages without a Chinese translation, with the file that uses each."""
    known = catalogue("zh_Hans")
    return {message: where for message, where in msgids() if message not in known}


def test_every_message_has_a_chinese_translation() -> None:
    missing = untranslated()
    assert not missing, "translate in odr/locale/zh_Hans/LC_MESSAGES/*.po:\n" + "\n".join(
        f"{where}: {message}" for message, where in sorted(missing.items(), key=lambda m: m[1])
    )


def test_no_translation_is_left_over_from_removed_code() -> None:
    used = {message for message, _ in msgids()}
    stale = sorted(set(catalogue("zh_Hans")) - used)
    assert not stale, f"remove from the .po files: {stale}"


def test_placeholders_survive_translation() -> None:
    zh = gettext_for("zh_Hans")
    for message, _where in msgids():
        for name in ("{n}", "{merchant}", "{date}"):
            assert (name in message) == (name in zh(message)), message
