"""The store snapshot cache (graph/store_cache.py) and opening a filled ``--store DIR``.

Every test works on a copy of the curated data (data/ without the imports: ~7k quads, no blank
nodes, so two loads give equal sets of quads) and a cache directory of its own.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from exgraph.config import DATA_DIR
from exgraph.errors import DataError
from exgraph.graph.load import bundled_files, load_oxigraph, open_store
from exgraph.graph.store import OxigraphStore, Store
from exgraph.graph.store_cache import STALE_TEMP_SECONDS, prune, read_entry
from tests.paths import REPO

PROBE = "https://w3id.org/exgraph/id/exercise/cache-probe"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the curated data."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data",
                                ignore=shutil.ignore_patterns("imported")))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache directory the tests' opens use."""
    path = tmp_path / "cache"
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(path))
    return path


def quads(store: Store | ox.Store) -> set[ox.Quad]:
    ox_store = store.ox if isinstance(store, OxigraphStore) else store
    assert isinstance(ox_store, ox.Store)
    return set(ox_store)


def fresh(data_dir: Path, *, canonical: bool = True) -> set[ox.Quad]:
    """The quads of a load of data_dir that no cache is involved in."""
    return quads(load_oxigraph(bundled_files(data_dir, imported=False), data_dir,
                               canonical=canonical))


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("store-*.nq"))


def open_copy(data_dir: Path, spec: str = "oxigraph", *, canonical: bool = True) -> Store:
    return open_store(spec, data_dir=data_dir, imported=False, canonical=canonical)


def test_a_cache_hit_gives_the_store_a_fresh_load_gives(data_dir: Path, cache: Path) -> None:
    expected = fresh(data_dir)
    first = open_copy(data_dir)  # a miss: built, then written
    [entry] = entries(cache)
    written = entry.stat().st_ino
    second = open_copy(data_dir)  # a hit: read back, the entry not rewritten
    assert entry.stat().st_ino == written
    assert quads(first) == quads(second) == expected
    default = sum(1 for q in expected if isinstance(q.graph_name, ox.DefaultGraph))
    assert len(second) == default > 1000
    assert not list(cache.glob(".tmp-*"))

    # canonical=False is another load, so another entry
    uncanonical = open_copy(data_dir, canonical=False)
    assert quads(uncanonical) == fresh(data_dir, canonical=False) != expected
    assert len(entries(cache)) == 2


def test_a_changed_data_file_is_read_again(data_dir: Path, cache: Path) -> None:
    exercises = data_dir / "exercises.ttl"
    with exercises.open("a", encoding="utf-8") as out:
        out.write(f'\n<{PROBE}> <{LABEL}> "Cache probe A" .\n')
    probe = ox.Quad(ox.NamedNode(PROBE), ox.NamedNode(LABEL), ox.Literal("Cache probe A"))
    assert probe in quads(open_copy(data_dir))

    # the same size and modification time, another content: still seen
    stat = exercises.stat()
    exercises.write_bytes(exercises.read_bytes().replace(b"Cache probe A", b"Cache probe B"))
    os.utime(exercises, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert exercises.stat().st_size == stat.st_size
    reopened = quads(open_copy(data_dir))
    assert probe not in reopened
    assert ox.Quad(ox.NamedNode(PROBE), ox.NamedNode(LABEL),
                   ox.Literal("Cache probe B")) in reopened
    assert reopened == fresh(data_dir)
    assert len(entries(cache)) == 2  # one per data version


def _damage_body(data: bytes) -> bytes:
    cut = len(data) // 2
    return data[:cut] + (b"X" if data[cut:cut + 1] != b"X" else b"Y") + data[cut + 1:]


def _wrong_count(data: bytes) -> bytes:
    header, _, body = data.partition(b"\n")
    return header.replace(b" quads=", b" quads=1") + b"\n" + body


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # a partial write
    _damage_body,  # a flipped byte
    lambda data: b"",  # an empty file
    lambda data: b"not a snapshot\n" + data,
    _wrong_count,  # a digest that matches, a count that does not
], ids=["partial", "flipped-byte", "empty", "no-header", "count"])
def test_a_damaged_entry_is_rebuilt_not_served(data_dir: Path, cache: Path,
                                               damage: Callable[[bytes], bytes],
                                               caplog: pytest.LogCaptureFixture) -> None:
    expected = quads(open_copy(data_dir))
    [entry] = entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    assert read_entry(entry) is None
    with caplog.at_level(logging.WARNING, logger="exgraph.graph.store_cache"):
        assert quads(open_copy(data_dir)) == expected
    assert any(str(entry) in r.getMessage() and "rebuilding" in r.getMessage()
               for r in caplog.records)
    repaired = read_entry(entry)
    assert repaired is not None and quads(repaired) == expected


#: Run in a process of its own: open the data dir given, print its quad count and a digest.
OPEN_AND_DESCRIBE = """
import hashlib, json, sys
from pathlib import Path
from exgraph.graph.load import open_store
store = open_store(data_dir=Path(sys.argv[1]), imported=False)
lines = sorted(str(q) for q in store.ox)
print(json.dumps([len(lines), hashlib.sha256("\\n".join(lines).encode()).hexdigest()]))
"""


def test_processes_starting_at_once_each_get_the_whole_store(data_dir: Path,
                                                             cache: Path) -> None:
    expected = sorted(str(q) for q in fresh(data_dir))
    env = {**os.environ, "EXGRAPH_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_AND_DESCRIBE, str(data_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        count, digest = json.loads(out)
        assert count == len(expected)
        assert digest == hashlib.sha256("\n".join(expected).encode()).hexdigest()
    [entry] = entries(cache)
    assert not list(cache.glob(".tmp-*"))
    cached = read_entry(entry)
    assert cached is not None and sorted(str(q) for q in cached) == expected


def test_a_filled_store_directory_is_opened_without_reading_the_data(
        data_dir: Path, cache: Path, tmp_path: Path) -> None:
    directory = tmp_path / "store"
    first = open_copy(data_dir, str(directory))  # empty: loaded
    stored, count = quads(first), len(first)
    assert stored == fresh(data_dir)
    del first
    gc.collect()  # Oxigraph locks the directory while a handle is open

    (data_dir / "exercises.ttl").write_text("this is not Turtle .\n", encoding="utf-8")
    shutil.rmtree(cache)
    with pytest.raises(DataError, match=r"exercises\.ttl"):  # the data is now bad ...
        open_copy(data_dir)
    reopened = open_copy(data_dir, str(directory))  # ... and never read
    assert quads(reopened) == stored and len(reopened) == count
    assert reopened.backend == f"oxigraph:{directory}"


def test_an_empty_cache_setting_turns_the_cache_off(data_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert quads(open_copy(data_dir)) == fresh(data_dir)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_a_cache_that_cannot_be_written_still_gives_the_store(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(blocker / "cache"))
    with caplog.at_level(logging.WARNING, logger="exgraph.graph.store_cache"):
        assert quads(open_copy(data_dir)) == fresh(data_dir)
    assert any("cannot write the cached store" in r.getMessage() for r in caplog.records)


def test_a_bad_data_file_is_named_and_nothing_is_cached(data_dir: Path, cache: Path) -> None:
    (data_dir / "goals.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"goals\.ttl: not valid Turtle: .*line 1"):
        open_copy(data_dir)
    assert not entries(cache)


def test_pruning_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    now = time.time()
    ages = {"a": 50, "b": 40, "c": 30, "d": 20, "e": 10}  # seconds since last use
    for name, age in ages.items():
        path = tmp_path / f"store-{name}.nq"
        path.write_bytes(b"x" * 100)
        os.utime(path, (now - age, now - age))
    dead_writer, live_writer = tmp_path / ".tmp-store-1.nq", tmp_path / ".tmp-store-2.nq"
    for path in (dead_writer, live_writer):
        path.write_bytes(b"x")
    os.utime(dead_writer, (now - 2 * STALE_TEMP_SECONDS, now - 2 * STALE_TEMP_SECONDS))

    prune(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".tmp-store-2.nq", "store-c.nq", "store-d.nq", "store-e.nq"]
    prune(tmp_path, keep=3, max_bytes=250)  # two entries fit
    assert sorted(p.name for p in entries(tmp_path)) == ["store-d.nq", "store-e.nq"]
    prune(tmp_path, keep=3, max_bytes=10)  # the newest is kept however large
    assert [p.name for p in entries(tmp_path)] == ["store-e.nq"]
