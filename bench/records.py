"""Start-up with the exercise records (issue 19): building them vs reading them back.

Each start is a fresh process on the bundled graph with the imports (what ``exgraph serve``
loads), timed inside the process: opening the store (the snapshot cache), the records
(:func:`exgraph.records.records_for`), the substitutes engine built from them and one exercise
document. The first start in an empty cache directory builds the snapshot and the records and
writes both; the next ones read both back. A start with the records entry removed (snapshot
kept) isolates what the records cost to build. Ratios against the read-back start of the same
run, so the load of the machine cancels out. Usage: ``python bench/records.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, time
t0 = time.perf_counter()
from exgraph.graph.load import open_store
store = open_store("oxigraph", imported=True)
t1 = time.perf_counter()
from exgraph.records import records_for
found = records_for(store)
t2 = time.perf_counter()
from exgraph.queries.substitutes import engine_for
engine_for(store)
t3 = time.perf_counter()
from exgraph.queries.documents import exercise_document
from exgraph.vocab.terms import EXERCISE
exercise_document(store, EXERCISE["romanian-deadlift"])
t4 = time.perf_counter()
print(json.dumps({"store": t1 - t0, "records": t2 - t1, "engine": t3 - t2,
                  "document": t4 - t3, "total": t4 - t0, "exercises": len(found.records)}))
"""


def start(cache: Path) -> dict[str, float]:
    """One start in a fresh process with cache as EXGRAPH_CACHE_DIR."""
    env = {**os.environ, "EXGRAPH_CACHE_DIR": str(cache), "EXGRAPH_IMPORTS": "1"}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, check=True,
                         capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: dict[str, list[dict[str, float]]] = {"cold": [], "records rebuilt": [], "warm": []}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp)
            rows["cold"].append(start(cache))
            rows["warm"].append(start(cache))
            for entry in cache.glob("derived-records-*.json"):
                entry.unlink()
            rows["records rebuilt"].append(start(cache))
    warm = statistics.median(r["records"] for r in rows["warm"])
    print(f"{rows['warm'][0]['exercises']:.0f} exercises; medians of {args.repeat} "
          "(seconds, in-process)")
    print("| start | store | records | engine | document | total | records vs warm |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in rows.items():
        med = {k: statistics.median(r[k] for r in runs)
               for k in ("store", "records", "engine", "document", "total")}
        print(f"| {name} | {med['store']:.2f} | {med['records']:.2f} | {med['engine']:.2f} | "
              f"{med['document']:.3f} | {med['total']:.2f} | {med['records'] / warm:.1f}x |")


if __name__ == "__main__":
    main()
