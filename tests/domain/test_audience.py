"""Who is told of each transition."""

from __future__ import annotations

import pytest

from odr.domain.audience import Audience, audiences
from odr.domain.lifecycle import Transition
from odr.domain.states import Action, Role, State

C, M, S = Audience.CONSUMER, Audience.MERCHANT, Audience.STATION


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        (Transition(Action.FILE, None, State.SUBMITTED, Role.CONSUMER), set()),
        (Transition(Action.FILE, None, State.SUBMITTED, Role.MODERATOR), {C}),
        (Transition(Action.FILE, None, State.PENDING, Role.CONSUMER), {S}),
        (
            Transition(
                Action.ROUTE_TO_ENTERPRISE, State.SUBMITTED, State.WITH_ENTERPRISE, Role.SYSTEM
            ),
            {C, M},
        ),
        (
            Transition(
                Action.ROUTE_TO_REGULATOR, State.SUBMITTED, State.PENDING_REVIEW, Role.SYSTEM
            ),
            {C, S},
        ),
        (
            Transition(
                Action.MAKE_OFFER, State.WITH_ENTERPRISE, State.WITH_ENTERPRISE, Role.ENTERPRISE
            ),
            {C},
        ),
        (
            Transition(
                Action.ACCEPT_OFFER,
                State.WITH_ENTERPRISE,
                State.SETTLED_BY_ENTERPRISE,
                Role.CONSUMER,
            ),
            {M},
        ),
        (
            Transition(
                Action.DECLINE_OFFER, State.WITH_ENTERPRISE, State.PENDING_REVIEW, Role.CONSUMER
            ),
            {M, S},
        ),
        (
            Transition(
                Action.ENTERPRISE_EXPIRED, State.WITH_ENTERPRISE, State.PENDING_REVIEW, Role.SYSTEM
            ),
            {C, M, S},
        ),
        (Transition(Action.ACCEPT, State.PENDING_REVIEW, State.ACCEPTED, Role.MODERATOR), {C, M}),
        (
            Transition(Action.NOT_ACCEPT, State.PENDING_REVIEW, State.NOT_ACCEPTED, Role.MODERATOR),
            {C},
        ),
        (Transition(Action.WITHDRAW, State.WITH_ENTERPRISE, State.WITHDRAWN, Role.CONSUMER), {M}),
        (Transition(Action.WITHDRAW, State.PENDING_REVIEW, State.WITHDRAWN, Role.CONSUMER), {S}),
    ],
)
def test_audiences(fact: Transition, expected: set[Audience]) -> None:
    assert audiences(fact) == expected
