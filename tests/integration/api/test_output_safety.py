"""Output safety (issue 21, finding 7): nothing the data or a request holds reaches a client as
something it would run. A lone CR cannot end an iCalendar line, only http(s) IRIs become links,
a JSON body nested past MAX_JSON_DEPTH is a 400 (it was a 500 with a traceback at 1,000 levels),
and every response says ``X-Content-Type-Options: nosniff``.

On the Flask test client over a store of its own; tests/system/browser/test_browser_hostile.py
renders hostile
labels in Chromium, tests/system/hostile/test_hostile.py replays the findings on a real server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import pytest
from flask import Flask

from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore
from exgraph.plans.export import _escape
from exgraph.web.app import create_app
from exgraph.web.context import json_depth_exceeds
from exgraph.web.pages.links import href
from exgraph.web.sparql.service import service

EXERCISE = "https://w3id.org/exgraph/id/exercise/machine-back-extension"
BASE = "https://w3id.org/exgraph/"
SOURCE = "https://w3id.org/exgraph/id/source/curated"


@pytest.fixture(scope="module")
def app() -> Iterator[Flask]:
    store = open_store("oxigraph")
    assert isinstance(store, OxigraphStore)
    # a javascript: IRI and a data: IRI said of a source, as a careless import might
    for iri in ("javascript:window.__pwned=1", "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E"):
        store.ox.add(ox.Quad(ox.NamedNode(SOURCE),
                             ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                             ox.NamedNode(iri)))
    flask_app = create_app({"STORE": store, "SPARQL_WORKERS": 1})
    yield flask_app
    service(flask_app).close()


@pytest.mark.parametrize(("text", "escaped"), [
    ("a\rDTSTART:19700101", "a\\nDTSTART:19700101"),  # a lone CR would start a new line
    ("a\r\nb\nc", "a\\nb\\nc"),
    ("bell\x07 and escape\x1b[31m", "bell and escape[31m"),
    ("tab\tstays; commas, too\\", "tab\tstays\\; commas\\, too\\\\"),
])
def test_icalendar_text_escapes_line_breaks_and_drops_controls(text: str, escaped: str) -> None:
    assert _escape(text) == escaped
    assert "\r" not in _escape(text) and "\n" not in _escape(text)


@pytest.mark.parametrize(("iri", "link"), [
    ("javascript:alert(1)", ""),
    ("JavaScript:alert(1)", ""),
    ("data:text/html,x", ""),
    ("urn:isbn:123", ""),
    ("https://example.org/x", "https://example.org/x"),
    ("http://example.org/x", "http://example.org/x"),
    (EXERCISE, "/exercises/machine-back-extension"),
])
def test_only_http_iris_become_links(iri: str, link: str) -> None:
    assert href(iri, BASE) == link


def test_a_javascript_iri_in_the_data_is_text_on_the_resource_page(app: Flask) -> None:
    response = app.test_client().get("/id/source/curated", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "javascript:window.__pwned=1" in page  # shown...
    assert 'href="javascript:' not in page.lower()  # ...not linked
    assert 'href="data:text' not in page


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_json_nested_too_deep_is_a_400(app: Flask, depth: int) -> None:
    body = '{"goal": ' + "[" * depth + "]" * depth + "}"
    response = app.test_client().post("/api/v1/plans", data=body,
                                      content_type="application/json")
    assert response.status_code == 400
    error = json.loads(response.data)
    assert error == {"ok": False, "status": 400, "error": error["error"]}
    assert "MAX_JSON_DEPTH" in error["error"]


def test_json_at_the_depth_is_read(app: Flask) -> None:
    """63 levels inside the object (64 in all): parsed, and refused by the plan's own check."""
    body = '{"goal": ' + "[" * 63 + "]" * 63 + "}"
    response = app.test_client().post("/api/v1/plans", data=body,
                                      content_type="application/json")
    error = json.loads(response.data)["error"]
    assert response.status_code == 400 and "MAX_JSON_DEPTH" not in error
    assert "goal" in error, error


@pytest.mark.parametrize(("text", "limit", "exceeds"), [
    (b"[[[]]]", 3, False), (b"[[[[]]]]", 3, True),
    (b'["[[[[[[", {"a": "{{{{"}]', 2, False),  # brackets in strings do not count
    (b'["\\"[[[[["]', 1, False),  # nor after an escaped quote
    (b"{" * 10, 9, True),  # unbalanced: still refused
])
def test_the_depth_scan(text: bytes, limit: int, exceeds: bool) -> None:
    assert json_depth_exceeds(text, limit) is exceeds


@pytest.mark.parametrize(("method", "path", "kwargs"), [
    ("GET", "/healthz", {}),
    ("GET", "/api/v1/exercises/machine-back-extension", {}),
    ("GET", "/api/v1/exercises/machine-back-extension.ttl", {}),
    ("GET", "/api/v1/exercises/no-such-exercise", {}),
    ("GET", "/export.nt", {}),
    ("GET", "/sparql", {"query_string": {"query": "ASK {}"}}),
    ("GET", "/sparql", {"query_string": {"query": "SELECT"}}),
    ("GET", "/exercises/machine-back-extension", {}),
    ("GET", "/id/exercise/machine-back-extension", {"headers": {"Accept": "text/turtle"}}),
    ("GET", "/no/such/page", {}),
    ("POST", "/api/v1/plans", {"data": "[" * 100, "content_type": "application/json"}),
])
def test_every_response_says_nosniff(app: Flask, method: str, path: str,
                                     kwargs: dict[str, Any]) -> None:
    response = app.test_client().open(path, method=method, **kwargs)
    assert response.headers["X-Content-Type-Options"] == "nosniff", (path, response.status)
