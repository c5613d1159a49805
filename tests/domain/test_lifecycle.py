"""Every (state, action, role) against the transition table, and filing's routing."""

from __future__ import annotations

import itertools

import pytest

from odr.domain import lifecycle
from odr.domain.errors import InvalidTransition, NotAllowed, ValidationFailed
from odr.domain.intake import CaseKind
from odr.domain.states import OPEN_STATES, Action, Role, State

EXPECTED: dict[tuple[State, Action], tuple[State, Role]] = {
    (State.SUBMITTED, Action.ROUTE_TO_ENTERPRISE): (State.WITH_ENTERPRISE, Role.SYSTEM),
    (State.SUBMITTED, Action.ROUTE_TO_REGULATOR): (State.PENDING_REVIEW, Role.SYSTEM),
    (State.WITH_ENTERPRISE, Action.MAKE_OFFER): (State.WITH_ENTERPRISE, Role.ENTERPRISE),
    (State.WITH_ENTERPRISE, Action.ACCEPT_OFFER): (State.SETTLED_BY_ENTERPRISE, Role.CONSUMER),
    (State.WITH_ENTERPRISE, Action.DECLINE_OFFER): (State.PENDING_REVIEW, Role.CONSUMER),
    (State.WITH_ENTERPRISE, Action.ESCALATE): (State.PENDING_REVIEW, Role.CONSUMER),
    (State.WITH_ENTERPRISE, Action.ENTERPRISE_EXPIRED): (State.PENDING_REVIEW, Role.SYSTEM),
    (State.PENDING_REVIEW, Action.ACCEPT): (State.ACCEPTED, Role.MODERATOR),
    (State.PENDING_REVIEW, Action.NOT_ACCEPT): (State.NOT_ACCEPTED, Role.MODERATOR),
    (State.PENDING_REVIEW, Action.REFER): (State.REFERRED, Role.MODERATOR),
    (State.ACCEPTED, Action.OPEN_MEDIATION): (State.IN_MEDIATION, Role.MODERATOR),
    (State.IN_MEDIATION, Action.RECORD_AGREEMENT): (State.MEDIATED, Role.MODERATOR),
    (State.IN_MEDIATION, Action.RECORD_FAILURE): (State.MEDIATION_FAILED, Role.MODERATOR),
    (State.ACCEPTED, Action.MEDIATION_EXPIRED): (State.MEDIATION_FAILED, Role.SYSTEM),
    (State.IN_MEDIATION, Action.MEDIATION_EXPIRED): (State.MEDIATION_FAILED, Role.SYSTEM),
    (State.PENDING, Action.FILE_CASE): (State.CASE_FILED, Role.MODERATOR),
    (State.PENDING, Action.NOT_FILE): (State.NOT_FILED, Role.MODERATOR),
    **{(s, Action.WITHDRAW): (State.WITHDRAWN, Role.CONSUMER) for s in OPEN_STATES},
}
"""The design's diagram, written out: the only allowed (state, action) pairs."""

CASES = list(itertools.product(State, [a for a in Action if a is not Action.FILE], Role))


@pytest.mark.parametrize(("state", "action", "role"), CASES)
def test_every_state_action_role(state: State, action: Action, role: Role) -> None:
    expected = EXPECTED.get((state, action))
    if expected is not None and expected[1] is role:
        fact = lifecycle.transition(state, action, role, "why")
        assert (fact.from_state, fact.to_state, fact.action, fact.reason) == (
            state,
            expected[0],
            action,
            "why",
        )
    elif lifecycle.RULES[action].roles != {role}:
        with pytest.raises(NotAllowed):
            lifecycle.transition(state, action, role)
    else:
        with pytest.raises(InvalidTransition):
            lifecycle.transition(state, action, role)


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("role", list(Role))
def test_allowed_actions_match_the_table(state: State, role: Role) -> None:
    expected = {a for (s, a), (_, r) in EXPECTED.items() if s is state and r is role}
    assert lifecycle.allowed_actions(state, role) == expected


def test_closed_states_allow_nothing() -> None:
    for state in set(State) - OPEN_STATES:
        assert all(not lifecycle.allowed_actions(state, role) for role in Role)


@pytest.mark.parametrize(
    ("odr", "green", "route_to"),
    [
        (True, True, State.WITH_ENTERPRISE),
        (True, False, State.PENDING_REVIEW),
        (False, False, State.PENDING_REVIEW),
    ],
)
def test_filing_routes_by_merchant_and_choice(odr: bool, green: bool, route_to: State) -> None:
    created, routed = lifecycle.file(CaseKind.COMPLAINT, odr, green)
    assert (created.from_state, created.to_state) == (None, State.SUBMITTED)
    assert (routed.from_state, routed.to_state) == (State.SUBMITTED, route_to)


def test_green_channel_needs_an_odr_enterprise() -> None:
    with pytest.raises(ValidationFailed) as error:
        lifecycle.file(CaseKind.COMPLAINT, merchant_is_odr=False, green_channel=True)
    assert "green_channel" in error.value.fields


def test_reports_start_pending_and_keep_the_filer_role() -> None:
    (fact,) = lifecycle.file(CaseKind.REPORT, True, False, Role.MODERATOR)
    assert (fact.to_state, fact.role) == (State.PENDING, Role.MODERATOR)


def test_every_open_state_with_a_deadline_has_one_or_inherits_mediation() -> None:
    timed = set(lifecycle.DEADLINE_OF_STATE) | {State.IN_MEDIATION}
    assert OPEN_STATES - {State.SUBMITTED} <= timed
