"""What every use case needs, built once per process (in the lifespan or the CLI)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain.calendar import WorkCalendar
from odr.domain.deadlines import StatutoryPeriods
from odr.settings import Settings
from odr.store.engine import SessionFactory, create_engine, session_factory
from odr.store.group_commit import GroupCommit
from odr.store.types import utcnow


@dataclass
class Services:
    """The long-lived resources of one process, handed to every use case."""

    settings: Settings
    engine: AsyncEngine
    sessions: SessionFactory
    calendar: WorkCalendar
    periods: StatutoryPeriods = field(default_factory=StatutoryPeriods)
    clock: Callable[[], datetime] = utcnow
    hasher: PasswordHasher = field(default_factory=PasswordHasher)
    group_commits: dict[str, GroupCommit[Any, Any]] = field(default_factory=dict)
    """Shared write batches by use case (see :mod:`odr.store.group_commit`)."""

    @property
    def tz(self) -> ZoneInfo:
        """The bureau's time zone."""
        return self.settings.tz

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        async with self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A session for queries only; nothing is committed."""
        async with self.sessions() as session:
            yield session

    async def close(self) -> None:
        """Release the database connections."""
        await self.engine.dispose()


def build_services(settings: Settings, **overrides: object) -> Services:
    """Open the engine for ``settings.database_url`` and assemble the services."""
    engine = create_engine(settings.database_url)
    return Services(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        calendar=WorkCalendar.default(),
        **overrides,  # type: ignore[arg-type]
    )
