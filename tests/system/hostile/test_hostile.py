"""Hostile input, load and faults against a real ``exgraph serve`` (issue 11, findings 1-6).

Each test starts its own server, attacks it, and meanwhile a background prober asks /healthz and
the headline API route every 0.25 s on fresh connections; a probe fails when it gets anything but
200 within 2 s. Every test requires zero failed probes and no 500 anywhere. Attackers' requests
get no time limits of their own beyond generous client timeouts: only the prober is timed.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from tests.hostile_clients import SlowClients, nginx_binary, running_nginx
from tests.server import running_server

pytestmark = [pytest.mark.hostile, pytest.mark.server, pytest.mark.slow]

HEADLINE_API = ("/api/v1/exercises/machine-back-extension/alternatives"
                "?exclude_equipment=machine&difficulty=low")
PROBED = ("/healthz", HEADLINE_API)
PROBE_EVERY = 0.25
PROBE_LIMIT = 2.0
#: Client timeout of attackers' requests: a hang fails the test, slowness does not.
PATIENCE = 60

IRI_QUERY = ("SELECT ?label WHERE { <https://w3id.org/exgraph/id/exercise/machine-back-extension>"
             " <http://www.w3.org/2000/01/rdf-schema#label> ?label }")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ERROR_STATUSES = {400, 413, 414, 503}


# ---------------------------------------------------------------------------------------------
# The prober and helpers


@dataclass
class Prober:
    """Probes PROBED on base_url every PROBE_EVERY seconds in a thread, recording failures."""

    base_url: str
    #: Whether the API route's probe may be shed (503 + Retry-After: admission) without
    #: failing, for tests that fill the API's slots on purpose; /healthz never may.
    shed_ok: bool = False
    probes: int = 0
    shed: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self._stop.is_set():
            for path in PROBED:
                self.probe(path)
            self._stop.wait(PROBE_EVERY)

    def probe(self, path: str) -> None:
        self.probes += 1
        started = time.monotonic()
        try:
            response = requests.get(self.base_url + path, timeout=PROBE_LIMIT,
                                    headers={"Connection": "close"})
        except requests.RequestException as exc:
            self.failures.append(f"{path}: {type(exc).__name__} after "
                                 f"{time.monotonic() - started:.2f} s")
            return
        elapsed = time.monotonic() - started
        if self.shed_ok and path != "/healthz" and response.status_code == 503 \
                and "Retry-After" in response.headers and elapsed <= PROBE_LIMIT:
            self.shed += 1
            return
        if response.status_code != 200 or elapsed > PROBE_LIMIT:
            self.failures.append(f"{path}: {response.status_code} after {elapsed:.2f} s")

    def stop(self) -> None:
        self._stop.set()


@contextmanager
def probing(base_url: str, *, shed_ok: bool = False) -> Iterator[Prober]:
    """Probe base_url's health while the block runs; fail if any probe failed (with shed_ok,
    a 503 + Retry-After to the API route's probe is load shedding, not a failure)."""
    prober = Prober(base_url, shed_ok=shed_ok)
    thread = threading.Thread(target=prober.run, daemon=True)
    thread.start()
    try:
        yield prober
    finally:
        prober.stop()
        thread.join()
    assert prober.probes >= len(PROBED)
    assert not prober.failures, f"{len(prober.failures)} of {prober.probes} probes failed: " \
                                f"{prober.failures[:10]}"


def concurrently(calls: list[Callable[[], requests.Response]]) -> list[requests.Response]:
    """Run every call at once (one thread each, released together); their responses in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], requests.Response]) -> requests.Response:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def sparql(base_url: str, query: str, **headers: str) -> Callable[[], requests.Response]:
    return lambda: requests.post(base_url + "/sparql", data={"query": query}, timeout=PATIENCE,
                                 headers={"Accept": "application/sparql-results+json", **headers})


def assert_error_shape(response: requests.Response) -> None:
    """The one JSON error shape, with a status we expect from a bound (never a 500)."""
    assert response.status_code in ERROR_STATUSES, (response.status_code, response.text[:300])
    body = response.json()
    assert body["ok"] is False and body["status"] == response.status_code and body["error"]
    if response.status_code == 503:
        assert int(response.headers["Retry-After"]) >= 1


def headline_sparql_works(base_url: str) -> None:
    response = sparql(base_url, IRI_QUERY)()
    assert response.status_code == 200, response.text[:300]
    labels = [b["label"]["value"] for b in response.json()["results"]["bindings"]]
    assert "Machine back extension" in labels


def server_pid(base_url: str) -> int:
    """The pid of the ``exgraph serve`` listening on base_url's port."""
    port = str(urlsplit(base_url).port)
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in args and b"--port" in args and port.encode() in args:
            return int(cmdline.parent.name)
    raise LookupError(f"no exgraph serve on port {port}")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise LookupError("VmRSS")


# ---------------------------------------------------------------------------------------------
# Finding 1: concurrent first queries


FIRST_QUERIES = [
    IRI_QUERY,
    "ASK { <https://w3id.org/exgraph/id/exercise/machine-back-extension> ?p ?o }",
    # "service" / "load" in a string or an IRI: these take the full parse, in a worker
    'SELECT ?x WHERE { BIND("service" AS ?x) }',
    "SELECT ?o WHERE { <urn:x:download> ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3",
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",  # refused: 400
    "SELECT * WHERE { ?s ?p",  # malformed: 400
    "DESCRIBE <https://w3id.org/exgraph/id/exercise/machine-back-extension>",
]


def test_concurrent_first_queries_leave_sparql_working() -> None:
    with running_server() as base, probing(base):
        calls = [sparql(base, FIRST_QUERIES[i % len(FIRST_QUERIES)], Accept="*/*")
                 for i in range(16)]
        for response in concurrently(calls):
            if response.status_code != 200:
                assert_error_shape(response)
        for query in (IRI_QUERY, FIRST_QUERIES[2], FIRST_QUERIES[3]):
            assert sparql(base, query)().status_code == 200
        refused = sparql(base, FIRST_QUERIES[5])()
        assert refused.status_code == 400 and "SERVICE" in refused.json()["error"]
        headline_sparql_works(base)


# ---------------------------------------------------------------------------------------------
# Finding 2: idle and slow-header connections


#: Issue 21's count: above waitress's connection limit (1000).
SLOW_CLIENTS = 1100
#: Seconds the slow clients stay on while the prober runs (two sweeps of the head deadline).
SLOW_SECONDS = 25


def hold_slow_and_idle_clients(base: str) -> tuple[SlowClients, SlowClients]:
    """1,100 slow-header connections (a header line every 10 s, from 127.0.0.2) and 1,100 idle
    ones (from 127.0.0.3) against base for SLOW_SECONDS, while probing from 127.0.0.1; no probe
    may fail."""
    address = (urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80)
    with probing(base), SlowClients(address, SLOW_CLIENTS, mode="slow", every=10) as slow, \
            SlowClients(address, SLOW_CLIENTS, mode="idle", every=2, source="127.0.0.3") as idle:
        time.sleep(SLOW_SECONDS)
        headline_sparql_works(base)
    return slow, idle


def test_slow_header_and_idle_connections_above_the_limit_do_not_lock_anyone_out() -> None:
    """Issue 21, finding 2: waitress alone missed 19 of 20 probes under 1,100 slow-header
    connections and 15 of 84 under 1,100 idle ones; with the per-address cap and the head
    deadline none."""
    with running_server() as base:
        slow, idle = hold_slow_and_idle_clients(base)
        headline_sparql_works(base)
    # the attackers did get through at first, and were turned away or timed out
    assert slow.opened > 64 and slow.closed_by_server > 0
    assert idle.opened > 64 and idle.closed_by_server > 0


def test_the_documented_proxy_holds_against_slow_and_idle_clients(tmp_path: Path) -> None:
    """deploy/nginx.conf in front of exgraph (as the README's production set-up, exgraph with
    no per-address cap behind it) under the same 2,200 connections: no probe through the proxy
    fails."""
    if nginx_binary() is None:
        if os.environ.get("EXGRAPH_REQUIRE_PROXY") == "1":
            pytest.fail("nginx is not installed (.ci/run installs nginx-light)")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    env = {"EXGRAPH_CONNECTIONS_PER_ADDRESS": "0"}
    with running_server(env=env) as base, running_nginx(urlsplit(base).port or 80,
                                                         tmp_path) as proxy:
        slow, idle = hold_slow_and_idle_clients(proxy)
        headline_sparql_works(proxy)
    assert slow.closed_by_server > 0 and idle.closed_by_server > 0


def test_idle_connections_are_closed_after_the_channel_timeout() -> None:
    env = {"EXGRAPH_CHANNEL_TIMEOUT": "2", "EXGRAPH_CLEANUP_INTERVAL": "1"}
    with running_server(env=env) as base:
        address = (urlsplit(base).hostname, urlsplit(base).port)
        with socket.create_connection(address, timeout=PATIENCE) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")  # never finished
            assert sock.recv(1024) == b""  # the server hung up on it


# ---------------------------------------------------------------------------------------------
# Finding 3: queries that are slow to parse


def test_queries_that_are_slow_to_parse_are_bounded() -> None:
    long_sum = "SELECT (1" + "+1" * 8000 + " AS ?x) {}"  # 16 KB: 22 s in rdflib before
    # under the operator bound, but it needs the full parse ("service"): rdflib takes seconds
    slow_parse = 'SELECT ?x ("service" AS ?y) (1' + "+1" * 1500 + " AS ?x) {}"
    cases = [
        (long_sum, {400}),
        ("SELECT * " + "{" * 5000 + "}" * 5000, {400}),  # nesting: Oxigraph's parser recurses
        ("SELECT * {} #" + "x" * 70_000, {413}),
        (slow_parse, {200, 400, 503}),  # answered, or stopped at the time limit
    ]
    with running_server("--query-timeout", "2") as base, probing(base):
        responses = concurrently([sparql(base, query) for query, _ in cases for _ in range(3)])
        for (query, statuses), response in zip(
                [case for case in cases for _ in range(3)], responses, strict=True):
            assert response.status_code in statuses | {503}, (query[:40], response.text[:200])
            if response.status_code != 200:
                assert_error_shape(response)
        headline_sparql_works(base)


# ---------------------------------------------------------------------------------------------
# Finding 4: the JSON API's parameters


@pytest.mark.parametrize(("query_string", "status"), [
    ("equipment=" + ",".join(["barbell"] * 31_000), 414),  # 248 KB of URL
    ("equipment=" + ",".join(["barbell"] * 300), 400),  # 300 values, comma-separated
    ("&".join(["equipment=barbell"] * 300), 400),  # 300 values, repeated
    ("equipment=" + ",".join(["barbell"] * 200), 200),  # within the bound
])
def test_api_list_parameters_are_bounded(api_server: str, query_string: str, status: int) -> None:
    with probing(api_server):
        response = requests.get(f"{api_server}/api/v1/queries/exercises-with-equipment?"
                                f"{query_string}", timeout=PATIENCE)
    if status == 200:
        assert response.status_code == 200, response.text[:300]
    else:
        assert response.status_code == status
        assert_error_shape(response)


@pytest.fixture(scope="module")
def api_server() -> Iterator[str]:
    with running_server() as base:
        yield base


# ---------------------------------------------------------------------------------------------
# Finding 5: runaway /sparql queries and the API


def nice_of(pid: int) -> int:
    """The nice value of a process (field 19 of /proc/PID/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


def test_query_workers_run_below_the_servers_priority() -> None:
    """The /sparql workers (the runaway queries, the reloads after every update) run
    WORKER_NICE (here 3) steps below the server, which keeps its own priority: in the soak the
    server's event loop waited a second and more for a core behind them."""
    with running_server("--workers", "2", env={"EXGRAPH_WORKER_NICE": "3"}) as base:
        headline_sparql_works(base)  # the workers are up
        pid = server_pid(base)
        children = [int(kid) for task in Path(f"/proc/{pid}/task").glob("*/children")
                    for kid in task.read_text().split()]
        assert len(children) >= 2, children
        assert nice_of(pid) == os.getpriority(os.PRIO_PROCESS, 0)
        assert {nice_of(kid) - nice_of(pid) for kid in children} == {3}


def test_runaway_queries_do_not_starve_the_api() -> None:
    with running_server("--query-timeout", "3", "--workers", "2") as base, probing(base):
        responses = concurrently([sparql(base, RUNAWAY) for _ in range(24)])
        statuses = sorted({r.status_code for r in responses})
        assert statuses == [503], statuses  # stopped at the limit, or turned away
        for response in responses:
            assert_error_shape(response)
        headline_sparql_works(base)


def test_the_api_sheds_load_instead_of_taking_every_thread() -> None:
    """More API requests at once than API_CONCURRENCY: the extra ones are answered 503 with
    Retry-After straight away (never a 500, never queued on a thread), the others 200, and
    /healthz and /sparql keep answering throughout."""
    env = {"EXGRAPH_API_CONCURRENCY": "2", "EXGRAPH_THREADS": "8"}
    pages = ["/api/v1/exercises?limit=500&sort=-difficulty", "/exercises/machine-back-extension",
             "/api/v1/exercises/machine-back-extension/substitutes"]
    # the API's 2 slots are filled on purpose: its probe may be shed too (the race the flood
    # wins more often since the server accepts in batches); /healthz must still answer
    with running_server(env=env) as base, probing(base, shed_ok=True):
        paths = [pages[i % len(pages)] for i in range(24)]
        calls: list[Callable[[], requests.Response]] = [
            functools.partial(requests.get, base + path, timeout=30) for path in paths]
        responses = concurrently(calls)
        statuses = sorted({r.status_code for r in responses})
        assert statuses == [200, 503], statuses
        for response in responses:
            if response.status_code == 503:
                assert_error_shape(response)
        headline_sparql_works(base)


# ---------------------------------------------------------------------------------------------
# Finding 6: memory


def test_accept_header_variants_share_one_cache_entry() -> None:
    big_page = "/api/v1/exercises?limit=1000"
    with running_server(env={"EXGRAPH_IMPORTS": "1"}) as base, probing(base):
        pid = server_pid(base)
        first = requests.get(base + big_page, timeout=PATIENCE)
        assert first.status_code == 200 and len(first.content) > 100_000
        before = rss_bytes(pid)
        with requests.Session() as session:
            for i in range(2048):
                accept = f"application/json;q=0.{i % 9 + 1}, text/x-{i};q=0.1"
                response = session.get(base + big_page, headers={"Accept": accept},
                                       timeout=PATIENCE)
                assert response.status_code == 200 and response.content == first.content
        grown = rss_bytes(pid) - before
        # 2,048 cached copies would be ~2,048 x the page (359 kB, 28 kB gzipped); one is one.
        # One replay body per spelling grew it 56 MiB (64 under load); shared bodies, 17 MiB
        assert grown < 40 * 1024 * 1024, f"the server grew by {grown / 2**20:.0f} MiB"


#: A ~100-character query whose one row is a 16 MiB string.
HUGE_ROW = ('SELECT ?x { BIND(CONCAT("aaaaaaaaaaaaaaaa","aaaaaaaaaaaaaaaa") AS ?a) '
            + "".join(f"BIND(CONCAT({v}, {v}, {v}, {v}, {v}, {v}, {v}, {v}, {v}, {v}, {v}, {v}, "
                      f"{v}, {v}, {v}, {v}) AS {n}) " for v, n in
                      [("?a", "?b"), ("?b", "?c"), ("?c", "?d"), ("?d", "?e"), ("?e", "?x")])
            + "}")
#: Strings of 16 x 2^28 bytes: past any worker's memory limit.
MEMORY_BOMB = HUGE_ROW.replace("AS ?x) }", "AS ?f) BIND(CONCAT(?f, ?f, ?f, ?f, ?f, ?f, ?f, "
                                           "?f, ?f, ?f, ?f, ?f, ?f, ?f, ?f, ?f) AS ?x) }")


def test_answers_and_workers_are_bounded_in_memory() -> None:
    # 100 kB: the curated graph's whole answer is larger (it no longer carries the inference
    # rules' facts about exercises of the imports, issue 22, so it is ~2,300 triples)
    env = {"EXGRAPH_MAX_ANSWER_BYTES": "100000", "EXGRAPH_WORKER_MEMORY_MB": "768"}
    with running_server("--query-timeout", "20", env=env) as base, probing(base):
        many = sparql(base, "SELECT * { ?s ?p ?o }")()
        assert many.status_code == 200 and many.headers["X-Exgraph-Truncated"] == "true"
        assert len(many.content) <= 100_000
        huge = sparql(base, HUGE_ROW)()
        assert huge.status_code == 200 and huge.headers["X-Exgraph-Truncated"] == "true"
        assert len(huge.content) <= 100_000
        for response in concurrently([sparql(base, MEMORY_BOMB) for _ in range(2)]):
            assert response.status_code == 503, response.text[:300]
            assert_error_shape(response)
        headline_sparql_works(base)


# ---------------------------------------------------------------------------------------------
# Issue 21: the second review's findings, replayed on a real server with the token

TOKEN = "hostile-round-two-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
ALLOW = {**AUTH, "Exgraph-Allow-Destructive": "true"}
WRONG = {"Authorization": "Bearer not-the-token", "Content-Type": "application/sparql-update"}
EXG = "https://w3id.org/exgraph/ontology#"
ID = "https://w3id.org/exgraph/id/"
STEP = f"{ID}exercise/machine-back-extension/article-machine-back-extension/step/1"
UNTYPED_STEP = f"{ID}exercise/machine-back-extension/step/1"
ALL_QUADS = "SELECT ?s ?p ?o ?g { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


@dataclass
class WriteServer:
    base: str
    state: Path

    def update(self, text: str, headers: dict[str, str]) -> requests.Response:
        return requests.post(self.base + "/sparql", data=text.encode(), headers=headers,
                             timeout=PATIENCE)

    def quads(self) -> set[tuple[str, ...]]:
        """Every quad the server holds (through its own /sparql, as N-Triples terms)."""
        response = requests.post(self.base + "/sparql", data={"query": ALL_QUADS}, timeout=PATIENCE,
                                 headers={"Accept": "text/tab-separated-values"})
        assert response.status_code == 200 and "X-Exgraph-Truncated" not in response.headers
        return {tuple(line.split("\t")) for line in response.text.splitlines()[1:]}

    def audit(self) -> list[dict[str, object]]:
        from exgraph.graph.backups import AuditLog

        return AuditLog(self.state / "audit.jsonl").records(rotated=True)


@pytest.fixture(scope="module")
def write_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WriteServer]:
    state = tmp_path_factory.mktemp("write-state")
    env = {"EXGRAPH_UPDATE_TOKEN": TOKEN, "EXGRAPH_AUDIT_LOG": str(state / "audit.jsonl"),
           "EXGRAPH_SNAPSHOT_DIR": str(state / "snapshots"), "EXGRAPH_SNAPSHOT_KEEP": "2",
           "EXGRAPH_MAX_DELETE_TRIPLES": "1000", "EXGRAPH_DELETE_BUDGET": "800",
           "EXGRAPH_MAX_ROWS": "1000000", "EXGRAPH_MAX_ANSWER_BYTES": "200000000",
           "EXGRAPH_AUDIT_MAX_BYTES": "200000", "EXGRAPH_AUDIT_KEEP": "1",
           "EXGRAPH_EXPORT_CONCURRENCY": "2", "TMPDIR": str(state)}
    with running_server("--query-timeout", "30", env=env) as base:
        yield WriteServer(base, state)


RAND_WIPE = ("DELETE { ?s ?p ?o } WHERE { { SELECT (RAND() AS ?r) {} } FILTER(?r < 0.5) "
             "?s ?p ?o }")
RAND_BANANA = (f"PREFIX exg: <{EXG}> INSERT {{ <{ID}exercise/machine-back-extension> "
               f"exg:difficulty ?d }} WHERE {{ BIND(IF(RAND() < 0.5, \"banana\", exg:Low) "
               f"AS ?d) }}")


def test_a_random_update_commits_what_was_checked(write_server: WriteServer) -> None:
    """Finding 1: the RAND() wipe and the RAND() banana, six tries each: the wipe is refused as
    destructive or removes nothing, the banana is refused by the shapes or lands the checked
    value; the graph changes only by what the audit lines say."""
    before = write_server.quads()
    lines_before = len(write_server.audit())
    with probing(write_server.base):
        for _ in range(6):
            wipe = write_server.update(RAND_WIPE, AUTH)
            assert wipe.status_code in (200, 400), wipe.text
            assert write_server.quads() == before
            banana = write_server.update(RAND_BANANA, AUTH)
            assert banana.status_code in (200, 400), banana.text
        after = write_server.quads()
    assert not any("banana" in term for quad in after for term in quad)
    lines = write_server.audit()[lines_before:]
    assert len(lines) == 12
    applied = [record for record in lines if record["outcome"] == "applied"]
    assert all(record["removed"] == 0 for record in applied)  # the wipe never removed a quad
    assert all(record["status"] == 400 for record in lines if record not in applied)
    # what changed is exactly what the applied lines say was added
    assert before <= after
    assert len(after - before) == sum(int(str(record["added"])) for record in applied)


def test_unauthenticated_update_floods_do_not_fill_the_disk(write_server: WriteServer) -> None:
    """Finding 3: 400 updates with a wrong token and 400 with none write at most a line per
    REFUSAL_LOG_INTERVAL (60 s), not 800 fsynced lines."""
    log = write_server.state / "audit.jsonl"
    size = log.stat().st_size if log.exists() else 0
    before = write_server.quads()
    body = "INSERT DATA { <urn:x:s> <urn:x:p> \"" + "x" * 2000 + "\" }"
    with probing(write_server.base):
        calls = [lambda: write_server.update(body, WRONG)] * 400 + [
            lambda: requests.post(write_server.base + "/sparql", data=body.encode(),
                                  headers={"Content-Type": "application/sparql-update"},
                                  timeout=PATIENCE)] * 400
        with ThreadPoolExecutor(8) as pool:
            statuses = [response.status_code for response in pool.map(lambda c: c(), calls)]
    assert set(statuses) <= {403, 503} and statuses.count(403) > 0
    grown = (log.stat().st_size if log.exists() else 0) - size
    assert grown < 2000, f"the audit log grew by {grown} bytes"
    assert write_server.quads() == before  # nothing of the 800 landed


def test_a_read_only_server_logs_no_refusals(tmp_path: Path) -> None:
    env = {"EXGRAPH_AUDIT_LOG": str(tmp_path / "audit.jsonl")}
    with running_server(env=env) as base, probing(base):
        for _ in range(50):
            response = requests.post(base + "/sparql", data=b"INSERT DATA { <urn:a> <urn:b> 1 }",
                                     headers=WRONG, timeout=PATIENCE)
            assert response.status_code == 403
        landed = sparql(base, "ASK { { <urn:a> <urn:b> 1 } UNION { GRAPH ?g { <urn:a> <urn:b> 1 "
                              "} } }")()
        assert landed.status_code == 200 and landed.json()["boolean"] is False
    assert not (tmp_path / "audit.jsonl").exists()


@pytest.mark.parametrize("update", [
    f'INSERT DATA {{ GRAPH <{ID}source/article-machine-back-extension> {{ <{STEP}> '
    f'<{EXG}position> "abc" }} }}',
    f'WITH <{ID}source/article-machine-back-extension> INSERT {{ <{STEP}> <{EXG}position> '
    f'"abc" }} WHERE {{}}',
    f'INSERT DATA {{ GRAPH <{ID}source/curated> {{ <{ID}exercise/machine-back-extension> '
    f'<{EXG}difficulty> "banana" }} }}',
    # a step IRI that nothing types (the soak's): no class shape targets it, the values every
    # shape asks of exg:position still hold, in the served graph and in a source graph
    f'INSERT DATA {{ <{UNTYPED_STEP}> <{EXG}position> "abc" }}',
    f'INSERT DATA {{ GRAPH <{ID}source/curated> {{ <{UNTYPED_STEP}> <{EXG}position> "abc" }} }}',
    f'WITH <{ID}source/curated> INSERT {{ <{UNTYPED_STEP}> <{EXG}position> "abc" }} WHERE {{}}',
], ids=["insert-data", "with", "banana", "untyped-default", "untyped-graph", "untyped-with"])
def test_named_graphs_are_checked(write_server: WriteServer, update: str) -> None:
    """Finding 4: writes into a source graph meet the per-source shapes; and a node no shape
    targets meets what every shape asks of the properties written (the untyped step's
    position was applied in all three ways before)."""
    before = write_server.quads()
    with probing(write_server.base):
        response = write_server.update(update, AUTH)
    assert response.status_code == 400 and response.json()["problems"], response.text
    assert write_server.quads() == before


def test_deletions_in_named_graphs_have_a_budget(write_server: WriteServer) -> None:
    """Finding 4: deletes of 500 quads one after another, each under MAX_DELETE_TRIPLES: the
    second passes the budget (800 per hour here) and needs the flag; with it, a snapshot is
    written, and only SNAPSHOT_KEEP (2) snapshots are kept however many are written (finding
    5)."""
    graph = f"{ID}source/curated"

    def delete(offset: int) -> str:
        return (f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o "
                f"WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT 500 "
                f"OFFSET {offset} }} }}")

    with probing(write_server.base):
        first = write_server.update(delete(0), AUTH)
        assert first.status_code == 200, first.text  # 500 of the 800 a token may remove
        second = write_server.update(delete(0), AUTH)
        assert second.status_code == 400, (second.text, write_server.audit()[-2:])
        assert "DELETE_BUDGET" in second.json()["error"]
        before = write_server.quads()
        for _ in range(3):
            allowed = write_server.update(delete(0), ALLOW)
            assert allowed.status_code == 200, allowed.text
        assert len(write_server.quads()) < len(before)
    snapshots = sorted((write_server.state / "snapshots").glob("exgraph-snapshot-*.nq"))
    assert len(snapshots) == 2


def test_slow_readers_of_exports_cost_no_disk_and_are_capped(tmp_path: Path) -> None:
    """Finding 6: 12 clients ask for the full graph's /export.nt (~16 MB) and read nothing: at
    most EXPORT_CONCURRENCY (2) are being sent, from the prepared file, the others get 503 with
    Retry-After; no temporary file per reader (TMPDIR is tmp_path); once they go, exports
    answer again."""
    env = {"EXGRAPH_IMPORTS": "1", "EXGRAPH_EXPORT_CONCURRENCY": "2", "TMPDIR": str(tmp_path)}
    with running_server(env=env) as base, probing(base), ExitStack() as stack:
        address = (urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80)
        pid = server_pid(base)
        # one whole read first: the export is prepared and the workers hold the graph (the
        # runner keeps its 72 MB dump for the workers it starts), what every reader shares
        warm = requests.get(base + "/export.nt", timeout=PATIENCE)
        assert warm.status_code == 200
        rss_before = rss_bytes(pid)
        heads = []
        for _ in range(12):
            sock = stack.enter_context(socket.socket())
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connecting
            sock.settimeout(PATIENCE)
            sock.connect(address)
            sock.sendall(b"GET /export.nt HTTP/1.1\r\nHost: x\r\n\r\n")
            heads.append(sock.recv(256).split(b"\r\n", 1)[0])
        statuses = [int(head.split()[1]) for head in heads]
        assert statuses.count(200) == 2 and statuses.count(503) == 10, statuses
        files = [path for path in tmp_path.rglob("*") if path.is_file()]
        # the prepared export (and nothing per reader): waitress's buffers would be tmp files
        assert all("exgraph-exports-" in str(path) for path in files), files
        assert sum(path.stat().st_size for path in files) < 40_000_000
        stack.close()  # the readers go
        response = None
        for _ in range(20):  # the slots come back when the server closes the files
            response = requests.get(base + "/export.nt", timeout=PATIENCE)
            if response.status_code == 200:
                break
            time.sleep(0.5)
        assert response is not None and response.status_code == 200
        assert response.content.count(b"\n") > 80_000  # the served graph, whole
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        # the issue: the server's memory was not released after the readers; now the export
        # is sent from its prepared file, so the server holds no copy per reader (12 copies of
        # the ~16 MB export would be ~190 MB)
        grown = rss_bytes(pid) - rss_before
        assert grown < 64 * 2**20, f"the server grew by {grown / 2**20:.0f} MiB"


def test_a_javascript_iri_written_with_the_token_is_text_on_the_page(
        write_server: WriteServer) -> None:
    """Finding 7 on a real server: a ``javascript:`` IRI said of a source (an update with the
    token; no shape speaks of rdfs:seeAlso) shows on the source's page as text, never as a
    link; removed again afterwards, the graph is as it was."""
    source = f"{ID}source/curated"
    triple = (f"<{source}> <http://www.w3.org/2000/01/rdf-schema#seeAlso> "
              f"<javascript:window.__pwned=1>")
    before = write_server.quads()
    with probing(write_server.base):
        added = write_server.update(f"INSERT DATA {{ {triple} }}", AUTH)
        assert added.status_code == 200, added.text
        page = requests.get(write_server.base + "/id/source/curated", timeout=PATIENCE,
                            headers={"Accept": "text/html"})
        assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
        assert "javascript:window.__pwned=1" in page.text  # shown...
        assert 'href="javascript:' not in page.text.lower()  # ...not linked
        # flagged: the module's earlier tests spent this token's deletion budget
        removed = write_server.update(f"DELETE DATA {{ {triple} }}", ALLOW)
        assert removed.status_code == 200, removed.text
    assert write_server.quads() == before


#: An exercise whose name carries a lone CR followed by an iCalendar property: unescaped, the CR
#: would end the DESCRIPTION line and DTSTART:19700101 would become a property of the event.
CR_EXERCISE = """@prefix exg: <https://w3id.org/exgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix src: <https://w3id.org/exgraph/id/source/> .
@prefix muscle: <https://w3id.org/exgraph/id/muscle/> .
@prefix equipment: <https://w3id.org/exgraph/id/equipment/> .
<https://w3id.org/exgraph/id/exercise/carriage-return-row> a exg:Exercise ;
    rdfs:label "Carriage Return Row\\rDTSTART:19700101"@en ;
    skos:prefLabel "Carriage Return Row\\rDTSTART:19700101"@en ;
    dcterms:source src:curated ;
    exg:primaryMuscle muscle:lats, muscle:middle-back ; exg:secondaryMuscle muscle:biceps ;
    exg:requiresEquipment equipment:dumbbell ; exg:difficulty exg:Low ;
    exg:movementPattern exg:HorizontalPull ; exg:activityKind exg:StrengthTraining ;
    exg:laterality exg:Bilateral .
"""


def test_a_lone_cr_in_a_name_stays_inside_its_icalendar_line(tmp_path: Path) -> None:
    """Finding 7 on a real server: an exercise named with a lone CR and an iCalendar property
    (served from a data file, so the plan builder picks it up as any exercise) is in the plan's
    .ics as one escaped DESCRIPTION line: no bare CR or LF outside the CRLF line ends, and no
    line that starts a property the name smuggled in."""
    data = tmp_path / "carriage-return.ttl"
    data.write_text(CR_EXERCISE, encoding="utf-8")
    # on the served graph with the imports: the curated graph alone has no dumbbell plan. Not
    # validated at start (the shapes accept the name; validating the served graph is 30-100 s
    # of CPU, past the start timeout on a loaded machine, and tested elsewhere)
    with running_server("--data", str(data), "--no-validate",
                        env={"EXGRAPH_IMPORTS": "1"}) as base, \
            probing(base):
        answer = requests.get(base + "/api/v1/plans.ics", timeout=PATIENCE, params={
            "goal": "hypertrophy", "days": "2", "equipment": "dumbbell,bench",
            "include": "carriage-return-row", "start": "2026-12-07"})
        assert answer.status_code == 200, answer.text
        assert answer.headers["Content-Type"].startswith("text/calendar")
        lines = answer.content.split(b"\r\n")
        named = [line for line in lines if b"Carriage Return Row" in line]
        assert named and all(line.startswith(b"DESCRIPTION:") for line in named)
        assert all(b"\r" not in line and b"\n" not in line for line in lines)
        assert not any(line.startswith(b"DTSTART:1970") for line in lines)


def test_deep_json_and_nosniff_on_a_real_server(write_server: WriteServer) -> None:
    """Finding 7: a plan POST nested 1,000 deep is a 400 in the error shape (it was a 500 with
    a traceback); JSON, Turtle and SPARQL answers say nosniff."""
    with probing(write_server.base):
        deep = requests.post(write_server.base + "/api/v1/plans", timeout=PATIENCE,
                             data="[" * 1000 + "]" * 1000,
                             headers={"Content-Type": "application/json"})
        assert deep.status_code == 400 and "MAX_JSON_DEPTH" in deep.json()["error"]
        for path, accept in (("/api/v1/exercises/machine-back-extension", "application/json"),
                             ("/api/v1/exercises/machine-back-extension.ttl", "text/turtle"),
                             ("/sparql?query=ASK%20%7B%7D", "application/sparql-results+json")):
            response = requests.get(write_server.base + path, headers={"Accept": accept},
                                    timeout=PATIENCE)
            assert response.status_code == 200
            assert response.headers["X-Content-Type-Options"] == "nosniff"
