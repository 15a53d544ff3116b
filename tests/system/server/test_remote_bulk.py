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
from exgraph.records.model import RecordSet
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
    stamps = bulk_loaded.select(f"SELECT ?stamp WHERE {{ GRAPH <{GENERATION_GRAPH}> {{ "
                                f"<{GENERATION_GRAPH}> <{GENERATION_GRAPH}#stamp> ?stamp }} }}")
    assert len(stamps) == 1 and len(str(stamps[0]["stamp"])) == 36, stamps


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


@pytest.mark.parametrize("bulk_loaded", ["virtuoso ld_dir"], indirect=True)
def test_virtuoso_bulk_load_refuses_a_filled_engine(bulk_loaded: RemoteStore, dump: Path) -> None:
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


def test_a_second_process_on_the_same_data_reads_the_records_back(
        bulk_loaded: RemoteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 25: every app process on an external engine built the records over HTTP at its
    start (200 s at 10k exercises on Oxigraph server); now the first one's are kept under the
    server's stamp, and a process on other data (a new stamp) builds its own."""
    from exgraph.records import build

    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    spec = "sparql+" + bulk_loaded.query_url + (
        f"?default-graph={bulk_loaded.default_graph}" if bulk_loaded.default_graph else "")
    first = RemoteStore.from_spec(spec)
    assert first.generation() == 0 and first.derived_key() is not None
    built = build._load(first).as_json()

    def no_build(store: Store) -> RecordSet:
        raise AssertionError("the records were built again")

    second = RemoteStore.from_spec(spec)
    with monkeypatch.context() as patched:
        patched.setattr(build, "build_records", no_build)
        assert build._load(second).as_json() == built
    second.bump()  # another process's write: a new stamp on the server
    first.forget_stamp()
    assert first.generation() != 0 and first.derived_key() is None
    third = RemoteStore.from_spec(spec)
    assert third.derived_key() not in (None, second.derived_key())
