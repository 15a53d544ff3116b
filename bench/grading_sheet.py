"""A grading sheet for a substitution benchmark file: each source's record, then its candidates'
records in the file's order (by slug in the fresh file, so the engine's rank is hidden), with
neither the systems that pooled them nor any grade in view.

Used to grade the fresh sample (docs/substitutes.md, "The benchmark") and to grade the places a
re-pool adds: ``bench/substitution_sample.py --fresh`` adds them with an empty grade, this prints
only those (``--ungraded``), a person grades each by the written rules and fills the grade,
hard_negative and note columns.

    .venv/bin/python bench/grading_sheet.py [--benchmark FILE] [--ungraded] [--source SLUG]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

os.environ.setdefault("EXGRAPH_IMPORTS", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from exgraph.graph.load import open_store  # noqa: E402
from exgraph.queries.substitutes import Engine  # noqa: E402
from exgraph.records.build import records_for  # noqa: E402
from exgraph.records.model import Record  # noqa: E402

FRESH = HERE.parent / "tests" / "data" / "substitution-benchmark-fresh.tsv"
STEP_CHARS = 220


def describe(engine: Engine, record: Record, steps: bool) -> str:
    """One exercise's facts on a line (or two): kind, pattern, muscles by role, equipment,
    laterality, level and, with ``steps``, the start of its steps."""
    ex = engine.exercises[record.id]
    muscles = " ".join(f"{role[0].upper()}:{','.join(m['id'] for m in record.muscles[role])}"
                       for role in ("primary", "secondary") if record.muscles.get(role))
    kit = ",".join(e["id"] for e in record.equipment) or "?"
    parts = [ex.kind, ex.pattern or "-", muscles, f"eq:{kit}", ex.laterality or "-",
             "/".join(record.difficulty) or "-"]
    line = f"{record.name} [{record.id}] " + " | ".join(parts)
    if steps and record.steps:
        text = " ".join(record.steps)
        line += "\n      steps: " + text[:STEP_CHARS] + ("..." if len(text) > STEP_CHARS else "")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--benchmark", type=Path, default=FRESH)
    parser.add_argument("--ungraded", action="store_true", help="only rows with no grade")
    parser.add_argument("--source", action="append", default=[], help="only these sources")
    parser.add_argument("--steps", action="store_true", help="the candidates' steps too")
    args = parser.parse_args()
    store = open_store("oxigraph", imported=True)
    engine = Engine.load(store)
    records = records_for(store).records
    with args.benchmark.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    current = None
    for row in rows:
        if args.ungraded and row["grade"]:
            continue
        if args.source and row["source"] not in args.source:
            continue
        if row["source"] != current:
            current = row["source"]
            print(f"\n=== SOURCE {describe(engine, records[current], True)}")
        print("  - " + describe(engine, records[row["candidate"]], args.steps))


if __name__ == "__main__":
    main()
