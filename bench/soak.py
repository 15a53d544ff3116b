"""Soak: every attack of issue 11 at once against one `exgraph serve`, beside ordinary clients,
while its health is probed.

    .venv/bin/python bench/soak.py                                   # 60 s, 32 connections
    SOAK_SECONDS=600 SOAK_CONNECTIONS=32 .venv/bin/python bench/soak.py

SOAK_CONNECTIONS connections in all send requests without pause: one per attack below, the rest
ordinary clients cycling through the API (exercise list, document, substitutes, the headline
route), /sparql (the headline query and a small SELECT) and the web pages. Every SOAK_INTERVAL
seconds (60) a line gives the ordinary requests answered, lost (an exception, or a 5xx other than
503 + Retry-After, which is load shedding and counted apart), their p50 and p99, and the RSS of
the server with its SPARQL workers.

Attackers run in threads for the whole time: runaway /sparql queries, queries that are slow to
parse or past the shape bounds, memory bombs, huge answers, oversized API URLs and parameter
lists, Accept-header variants, 150 idle and slow-header connections. A prober asks /healthz and
the headline API route every 0.25 s on fresh connections (a failure: anything but 200 within
2 s). Prints the answers each attack got by status, the failed probes, and the server's memory
at the start and the end. Exit status 1 when a probe failed or any answer was a 500.
"""

from __future__ import annotations

import collections
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from tests.server import running_server
from tests.test_hostile import (
    HUGE_ROW,
    IRI_QUERY,
    MEMORY_BOMB,
    RUNAWAY,
    Prober,
    rss_bytes,
    server_pid,
)

SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "32"))
INTERVAL = float(os.environ.get("SOAK_INTERVAL", "60"))
IDLE_CONNECTIONS = 150
HEADLINE = ("/api/v1/exercises/machine-back-extension/alternatives"
            "?exclude_equipment=machine&difficulty=low")
#: What ordinary clients ask, in turn.
ORDINARY: list[tuple[str, str, dict[str, str] | None]] = [
    ("GET", HEADLINE, None),
    ("GET", "/api/v1/exercises?limit=20&q=squat", None),
    ("GET", "/api/v1/exercises/barbell-deadlift", None),
    ("GET", "/api/v1/exercises/goblet-squat/substitutes?exclude_equipment=machine", None),
    ("POST", "/sparql", {"query": IRI_QUERY}),
    ("POST", "/sparql", {"query": "SELECT ?e WHERE { ?e a <https://w3id.org/exgraph/ontology"
                                  "#Exercise> } LIMIT 10"}),
    ("GET", "/exercises/machine-back-extension", None),
    ("GET", "/healthz", None),
]

Attack = Callable[[str], requests.Response]


def sparql(query: str) -> Attack:
    return lambda base: requests.post(base + "/sparql", data={"query": query}, timeout=60)


def api(path: str, accept: str = "application/json") -> Attack:
    return lambda base: requests.get(base + path, headers={"Accept": accept}, timeout=60)


ATTACKS: dict[str, Attack] = {
    "runaway query": sparql(RUNAWAY),
    "16 KB operator chain": sparql("SELECT (1" + "+1" * 8000 + " AS ?x) {}"),
    "slow full parse": sparql('SELECT ("service" AS ?y) (1' + "+1" * 1500 + " AS ?x) {}"),
    "deep nesting": sparql("SELECT * " + "{" * 5000 + "}" * 5000),
    "memory bomb": sparql(MEMORY_BOMB),
    "16 MiB row": sparql(HUGE_ROW),
    "simple query": sparql(IRI_QUERY),
    "248 KB API URL": api("/api/v1/queries/exercises-with-equipment?equipment="
                          + ",".join(["barbell"] * 31_000)),
    "300 API values": api("/api/v1/queries/exercises-with-equipment?equipment="
                          + ",".join(["barbell"] * 300)),
    "Accept variants": lambda base: api("/api/v1/exercises?limit=1000",
                                        f"application/json;q=0.{time.monotonic_ns() % 9 + 1}, "
                                        f"text/x-{time.monotonic_ns()}")(base),
}


def attacker(base: str, name: str, attack: Attack, until: float,
             statuses: dict[str, collections.Counter[int]]) -> None:
    while time.monotonic() < until:
        try:
            statuses[name][attack(base).status_code] += 1
        except requests.RequestException as exc:
            statuses[name][type(exc).__name__] += 1  # type: ignore[index]


class Ordinary:
    """Ordinary clients' outcomes, per interval: latencies of answers, lost and shed requests."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.lock = threading.Lock()
        self.latencies: dict[int, list[float]] = collections.defaultdict(list)
        self.lost: dict[int, list[str]] = collections.defaultdict(list)
        self.shed: collections.Counter[int] = collections.Counter()

    def bucket(self) -> int:
        return int((time.monotonic() - self.start) // INTERVAL)

    def client(self, base: str, offset: int, until: float) -> None:
        session = requests.Session()
        turn = offset
        while time.monotonic() < until:
            method, path, data = ORDINARY[turn % len(ORDINARY)]
            turn += 1
            started = time.monotonic()
            try:
                response = session.request(method, base + path, data=data, timeout=30,
                                           headers={"Accept": "application/json"}
                                           if path.startswith("/api") else None)
                status: int | str = response.status_code
                shed = status == 503 and "Retry-After" in response.headers
            except requests.RequestException as exc:
                status, shed = type(exc).__name__, False
            elapsed = time.monotonic() - started
            with self.lock:
                if status == 200:
                    self.latencies[self.bucket()].append(elapsed)
                elif shed:
                    self.shed[self.bucket()] += 1
                else:
                    self.lost[self.bucket()].append(f"{method} {path[:60]}: {status}")


def tree_rss(pid: int) -> int:
    """RSS of pid and its children (the SPARQL workers)."""
    total = rss_bytes(pid)
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for kid in child.read_text().split():
            with contextlib.suppress(OSError, LookupError):
                total += rss_bytes(int(kid))
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def idle_connections(base: str, until: float) -> None:
    address = (urlsplit(base).hostname, urlsplit(base).port)
    sockets: list[socket.socket] = []
    while time.monotonic() < until:
        while len(sockets) < IDLE_CONNECTIONS:
            try:
                sock = socket.create_connection(address, timeout=5)
            except OSError:
                break
            if len(sockets) % 3 == 0:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            sockets.append(sock)
        time.sleep(1)
        # the server closes idle ones after CHANNEL_TIMEOUT: open new ones in their place
        alive = []
        for sock in sockets:
            sock.setblocking(False)
            try:
                closed = sock.recv(1) == b""
            except BlockingIOError:
                closed = False
            except OSError:
                closed = True
            if closed:
                sock.close()
            else:
                alive.append(sock)
        sockets = alive
    for sock in sockets:
        sock.close()


def main() -> int:
    statuses: dict[str, collections.Counter[int]] = {
        name: collections.Counter() for name in ATTACKS}
    with running_server() as base:
        pid = server_pid(base)
        rss: list[tuple[float, int]] = [(0.0, tree_rss(pid))]
        prober = Prober(base)
        probe_thread = threading.Thread(target=prober.run, daemon=True)
        probe_thread.start()
        start = time.monotonic()
        until = start + SECONDS
        ordinary = Ordinary(start)
        threads = [threading.Thread(target=attacker, args=(base, name, attack, until, statuses))
                   for name, attack in ATTACKS.items()]
        clients = max(1, CONNECTIONS - len(ATTACKS))
        threads += [threading.Thread(target=ordinary.client, args=(base, i, until))
                    for i in range(clients)]
        threads.append(threading.Thread(target=idle_connections, args=(base, until)))
        for thread in threads:
            thread.start()
        while time.monotonic() < until:
            time.sleep(min(INTERVAL / 6, max(0.0, until - time.monotonic())))
            rss.append((time.monotonic() - start, tree_rss(pid)))
        for thread in threads:
            thread.join()
        prober.stop()
        probe_thread.join()
        rss.append((time.monotonic() - start, tree_rss(pid)))
    # a probe turned away at once with 503 + Retry-After is load shedding (the server is past
    # what 2 cores answer), counted apart from probes that timed out or failed otherwise
    shed_probes = [f for f in prober.failures if ": 503 after " in f]
    failed_probes = [f for f in prober.failures if f not in shed_probes]
    print(f"soak: {SECONDS:g} s, {len(ATTACKS)} attackers + {clients} ordinary clients "
          f"+ {IDLE_CONNECTIONS} idle connections; {prober.probes} probes, "
          f"{len(failed_probes)} failed, {len(shed_probes)} shed (503 + Retry-After)")
    by_path = collections.Counter(
        (f.split(": ", 1)[0], "shed" if f in shed_probes else "failed") for f in prober.failures)
    for (path, kind), n in sorted(by_path.items()):
        print(f"  {kind} probes of {path}: {n}")
    for failure in failed_probes[:10]:
        print(f"  failed probe: {failure}")
    print(f"\n| {INTERVAL:g} s interval | ordinary answered | lost | shed (503) | p50 ms "
          "| p99 ms | RSS MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    buckets = sorted(set(ordinary.latencies) | set(ordinary.lost) | set(ordinary.shed))
    for b in buckets:
        lat = ordinary.latencies.get(b, [])
        in_bucket = [r for t, r in rss if b * INTERVAL <= t < (b + 1) * INTERVAL] or [rss[-1][1]]
        print(f"| {b + 1} | {len(lat)} | {len(ordinary.lost.get(b, []))} | {ordinary.shed[b]} "
              f"| {percentile(lat, 0.5) * 1000:.1f} | {percentile(lat, 0.99) * 1000:.1f} "
              f"| {max(in_bucket) / 2**20:.0f} |")
    lost = [line for b in buckets for line in ordinary.lost.get(b, [])]
    for line in lost[:10]:
        print(f"  lost: {line}")
    print(f"\nserver + workers RSS: {rss[0][1] / 2**20:.0f} MiB at the start, "
          f"{max(r for _, r in rss) / 2**20:.0f} MiB at most, {rss[-1][1] / 2**20:.0f} MiB "
          "at the end")
    for name, counter in statuses.items():
        answers = ", ".join(f"{status}: {n}" for status, n in sorted(counter.items(), key=str))
        print(f"  {name}: {answers}")
    server_errors = sum(n for c in statuses.values() for s, n in c.items() if s == 500)
    return 1 if failed_probes or server_errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
