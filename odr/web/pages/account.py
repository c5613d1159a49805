"""Home, sign-in, sign-up, sign-out and the language switch."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from odr.domain.errors import N_, DomainError, ValidationFailed
from odr.domain.states import Role
from odr.i18n import COOKIE, LOCALES
from odr.services.accounts import ConsumerSignup, register_consumer
from odr.web.auth import current_user, log_in, sign_in, sign_out
from odr.web.csrf import check_csrf
from odr.web.errors import STATUS
from odr.web.pages.forms import acting, form_of, safe_next, see_other, services
from odr.web.templating import flash, render

HOME_OF_ROLE = {
    Role.CONSUMER: "/complaints",
    Role.ENTERPRISE: "/inbox",
    Role.MODERATOR: "/triage",
    Role.SUPERVISOR: "/triage",
}
"""Where each role starts after signing in."""

ONE_YEAR = 365 * 24 * 3600


async def home(request: Request) -> Response:
    """What odr is, and where each kind of user starts."""
    return await render(request, "home.html", {"user": await current_user(request)})


async def login_page(request: Request) -> Response:
    """The sign-in form."""
    return await render(request, "auth/login.html", {"next": request.query_params.get("next")})


async def login(request: Request) -> Response:
    """Check credentials (rate-limited) and start a session."""
    await check_csrf(request)
    form = await form_of(request)
    try:
        user = await log_in(request, form.get("username", ""), form.get("password", ""))
    except DomainError as exc:
        context = {
            "error": exc.message,
            "username": form.get("username", ""),
            "next": form.get("next"),
        }
        return await render(request, "auth/login.html", context, status=STATUS.get(exc.code, 400))
    sign_in(request, user)
    return see_other(safe_next(form.get("next"), HOME_OF_ROLE.get(user.role, "/")))


async def logout(request: Request) -> Response:
    """End the session."""
    await acting(request)
    sign_out(request)
    return see_other("/")


async def signup_page(request: Request) -> Response:
    """The consumer sign-up form."""
    return await render(request, "auth/signup.html", {"values": {}, "errors": {}})


async def signup(request: Request) -> Response:
    """Open a consumer account and sign in."""
    await check_csrf(request)
    form = await form_of(request)
    fields = ("username", "password", "name", "phone", "address")
    try:
        user = await register_consumer(
            services(request), ConsumerSignup(**{f: form.get(f, "") for f in fields})
        )
    except ValidationFailed as exc:
        values = {f: form.get(f, "") for f in fields if f != "password"}
        context = {"values": values, "errors": exc.fields}
        return await render(request, "auth/signup.html", context, status=422)
    sign_in(request, user)
    flash(request, N_("Welcome! Your account is ready."))
    return see_other("/complaints")


async def choose_language(request: Request) -> Response:
    """Remember the chosen language in a cookie and go back."""
    form = await form_of(request)
    locale = form.get("locale", "")
    response = see_other(safe_next(form.get("next")))
    if locale in LOCALES:
        response.set_cookie(COOKIE, locale, max_age=ONE_YEAR, httponly=True, samesite="lax")
    return response


routes = [
    Route("/", home, name="home"),
    Route("/login", login_page, methods=["GET"], name="login"),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/signup", signup_page, methods=["GET"], name="signup"),
    Route("/signup", signup, methods=["POST"]),
    Route("/lang", choose_language, methods=["POST"], name="lang"),
]
