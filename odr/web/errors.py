"""Turning errors into answers: JSON under ``/api``, a page (or the login page) elsewhere.

Every refusal says what went wrong in the caller's language and changes nothing: use cases
raise before they commit.
"""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from odr.domain.errors import (
    N_,
    DomainError,
    InvalidTransition,
    NotAllowed,
    NotFound,
    ValidationFailed,
)
from odr.i18n import translate
from odr.web.auth import NotAuthenticated

log = logging.getLogger("odr.web")


class BodyTooLarge(DomainError):
    """The request body is over ``ODR_MAX_BODY_BYTES`` (HTTP 413)."""

    code = "body_too_large"


STATUS: dict[str, int] = {
    ValidationFailed.code: 422,
    InvalidTransition.code: 409,
    NotAllowed.code: 403,
    NotFound.code: 404,
    NotAuthenticated.code: 401,
    BodyTooLarge.code: 413,
    "invalid_credentials": 401,
    "too_many_attempts": 429,
    "csrf_failed": 403,
    "bad_json": 400,
}
"""HTTP status of each error code; other domain errors are 400."""

HTTP_MESSAGES: dict[int, str] = {
    404: N_("This page does not exist."),
    405: N_("This method is not allowed here."),
    413: N_("The request is too large."),
    500: N_("Something went wrong on our side. Please try again."),
}


def wants_json(request: Request) -> bool:
    """API paths answer in JSON; pages answer with HTML."""
    return request.url.path.startswith("/api/")


def error_body(
    request: Request, code: str, message: str, fields: dict[str, str]
) -> dict[str, object]:
    """The JSON shape of every API error: ``{"error": {"code", "message", "fields"}}``."""
    return {
        "error": {
            "code": code,
            "message": translate(request, message),
            "fields": {name: translate(request, text) for name, text in fields.items()},
        }
    }


async def _respond(
    request: Request, status: int, code: str, message: str, fields: dict[str, str]
) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(request, code, message, fields), status_code=status)
    from odr.web.templating import render  # the error page needs the templates

    context = {"status": status, "message": translate(request, message), "code": code}
    return await render(request, "error.html", context, status=status)


async def domain_error(request: Request, exc: Exception) -> Response:
    """A broken rule of the domain, refused with its status."""
    assert isinstance(exc, DomainError)
    if isinstance(exc, NotAuthenticated) and not wants_json(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = request.headers.get("referer", "/") or "/"
        return RedirectResponse(request.url_for("login").include_query_params(next=target), 303)
    fields = exc.fields if isinstance(exc, ValidationFailed) else {}
    return await _respond(request, STATUS.get(exc.code, 400), exc.code, exc.message, fields)


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (unknown path, wrong method) in our shape."""
    assert isinstance(exc, HTTPException)
    message = HTTP_MESSAGES.get(exc.status_code, N_("The request could not be handled."))
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    response = await _respond(request, exc.status_code, code, message, {})
    response.headers.update(exc.headers or {})
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug: logged with its traceback, answered without one."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return await _respond(request, 500, "server_error", HTTP_MESSAGES[500], {})


exception_handlers = {
    DomainError: domain_error,
    HTTPException: http_error,
    Exception: server_error,
}
