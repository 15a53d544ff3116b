"""Issue 25's instant start: what the first answers need is derived once per data generation and
read back beside the store, never for other data.

* on unchanged data a start reads every derived value back (records, the substitutes engine,
  the exercise and lookup indexes, the known IRIs, the triple count) while the quads load in
  the background, and what it reads back is what a build gives;
* an update, and ``exgraph load`` into a ``--store DIR``, give the next start the new data's
  answers;
* a derived entry that does not decode is rebuilt; an on-disk store keeps its stamp until it
  is changed.

The restarts with real ``exgraph serve`` processes are in tests/system/server/test_restarts.py.
"""

from __future__ import annotations

import gc
import marshal
from pathlib import Path
from typing import Any

import numpy as np
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from exgraph.cli.main import main
from exgraph.graph import store_cache
from exgraph.graph.load import STAMP_GRAPH, DiskStore, open_store
from exgraph.graph.store import BackgroundOxigraphStore, Store
from exgraph.queries import catalogue, list_index, listing
from exgraph.queries.substitutes import engine_for
from exgraph.queries.substitutes.engine import Engine
from exgraph.queries.substitutes.model import Filters
from exgraph.records import lookup
from exgraph.search import SearchIndex, index_for

#: The values a start derives, by the name of their entry.
DERIVED = {"records", "substitutes-engine", "exercise-index", "known-iris", "lookup-index",
           "list-index", "search-index"}
#: Exercises whose ranked substitutes are compared between a built and a read-back engine.
SAMPLE = ("machine-back-extension", "barbell-squat", "pushups", "romanian-deadlift",
          "bench-press")
EXERCISE = "https://w3id.org/exgraph/id/exercise/machine-back-extension"


def derived_names(cache: Path) -> set[str]:
    """The values with an entry in cache (``derived-NAME-[CODE-]KEY.json``)."""
    names = set()
    for path in cache.glob("derived-*.json"):
        parts = path.name.removeprefix("derived-").split("-")[:-1]  # the key dropped
        if parts and len(parts[-1]) == 16:  # the code digest
            parts = parts[:-1]
        names.add("-".join(parts))
    return names


def everything(store: Store) -> dict[str, Any]:
    """Every derived value of store, in comparable form."""
    engine = engine_for(store)
    ranked = {slug: [s.as_json(engine.labels) for s in engine.rank(slug, Filters())]
              for slug in SAMPLE if slug in engine.exercises}
    filtered = engine.rank("machine-back-extension", Filters.parse(
        {"exclude_equipment": "machine", "difficulty": "low"}, engine.taxonomy))
    index = listing.exercise_index(store)
    lists = list_index.list_index(store)
    indexes = {kind: lookup.index_for(store, kind) for kind in lookup.KINDS}
    return {
        "exercises": {slug: vars(ex) for slug, ex in engine.exercises.items()},
        "columns": {name: (value.dtype.str, value.tolist())
                    for name, value in vars(engine).items() if isinstance(value, np.ndarray)},
        "words": (engine.name_words, engine.idf,
                  {w: v.tolist() for w, v in engine.with_word.items()}),
        "taxonomy": engine.taxonomy, "labels": engine.labels, "ranked": ranked,
        "filtered": [s.as_json(engine.labels) for s in filtered],
        "names": index.names, "ranks": index.ranks, "languages": index.languages,
        "facets": index.facets, "known": catalogue.known_iris(store),
        "list rows": lists.rows, "list facts": dict(lists.facts),
        "search": vars(index_for(store)),
        "search hits": [index_for(store).search(text, lang) for text, lang in SEARCHES],
        "lookup": {kind: {k: dict(v) if isinstance(v, dict) else v
                          for k, v in vars(i).items()} for kind, i in indexes.items()},
    }


#: Searches whose hits are compared between a built and a read-back search index.
SEARCHES = (("squat", None), ("romanian deadlift", "en"), ("dl", None), ("sqaut", None),
            ("kniebeuge", "de"))


def rename(name: str) -> str:
    """An update giving machine-back-extension another label, in every graph stating one
    (the sources and their union)."""
    return (f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            f"DELETE {{ GRAPH ?g {{ ?e rdfs:label ?l }} }} INSERT {{ GRAPH ?g {{ ?e rdfs:label "
            f'"{name}" }} }} WHERE {{ BIND(<{EXERCISE}> AS ?e) GRAPH ?g {{ ?e rdfs:label ?l }} '
            f"}} ;\nDELETE {{ ?e rdfs:label ?l }} INSERT {{ ?e rdfs:label \"{name}\" }} "
            f"WHERE {{ BIND(<{EXERCISE}> AS ?e) ?e rdfs:label ?l }}")


PROBE = """@prefix exg: <https://w3id.org/exgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/exgraph/id/exercise/SLUG> a exg:Exercise ;
    rdfs:label "NAME" ;
    exg:primaryMuscle <https://w3id.org/exgraph/id/muscle/gluteus-maximus> .
"""


def probe(path: Path, slug: str, name: str) -> None:
    path.write_text(PROBE.replace("SLUG", slug).replace("NAME", name), encoding="utf-8")


def refuse(*_: Any) -> Any:
    raise AssertionError("a start on unchanged data built a value it should read back")


def test_a_start_on_unchanged_data_reads_every_value_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    # the graph users get (with the imports): every kind of value an exercise can have
    first = open_store("oxigraph", imported=True)  # a miss: built, then written
    built = everything(first)
    assert len(built["exercises"]) > 1000 and len(built["ranked"]) == len(SAMPLE)
    assert built["filtered"]
    assert derived_names(tmp_path) == DERIVED

    # the next start builds nothing: every builder refuses
    monkeypatch.setattr(Engine, "load", classmethod(refuse))
    monkeypatch.setattr(lookup, "_build", refuse)
    monkeypatch.setattr(listing, "_exercise_index", refuse)
    monkeypatch.setattr(list_index, "_list_index", refuse)
    monkeypatch.setattr(catalogue, "_known_iris", refuse)
    monkeypatch.setattr(SearchIndex, "load", classmethod(refuse))
    second = open_store("oxigraph", imported=True)
    assert isinstance(second, BackgroundOxigraphStore)  # the quads come in the background
    assert everything(second) == built
    assert len(second) == len(first)  # and the store itself is the same


def test_an_update_is_not_answered_from_the_values_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    engine_for(open_store("oxigraph", imported=False))  # written
    store = open_store("oxigraph", imported=False)
    assert isinstance(store, BackgroundOxigraphStore)
    before = engine_for(store).exercises["machine-back-extension"].name
    store.changing()
    store.ox.update(rename("Renamed"))
    store.bump()
    assert before != "Renamed"
    assert engine_for(store).exercises["machine-back-extension"].name == "Renamed"
    assert catalogue.known_iris(store) == catalogue._known_iris(store)
    # the lists too (their index is kept per generation and beside the snapshot)
    assert (EXERCISE, "Renamed") in list_index.list_index(store).rows
    assert list_index.list_index(store) == list_index._list_index(store)
    assert index_for(store).search("Renamed")[0].iri == EXERCISE  # and the search index


def test_a_derived_entry_that_does_not_decode_is_rebuilt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    store = open_store("oxigraph", imported=False)
    assert store.snapshot_key is not None
    built = catalogue.known_iris(store)
    [entry] = tmp_path.glob("derived-known-iris-*.json")
    # whole (its digest matches) but not what the decoder expects: a list, not a dict
    body = marshal.dumps(["not", "the", "iris"])
    entry.write_bytes(f"# exgraph derived {store_cache.FORMAT} "
                      f"sha256={store_cache.digest(body)}\n".encode() + body)
    with caplog.at_level("WARNING", logger="exgraph.graph.store_cache"):
        again = catalogue.known_iris(open_store("oxigraph", imported=False))
    assert again == built
    assert any("does not decode" in r.getMessage() for r in caplog.records)
    assert entry.read_bytes() != body  # written whole again


def test_a_store_directory_keeps_its_stamp_until_exgraph_changes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    directory = tmp_path / "store"

    def reopen() -> DiskStore:
        gc.collect()  # Oxigraph locks the directory while a handle is open
        store = open_store(str(directory), imported=False)
        assert isinstance(store, DiskStore)
        return store

    store = reopen()
    key = store.derived_key()
    assert key is not None and key.startswith("disk")
    engine_for(store)
    del store
    again = reopen()
    assert again.derived_key() == key  # unchanged: the same stamp, the values read back
    del again

    source = tmp_path / "source.ttl"  # `exgraph load --source` replaces one source graph
    probe(source, "loaded-probe", "Loaded probe")
    result = CliRunner().invoke(main, ["load", "--store", str(directory), "--source",
                                       "extra-names", str(source)])
    assert result.exit_code == 0, result.output
    changed = reopen()
    assert not changed.ox.contains_named_graph(ox.NamedNode(STAMP_GRAPH))  # dropped by load
    new_key = changed.derived_key()  # minted again
    assert new_key is not None and new_key != key
    assert changed.ox.contains_named_graph(ox.NamedNode(STAMP_GRAPH))
    assert engine_for(changed).exercises["loaded-probe"].name == "Loaded probe"
