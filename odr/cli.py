"""The ``odr`` command: serve the app, migrate the database, load the demo, add records by hand.

Commands stay thin: parse the options, call one use case through :func:`run`, print the result.
Bad input prints a clear message to stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import asyncio
import sys
import unicodedata
from collections.abc import Callable, Coroutine, Sequence
from datetime import datetime
from typing import Any, NoReturn, TypeVar

import click
from sqlalchemy.exc import SQLAlchemyError

from odr.domain.errors import DomainError, ValidationFailed
from odr.domain.states import Role
from odr.services import accounts, deadlines, demo, merchants
from odr.services.context import Services, build_services
from odr.settings import SettingsError, load_settings
from odr.store import migrate

T = TypeVar("T")

USAGE_ERROR = 2
ROLES = [r.value for r in Role if r is not Role.SYSTEM]


def _fail(message: str, status: int = USAGE_ERROR) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(status)


def _describe(exc: DomainError) -> str:
    if isinstance(exc, ValidationFailed) and exc.fields:
        lines = [f"  {name}: {msgid}" for name, msgid in exc.fields.items()]
        return "\n".join([exc.message, *lines])
    return exc.message


async def _with_services(factory: Callable[[Services], Coroutine[Any, Any, T]]) -> T:
    svc = build_services(load_settings())
    try:
        return await factory(svc)
    finally:
        await svc.close()


def run(factory: Callable[[Services], Coroutine[Any, Any, T]]) -> T:
    """Build the services from the settings, await ``factory(services)``, close them.

    Settings and domain errors become a message on stderr and exit status 2.
    """
    try:
        return asyncio.run(_with_services(factory))
    except SettingsError as exc:
        _fail(str(exc))
    except DomainError as exc:
        _fail(_describe(exc))
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        _fail(f"database: {reason} (has `odr db upgrade` been run?)", status=1)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )


@click.group()
def main() -> None:
    """odr: online dispute resolution for consumer complaints (the 12315 model)."""


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default: ODR_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: ODR_PORT).")
@click.option("--reload", is_flag=True, help="Restart when the code changes (development).")
@click.option("--demo", "with_demo", is_flag=True, help="Load the demo data into an empty DB.")
def serve(host: str | None, port: int | None, reload: bool, with_demo: bool) -> None:
    """Migrate the database, then serve the web app with uvicorn."""
    import uvicorn

    async def prepare(svc: Services) -> Services:
        await migrate.upgrade(svc.settings.database_url)
        if with_demo:
            await demo.load_demo(svc)
        return svc

    settings = run(prepare).settings
    uvicorn.run(
        "odr.web.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        reload=reload,
        ws_per_message_deflate=False,
    )


@main.group()
def db() -> None:
    """The database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration that has not run yet."""
    run(lambda svc: migrate.upgrade(svc.settings.database_url))
    click.echo(f"Database is at revision {migrate.current_head()}.")


@main.command("demo")
def demo_command() -> None:
    """Migrate, then fill an empty database with demo data and print the demo logins."""

    async def load(svc: Services) -> bool:
        await migrate.upgrade(svc.settings.database_url)
        return await demo.load_demo(svc)

    if not run(load):
        click.echo("The database already has users; demo data not loaded.")
        return
    click.echo("Demo data loaded. Log in as:")
    click.echo(_table([("username", "password", "role"), *demo.DEMO_LOGINS]))


@main.group()
def user() -> None:
    """User accounts."""


@user.command("add")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--password", required=True, help="At least 8 characters.")
@click.option("--name", default="", help="Display name (default: the username).")
@click.option("--phone", default="")
@click.option("--merchant", "merchant_id", type=int, help="Merchant id (enterprise staff).")
@click.option("--station", "station_id", type=int, help="Station id (moderators, supervisors).")
def user_add(
    username: str,
    role: str,
    password: str,
    name: str,
    phone: str,
    merchant_id: int | None,
    station_id: int | None,
) -> None:
    """Add a user of any role."""
    view = run(
        lambda svc: accounts.add_user(
            svc,
            username,
            password,
            role,
            name=name,
            phone=phone,
            merchant_id=merchant_id,
            station_id=station_id,
        )
    )
    click.echo(f"Added user {view.id}: {view.username} ({view.role}).")


@main.group()
def merchant() -> None:
    """The merchant registry."""


@merchant.command("add")
@click.option("--name", required=True)
@click.option("--address", required=True)
@click.option("--region", required=True, help="District, e.g. 西湖区.")
@click.option("--industry", required=True)
@click.option("--credit-code", default=None, help="Unified social credit code (18 characters).")
@click.option("--odr", "is_odr", is_flag=True, help="An onboarded ODR enterprise.")
@click.option("--onboarded", type=click.DateTime(["%Y-%m-%d"]), help="Onboarding date.")
def merchant_add(
    name: str,
    address: str,
    region: str,
    industry: str,
    credit_code: str | None,
    is_odr: bool,
    onboarded: datetime | None,
) -> None:
    """Register a merchant."""
    data = merchants.MerchantInput(
        name=name,
        address=address,
        region=region,
        industry=industry,
        credit_code=credit_code,
        is_odr=is_odr,
        onboarded_on=onboarded.date() if onboarded else None,
    )
    view = run(lambda svc: merchants.add_merchant(svc, data))
    odr = f", ODR enterprise since {view.onboarded_on}" if view.is_odr else ""
    click.echo(f"Added merchant {view.id}: {view.name}{odr}.")


@main.group()
def station() -> None:
    """Market-regulation stations."""


@station.command("add")
@click.option("--name", required=True)
@click.option("--region", "regions", required=True, multiple=True, help="Repeat for each.")
def station_add(name: str, regions: tuple[str, ...]) -> None:
    """Add a station covering one or more regions."""
    view = run(lambda svc: merchants.add_station(svc, name, list(regions)))
    click.echo(f"Added station {view.id}: {view.name} ({', '.join(view.regions)}).")


@main.group("deadlines")
def deadlines_group() -> None:
    """Statutory deadlines."""


def _parse_now(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO date-time such as 2026-12-01T09:30"
        ) from None


@deadlines_group.command("sweep")
@click.option(
    "--now",
    callback=_parse_now,
    help="Pretend it is this ISO date-time (without an offset: in ODR_TIMEZONE).",
)
def deadlines_sweep(now: datetime | None) -> None:
    """Move on every complaint whose deadline has passed."""

    async def sweep(svc: Services) -> deadlines.SweepReport:
        when = now.replace(tzinfo=svc.tz) if now and now.tzinfo is None else now
        return await deadlines.sweep(svc, when)

    report = run(sweep)
    click.echo(f"checked: {report.checked}, expired: {report.expired}")
