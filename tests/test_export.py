"""Export: deterministic bytes, readable Turtle, round trip, atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from exgraph.cli.main import main
from exgraph.graph.export import serialize, write_atomic
from exgraph.graph.store import Store

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_round_trip_is_isomorphic(store: Store, graph: Graph, fmt: str) -> None:
    data = serialize(store, fmt)
    parsed = Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert isomorphic(parsed, graph)


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_same_bytes_from_both_engines_and_twice(store: Store, rdflib_store: Store,
                                                fmt: str) -> None:
    assert serialize(store, fmt) == serialize(store, fmt) == serialize(rdflib_store, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_same_bytes_across_processes(tmp_path: Path, fmt: str) -> None:
    # Hash seeds differ between processes; the output must not depend on them.
    outs = []
    for seed in ("1", "2"):
        target = tmp_path / f"out-{seed}"
        subprocess.run([sys.executable, "-m", "exgraph", "export", "--format", fmt,
                        "-o", str(target)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True)
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]


def test_turtle_uses_readable_prefixes(store: Store) -> None:
    text = serialize(store, "turtle").decode()
    assert "@prefix exg: <https://w3id.org/exgraph/ontology#> ." in text
    assert "exercise:machine-back-extension" in text
    assert "exg:alternative exercise:" in text


def test_cli_export_to_file_and_stdout(tmp_path: Path, store: Store) -> None:
    target = tmp_path / "graph.nt"
    result = CliRunner().invoke(main, ["export", "--format", "ntriples", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == serialize(store, "ntriples")
    stdout = CliRunner().invoke(main, ["export"])
    assert stdout.stdout_bytes == serialize(store, "turtle")


def test_unknown_format_is_refused() -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.output


def test_failed_write_leaves_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old content")

    class Boom:
        """Bytes-like whose write fails half-way, as a full disk would."""

    with pytest.raises(TypeError):
        write_atomic(target, Boom())  # type: ignore[arg-type]
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_export_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "no" / "such" / "x.ttl")])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "x.ttl" in result.output


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ttl"
    write_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.ttl"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomic(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_bytes() == b"new"
