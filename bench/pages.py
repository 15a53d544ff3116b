"""Server time of the web pages on the full bundled graph: p50 and p99 per page type.

Each page type is a sample of distinct URLs (every exercise up to --sample, every muscle and
kind of equipment, searches with filters and pages, named queries, Linked Data). Requests go
through Flask's test client, so the time is the app's own (routing, queries, rendering), without
a network. "first" is each URL's first request once the app is warm (no per-URL cache yet: what
a visitor to a new page waits); "again" is the same URLs requested once more (the per-app caches
of list matches hold).

Run: .venv/bin/python bench/pages.py [--sample 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

os.environ["EXGRAPH_IMPORTS"] = "1"  # the graph users get: curated + articles + imports
HERE = Path(__file__).resolve().parent
# Python puts this script's folder first on the path, where bench/http.py would shadow the
# standard library's http package that Flask and werkzeug import: drop it before they load.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

from flask.testing import FlaskClient  # noqa: E402 (after the path fix above)
from rdflib import URIRef  # noqa: E402

from exgraph.graph.load import open_store  # noqa: E402
from exgraph.queries.catalogue import default_catalogue  # noqa: E402
from exgraph.web.app import create_app  # noqa: E402
from exgraph.web.cache import state  # noqa: E402

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
TARGET_MS = 20.0


def slugs(app_state_known: Mapping[str, frozenset[URIRef]], kind: str) -> list[str]:
    prefix = f"https://w3id.org/exgraph/id/{kind}/"
    return sorted(str(iri)[len(prefix):] for iri in app_state_known[kind])


def page_types(client: FlaskClient, sample: int, rng: random.Random) -> dict[str, list[str]]:
    """Page type -> the URLs to time."""
    with client.application.app_context():
        known = state(client.application).known()
    exercises = slugs(known, "exercise")
    muscles = slugs(known, "muscle")
    equipment = slugs(known, "equipment")
    goals = slugs(known, "goal")
    picked = rng.sample(exercises, min(sample, len(exercises)))
    searches = ["/", "/?q=curl", "/?q=back+extension", "/?difficulty=low",
                "/?muscle=glutes&role=primary", "/?exclude_equipment=machine&difficulty=low",
                "/?equipment=dumbbell", "/?muscle=hamstrings&exclude_equipment=machine"]
    searches += [f"/?offset={50 * i}" for i in range(1, 20)]
    queries = ["/queries"] + [f"/queries/{name}" for name in default_catalogue()]
    queries += ["/queries/alternatives?run=1&exercise=machine-back-extension"
                "&exclude_equipment=machine&difficulty=low",
                "/queries/muscles?run=1", "/queries/equipment-taxonomy?run=1"]
    return {
        "search (/)": searches,
        "exercise": [f"/exercises/{s}" for s in picked],
        "muscle": [f"/muscles/{s}" for s in muscles],
        "equipment": [f"/equipment/{s}" for s in equipment],
        "indexes": ["/muscles", "/equipment", "/ontology", "/sparql", "/api/v1/docs"],
        "queries": queries,
        "id html (goal)": [f"/id/goal/{s}" for s in goals],
        "id turtle": [f"/id/exercise/{s}.ttl" for s in picked[:50]]
                     + [f"/id/muscle/{s}.ttl" for s in muscles],
    }


def timed(get: Callable[[str], int], url: str) -> float:
    started = time.perf_counter()
    status = get(url)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise SystemExit(f"{url}: status {status}")
    return elapsed * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=200, help="exercise pages to time")
    args = parser.parse_args()
    started = time.perf_counter()
    store = open_store("oxigraph")
    app = create_app({"STORE": store})
    client = app.test_client()
    print(f"graph: {len(store)} triples, loaded in {time.perf_counter() - started:.1f} s")

    def get(url: str) -> int:
        return client.get(url, headers={"Accept": BROWSER}).status_code

    types = page_types(client, args.sample, random.Random(13))
    for url in ("/", "/exercises/machine-back-extension", "/muscles", "/queries",
                "/ontology", "/sparql"):  # warm: templates compiled, per-app lookups built
        get(url)
    print(f"{'page type':<16} {'URLs':>5}  {'first p50':>9} {'first p99':>9}  "
          f"{'again p50':>9} {'again p99':>9}")
    worst = 0.0
    for name, urls in types.items():
        first = [timed(get, url) for url in urls]
        again = [timed(get, url) for url in urls]
        worst = max(worst, statistics.median(first))
        print(f"{name:<16} {len(urls):>5}  {pct(first, 0.5):>7.1f}ms {pct(first, 0.99):>7.1f}ms"
              f"  {pct(again, 0.5):>7.1f}ms {pct(again, 0.99):>7.1f}ms")
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    print(f"target: every page type at most {TARGET_MS:.0f} ms at p50 (first visit): {verdict}")


if __name__ == "__main__":
    main()
