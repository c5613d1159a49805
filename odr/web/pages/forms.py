"""What page handlers share: reading forms, acting as a role, answering with a redirect."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse

from odr.domain.states import Role
from odr.services.context import Services
from odr.services.views import UserView
from odr.web.auth import require_user
from odr.web.csrf import check_csrf


def services(request: Request) -> Services:
    """The process's services."""
    return request.app.state.services


async def form_of(request: Request) -> dict[str, str]:
    """The submitted form's text fields (the last value of each)."""
    data: FormData = await request.form()
    return {key: value for key, value in data.items() if isinstance(value, str)}


async def acting(request: Request, *roles: Role) -> UserView:
    """The signed-in user for an unsafe request, with one of ``roles``, past the CSRF check."""
    user = await require_user(request, *roles)
    await check_csrf(request)
    return user


def see_other(url: str) -> RedirectResponse:
    """Redirect after a POST (303), so reloading the next page repeats nothing."""
    return RedirectResponse(url, status_code=303)


def safe_next(target: str | None, default: str = "/") -> str:
    """A local path to go on to after login; anything else goes to ``default``."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return default


def int_param(request: Request, name: str) -> int:
    """A whole-number path parameter (checked by the route's ``:int`` convertor)."""
    return int(request.path_params[name])
