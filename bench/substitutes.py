"""Substitution engine speed: ranking in process, and its HTTP route next to the named query.

In process, on the bundled graph and on a graph grown to N exercises (bench/generate.py): the
engine's build time once per data generation, and p50 / p99 of one ranked answer (headline
filters: no machine, low difficulty) over a fixed sample of exercises.

Over HTTP, one `exgraph serve` on the grown graph, alternating per request between
``/api/v1/exercises/ID/substitutes`` (the engine) and ``/api/v1/queries/alternatives?exercise=ID``
(the named query the alternatives route answered from before the engine), every request for a
different exercise so that no answer comes from the response cache; one client, sequential.

    python bench/substitutes.py [--sizes 1554,10000] [--requests 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# (no noqa: E402 needed: ruff accepts imports after sys.path set-up)
import pyoxigraph as ox
from generate import replicate
from run import free_port, stop, time_routes

from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore
from exgraph.queries.substitutes import Engine, Filters

HEADLINE = Filters(exclude_equipment=frozenset({"machine"}), difficulty="low")



def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_process(store: OxigraphStore, label: str, samples: int) -> None:
    start = time.perf_counter()
    engine = Engine.load(store)
    build = time.perf_counter() - start
    slugs = sorted(s for s, ex in engine.exercises.items() if ex.primary)
    chosen = random.Random(1).sample(slugs, min(samples, len(slugs)))
    times = []
    for slug in chosen:
        t0 = time.perf_counter()
        engine.rank(slug, HEADLINE)
        times.append(time.perf_counter() - t0)
    print(f"| {label} | {len(engine.exercises):,} | {build:.2f} s | "
          f"{1000 * pct(times, 0.5):.2f} ms | {1000 * pct(times, 0.99):.2f} ms |")


def http(extra: Path, requests: int) -> None:
    port = free_port()
    exgraph = str(Path(sys.executable).with_name("exgraph"))
    proc = subprocess.Popen([exgraph, "serve", "--port", str(port), "--data", str(extra)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("server exited during start-up") from None
                time.sleep(0.05)
        store = open_store("oxigraph", [extra])
        slugs = sorted(str(r["e"]).rsplit("/", 1)[1] for r in store.select(
            "SELECT ?e WHERE { ?e a <https://w3id.org/exgraph/ontology#Exercise> ; "
            "<https://w3id.org/exgraph/ontology#primaryMuscle> ?m }"))
        chosen = random.Random(2).sample(sorted(set(slugs)), requests)
        routes = {
            "engine: /exercises/ID/substitutes": "/api/v1/exercises/{}/substitutes"
                                                 "?exclude_equipment=machine&difficulty=low",
            "named query: /queries/alternatives": "/api/v1/queries/alternatives?exercise={}"
                                                  "&exclude_equipment=machine&difficulty=low",
        }
        for url in routes.values():  # warm: the engine and the caches build once
            urllib.request.urlopen(base + url.format(chosen[0]), timeout=60).read()
        times = time_routes({name: (lambda slug, u=url: base + u.format(slug))
                             for name, url in routes.items()}, chosen[1:])
        p50 = {name: statistics.median(v) for name, v in times.items()}
        for name, values in times.items():
            print(f"| {name} | {1000 * p50[name]:.2f} ms | {1000 * pct(values, 0.99):.2f} ms |")
        engine, named = p50.values()
        print(f"\nengine / named query at p50: {engine / named:.2f}x")
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    print("| graph | exercises | engine build | rank p50 | rank p99 |\n|---|---:|---:|---:|---:|")
    bundled = open_store("oxigraph", imported=True)
    assert isinstance(bundled, OxigraphStore)
    in_process(bundled, "bundled", args.samples)
    grown_files = []
    for size in (int(s) for s in args.sizes.split(",")):
        data = replicate(size)
        grown = ox.Store()
        grown.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        in_process(OxigraphStore(grown), f"grown to {size:,}", args.samples)
        path = Path(tempfile.mkstemp(suffix=".nt")[1])
        path.write_bytes(data)
        grown_files.append(path)
    print("\n| HTTP route, largest graph, one client | p50 | p99 |\n|---|---:|---:|")
    http(grown_files[-1], args.requests)
    for path in grown_files:
        path.unlink()


if __name__ == "__main__":
    main()
