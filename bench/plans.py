"""Time of building a training plan (exgraph.plans): p50 and p99 per graph size.

Each size times a table of distinct requests (every goal x five equipment sets x 1-6 days x
three levels, 450 in all, shuffled with a fixed seed), each built once, on the bundled graph
users get (curated + articles + imports) and on a graph grown to --large exercises by
bench/generate.py (its real exercises copied with fresh IRIs). The engine and plan facts are
read once per graph beforehand (they are cached per store generation in the service); the
figure is the build itself: parsing the request, choosing, numbers, progression, coverage.

Run: .venv/bin/python bench/plans.py [--large 10000] [--requests 450]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ["EXGRAPH_IMPORTS"] = "1"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import pyoxigraph as ox  # noqa: E402
from generate import replicate  # noqa: E402

from exgraph.errors import BadRequest  # noqa: E402
from exgraph.graph.load import open_store  # noqa: E402
from exgraph.graph.store import OxigraphStore, Store  # noqa: E402
from exgraph.plans import facts_for, plan_for  # noqa: E402
from exgraph.queries.substitutes import engine_for  # noqa: E402

TARGET_MS = 50.0
GOALS = ("technique", "hypertrophy", "strength", "strength-endurance", "power")
KITS = ("", "dumbbell,bench", "barbell,bench,pull-up-bar", "machine,cable-station",
        "kettlebell,resistance-band")
LEVELS = ("beginner", "intermediate", "advanced")


def requests(count: int) -> list[dict[str, Any]]:
    table = [{"goal": g, "equipment": k, "days": d, "level": lv}
             for g, k, d, lv in itertools.product(GOALS, KITS, range(1, 7), LEVELS)]
    random.Random(7).shuffle(table)
    return table[:count]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench(name: str, store: Store, table: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    engine_for(store), facts_for(store)
    warm = time.perf_counter() - started
    times, refused = [], 0
    for values in table:
        started = time.perf_counter()
        try:
            plan_for(store, values)
        except BadRequest:
            refused += 1
        times.append((time.perf_counter() - started) * 1000)
    p50 = statistics.median(times)
    print(f"{name:<28} {len(table):>5} {refused:>7}  {warm:>6.2f} s  {p50:>7.1f} ms "
          f"{pct(times, 0.99):>7.1f} ms {max(times):>7.1f} ms", flush=True)
    return p50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=10_000,
                        help="exercises of the grown graph (0: skip it)")
    parser.add_argument("--requests", type=int, default=450)
    args = parser.parse_args()
    table = requests(args.requests)
    print(f"{'graph':<28} {'plans':>5} {'refused':>7}  {'warm-up':>8}  {'p50':>10} "
          f"{'p99':>10} {'max':>10}")
    worst = bench("bundled (users' graph)", open_store("oxigraph"), table)
    if args.large:
        started = time.perf_counter()
        data = replicate(args.large)
        grown = ox.Store()
        grown.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        triples = data.count(b"\n")
        print(f"(grew the graph to {args.large:,} exercises, {triples:,} triples, "
              f"in {time.perf_counter() - started:.1f} s)", flush=True)
        worst = max(worst, bench(f"grown to {args.large:,} exercises", OxigraphStore(grown),
                                 table))
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    print(f"target: p50 of building a plan at most {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
