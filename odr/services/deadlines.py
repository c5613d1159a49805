"""The deadline loop's use case: act on every complaint whose current deadline has passed."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from odr.domain import lifecycle
from odr.domain.access import SYSTEM
from odr.domain.deadlines import DeadlineKind
from odr.domain.lifecycle import EXPIRY_ACTION
from odr.domain.states import State
from odr.services.complaints import apply
from odr.services.context import Services
from odr.services.notifications import notify
from odr.store.models import Complaint

log = logging.getLogger(__name__)

BATCH = 200


@dataclass(frozen=True)
class SweepReport:
    """What one sweep did: how many overdue complaints it saw and how many it moved on."""

    checked: int
    expired: int


async def sweep(svc: Services, now: datetime | None = None) -> SweepReport:
    """Move on every complaint whose deadline passed before ``now`` (default: the clock).

    An enterprise that lets its 10 working days pass loses the complaint to the regulator;
    mediation ends when its 45 working days are over. Deadlines without an automatic
    consequence (the regulator's own) are left for supervision. Safe to run repeatedly.
    """
    now = now or svc.clock()
    checked = expired = 0
    while True:
        batch_checked, batch_expired = await _sweep_batch(svc, now)
        checked, expired = checked + batch_checked, expired + batch_expired
        if batch_checked < BATCH:
            break
    if expired:
        log.info("deadline sweep moved %d complaints on", expired)
    return SweepReport(checked=checked, expired=expired)


async def _sweep_batch(svc: Services, now: datetime) -> tuple[int, int]:
    kinds = [kind.value for kind in EXPIRY_ACTION]
    checked = expired = 0
    async with svc.transaction() as session:
        query = (
            select(Complaint)
            .where(col(Complaint.due_kind).in_(kinds), col(Complaint.due_at) <= now)
            .order_by(col(Complaint.due_at))
            .limit(BATCH)
        )
        for row in (await session.exec(query)).all():
            checked += 1
            action = EXPIRY_ACTION[DeadlineKind(row.due_kind)]  # type: ignore[arg-type]
            fact = lifecycle.transition(State(row.state), action, SYSTEM.role)
            apply(svc, session, row, fact, SYSTEM, now)
            await notify(session, row, [fact], SYSTEM)
            expired += 1
    return checked, expired


async def run_forever(svc: Services, interval: float) -> None:
    """Sweep every ``interval`` seconds until cancelled; a failed sweep is logged, not fatal."""
    while True:
        try:
            await sweep(svc)
        except Exception:
            log.exception("deadline sweep failed; trying again in %.0f s", interval)
        await asyncio.sleep(interval)
