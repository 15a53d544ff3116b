"""The bounds behind issue 11, in process: the guard's pre-check, the byte-bounded caches, the
answer cap of the workers, the JSON API's request bounds, admission to /sparql, the update token
file and the health routes. tests/system/hostile/test_hostile.py replays the attacks on a real
server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from flask import Flask

from exgraph.errors import BadRequest
from exgraph.graph.store import OxigraphStore, Store
from exgraph.web.app import create_app
from exgraph.web.cache import ByteLRU
from exgraph.web.sparql import guard
from exgraph.web.sparql.answers import take
from exgraph.web.sparql.jobs import QueryJob
from exgraph.web.sparql.runner import QueryRunner
from exgraph.web.sparql.service import service
from tests.integration.sparql.test_sparql import HEADLINE, HEADLINE_ANSWER

# ---------------------------------------------------------------------------------------------
# The guard's pre-check


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * { ?s ?p ?o }", "SELECT"),
    ("ask {}", "ASK"),
    ("PREFIX a: <urn:x:> # a comment\n BASE <urn:y:> CONSTRUCT WHERE { ?s a:p ?o }", "CONSTRUCT"),
    ("PREFIX : <urn:x:>\nDESCRIBE :a", "DESCRIBE"),
    (HEADLINE, "SELECT"),
    # "service" or "load" anywhere, escaped or not, in any case: rdflib must decide, in a worker
    ("SELECT * { SERVICE <urn:x:> { ?s ?p ?o } }", None),
    ('SELECT ?x { BIND("Service" AS ?x) }', None),
    ("SELECT * { ?s <urn:x:download> ?o }", None),
    (r"SELECT * { \u0053ERVICE <urn:x:> { ?s ?p ?o } }", None),
    (r"SELECT * { SERV\U00000049CE <urn:x:> { ?s ?p ?o } }", None),
    (r"SELECT * { \u005Cu0053ERVICE <urn:x:> {} }", None),  # an escape that spells an escape
    ("SELECT * { \u017fervice <urn:x:> {} }", None),  # long s: casefolds to "service"
    (r"SELECT * { ?s ?p '\uD800' }", None),  # an escape that names no character
    # not a query the prologue scan understands: a worker decides
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", None),
    ("PREFIXa: <urn:x:> SELECT * {}", None),
    ("VERSION '1.2' SELECT * {}", None),
])
def test_precheck_proves_forms_or_defers(query: str, form: str | None) -> None:
    assert guard.precheck(query) == form


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT (1" + "+1" * 5000 + " AS ?x) {}", "operators"),
    ("SELECT (?a" + "-?a" * 5000 + " AS ?x) {}", "operators"),
    ("SELECT * {" + " { ?s ?p ?o } UNION" * 4100 + " {} }", "operators"),
    ("SELECT * " + "{" * 65 + "}" * 65, "nests"),
    ("SELECT (" + "(" * 70 + "1" + ")" * 70 + " AS ?x) {}", "nests"),
])
def test_shapes_past_the_bounds_are_refused(query: str, message: str) -> None:
    with pytest.raises(BadRequest, match=message):
        guard.precheck(query)


@pytest.mark.parametrize("query", [
    # brackets and operators inside strings, IRIs and comments do not count
    'SELECT ?x { BIND("' + "((((+-" * 5000 + '" AS ?x) }',
    "SELECT * { ?s <urn:" + "a-b" * 3000 + "> ?o } # " + "{{{{" * 100,
    "SELECT * " + "{" * 64 + "}" * 64,
])
def test_shapes_within_the_bounds_pass(query: str) -> None:
    guard.check_shape(query)


def test_full_parse_refuses_service_and_reports_forms() -> None:
    assert guard.inspect_query('SELECT ?x { BIND("service" AS ?x) }') == "SELECT"
    with pytest.raises(BadRequest, match="SERVICE"):
        guard.inspect_query(r"SELECT * { \u0053ERVICE <urn:x:> { ?s ?p ?o } }")


def test_concurrent_full_parses_in_one_process() -> None:
    """pyparsing's first use of a rule is not thread-safe: the parse lock serialises it."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def parse() -> None:
        barrier.wait()
        try:
            assert guard.inspect_query("SELECT ?o { <urn:x:a> <urn:x:b> ?o }") == "SELECT"
        except BaseException as exc:  # reported below, from the main thread
            errors.append(exc)

    threads = [threading.Thread(target=parse) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# ---------------------------------------------------------------------------------------------
# Byte-bounded caches and the answer cap


def test_byte_lru_keeps_its_budget() -> None:
    cache: ByteLRU[str, bytes] = ByteLRU(100)
    for i in range(50):
        cache.put(f"k{i}", b"x" * 30, 30)
    assert cache.size <= 100 and len(cache) == 3
    assert cache.get("k49") == b"x" * 30 and cache.get("k0") is None
    cache.put("huge", b"x" * 101, 101)  # larger than the whole budget: not kept
    assert cache.get("huge") is None
    cache.put("k49", b"y", 1)  # replacing an entry gives its bytes back
    assert cache.size == 61


@pytest.mark.parametrize(("sizes", "max_items", "max_bytes", "taken", "truncated"), [
    ([10, 10, 10], 5, 100, 3, False),
    ([10, 10, 10], 2, 100, 2, True),
    ([10, 10, 10], 5, 25, 2, True),
    ([500], 5, 100, 0, True),
    ([], 5, 100, 0, False),
])
def test_take_stops_at_rows_or_bytes(sizes: list[int], max_items: int, max_bytes: int,
                                     taken: int, truncated: bool) -> None:
    items, cut = take(iter(sizes), max_items, max_bytes, lambda size: size)
    assert (len(items), cut) == (taken, truncated)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "ntriples", "turtle"])
def test_workers_cut_answers_at_max_bytes(store: Store, fmt: str) -> None:
    assert isinstance(store, OxigraphStore)
    data = store.ox.dump(format=ox.RdfFormat.N_QUADS)
    assert data is not None
    query = ("CONSTRUCT WHERE { ?s ?p ?o }" if fmt in ("ntriples", "turtle")
             else "SELECT * { ?s ?p ?o }")
    runner = QueryRunner(data, workers=1, memory_limit=1 << 30)
    try:
        answer = runner.query(QueryJob(query, fmt, max_rows=10**6, max_bytes=20_000))
    finally:
        runner.close()
    assert answer.truncated and 0 < len(answer.body) <= 20_000 and answer.rows > 10


# ---------------------------------------------------------------------------------------------
# Apps: API bounds, response cache keys, admission, token file, health


@pytest.fixture(scope="module")
def app(store: Store) -> Iterator[Flask]:
    app = create_app({"STORE": store, "MAX_URL_BYTES": 2000, "MAX_LIST_VALUES": 10})
    yield app
    service(app).close()


@pytest.mark.parametrize(("query_string", "status"), [
    ("equipment=" + "x" * 2100, 414),
    ("equipment=" + ",".join(["barbell"] * 11), 400),
    ("equipment=" + "%2C".join(["barbell"] * 11), 400),
    ("&".join(["equipment=barbell"] * 11), 400),
    ("equipment=" + ",".join(["barbell"] * 10), 200),
])
def test_api_request_bounds(app: Flask, query_string: str, status: int) -> None:
    response = app.test_client().get(
        f"/api/v1/queries/exercises-with-equipment?{query_string}")
    assert response.status_code == status, response.data[:200]
    if status != 200:
        body = json.loads(response.data)
        assert body == {"ok": False, "error": body["error"], "status": status}


def test_response_cache_keys_on_the_negotiated_type(app: Flask) -> None:
    client = app.test_client()
    path = "/api/v1/queries/exercises-with-equipment?equipment=barbell"
    spellings = ["application/json", "application/json;q=0.9, text/x-a;q=0.1", "*/*", ""]
    bodies = {client.get(path, headers={"Accept": accept}).data for accept in spellings}
    assert len(bodies) == 1
    as_csv = client.get(path, headers={"Accept": "text/csv"})
    assert as_csv.mimetype == "text/csv"
    again = client.get(path, headers={"Accept": "text/csv;q=0.9, application/json;q=0.1"})
    assert again.mimetype == "text/csv" and again.data == as_csv.data


def test_sparql_admission_turns_away_with_retry_after(store: Store) -> None:
    app = create_app({"STORE": store, "SPARQL_CONCURRENCY": 1})
    try:
        client = app.test_client()
        sparql = service(app)
        assert sparql.admission.acquire(blocking=False)  # one request is running
        try:
            busy = client.get("/sparql", query_string={"query": "ASK {}"})
            assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
            assert json.loads(busy.data)["status"] == 503
            # the API and the service description do not need a /sparql slot
            assert client.get("/healthz").status_code == 200
            assert client.get("/sparql").status_code == 200
        finally:
            sparql.admission.release()
        answer = client.get("/sparql", query_string={"query": HEADLINE})
        bindings = json.loads(answer.data)["results"]["bindings"]
        assert [b["alt"]["value"] for b in bindings] == HEADLINE_ANSWER
    finally:
        service(app).close()


@pytest.mark.parametrize(("content", "token"), [("s3cret\nignored\n", "s3cret"),
                                                ("  padded  \n", "padded"), ("", None)])
def test_update_token_from_a_file(store: Store, tmp_path: Path, content: str,
                                  token: str | None) -> None:
    path = tmp_path / "token"
    path.write_text(content)
    app = create_app({"STORE": store, "UPDATE_TOKEN": "from-config",
                      "UPDATE_TOKEN_FILE": str(path)})
    assert service(app).update_token() == token


def test_readyz_fails_on_an_empty_graph(store: Store) -> None:
    response = create_app({"STORE": OxigraphStore(ox.Store())}).test_client().get("/readyz")
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "empty" in json.loads(response.data)["error"]
    ready = create_app({"STORE": store}).test_client().get("/readyz")
    body: dict[str, Any] = json.loads(ready.data)
    assert ready.status_code == 200 and body["triples"] == len(store)
