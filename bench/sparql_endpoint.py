"""Figures for /sparql on a real `exgraph serve`: first query (worker start), simple-query
latency, latency while a runaway query holds a worker, and when the runaway is stopped.

Run: .venv/bin/python bench/sparql_endpoint.py
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.integration.sparql.test_sparql import HEADLINE
from tests.server import running_server

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def timed(url: str, query: str) -> float:
    started = time.monotonic()
    response = requests.get(url, params={"query": query}, timeout=60)
    response.raise_for_status()
    return time.monotonic() - started


def main() -> None:
    with running_server("--query-timeout", "5") as base:
        url = base + "/sparql"
        print(f"first query (starts the workers): {timed(url, 'ASK {}') * 1000:.0f} ms")
        simple = [timed(url, HEADLINE) for _ in range(50)]
        print(f"headline query: median {statistics.median(simple) * 1000:.1f} ms, "
              f"max {max(simple) * 1000:.1f} ms (50 requests)")
        stopped: list[float] = []

        def fire() -> None:
            started = time.monotonic()
            requests.get(url, params={"query": RUNAWAY}, timeout=60)
            stopped.append(time.monotonic() - started)

        thread = threading.Thread(target=fire)
        thread.start()
        time.sleep(0.2)
        during = [timed(url, HEADLINE) for _ in range(20)]
        thread.join()
        print(f"headline during a runaway: median {statistics.median(during) * 1000:.1f} ms, "
              f"max {max(during) * 1000:.1f} ms")
        print(f"runaway answered 503 after {stopped[0]:.2f} s (limit 5 s)")
        after_kill = timed(url, HEADLINE)
        print(f"first query after the kill (replacement worker): {after_kill * 1000:.0f} ms")


if __name__ == "__main__":
    main()
