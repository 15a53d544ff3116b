"""Training history (issue 26): importing a big log, and progress and volume on it.

A synthetic Strong CSV of SETS sets (sessions of 30 sets over ten exercises Strong names them,
warm-ups and rest-timer rows included, loads rising week on week) is imported for one user into a
history directory that already holds OTHERS users of OTHER_SETS sets each (the same generator,
shifted in time; 200 x 5,000 by default, the issue's figure).

Every timing is given as wall clock AND CPU time of this process, with the load average when it
was taken: on a shared machine wall time is mostly waiting for a core. To tell the code's cost
from the machine's, each run also times a fixed pure-Python reference task just before the
import (``reference``: its wall / CPU is how much the load stretched CPU-bound work at that
moment) and counts, over the import, the involuntary context switches (preempted: waiting for a
core), the blocks written and the seconds spent in ``fsync`` (waiting for the disk). The import
is split into its phases (parse; name mapping through the one lookup; the write of the user's
N-Quads file, fsync included).

Timed: the import; the cold read of the log (what a restart pays); a re-import of the same file
with the log in memory, and again after a restart (the cold read first); and ``GET
/api/v1/me/progress`` and ``/volume?weeks=12`` through the Flask test client (token check, JSON)
for the big user and for one of the others: the first request, p50 / p95 over ROUNDS requests
answered from the per-log-generation cache, and p50 / p95 with that cache emptied before each
request (the cost of computing the answer: what the first request after every import pays).
``--baseline`` also times writing the same quads into an on-disk pyoxigraph store, as imports did
before, in the same run. The public store is the bundled graph with the imports, loaded before
timing. Usage: ``python bench/history.py [--sets 30000] [--others 200] [--other-sets 5000]
[--rounds 50] [--baseline]``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox

import exgraph.history.log as history_log
from exgraph.graph.load import open_store
from exgraph.history.log import History
from exgraph.records.build import records_for
from exgraph.records.lookup import index_for
from exgraph.web.app import create_app

EXERCISES = [("Bench Press (Barbell)", 60), ("Squat (Barbell)", 80), ("Deadlift (Barbell)", 100),
             ("Overhead Press (Barbell)", 40), ("Lat Pulldown (Cable)", 50),
             ("Romanian Deadlift (Barbell)", 70), ("Bicep Curl (Dumbbell)", 12),
             ("Triceps Pushdown", 25), ("Leg Press", 120), ("Seated Cable Row", 55)]
HEADER = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
          "Notes,Workout Notes,RPE\n")


def strong_csv(sets: int, start: datetime) -> bytes:
    """A Strong export of about ``sets`` sets: 30 per session (10 exercises x 1 warm-up + 2
    working sets), a rest timer after each first working set, three sessions a week."""
    out = io.StringIO()
    out.write(HEADER)
    written, session = 0, 0
    while written < sets:
        when = start + timedelta(days=7 * (session // 3) + 2 * (session % 3), hours=18)
        stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        for name, base in EXERCISES:
            load = base + 2.5 * (session // 6)
            rows = [("W", base * 0.5, 10), ("1", load, 5 + session % 4),
                    ("Rest Timer", 0, 0), ("2", load, 5)]
            for order, weight, reps in rows:
                seconds = 120 if order == "Rest Timer" else 0
                out.write(f'{stamp},Session {session % 3},1h,"{name}",{order},{weight:g},{reps},'
                          f"0,{seconds},,,\n")
                written += order != "Rest Timer"
        session += 1
    return out.getvalue().encode()


def p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def load() -> float:
    return round(os.getloadavg()[0], 1)


def reference() -> tuple[float, float]:
    """(wall s, CPU s) of a fixed pure-Python task (about 0.3 s of CPU): its wall / CPU is how
    much the machine's load stretches CPU-bound work right now."""
    t0, c0 = time.perf_counter(), time.process_time()
    total = 0
    for i in range(9_000_000):
        total += i % 7
    return time.perf_counter() - t0, time.process_time() - c0


class Phases:
    """Wall and CPU seconds spent in named calls (wrapped for the timed import only), and
    wall seconds in os.fsync."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def wrap(self, name: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - t0
                self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c0
        return timed


def timed_import(history: History, user: Any, data: bytes, public: Any,
                 figures: dict[str, Any]) -> dict[str, Any]:
    """The import, with its phases, rusage counts and the load around it."""
    phases = Phases()
    # (owner, attribute, phase): the import's steps, timed by wrapping them for this one call
    steps = [(history_log, "parse", "parse"), (history_log.Mapper, "slug", "map_names"),
             (History, "add_sessions", "write"), (os, "fsync", "fsync")]
    saved = [getattr(owner, name) for owner, name, _phase in steps]
    for (owner, name, phase), function in zip(steps, saved, strict=True):
        setattr(owner, name, phases.wrap(phase, function))
    try:
        figures["load_before_import"] = load()
        ref_wall, ref_cpu = reference()
        figures["reference_wall_s"] = round(ref_wall, 2)
        figures["reference_cpu_s"] = round(ref_cpu, 2)
        figures["reference_stretch"] = round(ref_wall / ref_cpu, 1)
        before = resource.getrusage(resource.RUSAGE_SELF)
        t0, c0 = time.perf_counter(), time.process_time()
        report = history.import_file(user, data, "big.csv", public).as_json()
        figures["import_s"] = round(time.perf_counter() - t0, 2)
        figures["import_cpu_s"] = round(time.process_time() - c0, 2)
        after = resource.getrusage(resource.RUSAGE_SELF)
        figures["load_after_import"] = load()
    finally:
        for (owner, name, _phase), function in zip(steps, saved, strict=True):
            setattr(owner, name, function)
    for name in ("parse", "map_names", "write", "fsync"):
        figures[f"import_{name}_s"] = round(phases.wall.get(name, 0.0), 2)
        figures[f"import_{name}_cpu_s"] = round(phases.cpu.get(name, 0.0), 2)
    figures["import_preempted"] = after.ru_nivcsw - before.ru_nivcsw
    figures["import_written_mb"] = round((after.ru_oublock - before.ru_oublock) * 512 / 1e6)
    figures["import_wall_per_cpu"] = round(figures["import_s"] / max(
        figures["import_cpu_s"], 1e-3), 1)
    return report


def time_requests(client: Any, headers: dict[str, str], history: History, user: Any,
                  who: str, rounds: int, figures: dict[str, Any]) -> None:
    """Progress and volume for one user: first request, cached p50/p95, computed p50/p95."""
    for name, path in (("progress", "/api/v1/me/progress?exercise=bench-press"),
                       ("volume", "/api/v1/me/volume?weeks=12")):
        for mode in ("cached", "computed"):
            timings, cpu = [], []
            for _ in range(rounds):
                if mode == "computed":  # what the first request after a change pays
                    history.log(user).summaries.clear()
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(path, headers=headers)
                timings.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200, response.get_json()
            if mode == "cached":
                figures[f"{who}_{name}_first_ms"] = round(timings[0], 1)
            figures[f"{who}_{name}_{mode}_p50_ms"] = round(statistics.median(timings), 1)
            figures[f"{who}_{name}_{mode}_p95_ms"] = round(p(timings, 0.95), 1)
            figures[f"{who}_{name}_{mode}_cpu_p50_ms"] = round(statistics.median(cpu), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=int, default=30_000)
    parser.add_argument("--others", type=int, default=200)
    parser.add_argument("--other-sets", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--baseline", action="store_true",
                        help="also time writing the big log's quads into an on-disk pyoxigraph "
                             "store, as imports did before (the same run, the same machine)")
    args = parser.parse_args()
    public = open_store("oxigraph", imported=True)
    records_for(public), index_for(public, "exercise")  # built before timing, as a server does
    figures: dict[str, Any] = {"sets": args.sets, "others": args.others,
                               "other_sets": args.other_sets, "cores": os.cpu_count(),
                               "load_at_start": load()}
    with tempfile.TemporaryDirectory() as tmp:
        history = History(Path(tmp))
        t0, setup_cpu = time.perf_counter(), time.process_time()
        others = []
        for i in range(args.others):
            other, other_token = history.users.add(f"other{i}")
            others.append((other, other_token))
            history.import_file(other, strong_csv(args.other_sets, datetime(2020, 1, 1)
                                                  + timedelta(days=i)), "o.csv", public)
        figures["others_setup_s"] = round(time.perf_counter() - t0, 1)
        figures["others_setup_cpu_s"] = round(time.process_time() - setup_cpu, 1)
        big, token = history.users.add("lifter")
        data = strong_csv(args.sets, datetime(2021, 1, 4))
        report = timed_import(history, big, data, public, figures)
        figures["imported_sets"] = report["imported_sets"]
        figures["log_file_mb"] = round(history.path(big).stat().st_size / 1e6, 1)
        if args.baseline:  # the same quads written the way the import did before: one
            # transactional extend of an on-disk pyoxigraph store, and a flush
            quads = list(ox.parse(history.path(big).read_bytes(), format=ox.RdfFormat.N_QUADS))
            on_disk = ox.Store(str(Path(tmp) / "baseline-store"))
            t0, c0 = time.perf_counter(), time.process_time()
            on_disk.extend(quads)
            on_disk.flush()
            figures["baseline_store_write_s"] = round(time.perf_counter() - t0, 2)
            figures["baseline_store_write_cpu_s"] = round(time.process_time() - c0, 2)
            figures["quads"] = len(quads)
            del on_disk, quads
        t0, c0 = time.perf_counter(), time.process_time()
        again = history.import_file(big, data, "big.csv", public).as_json()
        figures["reimport_s"] = round(time.perf_counter() - t0, 2)
        figures["reimport_cpu_s"] = round(time.process_time() - c0, 2)
        assert again["imported_sets"] == 0, again["skipped_by_reason"]
        history.forget()  # what a restart reads: the whole log back from its file
        t0, c0 = time.perf_counter(), time.process_time()
        history.log(big)
        figures["cold_read_s"] = round(time.perf_counter() - t0, 2)
        figures["cold_read_cpu_s"] = round(time.process_time() - c0, 2)
        history.forget()  # a re-import after a restart: the cold read, then every set found
        t0, c0 = time.perf_counter(), time.process_time()
        history.import_file(big, data, "big.csv", public)
        figures["reimport_after_restart_s"] = round(time.perf_counter() - t0, 2)
        figures["reimport_after_restart_cpu_s"] = round(time.process_time() - c0, 2)
        app = create_app({"STORE": public, "HISTORY_DIR": tmp})
        app.extensions["exgraph_history"] = history
        client = app.test_client()
        figures["load_before_requests"] = load()
        time_requests(client, {"Authorization": f"Bearer {token}"}, history, big, "big",
                      args.rounds, figures)
        if others:
            other, other_token = others[len(others) // 2]
            time_requests(client, {"Authorization": f"Bearer {other_token}"}, history, other,
                          "other", args.rounds, figures)
        figures["load_at_end"] = load()
        figures["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        history.close()
    json.dump(figures, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
