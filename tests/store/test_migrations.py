"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from odr.store.migrate import current_head, upgrade
from tests.conftest import need


def _compare(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, SQLModel.metadata))


async def _state(url: str) -> tuple[list[Any], str, set[str]]:
    """Differences from the models, the stamped revision, and the tables present."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(_compare)
            revision = (
                await conn.execute(text("SELECT version_num FROM alembic_version"))
            ).scalar()
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    return diff, str(revision), tables


async def _check_upgrade(url: str) -> None:
    await upgrade(url)
    diff, revision, tables = await _state(url)
    assert diff == []
    assert revision == current_head()
    assert set(SQLModel.metadata.tables) <= tables
    await upgrade(url)  # a second run finds nothing to do
    assert (await _state(url))[1] == current_head()


def test_current_head_is_the_initial_revision() -> None:
    assert current_head() == "0001"


async def test_sqlite_upgrade_matches_the_models(tmp_path: Path) -> None:
    await _check_upgrade(f"sqlite+aiosqlite:///{tmp_path}/sub/odr.db")


async def _admin(url: str, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


@pytest.fixture
async def empty_postgres() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    admin_url = os.environ.get("ODR_TEST_POSTGRES_URL", "")
    need(bool(admin_url), "set ODR_TEST_POSTGRES_URL to run the PostgreSQL tests")
    name = f"odr_mig_{os.getpid()}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    await _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _admin(admin_url, f'CREATE DATABASE "{name}"')
    yield url
    await _admin(admin_url, f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.postgres
async def test_postgres_upgrade_matches_the_models(empty_postgres: str) -> None:
    await _check_upgrade(empty_postgres)
