"""Settings: read once from ``ODR_*`` environment variables into one typed, frozen object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PLACEHOLDER_SECRET = "change-me"
ENVIRONMENTS = ("development", "test", "production")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


class Secret:
    """A string that does not show itself in reprs, logs or tracebacks."""

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for the one place that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"


@dataclass(frozen=True)
class Settings:
    """Everything odr reads from its environment. See README, "Settings", for each variable."""

    env: str = "development"
    database_url: str = "sqlite+aiosqlite:///./var/odr.db"
    broker_url: str = "memory://"
    secret_key: Secret = field(default_factory=lambda: Secret(PLACEHOLDER_SECRET))
    allowed_origins: tuple[str, ...] = ()
    timezone: str = "Asia/Shanghai"
    host: str = "127.0.0.1"
    port: int = 8000
    sweep_interval: float = 60.0
    max_body_bytes: int = 1_048_576
    login_attempts: int = 5
    login_window: float = 300.0
    token_ttl: int = 43_200

    @property
    def tz(self) -> ZoneInfo:
        """The time zone deadlines are counted and times are shown in."""
        return ZoneInfo(self.timezone)

    @property
    def is_production(self) -> bool:
        """Production enables secure cookies and refuses the placeholder secret."""
        return self.env == "production"


VARIABLES: Mapping[str, str] = {
    "ODR_ENV": "env",
    "ODR_DATABASE_URL": "database_url",
    "ODR_BROKER_URL": "broker_url",
    "ODR_SECRET_KEY": "secret_key",
    "ODR_ALLOWED_ORIGINS": "allowed_origins",
    "ODR_TIMEZONE": "timezone",
    "ODR_HOST": "host",
    "ODR_PORT": "port",
    "ODR_SWEEP_INTERVAL": "sweep_interval",
    "ODR_MAX_BODY_BYTES": "max_body_bytes",
    "ODR_LOGIN_ATTEMPTS": "login_attempts",
    "ODR_LOGIN_WINDOW": "login_window",
    "ODR_TOKEN_TTL": "token_ttl",
}
"""Every environment variable odr reads, and the setting it fills."""


def _convert(name: str, attr: str, raw: str) -> object:
    kind = type(getattr(Settings(), attr))
    try:
        if attr == "secret_key":
            return Secret(raw)
        if attr == "allowed_origins":
            return tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from exc
    return raw.strip()


def _check(settings: Settings) -> Settings:
    if settings.env not in ENVIRONMENTS:
        raise SettingsError(f"ODR_ENV must be one of {', '.join(ENVIRONMENTS)}")
    if settings.env != "development" and settings.secret_key.reveal() in ("", PLACEHOLDER_SECRET):
        raise SettingsError("ODR_SECRET_KEY must be set to a long random value outside development")
    try:
        settings.tz  # noqa: B018 - validates the zone name
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"ODR_TIMEZONE is not a known time zone: {settings.timezone}") from exc
    return settings


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build the settings from ``environ`` (default ``os.environ``), then ``overrides``."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {
        attr: _convert(name, attr, environ[name])
        for name, attr in VARIABLES.items()
        if name in environ
    }
    values.update(overrides)
    return _check(Settings(**values))  # type: ignore[arg-type]
