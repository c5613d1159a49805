"""The OpenAPI document: valid 3.1, complete, and in step with the route table."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from odr.web.api import routes
from odr.web.api.base import ApiRoute
from odr.web.api.openapi import openapi_path

METHODS = {"get", "put", "post", "delete", "patch"}


@pytest.fixture
def document(client: TestClient) -> dict[str, Any]:
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    return answer.json()  # type: ignore[no-any-return]


def operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), path): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


def resolve(document: dict[str, Any], ref: str) -> Any:
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_is_openapi_3_1_with_bearer_auth(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] and document["info"]["version"]
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "POST /tokens",
    }
    error = document["components"]["schemas"]["ErrorBody"]
    assert error["required"] == ["error"]
    detail = document["components"]["schemas"]["ErrorDetail"]
    assert set(detail["properties"]) == {"code", "message", "fields"}
    assert set(detail["required"]) == {"code", "message"}


def test_every_reference_resolves(document: dict[str, Any]) -> None:
    for ref in refs(document):
        assert ref.startswith("#/"), ref
        assert resolve(document, ref) is not None


def test_every_operation_has_responses_and_a_unique_id(document: dict[str, Any]) -> None:
    ids = [op["operationId"] for op in operations(document).values()]
    assert len(ids) == len(set(ids))
    for (method, path), op in operations(document).items():
        success = [code for code in op["responses"] if code.startswith("2")]
        assert len(success) == 1, (method, path)
        for code in op["responses"]:
            assert 200 <= int(code) < 500, (method, path, code)
        if op.get("security") != []:
            assert {"401", "403"} <= set(op["responses"]), (method, path)
        if "{id}" in path:
            assert "404" in op["responses"], (method, path)
        if "requestBody" in op:
            assert {"400", "422", "413"} <= set(op["responses"]), (method, path)


def test_every_route_is_documented_and_nothing_else(document: dict[str, Any]) -> None:
    table = set()
    for route in routes:
        assert isinstance(route, ApiRoute), route
        table |= {(m, openapi_path(route.path)) for m in route.methods or () if m != "HEAD"}
    assert table == set(operations(document))


def test_complaint_creation_is_fully_described(document: dict[str, Any]) -> None:
    op = operations(document)[("POST", "/api/v1/complaints")]
    body = resolve(document, op["requestBody"]["content"]["application/json"]["schema"]["$ref"])
    assert {"merchant_id", "category", "facts", "request", "amount_fen", "known_on"} <= set(
        body["required"]
    )
    assert body["properties"]["known_on"]["format"] == "date"
    created = op["responses"]["201"]["content"]["application/json"]["schema"]
    complaint = resolve(document, created["$ref"])
    assert {"id", "state", "events", "offers", "actions", "due"} <= set(complaint["properties"])
    assert set(op["responses"]) == {"201", "400", "401", "403", "413", "422"}


def test_state_changes_can_conflict(document: dict[str, Any]) -> None:
    for (method, path), op in operations(document).items():
        if method == "POST" and "/complaints/{id}/" in path:
            assert "409" in op["responses"], path
