"""The external store's reader of the SPARQL Query Results XML Format (``results=xml``, what
exgraph asks Virtuoso for: it writes JSON 4-6x slower). Checked against Oxigraph's own XML
and JSON serializations of the same answers: both readers must give the same terms."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from exgraph.errors import DataError
from exgraph.graph.remote import RemoteStore
from exgraph.graph.remote_results import Results, parse_xml_results, term

EX = "http://example.org/"
DATA = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:name "Kniebeuge"@de , "plain" , "tab\\tand <angle> & \\"quotes\\"\\nnew line" ;
     ex:count 3 ; ex:ratio "0.5"^^xsd:decimal ; ex:when "2026-12-07"^^xsd:date ;
     ex:part [ ex:name "blank" ] ; ex:same ex:a ; ex:empty "" .
"""


@pytest.fixture(scope="module")
def engine() -> ox.Store:
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.TURTLE)
    return store


def serialized(engine: ox.Store, query: str, fmt: ox.QueryResultsFormat) -> bytes:
    answer = engine.query(query)
    assert isinstance(answer, ox.QuerySolutions | ox.QueryBoolean)
    body = answer.serialize(format=fmt)
    assert isinstance(body, bytes)
    return body


def json_results(engine: ox.Store, query: str) -> Results:
    """The answer as Oxigraph's JSON read the way RemoteStore reads JSON."""
    data = json.loads(serialized(engine, query, ox.QueryResultsFormat.JSON))
    if "boolean" in data:
        return Results([], [], bool(data["boolean"]))
    return Results(data["head"]["vars"],
                   [{k: term(v) for k, v in b.items()} for b in data["results"]["bindings"]],
                   None)


def xml_results(engine: ox.Store, query: str) -> Results:
    return parse_xml_results(serialized(engine, query, ox.QueryResultsFormat.XML))


@pytest.mark.parametrize("query", [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    f"SELECT ?o ?missing WHERE {{ <{EX}a> <{EX}name> ?o OPTIONAL {{ ?o <{EX}x> ?missing }} }}",
    "SELECT ?x WHERE { FILTER(false) }",
])
def test_xml_and_json_give_the_same_rows(engine: ox.Store, query: str) -> None:
    from_xml, from_json = xml_results(engine, query), json_results(engine, query)
    assert from_xml.variables == from_json.variables
    assert from_xml.boolean is None
    # blank node labels are the engine's own: compare them by position only
    def shape(rows: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: ("_:" if isinstance(v, BNode) else v) for k, v in row.items()}
                for row in rows]
    assert shape(from_xml.rows) == shape(from_json.rows)  # type: ignore[arg-type]
    assert len(from_xml.rows) == len(from_json.rows)


def test_terms_keep_their_kind_language_and_datatype(engine: ox.Store) -> None:
    rows = xml_results(engine, f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }}").rows
    values = [row["o"] for row in rows]
    assert Literal("Kniebeuge", lang="de") in values
    assert Literal("plain") in values
    assert Literal("") in values
    assert Literal('tab\tand <angle> & "quotes"\nnew line') in values
    assert Literal("0.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")) in values
    assert URIRef(EX + "a") in values
    assert sum(isinstance(v, BNode) for v in values) == 1
    count = next(v for v in values if isinstance(v, Literal) and v.datatype
                 and v.datatype.endswith("#integer"))
    assert count.toPython() == 3


@pytest.mark.parametrize(("query", "expected"), [("ASK { ?s ?p ?o }", True),
                                                 ("ASK { ?s <urn:none> ?o }", False)])
def test_ask(engine: ox.Store, query: str, expected: bool) -> None:
    assert xml_results(engine, query) == Results([], [], expected)


@pytest.mark.parametrize("body", [b"", b"<sparql><results><result>", b"{\"head\": {}}",
                                  b"<sparql xmlns='http://www.w3.org/2005/sparql-results#'>"
                                  b"<results><result><binding><uri>x</uri></binding></result>"
                                  b"</results></sparql>"])
def test_what_is_not_xml_results_is_a_value_error(body: bytes) -> None:
    with pytest.raises(ValueError, match="not SPARQL XML results"):
        parse_xml_results(body)


def test_the_results_option_of_a_spec() -> None:
    assert RemoteStore.from_spec("sparql+http://h:1/query").results == "json"
    assert RemoteStore.from_spec("sparql+http://h:1/sparql?results=xml").results == "xml"
    with pytest.raises(DataError, match="results must be json or xml"):
        RemoteStore.from_spec("sparql+http://h:1/sparql?results=csv")
