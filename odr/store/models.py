"""The tables. Forms and API bodies never bind to these directly (see ``odr/web/schemas``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, Text
from sqlmodel import Field, SQLModel

from odr.store.types import UTCDateTime, utcnow


def _utc(nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Station(SQLModel, table=True):
    """A local market-regulation station (市场监管所) and the regions it covers."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)


class StationRegion(SQLModel, table=True):
    """One region (e.g. 西湖区) belongs to exactly one station."""

    __tablename__ = "station_region"
    region: str = Field(primary_key=True, max_length=100)
    station_id: int = Field(foreign_key="station.id", index=True)


class Merchant(SQLModel, table=True):
    """A business that complaints name; ``is_odr`` marks an onboarded ODR enterprise."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, index=True)
    credit_code: str | None = Field(default=None, max_length=18, unique=True)
    address: str = Field(max_length=200)
    region: str = Field(max_length=100, index=True)
    industry: str = Field(max_length=100)
    is_odr: bool = False
    onboarded_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc())


class User(SQLModel, table=True):
    """Anyone who logs in: consumers, merchant staff, moderators, supervisors."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=20, index=True)
    name: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=40)
    address: str = Field(default="", max_length=200)
    merchant_id: int | None = Field(default=None, foreign_key="merchant.id", index=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc())


_complaint_version = Column("version", Integer, nullable=False, default=1)


class Complaint(SQLModel, table=True):
    """A complaint (投诉) or a report (举报), with its current state and deadlines.

    ``version`` guards against two people changing the same complaint at once: the second
    write fails instead of silently overwriting the first.
    """

    __mapper_args__ = {"version_id_col": _complaint_version}
    __table_args__ = (
        Index("ix_complaint_state_due", "state", "due_at"),
        Index("ix_complaint_station_state", "station_id", "state", "filed_at"),
        Index("ix_complaint_merchant_state", "merchant_id", "state", "filed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    state: str = Field(max_length=30)
    channel: str = Field(max_length=30)
    consumer_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    recorded_by_id: int | None = Field(default=None, foreign_key="user.id")
    complainant_name: str = Field(max_length=100)
    complainant_phone: str = Field(max_length=40)
    complainant_address: str = Field(max_length=200)
    merchant_id: int = Field(foreign_key="merchant.id")
    respondent_name: str = Field(max_length=200)
    respondent_address: str = Field(max_length=200)
    credit_code: str | None = Field(default=None, max_length=18)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    category: str = Field(max_length=50, index=True)
    facts: str = Field(sa_column=Column(Text, nullable=False))
    request: str = Field(sa_column=Column(Text, nullable=False))
    amount_fen: int = 0
    known_on: date | None = None
    green_channel: bool = False
    beyond_limitation: bool = False
    filed_at: datetime = Field(default_factory=utcnow, sa_column=_utc(index=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc())
    due_kind: str | None = Field(default=None, max_length=30)
    due_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    enterprise_due_on: date | None = None
    acceptance_due_on: date | None = None
    mediation_due_on: date | None = None
    report_due_on: date | None = None
    reason_code: str | None = Field(default=None, max_length=40)
    referral_code: str | None = Field(default=None, max_length=60)
    decided_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")
    version: int = Field(default=1, sa_column=_complaint_version)


class ComplaintEvent(SQLModel, table=True):
    """The append-only log: who did what to a complaint, when, from which state to which."""

    __tablename__ = "complaint_event"
    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    at: datetime = Field(default_factory=utcnow, sa_column=_utc())
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    actor_role: str = Field(max_length=20)
    action: str = Field(max_length=40)
    from_state: str | None = Field(default=None, max_length=30)
    to_state: str = Field(max_length=30)
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    data: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class Offer(SQLModel, table=True):
    """An ODR enterprise's settlement offer, which the consumer accepts or declines."""

    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    remedy: str = Field(max_length=30)
    amount_fen: int = 0
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default="pending", max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc())
    answered_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))


class Notification(SQLModel, table=True):
    """An in-app notice to one user about one event of a complaint."""

    __table_args__ = (Index("ix_notification_user_read", "user_id", "read_at", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id")
    complaint_id: int | None = Field(default=None, foreign_key="complaint.id")
    action: str = Field(max_length=40)
    to_state: str | None = Field(default=None, max_length=30)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc())
    read_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
