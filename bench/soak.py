"""Soak: every attack of issue 11 at once against one `exgraph serve`, while its health is probed.

    .venv/bin/python bench/soak.py             # 60 s
    SOAK_SECONDS=600 .venv/bin/python bench/soak.py

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
IDLE_CONNECTIONS = 150

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
        rss_start = rss_bytes(pid)
        prober = Prober(base)
        probe_thread = threading.Thread(target=prober.run, daemon=True)
        probe_thread.start()
        until = time.monotonic() + SECONDS
        threads = [threading.Thread(target=attacker, args=(base, name, attack, until, statuses))
                   for name, attack in ATTACKS.items()]
        threads.append(threading.Thread(target=idle_connections, args=(base, until)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        prober.stop()
        probe_thread.join()
        rss_end = rss_bytes(pid)
    print(f"soak: {SECONDS:g} s, {prober.probes} probes, {len(prober.failures)} failed")
    for failure in prober.failures[:20]:
        print(f"  failed probe: {failure}")
    print(f"server RSS: {rss_start / 2**20:.0f} MiB at the start, {rss_end / 2**20:.0f} MiB "
          "at the end")
    for name, counter in statuses.items():
        answers = ", ".join(f"{status}: {n}" for status, n in sorted(counter.items(), key=str))
        print(f"  {name}: {answers}")
    server_errors = sum(n for c in statuses.values() for s, n in c.items() if s == 500)
    return 1 if prober.failures or server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
