"""Who hears of a transition: the rule behind in-app notifications."""

from __future__ import annotations

from enum import StrEnum

from odr.domain.lifecycle import Transition
from odr.domain.states import Action, Role, State


class Audience(StrEnum):
    """A group concerned by a complaint: its consumer, the merchant's staff, the station."""

    CONSUMER = "consumer"
    MERCHANT = "merchant"
    STATION = "station"


_MERCHANT_ACTIONS = frozenset(
    {
        Action.ROUTE_TO_ENTERPRISE,
        Action.ACCEPT_OFFER,
        Action.DECLINE_OFFER,
        Action.ESCALATE,
        Action.ENTERPRISE_EXPIRED,
        Action.ACCEPT,
        Action.OPEN_MEDIATION,
        Action.RECORD_AGREEMENT,
        Action.RECORD_FAILURE,
        Action.MEDIATION_EXPIRED,
    }
)
_STATION_STATES = frozenset({State.PENDING_REVIEW, State.PENDING})
_STATION_WITHDRAWN_FROM = frozenset(
    {State.PENDING_REVIEW, State.ACCEPTED, State.IN_MEDIATION, State.PENDING}
)


def audiences(fact: Transition) -> frozenset[Audience]:
    """The groups to notify of ``fact``; the actor's own group is left out."""
    groups: set[Audience] = {Audience.CONSUMER}
    if fact.action in _MERCHANT_ACTIONS or (
        fact.action is Action.WITHDRAW and fact.from_state is State.WITH_ENTERPRISE
    ):
        groups.add(Audience.MERCHANT)
    if fact.to_state in _STATION_STATES or (
        fact.action is Action.WITHDRAW and fact.from_state in _STATION_WITHDRAWN_FROM
    ):
        groups.add(Audience.STATION)
    if fact.action is Action.FILE and fact.to_state is State.SUBMITTED:
        groups.discard(Audience.STATION)
    return frozenset(groups - {_own_group(fact.role)})


def _own_group(role: Role) -> Audience | None:
    return {
        Role.CONSUMER: Audience.CONSUMER,
        Role.ENTERPRISE: Audience.MERCHANT,
        Role.MODERATOR: Audience.STATION,
    }.get(role)
