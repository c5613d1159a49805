"""The JSON API's bodies: one pydantic class per purpose, never the table models.

Request classes are validated strictly from JSON (``"12"`` is not a number); response classes
are built from the services' read models with ``of(view)`` and are the documented shapes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from odr.domain.intake import CaseKind, Channel
from odr.domain.offers import Decision, Remedy
from odr.domain.states import Action, Role, State
from odr.services.views import (
    ComplaintDetail,
    ComplaintSummary,
    DeadlineView,
    EventView,
    MerchantView,
    NotificationView,
    OfferView,
    UserView,
)


def _iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


Timestamp = Annotated[
    datetime,
    PlainSerializer(_iso_utc, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A moment, written as ISO 8601 in UTC with its offset (``2026-11-16T02:00:00+00:00``)."""

Text = Annotated[str, Field(max_length=10_000)]


class RequestBody(BaseModel):
    """Base of request bodies: unknown keys are ignored, values are not coerced."""

    model_config = ConfigDict(strict=True, extra="ignore")


# --- requests ---------------------------------------------------------------------------------


class TokenRequest(RequestBody):
    """Credentials exchanged for a bearer token."""

    username: Annotated[str, Field(max_length=64)]
    password: Annotated[str, Field(max_length=200)]


class ConsumerCreate(RequestBody):
    """A consumer's self-registration."""

    username: Annotated[str, Field(max_length=64)]
    password: Annotated[str, Field(max_length=200)]
    name: Annotated[str, Field(max_length=100)]
    phone: Annotated[str, Field(max_length=40)]
    address: Annotated[str, Field(max_length=200)]


STAFF_FIELDS = ("complainant_name", "complainant_phone", "complainant_address", "channel")
"""What staff must send when recording a complaint on a consumer's behalf."""


class ComplaintCreate(RequestBody):
    """A new complaint or report. Consumers' own details come from their account; staff send
    the complainant's details and the channel it came by (``STAFF_FIELDS``)."""

    merchant_id: int
    category: Annotated[str, Field(max_length=50)]
    facts: Text
    request: Text
    amount_fen: int
    known_on: date
    green_channel: bool
    kind: CaseKind = CaseKind.COMPLAINT
    complainant_name: Annotated[str, Field(max_length=100)] | None = None
    complainant_phone: Annotated[str, Field(max_length=40)] | None = None
    complainant_address: Annotated[str, Field(max_length=200)] | None = None
    channel: Channel | None = None
    consumer_id: int | None = None


class OfferCreate(RequestBody):
    """An ODR enterprise's settlement offer; money in fen."""

    remedy: Remedy
    amount_fen: int
    note: Text = ""


class ReasonCreate(RequestBody):
    """An optional reason given with declining an offer, escalating or withdrawing."""

    reason: Text | None = None


class DecisionCreate(RequestBody):
    """The moderator's decision; ``reason_code`` for not accepting, ``department`` to refer."""

    decision: Decision
    reason_code: Annotated[str, Field(max_length=40)] | None = None
    department: Annotated[str, Field(max_length=60)] | None = None
    note: Text | None = None


class MarkRead(RequestBody):
    """Mark one notification read, or all of them when ``id`` is left out."""

    id: int | None = None


# --- responses --------------------------------------------------------------------------------


class UserBrief(BaseModel):
    """Who a token belongs to."""

    id: int
    username: str
    role: Role

    @classmethod
    def of(cls, user: UserView) -> UserBrief:
        """From the services' user view."""
        return cls(id=user.id, username=user.username, role=user.role)


class UserOut(UserBrief):
    """A user account (never its password hash)."""

    name: str
    phone: str
    address: str

    @classmethod
    def of(cls, user: UserView) -> UserOut:
        """From the services' user view."""
        return cls(
            id=user.id,
            username=user.username,
            role=user.role,
            name=user.name,
            phone=user.phone,
            address=user.address,
        )


class TokenOut(BaseModel):
    """A bearer token and whom it authenticates."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the token expires.")
    user: UserBrief


class MerchantOut(BaseModel):
    """A merchant in the registry; ``is_odr`` marks an onboarded ODR enterprise."""

    id: int
    name: str
    credit_code: str | None
    address: str
    region: str
    industry: str
    is_odr: bool

    @classmethod
    def of(cls, merchant: MerchantView) -> MerchantOut:
        """From the services' merchant view."""
        return cls(
            id=merchant.id,
            name=merchant.name,
            credit_code=merchant.credit_code,
            address=merchant.address,
            region=merchant.region,
            industry=merchant.industry,
            is_odr=merchant.is_odr,
        )


class MerchantPage(BaseModel):
    """One page of merchants."""

    items: list[MerchantOut]
    total: int
    limit: int
    offset: int


class CategoryOut(BaseModel):
    """A complaint category; ``name`` is in the request's language."""

    code: str
    name: str
    zh: str
    en: str


class CategoryList(BaseModel):
    """Every complaint category."""

    items: list[CategoryOut]


class MerchantRef(BaseModel):
    """The merchant a complaint names."""

    id: int
    name: str


class Complainant(BaseModel):
    """Who complains."""

    name: str
    phone: str
    address: str


class DueOut(BaseModel):
    """The current due date; ``days_left`` < 0 means overdue by that many working days."""

    kind: str
    due_on: date
    due_at: Timestamp
    days_left: int

    @classmethod
    def of(cls, due: DeadlineView | None) -> DueOut | None:
        """From a deadline view (``None`` stays ``None``)."""
        if due is None:
            return None
        return cls(
            kind=due.kind.value, due_on=due.due_on, due_at=due.due_at, days_left=due.days_left
        )


class DeadlineOut(DueOut):
    """A due date the complaint has had; ``current`` marks the running one."""

    current: bool

    @classmethod
    def of_view(cls, due: DeadlineView) -> DeadlineOut:
        """From a deadline view."""
        return cls(
            kind=due.kind.value,
            due_on=due.due_on,
            due_at=due.due_at,
            days_left=due.days_left,
            current=due.current,
        )


class EventOut(BaseModel):
    """One entry of the complaint's timeline."""

    id: int
    at: Timestamp
    actor_role: Role
    action: Action
    from_state: State | None
    to_state: State
    reason: str | None

    @classmethod
    def of(cls, event: EventView) -> EventOut:
        """From an event view."""
        return cls(
            id=event.id,
            at=event.at,
            actor_role=event.actor_role,
            action=event.action,
            from_state=event.from_state,
            to_state=event.to_state,
            reason=event.reason,
        )


class OfferOut(BaseModel):
    """A settlement offer and how the consumer answered it."""

    id: int
    complaint_id: int
    remedy: str
    amount_fen: int
    note: str
    status: str
    created_at: Timestamp
    answered_at: Timestamp | None

    @classmethod
    def of(cls, offer: OfferView) -> OfferOut:
        """From an offer view."""
        return cls(
            id=offer.id,
            complaint_id=offer.complaint_id,
            remedy=offer.remedy,
            amount_fen=offer.amount_fen,
            note=offer.note,
            status=offer.status,
            created_at=offer.created_at,
            answered_at=offer.answered_at,
        )


class ComplaintSummaryOut(BaseModel):
    """A complaint as a line of a list."""

    id: int
    kind: CaseKind
    state: State
    category: str
    merchant: MerchantRef
    complainant_name: str
    amount_fen: int
    green_channel: bool
    channel: Channel
    beyond_limitation: bool
    filed_at: Timestamp
    due: DueOut | None

    @classmethod
    def of(cls, summary: ComplaintSummary) -> ComplaintSummaryOut:
        """From a summary view."""
        return cls(
            id=summary.id,
            kind=summary.kind,
            state=summary.state,
            category=summary.category,
            merchant=MerchantRef(id=summary.merchant_id, name=summary.merchant_name),
            complainant_name=summary.complainant_name,
            amount_fen=summary.amount_fen,
            green_channel=summary.green_channel,
            channel=summary.channel,
            beyond_limitation=summary.beyond_limitation,
            filed_at=summary.filed_at,
            due=DueOut.of(summary.due),
        )


class ComplaintPage(BaseModel):
    """One page of the complaints the caller may see."""

    items: list[ComplaintSummaryOut]
    total: int
    limit: int
    offset: int


class ComplaintOut(BaseModel):
    """Everything the caller may see of one complaint; ``actions`` are what they may do next."""

    id: int
    kind: CaseKind
    state: State
    category: str
    merchant: MerchantRef
    complainant: Complainant
    facts: str
    request: str
    amount_fen: int
    known_on: date | None
    green_channel: bool
    channel: Channel
    beyond_limitation: bool
    filed_at: Timestamp
    due: DueOut | None
    deadlines: list[DeadlineOut]
    events: list[EventOut]
    offers: list[OfferOut]
    actions: list[Action]
    reason_code: str | None
    referral_code: str | None
    decided_at: Timestamp | None

    @classmethod
    def of(cls, detail: ComplaintDetail) -> ComplaintOut:
        """From a complaint detail view."""
        s = detail.summary
        return cls(
            id=s.id,
            kind=s.kind,
            state=s.state,
            category=s.category,
            merchant=MerchantRef(id=s.merchant_id, name=s.merchant_name),
            complainant=Complainant(
                name=s.complainant_name,
                phone=detail.complainant_phone,
                address=detail.complainant_address,
            ),
            facts=detail.facts,
            request=detail.request,
            amount_fen=s.amount_fen,
            known_on=detail.known_on,
            green_channel=s.green_channel,
            channel=s.channel,
            beyond_limitation=s.beyond_limitation,
            filed_at=s.filed_at,
            due=DueOut.of(s.due),
            deadlines=[DeadlineOut.of_view(d) for d in detail.deadlines],
            events=[EventOut.of(e) for e in detail.events],
            offers=[OfferOut.of(o) for o in detail.offers],
            actions=sorted(detail.actions),
            reason_code=detail.reason_code,
            referral_code=detail.referral_code,
            decided_at=detail.decided_at,
        )


class NotificationOut(BaseModel):
    """An in-app notice about a complaint."""

    id: int
    complaint_id: int | None
    action: Action
    to_state: State | None
    created_at: Timestamp
    read: bool

    @classmethod
    def of(cls, note: NotificationView) -> NotificationOut:
        """From a notification view."""
        return cls(
            id=note.id,
            complaint_id=note.complaint_id,
            action=note.action,
            to_state=note.to_state,
            created_at=note.created_at,
            read=note.read,
        )


class NotificationPage(BaseModel):
    """One page of the caller's notifications, newest first."""

    items: list[NotificationOut]
    total: int
    limit: int
    offset: int


class MarkedRead(BaseModel):
    """How many notifications were marked read."""

    marked: int


class ErrorDetail(BaseModel):
    """What went wrong: a stable ``code``, a translated ``message``, per-field messages."""

    code: str
    message: str
    fields: dict[str, str] | None = None


class ErrorBody(BaseModel):
    """Every 4xx response of the API."""

    error: ErrorDetail
