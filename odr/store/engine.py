"""The async engine and session factory, with SQLite tuned for a small embedded server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.store import models  # noqa: F401 - registers the tables on SQLModel.metadata

SessionFactory = async_sessionmaker[AsyncSession]

SQLITE_CONNECTIONS = 2
"""SQLite has one writer: a second connection lets reads run beside a write, while more only
add driver threads contending for the lock (bench/RESULTS.md has the figures)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def is_sqlite(url: str) -> bool:
    """Whether ``url`` names a SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str) -> AsyncEngine:
    """An async engine for ``url``; creates the folder of a SQLite file if needed."""
    if is_sqlite(url):
        engine = _sqlite_engine(url, make_url(url).database)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _sqlite_engine(url: str, database: str | None) -> AsyncEngine:
    if database in (None, "", ":memory:"):
        return create_async_engine(url)  # one connection holds the whole database
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    return create_async_engine(url, pool_size=SQLITE_CONNECTIONS, max_overflow=0)


def session_factory(engine: AsyncEngine) -> SessionFactory:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def create_schema(engine: AsyncEngine) -> None:
    """Create every table that is missing (tests and first runs; migrations for upgrades)."""
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
