"""Search speed (issue 24): the suggest answers as a lifter types, in process and over HTTP.

The texts are what typing the queries of tests/data/search-queries.tsv sends, key by key: every
prefix of two characters or more of each query (about 800 distinct texts), in a fixed order.

In process, on the bundled graph and on graphs grown to N exercises (bench/generate.py): the
index's build time (once per data generation) and p50 / p99 of one search (limit 8, as the
suggest route asks).

Over HTTP, one `exgraph serve` on the largest grown graph, one client, sequential, alternating
per request between ``/api/v1/suggest?q=TEXT`` (every text once, so no answer comes from the
response cache) and ``/healthz`` (a trivial route of the same server), after one warm-up request
that builds the index; the ratio of their p50s cancels out the machine's speed.

    python bench/search.py [--sizes 10000] [--requests 400]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from generate import replicate
from run import free_port, stop, time_routes

from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore, Store
from exgraph.search import SearchIndex

QUERIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "search-queries.tsv"
LIMIT = 8


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def typed_texts() -> list[str]:
    """Every prefix of two characters or more of every query, in typing order, once each."""
    lines = [line for line in QUERIES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    texts: dict[str, None] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        query = row["query"]
        for end in range(2, len(query) + 1):
            texts.setdefault(query[:end].strip(), None)
    return [text for text in texts if len(text) >= 2]



def in_process(store: Store, label: str, texts: list[str]) -> None:
    start = time.perf_counter()
    index = SearchIndex.load(store)
    build = time.perf_counter() - start
    times = []
    for text in texts:
        t0 = time.perf_counter()
        index.search(text, None, LIMIT)
        times.append(time.perf_counter() - t0)
    print(f"| {label} | {len(index.iris):,} | {len(index.names.text):,} | {build:.2f} s | "
          f"{1000 * pct(times, 0.5):.2f} ms | {1000 * pct(times, 0.99):.2f} ms |")


def wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("server exited during start-up") from None
            time.sleep(0.05)


def http(extra: Path, texts: list[str], requests: int) -> None:
    port = free_port()
    exgraph = str(Path(sys.executable).with_name("exgraph"))
    proc = subprocess.Popen([exgraph, "serve", "--port", str(port), "--data", str(extra)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc)
        urllib.request.urlopen(f"{base}/api/v1/suggest?q=warm", timeout=120).read()
        routes = {"/api/v1/suggest?q=TEXT": lambda text: (
                      f"{base}/api/v1/suggest?q={urllib.parse.quote(text)}&limit={LIMIT}"),
                  "/healthz (trivial)": lambda _text: f"{base}/healthz"}
        times = time_routes(routes, texts[:requests])
        p50 = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            print(f"| {name} | {len(values)} | {1000 * p50[name]:.2f} ms | "
                  f"{1000 * pct(values, 0.99):.2f} ms |")
        suggest, trivial = p50.values()
        print(f"\nsuggest / trivial route at p50: {suggest / trivial:.2f}x")
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    texts = typed_texts()
    print(f"{len(texts)} typed texts\n")
    print("| graph | exercises | names | index build | search p50 | search p99 |\n"
          "|---|---:|---:|---:|---:|---:|")
    bundled = open_store("oxigraph", imported=True)
    assert isinstance(bundled, OxigraphStore)
    in_process(bundled, "bundled", texts)
    grown_files = []
    for size in (int(s) for s in args.sizes.split(",")):
        data = replicate(size)
        grown = ox.Store()
        grown.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        in_process(OxigraphStore(grown), f"grown to {size:,}", texts)
        path = Path(tempfile.mkstemp(suffix=".nt")[1])
        path.write_bytes(data)
        grown_files.append(path)
    print("\n| HTTP, largest graph, one client | requests | p50 | p99 |\n|---|---:|---:|---:|")
    http(grown_files[-1], texts, args.requests)
    for path in grown_files:
        path.unlink()


if __name__ == "__main__":
    main()
