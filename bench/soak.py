"""Soak: every attack of issues 11 and 21 at once against one `exgraph serve`, beside ordinary
clients and token writers, while its health is probed. `make soak` runs it for 10 minutes and
fails on any lost ordinary request, missed probe, audit replay mismatch or disk over its bound.

    .venv/bin/python bench/soak.py                                   # 60 s, 32 connections
    SOAK_SECONDS=600 SOAK_CONNECTIONS=32 .venv/bin/python bench/soak.py   # make soak

SOAK_CONNECTIONS connections in all send requests without pause: one per attack below, the rest
ordinary clients cycling through the API (exercise list, document, substitutes, the headline
route), /sparql (the headline query and a small SELECT) and the web pages. Every SOAK_INTERVAL
seconds (60) a line gives the ordinary requests answered, lost, retried after a 503, their p50
and p99, and the RSS of the server with its SPARQL workers.

**Lost**, for an ordinary request: no answer (a connection error, or nothing within the
client's 30 s timeout), any status but 200, or a 503 with ``Retry-After`` (admission: every
slot of the API or of /sparql taken; load shedding the docs describe) that the client, waiting
``Retry-After`` seconds before each new try as it is asked to, still has not turned into a 200
RETRY_BUDGET seconds (60) after its first try. A 503 followed by a 200 on a retry is *not*
lost; it is counted as retried, with the number of 503s.

Attackers run in threads for the whole time: runaway /sparql queries, queries that are slow to
parse or past the shape bounds, memory bombs, huge answers, oversized API URLs and parameter
lists, Accept-header variants, whole-graph export readers, floods of updates without the token
(issue 21), and 1,100 slow-header plus 1,100 idle connections from one address each (127.0.0.2,
127.0.0.3: the per-address cap and the head deadline; each group in a process of its own, as an
attacker's machine is not the clients'). Token writers send valid updates (a label added, a
label removed) and shape-breaking ones (a step position "abc", a difficulty "banana" in a
source graph, a RAND() wipe) without pause. The server writes its audit log, snapshots and
temporary files in one state directory with small bounds (AUDIT_MAX_BYTES 1 MB, AUDIT_KEEP 2,
SNAPSHOT_KEEP 2): at the end the soak checks that every committed change matches its audit
line, by replaying the audit's effects onto the snapshot taken at the start (a flagged CLEAR
of an empty graph writes one) and comparing with the snapshot taken at the end, and that the
directory stayed within its bounds.

A prober in a process of its own (a monitoring agent is not one of the clients: in the soak's
process their threads would delay its clock) asks /healthz every 0.25 s on a fresh connection:
a **missed probe** is anything but 200 within PROBE_LIMIT (2 s). It asks the headline API route
as often, with an ordinary client's rule (missed: no answer within 30 s, or anything but 200
or an admission 503 with Retry-After), and reports its latency and how many took over 2 s.

Exit status 1 when a health probe was missed, an ordinary request or headline probe lost, any
answer was a 500, the audit replay did not match or the state directory went past its bound.
"""

from __future__ import annotations

import collections
import functools
import http.client
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from tests.hostile_clients import SlowClients
from tests.server import running_server
from tests.system.hostile.test_hostile import (
    HUGE_ROW,
    IRI_QUERY,
    MEMORY_BOMB,
    PROBE_EVERY,
    PROBE_LIMIT,
    RUNAWAY,
    rss_bytes,
    server_pid,
)

SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "32"))
INTERVAL = float(os.environ.get("SOAK_INTERVAL", "60"))
SLOW_CLIENTS = int(os.environ.get("SOAK_SLOW_CLIENTS", "1100"))
#: Seconds after its first try within which an ordinary request shed with 503 + Retry-After
#: must have been answered 200 (retrying after Retry-After each time), or it is lost.
RETRY_BUDGET = float(os.environ.get("SOAK_RETRY_BUDGET", "60"))
#: The ordinary client's timeout for one try.
CLIENT_TIMEOUT = 30
#: Seconds between a token writer's updates (operators write now and then, not in a loop).
WRITE_EVERY = float(os.environ.get("SOAK_WRITE_EVERY", "1"))
TOKEN = "soak-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
EXG = "https://w3id.org/exgraph/ontology#"
ID = "https://w3id.org/exgraph/id/"
#: The state directory's bounds: audit log and its rotations, snapshots (2 x ~40 MB on the
#: full graph), temporary files.
AUDIT_MAX_BYTES = 1_000_000
AUDIT_KEEP = 2
SNAPSHOT_KEEP = 2
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


def flood(base: str) -> requests.Response:
    """An update without the right token (a wrong one, or none, in turn)."""
    headers = {"Content-Type": "application/sparql-update"}
    if time.monotonic_ns() % 2:
        headers["Authorization"] = "Bearer wrong"
    return requests.post(base + "/sparql", data=b'INSERT DATA { <urn:x:s> <urn:x:p> "'
                         + b"x" * 4000 + b'" }', headers=headers, timeout=60)


ATTACKS["update flood"] = flood
ATTACKS["export reader"] = api("/export.nt", "application/n-triples")


class Writers:
    """Token writers: valid updates (a label added, an earlier one removed) and shape-breaking
    ones, in turn; counts outcomes."""

    def __init__(self) -> None:
        self.statuses: collections.Counter[str] = collections.Counter()
        self.serial = 0
        self.lock = threading.Lock()

    def updates(self, exercise: str, serial: int) -> list[tuple[str, str]]:
        label = f"<{exercise}> <http://www.w3.org/2004/02/skos/core#altLabel>"
        return [
            ("valid insert", f'INSERT DATA {{ {label} "soak {serial}" }}'),
            ("valid delete", f'DELETE DATA {{ {label} "soak {serial}" }}'),
            ("bad position", f'INSERT DATA {{ <{ID}exercise/machine-back-extension/step/1> '
                             f'<{EXG}position> "abc" }}'),
            ("bad source graph", f'INSERT DATA {{ GRAPH <{ID}source/curated> {{ <{exercise}> '
                                 f'<{EXG}difficulty> "banana" }} }}'),
            ("RAND wipe", "DELETE { ?s ?p ?o } WHERE { { SELECT (RAND() AS ?r) {} } "
                          "FILTER(?r < 0.5) ?s ?p ?o }"),
        ]

    def run(self, base: str, exercises: list[str], until: float) -> None:
        lower_priority()
        while time.monotonic() < until:
            with self.lock:
                self.serial += 1
                serial = self.serial
            exercise = exercises[serial % len(exercises)]
            for name, text in self.updates(exercise, serial):
                try:
                    status: int | str = requests.post(base + "/sparql", data=text.encode(),
                                                      headers=AUTH, timeout=60).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                with self.lock:
                    self.statuses[f"{name}: {status}"] += 1
                time.sleep(WRITE_EVERY)


def snapshot(base: str) -> Path:
    """A snapshot of the whole store now: a flagged CLEAR of an empty graph is destructive by
    name (so the server writes one) and changes nothing."""
    deadline = time.monotonic() + 300
    while True:  # shed (503 + Retry-After) while the attackers' queries hold /sparql's slots
        response = requests.post(base + "/sparql",
                                 data=b"CLEAR SILENT GRAPH <urn:x:soak-empty>",
                                 headers={**AUTH, "Exgraph-Allow-Destructive": "true"},
                                 timeout=300)
        wait = shed(response)
        if wait is None or time.monotonic() > deadline:
            break
        time.sleep(wait)
    response.raise_for_status()
    return Path(str(audit_records()[-1]["snapshot"]))


@functools.cache
def state_dir() -> Path:
    """The server's state directory: SOAK_STATE, or a new temporary directory (made on first
    use, not on import: tests import this module)."""
    return Path(os.environ.get("SOAK_STATE") or tempfile.mkdtemp(prefix="exgraph-soak-"))


def audit_records() -> list[dict[str, object]]:
    from exgraph.graph.backups import AuditLog

    return AuditLog(state_dir() / "audit.jsonl", keep=AUDIT_KEEP).records(rotated=True)


def replay_check(start: Path, end: Path) -> tuple[bool, str]:
    """Replay the audit's committed effects between the two snapshots onto the first; compare
    with the second. A line of the outcome."""
    import pyoxigraph as ox

    records = audit_records()
    paths = [str(r.get("snapshot")) for r in records]
    first, last = paths.index(str(start)), paths.index(str(end))
    state = set(ox.parse(path=str(start), format=ox.RdfFormat.N_QUADS))
    applied = missing = 0
    for record in records[first + 1:last]:
        if record.get("outcome") != "applied":
            continue
        applied += 1
        effect = record.get("effect")
        if not isinstance(effect, dict):
            missing += 1
            continue
        state -= set(ox.parse("\n".join(effect["removed"]), format=ox.RdfFormat.N_QUADS))
        state |= set(ox.parse("\n".join(effect["added"]), format=ox.RdfFormat.N_QUADS))
    final = set(ox.parse(path=str(end), format=ox.RdfFormat.N_QUADS))
    verdict = "match" if state == final and not missing else (
        f"DIFFER ({len(state - final)} extra, {len(final - state)} missing quads, "
        f"{missing} lines without their effect)")
    return verdict == "match", (
        f"audit replay: {applied} applied updates between the snapshots replayed onto the "
        f"first: {verdict} the second ({len(final)} quads); "
            f"{sum(1 for r in records if r.get('sampled'))} sampled lines stand for "
            f"{sum(int(r.get('refusals', 0)) for r in records)} refusals without the token")  # type: ignore[call-overload]


def directory_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def attacker(base: str, name: str, attack: Attack, until: float,
             statuses: dict[str, collections.Counter[int]]) -> None:
    lower_priority()
    while time.monotonic() < until:
        try:
            statuses[name][attack(base).status_code] += 1
        except requests.RequestException as exc:
            statuses[name][type(exc).__name__] += 1  # type: ignore[index]


#: The nice value of the load generators' threads and processes (clients, attackers, writers,
#: slow clients): on this one machine they share the server's cores, which clients on other
#: machines would not; at a lower priority they take what the server leaves. The prober and
#: the server keep the default priority; the other jobs on the machine keep theirs.
LOAD_NICE = int(os.environ.get("SOAK_LOAD_NICE", "10"))


def lower_priority() -> None:
    """Lower the calling thread's priority to LOAD_NICE (Linux: nice is per thread)."""
    if LOAD_NICE:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOAD_NICE)


def shed(response: requests.Response) -> float | None:
    """The seconds to wait when response is an admission 503 with Retry-After, else None."""
    if response.status_code != 503 or "Retry-After" not in response.headers:
        return None
    try:
        return max(0.0, float(response.headers["Retry-After"]))
    except ValueError:
        return None


def ask(session: requests.Session, method: str, url: str, data: dict[str, str] | None,
        first_timeout: float = CLIENT_TIMEOUT) -> tuple[int | str, int, float]:
    """One ordinary request as a well-behaved client makes it: a 503 with Retry-After is tried
    again after Retry-After seconds, until a 200 or RETRY_BUDGET seconds after the first try.
    The final status (or the exception's name), the 503s met, and the seconds to the last
    answer."""
    started = time.monotonic()
    retries = 0
    headers = {"Accept": "application/json"} if "/api/" in url else None
    timeout = first_timeout
    while True:
        try:
            response = session.request(method, url, data=data, timeout=timeout,
                                       headers=headers)
        except requests.RequestException as exc:
            return type(exc).__name__, retries, time.monotonic() - started
        wait = shed(response)
        if wait is None or time.monotonic() + wait - started > RETRY_BUDGET:
            return response.status_code, retries, time.monotonic() - started
        retries += 1
        time.sleep(wait)
        timeout = CLIENT_TIMEOUT


class Ordinary:
    """Ordinary clients' outcomes, per interval: latencies of answers, lost requests, requests
    answered after one or more 503 + Retry-After."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.lock = threading.Lock()
        self.latencies: dict[int, list[float]] = collections.defaultdict(list)
        self.lost: dict[int, list[str]] = collections.defaultdict(list)
        self.retried: collections.Counter[int] = collections.Counter()  # answered after 503s
        self.sheds: collections.Counter[int] = collections.Counter()  # 503s met in all
        self.sheds_by_path: collections.Counter[str] = collections.Counter()
        self.slowest: dict[str, float] = {}  # path -> the longest time to its 200

    def bucket(self) -> int:
        return int((time.monotonic() - self.start) // INTERVAL)

    def client(self, base: str, offset: int, until: float) -> None:
        lower_priority()
        session = requests.Session()
        turn = offset
        while time.monotonic() < until:
            method, path, data = ORDINARY[turn % len(ORDINARY)]
            turn += 1
            status, retries, elapsed = ask(session, method, base + path, data)
            with self.lock:
                bucket = self.bucket()
                self.sheds[bucket] += retries
                self.sheds_by_path[f"{method} {path[:50]}"] += retries
                if status == 200:
                    key = f"{method} {path[:50]}"
                    self.slowest[key] = max(self.slowest.get(key, 0.0), elapsed)
                    self.latencies[bucket].append(elapsed)
                    if retries:
                        self.retried[bucket] += 1
                else:
                    self.lost[bucket].append(f"{method} {path[:60]}: {status} "
                                             f"after {retries} 503s, {elapsed:.1f} s")


#: A health probe slower than this is reported split into connecting and answering.
SLOW_PROBE = 0.5


def health_probe(base: str, limit: float) -> tuple[int | str, float]:
    """GET /healthz on a fresh connection within limit seconds in all: its status (or the
    exception's name) and the seconds the TCP connection took to open. A connect near 1 s or
    3 s is a SYN the kernel dropped at a full listen queue and the client's retry; the rest is
    the server's (its event loop reading the head, a worker thread, the app)."""
    parts = urlsplit(base)
    began = time.monotonic()
    connected = 0.0
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80,
                                            timeout=limit)
    try:
        connection.connect()
        connected = time.monotonic() - began
        if connection.sock is not None:
            connection.sock.settimeout(max(0.01, limit - connected))
        connection.request("GET", "/healthz", headers={"Connection": "close",
                                                       "Accept": "application/json"})
        answer = connection.getresponse()
        answer.read()
        return answer.status, connected
    except (OSError, http.client.HTTPException) as exc:
        return type(exc).__name__, connected or time.monotonic() - began
    finally:
        connection.close()


def probe_process(base: str, stop: Any, results: Any) -> None:
    """The prober, in a process of its own: /healthz must answer 200 within PROBE_LIMIT; the
    headline route is an ordinary request (a 503 with Retry-After is an answer). Sends its
    outcome to results when stop is set. Runs at the server's priority (not lowered)."""
    began_at = time.monotonic()
    health: dict[str, Any] = {"probes": 0, "missed": [], "latencies": [], "slow": []}
    headline: dict[str, Any] = {"probes": 0, "missed": [], "latencies": [], "shed": 0}
    while not stop.is_set():
        started = time.monotonic()
        for path, outcome in (("/healthz", health), (HEADLINE, headline)):
            outcome["probes"] += 1
            began = time.monotonic()
            limit = PROBE_LIMIT if path == "/healthz" else CLIENT_TIMEOUT
            response = None
            if path == "/healthz":
                status, connected = health_probe(base, limit)
            else:
                try:
                    response = requests.get(base + path, timeout=limit,
                                            headers={"Connection": "close",
                                                     "Accept": "application/json"})
                    status = response.status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                connected = None
            elapsed = time.monotonic() - began
            outcome["latencies"].append(elapsed)
            if connected is not None and elapsed > SLOW_PROBE:
                health["slow"].append((connected, elapsed - connected))
            if path == HEADLINE and response is not None and shed(response) is not None:
                headline["shed"] += 1
            elif status != 200 or elapsed > limit:
                outcome["missed"].append(f"{path[:40]}: {status} after {elapsed:.2f} s, "
                                         f"{began - began_at:.0f} s in (at "
                                         f"{time.time() - elapsed:.3f})")
        stop.wait(max(0.0, PROBE_EVERY - (time.monotonic() - started)))
    results.put({"health": health, "headline": headline})


def slow_process(address: tuple[str, int], mode: str, source: str, stop: Any,
                 results: Any) -> None:
    """SLOW_CLIENTS slow-header or idle connections from source, in a process of their own,
    until stop is set; sends their counters to results."""
    lower_priority()
    clients = SlowClients(address, SLOW_CLIENTS, mode=mode, every=10, source=source)
    with clients:
        stop.wait()
    results.put({"opened": clients.opened, "closed": clients.closed_by_server,
                 "failed": clients.failed_connects})


def tree_rss(pid: int) -> int:
    """RSS of pid and its children (the SPARQL workers)."""
    total = rss_bytes(pid)
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for kid in child.read_text().split():
            with contextlib.suppress(OSError, LookupError):
                total += rss_bytes(int(kid))
    return total


def listen_drops() -> int | None:
    """The kernel's count of connections dropped at a full listen queue (``ListenDrops`` in
    /proc/net/netstat, for the whole machine since boot); None where it cannot be read. A
    dropped SYN is sent again after 1 s, then 3 s: a probe behind two drops misses."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            table = dict(zip(names.split()[1:], values.split()[1:], strict=False))
            return int(table["ListenDrops"]) if "ListenDrops" in table else None
    return None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    statuses: dict[str, collections.Counter[int]] = {
        name: collections.Counter() for name in ATTACKS}
    state = state_dir()
    env = {"EXGRAPH_UPDATE_TOKEN": TOKEN, "EXGRAPH_AUDIT_LOG": str(state / "audit.jsonl"),
           "EXGRAPH_SNAPSHOT_DIR": str(state / "snapshots"), "TMPDIR": str(state / "tmp"),
           "EXGRAPH_AUDIT_MAX_BYTES": str(AUDIT_MAX_BYTES), "EXGRAPH_AUDIT_KEEP": str(AUDIT_KEEP),
           "EXGRAPH_SNAPSHOT_KEEP": str(SNAPSHOT_KEEP), "EXGRAPH_REFUSAL_LOG_INTERVAL": "10"}
    (state_dir() / "tmp").mkdir(parents=True, exist_ok=True)
    writers = Writers()
    disk: list[int] = []
    # fork before any thread of this process starts: the prober and the slow clients
    processes = multiprocessing.get_context("fork")
    stop = processes.Event()
    results = processes.Queue()
    drops_before = listen_drops()
    with running_server(env=env) as base:
        pid = server_pid(base)
        exercises = [row["e"]["value"] for row in requests.post(
            base + "/sparql", timeout=60, data={"query": f"SELECT ?e {{ ?e a <{EXG}Exercise> }} "
                                                         "ORDER BY ?e LIMIT 50"},
            headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]]
        first_snapshot = snapshot(base)
        address = (urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80)
        children = [
            processes.Process(target=slow_process, args=(address, "slow", "127.0.0.2", stop,
                                                         results), name="slow"),
            processes.Process(target=slow_process, args=(address, "idle", "127.0.0.3", stop,
                                                         results), name="idle"),
            processes.Process(target=probe_process, args=(base, stop, results), name="prober"),
        ]
        for child in children:
            child.start()
        rss: list[tuple[float, int]] = [(0.0, tree_rss(pid))]
        start = time.monotonic()
        until = start + SECONDS
        ordinary = Ordinary(start)
        threads = [threading.Thread(target=attacker, args=(base, name, attack, until, statuses))
                   for name, attack in ATTACKS.items()]
        clients = max(1, CONNECTIONS - len(ATTACKS))
        threads += [threading.Thread(target=ordinary.client, args=(base, i, until))
                    for i in range(clients)]
        threads += [threading.Thread(target=writers.run, args=(base, exercises, until))
                    for _ in range(2)]
        for thread in threads:
            thread.start()
        while time.monotonic() < until:
            time.sleep(min(INTERVAL / 6, max(0.0, until - time.monotonic())))
            rss.append((time.monotonic() - start, tree_rss(pid)))
            disk.append(directory_bytes(state_dir()))
        for thread in threads:
            thread.join()
        stop.set()
        outcomes = [results.get(timeout=120) for _ in children]
        for child in children:
            child.join(30)
        rss.append((time.monotonic() - start, tree_rss(pid)))
        last_snapshot = snapshot(base)
        disk.append(directory_bytes(state_dir()))
    drops_after = listen_drops()
    probes = next(o for o in outcomes if "health" in o)
    slow, idle = [o for o in outcomes if "opened" in o]
    health, headline = probes["health"], probes["headline"]
    print(f"soak: {SECONDS:g} s, {len(ATTACKS)} attackers + {clients} ordinary clients "
          f"+ 2 token writers + {SLOW_CLIENTS} slow-header and {SLOW_CLIENTS} idle connections "
          f"(opened {slow['opened'] + idle['opened']} times in all, closed by the server "
          f"{slow['closed'] + idle['closed']} times)")
    print(f"health probes: {health['probes']}, {len(health['missed'])} missed; latency p50 "
          f"{percentile(health['latencies'], 0.5) * 1000:.0f} ms, p99 "
          f"{percentile(health['latencies'], 0.99) * 1000:.0f} ms, max "
          f"{max(health['latencies'], default=0) * 1000:.0f} ms")
    slow_probes = health["slow"]
    print(f"health probes over {SLOW_PROBE:g} s: {len(slow_probes)}, of which connecting took "
          f"over {SLOW_PROBE:g} s in {sum(c > SLOW_PROBE for c, _ in slow_probes)} (a dropped "
          f"SYN's retry) and answering in {sum(a > SLOW_PROBE for _, a in slow_probes)}; the "
          "slowest (connect + answer, s): " + ", ".join(
              f"{c:.2f} + {a:.2f}" for c, a in sorted(slow_probes, key=sum, reverse=True)[:5]))
    print(f"headline probes: {headline['probes']}, {len(headline['missed'])} missed, "
          f"{headline['shed']} answered 503 + Retry-After; latency p50 "
          f"{percentile(headline['latencies'], 0.5) * 1000:.0f} ms, p99 "
          f"{percentile(headline['latencies'], 0.99) * 1000:.0f} ms, "
          f"{sum(t > PROBE_LIMIT for t in headline['latencies'])} over {PROBE_LIMIT:g} s")
    for failure in (health["missed"] + headline["missed"])[:10]:
        print(f"  missed probe: {failure}")
    if drops_before is not None and drops_after is not None:
        print(f"connections dropped at a full listen queue (the machine's ListenDrops): "
              f"{drops_after - drops_before}")
    print(f"\n| {INTERVAL:g} s interval | ordinary answered | lost | answered after a 503 "
          "| 503s met | p50 ms | p99 ms | RSS MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    buckets = sorted(set(ordinary.latencies) | set(ordinary.lost) | set(ordinary.sheds))
    for b in buckets:
        lat = ordinary.latencies.get(b, [])
        in_bucket = [r for t, r in rss if b * INTERVAL <= t < (b + 1) * INTERVAL] or [rss[-1][1]]
        print(f"| {b + 1} | {len(lat)} | {len(ordinary.lost.get(b, []))} "
              f"| {ordinary.retried[b]} | {ordinary.sheds[b]} "
              f"| {percentile(lat, 0.5) * 1000:.1f} | {percentile(lat, 0.99) * 1000:.1f} "
              f"| {max(in_bucket) / 2**20:.0f} |")
    lost = [line for b in buckets for line in ordinary.lost.get(b, [])]
    answered = sum(len(v) for v in ordinary.latencies.values())
    print(f"ordinary requests: {answered + len(lost)}, answered {answered} "
          f"({sum(ordinary.retried.values())} after 503 + Retry-After), lost {len(lost)}")
    for line in lost[:10]:
        print(f"  lost: {line}")
    for key in sorted(ordinary.slowest):
        print(f"  {key}: 503s met {ordinary.sheds_by_path[key]}, slowest answer "
              f"{ordinary.slowest[key]:.1f} s")
    print(f"\nserver + workers RSS: {rss[0][1] / 2**20:.0f} MiB at the start, "
          f"{max(r for _, r in rss) / 2**20:.0f} MiB at most, {rss[-1][1] / 2**20:.0f} MiB "
          "at the end")
    for name, counter in statuses.items():
        answers = ", ".join(f"{status}: {n}" for status, n in sorted(counter.items(), key=str))
        print(f"  {name}: {answers}")
    for outcome, n in sorted(writers.statuses.items()):
        print(f"  writer {outcome}: {n}")
    replayed, replay = replay_check(first_snapshot, last_snapshot)
    print(replay)
    bound = AUDIT_MAX_BYTES * (AUDIT_KEEP + 1) + SNAPSHOT_KEEP * first_snapshot.stat().st_size \
        + 64 * 1024 * 1024  # + the prepared exports
    print(f"state directory {state_dir()}: {max(disk) / 2**20:.1f} MiB at most, "
          f"{disk[-1] / 2**20:.1f} MiB at the end (bound {bound / 2**20:.0f} MiB: audit "
          f"{AUDIT_MAX_BYTES / 2**20:.1f} MiB x {AUDIT_KEEP + 1}, {SNAPSHOT_KEEP} snapshots, "
          f"exports); audit files: "
          + ", ".join(f"{p.name} {p.stat().st_size}" for p in sorted(state.glob("audit.jsonl*"))))
    server_errors = sum(n for c in statuses.values() for s, n in c.items() if s == 500)
    server_errors += sum(n for k, n in writers.statuses.items() if k.endswith(": 500"))
    failures = {
        "missed health probes": len(health["missed"]),
        "missed headline probes": len(headline["missed"]),
        "lost ordinary requests": len(lost),
        "500 answers": server_errors,
        "audit replay mismatch": int(not replayed),
        "state directory over its bound": int(max(disk) > bound),
    }
    failed = {name: n for name, n in failures.items() if n}
    # the details again at the very end: CI keeps only the tail of a failed run's output
    for failure in (health["missed"] + headline["missed"])[:10]:
        print(f"  missed probe: {failure}")
    for line in lost[:10]:
        print(f"  lost: {line}")
    print("soak: " + ("FAILED: " + ", ".join(f"{n} {name}" for name, n in failed.items())
                      if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
