"""Who is calling: a session cookie (pages) or a bearer token (API clients)."""

from __future__ import annotations

import time

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import HTTPConnection

from odr.domain.errors import N_, DomainError, NotAllowed, NotFound
from odr.domain.states import Role
from odr.services.accounts import BadCredentials, authenticate, get_user
from odr.services.views import UserView
from odr.settings import Settings
from odr.web.ratelimit import AttemptLimiter

SESSION_USER = "uid"


class NotAuthenticated(DomainError):
    """No valid session or token (HTTP 401; pages redirect to the login page)."""

    code = "unauthenticated"


class UserCache:
    """Recently seen users by id, for ``ttl`` seconds, so that each request need not query.

    Accounts change rarely (an administrator's CLI command); a change is seen within ``ttl``.
    """

    def __init__(self, ttl: float = 30.0, size: int = 10_000) -> None:
        self.ttl, self.size = ttl, size
        self._users: dict[int, tuple[float, UserView]] = {}

    def get(self, user_id: int) -> UserView | None:
        """The cached user, if seen within ``ttl``."""
        found = self._users.get(user_id)
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def put(self, user: UserView) -> None:
        """Remember ``user``; the cache is emptied when full."""
        if len(self._users) >= self.size:
            self._users.clear()
        self._users[user.id] = (time.monotonic() + self.ttl, user)


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key.reveal(), salt="odr.api-token")


def issue_token(settings: Settings, user_id: int) -> str:
    """A signed bearer token for ``user_id`` that expires after ``settings.token_ttl`` seconds."""
    return _serializer(settings).dumps({"uid": user_id})


def read_token(settings: Settings, token: str) -> int | None:
    """The user id a token was issued for, or ``None`` if forged or expired."""
    try:
        data = _serializer(settings).loads(token, max_age=settings.token_ttl)
    except BadSignature:
        return None
    uid = data.get("uid") if isinstance(data, dict) else None
    return uid if isinstance(uid, int) else None


def bearer_token(conn: HTTPConnection) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if there is one."""
    scheme, _, token = conn.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _claimed_user_id(conn: HTTPConnection) -> int | None:
    settings: Settings = conn.app.state.services.settings
    token = bearer_token(conn)
    if token is not None:
        uid = read_token(settings, token)
        if uid is None:
            raise NotAuthenticated(N_("Your token is not valid or has expired."))
        return uid
    uid = conn.session.get(SESSION_USER) if "session" in conn.scope else None
    return uid if isinstance(uid, int) else None


async def current_user(conn: HTTPConnection) -> UserView | None:
    """The signed-in user, or ``None``; looked up once per request."""
    if "odr_user" in conn.scope:
        return conn.scope["odr_user"]
    uid = _claimed_user_id(conn)
    user = None if uid is None else await _lookup(conn, uid)
    conn.scope["odr_user"] = user
    return user


async def _lookup(conn: HTTPConnection, user_id: int) -> UserView | None:
    cache: UserCache = conn.app.state.user_cache
    user = cache.get(user_id)
    if user is None:
        try:
            user = await get_user(conn.app.state.services, user_id)
        except NotFound:
            return None
        cache.put(user)
    return user


async def require_user(conn: HTTPConnection, *roles: Role) -> UserView:
    """The signed-in user if their role is one of ``roles`` (any role when none are given)."""
    user = await current_user(conn)
    if user is None:
        raise NotAuthenticated(N_("Please sign in first."))
    if roles and user.role not in roles:
        raise NotAllowed(N_("Your role may not do this."))
    return user


def sign_in(conn: HTTPConnection, user: UserView) -> None:
    """Start a session for ``user`` (a fresh session: nothing from before survives)."""
    conn.session.clear()
    conn.session[SESSION_USER] = user.id
    conn.scope["odr_user"] = user


def sign_out(conn: HTTPConnection) -> None:
    """End the session."""
    conn.session.clear()
    conn.scope["odr_user"] = None


async def log_in(conn: HTTPConnection, username: str, password: str) -> UserView:
    """Check credentials under the login rate limit (per username and client address)."""
    limiter: AttemptLimiter = conn.app.state.login_limiter
    key = f"{username.strip().lower()}|{conn.client.host if conn.client else ''}"
    limiter.check(key)
    try:
        user = await authenticate(conn.app.state.services, username.strip(), password)
    except BadCredentials:
        limiter.failed(key)
        raise
    limiter.succeeded(key)
    return user
