"""Named graphs: load time and the headline question's latency, before and after, in one run.

"Before" is the loading of the first wave: every file parsed into the default graph. "After" is
today's: every file into the graph of its source, aliases applied, the union rebuilt as the
default graph. Both load the same bundled files in this process, alternating, five times each.
Then the headline named query (`alternatives` of machine-back-extension, no machine, low) runs
on each store, and the ranked engine answers the same question.

    python bench/graphs.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# (no noqa: E402 needed: ruff accepts imports after sys.path set-up)
import pyoxigraph as ox

from exgraph.graph.load import bundled_files, load_oxigraph
from exgraph.graph.store import OxigraphStore
from exgraph.queries.catalogue import default_catalogue, known_in
from exgraph.queries.substitutes import Engine, Filters

HEADLINE = {"exercise": "machine-back-extension", "exclude_equipment": "machine",
            "difficulty": "low"}


def load_default_graph(files: list[Path]) -> ox.Store:
    store = ox.Store()
    for path in files:
        fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
        if fmt == ox.RdfFormat.TRIG:  # its quads name graphs: read them as triples
            store.extend(ox.Quad(q.subject, q.predicate, q.object)
                         for q in ox.parse(path=str(path), format=fmt))
        else:
            store.bulk_load(path=str(path), format=fmt)
    return store


def p50(times: list[float]) -> str:
    return f"{1000 * statistics.median(times):.1f} ms"


def main() -> None:
    files = bundled_files(imported=True)
    loads: dict[str, list[float]] = {"before": [], "after": []}
    stores: dict[str, ox.Store] = {}
    for _ in range(5):
        for name, load in (("before", load_default_graph), ("after", load_oxigraph)):
            start = time.perf_counter()
            stores[name] = load(files)
            loads[name].append(time.perf_counter() - start)
    query = default_catalogue().get_query("alternatives")
    print("| loading | load p50 | quads | headline named query p50 |\n|---|---:|---:|---:|")
    for name in ("before", "after"):
        store = OxigraphStore(stores[name])
        known = known_in(store)
        times = []
        for _ in range(200):
            start = time.perf_counter()
            query.run(store, HEADLINE, known)
            times.append(time.perf_counter() - start)
        print(f"| {name} | {p50(loads[name])} | {len(stores[name]):,} | {p50(times)} |")
    engine = Engine.load(OxigraphStore(stores["after"]))
    f = Filters(exclude_equipment=frozenset({"machine"}), difficulty="low")
    times = []
    for _ in range(200):
        start = time.perf_counter()
        engine.rank("machine-back-extension", f)
        times.append(time.perf_counter() - start)
    print(f"\nranked engine, the same question: {p50(times)} p50 "
          f"({len(engine.rank('machine-back-extension', f))} answers)")


if __name__ == "__main__":
    main()
