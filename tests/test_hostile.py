"""Hostile input, load and faults against a real ``exgraph serve`` (issue 11, findings 1-6).

Each test starts its own server, attacks it, and meanwhile a background prober asks /healthz and
the headline API route every 0.25 s on fresh connections; a probe fails when it gets anything but
200 within 2 s. Every test requires zero failed probes and no 500 anywhere. Attackers' requests
get no time limits of their own beyond generous client timeouts: only the prober is timed.
"""

from __future__ import annotations

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

from .server import running_server

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
    probes: int = 0
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
        if response.status_code != 200 or elapsed > PROBE_LIMIT:
            self.failures.append(f"{path}: {response.status_code} after {elapsed:.2f} s")

    def stop(self) -> None:
        self._stop.set()


@contextmanager
def probing(base_url: str) -> Iterator[Prober]:
    """Probe base_url's health while the block runs; fail if any probe failed."""
    prober = Prober(base_url)
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


def test_idle_and_slow_header_connections_do_not_lock_anyone_out() -> None:
    with running_server() as base, ExitStack() as sockets:
        address = (urlsplit(base).hostname, urlsplit(base).port)
        with probing(base):
            for i in range(200):
                sock = sockets.enter_context(socket.create_connection(address, timeout=5))
                if i % 4 == 0:  # a slow client: a request line, then nothing
                    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            time.sleep(3)  # several probes while 200 connections sit there
            headline_sparql_works(base)


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
    with running_server(env=env) as base, probing(base):
        paths = [pages[i % len(pages)] for i in range(24)]
        calls = [lambda path=path: requests.get(base + path, timeout=30) for path in paths]
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
        # 2,048 cached copies would be ~2,048 x the page; one is one
        assert grown < 64 * 1024 * 1024, f"the server grew by {grown / 2**20:.0f} MiB"


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
