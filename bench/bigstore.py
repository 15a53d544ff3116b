"""The grown graph (bench/generate.py) and an on-disk store of it, built once and kept in a folder.

    .venv/bin/python bench/bigstore.py 100000 --dir /work/tmp/big100k

Writes ``DIR/grown-N.nt`` (the bundled graph replicated to N exercises) and ``DIR/store-N/``
(an Oxigraph directory holding what ``exgraph serve --store DIR --data grown-N.nt`` would
load: the bundled files and the grown file in their source graphs, aliases applied, the union
default graph), and reuses them when they are there: at 100k the file is 3.8M triples and the
store ~8M quads, and building them takes minutes and several GiB.

The store is filled the way ``open_store`` fills an empty directory (the same
``load_oxigraph`` of the same files into memory), except that the quads go in with
``bulk_extend`` instead of one ``extend`` transaction: the same quads (counted and checked
here), ~10x faster and without holding the transaction in memory (``exgraph serve --store``'s
own first load of this graph took 557 s on a quiet machine). A marker file written last says
the store is whole; a folder without it is built again.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox

_DONE = "built.txt"


def grown_file(n: int, where: Path) -> Path:
    """``where/grown-N.nt``, generated when missing (written to a temporary name first)."""
    from generate import replicate

    where.mkdir(parents=True, exist_ok=True)
    path = where / f"grown-{n}.nt"
    if not path.exists():
        temp = path.with_suffix(".nt.tmp")
        temp.write_bytes(replicate(n))
        temp.replace(path)
    return path


def disk_store(n: int, where: Path, *, log: bool = True) -> Path:
    """``where/store-N``, an on-disk store of the bundled files and grown-N.nt, built when
    missing or unfinished."""
    from exgraph.graph.load import bundled_files, load_oxigraph

    data = grown_file(n, where)
    path = where / f"store-{n}"
    if (path / _DONE).exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    start = time.perf_counter()
    memory = load_oxigraph([*bundled_files(), data])
    loaded = time.perf_counter() - start
    disk = ox.Store(str(path))
    disk.bulk_extend(memory.quads_for_pattern(None, None, None, None))
    disk.flush()
    disk.optimize()
    quads = len(memory)
    if len(disk) != quads:
        raise SystemExit(f"{path}: {len(disk)} quads written, {quads} loaded")
    del memory, disk
    gc.collect()
    took = time.perf_counter() - start
    (path / _DONE).write_text(f"{quads} quads; loaded in memory {loaded:.0f} s, "
                              f"written in {took - loaded:.0f} s\n")
    if log:
        print(f"{path}: {quads:,} quads (load {loaded:.0f} s, write {took - loaded:.0f} s)",
              file=sys.stderr)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", type=int)
    parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args()
    start = time.perf_counter()
    grown = grown_file(args.exercises, args.dir)
    print(f"{grown}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    disk_store(args.exercises, args.dir)


if __name__ == "__main__":
    main()
