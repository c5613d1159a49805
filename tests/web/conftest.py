"""Web fixtures: the standard world, created through the running app's own services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import World, make_world


@pytest.fixture
def world(call: Callable[..., Any]) -> World:
    """The standard stations, merchants and users, in the app's database."""
    return call(make_world)  # type: ignore[no-any-return]
