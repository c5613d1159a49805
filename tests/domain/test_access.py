"""Who may see a complaint."""

from __future__ import annotations

import pytest

from odr.domain.access import SYSTEM, Actor, CaseRef, can_view
from odr.domain.states import Role

CASE = CaseRef(consumer_id=1, merchant_id=10, station_id=100)


@pytest.mark.parametrize(
    ("actor", "visible"),
    [
        (Actor(1, Role.CONSUMER), True),
        (Actor(2, Role.CONSUMER), False),
        (Actor(None, Role.CONSUMER), False),
        (Actor(3, Role.ENTERPRISE, merchant_id=10), True),
        (Actor(4, Role.ENTERPRISE, merchant_id=11), False),
        (Actor(5, Role.ENTERPRISE), False),
        (Actor(6, Role.MODERATOR, station_id=100), True),
        (Actor(7, Role.MODERATOR, station_id=101), False),
        (Actor(8, Role.MODERATOR), True),
        (Actor(9, Role.SUPERVISOR, station_id=100), True),
        (Actor(10, Role.SUPERVISOR, station_id=101), False),
        (SYSTEM, True),
    ],
)
def test_can_view(actor: Actor, visible: bool) -> None:
    assert can_view(actor, CASE) is visible


def test_a_complaint_without_station_is_seen_only_at_bureau_level() -> None:
    case = CaseRef(consumer_id=1, merchant_id=10, station_id=None)
    assert can_view(Actor(8, Role.MODERATOR), case)
    assert not can_view(Actor(6, Role.MODERATOR, station_id=100), case)
