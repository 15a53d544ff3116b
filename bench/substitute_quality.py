"""Substitute quality: nDCG@10 and precision@5 on the graded benchmark, for the engine and two
simple baselines, in one run.

The benchmark (tests/data/substitution-benchmark.tsv, rules in docs/substitutes.md) grades
pooled candidates 0-3 for 100+ source exercises. Each system ranks the ten best substitutes of
every source on the graph users get (no filters); a candidate the benchmark does not grade
counts as grade 0 (and is counted, so a pool that needs extending shows). Figures:

- nDCG@10, gain 2^grade - 1, the ideal ranking from every graded candidate of the source;
- P@5: the share of the top 5 graded 2 or 3 (a good or acceptable swap);
- hard negatives: top-5 places held by a candidate graded 0 and marked as a hard negative.

Systems: the engine (src/exgraph/queries/substitutes.py, or with ``--engine-at REV`` the engine
of a git revision, for before/after figures), a muscle-overlap Jaccard baseline (Jaccard of the
muscle groups worked as primary or secondary, ties by name) and a TF-IDF baseline (cosine of
TF-IDF vectors of the normalised name words). Figures for all sources, the dev half and the
held-out half (sources whose split column says ``held-out``: the ranking was tuned looking at the
dev half only), and for each fresh sample in its own columns
(tests/data/substitution-benchmark-fresh.tsv, "fresh": 30 sources drawn after the held-out half
had been read; -fresh2.tsv, "fresh2": 30 more drawn after the first one's misses had been read;
each graded before anyone looked at the engine's results on it).

    .venv/bin/python bench/substitute_quality.py [--engine-at main] [--per-source]
"""

from __future__ import annotations

import argparse
import csv
import functools
import importlib.util
import math
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("EXGRAPH_IMPORTS", "1")
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402

from exgraph.graph.load import open_store  # noqa: E402
from exgraph.graph.store import Store  # noqa: E402
from exgraph.queries.substitutes import Engine, Filters  # noqa: E402
from exgraph.vocab.names import normalise  # noqa: E402

BENCHMARK = REPO / "tests" / "data" / "substitution-benchmark.tsv"
#: The fresh sample (30 sources nobody tuned on, bench/substitution_sample.py --fresh).
FRESH = REPO / "tests" / "data" / "substitution-benchmark-fresh.tsv"
#: The second fresh sample (branch grade6): 30 more, drawn before the fifth ranking review landed.
FRESH2 = REPO / "tests" / "data" / "substitution-benchmark-fresh2.tsv"
#: Every fresh sample in the order drawn; each is reported in its own columns.
FRESH_FILES = (FRESH, FRESH2)
DEPTH = 10
GOOD = 2  # precision@5 counts grades >= GOOD
Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Judged:
    """The benchmark: grades by (source, candidate), hard negatives and each source's split."""

    grades: Mapping[str, Mapping[str, int]]
    hard: frozenset[tuple[str, str]]
    split: Mapping[str, str]


@functools.cache
def _aliases() -> dict[str, str]:
    """alias slug -> canonical slug, from data/aliases.ttl (read once per process)."""
    from exgraph.merge.apply import read_aliases

    return {str(a).rsplit("/", 1)[-1]: str(c).rsplit("/", 1)[-1]
            for a, c in read_aliases().items()}


def canonical(slug: str) -> str:
    """The exercise slug ``slug`` names today: itself, or the canonical exercise an alias of
    data/aliases.ttl was merged into (a sample keeps its slugs as drawn and graded; a later merge
    names the same exercise otherwise)."""
    return _aliases().get(slug, slug)


def read_benchmark(path: Path = BENCHMARK) -> Judged:
    """The graded pairs (lines starting with # are comments), each slug read as the exercise it
    names today (:func:`canonical`): a pair merged into one exercise is left out, and where an
    alias and its canonical were both graded for a source, the canonical's own row counts."""
    grades: dict[str, dict[str, int]] = defaultdict(dict)
    hard: set[tuple[str, str]] = set()
    split: dict[str, str] = {}
    named: set[tuple[str, str]] = set()  # pairs graded under today's slugs
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            source, candidate = canonical(row["source"]), canonical(row["candidate"])
            if source == candidate:
                continue
            as_written = (source, candidate) == (row["source"], row["candidate"])
            if candidate in grades[source] and ((source, candidate) in named or not as_written):
                continue
            if as_written:
                named.add((source, candidate))
            grades[source][candidate] = int(row["grade"])
            split[source] = row["split"]
            hard.discard((source, candidate))
            if row["hard_negative"] == "yes":
                hard.add((source, candidate))
    return Judged(grades, frozenset(hard), split)


# -- baselines -----------------------------------------------------------------------------------


def jaccard_ranker(engine: Engine) -> Ranker:
    """Muscle-overlap Jaccard: |A and B| / |A or B| over the muscle groups each works as primary or
    secondary mover; ties by name; an exercise with no muscles in common is not ranked."""
    names = {slug: ex.sort_name for slug, ex in engine.exercises.items()}

    def rank(slug: str) -> list[str]:
        target = engine.exercises[slug].moving
        scored = []
        for other, ex in engine.exercises.items():
            if other == slug or not target & ex.moving:
                continue
            scored.append((-len(target & ex.moving) / len(target | ex.moving), names[other],
                           other))
        return [s for _, _, s in sorted(scored)[:DEPTH]]
    return rank


def tfidf_ranker(engine: Engine) -> Ranker:
    """TF-IDF over names: the normalised words of each name weighted by term frequency x
    log(N / document frequency), L2-normalised; candidates by cosine, ties by name."""
    slugs = sorted(engine.exercises, key=lambda s: (engine.exercises[s].sort_name, s))
    docs = [normalise(engine.exercises[s].name).split() for s in slugs]
    vocab: dict[str, int] = {}
    for words in docs:
        for word in words:
            vocab.setdefault(word, len(vocab))
    matrix = np.zeros((len(slugs), len(vocab)))
    for i, words in enumerate(docs):
        for word in words:
            matrix[i, vocab[word]] += 1
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log(len(slugs) / df)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    at = {s: i for i, s in enumerate(slugs)}

    def rank(slug: str) -> list[str]:
        sims = matrix @ matrix[at[slug]]
        sims[at[slug]] = -1.0
        order = np.lexsort((np.arange(len(slugs)), -sims))[:DEPTH]
        return [slugs[i] for i in order if sims[i] > 0]
    return rank


def engine_ranker(engine: Any) -> Ranker:
    def rank(slug: str) -> list[str]:
        return [s.exercise.slug for s in engine.rank(slug, Filters(limit=DEPTH))]
    return rank


def engine_at(rev: str, store: Store) -> Any:
    """The engine of a git revision (its substitutes.py loaded as a module of its own) over
    store: the 'before' figures."""
    source = subprocess.run(["git", "show", f"{rev}:src/exgraph/queries/substitutes.py"],
                            cwd=REPO, check=True, capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "substitutes_at_rev.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("substitutes_at_rev", path)
        assert spec is not None and spec.loader is not None
        module: ModuleType = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    old = module.Engine.load(store)

    def rank(slug: str) -> list[str]:
        return [s.exercise.slug for s in old.rank(slug, module.Filters(limit=DEPTH))]
    return rank


# -- metrics -------------------------------------------------------------------------------------


def ndcg(ranked: Sequence[str], grades: Mapping[str, int], k: int = DEPTH) -> float:
    def dcg(gains: Sequence[int]) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))
    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(s, 0) for s in ranked]) / ideal if ideal else 0.0


def precision(ranked: Sequence[str], grades: Mapping[str, int], k: int = 5) -> float:
    return sum(grades.get(s, 0) >= GOOD for s in ranked[:k]) / k


@dataclass(frozen=True)
class Figures:
    ndcg: float
    p5: float
    hard_in_top5: int
    unjudged: int  # top-10 places not graded (counted as 0)
    sources: int


def evaluate(rank: Ranker, judged: Judged, sources: Sequence[str]) -> Figures:
    nd, p5, hard, unjudged = [], [], 0, 0
    for source in sources:
        ranked = rank(source)
        grades = judged.grades[source]
        nd.append(ndcg(ranked, grades))
        p5.append(precision(ranked, grades))
        hard += sum((source, s) in judged.hard for s in ranked[:5])
        unjudged += sum(s not in grades for s in ranked[:DEPTH])
    return Figures(float(np.mean(nd)), float(np.mean(p5)), hard, unjudged, len(sources))


def fresh_samples(judged: Judged, files: Sequence[Path]) -> list[tuple[str, Judged, list[str]]]:
    """Each fresh sample that exists, in the order drawn: its split name (the file's split
    column: "fresh", "fresh2"), its grades, and the sources it is scored on: those not merged
    since into a source of the benchmark or of an earlier sample (the Spanish wide-grip
    pulldown of the first, merged into wide-grip-lat-pulldown in stop 30, is the benchmark's)."""
    taken = set(judged.grades)
    found = []
    for path in files:
        if not path.exists():
            continue
        sample = read_benchmark(path)
        sources = sorted(s for s in sample.grades if s not in taken)
        taken |= set(sample.grades)
        found.append((next(iter(sample.split.values())), sample, sources))
    return found


def fresh_lines(systems: Mapping[str, Ranker],
                samples: Sequence[tuple[str, Judged, list[str]]]) -> list[str]:
    """The fresh samples' table: a line per sample (sources, pairs), then every system's
    figures with four columns per sample, the first sample's first."""
    lines = [""]
    for name, sample, sources in samples:
        merged = len(sample.grades) - len(sources)
        lines.append(f"Fresh sample {name}: {len(sources)} sources"
                     + (f" ({merged} merged since into a source of the benchmark or an earlier "
                           "sample and left out)"
                        if merged else "")
                     + f", {sum(len(sample.grades[s]) for s in sources)} graded pairs.")
    head = "".join(f" | nDCG@10 {name} | P@5 {name} | hard negatives in top 5, {name} "
                   f"| unjudged in top 10, {name}" for name, _, _ in samples)
    lines += ["", f"| system{head} |", "|---" + "|---:" * 4 * len(samples) + "|"]
    for system, rank in systems.items():
        cells = ""
        for _, sample, sources in samples:
            f = evaluate(rank, sample, sources)
            cells += f" | {f.ndcg:.3f} | {f.p5:.3f} | {f.hard_in_top5} | {f.unjudged}"
        lines.append(f"| {system}{cells} |")
    return lines


def table(store: Store, revisions: Sequence[str] = (), benchmark: Path = BENCHMARK,
          per_source: bool = False, fresh: Sequence[Path] = FRESH_FILES) -> list[str]:
    """The report's lines: every system's figures on all sources, the dev and held-out halves
    and, for each file of ``fresh`` that exists, that fresh sample in its own columns (its own
    file, sources nobody tuned on)."""
    judged = read_benchmark(benchmark)
    engine = Engine.load(store)
    samples = fresh_samples(judged, fresh)
    missing = [s for s in [*judged.grades, *(s for _, f, _ in samples for s in f.grades)]
               if s not in engine.exercises]
    if missing:
        raise SystemExit(f"benchmark sources not in the graph: {', '.join(missing[:5])}")
    systems: dict[str, Ranker] = {}
    for rev in revisions:
        systems[f"engine at {rev}"] = engine_at(rev, store)
    systems["engine"] = engine_ranker(engine)
    systems["baseline: muscle Jaccard"] = jaccard_ranker(engine)
    systems["baseline: TF-IDF names"] = tfidf_ranker(engine)
    everything = sorted(judged.grades)
    held_out = [s for s in everything if judged.split[s] == "held-out"]
    pairs = sum(len(g) for g in judged.grades.values())
    dev = [s for s in everything if judged.split[s] == "dev"]
    lines = [f"Benchmark: {len(everything)} sources ({len(held_out)} held out), {pairs} graded "
             "pairs.", "",
             "| system | nDCG@10 all | P@5 all | nDCG@10 dev | P@5 dev | nDCG@10 held-out "
             "| P@5 held-out | hard negatives in top 5 | unjudged in top 10 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, rank in systems.items():
        a, d, h = (evaluate(rank, judged, part) for part in (everything, dev, held_out))
        lines.append(f"| {name} | {a.ndcg:.3f} | {a.p5:.3f} | {d.ndcg:.3f} | {d.p5:.3f} "
                     f"| {h.ndcg:.3f} | {h.p5:.3f} | {a.hard_in_top5} | {a.unjudged} |")
    if samples:
        lines += fresh_lines(systems, samples)
    if per_source:
        lines += per_source_lines(systems["engine"], [judged, *(f for _, f, _ in samples)])
    return lines


def per_source_lines(rank: Ranker, parts: Sequence[Judged]) -> list[str]:
    """Each source's engine nDCG@10 and P@5 with its split, worst first."""
    rows = []
    for part in parts:
        for source in sorted(part.grades):
            ranked = rank(source)
            grades = part.grades[source]
            rows.append((ndcg(ranked, grades), precision(ranked, grades), source,
                         part.split[source]))
    return [""] + [f"{nd:.3f}  {p5:.1f}  {source}  ({split})"
                   for nd, p5, source, split in sorted(rows)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine-at", metavar="REV", action="append", default=[],
                        help="also rank with the engine of this git revision (repeatable)")
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK)
    parser.add_argument("--fresh", type=Path, action="append", default=None,
                        help="a fresh sample's file, reported in its own columns (repeatable; "
                             "default: every fresh sample, FRESH_FILES)")
    parser.add_argument("--per-source", action="store_true",
                        help="print each source's engine nDCG@10 and P@5 (worst first)")
    args = parser.parse_args()
    store = open_store("oxigraph", imported=True)
    print("\n".join(table(store, args.engine_at, args.benchmark, args.per_source,
                           args.fresh or FRESH_FILES)))


if __name__ == "__main__":
    main()
