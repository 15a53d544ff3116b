"""exgraph benchmarks: load, named queries, export and HTTP, on rdflib and Oxigraph, at 1k-100k.

    make bench                       # all sizes, then issue 25's targets table
    .venv/bin/python bench/run.py --sizes 1000 10000 --http-seconds 5
    .venv/bin/python bench/run.py --targets-only [--big 100000]   # the targets table alone

Figures are medians of repeated runs in one process; the Oxigraph-vs-rdflib and
named-query-vs-raw-pyoxigraph ratios are measured side by side, so machine noise cancels out
better than in the absolute times. Prints a Markdown report (paste it into bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
import targets
from generate import replicate
from rdflib import Graph

from exgraph.graph.export import serialize
from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore, RdflibStore, Store
from exgraph.queries.catalogue import NamedQuery, default_catalogue

HEADLINE_PATH = ("/api/v1/exercises/machine-back-extension/alternatives"
                 "?exclude_equipment=machine&difficulty=low")

#: Example parameters for every named query (a new query without a case fails the run).
BENCH_CASES: dict[str, dict[str, str]] = {
    "alternatives": {"exercise": "machine-back-extension", "exclude_equipment": "machine",
                     "difficulty": "low"},
    "comparisons": {"exercise": "machine-back-extension"},
    "equipment-taxonomy": {},
    "exercises": {"muscle": "glutes", "exclude_equipment": "machine", "difficulty": "low"},
    "exercises-by-difficulty": {"difficulty": "high"},
    "exercises-for-muscle": {"muscle": "hamstrings", "role": "primary"},
    "exercises-with-equipment": {"equipment": "barbell,bodyweight"},
    "mistakes": {"exercise": "machine-back-extension"},
    "muscles": {},
    "muscles-of-exercise": {"exercise": "machine-back-extension"},
    "programming": {"exercise": "machine-back-extension", "goal": "hypertrophy"},
    "steps": {"exercise": "machine-back-extension"},
    "substitutes": {"exercise": "machine-back-extension", "exclude_equipment": "machine",
                    "difficulty": "low"},
}


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of repeat calls of fn."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_routes(routes: dict[str, Callable[[str], str]], items: list[str]
                ) -> dict[str, list[float]]:
    """Seconds of one GET per item and route (the URL a route builds for the item), routes in
    alternation so a slow spell of a shared machine weighs on each alike."""
    times: dict[str, list[float]] = {name: [] for name in routes}
    for item in items:
        for name, url in routes.items():
            t0 = time.perf_counter()
            urllib.request.urlopen(url(item), timeout=60).read()
            times[name].append(time.perf_counter() - t0)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)


def bench_size(n: int, args: argparse.Namespace, report: Report) -> None:
    data = replicate(n)
    triples = data.count(b"\n")
    report.add(f"\n### {n:,} exercises ({triples:,} triples)\n")

    engines: dict[str, Store] = {}
    # -- load
    report.add("| measure | Oxigraph | rdflib | ratio |")
    report.add("|---|---:|---:|---:|")
    ox_loads = []
    for _ in range(args.repeat_load):
        gc.collect()
        start = time.perf_counter()
        ox_store = ox.Store()
        ox_store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        ox_loads.append(time.perf_counter() - start)
    engines["oxigraph"] = OxigraphStore(ox_store)
    run_rdflib = n <= args.rdflib_max
    if run_rdflib:
        gc.collect()
        start = time.perf_counter()
        graph = Graph()
        graph.parse(data=data, format="nt")
        rdflib_load = time.perf_counter() - start
        engines["rdflib"] = RdflibStore(graph)
        report.add(f"| load (s) | {statistics.median(ox_loads):.3f} | {rdflib_load:.3f} | "
                   f"{rdflib_load / statistics.median(ox_loads):.1f}x |")
    else:
        report.add(f"| load (s) | {statistics.median(ox_loads):.3f} | "
                   f"not run (> {args.rdflib_max:,}) | |")

    # -- export: the formats of the default graph (bench/export.py also times N-Quads and TriG
    # on source graphs, and checks the bytes after a shuffled load)
    for fmt, name in (("turtle", "Turtle"), ("ntriples", "N-Triples"), ("jsonld", "JSON-LD")):
        runs = 3 if triples < 1_000_000 else 1

        def export(fmt: str = fmt) -> bytes:
            return serialize(engines["oxigraph"], fmt)

        ox_export = statistics.median(timed(export, runs))
        if run_rdflib and fmt == "turtle":
            rd_export = statistics.median(timed(lambda: serialize(engines["rdflib"], "turtle"), 1))
            report.add(f"| {name} export (s) | {ox_export:.3f} | {rd_export:.3f} | "
                       f"{rd_export / ox_export:.1f}x |")
        else:
            report.add(f"| {name} export (s) | {ox_export:.3f} | not run | |")

    # -- named queries in process
    report.add("\n| named query | rows | raw pyoxigraph p50 ms | named (Oxigraph) p50 / p99 ms | "
               "named / raw | rdflib p50 ms |")
    report.add("|---|---:|---:|---:|---:|---:|")
    catalogue = default_catalogue()
    for name, params in BENCH_CASES.items():
        report.add(named_query_row(name, catalogue[name], params, ox_store, engines, args))

    # -- HTTP
    if args.http_seconds > 0:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "graph.nt"
            path.write_bytes(data)
            http_bench(path, args, report)
    engines.clear()
    gc.collect()


def named_query_row(name: str, query: NamedQuery, params: dict[str, str], ox_store: ox.Store,
                    engines: dict[str, Store], args: argparse.Namespace) -> str:
    """The report row of one named query: raw pyoxigraph vs named on Oxigraph (and rdflib)."""
    text = query.render(query.bind(params))
    first = timed(lambda: list(ox_store.query(text)), 1)[0]
    # a fixed budget per query: slow queries get fewer (but at least 5) runs
    repeat = max(5, min(args.repeat, int(args.budget / max(first, 1e-6))))
    raw = timed(lambda: list(ox_store.query(text)), repeat)
    named = timed(lambda: query.run(engines["oxigraph"], params), repeat)
    rows = len(query.run(engines["oxigraph"], params).rows)
    rd = "not run"
    if "rdflib" in engines:
        rd = ms(statistics.median(timed(lambda: query.run(engines["rdflib"], params),
                                        max(3, repeat // 20))))
    return (f"| {name} ({repeat} runs) | {rows} | {ms(statistics.median(raw))} | "
            f"{ms(statistics.median(named))} / {ms(pct(named, 0.99))} | "
            f"{statistics.median(named) / statistics.median(raw):.2f}x | {rd} |")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(extra: Path | None, store: Path | None = None,
                 env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start `exgraph serve` (with --data extra, --store store, env added to the environment);
    return it, its base URL and the seconds from process start to the first answer of the
    headline route."""
    port = free_port()
    cmd = [str(Path(sys.executable).with_name("exgraph")), "serve", "--port", str(port)]
    if extra is not None:
        cmd += ["--data", str(extra)]
    if store is not None:
        cmd += ["--store", str(store)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    while True:
        try:  # refused at once until it listens; then one request, however long it takes
            with urllib.request.urlopen(base + HEADLINE_PATH, timeout=600) as response:
                json.load(response)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("server exited during start-up") from None
            time.sleep(0.01)
    return proc, base, time.perf_counter() - start


def cold_start(runs: int, extra: Path | None = None, store: Path | None = None,
               env: dict[str, str] | None = None,
               before: Callable[[], object] | None = None) -> list[float]:
    """Seconds to the first headline answer of runs fresh `exgraph serve` processes, one at a
    time (before() runs before each, untimed)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        proc, _, took = start_server(extra, store, env)
        stop(proc)
        times.append(took)
    return times


def spread(times: list[float]) -> str:
    """Median (min-max) of start-up times."""
    return (f"{statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f}, "
            f"{len(times)} runs)")


def cold_starts(args: argparse.Namespace, report: Report) -> None:
    """Cold start of `exgraph serve` on the bundled graph: without the store snapshot cache,
    with a cold one (emptied before each start) and a warm one, and from a loaded --store DIR;
    with --disk-start N, from an on-disk store of the graph grown to N exercises."""
    no_cache: list[float] = []
    cold: list[float] = []
    warm: list[float] = []
    loaded: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        cold_cache, warm_cache, store = (Path(tmp) / name for name in ("cold", "warm", "store"))
        cold_start(1, env={"EXGRAPH_CACHE_DIR": str(warm_cache)})  # fills it
        first = cold_start(1, store=store, env={"EXGRAPH_CACHE_DIR": ""})
        for _ in range(args.cold_starts):  # in alternation: the machine's noise hits all alike
            no_cache += cold_start(1, env={"EXGRAPH_CACHE_DIR": ""})
            cold += cold_start(1, env={"EXGRAPH_CACHE_DIR": str(cold_cache)},
                               before=lambda: shutil.rmtree(cold_cache, ignore_errors=True))
            warm += cold_start(1, env={"EXGRAPH_CACHE_DIR": str(warm_cache)})
            loaded += cold_start(1, store=store, env={"EXGRAPH_CACHE_DIR": ""})
    report.add(f"\nCold start of `exgraph serve` on the bundled graph (process start to first "
               f"answer of the headline route), median (min-max): no snapshot cache "
               f"{spread(no_cache)}; snapshot cache cold (built and written) {spread(cold)}; "
               f"cache warm {spread(warm)}; `--store DIR` empty (loaded) {first[0]:.2f} s, "
               f"already loaded {spread(loaded)}")
    if args.disk_start:
        disk_start(args, report)


def disk_start(args: argparse.Namespace, report: Report) -> None:
    """Start-up (`exgraph serve --store DIR`) from an on-disk store of the bundled graph grown to
    args.disk_start exercises, loaded here first (`open_store(DIR, [GROWN.nt])`, reported
    apart). --disk-start-dir keeps the grown file and the store for the next run."""
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(args.disk_start_dir or tmp)
        where.mkdir(parents=True, exist_ok=True)
        data, store = where / f"grown-{args.disk_start}.nt", where / f"store-{args.disk_start}"
        if not data.exists():
            data.write_bytes(replicate(args.disk_start))
        load = 0.0
        if not store.exists():
            start = time.perf_counter()
            open_store(str(store), [data])  # closed again when dropped
            load = time.perf_counter() - start
            gc.collect()
        times = cold_start(args.cold_starts, store=store)
    loaded = f"; loading the empty store took {load:.0f} s" if load else ""
    report.add(f"\nStart-up from an on-disk store of {args.disk_start:,} exercises "
               f"(`--store DIR` already loaded, to the first headline answer): "
               f"{spread(times)}{loaded}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def load_run(port: int, clients: int, seconds: float) -> tuple[list[float], float]:
    """Latencies of GETs of the headline route by clients keep-alive threads, and the elapsed
    time."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        conn = HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            conn.request("GET", HEADLINE_PATH)
            response = conn.getresponse()
            body = response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200 or b"cable-pull-through" not in body:
                raise RuntimeError(f"bad answer {response.status}: {body[:200]!r}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - t0


def http_bench(extra: Path, args: argparse.Namespace, report: Report) -> None:
    proc, base, startup = start_server(extra)
    try:
        port = int(base.rsplit(":", 1)[1])
        single, elapsed1 = load_run(port, 1, args.http_seconds)
        many, elapsed = load_run(port, args.clients, args.http_seconds)
        report.add(f"\nHTTP (`exgraph serve`, waitress, on the headline alternatives route; "
                   f"keep-alive clients as threads of the benchmark process, on the same 2 "
                   f"cores; {args.http_seconds:.0f} s each): one client: p50 "
                   f"{ms(pct(single, 0.5))} ms, p99 {ms(pct(single, 0.99))} ms "
                   f"({len(single) / elapsed1:,.0f} requests/s); {args.clients} clients: "
                   f"**{len(many) / elapsed:,.0f} requests/s**, p50 {ms(pct(many, 0.5))} ms, "
                   f"p99 {ms(pct(many, 0.99))} ms. Start-up to first answer {startup:.2f} s.")
    finally:
        stop(proc)


# -- substitute quality (issue 23) ---------------------------------------------------------------


def substitute_quality(report: Report) -> None:
    """nDCG@10 and P@5 of the substitutes engine and two baselines on the graded benchmark
    (bench/substitute_quality.py; about ten seconds)."""
    import substitute_quality as quality

    report.add("\n## Substitute quality (bench/substitute_quality.py)\n")
    for line in quality.table(open_store("oxigraph", imported=True)):
        report.add(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=200, help="runs per named query")
    parser.add_argument("--budget", type=float, default=3.0,
                        help="seconds per named query and engine (bounds the runs of slow ones)")
    parser.add_argument("--repeat-load", type=int, default=3)
    parser.add_argument("--rdflib-max", type=int, default=10_000,
                        help="largest size run on rdflib (its memory store needs minutes beyond)")
    parser.add_argument("--http-seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cold-starts", type=int, default=3,
                        help="`exgraph serve` starts timed per cold-start case")
    parser.add_argument("--cold-start-only", action="store_true",
                        help="measure the cold starts only (a minute or so)")
    parser.add_argument("--disk-start", type=int, default=0, metavar="N",
                        help="also time starts from an on-disk store of N exercises "
                             "(100000: ~30 s to grow, minutes and GBs to load once)")
    parser.add_argument("--disk-start-dir", type=Path, default=None,
                        help="keep (and reuse) --disk-start's grown graph and store here")
    parser.add_argument("--no-quality", action="store_true",
                        help="skip the substitute quality figures (bench/substitute_quality.py)")
    parser.add_argument("--targets-only", action="store_true",
                        help="only issue 25's targets table (bench/targets.py; ~5 minutes)")
    parser.add_argument("--no-targets", action="store_true",
                        help="skip issue 25's targets table")
    targets.add_arguments(parser)
    parser.add_argument("--quick", action="store_true",
                        help="the per-change check (`make bench QUICK=1`, under 3 minutes): "
                             "1k exercises only, fewer runs, 2 s of HTTP, one cold start each")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat, args.repeat_load = [1000], 30, 1
        args.http_seconds, args.cold_starts, args.rdflib_max = 2.0, 1, 1000
        args.rounds, args.seconds, args.starts = 1, 2, 1
    missing = set(default_catalogue()) - set(BENCH_CASES)
    if missing and not args.cold_start_only:
        parser.error(f"no benchmark parameters for named queries: {', '.join(sorted(missing))}")

    report = Report()
    if args.targets_only:
        for line in targets.measure(args):
            report.add(line)
        return
    report.add(f"## exgraph benchmark, {time.strftime('%Y-%m-%d')}\n")
    report.add(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, pyoxigraph {ox.__version__}, {platform.platform()}")
    cold_starts(args, report)
    if args.cold_start_only:
        return
    if not args.no_quality:
        substitute_quality(report)
    for n in args.sizes:
        bench_size(n, args, report)
    if not args.no_targets:  # last: the one table of issue 25's targets, each beside its goal
        report.add()
        for line in targets.measure(args):
            report.add(line)


if __name__ == "__main__":
    main()
