"""Training history (issue 26): importing a big log, and progress and volume on it.

A synthetic Strong CSV of SETS sets (sessions of 30 sets over ten exercises Strong names them,
warm-ups and rest-timer rows included, loads rising week on week) is imported for one user into a
history directory that already holds OTHERS users of OTHER_SETS sets each (the same generator,
shifted in time; 200 x 5,000 by default, the issue's figure). Timed, wall clock and CPU of this
process (the machine is shared: CPU is what the code costs, wall what a user waits): the import
(parse, name mapping through the one lookup, the write of the user's N-Quads file), a re-import
of the same file (every set found already there), the cold read of the log (after a restart),
and ``GET /api/v1/me/progress`` and ``/volume?weeks=12`` through the Flask test client (token
check, JSON) for the big user: the first request (which computes the answer) and p50 / p95 over
ROUNDS requests (later ones reuse the answer until the log changes). ``--baseline`` also times
writing the same quads into an on-disk pyoxigraph store, as imports did before, in the same run.
The public store is the bundled graph with the imports, loaded before timing. Usage:
``python bench/history.py [--sets 30000] [--others 200] [--other-sets 5000] [--rounds 50]
[--baseline]``.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import pyoxigraph as ox

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
    figures: dict[str, object] = {"sets": args.sets, "others": args.others,
                                  "other_sets": args.other_sets}
    with tempfile.TemporaryDirectory() as tmp:
        history = History(Path(tmp))
        t0, setup_cpu = time.perf_counter(), time.process_time()
        for i in range(args.others):
            other = history.users.add(f"other{i}")[0]
            history.import_file(other, strong_csv(args.other_sets, datetime(2020, 1, 1)
                                                  + timedelta(days=i)), "o.csv", public)
        figures["others_setup_s"] = round(time.perf_counter() - t0, 1)
        figures["others_setup_cpu_s"] = round(time.process_time() - setup_cpu, 1)
        big, token = history.users.add("lifter")
        data = strong_csv(args.sets, datetime(2021, 1, 4))
        t0, c0 = time.perf_counter(), time.process_time()
        report = history.import_file(big, data, "big.csv", public).as_json()
        figures["import_s"] = round(time.perf_counter() - t0, 2)
        figures["import_cpu_s"] = round(time.process_time() - c0, 2)
        figures["imported_sets"] = report["imported_sets"]
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
            del on_disk
        history.forget()  # what a restart reads: the whole log back from its file
        t0, c0 = time.perf_counter(), time.process_time()
        history.log(big)
        figures["cold_read_s"] = round(time.perf_counter() - t0, 2)
        figures["cold_read_cpu_s"] = round(time.process_time() - c0, 2)
        t0 = time.perf_counter()
        again = history.import_file(big, data, "big.csv", public).as_json()
        figures["reimport_s"] = round(time.perf_counter() - t0, 2)
        assert again["imported_sets"] == 0, again["skipped_by_reason"]
        app = create_app({"STORE": public, "HISTORY_DIR": tmp})
        app.extensions["exgraph_history"] = history
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        for name, path in (("progress", "/api/v1/me/progress?exercise=bench-press"),
                           ("volume", "/api/v1/me/volume?weeks=12")):
            timings = []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                response = client.get(path, headers=headers)
                timings.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, response.get_json()
            # the first request computes the answer; later ones, until the log changes, reuse it
            figures[f"{name}_first_ms"] = round(timings[0], 1)
            figures[f"{name}_p50_ms"] = round(statistics.median(timings), 1)
            figures[f"{name}_p95_ms"] = round(p(timings, 0.95), 1)
        figures["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        history.close()
    json.dump(figures, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
