"""The README keeps up with the code: every setting, CLI command, API route and demo login."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from starlette.routing import Mount, Route

from odr.cli import main
from odr.services.demo import DEMO_LOGINS, DEMO_PASSWORD
from odr.settings import VARIABLES, Settings
from odr.web import api

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def commands(group: click.Group, prefix: str = "odr") -> Iterator[str]:
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}"


@pytest.mark.parametrize("variable", sorted(VARIABLES))
def test_every_setting_is_documented_with_its_default(variable: str) -> None:
    default = getattr(Settings(), VARIABLES[variable])
    shown = default.reveal() if hasattr(default, "reveal") else default
    if isinstance(shown, float) and shown.is_integer():
        shown = int(shown)
    lines = [line for line in README.splitlines() if f"`{variable}`" in line]
    assert lines, f"{variable} is missing from the README's settings table"
    if shown not in ((), ""):
        assert f"`{shown}`" in lines[0], f"{variable}'s default {shown!r} is not in the README"


@pytest.mark.parametrize("command", sorted(commands(main)))
def test_every_cli_command_is_documented(command: str) -> None:
    assert f"`{command}" in README, f"`{command}` is missing from the README"


def api_routes() -> Iterator[str]:
    for route in api.routes:
        if isinstance(route, Route) and not isinstance(route, Mount):
            for method in sorted((route.methods or set()) - {"HEAD"}):
                yield f"{method} /api/v1{route.path}"


@pytest.mark.parametrize("route", sorted(set(api_routes())))
def test_every_api_route_is_documented(route: str) -> None:
    assert f"`{route.replace(':int', '')}`" in README, f"{route} is missing from the README"


def test_demo_logins_are_documented() -> None:
    assert f"`{DEMO_PASSWORD}`" in README
    for username, _password, _who in DEMO_LOGINS:
        assert f"`{username}`" in README
