"""Every source is its own named graph: GRAPH ?g says who says so, FROM picks sources, exports
carry every graph, and replacing one source replaces exactly its graph — on an on-disk store and
on a real Oxigraph server."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.graph.export import serialize
from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore, Store
from exgraph.vocab.terms import SOURCE
from exgraph.web.app import create_app
from tests.oxigraph_server import oxigraph_server

pytestmark = pytest.mark.slow

SRC = str(SOURCE)
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
WGER_FILE = DATA_DIR / "imported" / "wger.ttl"


def counts(store: Store) -> dict[str, int]:
    return {str(r["g"]): int(str(r["n"])) for r in store.select(GRAPH_COUNTS)
            if not str(r["g"]).startswith("urn:exgraph:")}


@pytest.fixture(scope="module")
def client(full_store: Store) -> Iterator[FlaskClient]:
    yield create_app({"STORE": full_store, "TESTING": True}).test_client()


def sparql(client: FlaskClient, query: str, **params: str) -> list[dict[str, str]]:
    response = client.get("/sparql", query_string={"query": query, **params},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    return [{k: v["value"] for k, v in b.items()} for b in body["results"]["bindings"]]


def test_every_source_is_a_graph(full_store: Store) -> None:
    graphs = counts(full_store)
    for name in ("curated", "article-machine-back-extension", "wger", "free-exercise-db",
                 "aliases"):
        assert graphs[SRC + name] > 0, name
    assert any(g.startswith(SRC + "inferred-pattern-") for g in graphs)
    assert graphs["https://w3id.org/exgraph/ontology"] > 100


def test_graph_answers_who_says_so(client: FlaskClient) -> None:
    rows = sparql(client, """SELECT ?g ?d WHERE { GRAPH ?g {
        <https://w3id.org/exgraph/id/exercise/machine-back-extension>
        <https://w3id.org/exgraph/ontology#difficulty> ?d } }""")
    assert {r["g"] for r in rows} == {SRC + "curated"}
    rows = sparql(client, """SELECT DISTINCT ?g WHERE { GRAPH ?g {
        <https://w3id.org/exgraph/id/exercise/barbell-deadlift> ?p ?o } }""")
    assert {SRC + "free-exercise-db", SRC + "wger"} <= {r["g"] for r in rows}


def test_from_and_default_graph_uri_select_sources(client: FlaskClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    wger = int(sparql(client, query.format(f"FROM <{SRC}wger>"))[0]["n"])
    union = int(sparql(client, query.format(""))[0]["n"])
    by_param = int(sparql(client, query.format(""), **{"default-graph-uri": SRC + "wger"})[0]["n"])
    assert 20_000 < wger == by_param < union


def test_the_default_graph_is_the_union_without_repeats(full_store: Store) -> None:
    (row,) = full_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    (distinct,) = full_store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(!STRSTARTS(STR(?g), 'urn:exgraph:')) } }")
    assert int(str(row["n"])) == int(str(distinct["n"]))


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dataset_exports_carry_every_graph_and_are_stable(full_store: Store, fmt: str) -> None:
    data = serialize(full_store, fmt)
    assert data == serialize(full_store, fmt)
    back = ox.Store()
    back.bulk_load(data, format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG)
    assert counts(OxigraphStore(back)) == counts(full_store)


MARK = "re-imported in a test"


def _changed_wger(tmp_path: Path) -> Path:
    """wger's file with one fact added and one taken away: what a re-import might bring."""
    text = WGER_FILE.read_text(encoding="utf-8")
    kept, gone = text.split('"Kettlebell Swings"', 1)
    changed = tmp_path / "wger.ttl"
    changed.write_text(kept + '"Kettlebell Swings renamed"' + gone + (
        "\n<https://w3id.org/exgraph/id/exercise/kettlebell-swings> "
        f"<http://www.w3.org/2000/01/rdf-schema#comment> \"{MARK}\" .\n"), encoding="utf-8")
    return changed


def _check_replaced(before: dict[str, int], after: dict[str, int], store: Store) -> None:
    for graph, n in before.items():
        if graph not in (SRC + "wger", SRC + "curated"):  # curated holds the recounted size
            assert after[graph] == n, graph
    assert after[SRC + "wger"] == before[SRC + "wger"] + 1
    found = store.select(f"""SELECT ?g ?e WHERE {{ GRAPH ?g {{ ?e ?p "{MARK}" }} }}""")
    # the alias kettlebell-swings became kettlebell-swing inside the replaced graph too
    assert [(str(r["g"]), str(r["e"]).rsplit("/", 1)[1]) for r in found] == [
        (SRC + "wger", "kettlebell-swing")]
    assert store.ask('ASK { ?e ?p "Kettlebell Swings renamed" }')
    assert store.ask(f'ASK {{ ?e ?p "{MARK}" }}')  # in the union too


def test_replacing_one_source_on_an_on_disk_store(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    directory = tmp_path / "store"
    first = open_store(str(directory))
    before = counts(first)
    del first
    gc.collect()  # the on-disk store is locked while open
    result = CliRunner().invoke(main, ["load", "--store", str(directory), "--source", "wger",
                                       str(_changed_wger(tmp_path))])
    assert result.exit_code == 0, result.output
    gc.collect()
    again = open_store(str(directory))
    _check_replaced(before, counts(again), again)


@pytest.mark.server
def test_loading_and_replacing_one_source_on_an_oxigraph_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    with oxigraph_server(tmp_path / "oxigraph") as base:
        spec = f"sparql+{base}/query"
        loaded = CliRunner().invoke(main, ["load", "--store", spec])
        assert loaded.exit_code == 0, loaded.output
        remote = open_store(spec)
        before = counts(remote)
        assert before[SRC + "wger"] > 20_000 and before[SRC + "article-machine-back-extension"]
        (n,) = remote.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(str(n["n"])) > 75_000  # the default graph is the union, no server flag needed
        result = CliRunner().invoke(main, ["load", "--store", spec, "--source", "wger",
                                           str(_changed_wger(tmp_path))])
        assert result.exit_code == 0, result.output
        _check_replaced(before, counts(remote), remote)


def test_load_refuses_files_without_a_source() -> None:
    result = CliRunner().invoke(main, ["load", "--store", "sparql+http://127.0.0.1:9/query",
                                       str(WGER_FILE)])
    assert result.exit_code == 2 and "--source" in result.output


def test_copy_of_data_keeps_graph_names(tmp_path: Path) -> None:
    """The graph of a file follows its place under the data folder it is loaded from."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("imported", "inferred"))
    graphs = counts(open_store("oxigraph", data_dir=data, imported=False))
    assert SRC + "curated" in graphs and SRC + "article-machine-back-extension" in graphs
