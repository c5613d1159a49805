"""What every API module shares: described routes, strict JSON bodies, query numbers, replies.

Each route carries an :class:`Operation` that says what it takes, returns and may refuse;
``openapi.py`` builds the document from exactly these, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from odr.domain.errors import N_, DomainError, ValidationFailed
from odr.domain.states import Role
from odr.services.context import Services
from odr.services.views import UserView
from odr.web.auth import require_user
from odr.web.csrf import check_csrf

M = TypeVar("M", bound=BaseModel)
Handler = Callable[[Request], Awaitable[Response]]

ERROR_MESSAGES: dict[str, str] = {
    "missing": N_("This field is required."),
    "int_type": N_("Must be a whole number."),
    "int_parsing": N_("Must be a whole number."),
    "int_from_float": N_("Must be a whole number."),
    "date_type": N_("Must be a date (YYYY-MM-DD)."),
    "date_parsing": N_("Must be a date (YYYY-MM-DD)."),
    "date_from_datetime_parsing": N_("Must be a date (YYYY-MM-DD)."),
    "date_from_datetime_inexact": N_("Must be a date (YYYY-MM-DD)."),
    "bool_type": N_("Must be true or false."),
    "bool_parsing": N_("Must be true or false."),
    "string_type": N_("Must be text."),
    "string_too_long": N_("This text is too long."),
    "enum": N_("Choose a value from the list."),
    "literal_error": N_("Choose a value from the list."),
    "model_type": N_("The request body must be a JSON object."),
    "model_attributes_type": N_("The request body must be a JSON object."),
}
"""Our own short msgids for pydantic's error types; pydantic's wording never reaches users."""

INVALID_VALUE = N_("This value is not valid.")


class BadJson(DomainError):
    """The request body is not JSON at all (HTTP 400)."""

    code = "bad_json"


@dataclass(frozen=True)
class Operation:
    """What an endpoint takes, returns and may refuse, for the OpenAPI document."""

    summary: str
    response: type[BaseModel] | None
    """``None``: a free-form JSON object (the OpenAPI document itself)."""
    status: int = 200
    body: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    public: bool = False
    query: tuple[tuple[str, str], ...] = ()
    """Query parameters as (name, JSON type)."""


class ApiRoute(Route):
    """A route of the JSON API, described by its :class:`Operation`."""

    def __init__(self, path: str, endpoint: Handler, method: str, operation: Operation) -> None:
        super().__init__(path, endpoint, methods=[method])
        self.method = method
        self.operation = operation


def api_route(path: str, method: str, endpoint: Handler, **operation: object) -> ApiRoute:
    """A described API route; ``operation`` holds the :class:`Operation` fields."""
    return ApiRoute(path, endpoint, method, Operation(**operation))  # type: ignore[arg-type]


def field_errors(errors: Sequence[ErrorDetails]) -> dict[str, str]:
    """Pydantic's errors as one msgid per field (the first error of each field wins)."""
    fields: dict[str, str] = {}
    for error in errors:
        name = ".".join(str(part) for part in error["loc"]) or "body"
        fields.setdefault(name, ERROR_MESSAGES.get(error["type"], INVALID_VALUE))
    return fields


async def read_body(request: Request, model: type[M]) -> M:
    """The request's JSON body as ``model``: :class:`BadJson` when it is not JSON,
    :class:`ValidationFailed` with per-field msgids when it does not fit. An empty body
    counts as ``{}``."""
    raw = await request.body()
    if not raw.strip():
        raw = b"{}"
    try:
        json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadJson(N_("The request body is not valid JSON.")) from exc
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise ValidationFailed(field_errors(exc.errors())) from exc


def query_int(request: Request, name: str, default: int) -> int:
    """A whole number from the query string, or ``default`` when absent."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValidationFailed({name: ERROR_MESSAGES["int_type"]}) from exc


def path_int(request: Request, name: str) -> int:
    """A whole-number path parameter (the route's ``:int`` convertor has checked it)."""
    return int(request.path_params[name])


def reply(model: BaseModel, status: int = 200) -> JSONResponse:
    """``model`` as a JSON response."""
    return JSONResponse(model.model_dump(mode="json"), status_code=status)


def services(request: Request) -> Services:
    """The process's services."""
    return request.app.state.services


async def acting(request: Request, *roles: Role) -> UserView:
    """The caller of an unsafe method: signed in with one of ``roles``, past the CSRF check."""
    user = await require_user(request, *roles)
    await check_csrf(request)
    return user
