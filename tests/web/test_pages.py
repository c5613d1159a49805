"""The pages, driven as a browser would: forms with CSRF tokens, redirects, messages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from odr.store.models import Complaint
from tests.factories import PASSWORD, World

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
EN = {"odr_lang": "en"}


class Browser:
    """A signed-in (or anonymous) user clicking through the pages."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def token(self, path: str = "/login") -> str:
        match = CSRF.search(self.client.get(path).text)
        assert match, f"{path} carries a CSRF token"
        return match.group(1)

    def login(self, username: str, password: str = PASSWORD) -> Any:
        form = {"username": username, "password": password, "csrf_token": self.token()}
        return self.client.post("/login", data=form, follow_redirects=False)

    def post(self, path: str, form: dict[str, str] | None = None, **kwargs: Any) -> Any:
        data = {**(form or {}), "csrf_token": self.token()}
        return self.client.post(path, data=data, follow_redirects=False, **kwargs)


@pytest.fixture
def browser(client: TestClient) -> Browser:
    client.cookies.update(EN)
    return Browser(client)


def complaint_form(world: World, **changes: str) -> dict[str, str]:
    form = {
        "merchant_id": str(world.odr_merchant_id),
        "kind": "complaint",
        "category": "household_appliances",
        "facts": "购买的电饭煲使用三天后无法加热，商家拒绝退货。",
        "request": "退货并退款399元",
        "amount": "399.00",
        "known_on": "2026-11-01",
    }
    form.update(changes)
    return form


def file_green(browser: Browser, world: World) -> str:
    assert browser.login("zhangsan").status_code == 303
    answer = browser.post("/complaints/new", complaint_form(world, green_channel="on"))
    assert answer.status_code == 303, answer.text
    return str(answer.headers["location"])


def test_home_is_chinese_first_with_a_language_switch(client: TestClient) -> None:
    chinese = client.get("/")
    assert '<html lang="zh-Hans">' in chinese.text
    assert "Online consumer dispute resolution" not in chinese.text
    switched = client.post("/lang", data={"locale": "en", "next": "/"}, follow_redirects=False)
    assert switched.status_code == 303
    assert switched.cookies.get("odr_lang") == "en"
    assert "Online consumer dispute resolution" in client.get("/").text


def test_wrong_password_is_refused_then_rate_limited(browser: Browser, world: World) -> None:
    answer = browser.login("zhangsan", "wrong-password")
    assert answer.status_code == 401
    assert "Wrong username or password." in answer.text
    for _ in range(10):
        answer = browser.login("zhangsan", "wrong-password")
    assert answer.status_code == 429
    assert browser.login("zhangsan").status_code == 429


def test_signup_names_every_bad_field_and_creates_nothing(browser: Browser) -> None:
    bad = {"username": "x", "password": "short", "name": "", "phone": "123", "address": ""}
    answer = browser.post("/signup", bad)
    assert answer.status_code == 422
    for message in ("The password needs at least 8 characters.", "This field is required."):
        assert message in answer.text
    assert browser.login("x", "short").status_code == 401


def test_signup_signs_the_consumer_in(browser: Browser) -> None:
    form = {
        "username": "wangwu",
        "password": PASSWORD,
        "name": "王五",
        "phone": "13900139000",
        "address": "杭州市西湖区",
    }
    answer = browser.post("/signup", form)
    assert (answer.status_code, answer.headers["location"]) == (303, "/complaints")
    assert "王五" in browser.client.get("/complaints").text


def test_guided_form_offers_the_green_channel_only_for_odr_merchants(
    browser: Browser, world: World
) -> None:
    browser.login("zhangsan")
    search = browser.client.get("/complaints/new", params={"q": "好物"})
    assert f"?merchant_id={world.odr_merchant_id}" in search.text
    odr = browser.client.get("/complaints/new", params={"merchant_id": world.odr_merchant_id})
    assert 'name="green_channel"' in odr.text
    plain = browser.client.get("/complaints/new", params={"merchant_id": world.plain_merchant_id})
    assert 'name="green_channel"' not in plain.text


def test_consumer_files_enterprise_offers_consumer_accepts(
    client: TestClient, browser: Browser, world: World
) -> None:
    location = file_green(browser, world)
    page = client.get(location)
    assert "With the enterprise" in page.text and "Enterprise settlement" in page.text
    client.cookies.clear()
    client.cookies.update(EN)
    browser.login("shop_staff")
    assert location.rsplit("/", 1)[1] in client.get("/inbox").text
    offered = browser.post(
        location + "/offers", {"remedy": "refund", "amount": "399", "note": "全额退款"}
    )
    assert offered.status_code == 303, offered.text
    client.cookies.clear()
    client.cookies.update(EN)
    browser.login("zhangsan")
    offer_id = re.search(r"/offers/(\d+)/accept", client.get(location).text)
    assert offer_id
    accepted = browser.post(f"{location}/offers/{offer_id.group(1)}/accept")
    assert accepted.status_code == 303
    assert "Settled by the enterprise" in client.get(location).text


def test_bad_offer_is_shown_on_the_page_and_changes_nothing(
    client: TestClient, browser: Browser, world: World
) -> None:
    location = file_green(browser, world)
    client.cookies.clear()
    client.cookies.update(EN)
    browser.login("shop_staff")
    answer = browser.post(location + "/offers", {"remedy": "cash", "amount": "12.345"})
    assert answer.status_code == 422
    assert "Enter an amount in yuan" in answer.text
    assert "Awaiting the consumer" not in client.get(location).text


def test_bad_complaint_form_keeps_values_and_files_nothing(
    browser: Browser, world: World, call: Any
) -> None:
    browser.login("zhangsan")
    form = complaint_form(world, facts="", amount="abc", known_on="2099-01-01")
    answer = browser.post("/complaints/new", form)
    assert answer.status_code == 422
    assert "Enter an amount in yuan" in answer.text
    answer = browser.post("/complaints/new", complaint_form(world, facts="", known_on="2099-01-01"))
    assert "This field is required." in answer.text
    assert "The date cannot be in the future." in answer.text
    assert "退货并退款399元" in answer.text

    async def count(svc: Any) -> int:
        async with svc.reading() as session:
            return len((await session.exec(select(Complaint))).all())

    assert call(count) == 0


def test_moderator_refuses_with_a_statutory_reason_and_prints_the_notice(
    client: TestClient, browser: Browser, world: World
) -> None:
    browser.login("zhangsan")
    answer = browser.post("/complaints/new", complaint_form(world))
    location = answer.headers["location"]
    client.cookies.clear()
    client.cookies.update(EN)
    browser.login("mod_xihu")
    assert location.rsplit("/", 1)[1] in client.get("/triage").text
    missing = browser.post(location + "/decision", {"decision": "not_accept"})
    assert missing.status_code == 422
    assert "Choose a statutory reason" in missing.text
    decided = browser.post(
        location + "/decision", {"decision": "not_accept", "reason_code": "not_consumption"}
    )
    assert decided.status_code == 303
    notice = client.get(location + "/notice")
    assert notice.status_code == 200
    assert "不是为生活消费需要购买" in notice.text
    assert "第十五条" in notice.text


def test_staff_record_a_complaint_received_by_letter(
    client: TestClient, browser: Browser, world: World
) -> None:
    browser.login("mod_xihu")
    form = complaint_form(
        world,
        merchant_id=str(world.plain_merchant_id),
        channel="letter",
        complainant_name="李大爷",
        complainant_phone="0571-88886666",
        complainant_address="杭州市西湖区",
    )
    answer = browser.post("/record", form)
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"])
    assert "李大爷" in page.text and "Letter" in page.text


def test_forms_without_the_csrf_token_are_refused(
    client: TestClient, browser: Browser, world: World
) -> None:
    browser.login("zhangsan")
    answer = client.post("/complaints/new", data=complaint_form(world), follow_redirects=False)
    assert answer.status_code == 403
    assert "This form has expired" in answer.text


def test_pages_need_sign_in_and_the_right_party(
    client: TestClient, browser: Browser, world: World
) -> None:
    location = file_green(browser, world)
    client.cookies.clear()
    client.cookies.update(EN)
    to_login = client.get(location, follow_redirects=False)
    assert to_login.status_code == 303 and "/login?next=" in to_login.headers["location"]
    browser.login("lisi")
    assert client.get(location).status_code == 404
    assert client.get("/inbox").status_code == 403


def test_unknown_pages_and_oversized_bodies(client: TestClient, browser: Browser) -> None:
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "This page does not exist." in missing.text
    form = {"content-type": "application/x-www-form-urlencoded"}
    huge = client.post("/signup", content=b"x" * 2_000_000, headers=form)
    assert huge.status_code == 413 and "The request is too large." in huge.text


def test_notifications_page(client: TestClient, browser: Browser, world: World) -> None:
    file_green(browser, world)
    page = client.get("/notifications")
    assert "Sent to the ODR enterprise" in page.text
    assert browser.post("/notifications/read").status_code == 303
    assert 'class="unread"' not in client.get("/notifications").text
