"""Rendering pages: one Jinja environment, per-request gettext, flash messages, labels."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from odr.domain.categories import CATEGORIES, get_category
from odr.domain.errors import DomainError
from odr.domain.intake import CHANNEL_LABELS
from odr.domain.money import format_fen
from odr.domain.reasons import REASONS
from odr.domain.referrals import get_referral, referral_table
from odr.i18n import LOCALES, gettext_for, locale_of
from odr.web.auth import current_user
from odr.web.csrf import csrf_token
from odr.web.labels import ALL

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FLASH = "flash"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yuan"] = format_fen
    env.globals["categories"] = CATEGORIES
    env.globals["reasons"] = REASONS
    env.globals["referrals"] = referral_table()
    env.globals["locales"] = LOCALES
    return env


templates = Jinja2Templates(env=_environment())


def flash(request: Request, message: str, kind: str = "info") -> None:
    """Keep an English msgid to show once on the next page."""
    request.session.setdefault(FLASH, []).append([kind, message])


def _pop_flashes(request: Request) -> list[list[str]]:
    return request.session.pop(FLASH, []) if "session" in request.scope else []


def _local(tz: Any) -> Any:
    def local(moment: datetime | date | None, with_time: bool = True) -> str:
        if moment is None:
            return ""
        if isinstance(moment, datetime):
            moment = moment.astimezone(tz)
            return moment.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
        return moment.isoformat()

    return local


def _helpers(request: Request, locale: str) -> dict[str, Any]:
    gettext = gettext_for(locale)

    def label(table: str, code: str | None) -> str:
        return gettext(ALL[table].get(code or "", code or ""))

    def category(code: str) -> str:
        try:
            return get_category(code).name(locale)
        except DomainError:
            return code

    def referral(code: str) -> str:
        try:
            return get_referral(code).department(locale)
        except DomainError:
            return code

    return {
        "_": gettext,
        "gettext": gettext,
        "ngettext": lambda s, p, n: gettext(s if n == 1 else p),
        "label": label,
        "category_name": category,
        "category_options": [(c.code, c.name(locale)) for c in CATEGORIES],
        "channel_options": [(c.value, gettext(text)) for c, text in CHANNEL_LABELS.items()],
        "department_name": referral,
        "local": _local(request.app.state.services.tz),
    }


async def _user_or_none(request: Request) -> Any:
    try:
        return await current_user(request)
    except DomainError:  # a forged bearer token on a page: show it signed out
        return None


async def render(
    request: Request, name: str, context: Mapping[str, Any] | None = None, status: int = 200
) -> Response:
    """Render template ``name`` for this request, in its language, with the signed-in user."""
    locale = locale_of(request)
    has_session = "session" in request.scope
    values: dict[str, Any] = {
        "locale": locale,
        "user": await _user_or_none(request) if has_session else None,
        "csrf_token": csrf_token(request) if has_session else "",
        "flashes": _pop_flashes(request),
        **_helpers(request, locale),
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, values, status_code=status)
