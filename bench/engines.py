"""Embedded Oxigraph, Oxigraph server and Virtuoso behind `exgraph serve`, side by side.

    .venv/bin/python bench/engines.py                 # bundled graph, ~10 minutes
    .venv/bin/python bench/engines.py --seconds 2     # shorter wrk runs
    .venv/bin/python bench/engines.py --big 10000 --big-dir /work/tmp/x   # + 10k exercises
    .venv/bin/python bench/engines.py --loader update # `exgraph load` (SPARQL Update)

For each engine: the bundled graph (and ``--data``, ``--big``'s grown graph) put in the engine
(the embedded store loads it itself): by default with the engine's own loader from `exgraph
load --dump`'s N-Quads (``oxigraph load`` before ``oxigraph serve``; Virtuoso's ``ld_dir``,
graph/bulk.py), the dump written once and timed apart; with ``--loader update`` through SPARQL
Update (`exgraph load`). Then one `exgraph serve` in front of it, then a second (the "Scaling
out" of docs/operations.md), each with the run's own, first empty, cache folder. Measured per
engine: the load, and each app's start to its first /healthz answer (the first builds what it
derives from the data: over an external engine the records come from big queries over HTTP;
the second reads them back, kept per snapshot or per server stamp); then one client at a time
(medians of ``--repeat`` requests, each one new to every cache, so each reaches the engine):

* the headline question as SPARQL (the API's alternatives query with a new LIMIT each time),
  through /sparql;
* the exercise document and a list page, as the first request of their kind after a start
  (the API's caches are per process and per data generation: later ones are cache hits);
* a lifter's progress (``/api/v1/me/progress``) over a training log of ``--sets`` sets: the
  first request (the log read from the history directory, the answer computed) and the median
  of the next ones (kept until the log changes). The log never reaches the engine: it lives in
  the private store (one N-Quads file per user in the history directory, which the app
  processes share), and the engine gives only the exercise records it is mapped to;

and with wrk (2 threads, 8 connections, ``--seconds``), /sparql with a new cheap query text per
request against one app process, then against two app processes at once (their rates
summed). The Virtuoso row needs Debian's ``virtuoso-opensource`` (skipped without it).
"""

# ruff: noqa: E402
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import http_bench as hb
import tests.server
from history import strong_csv
from targets import CHEAP_SPARQL, NEW_LIMIT_LUA, SPARQL_JSON, headline_sparql
from tests.engines import external_engine
from tests.oxigraph_server import oxigraph_binary, oxigraph_server
from tests.server import running_server
from tests.virtuoso_server import BIG, SMALL, spec_of, virtuoso_binary, virtuoso_instance

from exgraph.graph.bulk import oxigraph_load, virtuoso_load
from exgraph.graph.remote import RemoteStore

BIN = Path(sys.executable).parent
LIST_PATH = "/api/v1/exercises?muscle=glutes&limit=20"
DOCUMENT_PATH = "/api/v1/exercises/machine-back-extension"
PROGRESS_PATH = "/api/v1/me/progress?exercise=bench-press"


@contextmanager
def engine(name: str, location: Path, args: argparse.Namespace,
           dump: Path | None) -> Iterator[tuple[str | None, str]]:
    """The store spec of engine name, filled with the bundled graph and args.data, and what
    filling it cost in seconds (text for the table); (None, "-"): embedded.

    With dump (``exgraph load --dump``'s file, ``--loader bulk``), the engine's own loader
    reads it: ``oxigraph load`` before ``oxigraph serve``, Virtuoso's ``ld_dir``. Without,
    ``exgraph load`` pushes the dataset through SPARQL Update."""
    if name == "embedded":
        yield None, "-"
        return
    if dump is None:
        with external_engine(name, location) as spec:
            yield with_timeout(spec, args), f"{update_load(spec, args.data):.0f}"
        return
    if name == "oxigraph":
        start = time.perf_counter()
        oxigraph_load(dump, location, binary=oxigraph_binary())
        seconds = time.perf_counter() - start
        with oxigraph_server(location) as base:
            yield with_timeout(f"sparql+{base}/query", args), f"{seconds:.1f}"
        return
    with virtuoso_instance(location, BIG if args.big else SMALL) as virtuoso:
        readable = virtuoso.folder / dump.name  # in the server's DirsAllowed
        os.link(dump, readable)
        spec = spec_of(virtuoso.base)
        start = time.perf_counter()
        virtuoso_load(RemoteStore.from_spec(spec), readable, virtuoso.sql_port)
        yield with_timeout(spec, args), f"{time.perf_counter() - start:.1f}"


def with_timeout(spec: str, args: argparse.Namespace) -> str:
    """spec with the --engine-timeout for exgraph's own queries (the records' at start)."""
    return f"{spec}{'&' if '?' in spec else '?'}timeout={args.engine_timeout:g}"


def update_load(spec: str, data: list[str]) -> float:
    """Seconds `exgraph load` took to push the bundled graph and data to spec."""
    start = time.perf_counter()
    extra = [arg for path in data for arg in ("--data", path)]
    done = subprocess.run([str(BIN / "exgraph"), "load", "--store", spec, *extra],
                          check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    if done.returncode != 0:
        raise RuntimeError(f"`exgraph load` failed: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def write_dump(data: list[str], where: Path) -> tuple[Path, float]:
    """`exgraph load --dump` of the bundled graph and data into where; (the file, seconds)."""
    path = where / "dataset.nq"
    extra = [arg for item in data for arg in ("--data", item)]
    start = time.perf_counter()
    subprocess.run([str(BIN / "exgraph"), "load", "--dump", str(path), *extra], check=True,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"  `exgraph load --dump`: {seconds:.1f} s, {path.stat().st_size / 1e6:,.0f} MB",
          file=sys.stderr)
    return path, seconds


def training_log(directory: Path, sets: int) -> str:
    """A user with a Strong export of about sets sets imported, in a new history directory;
    returns their token."""
    added = subprocess.run([str(BIN / "exgraph"), "users", "add", "bench", "--history-dir",
                            str(directory)], check=True, capture_output=True, text=True)
    token = next(line.strip() for line in added.stdout.splitlines()
                 if line.strip().startswith("exg_"))
    export = directory.parent / "strong.csv"
    export.write_bytes(strong_csv(sets, datetime(2024, 1, 1)))
    subprocess.run([str(BIN / "exgraph"), "log", "import", str(export), "--user", "bench",
                    "--history-dir", str(directory)], check=True, capture_output=True)
    return token


def timed_get(url: str, accept: str = "*/*", headers: dict[str, str] | None = None) -> float:
    request = urllib.request.Request(url, headers={"Accept": accept, **(headers or {})})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
    except urllib.error.HTTPError as exc:  # the table says which request failed, and why
        said = exc.read().decode("utf-8", "replace")[:200]
        raise RuntimeError(f"{url.split('?')[0]}: {exc.code} {said}") from exc
    return time.perf_counter() - start


def sparql_latency(base: str, repeat: int, offset: int) -> float:
    """Median ms of /sparql with the headline query and a LIMIT no request used before."""
    text = headline_sparql()
    return statistics.median(
        timed_get(f"{base}/sparql?query={quote(f'{text}{chr(10)}LIMIT {offset + i}')}",
                  SPARQL_JSON) for i in range(repeat)) * 1000


def wrk_rate(bases: list[str], seconds: int, workdir: Path) -> float:
    """Summed req/s of wrk runs, one per base at the same time, each sending a new cheap query
    text per request."""
    hb.SECONDS = seconds
    rates: list[float] = []
    lock = threading.Lock()

    def one(base: str) -> None:
        target = hb.Target("cheap", f"{base}/sparql?query={quote(CHEAP_SPARQL)}", SPARQL_JSON,
                           NEW_LIMIT_LUA)
        run = hb.wrk(target, workdir / base.rsplit(":", 1)[1])
        with lock:
            rates.append(run.rps)

    threads = [threading.Thread(target=one, args=(base,)) for base in bases]
    for (thread, base) in zip(threads, bases, strict=True):
        (workdir / base.rsplit(":", 1)[1]).mkdir(exist_ok=True)
        thread.start()
    for thread in threads:
        thread.join()
    return sum(rates)


def measure(name: str, args: argparse.Namespace, workdir: Path, token: str,
            dump: Path | None) -> str:
    with ExitStack() as stack:
        spec, loaded = stack.enter_context(engine(name, workdir / name, args, dump))
        store = ("--store", spec) if spec else tuple(
            arg for path in args.data for arg in ("--data", path))
        # a cache folder of the run's own: the first app's start is cold on every engine
        env = {"EXGRAPH_HISTORY_DIR": str(workdir / "history"),
               "EXGRAPH_CACHE_DIR": str(workdir / f"cache-{name}")}
        if args.worker_memory_mb:
            env["EXGRAPH_WORKER_MEMORY_MB"] = str(args.worker_memory_mb)
        started = time.perf_counter()
        one = stack.enter_context(running_server(*store, "--no-access-log", env=env))
        start = time.perf_counter() - started
        document = timed_get(one + DOCUMENT_PATH) * 1000
        listing = timed_get(one + LIST_PATH) * 1000
        bearer = {"Authorization": f"Bearer {token}"}
        progress_first = timed_get(one + PROGRESS_PATH, headers=bearer) * 1000
        progress = statistics.median(timed_get(one + PROGRESS_PATH, headers=bearer)
                                     for _ in range(args.repeat)) * 1000
        timed_get(f"{one}/sparql?query={quote('ASK {}')}", SPARQL_JSON)  # starts the workers
        sparql = sparql_latency(one, args.repeat, 1)
        single = wrk_rate([one], args.seconds, workdir)
        started = time.perf_counter()
        two = stack.enter_context(running_server(*store, "--no-access-log", env=env))
        second = time.perf_counter() - started
        timed_get(f"{two}/sparql?query={quote('ASK {}')}", SPARQL_JSON)
        double = wrk_rate([one, two], args.seconds, workdir)
    return (f"| {name} | {loaded} | {start:.1f} / {second:.1f} | {sparql:.1f} | {document:.0f} | "
            f"{listing:.0f} | {progress_first:.0f} / {progress:.1f} | {single:,.0f} | "
            f"{double:,.0f} |")


def main() -> None:
    # an app over an external store counts its triples and builds its records over HTTP at
    # start: minutes on a loaded machine, beyond the tests' 60 s
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--engines", nargs="+", default=["embedded", "oxigraph", "virtuoso"])
    parser.add_argument("--data", nargs="*", default=[],
                        help="extra data (e.g. bench/generate.py's 10k exercises)")
    parser.add_argument("--sets", type=int, default=30_000,
                        help="sets in the training log of the progress request")
    parser.add_argument("--loader", choices=["bulk", "update"], default="bulk",
                        help="fill the engines with their own loaders from `exgraph load "
                             "--dump`'s file (bulk), or with `exgraph load` (SPARQL Update)")
    parser.add_argument("--big", type=int, default=0, metavar="N",
                        help="add bench/bigstore.py's graph grown to N exercises")
    parser.add_argument("--big-dir", type=Path, default=None,
                        help="where --big's grown file is kept (and reused)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="engines' databases and the dump here (default: a temporary "
                             "folder; 100k needs ~15 GB)")
    parser.add_argument("--engine-timeout", type=float, default=600.0,
                        help="seconds each of the app's own queries may take on an external "
                             "engine (the store spec's timeout=; the records' queries at start "
                             "grow with the data)")
    parser.add_argument("--worker-memory-mb", type=int, default=0,
                        help="EXGRAPH_WORKER_MEMORY_MB of the apps: each /sparql worker of the "
                             "embedded store holds a copy of the graph (at 10k exercises more "
                             "than the default 1 GiB: its workers abort at start)")
    parser.add_argument("--start-timeout", type=float, default=900.0,
                        help="seconds an app may take to start (over an external engine it "
                             "builds its records over HTTP)")
    args = parser.parse_args()
    tests.server.START_TIMEOUT = args.start_timeout
    if args.big:
        import bigstore

        args.data.append(str(bigstore.grown_file(args.big, args.big_dir or Path(
            tempfile.gettempdir()))))
    names = [n for n in args.engines if n != "virtuoso" or virtuoso_binary()]
    rows = ["| engine | load s | app start, first / second s | /sparql headline, new text p50 ms | "
            "exercise document, first ms | list page, first ms | progress, first / p50 ms | "
            "/sparql new cheap text, 1 app req/s | 2 apps req/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    notes: list[str] = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        token = training_log(Path(tmp) / "history", args.sets)
        dump = None
        if args.loader == "bulk" and set(names) - {"embedded"}:
            dump, seconds = write_dump(args.data, Path(tmp))
            notes.append(f"`exgraph load --dump` (the dataset as N-Quads, both engines' "
                         f"input): {seconds:.1f} s, {dump.stat().st_size / 1e6:,.0f} MB")
        for name in names:
            try:
                rows.append(measure(name, args, Path(tmp), token, dump))
            except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
                # one engine failing (e.g. an app that gave up on a slow engine at start)
                # leaves the others' rows; the reason goes in the table
                reason = " ".join(str(exc).split())[:160].replace("|", "/")
                rows.append(f"| {name} | failed: {reason} | | | | | | | |")
            print(rows[-1], f"(load average {os.getloadavg()[0]:.1f})", file=sys.stderr,
                  flush=True)
    print(f"Machine: {hb.machine()}; load average at the end "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}.\n")
    print("\n".join(rows))
    for note in notes:
        print(f"\n{note}.")
    if "virtuoso" in args.engines and "virtuoso" not in names:
        print("\nVirtuoso not installed (apt-get install virtuoso-opensource): not run.")


if __name__ == "__main__":
    main()
