"""The OpenAPI 3.1 document, built from the API's route table and its pydantic models.

Nothing here is written by hand per endpoint: every :class:`ApiRoute` contributes its path,
method, parameters, body, response and the errors its :class:`Operation` lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from odr import __version__
from odr.web.api.base import ApiRoute, Operation, api_route
from odr.web.api.schemas import ErrorBody

PREFIX = "/api/v1"
REF = "#/components/schemas/{model}"
JSON = "application/json"
PARAM = re.compile(r"{(\w+)(?::\w+)?}")

ERRORS: dict[int, tuple[str, str]] = {
    400: ("BadJson", "The body is not valid JSON (code bad_json)."),
    401: ("Unauthenticated", "No valid token or session (code unauthenticated)."),
    403: ("Forbidden", "The caller's role may not do this (code forbidden)."),
    404: ("NotFound", "No such thing, or not the caller's to see (code not_found)."),
    409: ("InvalidTransition", "The complaint's state does not allow this."),
    413: ("TooLarge", "The body is larger than the server accepts."),
    422: ("ValidationFailed", "Some fields need attention; see error.fields."),
    429: ("TooManyAttempts", "Too many attempts; try again later."),
}
"""Each error status: the name of its shared response and what it means."""


def openapi_path(path: str) -> str:
    """A Starlette path as OpenAPI writes it: ``/complaints/{id:int}`` → ``/complaints/{id}``."""
    return PREFIX + PARAM.sub(r"{\1}", path)


class _Schemas:
    """The components' schemas, gathered from every model an operation names."""

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}

    def ref(self, model: type[BaseModel], mode: str) -> dict[str, str]:
        schema = model.model_json_schema(ref_template=REF, mode=mode)  # type: ignore[arg-type]
        self.schemas.update(schema.pop("$defs", {}))
        self.schemas[model.__name__] = schema
        return {"$ref": REF.format(model=model.__name__)}


def _parameters(route: ApiRoute) -> list[dict[str, Any]]:
    path = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}
        for name in PARAM.findall(route.path)
    ]
    query = [
        {"name": name, "in": "query", "required": False, "schema": {"type": kind}}
        for name, kind in route.operation.query
    ]
    return path + query


def _body(op: Operation, schemas: _Schemas) -> dict[str, Any] | None:
    if op.body is None:
        return None
    required = any(f.is_required() for f in op.body.model_fields.values())
    return {"required": required, "content": {JSON: {"schema": schemas.ref(op.body, "validation")}}}


def _operation(route: ApiRoute, schemas: _Schemas) -> dict[str, Any]:
    op = route.operation
    result = schemas.ref(op.response, "serialization") if op.response else {"type": "object"}
    responses: dict[str, Any] = {
        str(op.status): {"description": op.summary, "content": {JSON: {"schema": result}}}
    }
    for status in sorted(op.errors):
        responses[str(status)] = {"$ref": f"#/components/responses/{ERRORS[status][0]}"}
    document: dict[str, Any] = {
        "operationId": route.name,
        "summary": op.summary,
        "parameters": _parameters(route),
        "responses": responses,
    }
    body = _body(op, schemas)
    if body is not None:
        document["requestBody"] = body
    if op.public:
        document["security"] = []
    return document


def build_document(routes: Sequence[ApiRoute]) -> dict[str, Any]:
    """The OpenAPI 3.1 document describing ``routes``."""
    schemas = _Schemas()
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(openapi_path(route.path), {})[route.method.lower()] = _operation(
            route, schemas
        )
    error = schemas.ref(ErrorBody, "serialization")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "odr",
            "version": __version__,
            "description": "Online dispute resolution for consumer complaints. Errors are "
            '`{"error": {"code", "message", "fields"?}}`; messages follow Accept-Language.',
        },
        "paths": paths,
        "security": [{"bearer": []}],
        "components": {
            "schemas": dict(sorted(schemas.schemas.items())),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "POST /tokens"}
            },
            "responses": {
                name: {"description": text, "content": {JSON: {"schema": error}}}
                for name, text in ERRORS.values()
            },
        },
    }


def openapi_routes(resources: Sequence[ApiRoute]) -> list[ApiRoute]:
    """The route serving the document of ``resources`` and of itself."""
    cache: list[dict[str, Any]] = []

    async def openapi_json(request: Request) -> Response:
        """The OpenAPI document of this API."""
        if not cache:
            cache.append(build_document([*resources, route]))
        return JSONResponse(cache[0])

    route = api_route(
        "/openapi.json",
        "GET",
        openapi_json,
        summary="This API's OpenAPI document",
        response=None,
        public=True,
    )
    return [route]
