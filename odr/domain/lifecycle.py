"""The complaint state machine: every transition is one guarded rule that yields a fact.

``transition`` is the only way a state changes. It checks the actor's role and the current state
and returns a :class:`Transition`, the fact that services persist in the append-only event log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from odr.domain.deadlines import DeadlineKind
from odr.domain.errors import N_, InvalidTransition, NotAllowed, ValidationFailed
from odr.domain.intake import CaseKind
from odr.domain.states import OPEN_STATES, Action, Role, State

S = State
R = Role


@dataclass(frozen=True)
class Rule:
    """Which states an action starts from, where it leads (``None``: stays) and who may take it."""

    sources: frozenset[State]
    target: State | None
    roles: frozenset[Role]


def _rule(sources: set[State], target: State | None, *roles: Role) -> Rule:
    return Rule(frozenset(sources), target, frozenset(roles))


RULES: Mapping[Action, Rule] = {
    Action.ROUTE_TO_ENTERPRISE: _rule({S.SUBMITTED}, S.WITH_ENTERPRISE, R.SYSTEM),
    Action.ROUTE_TO_REGULATOR: _rule({S.SUBMITTED}, S.PENDING_REVIEW, R.SYSTEM),
    Action.MAKE_OFFER: _rule({S.WITH_ENTERPRISE}, None, R.ENTERPRISE),
    Action.ACCEPT_OFFER: _rule({S.WITH_ENTERPRISE}, S.SETTLED_BY_ENTERPRISE, R.CONSUMER),
    Action.DECLINE_OFFER: _rule({S.WITH_ENTERPRISE}, S.PENDING_REVIEW, R.CONSUMER),
    Action.ESCALATE: _rule({S.WITH_ENTERPRISE}, S.PENDING_REVIEW, R.CONSUMER),
    Action.ENTERPRISE_EXPIRED: _rule({S.WITH_ENTERPRISE}, S.PENDING_REVIEW, R.SYSTEM),
    Action.ACCEPT: _rule({S.PENDING_REVIEW}, S.ACCEPTED, R.MODERATOR),
    Action.NOT_ACCEPT: _rule({S.PENDING_REVIEW}, S.NOT_ACCEPTED, R.MODERATOR),
    Action.REFER: _rule({S.PENDING_REVIEW}, S.REFERRED, R.MODERATOR),
    Action.OPEN_MEDIATION: _rule({S.ACCEPTED}, S.IN_MEDIATION, R.MODERATOR),
    Action.RECORD_AGREEMENT: _rule({S.IN_MEDIATION}, S.MEDIATED, R.MODERATOR),
    Action.RECORD_FAILURE: _rule({S.IN_MEDIATION}, S.MEDIATION_FAILED, R.MODERATOR),
    Action.MEDIATION_EXPIRED: _rule({S.ACCEPTED, S.IN_MEDIATION}, S.MEDIATION_FAILED, R.SYSTEM),
    Action.WITHDRAW: _rule(set(OPEN_STATES), S.WITHDRAWN, R.CONSUMER),
    Action.FILE_CASE: _rule({S.PENDING}, S.CASE_FILED, R.MODERATOR),
    Action.NOT_FILE: _rule({S.PENDING}, S.NOT_FILED, R.MODERATOR),
}


@dataclass(frozen=True)
class Transition:
    """A fact: ``action`` moved a complaint from ``from_state`` to ``to_state``."""

    action: Action
    from_state: State | None
    to_state: State
    role: Role
    reason: str | None = None


def transition(state: State, action: Action, role: Role, reason: str | None = None) -> Transition:
    """Check the guard for ``action`` and return the resulting fact, or raise.

    Raises :class:`NotAllowed` when ``role`` may not take the action and
    :class:`InvalidTransition` when the current ``state`` does not allow it.
    """
    rule = RULES.get(action)
    if rule is None:
        raise InvalidTransition(N_("This action is not possible now."), action=action)
    if role not in rule.roles:
        raise NotAllowed(N_("Your role may not do this."), action=action)
    if state not in rule.sources:
        raise InvalidTransition(
            N_("This action is not possible while the complaint is in this state."),
            action=action,
            state=state,
        )
    return Transition(action, state, rule.target or state, role, reason)


def allowed_actions(state: State, role: Role) -> frozenset[Action]:
    """The actions ``role`` may take on a complaint in ``state``: what the pages offer."""
    return frozenset(
        action for action, rule in RULES.items() if state in rule.sources and role in rule.roles
    )


def file(
    kind: CaseKind, merchant_is_odr: bool, green_channel: bool, role: Role = R.CONSUMER
) -> list[Transition]:
    """The facts of filing: creation, then routing to the enterprise or the regulator.

    A report (举报) starts in ``pending``. A complaint takes the green channel only when the
    merchant is an onboarded ODR enterprise and the consumer chose it. ``role`` is who files:
    the consumer, or staff recording a complaint received by phone or letter.
    """
    if green_channel and not merchant_is_odr:
        raise ValidationFailed(
            {"green_channel": N_("The green channel is only open for ODR enterprises.")}
        )
    if kind is CaseKind.REPORT:
        return [Transition(Action.FILE, None, S.PENDING, role)]
    created = Transition(Action.FILE, None, S.SUBMITTED, role)
    route = (
        Action.ROUTE_TO_ENTERPRISE
        if merchant_is_odr and green_channel
        else Action.ROUTE_TO_REGULATOR
    )
    return [created, transition(S.SUBMITTED, route, R.SYSTEM)]


def is_open(state: State) -> bool:
    """Whether the complaint still awaits someone's action."""
    return state in OPEN_STATES


DEADLINE_OF_STATE: Mapping[State, DeadlineKind] = {
    S.WITH_ENTERPRISE: DeadlineKind.ENTERPRISE,
    S.PENDING_REVIEW: DeadlineKind.ACCEPTANCE,
    S.ACCEPTED: DeadlineKind.MEDIATION,
    S.PENDING: DeadlineKind.REPORT_FILING,
}
"""The deadline that starts when a complaint enters a state (mediation runs on from acceptance)."""

EXPIRY_ACTION: Mapping[DeadlineKind, Action] = {
    DeadlineKind.ENTERPRISE: Action.ENTERPRISE_EXPIRED,
    DeadlineKind.MEDIATION: Action.MEDIATION_EXPIRED,
}
"""What the deadline loop does when a deadline passes; other deadlines only warn and escalate."""
