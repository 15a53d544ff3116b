"""SPARQL syntax errors in words (exgraph.web.sparql.messages): the parser's real messages on
real queries, and the endpoint's JSON error for the README's query without its PREFIX lines."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from flask import Flask

from exgraph.graph.store import Store
from exgraph.vocab.terms import PREFIXES
from exgraph.web.app import create_app
from exgraph.web.sparql.messages import LIMIT, explain
from exgraph.web.sparql.service import service


def oxigraph_error(text: str) -> str:
    """Oxigraph's own message for a query that does not parse."""
    with pytest.raises(SyntaxError) as caught:
        ox.Store().query(text)
    return str(caught.value)


@pytest.mark.parametrize(("text", "prefix"), [
    ("SELECT ?s WHERE { ?s rdfs:label ?l } LIMIT 1", "rdfs"),
    ("SELECT ?s WHERE {\n  ?s a exg:Exercise ;\n     <x:y> ?l }", "exg"),
    ("SELECT * WHERE { ?s schema:name ?o . FILTER(?o = 1) }", "schema"),
])
def test_an_undeclared_prefix_is_named_with_the_line_to_add(text: str, prefix: str) -> None:
    raw = oxigraph_error(text)
    assert "Prefix not found" in raw  # the grammar dump this replaces
    message = explain(raw, text)
    assert f"prefix {prefix}: is not declared; add PREFIX {prefix}: <{PREFIXES[prefix]}>" \
        in message
    assert message.startswith("line ")
    # the line to add makes the query parse
    ox.Store().query(f"PREFIX {prefix}: <{PREFIXES[prefix]}>\n{text}")


def test_an_unknown_prefix_asks_for_its_namespace() -> None:
    text = "SELECT * WHERE { ?s foaf:name ?o }"
    message = explain(oxigraph_error(text), text)
    assert message.endswith(": prefix foaf: is not declared; add a line "
                            "PREFIX foaf: <...> with its namespace IRI")


def test_other_errors_name_the_token_found_and_the_tokens_expected() -> None:
    text = "SELECT ?s WHERE { ?s ?p  LIMIT 1"
    raw = oxigraph_error(text)
    message = explain(raw, text)
    assert message.endswith(': unexpected "1"; expected ".", ":" or a name')
    assert "\\u{" not in message and len(raw) > 2 * len(message)


def test_the_end_of_the_text() -> None:
    text = "SELECT ?s WHERE { ?s ?p ?o "
    message = explain(oxigraph_error(text), text)
    assert message.startswith("line 1, column ")
    assert ": unexpected end of the text; expected" in message
    assert '"}"' in message


def test_a_message_without_a_position_is_kept_but_bounded() -> None:
    assert explain("something else") == "something else"
    assert len(explain("x" * 1000)) == LIMIT


@pytest.fixture(scope="module")
def app(store: Store) -> Iterator[Flask]:
    app = create_app({"STORE": store})
    yield app
    service(app).close()


def test_the_endpoint_says_which_prefix_is_missing(app: Flask) -> None:
    query = "SELECT ?alt WHERE { ?ex rdfs:label ?l . ?ex exg:alternative ?alt }"
    response = app.test_client().post("/sparql", data={"query": query},
                                      headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 400
    body = json.loads(response.data)
    assert body["ok"] is False and body["status"] == 400
    assert body["error"].startswith("malformed query: line 1, column ")
    assert body["error"].endswith(": prefix rdfs: is not declared; "
                                  f"add PREFIX rdfs: <{PREFIXES['rdfs']}>")
