"""The SPARQL 1.1 Protocol endpoint through Flask's test client: every path, every error.

Answers are parsed (json, ElementTree, csv, rdflib) and compared with what the store itself
answers, so no expected result is typed in except the headline's one exercise.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import VOID

import exgraph.web.sparql.formats as formats
from exgraph.graph.load import open_store
from exgraph.graph.store import Store
from exgraph.vocab.terms import exercise_iri
from exgraph.web.app import create_app
from exgraph.web.sparql.guard import inspect_query, inspect_update
from exgraph.web.sparql.service import SD, service
from tests.typed import py

HEADLINE = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?alt WHERE {
  ?ex rdfs:label ?l . FILTER(lcase(str(?l)) = "machine back extension")
  ?ex exg:alternative ?alt .
  ?alt exg:difficulty exg:Low .
  FILTER NOT EXISTS { ?alt exg:requiresEquipment/skos:broader* exg:Machine }
}"""
HEADLINE_ANSWER = [str(exercise_iri("cable-pull-through"))]

CONSTRUCT = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
CONSTRUCT { ?alt exg:difficulty ?d } WHERE { ?ex exg:alternative ?alt . ?alt exg:difficulty ?d }"""
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_ROWS = 100
TOKEN = "s3cret-token"

SPARQL_JSON = "application/sparql-results+json"


def make_app(store: Store, **config: Any) -> Iterator[Flask]:
    app = create_app({"STORE": store, "MAX_ROWS": MAX_ROWS, **config})
    yield app
    service(app).close()


@pytest.fixture(scope="module")
def app(store: Store) -> Iterator[Flask]:
    yield from make_app(store)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


# ---------------------------------------------------------------------------------------------
# Parsing answers


def rows_of(body: bytes, fmt: str, var: str) -> list[str]:
    """The values of var in a SELECT answer, parsed from its format."""
    text = body.decode("utf-8")
    if fmt == "json":
        return [b[var]["value"] for b in json.loads(text)["results"]["bindings"] if var in b]
    if fmt == "xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        return [e.text or "" for e in ET.fromstring(text).findall(
            f".//r:result/r:binding[@name='{var}']/*", ns)]
    if fmt == "csv":
        return [row[var] for row in csv.DictReader(io.StringIO(text))]
    assert fmt == "tsv"
    lines = list(csv.reader(io.StringIO(text), delimiter="\t"))
    column = lines[0].index(f"?{var}")
    return [line[column].strip("<>") for line in lines[1:]]


def boolean_of(body: bytes, fmt: str) -> bool:
    if fmt == "json":
        value = json.loads(body)["boolean"]
        assert isinstance(value, bool)
        return value
    ns = "{http://www.w3.org/2005/sparql-results#}"
    element = ET.fromstring(body).find(f"{ns}boolean")
    assert element is not None and element.text in ("true", "false")
    return element.text == "true"


RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def graph_of(body: bytes, fmt: str) -> Graph:
    return Graph().parse(data=body, format=RDFLIB_FORMAT[fmt])


def error_of(response: Any, status: int) -> str:
    """Assert the one JSON error shape with status; return its message."""
    assert response.status_code == status, response.data
    body = json.loads(response.data)
    assert body["ok"] is False and body["status"] == status
    message: str = body["error"]
    assert message
    return message


# ---------------------------------------------------------------------------------------------
# The headline query and the formats


def test_headline_answer_matches_the_store(store: Store) -> None:
    assert [str(row["alt"]) for row in store.select(HEADLINE)] == HEADLINE_ANSWER


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_headline_query_in_every_result_format_by_accept(client: FlaskClient, fmt: str) -> None:
    media_type = formats.FORMATS[fmt].media_type
    response = client.get("/sparql", query_string={"query": HEADLINE},
                          headers={"Accept": media_type})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert rows_of(response.data, fmt, "alt") == HEADLINE_ANSWER


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_headline_query_by_format_parameter_over_post(client: FlaskClient, fmt: str) -> None:
    response = client.post("/sparql", data={"query": HEADLINE, "format": fmt},
                           headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == formats.FORMATS[fmt].media_type
    assert rows_of(response.data, fmt, "alt") == HEADLINE_ANSWER


def test_headline_query_by_direct_post(client: FlaskClient) -> None:
    response = client.post("/sparql/", data=HEADLINE.encode(),
                           content_type="application/sparql-query; charset=utf-8")
    assert response.status_code == 200
    assert rows_of(response.data, "json", "alt") == HEADLINE_ANSWER


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "rdfxml"])
def test_construct_in_every_rdf_format(client: FlaskClient, store: Store, fmt: str) -> None:
    response = client.get("/sparql", query_string={"query": CONSTRUCT},
                          headers={"Accept": formats.FORMATS[fmt].media_type})
    assert response.status_code == 200
    assert response.mimetype == formats.FORMATS[fmt].media_type
    answer = graph_of(response.data, fmt)
    assert len(answer) > 0
    assert isomorphic(answer, store.construct(CONSTRUCT))


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("query, expected", [("ASK {}", True),
                                             ("ASK { <urn:x:nothing> ?p ?o }", False)])
def test_ask(client: FlaskClient, fmt: str, query: str, expected: bool) -> None:
    response = client.get("/sparql", query_string={"query": query, "format": fmt})
    assert response.status_code == 200
    assert boolean_of(response.data, fmt) is expected


@pytest.mark.parametrize("accept", [None, "*/*", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"])
def test_default_formats(client: FlaskClient, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    select = client.get("/sparql", query_string={"query": HEADLINE}, headers=headers)
    assert select.mimetype == SPARQL_JSON
    assert rows_of(select.data, "json", "alt") == HEADLINE_ANSWER
    construct = client.get("/sparql", query_string={"query": CONSTRUCT}, headers=headers)
    assert construct.mimetype == "text/turtle"
    assert len(graph_of(construct.data, "turtle")) > 0


def test_describe_is_rdf(client: FlaskClient) -> None:
    iri = HEADLINE_ANSWER[0]
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{iri}>"})
    assert response.mimetype == "text/turtle"
    assert (URIRef(iri), None, None) in graph_of(response.data, "turtle")


@pytest.mark.parametrize("query, headers, extra", [
    (HEADLINE, {"Accept": "text/html"}, {}),
    (HEADLINE, {"Accept": "text/turtle"}, {}),
    (CONSTRUCT, {"Accept": "text/csv"}, {}),
    (HEADLINE, {}, {"format": "turtle"}),
    (CONSTRUCT, {}, {"format": "tsv"}),
])
def test_not_acceptable(client: FlaskClient, query: str, headers: dict[str, str],
                        extra: dict[str, str]) -> None:
    response = client.get("/sparql", query_string={"query": query, **extra}, headers=headers)
    assert "carry" in error_of(response, 406)


def test_quality_zero_refuses_a_format(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": HEADLINE},
                          headers={"Accept": "application/sparql-results+json;q=0, text/csv;q=0.5"})
    assert response.mimetype == "text/csv"


# ---------------------------------------------------------------------------------------------
# Dataset: names of store graphs, never fetched


def test_unknown_default_graph_is_empty(client: FlaskClient) -> None:
    params = {"default-graph-uri": "http://example.org/nowhere"}
    ask = client.get("/sparql", query_string={"query": "ASK {}", **params})
    assert boolean_of(ask.data, "json") is True
    select = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }", **params})
    assert rows_of(select.data, "json", "s") == []


def test_from_file_reads_nothing(client: FlaskClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.nt"
    secret.write_text("<urn:x:s> <urn:x:p> <urn:x:secret> .\n")
    for iri in (secret.as_uri(), "file:///etc/passwd"):
        response = client.get("/sparql", query_string={
            "query": f"SELECT * FROM <{iri}> FROM NAMED <{iri}> "
                     "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"})
        assert response.status_code == 200
        assert rows_of(response.data, "json", "o") == []


def test_bad_graph_name_is_400(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK {}",
                                                   "named-graph-uri": "not an iri"})
    assert "named-graph-uri" in error_of(response, 400)


# ---------------------------------------------------------------------------------------------
# Protocol errors


def test_more_than_one_query_is_400(client: FlaskClient) -> None:
    response = client.get("/sparql?query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D")
    assert "exactly one" in error_of(response, 400)


def test_query_and_update_together_is_400(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"})
    error_of(response, 400)


def test_post_without_content_type_is_400(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"ASK {}", content_type="")
    assert "Content-Type" in error_of(response, 400)


def test_post_in_another_media_type_is_415(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"ASK {}", content_type="text/plain")
    assert "text/plain" in error_of(response, 415)


@pytest.mark.parametrize("body, content_type", [
    ("ASK {}".encode("utf-16"), "application/sparql-query"),
    ("ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16"),
    (b"query=ASK%20%7B%FF%7D", "application/x-www-form-urlencoded"),
])
def test_body_that_is_not_utf8_is_400(client: FlaskClient, body: bytes, content_type: str) -> None:
    assert "UTF-8" in error_of(client.post("/sparql", data=body, content_type=content_type), 400)


def test_post_without_query_is_400(client: FlaskClient) -> None:
    response = client.post("/sparql", data={"format": "json"})
    assert "missing query" in error_of(response, 400)


def test_malformed_query_says_where(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE {\n  ?s ?p "})
    message = error_of(response, 400)
    assert "malformed query" in message and "line 2" in message and "column" in message


def test_oxigraph_syntax_errors_say_where(client: FlaskClient) -> None:
    # rdflib's parser accepts binding ?x twice; Oxigraph refuses it, so this message comes from
    # the worker's own parse.
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { BIND(1 AS ?x) "
                                                            "BIND(2 AS ?x) }"})
    message = error_of(response, 400)
    assert message.startswith("malformed query: line 1, column")
    assert inspect_query("SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }") == "SELECT"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_405(client: FlaskClient, method: str) -> None:
    response = getattr(client, method)("/sparql", query_string={"query": "ASK {}"})
    error_of(response, 405)
    assert "POST" in response.headers["Allow"]


def test_oversized_query_is_413(store: Store) -> None:
    for app in make_app(store, MAX_QUERY_BYTES=1000):
        response = app.test_client().post("/sparql", data="ASK {}" + " " * 2000,
                                          content_type="application/sparql-query")
        error_of(response, 413)


# ---------------------------------------------------------------------------------------------
# Safety: SERVICE, LOAD, updates, limits


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/> { ?s ?q ?r } } }",
    "ASK { { SELECT ?s { service <http://example.org/> { ?s ?p ?o } } } }",
])
def test_service_is_refused(client: FlaskClient, query: str) -> None:
    assert "SERVICE" in error_of(client.get("/sparql", query_string={"query": query}), 400)


def test_service_in_a_string_is_not_refused(client: FlaskClient) -> None:
    query = 'SELECT ?x { BIND("SERVICE <http://example.org/> { }" AS ?x) }'
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert rows_of(response.data, "json", "x") == ["SERVICE <http://example.org/> { }"]


def test_update_is_forbidden_without_a_configured_token(client: FlaskClient) -> None:
    for response in (
        client.post("/sparql", data={"update": "CLEAR ALL"}),
        client.post("/sparql", data=b"CLEAR ALL", content_type="application/sparql-update",
                    headers={"Authorization": "Bearer anything"}),
    ):
        assert "read-only" in error_of(response, 403)


def test_update_by_get_is_400(client: FlaskClient) -> None:
    assert "POST" in error_of(client.get("/sparql", query_string={"update": "CLEAR ALL"}), 400)


@pytest.fixture()
def update_app(graph: Graph) -> Iterator[Flask]:
    """An app over its own copy of the graph, with updates allowed for TOKEN."""
    yield from make_app(open_store("oxigraph", graph=graph), UPDATE_TOKEN=TOKEN)


AUTH = {"Authorization": f"Bearer {TOKEN}"}
PROBE = "ASK { <urn:x:s> <urn:x:p> <urn:x:o> }"


def probe(client: FlaskClient) -> bool:
    return boolean_of(client.get("/sparql", query_string={"query": PROBE}).data, "json")


def test_update_with_the_token_reaches_every_worker(update_app: Flask) -> None:
    client = update_app.test_client()
    assert probe(client) is False
    response = client.post("/sparql", data=b"INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }",
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 200 and json.loads(response.data) == {"ok": True}
    # one answer per worker at least: each must have reloaded the data
    assert all(probe(client) for _ in range(2 * update_app.config["SPARQL_WORKERS"]))
    assert update_app.extensions["exgraph_store"].ask(PROBE) is True


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_update_with_a_wrong_token_is_403(update_app: Flask, headers: dict[str, str]) -> None:
    client = update_app.test_client()
    response = client.post("/sparql", data={"update": "INSERT DATA { <urn:x:s> <urn:x:p> "
                                                      "<urn:x:o> }"}, headers=headers)
    assert "Bearer" in error_of(response, 403)
    assert probe(client) is False


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> } ; LOAD SILENT <file:///etc/passwd>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_load_and_service_in_updates_are_refused(update_app: Flask, update: str) -> None:
    client = update_app.test_client()
    message = error_of(client.post("/sparql", data={"update": update}, headers=AUTH), 400)
    assert "LOAD" in message or "SERVICE" in message
    assert probe(client) is False  # nothing applied, not even the INSERT before the LOAD


def test_malformed_update_is_400_and_changes_nothing(update_app: Flask) -> None:
    client = update_app.test_client()
    response = client.post("/sparql", data={"update": "CLEAR XYZ"}, headers=AUTH)
    assert "malformed update" in error_of(response, 400)


def test_results_past_max_rows_are_truncated_and_flagged(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert response.headers["X-Exgraph-Truncated"] == "true"
    assert len(rows_of(response.data, "json", "s")) == MAX_ROWS
    construct = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }",
                                                    "format": "ntriples"})
    assert construct.headers["X-Exgraph-Truncated"] == "true"
    assert len(graph_of(construct.data, "ntriples")) == MAX_ROWS
    small = client.get("/sparql", query_string={"query": HEADLINE})
    assert "X-Exgraph-Truncated" not in small.headers


def test_runaway_query_is_stopped_and_the_endpoint_recovers(store: Store) -> None:
    for app in make_app(store, QUERY_TIMEOUT=0.5, SPARQL_WORKERS=1, MAX_ROWS=10**9):
        client = app.test_client()
        message = error_of(client.get("/sparql", query_string={"query": RUNAWAY}), 503)
        assert "limit" in message and "stopped" in message
        after = client.get("/sparql", query_string={"query": HEADLINE})
        assert rows_of(after.data, "json", "alt") == HEADLINE_ANSWER


# ---------------------------------------------------------------------------------------------
# Service description, lazy start, other backends


def test_service_description(client: FlaskClient, store: Store) -> None:
    response = client.get("/sparql")
    assert response.mimetype == "text/turtle"
    sd = graph_of(response.data, "turtle")
    endpoint = URIRef("http://localhost/sparql")
    assert (endpoint, SD.endpoint, endpoint) in sd
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in sd
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in sd
    assert len(list(sd.objects(endpoint, SD.resultFormat))) == 8
    dataset = sd.value(endpoint, SD.defaultDataset)
    default_graph = sd.value(dataset, SD.defaultGraph)
    assert int(py(sd.value(default_graph, VOID.triples))) == len(store)


@pytest.mark.parametrize("accept, fmt", [("application/ld+json", "jsonld"),
                                         ("application/rdf+xml", "rdfxml"),
                                         ("application/n-triples", "ntriples"),
                                         ("text/html", "turtle")])
def test_service_description_formats(client: FlaskClient, accept: str, fmt: str) -> None:
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.mimetype == formats.FORMATS[fmt].media_type
    sd = graph_of(response.data, fmt)
    assert (None, SD.endpoint, URIRef("http://localhost/sparql")) in sd


def test_workers_start_on_the_first_query_not_with_the_app(store: Store) -> None:
    for app in make_app(store):
        assert not service(app).started
        app.test_client().get("/sparql")  # the service description needs no worker
        assert not service(app).started
        app.test_client().get("/sparql", query_string={"query": "ASK {}"})
        assert service(app).started


def test_rdflib_backend_answers_the_headline(graph: Graph) -> None:
    for app in make_app(open_store("rdflib", graph=graph), SPARQL_WORKERS=1):
        response = app.test_client().get("/sparql", query_string={"query": HEADLINE,
                                                                  "format": "csv"})
        assert rows_of(response.data, "csv", "alt") == HEADLINE_ANSWER


# ---------------------------------------------------------------------------------------------
# Units: Accept parsing, negotiation, the guard


@pytest.mark.parametrize("header, expected", [
    (None, []),
    ("", []),
    ("text/csv", [("text", "csv", 1.0)]),
    ("Text/CSV ; q=0.5, */*;q=0.1", [("text", "csv", 0.5), ("*", "*", 0.1)]),
    ("application/json;charset=utf-8;q=0.9", [("application", "json", 0.9)]),
    ("garbage, text/*;q=abc, text/plain;q=7", [("text", "plain", 1.0)]),
])
def test_parse_accept(header: str | None, expected: list[tuple[str, str, float]]) -> None:
    assert [(r.type, r.subtype, r.q) for r in formats.parse_accept(header)] == expected


@pytest.mark.parametrize("header, kind, expected", [
    (None, "results", "json"),
    ("*/*", "graph", "turtle"),
    ("text/*", "results", "csv"),
    ("text/tab-separated-values, text/csv", "results", "tsv"),
    ("application/sparql-results+xml;q=0.5, application/json", "results", "json"),
    ("application/sparql-results+xml,application/rdf+xml", "graph", "rdfxml"),
    ("text/turtle;q=0, */*", "graph", "ntriples"),
    ("text/html", "results", None),
    ("application/rdf+xml", "results", None),
])
def test_negotiate(header: str | None, kind: formats.Kind, expected: str | None) -> None:
    chosen = formats.negotiate(header, formats.MEDIA_TYPES[kind])
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize("values, kind, expected", [
    (["json"], "results", "json"),
    (["xml"], "graph", "rdfxml"),  # SPARQLWrapper's word for RDF/XML
    (["tsv", "text/tab-separated-values"], "results", "tsv"),
    (["json"], "graph", "jsonld"),
    (["turtle"], "results", None),
    (["nonsense"], "graph", None),
])
def test_format_parameter(values: list[str], kind: formats.Kind, expected: str | None) -> None:
    chosen = formats.format_from_parameter(values, kind)
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize("query, form", [("SELECT * {}", "SELECT"), ("ASK {}", "ASK"),
                                         ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
                                         ("DESCRIBE <urn:x>", "DESCRIBE")])
def test_inspect_query_form(query: str, form: str) -> None:
    assert inspect_query(query) == form


def test_inspect_update_sees_using_and_with() -> None:
    assert inspect_update("INSERT DATA { <urn:a> <urn:b> <urn:c> }").names_dataset is False
    assert inspect_update("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").names_dataset
    assert inspect_update("DELETE { ?s ?p ?o } USING <urn:g> WHERE { ?s ?p ?o }").names_dataset
