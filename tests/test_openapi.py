"""The OpenAPI document: it describes exactly the app's API and export routes, and the app keeps
its promises (schemathesis: no server errors, every response conforming to its schema)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

import exgraph.web.api.openapi as openapi
from exgraph.graph.store import Store
from exgraph.web.app import create_app

AUTOMATIC = {"HEAD", "OPTIONS"}  # Flask answers these for every GET route


@pytest.fixture(scope="module")
def app(store: Store) -> Flask:
    return create_app({"STORE": store})


def documented(app: Flask) -> dict[str, Any]:
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


def app_routes(app: Flask) -> set[tuple[str, str]]:
    """(OpenAPI path, method) of every rule of the api blueprint."""
    routes = set()
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api."):
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        routes |= {(path, m.lower()) for m in rule.methods or () if m not in AUTOMATIC}
    return routes


def test_every_route_is_documented_and_every_documented_route_exists(app: Flask) -> None:
    doc = documented(app)
    in_doc = {(path, method) for path, item in doc["paths"].items() for method in item}
    routes = app_routes(app)
    assert {p for p, _ in routes if p.startswith("/api/v1/") or p.startswith("/export.")} == {
        p for p, _ in routes}, "an api route outside /api/v1/ and /export.*"
    assert routes - in_doc == set(), "routes missing from the OpenAPI document"
    assert in_doc - routes == set(), "documented paths the app does not serve"


def test_every_operation_documents_the_error_shape(app: Flask) -> None:
    doc = documented(app)
    assert doc["openapi"].startswith("3.")
    error = doc["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"ok", "error", "status"}
    for path, item in doc["paths"].items():
        responses = item["get"]["responses"]
        assert "200" in responses, path
        for code in set(responses) - {"200", "304"}:
            assert responses[code]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"}, (path, code)
        for param in item["get"]["parameters"]:
            if param["in"] == "path":
                assert "{" + param["name"] + "}" in path


@pytest.fixture(scope="module")
def api_schema(app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


# schemathesis.pytest.from_fixture fails on pytest 9 (it reads request.node._nodeid), so each
# documented operation is a parametrized test that runs its hypothesis strategy itself.
@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(openapi.document()["paths"]))
def test_api_conforms_to_its_document(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

    check()
