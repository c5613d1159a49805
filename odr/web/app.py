"""The application factory: settings in, a Starlette app out."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from odr.services.context import build_services
from odr.services.deadlines import run_forever
from odr.settings import Settings, load_settings
from odr.web.auth import UserCache
from odr.web.errors import exception_handlers
from odr.web.middleware import BodyLimit
from odr.web.ratelimit import AttemptLimiter
from odr.web.routes import routes

SESSION_COOKIE = "odr_session"


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the app for ``settings`` (default: from the ``ODR_*`` environment)."""
    settings = settings or load_settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        services = build_services(settings)
        app.state.services = services
        app.state.login_limiter = AttemptLimiter(settings.login_attempts, settings.login_window)
        app.state.user_cache = UserCache()
        sweeper = asyncio.create_task(run_forever(services, settings.sweep_interval))
        try:
            yield
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
            await services.close()

    middleware = [
        Middleware(BodyLimit, limit=settings.max_body_bytes),
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret_key.reveal(),
            session_cookie=SESSION_COOKIE,
            same_site="lax",
            https_only=settings.is_production,
        ),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers=exception_handlers,
        lifespan=lifespan,
    )
