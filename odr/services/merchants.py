"""The merchant registry and the stations with the regions they cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain.credit_code import is_valid_credit_code
from odr.domain.errors import N_, NotFound, ValidationFailed
from odr.services.context import Services
from odr.services.views import MerchantView, Page, StationView
from odr.store.models import Merchant, Station, StationRegion

MAX_PAGE = 100


@dataclass(frozen=True)
class MerchantInput:
    """A merchant to register; ``is_odr`` with ``onboarded_on`` marks an ODR enterprise."""

    name: str
    address: str
    region: str
    industry: str
    credit_code: str | None = None
    is_odr: bool = False
    onboarded_on: date | None = None


def merchant_view(row: Merchant) -> MerchantView:
    """A merchant row as a read model."""
    return MerchantView(
        id=row.id,  # type: ignore[arg-type]
        name=row.name,
        credit_code=row.credit_code,
        address=row.address,
        region=row.region,
        industry=row.industry,
        is_odr=row.is_odr,
        onboarded_on=row.onboarded_on,
    )


def _merchant_errors(data: MerchantInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, limit in (("name", 200), ("address", 200), ("region", 100), ("industry", 100)):
        value = getattr(data, name).strip()
        if not value or len(value) > limit:
            errors[name] = N_("This field is required.")
    if data.credit_code and not is_valid_credit_code(data.credit_code):
        errors["credit_code"] = N_("This is not a valid unified social credit code.")
    return errors


async def add_merchant(
    svc: Services, data: MerchantInput, today: date | None = None
) -> MerchantView:
    """Register a merchant; an ODR enterprise without an onboarding date is onboarded today."""
    errors = _merchant_errors(data)
    if errors:
        raise ValidationFailed(errors)
    code = data.credit_code.strip().upper() if data.credit_code else None
    onboarded = data.onboarded_on or (today or svc.clock().astimezone(svc.tz).date())
    async with svc.transaction() as session:
        if (
            code
            and (await session.exec(select(Merchant).where(Merchant.credit_code == code))).first()
        ):
            raise ValidationFailed({"credit_code": N_("A merchant with this code is registered.")})
        row = Merchant(
            name=data.name.strip(),
            address=data.address.strip(),
            region=data.region.strip(),
            industry=data.industry.strip(),
            credit_code=code,
            is_odr=data.is_odr,
            onboarded_on=onboarded if data.is_odr else None,
        )
        session.add(row)
        await session.flush()
        return merchant_view(row)


async def get_merchant(svc: Services, merchant_id: int) -> MerchantView:
    """The merchant with ``merchant_id``, or :class:`NotFound`."""
    async with svc.reading() as session:
        row = await session.get(Merchant, merchant_id)
    if row is None:
        raise NotFound(N_("No such merchant."))
    return merchant_view(row)


def _check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationFailed({"limit": N_("Ask for 1 to 100 items.")})
    if offset < 0:
        raise ValidationFailed({"offset": N_("The offset cannot be negative.")})


async def search_merchants(
    svc: Services, q: str = "", *, odr_only: bool = False, limit: int = 20, offset: int = 0
) -> Page[MerchantView]:
    """Merchants whose name or credit code contains ``q``, by name."""
    _check_paging(limit, offset)
    where: list[ColumnElement[bool]] = []
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            col(Merchant.name).like(pattern, escape="\\")
            | col(Merchant.credit_code).like(pattern, escape="\\")
        )
    if odr_only:
        where.append(col(Merchant.is_odr).is_(True))
    query = select(Merchant).where(*where).order_by(col(Merchant.name), col(Merchant.id))
    counting = select(func.count()).select_from(Merchant).where(*where)
    async with svc.reading() as session:
        rows = (await session.exec(query.limit(limit).offset(offset))).all()
        total = (await session.exec(counting)).one()
    return Page([merchant_view(r) for r in rows], total, limit, offset)


async def _regions_taken(session: AsyncSession, regions: list[str]) -> list[str]:
    query = select(StationRegion.region).where(col(StationRegion.region).in_(regions))
    return list((await session.exec(query)).all())


async def add_station(svc: Services, name: str, regions: list[str]) -> StationView:
    """A station covering ``regions``; a region belongs to one station only."""
    cleaned = sorted({r.strip() for r in regions if r.strip()})
    if not name.strip():
        raise ValidationFailed({"name": N_("This field is required.")})
    if not cleaned:
        raise ValidationFailed({"regions": N_("Name at least one region.")})
    async with svc.transaction() as session:
        if await _regions_taken(session, cleaned):
            raise ValidationFailed({"regions": N_("A region is already covered by a station.")})
        station = Station(name=name.strip())
        session.add(station)
        await session.flush()
        session.add_all(StationRegion(region=r, station_id=station.id) for r in cleaned)  # type: ignore[arg-type]
        return StationView(station.id, station.name, tuple(cleaned))  # type: ignore[arg-type]


async def list_stations(svc: Services) -> list[StationView]:
    """Every station with its regions, by name."""
    async with svc.reading() as session:
        stations = (await session.exec(select(Station).order_by(col(Station.name)))).all()
        regions = (await session.exec(select(StationRegion))).all()
    covered: dict[int, list[str]] = {}
    for r in regions:
        covered.setdefault(r.station_id, []).append(r.region)
    return [
        StationView(s.id, s.name, tuple(sorted(covered.get(s.id, []))))  # type: ignore[arg-type]
        for s in stations
    ]


async def station_for_region(svc: Services, region: str) -> StationView | None:
    """The station covering ``region``, if any."""
    for station in await list_stations(svc):
        if region in station.regions:
            return station
    return None
