"""The SPARQL endpoint on a real ``exgraph serve`` process, used by real clients: SPARQLWrapper,
rdflib's SPARQLStore and requests. One server per module."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TURTLE, XML, SPARQLWrapper

from tests.integration.sparql.test_sparql import CONSTRUCT, HEADLINE, HEADLINE_ANSWER, RUNAWAY
from tests.server import running_server
from tests.typed import select_rows

pytestmark = pytest.mark.server

QUERY_TIMEOUT = 5.0  # generous: the simple queries must all finish while the runaway runs
MAX_ROWS = 1000
#: The cartesian product, counted: no row comes out before all of it is computed, so the row cap
#: cannot end it; only the time limit can.
RUNAWAY_COUNT = RUNAWAY.replace("SELECT *", "SELECT (COUNT(*) AS ?n)")


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with running_server("--query-timeout", str(QUERY_TIMEOUT), "--workers", "2",
                        "--max-rows", str(MAX_ROWS)) as base_url:
        yield base_url + "/sparql"


def wrapper(endpoint: str, query: str, fmt: str, method: str = "GET") -> Any:
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql.queryAndConvert()


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_json(endpoint: str, method: str) -> None:
    result = wrapper(endpoint, HEADLINE, JSON, method)
    assert [b["alt"]["value"] for b in result["results"]["bindings"]] == HEADLINE_ANSWER


def test_sparqlwrapper_xml(endpoint: str) -> None:
    document = wrapper(endpoint, HEADLINE, XML)  # an xml.dom.minidom Document
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == HEADLINE_ANSWER


def test_sparqlwrapper_csv(endpoint: str) -> None:
    body = wrapper(endpoint, HEADLINE, CSV)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [row["alt"] for row in rows] == HEADLINE_ANSWER


@pytest.mark.parametrize("fmt", [XML, JSONLD])
def test_sparqlwrapper_construct_converts_to_a_graph(endpoint: str, store: Any, fmt: str) -> None:
    graph = wrapper(endpoint, CONSTRUCT, fmt)
    assert isinstance(graph, Graph)
    expected = store.construct(CONSTRUCT)
    assert len(expected) > 0 and set(graph) == set(expected)


def test_sparqlwrapper_construct_as_turtle(endpoint: str, store: Any) -> None:
    body = wrapper(endpoint, CONSTRUCT, TURTLE)  # SPARQLWrapper hands Turtle back as bytes
    assert set(Graph().parse(data=body, format="turtle")) == set(store.construct(CONSTRUCT))


def test_sparqlwrapper_ask(endpoint: str) -> None:
    assert wrapper(endpoint, "ASK { ?s ?p ?o }", JSON)["boolean"] is True
    document = wrapper(endpoint, "ASK { <urn:x:none> ?p ?o }", XML)
    [element] = document.getElementsByTagName("boolean")
    assert element.firstChild.data == "false"


def test_rdflib_sparqlstore(endpoint: str, store: Any) -> None:
    graph = Graph(store=SPARQLStore(endpoint))
    assert [str(row[0]) for row in select_rows(graph, HEADLINE)] == HEADLINE_ANSWER
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert constructed is not None and set(constructed) == set(store.construct(CONSTRUCT))
    alternative = URIRef(HEADLINE_ANSWER[0])
    assert len(list(graph.triples((alternative, None, None)))) > 0


@pytest.mark.parametrize("data, content_type", [
    ({"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}, None),
    ({"update": "LOAD <http://127.0.0.1:9/data.ttl>"}, None),
    ("LOAD <file:///etc/passwd>", "application/sparql-update"),
])
def test_service_and_load_are_refused(endpoint: str, data: Any, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = requests.post(endpoint, data=data, headers=headers, timeout=10)
    assert response.status_code in (400, 403)  # 403: this server has no update token at all
    body = response.json()
    assert body["ok"] is False and body["status"] == response.status_code


def test_cartesian_product_stops_at_the_row_cap(endpoint: str) -> None:
    response = requests.get(endpoint, params={"query": RUNAWAY}, timeout=60,
                            headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["X-Exgraph-Truncated"] == "true"
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == MAX_ROWS


def test_runaway_query_is_stopped_while_others_are_answered(endpoint: str) -> None:
    runaway: dict[str, Any] = {}

    def fire() -> None:
        started = time.monotonic()
        response = requests.get(endpoint, params={"query": RUNAWAY_COUNT}, timeout=60)
        runaway.update(status=response.status_code, body=response.json(),
                       seconds=time.monotonic() - started)

    thread = threading.Thread(target=fire)
    thread.start()
    time.sleep(0.3)  # let the runaway take its worker
    latencies = []
    for _ in range(10):
        started = time.monotonic()
        response = requests.get(endpoint, params={"query": HEADLINE}, timeout=30)
        latencies.append(time.monotonic() - started)
        assert response.status_code == 200
        rows = [b["alt"]["value"] for b in response.json()["results"]["bindings"]]
        assert rows == HEADLINE_ANSWER
    # Every simple query was answered while the runaway still ran: they did not wait for it.
    assert thread.is_alive()
    thread.join()
    assert runaway["status"] == 503
    assert runaway["body"]["ok"] is False and "stopped" in runaway["body"]["error"]
    print(f"simple queries during a runaway: max {max(latencies) * 1000:.0f} ms; "
          f"runaway stopped after {runaway['seconds']:.2f} s")
    # and the pool recovered: both workers answer again
    for _ in range(4):
        assert requests.get(endpoint, params={"query": "ASK {}"}, timeout=30).status_code == 200


def test_service_description_over_http(endpoint: str) -> None:
    response = requests.get(endpoint, headers={"Accept": "application/ld+json"}, timeout=10)
    assert response.headers["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content, format="json-ld")
    assert (URIRef(endpoint), None, None) in graph
    assert json.loads(response.content)  # valid JSON as well
