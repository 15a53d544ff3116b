"""A grading sheet for a substitution benchmark file: each source's record, then its candidates'
records in the file's order (by slug in the fresh file, so the engine's rank is hidden), with
neither the systems that pooled them nor any grade in view.

Used to grade the fresh samples (docs/substitutes.md, "The benchmark") and to grade the places a
re-pool adds: ``bench/substitution_sample.py --fresh`` adds them with an empty grade, this prints
only those (``--ungraded``), a person grades each by the written rules and fills the grade,
hard_negative and note columns. ``--sample fresh2`` picks the second fresh sample (the file whose
split is named so; the first, "fresh", by default), ``--benchmark FILE`` any file.

``--draw N --seed S`` prints only N rows drawn uniformly over the file's rows with
``random.Random(S).sample(range(rows), N)`` (comment lines and header skipped; :func:`drawn`), in
the file's order; for a file with a kept draw population (``POPULATIONS``: its pairs as they
stood when the draw was made, since a later re-pool inserts rows after their sources and would
move every position) the positions are the population's. It is the sheet of a second,
independent grader, who must judge those pairs without the file's grades in view
(docs/substitutes.md, "A second grader for fresh2"). The sheet never shows a grade, a note or
the systems that pooled a pair; ``--template`` prints the selected
pairs as an empty grading file instead (source, candidate, grade, hard_negative, note).

    .venv/bin/python bench/grading_sheet.py [--sample fresh2 | --benchmark FILE] [--ungraded]
        [--source SLUG] [--steps] [--draw N --seed S] [--template]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("EXGRAPH_IMPORTS", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from substitute_quality import FRESH_FILES  # noqa: E402

from exgraph.graph.load import open_store  # noqa: E402
from exgraph.queries.substitutes import Engine  # noqa: E402
from exgraph.records.build import records_for  # noqa: E402
from exgraph.records.model import Record  # noqa: E402

#: The fresh samples by split name: "fresh", "fresh2" (the name their rows' split column gives).
SAMPLES = {("fresh" if i == 0 else f"fresh{i + 1}"): path for i, path in enumerate(FRESH_FILES)}
STEP_CHARS = 220
#: A sample's draw population: its (source, candidate) pairs in the file's order when the second
#: grader's draw was made. Re-pools only add rows, so the drawn pairs stay in the file.
POPULATIONS = {SAMPLES["fresh2"].resolve(): HERE.parent / "tests" / "data"
               / "substitution-fresh2-draw-population.tsv"}
#: The columns of a second grader's file (``--template``).
TEMPLATE = ("source", "candidate", "grade", "hard_negative", "note")


def read_rows(path: Path) -> list[dict[str, str]]:
    """A benchmark file's rows in the file's order (comment lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


def drawn(count: int, n: int, seed: int) -> list[int]:
    """The positions of ``n`` of ``count`` rows drawn uniformly with ``random.Random(seed)``, in
    the file's order: every row is as likely as any other, whatever its source or grade (a
    stratified draw would need the grades the second grader must not see)."""
    return sorted(random.Random(seed).sample(range(count), n))


def drawn_rows(path: Path, n: int, seed: int) -> list[dict[str, str]]:
    """The rows of ``path`` drawn by :func:`drawn`: over the file's rows, or over its kept draw
    population (``POPULATIONS``) when it has one, each drawn pair read from today's file."""
    rows = read_rows(path)
    population = POPULATIONS.get(path.resolve())
    if population is None:
        return [rows[i] for i in drawn(len(rows), n, seed)]
    pairs = [(row["source"], row["candidate"]) for row in read_rows(population)]
    by_pair = {(row["source"], row["candidate"]): row for row in rows}
    return [by_pair[pairs[i]] for i in drawn(len(pairs), n, seed)]


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
    parser.add_argument("--benchmark", type=Path, default=None,
                        help="a benchmark file (default: the --sample's)")
    parser.add_argument("--sample", choices=sorted(SAMPLES), default="fresh",
                        help="a fresh sample by its split name")
    parser.add_argument("--ungraded", action="store_true", help="only rows with no grade")
    parser.add_argument("--source", action="append", default=[], help="only these sources")
    parser.add_argument("--steps", action="store_true", help="the candidates' steps too")
    parser.add_argument("--draw", type=int, default=0, help="only N rows drawn with --seed")
    parser.add_argument("--seed", type=int, default=None, help="the seed of --draw")
    parser.add_argument("--template", action="store_true",
                        help="print the pairs as an empty grading file, not their records")
    args = parser.parse_args()
    if args.draw and args.seed is None:
        parser.error("--draw needs --seed")
    path = args.benchmark or SAMPLES[args.sample]
    rows = drawn_rows(path, args.draw, args.seed) if args.draw else read_rows(path)
    rows = [row for row in rows if not (args.ungraded and row["grade"])
            and (not args.source or row["source"] in args.source)]
    if args.template:
        print("\t".join(TEMPLATE))
        for row in rows:
            print("\t".join([row["source"], row["candidate"], "", "", ""]))
        return
    store = open_store("oxigraph", imported=True)
    engine = Engine.load(store)
    records = records_for(store).records
    current = None
    for row in rows:
        if row["source"] != current:
            current = row["source"]
            print(f"\n=== SOURCE {describe(engine, records[current], True)}")
        print("  - " + describe(engine, records[row["candidate"]], args.steps))


if __name__ == "__main__":
    main()
