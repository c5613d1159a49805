"""The words for the domain's codes on pages: states, actions, roles, deadlines, remedies."""

from __future__ import annotations

from collections.abc import Mapping

from odr.domain.deadlines import DeadlineKind
from odr.domain.errors import N_
from odr.domain.intake import CHANNEL_LABELS, CaseKind
from odr.domain.offers import Remedy
from odr.domain.states import Action, Role, State

STATES: Mapping[str, str] = {
    State.SUBMITTED: N_("Submitted"),
    State.WITH_ENTERPRISE: N_("With the enterprise"),
    State.SETTLED_BY_ENTERPRISE: N_("Settled by the enterprise"),
    State.PENDING_REVIEW: N_("Awaiting the regulator"),
    State.ACCEPTED: N_("Accepted"),
    State.NOT_ACCEPTED: N_("Not accepted"),
    State.REFERRED: N_("Referred"),
    State.IN_MEDIATION: N_("In mediation"),
    State.MEDIATED: N_("Mediated"),
    State.MEDIATION_FAILED: N_("Mediation failed"),
    State.WITHDRAWN: N_("Withdrawn"),
    State.PENDING: N_("Report pending"),
    State.CASE_FILED: N_("Case filed"),
    State.NOT_FILED: N_("No case filed"),
}

NEXT_STEP: Mapping[str, str] = {
    State.WITH_ENTERPRISE: N_(
        "The enterprise has 10 working days to settle. Accept or decline its offer, or ask "
        "the regulator to take over."
    ),
    State.PENDING_REVIEW: N_(
        "The market-regulation station decides within 7 working days whether to accept it."
    ),
    State.ACCEPTED: N_("The station will invite both parties to mediation."),
    State.IN_MEDIATION: N_("Mediation is under way."),
    State.PENDING: N_("The station decides within 15 working days whether to open a case."),
    State.NOT_ACCEPTED: N_("The complaint was not accepted; the notice gives the reason."),
    State.REFERRED: N_("The complaint was passed to the department that has jurisdiction."),
    State.SETTLED_BY_ENTERPRISE: N_("The complaint is settled."),
    State.WITHDRAWN: N_("The complaint was withdrawn."),
    State.SUBMITTED: N_("The complaint is being routed."),
    State.MEDIATED: N_("Mediation ended in an agreement."),
    State.MEDIATION_FAILED: N_("Mediation ended without an agreement."),
    State.CASE_FILED: N_("The station opened a case on this report."),
    State.NOT_FILED: N_("The station decided not to open a case on this report."),
}

ACTIONS: Mapping[str, str] = {
    Action.FILE: N_("Filed"),
    Action.ROUTE_TO_ENTERPRISE: N_("Sent to the ODR enterprise"),
    Action.ROUTE_TO_REGULATOR: N_("Sent to the regulator"),
    Action.MAKE_OFFER: N_("Offer made"),
    Action.ACCEPT_OFFER: N_("Offer accepted"),
    Action.DECLINE_OFFER: N_("Offer declined"),
    Action.ESCALATE: N_("Escalated to the regulator"),
    Action.ENTERPRISE_EXPIRED: N_("Enterprise deadline passed"),
    Action.ACCEPT: N_("Accepted by the regulator"),
    Action.NOT_ACCEPT: N_("Not accepted by the regulator"),
    Action.REFER: N_("Referred to another department"),
    Action.OPEN_MEDIATION: N_("Mediation opened"),
    Action.RECORD_AGREEMENT: N_("Agreement recorded"),
    Action.RECORD_FAILURE: N_("Mediation failed"),
    Action.MEDIATION_EXPIRED: N_("Mediation deadline passed"),
    Action.WITHDRAW: N_("Withdrawn"),
    Action.FILE_CASE: N_("Case filed"),
    Action.NOT_FILE: N_("No case filed"),
}

ROLES: Mapping[str, str] = {
    Role.CONSUMER: N_("Consumer"),
    Role.ENTERPRISE: N_("Enterprise"),
    Role.MODERATOR: N_("Moderator"),
    Role.SUPERVISOR: N_("Supervisor"),
    Role.SYSTEM: N_("System"),
}

DEADLINES: Mapping[str, str] = {
    DeadlineKind.ENTERPRISE: N_("Enterprise settlement"),
    DeadlineKind.ACCEPTANCE: N_("Acceptance decision"),
    DeadlineKind.MEDIATION: N_("Mediation"),
    DeadlineKind.REPORT_FILING: N_("Case-filing decision"),
}

REMEDIES: Mapping[str, str] = {
    Remedy.REFUND: N_("Refund"),
    Remedy.REPLACEMENT: N_("Replacement"),
    Remedy.REPAIR: N_("Repair"),
    Remedy.COMPENSATION: N_("Compensation"),
    Remedy.APOLOGY: N_("Apology"),
}

OFFER_STATUS: Mapping[str, str] = {
    "pending": N_("Awaiting the consumer's answer"),
    "accepted": N_("Accepted by the consumer"),
    "declined": N_("Declined by the consumer"),
    "superseded": N_("Replaced by a newer offer"),
}

KINDS: Mapping[str, str] = {CaseKind.COMPLAINT: N_("Complaint"), CaseKind.REPORT: N_("Report")}

CHANNELS: Mapping[str, str] = {c.value: text for c, text in CHANNEL_LABELS.items()}

ALL: Mapping[str, Mapping[str, str]] = {
    "state": STATES,
    "next_step": NEXT_STEP,
    "action": ACTIONS,
    "role": ROLES,
    "deadline": DEADLINES,
    "remedy": REMEDIES,
    "offer_status": OFFER_STATUS,
    "kind": KINDS,
    "channel": CHANNELS,
}
"""Every label table by name, as templates use them: ``label('state', code)``."""
