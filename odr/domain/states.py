"""The complaint's states, the actors' roles and the actions that move a complaint."""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    """Where a complaint (or a report) stands. Names are part of the public API."""

    SUBMITTED = "submitted"
    WITH_ENTERPRISE = "with_enterprise"
    SETTLED_BY_ENTERPRISE = "settled_by_enterprise"
    PENDING_REVIEW = "pending_review"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    REFERRED = "referred"
    IN_MEDIATION = "in_mediation"
    MEDIATED = "mediated"
    MEDIATION_FAILED = "mediation_failed"
    WITHDRAWN = "withdrawn"
    # reports (举报) take their own short path
    PENDING = "pending"
    CASE_FILED = "case_filed"
    NOT_FILED = "not_filed"


OPEN_STATES = frozenset(
    {
        State.SUBMITTED,
        State.WITH_ENTERPRISE,
        State.PENDING_REVIEW,
        State.ACCEPTED,
        State.IN_MEDIATION,
        State.PENDING,
    }
)


class Role(StrEnum):
    """Who acts. ``system`` is the deadline loop and automatic routing."""

    CONSUMER = "consumer"
    ENTERPRISE = "enterprise"
    MODERATOR = "moderator"
    SUPERVISOR = "supervisor"
    SYSTEM = "system"


STAFF_ROLES = frozenset({Role.MODERATOR, Role.SUPERVISOR})


class Action(StrEnum):
    """Everything that can happen to a complaint; each is one guarded transition."""

    FILE = "file"
    ROUTE_TO_ENTERPRISE = "route_to_enterprise"
    ROUTE_TO_REGULATOR = "route_to_regulator"
    MAKE_OFFER = "make_offer"
    ACCEPT_OFFER = "accept_offer"
    DECLINE_OFFER = "decline_offer"
    ESCALATE = "escalate"
    ENTERPRISE_EXPIRED = "enterprise_expired"
    ACCEPT = "accept"
    NOT_ACCEPT = "not_accept"
    REFER = "refer"
    OPEN_MEDIATION = "open_mediation"
    RECORD_AGREEMENT = "record_agreement"
    RECORD_FAILURE = "record_failure"
    MEDIATION_EXPIRED = "mediation_expired"
    WITHDRAW = "withdraw"
    FILE_CASE = "file_case"
    NOT_FILE = "not_file"
