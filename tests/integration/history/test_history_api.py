"""/api/v1/me: every route behind a token, on the Flask test client (the isolation test on a
real server is tests/system/server/test_history_isolation.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from exgraph.graph.store import Store
from exgraph.history.users import Users
from exgraph.web.app import create_app
from tests.history_routes import ROUTES
from tests.paths import TESTS

FIXTURES = TESTS / "fixtures" / "history"


@pytest.fixture
def setup(tmp_path: Path, full_store: Store) -> Iterator[tuple[FlaskClient, dict[str, str]]]:
    users = Users(tmp_path)
    tokens = {name: users.add(name)[1] for name in ("alice", "bob")}
    app = create_app({"STORE": full_store, "TESTING": True, "HISTORY_DIR": str(tmp_path)})
    yield app.test_client(), tokens
    app.extensions["exgraph_history"].close()


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _ok(response: Any, status: int = 200) -> dict[str, Any]:
    body: dict[str, Any] = response.get_json()
    assert response.status_code == status, body
    assert body["ok"] is True
    return body


def _import(client: FlaskClient, token: str, name: str, **query: str) -> dict[str, Any]:
    response = client.post("/api/v1/me/imports", query_string={"file": name, **query},
                           data=(FIXTURES / name).read_bytes(), headers=_auth(token))
    report: dict[str, Any] = _ok(response)["report"]
    return report


def test_import_list_get_delete_a_workout(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    report = _import(client, tokens["alice"], "strong_kg.csv")
    assert (report["imported_sets"], report["new_sessions"]) == (20, 3)
    assert _import(client, tokens["alice"], "strong_kg.csv")["imported_sets"] == 0
    page = _ok(client.get("/api/v1/me/workouts?limit=2", headers=_auth(tokens["alice"])))
    assert (page["total"], len(page["items"])) == (3, 2)
    assert [w["date"] for w in page["items"]] == ["2024-01-15", "2024-01-10"]  # latest first
    rest = _ok(client.get(page["next"], headers=_auth(tokens["alice"])))
    assert [w["date"] for w in rest["items"]] == ["2024-01-08"] and rest["next"] is None
    one = _ok(client.get(f"/api/v1/me/workouts/{rest['items'][0]['id']}",
                         headers=_auth(tokens["alice"])))["workout"]
    assert one["title"] == "Push Day" and len(one["sets"]) == 9
    assert one["sets"][0]["source"] == {"file": "strong_kg.csv", "line": 2}
    deleted = _ok(client.delete(f"/api/v1/me/workouts/{one['id']}",
                                headers=_auth(tokens["alice"])))
    assert deleted["deleted"]["sets"] == 9
    gone = client.get(f"/api/v1/me/workouts/{one['id']}", headers=_auth(tokens["alice"]))
    assert gone.status_code == 404 and gone.get_json()["ok"] is False


def test_post_a_workout(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    session = {"start": "2024-04-01T18:00:00", "title": "Quick",
               "sets": [{"exercise": "Barbell Squat", "reps": 5, "load": 100},
                        {"exercise": "barbell-squat", "reps": 5, "load": 102.5}]}
    made = client.post("/api/v1/me/workouts", json=session, headers=_auth(tokens["alice"]))
    body = _ok(made, 201)
    assert made.headers["Location"] == f"/api/v1/me/workouts/{body['workout']['id']}"
    assert [s["exercise"] for s in body["workout"]["sets"]] == ["barbell-squat"] * 2
    assert _ok(client.post("/api/v1/me/workouts", json=session,
                           headers=_auth(tokens["alice"])))["added_sets"] == 0
    for bad, message in [({"start": "x", "sets": []}, "sets"),
                         ({**session, "start": "yesterday"}, "start"),
                         ({**session, "sets": [{"exercise": "no such lift", "reps": 5}]},
                          "sets/0: exercise")]:
        response = client.post("/api/v1/me/workouts", json=bad, headers=_auth(tokens["alice"]))
        assert response.status_code == 400 and message in response.get_json()["error"]
    me = _ok(client.get("/api/v1/me", headers=_auth(tokens["alice"])))
    assert (me["user"], me["workouts"], me["sets"]) == ("alice", 1, 2)


def test_progress_and_volume(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    _import(client, tokens["alice"], "hevy_kg.csv")
    body = _ok(client.get("/api/v1/me/progress?exercise=Squat (Barbell)",
                          headers=_auth(tokens["alice"])))
    assert body["exercise"] == "barbell-squat"
    (row,) = body["sessions"]
    assert row["volume_load_kg"] == 3 * 120 * 5 and row["e1rm_kg"]["epley"] == 140.0
    assert client.get("/api/v1/me/progress?exercise=nothing-like-it",
                      headers=_auth(tokens["alice"])).status_code == 404
    volume = _ok(client.get("/api/v1/me/volume?weeks=1", headers=_auth(tokens["alice"])))
    (week,) = volume["weeks"]
    assert week["week"] == "2024-W04" and week["sets"]
    assert volume["counting"] == {"primary": 1.0, "secondary": 0.5, "stabilizer": 0}
    for bad in ("weeks=0", "weeks=53", "weeks=x", "until=tomorrow"):
        response = client.get(f"/api/v1/me/volume?{bad}", headers=_auth(tokens["alice"]))
        assert response.status_code == 400, bad


def test_export_both_formats_then_delete_me(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    _import(client, tokens["alice"], "exgraph_log.json")
    nq = client.get("/api/v1/me/export.nq", headers=_auth(tokens["alice"]))
    assert nq.status_code == 200 and nq.mimetype == "application/n-quads"
    quads = list(ox.parse(nq.get_data(), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert len(graphs) == 1 and next(iter(graphs)).startswith("urn:exgraph:user:")
    jsonld = client.get("/api/v1/me/export?format=jsonld", headers=_auth(tokens["alice"]))
    graph = Graph().parse(data=jsonld.get_data(as_text=True), format="json-ld")
    assert len(graph) == len(quads) and len(graph) > 30
    assert jsonld.headers["Cache-Control"] == "no-store"
    deleted = _ok(client.delete("/api/v1/me", headers=_auth(tokens["alice"])))
    assert deleted["deleted"] == {"user": "alice", "workouts": 1, "sets": 5}
    assert client.get("/api/v1/me", headers=_auth(tokens["alice"])).status_code == 401
    assert _ok(client.get("/api/v1/me", headers=_auth(tokens["bob"])))["user"] == "bob"


def test_without_a_token_every_route_is_401(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    for method, path in ROUTES:
        for headers in ({}, {"Authorization": "Bearer nope"},
                        {"Authorization": f"Bearer {tokens['alice'][:-1]}"}):
            response = client.open(path, method=method, headers=headers, data=b"x")
            body = response.get_json()
            assert response.status_code == 401, (method, path, headers)
            assert body == {"ok": False, "error": body["error"], "status": 401}
            assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_bounded_imports(setup: tuple[FlaskClient, dict[str, str]]) -> None:
    client, tokens = setup
    app = client.application
    app.config["MAX_LOG_BYTES"] = 100
    big = client.post("/api/v1/me/imports", data=(FIXTURES / "strong_kg.csv").read_bytes(),
                      headers=_auth(tokens["alice"]))
    assert big.status_code == 413 and "EXGRAPH_MAX_LOG_BYTES" in big.get_json()["error"]
    app.config["MAX_LOG_BYTES"] = 10**6
    app.config["MAX_LOG_ROWS"] = 5
    many = client.post("/api/v1/me/imports?file=s.csv",
                       data=(FIXTURES / "strong_kg.csv").read_bytes(),
                       headers=_auth(tokens["alice"]))
    assert many.status_code == 400 and many.get_json()["error"].startswith("s.csv: line 7:")
    assert _ok(client.get("/api/v1/me", headers=_auth(tokens["alice"])))["sets"] == 0


def test_unknown_empty_or_repeated_parameters_are_refused(
        setup: tuple[FlaskClient, dict[str, str]]) -> None:
    """A typo is never silently ignored (week=3 for weeks=3), an empty until is not "no
    until" (found by fuzzing: it answered the default weeks), and nothing is asked before the
    token: without it every one of these is a 401."""
    client, tokens = setup
    for url, says in (("/api/v1/me/volume?week=3", "'week'"),
                      ("/api/v1/me/volume?until=", "'until'"),
                      ("/api/v1/me/workouts?limit=2&limit=3", "'limit'"),
                      ("/api/v1/me/export.nq?format=jsonld", "'format'"),
                      ("/api/v1/me?x=1", "'x'")):
        answer = client.get(url, headers=_auth(tokens["alice"]))
        body = answer.get_json()
        assert answer.status_code == 400 and body["ok"] is False, (url, body)
        assert says in body["error"], (url, body)
        assert client.get(url).status_code == 401
    assert client.get("/api/v1/me/volume?weeks=2&_=123",
                      headers=_auth(tokens["alice"])).status_code == 200
