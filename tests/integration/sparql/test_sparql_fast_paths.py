"""The /sparql fast paths of issue 25 give exactly what the careful paths give.

* The guard's character-count bound (``guard.within_shape_bounds``) only ever lets through a
  text the exact scan lets through: checked on seeded random token soups built to sit near the
  bounds, and on both sides of them.
* A worker writes a SELECT answer in SPARQL JSON straight from pyoxigraph when it fits the row
  and byte caps; the bytes are those of the row-by-row path, and answers over a cap still come
  out cut and flagged as before.
"""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest

from exgraph.errors import BadRequest
from exgraph.web.sparql import answers, guard
from exgraph.web.sparql.answers import _json_direct
from exgraph.web.sparql.jobs import Answer, QueryJob
from exgraph.web.sparql.runner import run_job

#: Pieces of SPARQL text: brackets, operators, nesting words in several cases, names with
#: hyphens, strings and IRIs holding brackets and operators, comments.
PIECES = ["(", ")", "{", "}", "[", "]", "-", "+", "*", "/", "||", "&&", "!=", "<=", "^^", "^",
          "!", "=", "a-b-c", "UNION", "union", "Optional", "FILTER", "exists", "BIND", "?x",
          "<urn:x:a>", '"(({{"', "'- + -'", "# ((( --- \n", " ", "\n", "minus", "GRAPH",
          "SERVICE", "ß", "1-1-1", "Ünion"]


def soup(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(size))


def scan_passes(text: str, nesting: int, operators: int) -> bool:
    """The exact scan's verdict (the caller has switched the bound in front of it off)."""
    try:
        guard.check_shape(text, max_nesting=nesting, max_operators=operators)
        return True
    except BadRequest:
        return False


def test_the_character_bound_never_passes_what_the_scan_refuses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    bound_of = guard.within_shape_bounds
    monkeypatch.setattr(guard, "within_shape_bounds", lambda *args, **kwargs: False)
    rng = random.Random(25)
    proven = refused_by_scan = 0
    for _ in range(3000):
        text = soup(rng, rng.randint(1, 60))
        nesting, operators = rng.randint(1, 12), rng.randint(1, 40)
        bound = bound_of(text, max_nesting=nesting, max_operators=operators)
        scan = scan_passes(text, nesting, operators)
        assert scan or not bound, (text, nesting, operators)
        proven += bound
        refused_by_scan += not scan
    # the sample exercises both sides: texts the bound proves, texts the scan refuses
    assert proven > 300 and refused_by_scan > 300


def test_check_shape_still_refuses_past_the_bounds() -> None:
    with pytest.raises(BadRequest, match="nests brackets"):
        guard.check_shape("(" * 70, max_nesting=64)
    with pytest.raises(BadRequest, match="operators"):
        guard.check_shape("SELECT * { FILTER(" + "1 + " * 50 + "1) }", max_operators=40)
    # many brackets side by side, none deep: the bound cannot prove it, the scan lets it pass
    text = "SELECT * { " + " ".join(["(?x)"] * 80) + " }"
    assert not guard.within_shape_bounds(text, max_nesting=64)
    guard.check_shape(text, max_nesting=64)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    ex = "http://example.org/"
    for i in range(40):
        s = ox.NamedNode(f"{ex}s{i}")
        store.add(ox.Quad(s, ox.NamedNode(f"{ex}label"), ox.Literal(f"thing {i} \"q\" {{x}}")))
        store.add(ox.Quad(s, ox.NamedNode(f"{ex}name"), ox.Literal(f"Ding {i}", language="de")))
        store.add(ox.Quad(s, ox.NamedNode(f"{ex}n"), ox.Literal(str(i), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))))
        store.add(ox.Quad(s, ox.NamedNode(f"{ex}b"), ox.BlankNode(f"b{i}")))
    return store


QUERIES = [
    "SELECT ?s ?n WHERE { ?s <http://example.org/n> ?n } ORDER BY ?n",
    "SELECT ?s ?name ?missing WHERE { ?s <http://example.org/name> ?name "
    "OPTIONAL { ?s <http://example.org/nothing> ?missing } } ORDER BY ?s",
    "SELECT * WHERE { ?s <http://example.org/n> ?n FILTER(?n < 3) } ORDER BY ?n",
    "SELECT ?l WHERE { ?s <http://example.org/label> ?l } ORDER BY ?l",
    "SELECT ?s WHERE { ?s <http://example.org/none> ?o }",
    "SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }",
]


def slow_path(store: ox.Store, job: QueryJob) -> Answer:
    """The row-by-row path (what the worker did for every answer before): the direct writer
    switched off, the rows taken one by one and written back as JSON by pyoxigraph."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(answers, "_json_direct", lambda result, job: None)
        status, answer = run_job(store, job)
    assert status == "ok" and isinstance(answer, Answer)
    return answer


@pytest.mark.parametrize("query", QUERIES)
def test_direct_json_is_the_row_by_row_answer(store: ox.Store, query: str) -> None:
    job = QueryJob(query, "json", max_rows=1000)
    direct = run_job(store, job)
    assert direct[0] == "ok"
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    assert _json_direct(result, job) is not None  # the direct writer answered
    slow = slow_path(store, job)
    assert direct[1].body == slow.body
    assert (direct[1].rows, direct[1].truncated) == (slow.rows, slow.truncated)
    assert direct[1].rows == len(json.loads(slow.body)["results"]["bindings"])


@pytest.mark.parametrize(("max_rows", "max_bytes"), [(10, 10**6), (40, 10**6), (1000, 800)])
def test_answers_over_a_cap_are_cut_as_before(store: ox.Store, max_rows: int,
                                              max_bytes: int) -> None:
    query = "SELECT ?s ?l WHERE { ?s <http://example.org/label> ?l } ORDER BY ?l"
    job = QueryJob(query, "json", max_rows=max_rows, max_bytes=max_bytes)
    status, answer = run_job(store, job)
    assert status == "ok"
    bindings = json.loads(answer.body)["results"]["bindings"]
    assert len(bindings) == answer.rows and len(answer.body) <= max_bytes
    if max_rows < 40 or max_bytes < 10**6:
        assert answer.truncated and answer.rows <= max_rows
    else:  # exactly at the cap: whole, not flagged
        assert not answer.truncated and answer.rows == 40
    slow = slow_path(store, job)
    assert (answer.body, answer.rows, answer.truncated) == (slow.body, slow.rows, slow.truncated)
