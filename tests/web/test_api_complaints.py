"""The complaint's whole life through the JSON API, and every way a body can be wrong."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from odr.domain.intake import Channel
from odr.domain.reasons import REASONS
from odr.domain.referrals import referral_table
from tests.factories import PASSWORD, USERNAMES, World

EN = {"Accept-Language": "en"}
API = "/api/v1"


class Api:
    """Calls the API as one of the world's users, by their :class:`World` field."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.tokens: dict[str, str] = {}

    def headers(self, who: str | None) -> dict[str, str]:
        if who is None:
            return dict(EN)
        if who not in self.tokens:
            username = USERNAMES[who][0]
            answer = self.client.post(
                f"{API}/tokens", json={"username": username, "password": PASSWORD}
            )
            assert answer.status_code == 201, answer.text
            self.tokens[who] = answer.json()["access_token"]
        return {"Authorization": f"Bearer {self.tokens[who]}", **EN}

    def get(self, who: str | None, path: str, **kwargs: Any) -> Any:
        return self.client.get(API + path, headers=self.headers(who), **kwargs)

    def post(self, who: str | None, path: str, body: Any = None, **kwargs: Any) -> Any:
        return self.client.post(API + path, headers=self.headers(who), json=body, **kwargs)

    def raw(self, who: str | None, path: str, content: bytes | str) -> Any:
        headers = {**self.headers(who), "Content-Type": "application/json"}
        return self.client.post(API + path, headers=headers, content=content)


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


def complaint_body(world: World, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "merchant_id": world.odr_merchant_id,
        "category": "household_appliances",
        "facts": "购买的电饭煲使用三天后无法加热，商家拒绝退货。",
        "request": "退货并退款399元",
        "amount_fen": 39_900,
        "known_on": (date.today() - timedelta(days=10)).isoformat(),
        "green_channel": True,
    }
    body.update(changes)
    return body


def file(api: Api, world: World, **changes: Any) -> dict[str, Any]:
    answer = api.post("consumer_id", "/complaints", complaint_body(world, **changes))
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def error_of(answer: Any, status: int, code: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["message"]
    return error  # type: ignore[no-any-return]


def count(api: Api, who: str = "consumer_id") -> int:
    return api.get(who, "/complaints").json()["total"]  # type: ignore[no-any-return]


def test_green_channel_offer_accepted(api: Api, world: World) -> None:
    complaint = file(api, world)
    assert complaint["state"] == "with_enterprise"
    assert complaint["kind"] == "complaint"
    assert complaint["merchant"] == {"id": world.odr_merchant_id, "name": "杭州好物电器有限公司"}
    assert complaint["complainant"] == {
        "name": "zhangsan",
        "phone": "13800138000",
        "address": "杭州市西湖区",
    }
    assert complaint["due"]["kind"] == "enterprise"
    assert complaint["filed_at"].endswith("+00:00")
    assert {"escalate", "withdraw", "accept_offer"} <= set(complaint["actions"])
    assert [e["action"] for e in complaint["events"]] == ["file", "route_to_enterprise"]

    path = f"/complaints/{complaint['id']}"
    offer = api.post(
        "enterprise_id", path + "/offers", {"remedy": "refund", "amount_fen": 39_900, "note": "退"}
    )
    assert offer.status_code == 201, offer.text
    assert offer.json()["status"] == "pending"
    assert api.get("enterprise_id", path).json()["actions"] == ["make_offer"]

    accepted = api.post("consumer_id", f"{path}/offers/{offer.json()['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert body["state"] == "settled_by_enterprise"
    assert body["offers"][0]["status"] == "accepted"
    assert body["actions"] == []
    again = api.post("consumer_id", f"{path}/offers/{offer.json()['id']}/accept")
    error_of(again, 409, "invalid_transition")


def test_declined_offer_goes_to_the_regulator(api: Api, world: World) -> None:
    path = f"/complaints/{file(api, world)['id']}"
    offer = api.post("enterprise_id", path + "/offers", {"remedy": "repair", "amount_fen": 0})
    declined = api.post(
        "consumer_id", f"{path}/offers/{offer.json()['id']}/decline", {"reason": "不够"}
    )
    assert declined.status_code == 200, declined.text
    assert declined.json()["state"] == "pending_review"
    assert declined.json()["events"][-1]["reason"] == "不够"


def test_escalate_then_moderator_accepts(api: Api, world: World) -> None:
    path = f"/complaints/{file(api, world)['id']}"
    escalated = api.post("consumer_id", path + "/escalate", {"reason": "商家不回应"})
    assert escalated.status_code == 200, escalated.text
    assert escalated.json()["state"] == "pending_review"
    assert escalated.json()["due"]["kind"] == "acceptance"
    error_of(api.post("consumer_id", path + "/escalate"), 409, "invalid_transition")

    decided = api.post("moderator_id", path + "/decision", {"decision": "accept"})
    assert decided.status_code == 200, decided.text
    assert decided.json()["state"] == "accepted"
    assert decided.json()["decided_at"].endswith("+00:00")


def test_not_accepted_with_a_statutory_reason(api: Api, world: World) -> None:
    path = f"/complaints/{file(api, world, green_channel=False)['id']}"
    missing = api.post("moderator_id", path + "/decision", {"decision": "not_accept"})
    error_of(missing, 422, "validation_failed")
    assert api.get("moderator_id", path).json()["state"] == "pending_review"

    code = next(iter(REASONS))
    decided = api.post(
        "moderator_id", path + "/decision", {"decision": "not_accept", "reason_code": code}
    )
    assert decided.status_code == 200, decided.text
    assert (decided.json()["state"], decided.json()["reason_code"]) == ("not_accepted", code)


def test_referred_to_a_department(api: Api, world: World) -> None:
    path = f"/complaints/{file(api, world, green_channel=False)['id']}"
    department = referral_table()[0].code
    decided = api.post(
        "moderator_id", path + "/decision", {"decision": "refer", "department": department}
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["state"] == "referred"
    assert decided.json()["referral_code"] == department


def test_withdraw(api: Api, world: World) -> None:
    path = f"/complaints/{file(api, world)['id']}"
    withdrawn = api.post("consumer_id", path + "/withdraw", {})
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["state"] == "withdrawn"
    error_of(api.post("consumer_id", path + "/withdraw"), 409, "invalid_transition")


def test_report_gets_a_case_filed(api: Api, world: World) -> None:
    report = file(api, world, kind="report", green_channel=False)
    assert (report["kind"], report["state"]) == ("report", "pending")
    path = f"/complaints/{report['id']}"
    wrong = api.post("moderator_id", path + "/decision", {"decision": "accept"})
    assert error_of(wrong, 422, "validation_failed")["fields"] == {
        "decision": "Choose a decision from the list."
    }
    filed = api.post("moderator_id", path + "/decision", {"decision": "file_case"})
    assert filed.status_code == 200, filed.text
    assert filed.json()["state"] == "case_filed"


def test_staff_record_a_complaint_for_a_consumer(api: Api, world: World) -> None:
    channel = next(c for c in Channel if c is not Channel.WEB)
    body = complaint_body(world, green_channel=False, consumer_id=world.consumer_id)
    missing = api.post("moderator_id", "/complaints", body)
    assert set(error_of(missing, 422, "validation_failed")["fields"]) == {
        "complainant_name",
        "complainant_phone",
        "complainant_address",
        "channel",
    }
    body |= {
        "complainant_name": "王五",
        "complainant_phone": "13900139000",
        "complainant_address": "杭州市西湖区",
        "channel": channel.value,
    }
    recorded = api.post("moderator_id", "/complaints", body)
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["channel"] == channel.value
    assert recorded.json()["complainant"]["name"] == "王五"
    assert count(api) == 1


def test_reading_and_listing_are_scoped(api: Api, world: World) -> None:
    complaint = file(api, world)
    assert api.get("consumer_id", "/complaints").json()["items"][0]["id"] == complaint["id"]
    assert count(api, "other_consumer_id") == 0
    error_of(api.get("other_consumer_id", f"/complaints/{complaint['id']}"), 404, "not_found")
    error_of(api.get("consumer_id", "/complaints/999999"), 404, "not_found")
    listed = api.get("consumer_id", "/complaints", params={"state": "with_enterprise"}).json()
    assert listed["total"] == 1
    assert api.get("consumer_id", "/complaints", params={"state": "accepted"}).json()["total"] == 0
    bad_state = api.get("consumer_id", "/complaints", params={"state": "nonsense"})
    assert error_of(bad_state, 422, "validation_failed")["fields"] == {
        "state": "Choose a value from the list."
    }
    bad_limit = api.get("consumer_id", "/complaints", params={"limit": "ten"})
    assert error_of(bad_limit, 422, "validation_failed")["fields"] == {
        "limit": "Must be a whole number."
    }


def test_wrong_role_and_no_token(api: Api, world: World) -> None:
    body = complaint_body(world)
    error_of(api.post("enterprise_id", "/complaints", body), 403, "forbidden")
    assert api.post(None, "/complaints", body).status_code == 401
    bad_token = api.client.get(f"{API}/complaints", headers={"Authorization": "Bearer nope"})
    assert bad_token.status_code == 401
    assert "error" in bad_token.json()
    assert count(api) == 0


REQUIRED = "This field is required."
WHOLE = "Must be a whole number."
DATE = "Must be a date (YYYY-MM-DD)."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"facts": None}, "facts", REQUIRED),
        ({"merchant_id": None}, "merchant_id", REQUIRED),
        ({"amount_fen": "100"}, "amount_fen", WHOLE),
        ({"amount_fen": 1.5}, "amount_fen", WHOLE),
        ({"merchant_id": "1"}, "merchant_id", WHOLE),
        ({"known_on": "2026/11/01"}, "known_on", DATE),
        ({"known_on": 20261101}, "known_on", DATE),
        ({"green_channel": "yes"}, "green_channel", "Must be true or false."),
        ({"kind": "rumour"}, "kind", "Choose a value from the list."),
        ({"facts": 12}, "facts", "Must be text."),
        ({"facts": "x" * 10_001}, "facts", "This text is too long."),
        ({"merchant_id": 999_999}, "merchant_id", "Choose a merchant from the list."),
    ],
)
def test_malformed_fields_are_refused_and_nothing_is_stored(
    api: Api, world: World, changes: dict[str, Any], field: str, message: str
) -> None:
    body = {k: v for k, v in complaint_body(world, **changes).items() if v is not None}
    error = error_of(api.post("consumer_id", "/complaints", body), 422, "validation_failed")
    assert error["fields"] == {field: message}
    assert count(api) == 0


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        ("{not json", 400, "bad_json"),
        (b"\xff\xfe", 400, "bad_json"),
        ("[1, 2]", 422, "validation_failed"),
        ('"text"', 422, "validation_failed"),
        ("{}", 422, "validation_failed"),
    ],
)
def test_malformed_bodies_are_refused(
    api: Api, world: World, content: str | bytes, status: int, code: str
) -> None:
    error_of(api.raw("consumer_id", "/complaints", content), status, code)
    assert count(api) == 0


def test_domain_rules_refuse_bad_values(api: Api, world: World) -> None:
    unknown = api.post("consumer_id", "/complaints", complaint_body(world, category="nonsense"))
    assert "category" in error_of(unknown, 422, "validation_failed")["fields"]
    not_odr = complaint_body(world, merchant_id=world.plain_merchant_id)
    green = error_of(api.post("consumer_id", "/complaints", not_odr), 422, "validation_failed")
    assert set(green["fields"]) == {"green_channel"}
    assert count(api) == 0

    path = f"/complaints/{file(api, world)['id']}/offers"
    remedy = api.post("enterprise_id", path, {"remedy": "cash", "amount_fen": 1})
    assert error_of(remedy, 422, "validation_failed")["fields"] == {
        "remedy": "Choose a value from the list."
    }
    negative = api.post("enterprise_id", path, {"remedy": "refund", "amount_fen": -5})
    assert set(error_of(negative, 422, "validation_failed")["fields"]) == {"amount_fen"}
    decision = api.post("moderator_id", path.replace("offers", "decision"), {"decision": 1})
    assert error_of(decision, 422, "validation_failed")["fields"] == {
        "decision": "Choose a value from the list."
    }
    assert api.get("consumer_id", path.removesuffix("/offers")).json()["offers"] == []


def test_messages_default_to_chinese(api: Api, world: World) -> None:
    headers = {"Authorization": api.headers("consumer_id")["Authorization"]}
    answer = api.client.post(f"{API}/complaints", headers=headers, json={})
    error = error_of(answer, 422, "validation_failed")
    assert error["fields"]["facts"] == "此项为必填项。"
    assert error["message"] != "Some fields need attention."


def test_oversized_body_is_refused(api: Api, client: TestClient, world: World) -> None:
    limit = client.app.state.services.settings.max_body_bytes  # type: ignore[attr-defined]
    body = json.dumps(complaint_body(world, facts="x" * (limit + 1)))
    answer = api.raw("consumer_id", "/complaints", body)
    assert answer.status_code == 413
    assert "error" in answer.json()
    assert count(api) == 0
