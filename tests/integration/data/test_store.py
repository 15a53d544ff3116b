"""Opening the graph: every backend holds the same triples; bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import VOID

from exgraph.errors import DataError
from exgraph.graph.load import bundled_files, load_graph, open_store, parse_file
from exgraph.vocab.terms import DATASET


@pytest.mark.parametrize("spec", ["oxigraph", "rdflib"])
def test_each_backend_loads_the_same_graph(graph: Graph, spec: str) -> None:
    assert isomorphic(open_store(spec).to_graph(), graph)


def test_on_disk_store_is_loaded_once_and_reopened(tmp_path: Path, graph: Graph) -> None:
    first = open_store(str(tmp_path / "db"))
    assert first.backend.startswith("oxigraph:")
    assert isomorphic(first.to_graph(), graph)
    del first  # release the directory lock before reopening
    again = open_store(str(tmp_path / "db"))
    assert len(again) == len(graph)


@pytest.mark.parametrize("spec", ["oxigraph", "rdflib"])
def test_extra_file_that_does_not_parse_is_named_with_position(tmp_path: Path, spec: str) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n  ex:d .\n")
    with pytest.raises(DataError, match=r"broken\.ttl") as info:
        open_store(spec, [bad])
    if spec == "oxigraph":
        assert "3" in str(info.value)  # the parser's line


def test_missing_extra_file_and_unknown_store_are_clear() -> None:
    with pytest.raises(DataError, match=r"nope\.ttl: no such file"):
        open_store("oxigraph", [Path("nope.ttl")])
    with pytest.raises(DataError, match="unknown store"):
        open_store("ftp://example.org/")


def test_extra_data_is_added(tmp_path: Path, graph: Graph) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    store = open_store("oxigraph", [extra])
    assert store.ask("ASK { <http://example.org/a> <http://example.org/b> ?c }")
    assert len(store) == len(graph) + 1


def test_oxigraph_and_rdflib_parsers_read_the_files_alike() -> None:
    by_rdflib = Graph()
    for path in bundled_files():
        parse_file(path, by_rdflib)
    loaded = load_graph(canonical=False)  # the files as written, before aliases are applied
    # the one triple not in any file: the dataset's size, counted at load time
    (count,) = loaded.objects(DATASET, VOID.triples)
    assert int(str(count)) == len(loaded)
    loaded.remove((DATASET, VOID.triples, None))
    assert isomorphic(loaded, by_rdflib)


def test_serve_refuses_extra_data_that_does_not_parse(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from exgraph.cli.main import main

    bad = tmp_path / "mine.ttl"
    bad.write_text("@prefix : <x#> .\n:a :b")
    result = CliRunner().invoke(main, ["serve", "--data", str(bad), "--port", "1"])
    assert result.exit_code == 1
    assert "mine.ttl" in result.output and "line 1" in result.output
