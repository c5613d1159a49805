"""Users: consumer sign-up, staff accounts, and password checks (argon2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from odr.domain.errors import N_, DomainError, NotFound, ValidationFailed
from odr.domain.intake import is_valid_phone
from odr.domain.states import Role
from odr.services.context import Services
from odr.services.views import Page, UserView
from odr.store.models import Merchant, Station, User

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 256


class BadCredentials(DomainError):
    """Wrong username or password (HTTP 401); which one is never said."""

    code = "invalid_credentials"


@dataclass(frozen=True)
class ConsumerSignup:
    """What a consumer gives to open an account."""

    username: str
    password: str
    name: str
    phone: str
    address: str


def user_view(row: User) -> UserView:
    """A user row as a read model."""
    return UserView(
        id=row.id,  # type: ignore[arg-type]
        username=row.username,
        role=Role(row.role),
        name=row.name,
        phone=row.phone,
        address=row.address,
        merchant_id=row.merchant_id,
        station_id=row.station_id,
    )


def _credential_errors(username: str, password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not USERNAME.match(username):
        errors["username"] = N_("Use 3 to 64 letters, digits, dots, dashes or underscores.")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        errors["password"] = N_("The password needs at least 8 characters.")
    return errors


def _signup_errors(signup: ConsumerSignup) -> dict[str, str]:
    errors = _credential_errors(signup.username.strip(), signup.password)
    if not signup.name.strip() or len(signup.name) > 100:
        errors["name"] = N_("This field is required.")
    if not is_valid_phone(signup.phone.strip()):
        errors["phone"] = N_("Enter a mobile number or a landline with area code.")
    if not signup.address.strip() or len(signup.address) > 200:
        errors["address"] = N_("This field is required.")
    return errors


async def _username_taken(session: AsyncSession, username: str) -> bool:
    query = select(func.count()).select_from(User).where(User.username == username)
    return bool((await session.exec(query)).one())


async def register_consumer(svc: Services, signup: ConsumerSignup) -> UserView:
    """Open a consumer account; every bad field is named in one :class:`ValidationFailed`."""
    errors = _signup_errors(signup)
    if errors:
        raise ValidationFailed(errors)
    password_hash = svc.hasher.hash(signup.password)
    async with svc.transaction() as session:
        if await _username_taken(session, signup.username.strip()):
            raise ValidationFailed({"username": N_("This username is taken.")})
        row = User(
            username=signup.username.strip(),
            password_hash=password_hash,
            role=Role.CONSUMER,
            name=signup.name.strip(),
            phone=signup.phone.strip(),
            address=signup.address.strip(),
        )
        session.add(row)
        await session.flush()
        return user_view(row)


async def _check_scope(
    session: AsyncSession, role: Role, merchant_id: int | None, station_id: int | None
) -> None:
    if role is Role.ENTERPRISE and merchant_id is None:
        raise ValidationFailed({"merchant_id": N_("Merchant staff need a merchant.")})
    if role is not Role.ENTERPRISE and merchant_id is not None:
        raise ValidationFailed({"merchant_id": N_("Only merchant staff belong to a merchant.")})
    if station_id is not None and role not in (Role.MODERATOR, Role.SUPERVISOR):
        raise ValidationFailed({"station_id": N_("Only regulator staff belong to a station.")})
    if merchant_id is not None and await session.get(Merchant, merchant_id) is None:
        raise ValidationFailed({"merchant_id": N_("No such merchant.")})
    if station_id is not None and await session.get(Station, station_id) is None:
        raise ValidationFailed({"station_id": N_("No such station.")})


async def add_user(
    svc: Services,
    username: str,
    password: str,
    role: str,
    *,
    name: str = "",
    phone: str = "",
    address: str = "",
    merchant_id: int | None = None,
    station_id: int | None = None,
) -> UserView:
    """Create a user of any role (the CLI and the demo). Staff without a station work at
    bureau level."""
    errors = _credential_errors(username, password)
    if role not in {r.value for r in Role} or role == Role.SYSTEM:
        errors["role"] = N_("Choose a role from the list.")
    if errors:
        raise ValidationFailed(errors)
    password_hash = svc.hasher.hash(password)
    async with svc.transaction() as session:
        await _check_scope(session, Role(role), merchant_id, station_id)
        if await _username_taken(session, username):
            raise ValidationFailed({"username": N_("This username is taken.")})
        row = User(
            username=username,
            password_hash=password_hash,
            role=role,
            name=name or username,
            phone=phone,
            address=address,
            merchant_id=merchant_id,
            station_id=station_id,
        )
        session.add(row)
        await session.flush()
        return user_view(row)


async def authenticate(svc: Services, username: str, password: str) -> UserView:
    """The user whose credentials these are, or :class:`BadCredentials`."""
    async with svc.reading() as session:
        row = (await session.exec(select(User).where(User.username == username))).first()
    if row is None:
        svc.hasher.hash(password)  # same work either way: timing reveals nothing
        raise BadCredentials(N_("Wrong username or password."))
    try:
        svc.hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise BadCredentials(N_("Wrong username or password.")) from None
    return user_view(row)


async def get_user(svc: Services, user_id: int) -> UserView:
    """The user with ``user_id``, or :class:`NotFound`."""
    async with svc.reading() as session:
        row = await session.get(User, user_id)
    if row is None:
        raise NotFound(N_("No such user."))
    return user_view(row)


async def list_users(
    svc: Services, role: str | None = None, limit: int = 100, offset: int = 0
) -> Page[UserView]:
    """Users, optionally of one role, by username."""
    query = select(User)
    counting = select(func.count()).select_from(User)
    if role is not None:
        query, counting = query.where(User.role == role), counting.where(User.role == role)
    async with svc.reading() as session:
        rows = await session.exec(query.order_by(col(User.username)).limit(limit).offset(offset))
        total = (await session.exec(counting)).one()
        return Page([user_view(r) for r in rows.all()], total, limit, offset)
