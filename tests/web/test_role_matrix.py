"""Every endpoint × every role against one seeded complaint: who gets in, who is turned away.

The route list is read from ``odr.web.routes`` when the tests run, so a new page or endpoint
without a row in ``EXPECTED`` (or a place in ``PUBLIC``) fails ``test_every_route_has_a_row``.
Each case runs on a fresh database, so an allowed action really happens and proves it was
allowed; a missing role or ownership check turns a 401/403/404 into a 2xx and fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.routing import BaseRoute, Mount, Route
from starlette.testclient import TestClient

from odr.domain.access import Actor
from odr.domain.states import Role
from odr.services import complaints, filing
from odr.web.routes import routes as app_routes
from tests.factories import PASSWORD, USERNAMES, World, draft

ROLES = (
    "anonymous",
    "consumer",
    "other_consumer",
    "enterprise",
    "other_enterprise",
    "moderator",
    "other_moderator",
    "bureau_moderator",
    "supervisor",
)
"""Who calls. Relative to the seeded complaint: filed by ``consumer`` against the merchant of
``enterprise`` in the station of ``moderator``; the others are strangers to it."""

WORLD_FIELD = {
    "consumer": "consumer_id",
    "other_consumer": "other_consumer_id",
    "enterprise": "enterprise_id",
    "other_enterprise": "plain_enterprise_id",
    "moderator": "moderator_id",
    "other_moderator": "other_moderator_id",
    "bureau_moderator": "bureau_moderator_id",
    "supervisor": "supervisor_id",
}

OK = "ok"
"""2xx, or a redirect that is not to the login page."""


def row(outcomes: str) -> dict[str, str]:
    """One line of the table: outcomes in ``ROLES`` order ("ok", "401", "403", "404")."""
    values = outcomes.split()
    assert len(values) == len(ROLES), outcomes
    return dict(zip(ROLES, values, strict=True))


#                                 anon cons other ent  o-ent mod  o-mod bureau sup
ANY_USER = row("401 ok ok ok ok ok ok ok ok")
CONSUMER_OWN = row("401 ok 404 403 403 403 403 403 403")
ENTERPRISE_OWN = row("401 403 403 ok 404 403 403 403 403")
MODERATOR_STATION = row("401 403 403 403 403 ok 404 ok 403")
PARTIES = row("401 ok 404 ok 404 ok 404 ok ok")
FILERS = row("401 ok ok 403 403 ok ok ok ok")
CONSUMERS = row("401 ok ok 403 403 403 403 403 403")
ENTERPRISES = row("401 403 403 ok ok 403 403 403 403")
STAFF = row("401 403 403 403 403 ok ok ok ok")

EXPECTED: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/api/v1/complaints"): FILERS,
    ("GET", "/api/v1/complaints"): ANY_USER,
    ("GET", "/api/v1/complaints/{id}"): PARTIES,
    ("POST", "/api/v1/complaints/{id}/offers"): ENTERPRISE_OWN,
    ("POST", "/api/v1/complaints/{id}/offers/{offer_id}/accept"): CONSUMER_OWN,
    ("POST", "/api/v1/complaints/{id}/offers/{offer_id}/decline"): CONSUMER_OWN,
    ("POST", "/api/v1/complaints/{id}/escalate"): CONSUMER_OWN,
    ("POST", "/api/v1/complaints/{id}/withdraw"): CONSUMER_OWN,
    ("POST", "/api/v1/complaints/{id}/decision"): MODERATOR_STATION,
    ("GET", "/api/v1/notifications"): ANY_USER,
    ("POST", "/api/v1/notifications/read"): ANY_USER,
    ("POST", "/logout"): ANY_USER,
    ("GET", "/complaints"): CONSUMERS,
    ("GET", "/complaints/new"): CONSUMERS,
    ("POST", "/complaints/new"): CONSUMERS,
    ("GET", "/record"): STAFF,
    ("POST", "/record"): STAFF,
    ("GET", "/complaints/{id}"): PARTIES,
    ("GET", "/complaints/{id}/notice"): PARTIES,
    ("POST", "/complaints/{id}/escalate"): CONSUMER_OWN,
    ("POST", "/complaints/{id}/withdraw"): CONSUMER_OWN,
    ("POST", "/complaints/{id}/offers"): ENTERPRISE_OWN,
    ("POST", "/complaints/{id}/offers/{offer_id}/accept"): CONSUMER_OWN,
    ("POST", "/complaints/{id}/offers/{offer_id}/decline"): CONSUMER_OWN,
    ("POST", "/complaints/{id}/decision"): MODERATOR_STATION,
    ("GET", "/inbox"): ENTERPRISES,
    ("GET", "/triage"): STAFF,
    ("GET", "/notifications"): ANY_USER,
    ("POST", "/notifications/read"): ANY_USER,
}
"""(method, path) → role → expected outcome."""

PUBLIC = {
    ("POST", "/api/v1/tokens"),
    ("POST", "/api/v1/consumers"),
    ("GET", "/api/v1/merchants"),
    ("GET", "/api/v1/categories"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("POST", "/lang"),
}
"""Open to everyone, signed in or not; checked once, anonymously."""

ON_REVIEW = {("POST", "/api/v1/complaints/{id}/decision"), ("POST", "/complaints/{id}/decision")}
"""Endpoints aimed at the complaint waiting for the regulator rather than the enterprise."""

ON_DECIDED = {("GET", "/complaints/{id}/notice")}
"""Endpoints aimed at a complaint the regulator has decided on."""

BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/complaints/{id}/offers"): {"remedy": "refund", "amount_fen": 100},
    ("POST", "/api/v1/complaints/{id}/decision"): {"decision": "accept"},
    ("POST", "/api/v1/tokens"): {"username": "zhangsan", "password": PASSWORD},
    ("POST", "/complaints/{id}/offers"): {"remedy": "refund", "amount": "1.00"},
    ("POST", "/complaints/{id}/decision"): {"decision": "accept"},
    ("POST", "/login"): {"username": "zhangsan", "password": PASSWORD},
    ("POST", "/lang"): {"locale": "en"},
    ("POST", "/signup"): {
        "username": "zhaoliu",
        "password": PASSWORD,
        "name": "赵六",
        "phone": "13900139001",
        "address": "杭州市西湖区",
    },
    ("POST", "/api/v1/consumers"): {
        "username": "wangwu",
        "password": PASSWORD,
        "name": "王五",
        "phone": "13900139000",
        "address": "杭州市西湖区",
    },
}
"""Valid bodies, so that an allowed call succeeds; other unsafe calls send ``{}``."""

PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def walk(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every (method, path) of the app, mounts flattened, convertors dropped."""
    for route in routes:
        if isinstance(route, Mount):
            if route.routes:
                yield from walk(list(route.routes), prefix + route.path)
        elif isinstance(route, Route):
            path = PARAM.sub(r"{\1}", prefix + route.path)
            for method in sorted(route.methods or {"GET"}):
                if method != "HEAD":
                    yield method, path


ENDPOINTS = sorted(set(walk(list(app_routes))))
CASES = [(ep, role) for ep in sorted(EXPECTED) for role in ROLES]


def test_every_route_has_a_row() -> None:
    missing = [ep for ep in ENDPOINTS if ep not in EXPECTED and ep not in PUBLIC]
    assert missing == [], "add these to EXPECTED (or PUBLIC) in test_role_matrix.py"
    stale = [ep for ep in [*EXPECTED, *PUBLIC] if ep not in ENDPOINTS]
    assert stale == []


@dataclass(frozen=True)
class Seeded:
    """The complaints every case runs against, all the consumer's, at the same merchant."""

    with_enterprise: int
    on_review: int
    decided: int
    offer: int


@pytest.fixture
def seeded(call: Callable[..., Any], world: World) -> Seeded:
    consumer = Actor(world.consumer_id, Role.CONSUMER)
    enterprise = Actor(world.enterprise_id, Role.ENTERPRISE, merchant_id=world.odr_merchant_id)
    green = call(
        filing.file_complaint,
        consumer,
        draft(),
        merchant_id=world.odr_merchant_id,
        green_channel=True,
    )
    offer = call(complaints.make_offer, enterprise, green.id, "refund", 100, "")
    review = call(
        filing.file_complaint,
        consumer,
        draft(),
        merchant_id=world.odr_merchant_id,
        green_channel=False,
    )
    decided = call(
        filing.file_complaint,
        consumer,
        draft(),
        merchant_id=world.odr_merchant_id,
        green_channel=False,
    )
    moderator = Actor(world.moderator_id, Role.MODERATOR, station_id=world.station_id)
    call(complaints.decide, moderator, decided.id, "accept")
    return Seeded(green.id, review.id, decided.id, offer.id)


def url(endpoint: tuple[str, str], seeded: Seeded) -> str:
    target = seeded.with_enterprise
    if endpoint in ON_REVIEW:
        target = seeded.on_review
    elif endpoint in ON_DECIDED:
        target = seeded.decided
    values = {"id": target, "offer_id": seeded.offer}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"give a value for {{{name}}} in test_role_matrix.url"
        return str(values[name])

    return PARAM.sub(fill, endpoint[1])


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def is_page(endpoint: tuple[str, str]) -> bool:
    return not endpoint[1].startswith("/api/")


def csrf_of(client: TestClient) -> str:
    """This client's session CSRF token, read from the login form."""
    match = CSRF.search(client.get("/login").text)
    assert match, "the login page carries a CSRF token"
    return match.group(1)


def sign_in(
    client: TestClient, world: World, role: str, endpoint: tuple[str, str] = ("GET", "/api/")
) -> dict[str, str]:
    """Sign ``role`` in: a session cookie for pages, a bearer token for the API."""
    if role == "anonymous":
        return {}
    username = USERNAMES[WORLD_FIELD[role]][0]
    if is_page(endpoint):
        form = {"username": username, "password": PASSWORD, "csrf_token": csrf_of(client)}
        answer = client.post("/login", data=form, follow_redirects=False)
        assert answer.status_code == 303, answer.text
        return {}
    answer = client.post("/api/v1/tokens", json={"username": username, "password": PASSWORD})
    assert answer.status_code == 201, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


PAGE_COMPLAINT = {
    "category": "household_appliances",
    "facts": "购买的电饭煲无法加热。",
    "request": "退款",
    "amount": "1.00",
    "known_on": "2026-11-01",
    "complainant_name": "张三",
    "complainant_phone": "13800138000",
    "complainant_address": "杭州市西湖区",
    "channel": "letter",
}


def body_for(endpoint: tuple[str, str], world: World) -> dict[str, Any]:
    if endpoint in {("POST", "/complaints/new"), ("POST", "/record")}:
        return {**PAGE_COMPLAINT, "merchant_id": str(world.odr_merchant_id)}
    if endpoint == ("POST", "/api/v1/complaints"):
        return {
            "merchant_id": world.odr_merchant_id,
            "category": "household_appliances",
            "facts": "购买的电饭煲无法加热。",
            "request": "退款",
            "amount_fen": 100,
            "known_on": draft().known_on.isoformat(),  # type: ignore[union-attr]
            "green_channel": False,
            "complainant_name": "张三",
            "complainant_phone": "13800138000",
            "complainant_address": "杭州市西湖区",
            "channel": "hotline_12315",
        }
    return BODIES.get(endpoint, {})


def outcome(answer: Any) -> str:
    """The class of an answer: "ok", or the refusal status ("401" for a login redirect)."""
    status = answer.status_code
    if 300 <= status < 400:
        return "401" if "/login" in answer.headers.get("location", "") else OK
    return OK if status < 300 else str(status)


def call_as(
    client: TestClient, endpoint: tuple[str, str], headers: dict[str, str], target: str, body: Any
) -> Any:
    method, _ = endpoint
    if method == "GET":
        return client.get(target, headers=headers, follow_redirects=False)
    if is_page(endpoint):
        form = {**body, "csrf_token": csrf_of(client)}
        return client.request(method, target, data=form, follow_redirects=False)
    return client.request(method, target, headers=headers, json=body, follow_redirects=False)


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=[f"{e[0]} {e[1]} {r}" for e, r in CASES])
def test_role_and_ownership(
    client: TestClient, world: World, seeded: Seeded, endpoint: tuple[str, str], role: str
) -> None:
    headers = sign_in(client, world, role, endpoint)
    answer = call_as(client, endpoint, headers, url(endpoint, seeded), body_for(endpoint, world))
    assert outcome(answer) == EXPECTED[endpoint][role], answer.text[:500]


@pytest.mark.parametrize("endpoint", sorted(PUBLIC), ids=[" ".join(e) for e in sorted(PUBLIC)])
def test_public_endpoints_need_no_sign_in(
    client: TestClient, world: World, seeded: Seeded, endpoint: tuple[str, str]
) -> None:
    answer = call_as(client, endpoint, {}, url(endpoint, seeded), body_for(endpoint, world))
    assert outcome(answer) == OK, answer.text[:500]
