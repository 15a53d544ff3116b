"""The one JSON error response (web/context.exception_response): every error type's status,
headers and details come from the type (errors.py), never from the route that raised it.

A unit test of the web layer: a bare Flask app, no graph, no server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from werkzeug.exceptions import MethodNotAllowed, NotFound

from exgraph.errors import RETRY_AFTER, BadRequest, Busy, ExgraphError, QueryTimeout
from exgraph.history.users import Unauthorized
from exgraph.web.context import error_parts, error_response, exception_response
from exgraph.web.exports import ExportsBusy
from exgraph.web.sparql.jobs import QueryAborted
from exgraph.web.sparql.service import ShapeViolation


@dataclass(frozen=True)
class _Problem:
    focus: str
    message: str


@pytest.fixture
def app() -> Flask:
    return Flask(__name__)


def _body(app: Flask, exc: ExgraphError | MethodNotAllowed | NotFound) -> tuple[Any, int, Any]:
    with app.test_request_context():
        response = exception_response(exc)
        return json.loads(response.get_data()), response.status_code, response.headers


def test_shape_is_ok_error_status(app: Flask) -> None:
    body, status, headers = _body(app, BadRequest("parameter 'limit': not a number"))
    assert status == 400
    assert body == {"ok": False, "error": "parameter 'limit': not a number", "status": 400}
    assert headers["Content-Type"] == "application/json"
    assert "Retry-After" not in headers


@pytest.mark.parametrize(("exc", "seconds"), [
    (Busy("all slots taken"), RETRY_AFTER),
    (QueryTimeout("ran past 10 s"), RETRY_AFTER),
    (QueryAborted("the worker died"), RETRY_AFTER),
    (ExportsBusy("every export slot is taken"), 2),
])
def test_errors_that_pass_carry_retry_after(app: Flask, exc: ExgraphError, seconds: int) -> None:
    body, status, headers = _body(app, exc)
    assert status == 503 and body["status"] == 503 and body["error"] == str(exc)
    assert headers["Retry-After"] == str(seconds)


def test_unauthorized_carries_the_bearer_challenge(app: Flask) -> None:
    body, status, headers = _body(app, Unauthorized("no token"))
    assert status == 401 and body == {"ok": False, "error": "no token", "status": 401}
    assert headers["WWW-Authenticate"] == 'Bearer realm="exgraph"'


def test_shape_violation_lists_its_problems_beside_the_message(app: Flask) -> None:
    problems = [_Problem("ex:a", "needs a label"), _Problem("ex:b", "bad difficulty")]
    body, status, _ = _body(app, ShapeViolation("the update breaks the shapes", problems))
    assert status == 400
    assert body["ok"] is False and body["error"] == "the update breaks the shapes"
    assert body["problems"] == [{"focus": "ex:a", "message": "needs a label"},
                                {"focus": "ex:b", "message": "bad difficulty"}]


def test_details_cannot_overwrite_the_shape(app: Flask) -> None:
    with app.test_request_context():
        response = error_response("gone", 404, details={"ok": True, "status": 200, "extra": 1})
        body = json.loads(response.get_data())
    assert response.status_code == 404
    assert body == {"ok": False, "error": "gone", "status": 404, "extra": 1}


def test_http_errors_take_the_same_shape(app: Flask) -> None:
    body, status, headers = _body(app, MethodNotAllowed(valid_methods=["GET", "POST"]))
    assert status == 405 and body["status"] == 405 and body["ok"] is False
    assert headers["Allow"] == "GET, POST"
    body, status, headers = _body(app, NotFound())
    assert status == 404 and "Allow" not in headers and body["error"]


def test_error_parts_feed_pages_and_json_alike() -> None:
    assert error_parts(Busy("full")) == ("full", 503, {"Retry-After": str(RETRY_AFTER)})
    assert error_parts(MethodNotAllowed(valid_methods=["GET"]))[1:] == (405, {"Allow": "GET"})
