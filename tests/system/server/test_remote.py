"""The external-store backend against real external engines started by the tests: an Oxigraph
server (the `oxigraph` PyPI package) and Virtuoso (Debian's `virtuoso-opensource`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.term import Node

import exgraph.graph.remote as remote
from exgraph.cli.main import main
from exgraph.errors import DataError
from exgraph.graph.load import open_store
from exgraph.graph.remote import RemoteError, RemoteStore
from exgraph.graph.store import Store
from tests.engines import ENGINES, external_engine

pytestmark = pytest.mark.server


@pytest.fixture(scope="module", params=ENGINES)
def server(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The store spec of a new, empty external engine."""
    with external_engine(request.param, tmp_path_factory.mktemp(request.param)) as spec:
        yield spec


@pytest.fixture(scope="module")
def loaded(server: str) -> RemoteStore:
    spec = server
    result = CliRunner().invoke(main, ["load", "--store", spec])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output
    store = open_store(spec)
    assert isinstance(store, RemoteStore)
    return store


QUERIES = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    """PREFIX exg: <https://w3id.org/exgraph/ontology#>
       PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
       PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
       SELECT ?alt WHERE {
         ?ex rdfs:label ?l . FILTER(lcase(str(?l)) = "machine back extension")
         ?ex exg:alternative ?alt . ?alt exg:difficulty exg:Low .
         FILTER NOT EXISTS { ?alt exg:requiresEquipment/skos:broader* exg:Machine } }""",
    """PREFIX exg: <https://w3id.org/exgraph/ontology#>
       SELECT ?e (COUNT(?m) AS ?n) WHERE { ?e exg:worksMuscle ?m } GROUP BY ?e""",
]


@pytest.mark.parametrize("query", QUERIES)
def test_remote_answers_like_the_embedded_store(loaded: RemoteStore, store: Store,
                                                query: str) -> None:
    def rows(s: Store) -> set[tuple[tuple[str, object], ...]]:
        return {tuple(sorted(r.items())) for r in s.select(query)}

    assert rows(loaded) == rows(store)


def test_remote_ask_construct_and_size(loaded: RemoteStore, store: Store, graph: Graph) -> None:
    assert loaded.ask("ASK { ?s ?p ?o }") is True
    assert len(loaded) == len(store)
    assert isomorphic(loaded.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), graph)


def test_reloading_replaces_rather_than_duplicates(server: str, loaded: RemoteStore) -> None:
    before = len(loaded)
    result = CliRunner().invoke(main, ["load", "--store", server])
    assert result.exit_code == 0, result.output
    assert len(loaded) == before


def test_a_load_that_fails_part_way_changes_nothing(server: str, loaded: RemoteStore,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = len(loaded)
    monkeypatch.setattr(remote, "CHUNK", 10)

    def triples_then_failure() -> Iterator[tuple[Node, Node, Node]]:
        graph = loaded.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 50")
        yield from graph
        raise DataError("source broke after 50 triples")

    with pytest.raises(DataError):
        loaded.replace_default_graph(triples_then_failure())
    assert len(loaded) == before
    named = loaded.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          "FILTER(STRSTARTS(STR(?g), 'urn:exgraph:staging:')) }")
    assert int(str(named[0]["n"])) == 0, "the staging graph was left behind"


def test_load_refuses_a_file_that_does_not_parse(server: str, loaded: RemoteStore,
                                                 tmp_path: Path) -> None:
    before = len(loaded)
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> .\n:a :b")
    result = CliRunner().invoke(main, ["load", "--store", server, "--data", str(bad)])
    assert result.exit_code == 1
    assert "bad.ttl" in result.output
    assert len(loaded) == before


def test_unreachable_server_and_bad_specs_are_clear_errors() -> None:
    dead = RemoteStore.from_spec("sparql+http://127.0.0.1:9/query")
    with pytest.raises(RemoteError, match="unreachable"):
        dead.ask("ASK {}")
    with pytest.raises(DataError, match="expected sparql"):
        RemoteStore.from_spec("sparql+ftp://x/query")
    result = CliRunner().invoke(main, ["load", "--store", "oxigraph"])
    assert result.exit_code == 2 and "--store" in result.output


def test_timeout_is_thirty_seconds_or_given() -> None:
    assert RemoteStore.from_spec("sparql+http://h:1/query").timeout == 30.0
    assert RemoteStore.from_spec("sparql+http://h:1/query?timeout=600").timeout == 600.0
    for bad in ("0", "-1", "soon", "inf"):
        with pytest.raises(DataError, match="timeout must be"):
            RemoteStore.from_spec(f"sparql+http://h:1/query?timeout={bad}")


def test_update_url_is_derived_or_given() -> None:
    assert RemoteStore.from_spec("sparql+http://h:1/query").update_url == "http://h:1/update"
    assert RemoteStore.from_spec("sparql+http://h:1/ds/sparql").update_url == "http://h:1/ds/sparql"
    given = RemoteStore.from_spec("sparql+http://h:1/ds/query?update=/ds/up")
    assert given.update_url == "http://h:1/ds/up"
    assert given.default_graph is None
    virtuoso = RemoteStore.from_spec("sparql+http://h:1/sparql?default-graph=urn:exgraph:default")
    assert (virtuoso.update_url, virtuoso.default_graph) == ("http://h:1/sparql",
                                                             "urn:exgraph:default")
    for bad in ("sparql+http://h:1/sparql?default-graph=not%20an%20iri",
                "sparql+http://h:1/sparql?graph=urn:x"):
        with pytest.raises(DataError, match="bad store"):
            RemoteStore.from_spec(bad)
