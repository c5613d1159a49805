"""Read models returned by use cases: plain frozen dataclasses that pages and the API render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from odr.domain.access import Actor
from odr.domain.deadlines import DeadlineKind
from odr.domain.intake import CaseKind, Channel
from odr.domain.states import Action, Role, State

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, with the total for paging."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class UserView:
    """A user as the rest of the system sees one (never the password hash)."""

    id: int
    username: str
    role: Role
    name: str
    phone: str
    address: str
    merchant_id: int | None
    station_id: int | None

    @property
    def actor(self) -> Actor:
        """The user as an actor of the domain's access rules."""
        return Actor(self.id, self.role, self.merchant_id, self.station_id)


@dataclass(frozen=True)
class StationView:
    """A regulation station and the regions it covers."""

    id: int
    name: str
    regions: tuple[str, ...]


@dataclass(frozen=True)
class MerchantView:
    """A merchant in the registry."""

    id: int
    name: str
    credit_code: str | None
    address: str
    region: str
    industry: str
    is_odr: bool
    onboarded_on: date | None


@dataclass(frozen=True)
class DeadlineView:
    """A due date shown to every party; ``days_left`` < 0 means overdue by that many days."""

    kind: DeadlineKind
    due_on: date
    due_at: datetime
    days_left: int
    current: bool


@dataclass(frozen=True)
class EventView:
    """One entry of a complaint's timeline."""

    id: int
    at: datetime
    actor_role: Role
    actor_name: str | None
    action: Action
    from_state: State | None
    to_state: State
    reason: str | None


@dataclass(frozen=True)
class OfferView:
    """A settlement offer from an ODR enterprise."""

    id: int
    complaint_id: int
    remedy: str
    amount_fen: int
    note: str
    status: str
    created_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class ComplaintSummary:
    """A line of an inbox, queue or list."""

    id: int
    kind: CaseKind
    state: State
    category: str
    merchant_id: int
    merchant_name: str
    complainant_name: str
    green_channel: bool
    channel: Channel
    amount_fen: int
    filed_at: datetime
    due: DeadlineView | None
    beyond_limitation: bool


@dataclass(frozen=True)
class ComplaintDetail:
    """Everything a party may see of one complaint, with what they may do next."""

    summary: ComplaintSummary
    complainant_phone: str
    complainant_address: str
    respondent_name: str
    respondent_address: str
    credit_code: str | None
    facts: str
    request: str
    known_on: date | None
    station_id: int | None
    reason_code: str | None
    referral_code: str | None
    decided_at: datetime | None
    deadlines: list[DeadlineView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    offers: list[OfferView] = field(default_factory=list)
    actions: frozenset[Action] = frozenset()

    @property
    def id(self) -> int:
        """The complaint's id."""
        return self.summary.id

    @property
    def state(self) -> State:
        """The complaint's state."""
        return self.summary.state


@dataclass(frozen=True)
class NotificationView:
    """An in-app notice: ``action`` and ``to_state`` say what happened to which complaint."""

    id: int
    complaint_id: int | None
    action: Action
    to_state: State | None
    created_at: datetime
    read: bool
