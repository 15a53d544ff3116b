"""The /me page: sign-in by form into an HTTP-only, same-site cookie scoped to /me, the log,
the estimated-maximum charts and the body map of last week's sets; CSRF tokens on both forms;
the cookie opens no API route."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from exgraph.graph.store import Store
from exgraph.history.log import History
from exgraph.history.stats import progress, volume
from exgraph.records.build import records_for
from exgraph.web.app import create_app
from exgraph.web.pages.me import CSRF_COOKIE, TOKEN_COOKIE
from tests.paths import TESTS

FIXTURE = TESTS / "fixtures" / "history" / "strong_progression.csv"


@pytest.fixture
def site(tmp_path: Path, full_store: Store) -> Iterator[tuple[Flask, FlaskClient, str]]:
    app = create_app({"STORE": full_store, "TESTING": True, "HISTORY_DIR": str(tmp_path)})
    history = History(tmp_path)  # as `exgraph users add` and `exgraph log import` do
    user, token = history.users.add("lifter")
    history.import_file(user, FIXTURE.read_bytes(), FIXTURE.name, full_store)
    with app.test_client() as client:
        yield app, client, token


def _csrf(client: FlaskClient) -> str:
    page = client.get("/me")
    found = re.search(r'name="csrf" value="([^"]+)"', page.get_data(as_text=True))
    assert found is not None
    return found.group(1)


def _set_cookie(response: TestResponse, name: str) -> str:
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]
    assert len(headers) == 1, headers
    return headers[0]


def test_sign_in_sets_a_private_cookie_and_shows_the_log(
        site: tuple[Flask, FlaskClient, str], full_store: Store) -> None:
    app, client, token = site
    form = client.get("/me")
    assert form.status_code == 200 and 'name="token"' in form.get_data(as_text=True)
    assert form.headers["Cache-Control"] == "no-store" and "Cookie" in form.headers["Vary"]
    csrf = _csrf(client)
    signed = client.post("/me/sign-in", data={"token": token, "csrf": csrf})
    assert signed.status_code == 303 and signed.headers["Location"].endswith("/me")
    cookie = _set_cookie(signed, TOKEN_COOKIE)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/me" in cookie
    assert "Secure" not in cookie  # plain http here; over https it is set (next test)
    page = client.get("/me")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "lifter's training log" in html
    history: History = app.extensions["exgraph_history"]
    log = history.log(history.users.get("lifter"))
    for session in log.ordered()[:3]:
        assert f'id="w-{session.id}"' in html
    # one chart per loaded exercise (five here), a point per session with a best set
    charts = re.findall(r'<svg class="e1rm".*?</svg>', html, flags=re.S)
    assert len(charts) == 5
    bench = next(c for c in charts if 'aria-label="Bench Press (Barbell):' in c)
    points = ET.fromstring(bench).findall("circle")  # inline SVG in HTML: no namespace
    expected = [p for p in progress(log, "bench-press") if p["e1rm_kg"]]
    assert len(points) == len(expected) == 9
    assert FIXTURE.name in (points[-1].findtext("title") or "")
    # the body map: the groups of the latest week, in their bands
    week = volume(log, records_for(full_store), 1)["weeks"][0]["sets"]
    quads = week["quadriceps"]
    band = "primary" if quads >= 10 else "secondary" if quads >= 5 else "stabilizer"
    assert f'class="region role-{band}" data-region' in html
    assert re.search(rf'data-muscle="quadriceps"[^>]*aria-label="[^"]*{quads:g} sets', html)
    assert "10 or more sets" in html and "under 5 sets" in html


def test_the_cookie_is_secure_over_https(site: tuple[Flask, FlaskClient, str]) -> None:
    _app, client, token = site
    page = client.get("/me", base_url="https://localhost")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.get_data(as_text=True))
    assert csrf is not None
    signed = client.post("/me/sign-in", data={"token": token, "csrf": csrf.group(1)},
                         base_url="https://localhost")
    assert "Secure" in _set_cookie(signed, TOKEN_COOKIE)


def test_forms_without_the_csrf_token_change_nothing(site: tuple[Flask, FlaskClient, str]
                                                     ) -> None:
    _app, client, token = site
    client.get("/me")  # the csrf cookie is set
    for data in ({"token": token}, {"token": token, "csrf": "forged"}):
        refused = client.post("/me/sign-in", data=data)
        assert refused.status_code == 403
        assert not [h for h in refused.headers.getlist("Set-Cookie")
                    if h.startswith(f"{TOKEN_COOKIE}=")]
    assert 'name="token"' in client.get("/me").get_data(as_text=True)  # still signed out
    client.delete_cookie(CSRF_COOKIE, path="/me")
    assert client.post("/me/sign-in", data={"token": token, "csrf": ""}).status_code == 403


def test_a_wrong_token_and_sign_out(site: tuple[Flask, FlaskClient, str]) -> None:
    _app, client, token = site
    wrong = client.post("/me/sign-in", data={"token": token + "x", "csrf": _csrf(client)})
    assert wrong.status_code == 303 and wrong.headers["Location"].endswith("/me?failed=1")
    assert "belongs to nobody" in client.get("/me?failed=1").get_data(as_text=True)
    client.post("/me/sign-in", data={"token": token, "csrf": _csrf(client)})
    assert "training log" in client.get("/me").get_data(as_text=True)
    out = client.post("/me/sign-out", data={"csrf": _csrf(client)})
    assert out.status_code == 303 and "Max-Age=0" in _set_cookie(out, TOKEN_COOKIE)
    assert 'name="token"' in client.get("/me").get_data(as_text=True)


def test_the_cookie_opens_no_api_route(site: tuple[Flask, FlaskClient, str]) -> None:
    """The cookie is scoped to /me; even sent by hand to the API, it is not a credential."""
    _app, client, token = site
    client.set_cookie(TOKEN_COOKIE, token, path="/")
    for method, path in (("GET", "/api/v1/me"), ("GET", "/api/v1/me/workouts"),
                         ("DELETE", "/api/v1/me"), ("POST", "/api/v1/me/workouts")):
        response = client.open(path, method=method, json={})
        assert response.status_code == 401, (method, path)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}
                      ).status_code == 200
