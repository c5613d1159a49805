"""Translations: English msgids in the code, Simplified Chinese (the default) from ``.po`` files.

Every ``odr/locale/<locale>/LC_MESSAGES/*.po`` file is merged into one catalogue per locale at
first use. Gettext functions are handed to each request's templates rather than installed on
the shared Jinja environment, so two requests in different languages never mix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

from babel.messages.pofile import read_po
from starlette.requests import HTTPConnection

DEFAULT_LOCALE = "zh_Hans"
LOCALES: Mapping[str, str] = {"zh_Hans": "简体中文", "en": "English"}
"""Locales offered, with their own names."""
COOKIE = "odr_lang"

Gettext = Callable[[str], str]


@lru_cache(maxsize=len(LOCALES))
def catalogue(locale: str) -> Mapping[str, str]:
    """Every translated msgid of ``locale``; English needs none (the msgids are English)."""
    folder = resources.files("odr").joinpath("locale", locale, "LC_MESSAGES")
    messages: dict[str, str] = {}
    if not folder.is_dir():
        return messages
    for po in sorted(folder.iterdir(), key=lambda p: p.name):
        if po.name.endswith(".po"):
            with po.open("rb") as handle:
                for message in read_po(handle, locale="zh_Hans_CN"):
                    if message.id and message.string and isinstance(message.id, str):
                        messages[message.id] = str(message.string)
    return messages


def gettext_for(locale: str) -> Gettext:
    """A ``gettext`` for ``locale``; an untranslated msgid shows in English."""
    messages = catalogue(locale)

    def gettext(message: str) -> str:
        return messages.get(message, message)

    return gettext


def _from_header(header: str) -> str | None:
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh_Hans"
        if tag.startswith("en"):
            return "en"
    return None


def locale_of(conn: HTTPConnection) -> str:
    """The request's locale: the ``odr_lang`` cookie, then ``Accept-Language``, then Chinese."""
    chosen = conn.cookies.get(COOKIE, "")
    if chosen in LOCALES:
        return chosen
    return _from_header(conn.headers.get("accept-language", "")) or DEFAULT_LOCALE


def translate(conn: HTTPConnection, message: str, **params: object) -> str:
    """``message`` in the request's language, with ``{name}`` placeholders filled."""
    text = gettext_for(locale_of(conn))(message)
    return text.format(**params) if params else text
