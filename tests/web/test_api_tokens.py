"""Bearer tokens: issued for good credentials, refused for bad ones, rate-limited."""

from __future__ import annotations

from starlette.testclient import TestClient

from odr.settings import Settings
from tests.factories import PASSWORD, World

TOKENS = "/api/v1/tokens"
EN = {"Accept-Language": "en"}


def test_good_credentials_get_a_bearer_token(
    client: TestClient, world: World, settings: Settings
) -> None:
    answer = client.post(TOKENS, json={"username": "zhangsan", "password": PASSWORD})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "user"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.token_ttl
    assert body["user"] == {"id": world.consumer_id, "username": "zhangsan", "role": "consumer"}
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/v1/complaints", headers=headers).status_code == 200


def test_wrong_password_or_unknown_user_is_refused(client: TestClient, world: World) -> None:
    for username, password in [("zhangsan", "wrong-password"), ("nobody", PASSWORD)]:
        answer = client.post(TOKENS, json={"username": username, "password": password}, headers=EN)
        assert answer.status_code == 401, answer.text
        error = answer.json()["error"]
        assert error["code"] == "invalid_credentials"
        assert "access_token" not in answer.json()


def test_malformed_requests(client: TestClient, world: World) -> None:
    missing = client.post(TOKENS, json={"username": "zhangsan"}, headers=EN)
    assert missing.status_code == 422
    assert missing.json()["error"]["fields"] == {"password": "This field is required."}
    not_text = client.post(TOKENS, json={"username": 5, "password": PASSWORD}, headers=EN)
    assert not_text.json()["error"]["fields"] == {"username": "Must be text."}
    broken = client.post(
        TOKENS, content=b"username=zhangsan", headers={"Content-Type": "application/json"}
    )
    assert (broken.status_code, broken.json()["error"]["code"]) == (400, "bad_json")


def test_attempts_are_rate_limited(client: TestClient, world: World, settings: Settings) -> None:
    wrong = {"username": "zhangsan", "password": "wrong-password"}
    for _ in range(settings.login_attempts):
        assert client.post(TOKENS, json=wrong).status_code == 401
    limited = client.post(TOKENS, json={"username": "zhangsan", "password": PASSWORD})
    assert limited.status_code == 429
    assert "access_token" not in limited.json()
    assert limited.json()["error"]["code"]


def test_a_bad_token_is_refused(client: TestClient, world: World) -> None:
    answer = client.get("/api/v1/notifications", headers={"Authorization": "Bearer forged.token"})
    assert answer.status_code == 401
    assert answer.json()["error"]["code"]
