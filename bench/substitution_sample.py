"""Draw the substitution benchmark's sources and pool their candidates (seeded, repeatable).

Sources: the 15 everyday lifts (the README "Substitutes" table) plus a stratified random sample
of the exercises that have a primary muscle group, strata = movement pattern (or none) x body
region of the primary groups (upper, lower, core, or mixed), allocated in proportion to the
strata's sizes (largest remainder), drawn with ``random.Random(SEED)`` from each stratum's
sorted slugs. Half of the sources (a seeded shuffle) are the held-out half.

The draw was made on the graph of issue 23. Entity resolution (data/aliases.ttl) and the
reviewed layer changed the pool (its members, patterns and muscles), so ``draw`` on today's graph
no longer gives the same 90: when the benchmark file exists its sources are kept (named by their
canonical slugs) and only the candidates are pooled again.

Candidates: the union of the top 10 of every system — the engine before this work (git
revision BEFORE), the engine now, the muscle-overlap Jaccard baseline and the TF-IDF baseline —
so the benchmark does not favour one ranking. Re-running keeps every grade already in the file
and adds ungraded rows for new candidates (grade left empty: a person grades them by the rules in
docs/substitutes.md; the benchmark reader refuses an empty grade).

    .venv/bin/python bench/substitution_sample.py [--extra N]

**The fresh sample** (``--fresh``; tests/data/substitution-benchmark-fresh.tsv, split "fresh"):
the benchmark's held-out half stopped being blind when a review read its misses, so 30 new
sources are drawn with ``random.Random(FRESH_SEED)`` by the same strata and largest remainder,
from the exercises with a primary muscle group that are not sources of the benchmark (nor
everyday lifts). Candidates: the engine's top 15 and both baselines' top 10. Re-running with
``--fresh`` keeps the file's sources and every grade and adds ungraded rows for candidates new
in those top lists (after a ranking or data change): grade them by the rules, then run
bench/substitute_quality.py.

    .venv/bin/python bench/substitution_sample.py --fresh

**The second fresh sample** (tests/data/substitution-benchmark-fresh2.tsv, split "fresh2",
``random.Random(20261208)``): drawn the same way when the first one's misses had been read, from
the exercises that are sources neither of the benchmark nor of the first sample. Every fresh
sample is one entry of ``FRESH_SEEDS`` (file, seed, in the order drawn); a sample's pool leaves
out the sources of the benchmark and of every sample drawn before it, and is kept beside its
file (``-pool.tsv``). A new sample is one more entry and one command:

    .venv/bin/python bench/substitution_sample.py --fresh --seed 20261208 \
        --out tests/data/substitution-benchmark-fresh2.tsv
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Collection
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from substitute_quality import (  # noqa: E402
    BENCHMARK,
    FRESH,
    FRESH2,
    canonical,
    engine_at,
    engine_ranker,
    jaccard_ranker,
    open_store,
    tfidf_ranker,
)

from exgraph.queries.substitutes import Engine, Exercise, Filters  # noqa: E402

SEED = 23
SAMPLE = 90
#: The fresh sample (issue 23's re-audit): its seed (the day it was drawn), its size, and how
#: deep the engine's list is pooled (the baselines' top 10 as always).
FRESH_SEED = 20261207
FRESH_SAMPLE = 30
FRESH_ENGINE_DEPTH = 15
#: Every fresh sample, in the order drawn: its file and its seed (the day it was drawn). Each
#: one's pool leaves out the sources of the samples before it.
FRESH_SEEDS: dict[Path, int] = {FRESH: FRESH_SEED, FRESH2: 20261208}
#: The engine before issue 23 (the base of this work), pooled so that "before" is graded too.
BEFORE = "f5a825e"
EVERYDAY = ["barbell-squat", "bench-press", "barbell-deadlift", "pullups", "pushups",
            "bodyweight-walking-lunge", "overhead-press", "bent-over-barbell-row",
            "barbell-hip-thrust", "leg-press", "wide-grip-lat-pulldown", "barbell-curl", "plank",
            "one-arm-kettlebell-swings", "romanian-deadlift"]
UPPER = {"chest", "shoulders", "lats", "triceps", "biceps", "traps", "middle-back", "forearms",
         "neck"}
LOWER = {"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"}
CORE = {"abdominals", "erector-spinae"}
COLUMNS = ["source", "source_name", "candidate", "candidate_name", "grade", "hard_negative",
           "split", "pooled_by", "note"]


def region(ex: Exercise) -> str:
    found = [name for name, groups in (("upper", UPPER), ("lower", LOWER), ("core", CORE))
             if ex.primary & groups]
    return found[0] if len(found) == 1 else "mixed"


def strata_of(engine: Engine, exclude: Collection[str] = ()) -> dict[tuple[str, str], list[str]]:
    """The draw's pool: every exercise with a primary muscle group, except the everyday lifts and
    ``exclude``, by stratum (movement pattern or "none", body region), slugs sorted."""
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug in sorted(engine.exercises):
        ex = engine.exercises[slug]
        if ex.primary and slug not in EVERYDAY and slug not in exclude:
            strata[(ex.pattern or "none", region(ex))].append(slug)
    return dict(strata)


def stratified(strata: dict[tuple[str, str], list[str]], seed: int, size: int) -> list[str]:
    """``size`` slugs drawn with ``random.Random(seed)``, allocated to the strata in proportion to
    their sizes (largest remainder), in stratum order."""
    total = sum(len(v) for v in strata.values())
    quota = {k: size * len(v) / total for k, v in strata.items()}
    counts = {k: int(q) for k, q in quota.items()}
    for k in sorted(quota, key=lambda k: (counts[k] - quota[k], k))[:size - sum(counts.values())]:
        counts[k] += 1
    rng = random.Random(seed)
    chosen: list[str] = []
    for key in sorted(strata):
        chosen += rng.sample(strata[key], counts[key])
    return chosen


def draw(engine: Engine, seed: int = SEED, size: int = SAMPLE,
         exclude: Collection[str] = ()) -> list[str]:
    """The sampled sources (without the everyday lifts and ``exclude``), stratified, in stratum
    order."""
    return stratified(strata_of(engine, exclude), seed, size)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A benchmark file's comment lines and rows (in the file's order)."""
    with path.open(encoding="utf-8") as fh:
        lines = fh.readlines()
    header = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t"))
    return header, rows


def pool_path(sample: Path = FRESH) -> Path:
    """Where the pool a fresh sample was drawn from is kept: beside it, ``-pool.tsv``."""
    return sample.with_name(sample.stem + "-pool.tsv")


#: The first fresh sample's kept pool (bench and tests name it).
FRESH_POOL = pool_path(FRESH)


def split_of(sample: Path) -> str:
    """A fresh sample's split name: "fresh" for the first, "fresh2", "fresh3"... after it (its
    place in FRESH_SEEDS); a file that is not registered is named by its seed's place anyway."""
    order = list(FRESH_SEEDS)
    at = order.index(sample) if sample in order else len(order)
    return "fresh" if at == 0 else f"fresh{at + 1}"


def earlier_sources(sample: Path) -> set[str]:
    """The sources of every fresh sample drawn before ``sample`` (all registered ones when it is
    not registered), as drawn and as named today."""
    order = list(FRESH_SEEDS)
    before = order[:order.index(sample)] if sample in order else order
    found: set[str] = set()
    for path in before:
        found |= {row["source"] for row in read_rows(path)[1]}
    return found | {canonical(slug) for slug in found}


def fresh_strata(engine: Engine, benchmark: Path = BENCHMARK,
                 sample: Path = FRESH) -> dict[tuple[str, str], list[str]]:
    """A fresh sample's pool: exercises with a primary muscle group that are neither everyday
    lifts nor sources of the benchmark or of an earlier fresh sample, by stratum."""
    _, rows = read_rows(benchmark)
    return strata_of(engine, exclude={row["source"] for row in rows} | earlier_sources(sample))


def draw_fresh(engine: Engine, benchmark: Path = BENCHMARK, sample: Path = FRESH) -> list[str]:
    """A fresh sample: FRESH_SAMPLE sources drawn with its seed from fresh_strata."""
    return stratified(fresh_strata(engine, benchmark, sample), FRESH_SEEDS[sample], FRESH_SAMPLE)


def write_pool(strata: dict[tuple[str, str], list[str]], path: Path = FRESH_POOL) -> None:
    """Keep the pool a fresh sample was drawn from (pattern, region, slug a line), so the draw
    can be checked after the graph has changed."""
    sample = path.with_name(path.name.removesuffix("-pool.tsv") + ".tsv")
    seed = FRESH_SEEDS.get(sample, "SEED")
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# The pool the fresh sample (tests/data/{sample.name}) was "
                 "drawn from, by stratum:\n# written by bench/substitution_sample.py --fresh when "
                 f"it drew the sample;\n# stratified(read_pool(this file), {seed}, FRESH_SAMPLE) "
                 "gives its sources.\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["pattern", "region", "slug"])
        for (pattern, area), slugs in sorted(strata.items()):
            writer.writerows([pattern, area, slug] for slug in slugs)


def read_pool(path: Path = FRESH_POOL) -> dict[tuple[str, str], list[str]]:
    """The pool kept by write_pool."""
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            strata[(row["pattern"], row["region"])].append(row["slug"])
    return dict(strata)


def new_header(out: Path, seed: int) -> list[str]:
    """The first comment lines of a newly drawn fresh sample: the seed, the commit drawn on and
    how it was pooled (the grader adds the grading's own lines)."""
    rev = subprocess.run(["git", "rev-parse", "--short=7", "HEAD"], cwd=HERE, check=True,
                         capture_output=True, text=True).stdout.strip()
    return [f"# Substitution benchmark, fresh sample {split_of(out)!r}: {FRESH_SAMPLE} source "
            "exercises nobody tuned the ranking on.\n",
            f"# Drawn {date.today().isoformat()} on main at {rev} by bench/substitution_sample.py "
            f"--fresh: random.Random({seed}), stratified\n",
            "# like the benchmark over the exercises with a primary muscle group that are "
            "neither everyday lifts nor sources of\n",
            "# the benchmark or an earlier fresh sample (the pool: "
            f"{pool_path(out).name}). Candidates: the engine's top {FRESH_ENGINE_DEPTH}\n",
            "# and the muscle-overlap Jaccard and TF-IDF baselines' top 10; rows in slug order "
            "within a source.\n"]


def pool_fresh(out: Path = FRESH, seed: int | None = None) -> None:
    """Draw (or keep) a fresh sample's sources and pool the engine's top 15 and both baselines'
    top 10; existing rows and grades are kept, new candidates added ungraded after their
    source. ``seed`` defaults to the sample's in FRESH_SEEDS."""
    seed = FRESH_SEEDS[out] if seed is None else seed
    store = open_store("oxigraph", imported=True)
    engine = Engine.load(store)
    header: list[str] = []
    rows: list[dict[str, str]] = []
    if out.exists():
        header, rows = read_rows(out)
        sources = list(dict.fromkeys(row["source"] for row in rows))
    else:  # a new draw: keep its pool beside it
        strata = fresh_strata(engine, sample=out)
        write_pool(strata, pool_path(out))
        sources = stratified(strata, seed, FRESH_SAMPLE)
        header = new_header(out, seed)
    # a pair graded under an alias of today's exercise is graded (a merge renames, it does not
    # make the pair new); a source merged since into another exercise is not pooled again
    old = {(canonical(row["source"]), canonical(row["candidate"])) for row in rows}
    sources = [source for source in sources if canonical(source) == source]

    def deep(slug: str) -> list[str]:
        return [s.exercise.slug for s in engine.rank(slug, Filters(limit=FRESH_ENGINE_DEPTH))]
    systems = {"engine": deep, "jaccard": jaccard_ranker(engine), "tfidf": tfidf_ranker(engine)}
    for source in sources:
        pooled: dict[str, list[str]] = {}
        for name, rank in systems.items():
            for slug in rank(source):
                pooled.setdefault(slug, []).append(name)
        at = max((i + 1 for i, row in enumerate(rows) if row["source"] == source),
                 default=len(rows))
        rows[at:at] = [{"source": source, "source_name": engine.exercises[source].name,
                        "candidate": slug, "candidate_name": engine.exercises[slug].name,
                        "grade": "", "hard_negative": "", "split": split_of(out),
                        "pooled_by": ",".join(by), "note": ""}
                       for slug, by in sorted(pooled.items()) if (source, slug) not in old]
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(header)
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ungraded = sum(1 for r in rows if r["grade"] == "")
    print(f"{len(sources)} fresh sources, {len(rows)} pairs, {ungraded} to grade -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--fresh", action="store_true",
                        help="draw or re-pool a fresh sample (its own file, split 'fresh', "
                             "'fresh2'...; --out picks it, default the first)")
    parser.add_argument("--seed", type=int, default=None,
                        help="with --fresh: the draw's seed (default: the file's in FRESH_SEEDS)")
    args = parser.parse_args()
    if args.fresh:
        out = (args.out or FRESH).resolve()
        if args.seed is None and out not in FRESH_SEEDS:
            parser.error(f"{out} is no registered fresh sample: give --seed")
        if args.seed is not None and FRESH_SEEDS.get(out, args.seed) != args.seed:
            parser.error(f"{out.name} was drawn with seed {FRESH_SEEDS[out]}, not {args.seed}")
        pool_fresh(out, args.seed)
        return
    args.out = args.out or BENCHMARK
    store = open_store("oxigraph", imported=True)
    engine = Engine.load(store)
    sources = EVERYDAY + draw(engine)
    shuffled = sources[:]
    random.Random(SEED + 1).shuffle(shuffled)
    held_out = set(shuffled[: len(shuffled) // 2])
    if args.out.exists():  # the sources and halves as drawn on the graph of issue 23
        with args.out.open(encoding="utf-8") as fh:
            split = {row["source"]: row["split"] for row in csv.DictReader(
                (ln for ln in fh if not ln.startswith("#")), delimiter="\t")}
        sources = EVERYDAY + [s for s in split if s not in EVERYDAY]
        held_out = {s for s, half in split.items() if half == "held-out"}
    systems = {"engine": engine_ranker(engine), "jaccard": jaccard_ranker(engine),
               "tfidf": tfidf_ranker(engine)}
    try:
        systems["before"] = engine_at(BEFORE, store)
    except ImportError as error:  # its modules have moved since; its top 10s were pooled
        print(f"the engine at {BEFORE} no longer loads ({error}); its pooled pairs are kept")
    old: dict[tuple[str, str], dict[str, str]] = {}
    header: list[str] = []
    if args.out.exists():
        with args.out.open(encoding="utf-8") as fh:
            lines = fh.readlines()
        header = [line for line in lines if line.startswith("#")]
        for row in csv.DictReader((ln for ln in lines if not ln.startswith("#")),
                                  delimiter="\t"):
            old[(row["source"], row["candidate"])] = row
    # a pair graded under an alias of today's exercise is graded: a merge does not make it new
    graded = {(canonical(s), canonical(c)) for s, c in old}
    # the file's rows stay as they are, in the file's order; a new candidate's row goes after
    # the last row of its source (a re-pool adds rows, it does not rewrite or reorder them)
    rows = [dict(row) for row in old.values()]
    for source in sources:
        pooled: dict[str, list[str]] = {}
        for name, rank in systems.items():
            for slug in rank(source):
                pooled.setdefault(slug, []).append(name)
        at = max((i + 1 for i, row in enumerate(rows) if row["source"] == source),
                 default=len(rows))
        new = [{"source": source, "source_name": engine.exercises[source].name,
                "candidate": slug, "candidate_name": engine.exercises[slug].name,
                "grade": "", "hard_negative": "",
                "split": "held-out" if source in held_out else "dev",
                "pooled_by": ",".join(sorted(by)), "note": ""}
               for slug, by in pooled.items() if (source, slug) not in graded]
        rows[at:at] = new
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(header)
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ungraded = sum(1 for r in rows if r["grade"] == "")
    print(f"{len(sources)} sources, {len(rows)} pairs, {ungraded} to grade -> {args.out}")


if __name__ == "__main__":
    main()
