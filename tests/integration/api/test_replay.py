"""Cached API answers replayed below Flask (web/replay.py, issue 25 "API at the ceiling").

A repeated GET of the API is answered from the replay entries without running Flask: the same
status, headers (but Date) and bytes as the answer Flask gave, with every safety hook's work in
them; admission, conditional requests, other methods, other header values and a changed graph
still go through Flask. Whether Flask ran is read from its ``request_started`` signal.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient

from exgraph.graph.store import Store
from exgraph.web import replay
from exgraph.web.app import create_app
from exgraph.web.cache import invalidate, state

HEADLINE = ("/api/v1/exercises/machine-back-extension/alternatives"
            "?exclude_equipment=machine&difficulty=low")


@pytest.fixture
def app(store: Store) -> Flask:
    return create_app({"STORE": store})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def flask_runs(app: Flask) -> Iterator[list[str]]:
    """The paths of the requests Flask itself handled while the test ran."""
    seen: list[str] = []

    def started(sender: Flask, **_extra: Any) -> None:
        from flask import request

        seen.append(request.full_path)

    request_started.connect(started, app)
    try:
        yield seen
    finally:
        request_started.disconnect(started, app)


def _headers(response: Any) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in response.headers.items() if k != "Date")


def test_a_repeated_get_is_replayed_with_every_hook_s_headers(
        client: FlaskClient, flask_runs: list[str]) -> None:
    first = client.get(HEADLINE)
    second = client.get(HEADLINE)
    assert first.status_code == second.status_code == 200
    assert len(flask_runs) == 1  # the second answer did not run Flask
    assert second.data == first.data and _headers(second) == _headers(first)
    items = json.loads(second.data)["items"]
    assert items and all("id" in item for item in items)
    # what the hooks put on the answer is on the replay: nosniff, CORS, ETag, caching
    assert second.headers["X-Content-Type-Options"] == "nosniff"
    assert second.headers["Access-Control-Allow-Origin"] == "*"
    assert second.headers["ETag"] and second.headers["Cache-Control"] == "public, max-age=60"
    assert "Date" not in second.headers  # the server writes the current one (waitress does)


def test_conditional_requests_go_to_flask_and_get_their_304(
        client: FlaskClient, flask_runs: list[str]) -> None:
    etag = client.get(HEADLINE).headers["ETag"]
    client.get(HEADLINE)
    assert len(flask_runs) == 1
    again = client.get(HEADLINE, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert len(flask_runs) == 2


def test_a_replay_takes_an_admission_slot_and_without_one_flask_answers_503(
        app: Flask, client: FlaskClient, flask_runs: list[str]) -> None:
    client.get(HEADLINE)
    slots = app.extensions[replay.SLOTS]
    taken = 0
    while slots.acquire(blocking=False):
        taken += 1
    try:
        busy = client.get(HEADLINE)
    finally:
        for _ in range(taken):
            slots.release()
    assert taken == app.config["API_CONCURRENCY"]
    assert busy.status_code == 503 and busy.headers["Retry-After"]
    assert json.loads(busy.data)["status"] == 503
    assert len(flask_runs) == 2  # it went to Flask's admission
    assert client.get(HEADLINE).status_code == 200  # the slots are back: replayed again
    assert len(flask_runs) == 2


def test_other_header_values_methods_and_private_routes_are_not_replayed(
        client: FlaskClient, flask_runs: list[str]) -> None:
    client.get(HEADLINE)
    client.get(HEADLINE, headers={"Accept-Language": "de"})  # another key: Flask runs
    assert len(flask_runs) == 2
    client.head(HEADLINE)
    client.get("/api/v1/me")  # 401 without a token, never kept
    client.get("/api/v1/me")
    assert len(flask_runs) == 5


def test_a_compressed_answer_is_replayed_only_to_clients_that_accept_it(
        client: FlaskClient, flask_runs: list[str]) -> None:
    plain = client.get(HEADLINE)
    zipped = [client.get(HEADLINE, headers={"Accept-Encoding": "gzip"}) for _ in range(2)]
    assert len(flask_runs) == 2  # one run per Accept-Encoding, the third answer replayed
    assert all(z.headers["Content-Encoding"] == "gzip" for z in zipped)
    assert gzip.decompress(zipped[1].data) == plain.data
    again = client.get(HEADLINE)
    assert "Content-Encoding" not in again.headers and again.data == plain.data


def test_a_changed_graph_drops_the_replays(app: Flask, client: FlaskClient,
                                           flask_runs: list[str]) -> None:
    client.get(HEADLINE)
    client.get(HEADLINE)
    assert len(flask_runs) == 1
    with app.app_context():
        assert len(state(app).sized(replay.FAMILY, 1)) == 1
    invalidate(app)  # what an update does
    client.get(HEADLINE)
    assert len(flask_runs) == 2


def test_errors_are_not_replayed(client: FlaskClient, flask_runs: list[str]) -> None:
    for _ in range(2):
        assert client.get("/api/v1/exercises/no-such-exercise/alternatives").status_code == 404
    assert len(flask_runs) == 2


def test_replays_are_bounded_by_the_api_cache_budget(store: Store) -> None:
    app = create_app({"STORE": store, "API_CACHE_BYTES": 0})
    client = app.test_client()
    seen: list[str] = []
    request_started.connect(lambda sender, **_: seen.append("run"), app, weak=False)
    client.get(HEADLINE)
    client.get(HEADLINE)
    assert seen == ["run", "run"]
    with app.app_context():
        assert len(state(app).sized(replay.FAMILY, 0)) == 0


def test_a_repeated_sparql_get_is_replayed_and_a_new_text_is_not(
        client: FlaskClient, flask_runs: list[str]) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    ask = "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    first, second = client.get(ask, headers=accept), client.get(ask, headers=accept)
    assert first.status_code == second.status_code == 200
    assert json.loads(second.data) == {"head": {}, "boolean": True}
    assert second.data == first.data and _headers(second) == _headers(first)
    assert second.headers["X-Content-Type-Options"] == "nosniff"
    assert second.headers["Access-Control-Allow-Origin"] == "*"
    assert len(flask_runs) == 1
    client.get(ask + "%20LIMIT%201", headers=accept)  # a new text: the guard and a worker
    refused = [client.get("/sparql?query=SELECT%20*%20%7BSERVICE%20%3Chttp%3A%2F%2Fx%3E"
                          "%20%7B%3Fs%20%3Fp%20%3Fo%7D%7D", headers=accept) for _ in range(2)]
    assert all(r.status_code == 400 for r in refused)  # refusals are never replayed
    assert len(flask_runs) == 4
