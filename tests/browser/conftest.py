"""A live server on a free port and a headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest
import uvicorn
from playwright.async_api import Browser, async_playwright

from odr.services.context import build_services
from odr.settings import Settings
from odr.store.engine import create_schema
from odr.web.app import create_app
from tests.conftest import need
from tests.factories import World, make_world

CHROMIUM = os.environ.get("ODR_TEST_CHROMIUM", "")


@dataclass(frozen=True)
class LiveServer:
    """Where the app listens, and the world it was seeded with."""

    url: str
    world: World


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def seeded_world(settings: Settings) -> World:
    """The standard world in the settings' database, before the server starts."""
    svc = build_services(settings)
    await create_schema(svc.engine)
    world = await make_world(svc)
    await svc.close()
    return world


@pytest.fixture
def live_server(settings: Settings, seeded_world: World) -> Iterator[LiveServer]:
    """The app served by uvicorn in a thread, as in production (no per-message deflate)."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the live server did not start"
    yield LiveServer(f"http://127.0.0.1:{port}", seeded_world)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    """Headless Debian Chromium; skipped (failed in CI) when ``ODR_TEST_CHROMIUM`` is unset."""
    need(bool(CHROMIUM), "set ODR_TEST_CHROMIUM to a Chromium binary to run the browser tests")
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        await chromium.close()
