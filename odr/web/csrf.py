"""Cross-site request forgery: cookie sessions must echo a per-session token.

Forms carry it in a hidden ``csrf_token`` field, scripts in an ``X-CSRF-Token`` header.
Requests authenticated by a bearer token carry no ambient credentials and need none.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request

from odr.domain.errors import N_, DomainError
from odr.web.auth import bearer_token

SESSION_KEY = "csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"


class CsrfFailed(DomainError):
    """The form or script did not prove it came from our own pages (HTTP 403)."""

    code = "csrf_failed"


def csrf_token(request: Request) -> str:
    """This session's token, created on first use."""
    token = request.session.get(SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


async def _sent_token(request: Request) -> str:
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def check_csrf(request: Request) -> None:
    """Raise :class:`CsrfFailed` unless the request is token-authenticated or echoes the token."""
    if bearer_token(request) is not None:
        return
    expected = request.session.get(SESSION_KEY)
    sent = await _sent_token(request)
    if not isinstance(expected, str) or not hmac.compare_digest(expected, sent):
        raise CsrfFailed(N_("This form has expired. Reload the page and try again."))
