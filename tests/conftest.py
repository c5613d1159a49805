"""Fixtures shared by every test: settings, a fresh database per test, the app and a client."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel
from starlette.testclient import TestClient

from odr.services.context import Services, build_services
from odr.settings import Secret, Settings, load_settings
from odr.store.engine import create_engine, create_schema

REQUIRE_ALL = os.environ.get("ODR_TEST_REQUIRE_ALL") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip unless ``condition``; under ``ODR_TEST_REQUIRE_ALL=1`` (CI) fail instead."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Test settings with a fresh SQLite file per test."""
    return load_settings(
        environ={},
        env="test",
        secret_key=Secret("test-secret-key-0123456789abcdef"),
        database_url=f"sqlite+aiosqlite:///{tmp_path}/odr.db",
        sweep_interval=3600.0,
    )


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    """Services on a fresh schema, on the test's own event loop."""
    svc = build_services(settings)
    await create_schema(svc.engine)
    yield svc
    await svc.close()


POSTGRES_URL = os.environ.get("ODR_TEST_POSTGRES_URL", "")


async def _admin(url: str, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(statement))
    await engine.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run, with the schema created."""
    need(bool(POSTGRES_URL), "set ODR_TEST_POSTGRES_URL to run the PostgreSQL tests")
    name = f"odr_test_{os.getpid()}"
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    _blocking(_admin(POSTGRES_URL, f'CREATE DATABASE "{name}"'))
    _create_schema_sync(url)
    yield url
    _blocking(_admin(POSTGRES_URL, f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
async def any_services(
    request: pytest.FixtureRequest, settings: Settings
) -> AsyncIterator[Services]:
    """Services on SQLite, then on PostgreSQL (emptied before each test)."""
    if request.param == "sqlite":
        svc = build_services(settings)
        await create_schema(svc.engine)
    else:
        url = request.getfixturevalue("postgres_url")
        svc = build_services(replace(settings, database_url=url))
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        async with svc.engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield svc
    await svc.close()


def _blocking(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run ``coroutine`` to the end on its own loop in a thread: callers may be inside a loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def _create_schema_sync(url: str) -> None:
    async def run() -> None:
        engine = create_engine(url)
        await create_schema(engine)
        await engine.dispose()

    _blocking(run())


@pytest.fixture
def app(settings: Settings) -> Any:
    """The ASGI app on a fresh schema."""
    from odr.web.app import create_app

    _create_schema_sync(settings.database_url)
    return create_app(settings)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    """A client that runs the app's lifespan; requests share one event loop."""
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def call(client: TestClient) -> Callable[..., Any]:
    """Run a use case ``fn(services, *args)`` on the app's own loop and services."""

    def run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        services = client.app.state.services  # type: ignore[attr-defined]
        return client.portal.call(partial(fn, services, *args, **kwargs))  # type: ignore[union-attr]

    return run
