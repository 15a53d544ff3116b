"""Export benchmark: every format of exgraph.graph.export.serialize on Oxigraph, at 1.7k-100k.

    .venv/bin/python bench/export.py                       # 1.7k (bundled), 10k, 100k
    .venv/bin/python bench/export.py --sizes 1000 10000    # quick

The graph of each size (bench/generate.py) is loaded into a memory store's default graph for
N-Triples, Turtle and JSON-LD, then into a source graph of a fresh store for N-Quads and TriG
(the served store holds both at once: the union and the source graphs). Up to --shuffle-max
exercises, a store loaded in another (shuffled) order must then give the same bytes in every
format (it exits non-zero if not). Prints a Markdown table (bench/RESULTS.md, "Load and export").
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from generate import replicate

from exgraph.graph.export import DATASET_FORMATS, FORMATS, serialize
from exgraph.graph.store import OxigraphStore

SOURCE = ox.NamedNode("https://w3id.org/exgraph/id/source/bench")


def load(data: bytes, graph: ox.NamedNode | ox.DefaultGraph) -> OxigraphStore:
    """A memory store with data in graph."""
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return OxigraphStore(store)


def shuffled(data: bytes, seed: int = 12) -> bytes:
    lines = data.split(b"\n")[:-1]
    random.Random(seed).shuffle(lines)
    return b"\n".join(lines) + b"\n"


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    """Median wall-clock seconds of repeat calls of fn, and its last result."""
    times = []
    out = b""
    for _ in range(repeat):
        out = b""
        gc.collect()
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def export_row(label: str, data: bytes, repeat: int, digests: dict[str, str]) -> str:
    """The table cells of one load order of data: its load time and the seconds of every
    format. Records each format's digest in digests, or checks it against the one there."""
    cells: dict[str, str] = {}
    loaded = 0.0
    # one graph in memory at a time: the default graph for the formats of the union, a source
    # graph for the others (the served store holds both; at 100k that is ~8 GB)
    for graph in (ox.DefaultGraph(), SOURCE):
        gc.collect()
        start = time.perf_counter()
        store = load(data, graph)
        loaded = loaded or time.perf_counter() - start
        for fmt in FORMATS:
            if (fmt in DATASET_FORMATS) != (graph == SOURCE):
                continue
            seconds, out = timed(partial(serialize, store, fmt), repeat)
            digest = hashlib.blake2b(out, digest_size=16).hexdigest()
            print(f"  {label} {fmt}: {seconds:.3f} s, {len(out):,} bytes, {digest[:16]}",
                  file=sys.stderr, flush=True)
            if digests.setdefault(fmt, digest) != digest:
                raise SystemExit(f"{label}: {fmt} gave other bytes after another load order")
            cells[fmt] = f"{seconds:.2f}"
            del out
        store = OxigraphStore(ox.Store())
    return f"{loaded:.1f} | " + " | ".join(cells[fmt] for fmt in FORMATS)


def bench_size(n: int, args: argparse.Namespace, add: Callable[[str], None]) -> None:
    """Rows for n exercises: loaded in the generated order, then (up to --shuffle-max) in a
    shuffled order, which must give the same bytes in every format."""
    data = replicate(n)
    triples = data.count(b"\n")
    repeat = args.repeat if triples < 1_000_000 else 1
    digests: dict[str, str] = {}
    add(f"| {n:,} | {triples:,} | file | {export_row(f'{n}', data, repeat, digests)} |")
    if n <= args.shuffle_max:
        row = export_row(f"{n} shuffled", shuffled(data), repeat, digests)
        add(f"| {n:,} | {triples:,} | shuffled (same bytes) | {row} |")
    gc.collect()


def header(add: Callable[[str], None]) -> None:
    add("| exercises (asked) | triples | load order | load (s) | "
        + " | ".join(f"{fmt} (s)" for fmt in FORMATS) + " |")
    add("|---:|---:|---|---:|" + "---:|" * len(FORMATS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per format (1 at 1M+ triples)")
    parser.add_argument("--shuffle-max", type=int, default=100_000,
                        help="largest size also loaded in a shuffled order (same bytes checked)")
    args = parser.parse_args()
    print(f"pyoxigraph {ox.__version__}", flush=True)
    header(print)
    for n in args.sizes:
        bench_size(n, args, lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()
