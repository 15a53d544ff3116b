"""Isolation: on a real ``exgraph serve``, a second user and a client without a token try every
/api/v1/me route, the /me page (signed in by its form as another user, and not signed in),
/sparql, the exports and the pages; the first user's cookie is no API credential; nothing of the
first user's log is readable or writable, and it is byte-for-byte the same afterwards."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import requests

from tests.history_routes import ROUTES
from tests.paths import TESTS
from tests.server import EXGRAPH, running_server

FIXTURES = TESTS / "fixtures" / "history"
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

        # /me: the page shows a log only to its owner's cookie, set by the sign-in form
        def signed_in(token: str, known: bool = True) -> requests.Session:
            browser = requests.Session()
            form = browser.get(base + "/me", timeout=TIMEOUT)
            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
            assert csrf is not None and not _leaks(form.text, markers)
            done = browser.post(base + "/me/sign-in", data={"token": token,
                                                             "csrf": csrf.group(1)},
                                timeout=TIMEOUT)
            assert done.status_code == 200
            assert done.url.endswith("/me" if known else "/me?failed=1"), done.url
            return browser
        own = signed_in(alice).get(base + "/me", timeout=TIMEOUT).text
        assert all(f'id="w-{i}"' in own for i in ids)  # the check below can find a leak
        as_bob = signed_in(bob, known=False)  # deleted above: his token opens nothing
        assert 'name="token"' in as_bob.get(base + "/me", timeout=TIMEOUT).text
        carol = signed_in(_add_user("carol", env))
        for browser in (carol, requests.Session()):
            for path in ("/me", "/me?offset=0"):
                page = browser.get(base + path, timeout=TIMEOUT,
                                   headers={"Authorization": f"Bearer {alice}"})
                assert page.status_code == 200 and not _leaks(page.text, markers), path
        # alice's cookie (were it stolen into a request) opens no API route, reads or writes
        for method, path in routes:
            response = requests.request(method, base + path, cookies={"exgraph_token": alice},
                                        timeout=TIMEOUT, data=b"{}")
            assert response.status_code == 401, (method, path)
        # a sign-in posted from another site (no csrf cookie, no field) sets nothing
        forged = requests.post(base + "/me/sign-in", data={"token": alice}, timeout=TIMEOUT,
                               headers={"Origin": "https://evil.example"}, allow_redirects=False)
        assert forged.status_code == 403 and "exgraph_token" not in forged.cookies

        assert call("GET", "/api/v1/me/export.nq", alice).content == before
