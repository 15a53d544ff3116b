"""The bulk-load paths (graph/bulk.py, ``exgraph load --dump`` and ``--bulk``) against real
engines started here: each fills an empty engine, and the engine then answers as the embedded
store does on the bundled graph, holds every source graph and a generation stamp."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from exgraph.cli.main import main
from exgraph.errors import DataError
from exgraph.graph.bulk import oxigraph_load, put_dataset, store_endpoint, virtuoso_load
from exgraph.graph.load import ONTOLOGY_GRAPH, bundled_files, load_oxigraph
from exgraph.graph.remote import GENERATION_GRAPH, RemoteStore
from exgraph.graph.store import OxigraphStore, Store
from exgraph.vocab.terms import SOURCE
from tests.oxigraph_server import oxigraph_binary, oxigraph_server
from tests.system.server.test_remote import QUERIES
from tests.virtuoso_server import spec_of, virtuoso_instance

pytestmark = pytest.mark.server

#: Every named graph exgraph keeps, with its triples (the stamp graph is the engine's own).
GRAPH_SIZES = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/exgraph/")) } GROUP BY ?g"""


@pytest.fixture(scope="module")
def dataset() -> Store:
    """The bundled dataset embedded, with its source graphs (the session's ``store`` fixture
    holds the union alone)."""
    return OxigraphStore(load_oxigraph(bundled_files()))


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset as `exgraph load --dump` writes it."""
    path = tmp_path_factory.mktemp("dump") / "dataset.nq"
    result = CliRunner().invoke(main, ["load", "--dump", str(path)])
    assert result.exit_code == 0, result.output
    assert f"quads to {path}" in result.output
    return path


@pytest.fixture(scope="module", params=["oxigraph load", "PUT /store", "virtuoso ld_dir"])
def bulk_loaded(request: pytest.FixtureRequest, dump: Path,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    """An engine filled by one bulk path, as an exgraph store."""
    location = tmp_path_factory.mktemp("engine")
    if request.param == "oxigraph load":
        oxigraph_load(dump, location, binary=oxigraph_binary())
        with oxigraph_server(location) as base:
            yield RemoteStore.from_spec(f"sparql+{base}/query")
    elif request.param == "PUT /store":
        with oxigraph_server(location) as base:
            result = CliRunner().invoke(main, ["load", "--bulk", "--store",
                                               f"sparql+{base}/query"])
            assert result.exit_code == 0, result.output
            yield RemoteStore.from_spec(f"sparql+{base}/query")
    else:
        with virtuoso_instance(location) as virtuoso:
            readable = virtuoso.folder / dump.name  # where the server may read (DirsAllowed)
            readable.write_bytes(dump.read_bytes())
            store = RemoteStore.from_spec(spec_of(virtuoso.base))
            virtuoso_load(store, readable, virtuoso.sql_port)
            yield store


@pytest.mark.parametrize("query", QUERIES)
def test_bulk_loaded_engine_answers_like_the_embedded_store(bulk_loaded: RemoteStore,
                                                            dataset: Store, query: str) -> None:
    def rows(s: Store) -> set[tuple[tuple[str, object], ...]]:
        return {tuple(sorted(r.items())) for r in s.select(query)}

    assert rows(bulk_loaded) == rows(dataset)


def test_bulk_loaded_engine_holds_every_source_graph_and_a_stamp(bulk_loaded: RemoteStore,
                                                                 dataset: Store) -> None:
    def sizes(s: Store) -> dict[str, int]:
        return {str(r["g"]): int(str(r["n"])) for r in s.select(GRAPH_SIZES)}

    embedded = sizes(dataset)
    assert {ONTOLOGY_GRAPH, str(SOURCE["curated"]), str(SOURCE["aliases"])} <= set(embedded)
    assert sizes(bulk_loaded) == embedded
    assert len(bulk_loaded) == len(dataset)
    generation = bulk_loaded.generation()
    assert isinstance(generation, tuple)
    stamp = generation[0]
    assert isinstance(stamp, str) and len(stamp) == 36, f"no generation stamp in {GENERATION_GRAPH}"


def test_an_app_on_a_bulk_loaded_engine_answers_like_embedded(bulk_loaded: RemoteStore,
                                                              dataset: Store) -> None:
    from exgraph.web.app import create_app

    engine = create_app({"STORE": bulk_loaded}).test_client()
    embedded = create_app({"STORE": dataset}).test_client()
    for path in ("/api/v1/exercises/machine-back-extension",
                 "/api/v1/exercises?muscle=glutes&limit=20"):
        response = engine.get(path)
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.get_json() == embedded.get(path).get_json(), path


def test_virtuoso_bulk_load_refuses_a_filled_engine(bulk_loaded: RemoteStore, dump: Path) -> None:
    if bulk_loaded.default_graph is None:
        pytest.skip("Virtuoso only: Oxigraph's PUT replaces the dataset")
    with pytest.raises(DataError, match="already holds"):
        virtuoso_load(bulk_loaded, dump, 1)


def test_no_dataset_endpoint_beside_a_path_not_ending_in_query(tmp_path: Path) -> None:
    store = RemoteStore.from_spec("sparql+http://127.0.0.1:9/sparql")
    with pytest.raises(DataError, match="no dataset endpoint"):
        put_dataset(store, tmp_path / "x.nq")
    assert store_endpoint(RemoteStore.from_spec("sparql+http://h:1/query")) == "http://h:1/store"


def test_dump_refuses_store_and_bulk_without_a_server(tmp_path: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(main, ["load", "--dump", str(tmp_path / "x.nq"), "--bulk"])
    assert both.exit_code == 2 and "--dump" in both.output
    alone = runner.invoke(main, ["load", "--bulk"])
    assert alone.exit_code == 2 and "--store" in alone.output
