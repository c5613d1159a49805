"""Schema migrations: run Alembic's ``upgrade head`` from code (the CLI and the app's start)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration for this package; ``url`` is the database to migrate."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.attributes["programmatic"] = True
    if url is not None:
        config.attributes["url"] = url
    return config


def _upgrade_sync(url: str) -> None:
    command.upgrade(alembic_config(url), "head")


async def upgrade(url: str) -> None:
    """Bring the database at ``url`` to the newest revision.

    Alembic's environment runs its own event loop, so the command runs in a worker thread:
    this is safe to await from inside a running loop.
    """
    await asyncio.to_thread(_upgrade_sync, url)


def current_head() -> str:
    """The newest revision this package ships."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head
