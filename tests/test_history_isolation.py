"""Isolation: on a real ``exgraph serve``, a second user and a client without a token try every
/me route, /sparql, the exports and the pages; nothing of the first user's log is readable or
writable, and the first user's log is byte-for-byte the same afterwards."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import requests

from tests.history_routes import ROUTES
from tests.server import EXGRAPH, running_server

FIXTURES = Path(__file__).parent / "fixtures" / "history"
TIMEOUT = 30
#: Text only alice's log holds (the Strong file's notes and workout notes, her graph's IRIs);
#: her workout ids are added once known.
MARKERS = ("Slept badly", "felt heavy", "urn:exgraph:user", "Hamster")


def _add_user(name: str, env: dict[str, str]) -> str:
    done = subprocess.run([str(EXGRAPH), "users", "add", name], capture_output=True, text=True,
                          env={**os.environ, **env}, check=True, timeout=60)
    lines = done.stdout.strip().splitlines()
    assert lines[0] == f"user {name} added; their token (shown once, keep it):"
    return lines[1]


def _leaks(text: str, markers: list[str], path: str = "") -> list[str]:
    """The markers in text (an id the request itself named is echoed, not leaked)."""
    return [m for m in markers if m in text and m not in path]


def test_nothing_of_one_log_reaches_another_user_or_the_public(tmp_path: Path) -> None:
    env = {"EXGRAPH_HISTORY_DIR": str(tmp_path / "history"), "EXGRAPH_IMPORTS": "1"}
    alice, bob = _add_user("alice", env), _add_user("bob", env)
    with running_server(env=env) as base:
        def call(method: str, path: str, token: str | None = None, **kw: Any) -> Any:
            headers = {**kw.pop("headers", {}),
                       **({"Authorization": f"Bearer {token}"} if token else {})}
            return requests.request(method, base + path, headers=headers, timeout=TIMEOUT, **kw)

        imported = call("POST", "/api/v1/me/imports?file=strong_kg.csv", alice,
                        data=(FIXTURES / "strong_kg.csv").read_bytes())
        assert imported.json()["report"]["imported_sets"] == 20, imported.json()
        before = call("GET", "/api/v1/me/export.nq", alice).content
        assert b"Slept badly" in before
        ids = [w["id"] for w in call("GET", "/api/v1/me/workouts", alice).json()["items"]]
        assert len(ids) == 3
        markers = [*MARKERS, *ids]

        wrong = alice[:-1] + ("A" if alice[-1] != "A" else "B")
        # DELETE /api/v1/me last: as bob it deletes bob
        routes = sorted(ROUTES + [(m, f"/api/v1/me/workouts/{i}") for i in ids
                                  for m in ("GET", "DELETE")],
                        key=lambda r: r == ("DELETE", "/api/v1/me"))
        for token, status in ((None, 401), (wrong, 401), (bob, None)):
            for method, path in routes:
                response = call(method, path, token, data=b"{}")
                body = response.json() if response.headers["Content-Type"] == \
                    "application/json" else response.content
                if status == 401:
                    assert response.status_code == 401 and body["ok"] is False, (method, path)
                elif "/workouts/" in path:
                    assert response.status_code == 404, (method, path)  # not bob's
                else:
                    assert response.status_code in (200, 201, 400), (method, path, body)
                assert not _leaks(response.text, markers, path), (method, path, response.text)
        assert call("GET", "/api/v1/me", bob).status_code == 401  # bob deleted himself last

        leak = ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?o), 'Slept') "
                "|| STRSTARTS(STR(?g), 'urn:exgraph:user')) }")
        sets = ("SELECT (COUNT(*) AS ?n) WHERE { { ?s a <https://w3id.org/exgraph/ontology#"
                "TrainingSet> } UNION { GRAPH ?g { ?s a <https://w3id.org/exgraph/ontology#"
                "TrainingSet> } } }")
        found = [call("GET", "/sparql", params={"query": q},
                      headers={"Accept": "application/sparql-results+json"}) for q in (leak, sets)]
        assert [r.status_code for r in found] == [200, 200]
        assert found[0].json()["results"]["bindings"] == []
        assert found[1].json()["results"]["bindings"][0]["n"]["value"] == "0"
        for path in ("/export.ttl", "/export.nt", "/export.jsonld", "/", "/exercises/bench-press",
                     "/muscles", "/plan", "/api/v1/exercises/bench-press"):
            response = call("GET", path)
            assert response.status_code == 200, path
            assert not _leaks(response.text, markers), path

        assert call("GET", "/api/v1/me/export.nq", alice).content == before
