"""HTTP throughput and latency of `exgraph serve` beside a trivial Flask route and `oxigraph`.

    .venv/bin/python bench/http_bench.py            # 3 rounds of 5 s per target (~3 min)
    QUICK=1 .venv/bin/python bench/http_bench.py    # 1 round of 2 s per target (< 1 min)

One process tree, three servers on 127.0.0.1, started once and measured in alternation (round 1:
every target, round 2: every target, ...) so that drift of the machine hits all of them alike:

* ``trivial``: a Flask route returning ``{"ok": true}`` on waitress with the same thread count
  as ``exgraph serve`` (the ceiling any Flask-on-waitress route can reach here);
* ``exgraph serve`` with default settings on the bundled graph: ``/healthz``, the headline API
  route, and /sparql with the headline query, as repeated (answer cache) and as a new text on
  every request (a comment with a random number: the guard's pre-check and a worker round trip);
* ``oxigraph serve`` (the Rust server from the ``oxigraph`` package) on the same triples, with
  the same headline query.

Load generator: wrk (``apt-get install wrk``) with 2 threads and 8 connections; the figures are
medians over rounds. wrk, the servers and their workers share the machine's cores. Prints a
Markdown report for bench/RESULTS.md. (Not ``bench/http.py``: a module of that name would shadow
the standard library's ``http`` package for every script in bench/.)
"""

# ruff: noqa: E402
from __future__ import annotations

import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import pyoxigraph as ox

from exgraph.graph.load import open_store

BIN = Path(sys.executable).parent
QUICK = os.environ.get("QUICK") == "1"
ROUNDS = 1 if QUICK else 3
SECONDS = 2 if QUICK else 5
CONNECTIONS = 8
WRK_THREADS = 2
THREADS = 24  # exgraph serve's default; the trivial server gets the same

HEADLINE_API = ("/api/v1/exercises/machine-back-extension/alternatives"
                "?exclude_equipment=machine&difficulty=low")
HEADLINE_QUERY = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?alt WHERE {
  ?ex rdfs:label ?l . FILTER(lcase(str(?l)) = "machine back extension")
  ?ex exg:alternative ?alt .
  ?alt exg:difficulty exg:Low .
  FILTER NOT EXISTS { ?alt exg:requiresEquipment/skos:broader* exg:Machine }
}"""
SPARQL_JSON = "application/sparql-results+json"

TRIVIAL_APP = f"""
import logging, sys
from flask import Flask, jsonify
from waitress import serve
logging.getLogger("waitress.queue").setLevel(logging.ERROR)
app = Flask("trivial")
@app.get("/")
def index():
    return jsonify({{"ok": True}})
serve(app, host="127.0.0.1", port=int(sys.argv[1]), threads={THREADS}, _quiet=True)
"""

#: A wrk script that makes every request's query text new: the headline query and a comment.
FRESH_QUERY_LUA = """
local counter = 0
request = function()
  counter = counter + 1
  local tag = tostring(math.random(1, 1000000000)) .. "-" .. tostring(counter)
  return wrk.format("GET", wrk.path .. "%0A%23" .. tag)
end
"""


@dataclass(frozen=True)
class Target:
    """One thing to measure: a name, a URL, its Accept header, an optional wrk script."""

    name: str
    url: str
    accept: str = "*/*"
    script: str | None = None


@dataclass(frozen=True)
class Run:
    """One wrk run: requests per second, latency percentiles (ms), and non-2xx answers."""

    rps: float
    p50: float
    p99: float
    errors: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(url: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:g} s")


@contextmanager
def process(args: list[str], ready_url: str) -> Iterator[None]:
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(ready_url)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def oxigraph_location(workdir: Path) -> Path:
    """An on-disk Oxigraph store with the bundled graph's triples, loaded by `oxigraph load`."""
    data = workdir / "graph.nq"
    store = open_store("oxigraph")
    data.write_bytes(store.ox.dump(format=ox.RdfFormat.N_QUADS))  # type: ignore[attr-defined]
    location = workdir / "oxigraph"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(location), "--file",
                    str(data)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return location


_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(target: Target, workdir: Path) -> Run:
    args = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
            "-H", f"Accept: {target.accept}"]
    if target.script:
        script = workdir / "fresh-query.lua"
        script.write_text(target.script)
        args += ["-s", str(script)]
    output = subprocess.run([*args, target.url], check=True, capture_output=True,
                            text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    latency = {m.group(1): float(m.group(2)) * _UNITS[m.group(3)]
               for m in _LATENCY.finditer(output)}
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return Run(rps, latency["50"], latency["99"], int(errors.group(1)) if errors else 0)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True,
                                 text=True).stdout.splitlines()[0]
    return (f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), Linux {platform.release()}, "
            f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, "
            f"{wrk_version.split('[')[0].strip()}")


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("bench/http_bench.py needs wrk: apt-get install -y wrk")
    trivial_port, exgraph_port, oxigraph_port = free_port(), free_port(), free_port()
    query = quote(HEADLINE_QUERY)
    exgraph = f"http://127.0.0.1:{exgraph_port}"
    targets = [
        Target("trivial Flask route", f"http://127.0.0.1:{trivial_port}/"),
        Target("exgraph /healthz", f"{exgraph}/healthz"),
        Target("exgraph headline API route", exgraph + HEADLINE_API),
        Target("exgraph /sparql headline (repeated: answer cache)",
               f"{exgraph}/sparql?query={query}", SPARQL_JSON),
        Target("exgraph /sparql headline (new text each time: worker)",
               f"{exgraph}/sparql?query={query}", SPARQL_JSON, FRESH_QUERY_LUA),
        Target("oxigraph serve /query headline",
               f"http://127.0.0.1:{oxigraph_port}/query?query={query}", SPARQL_JSON),
    ]
    results: dict[str, list[Run]] = {t.name: [] for t in targets}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as servers:
        workdir = Path(tmp)
        location = oxigraph_location(workdir)
        servers.enter_context(process(
            [sys.executable, "-c", TRIVIAL_APP, str(trivial_port)],
            f"http://127.0.0.1:{trivial_port}/"))
        servers.enter_context(process(
            # no access log, as the trivial route has none (it costs ~35 % of /healthz's rate:
            # a line written per request; behind a reverse proxy, the proxy logs)
            [str(BIN / "exgraph"), "serve", "--port", str(exgraph_port), "--no-access-log"],
            f"{exgraph}/healthz"))
        servers.enter_context(process(
            [str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind",
             f"127.0.0.1:{oxigraph_port}"], f"http://127.0.0.1:{oxigraph_port}/query?query="
                                            + quote("ASK {}")))
        for target in targets:  # warm up: caches, workers, connections
            subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", f"Accept: {target.accept}",
                            target.url], check=True)
        for _ in range(ROUNDS):
            for target in targets:
                results[target.name].append(wrk(target, workdir))
    report(targets, results)


def report(targets: list[Target], results: dict[str, list[Run]]) -> None:
    def median(name: str, attr: str) -> float:
        return statistics.median(getattr(run, attr) for run in results[name])

    trivial = median(targets[0].name, "rps")
    oxigraph = median(targets[-1].name, "rps")
    print(f"Machine: {machine()}.")
    print(f"wrk -t{WRK_THREADS} -c{CONNECTIONS}, {SECONDS} s per run, {ROUNDS} round(s), "
          f"medians; servers with {THREADS} threads.\n")
    print("| target | req/s | vs trivial | vs oxigraph | p50 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for target in targets:
        rps = median(target.name, "rps")
        errors = sum(run.errors for run in results[target.name])
        print(f"| {target.name} | {rps:,.0f} | {rps / trivial:.2f} | {rps / oxigraph:.2f} | "
              f"{median(target.name, 'p50'):.2f} | {median(target.name, 'p99'):.2f} | "
              f"{errors} |")


if __name__ == "__main__":
    main()
