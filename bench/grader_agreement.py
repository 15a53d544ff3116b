"""How far a second grader's grades agree with a benchmark file's (issue 23: are the grades the
written rules' or one grader's taste?).

A second grader's file (``tests/data/substitution-fresh2-second-grader.tsv``: source, candidate,
grade, hard_negative, note) holds pairs drawn from a benchmark file and graded without the file's
grades in view (``bench/grading_sheet.py --draw N --seed S``). This prints, over those pairs:
exact agreement, agreement within one grade, agreement on "good swap" (grade >= 2, what P@5
counts), Cohen's kappa unweighted and with linear and quadratic weights (the grades are ordered:
a 3 against a 2 is a smaller disagreement than a 3 against a 0), hard-negative agreement, the
confusion matrix, and with ``--pairs`` every disagreement with both notes. ``--effect`` loads the
served graph and scores the engine and both baselines on fresh2 twice, with the file's grades and
with the second grader's in their place on the drawn pairs: how much of the sample's figure
hangs on the grader.

    .venv/bin/python bench/grader_agreement.py [--second FILE] [--benchmark FILE] [--pairs]
        [--effect]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from substitute_quality import Judged

HERE = Path(__file__).resolve().parent
TEST_DATA = HERE.parent / "tests" / "data"
SECOND = TEST_DATA / "substitution-fresh2-second-grader.tsv"
FRESH2 = TEST_DATA / "substitution-benchmark-fresh2.tsv"
GRADES = (0, 1, 2, 3)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A TSV file's rows (comment lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


@dataclass(frozen=True)
class Pair:
    """One pair judged twice: the file's grade and mark, the second grader's, both notes."""

    source: str
    candidate: str
    first: int
    second: int
    first_hard: bool
    second_hard: bool
    first_note: str
    second_note: str


def pairs(second: Path = SECOND, benchmark: Path = FRESH2) -> list[Pair]:
    """The second grader's pairs with the file's grades beside them (KeyError if a pair is not
    the file's)."""
    first = {(r["source"], r["candidate"]): r for r in read_rows(benchmark)}
    out = []
    for row in read_rows(second):
        theirs = first[(row["source"], row["candidate"])]
        out.append(Pair(row["source"], row["candidate"], int(theirs["grade"]), int(row["grade"]),
                        theirs["hard_negative"] == "yes", row["hard_negative"] == "yes",
                        theirs["note"], row["note"]))
    return out


def kappa(a: list[int], b: list[int], power: int = 0) -> float:
    """Cohen's kappa of two graders' grades 0-3: 1 - observed / expected disagreement, the
    disagreement of grades i and j weighted |i - j| ** power / 3 ** power (power 0: unweighted,
    every disagreement 1; 1 linear; 2 quadratic), the expected one from the two marginals."""
    n = len(a)
    k = len(GRADES)

    def weight(i: int, j: int) -> float:
        return 0.0 if i == j else (abs(i - j) ** power) / ((k - 1) ** power)

    observed = sum(weight(x, y) for x, y in zip(a, b, strict=True)) / n
    pa = [a.count(g) / n for g in GRADES]
    pb = [b.count(g) / n for g in GRADES]
    expected = sum(pa[i] * pb[j] * weight(i, j) for i in range(k) for j in range(k))
    return 1.0 - observed / expected


def binary_kappa(a: list[bool], b: list[bool]) -> float:
    """Cohen's kappa of two yes/no judgements."""
    return kappa([int(x) for x in a], [int(y) for y in b])


@dataclass(frozen=True)
class Agreement:
    """The figures of one comparison."""

    n: int
    exact: int
    within_one: int
    good_swap: int
    hard: int
    hard_first: int
    hard_second: int
    kappa: float
    kappa_linear: float
    kappa_quadratic: float
    kappa_good_swap: float

    def table(self) -> list[str]:
        """The figures as a Markdown table (docs/substitutes.md holds it; a test keeps the two
        equal)."""
        share = f"{self.exact / self.n:.0%}".replace("%", " %")
        return [
            "| measure (second grader against the file) | figure |",
            "|---|---|",
            f"| pairs | {self.n} |",
            f"| exact agreement | {self.exact} of {self.n} ({share}) |",
            f"| within one grade | {self.within_one} of {self.n} |",
            f"| good swap (grade >= 2, what P@5 counts) | {self.good_swap} of {self.n},"
            f" kappa {self.kappa_good_swap:.2f} |",
            f"| Cohen's kappa, unweighted | {self.kappa:.2f} |",
            f"| Cohen's kappa, linear weights | {self.kappa_linear:.2f} |",
            f"| Cohen's kappa, quadratic weights | {self.kappa_quadratic:.2f} |",
            f"| hard-negative marks agree | {self.hard} of {self.n} (file {self.hard_first},"
            f" second grader {self.hard_second}) |",
        ]


def agreement(judged: list[Pair]) -> Agreement:
    """The agreement figures over ``judged``."""
    a = [p.first for p in judged]
    b = [p.second for p in judged]
    return Agreement(
        n=len(judged),
        exact=sum(x == y for x, y in zip(a, b, strict=True)),
        within_one=sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)),
        good_swap=sum((x >= 2) == (y >= 2) for x, y in zip(a, b, strict=True)),
        hard=sum(p.first_hard == p.second_hard for p in judged),
        hard_first=sum(p.first_hard for p in judged),
        hard_second=sum(p.second_hard for p in judged),
        kappa=kappa(a, b),
        kappa_linear=kappa(a, b, 1),
        kappa_quadratic=kappa(a, b, 2),
        kappa_good_swap=binary_kappa([x >= 2 for x in a], [y >= 2 for y in b]),
    )


def confusion(judged: list[Pair]) -> list[str]:
    """The confusion matrix as a Markdown table: the file's grade by row, the second's by column."""
    out = ["| file \\ second | " + " | ".join(map(str, GRADES)) + " |",
           "|---|" + "---:|" * len(GRADES)]
    for g in GRADES:
        cells = [sum(p.first == g and p.second == h for p in judged) for h in GRADES]
        out.append(f"| {g} | " + " | ".join(map(str, cells)) + " |")
    return out


def swapped(judged: Judged, second: list[Pair]) -> Judged:
    """``judged`` with the second grader's grade and mark in place of the file's on its pairs
    (slugs read as today's, as the report reads them)."""
    from substitute_quality import Judged, canonical

    grades = {source: dict(found) for source, found in judged.grades.items()}
    hard = set(judged.hard)
    for p in second:
        source, candidate = canonical(p.source), canonical(p.candidate)
        if candidate in grades.get(source, {}):
            grades[source][candidate] = p.second
            (hard.add if p.second_hard else hard.discard)((source, candidate))
    return Judged(grades, frozenset(hard), judged.split)


def effect(second: list[Pair], benchmark: Path = FRESH2) -> list[str]:
    """The engine's and both baselines' figures on ``benchmark``'s sample with its grades, then
    with the second grader's on the drawn pairs (the served graph, imports on)."""
    os.environ.setdefault("EXGRAPH_IMPORTS", "1")
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.path.insert(0, str(HERE))
    import substitute_quality as quality

    from exgraph.graph.load import open_store
    from exgraph.queries.substitutes import engine_for

    engine = engine_for(open_store("oxigraph", imported=True))
    samples = quality.fresh_samples(quality.read_benchmark(), quality.FRESH_FILES)
    split = next(iter(quality.read_benchmark(benchmark).split.values()))
    name, judged, sources = next(s for s in samples if s[0] == split)
    theirs = swapped(judged, second)
    rankers = {"engine": quality.engine_ranker(engine),
               "baseline: muscle Jaccard": quality.jaccard_ranker(engine),
               "baseline: TF-IDF names": quality.tfidf_ranker(engine)}
    lines = [f"| system | nDCG@10 {name}, file's grades | P@5 | hard negatives in a top 5"
             " | nDCG@10, second grader's on the drawn pairs | P@5 | hard negatives in a top 5 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for system, rank in rankers.items():
        a, b = quality.evaluate(rank, judged, sources), quality.evaluate(rank, theirs, sources)
        lines.append(f"| {system} | {a.ndcg:.3f} | {a.p5:.3f} | {a.hard_in_top5}"
                     f" | {b.ndcg:.3f} | {b.p5:.3f} | {b.hard_in_top5} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--second", type=Path, default=SECOND, help="the second grader's file")
    parser.add_argument("--benchmark", type=Path, default=FRESH2, help="the graded file")
    parser.add_argument("--pairs", action="store_true", help="every disagreement, both notes")
    parser.add_argument("--effect", action="store_true",
                        help="the systems' figures with either grader's grades")
    args = parser.parse_args()
    judged = pairs(args.second, args.benchmark)
    print("\n".join([*agreement(judged).table(), "", *confusion(judged)]))
    if args.pairs:
        for p in judged:
            if p.first != p.second or p.first_hard != p.second_hard:
                print(f"\n{p.source} -> {p.candidate}: file {p.first}{' HN' * p.first_hard},"
                      f" second {p.second}{' HN' * p.second_hard}\n  file: {p.first_note}"
                      f"\n  second: {p.second_note}")
    if args.effect:
        print("\n" + "\n".join(effect(judged, args.benchmark)))


if __name__ == "__main__":
    main()
