"""Who may see what: role and ownership rules, pure and shared by pages, API and services."""

from __future__ import annotations

from dataclasses import dataclass

from odr.domain.states import STAFF_ROLES, Role


@dataclass(frozen=True)
class Actor:
    """The person (or the system) acting; ``merchant_id``/``station_id`` scope staff."""

    user_id: int | None
    role: Role
    merchant_id: int | None = None
    station_id: int | None = None

    @property
    def is_staff(self) -> bool:
        """Regulator staff: moderators and supervisors."""
        return self.role in STAFF_ROLES

    @property
    def is_bureau_level(self) -> bool:
        """Staff without a station work at bureau level and see every station's queue."""
        return self.is_staff and self.station_id is None


SYSTEM = Actor(user_id=None, role=Role.SYSTEM)


@dataclass(frozen=True)
class CaseRef:
    """The parts of a complaint that decide who may see it."""

    consumer_id: int | None
    merchant_id: int
    station_id: int | None


def can_view(actor: Actor, case: CaseRef) -> bool:
    """Consumers see their own, merchants theirs, staff their station's (or all at bureau level)."""
    if actor.role is Role.SYSTEM:
        return True
    if actor.role is Role.CONSUMER:
        return actor.user_id is not None and case.consumer_id == actor.user_id
    if actor.role is Role.ENTERPRISE:
        return actor.merchant_id is not None and case.merchant_id == actor.merchant_id
    if actor.is_staff:
        return actor.is_bureau_level or case.station_id == actor.station_id
    return False
