"""One node per movement, measured: the hand-judged duplicate sample against the current aliases.

``tests/data/duplicate-sample.tsv`` holds 120 candidate pairs drawn with a seed from a fuzzy pass
over every exercise name (``scripts/duplicate_sample.py``), each judged ``same`` or
``different`` by the rule written in its header and in docs/fact-checks.md. The merge decision
of a pair is whether ``data/aliases.ttl`` maps both resources to one canonical IRI; precision
and recall of those decisions are recomputed here, so a change to the resolver, merges.tsv or
the aliases that merges a pair judged different, or splits one judged the same, fails.
"""

from __future__ import annotations

import csv
import importlib.util
import random

import pytest

from exgraph.merge.apply import read_aliases
from exgraph.vocab.terms import EXERCISE
from tests.paths import REPO, TESTS

SAMPLE = TESTS / "data" / "duplicate-sample.tsv"
SCRIPT = REPO / "scripts" / "duplicate_sample.py"


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _canonical() -> dict[str, str]:
    return {str(a).removeprefix(str(EXERCISE)): str(c).removeprefix(str(EXERCISE))
            for a, c in read_aliases().items()}


def measure(rows: list[dict[str, str]], canonical: dict[str, str]) -> tuple[float, float]:
    """(precision, recall) of the merge decisions on the judged pairs."""
    def merged(row: dict[str, str]) -> bool:
        return canonical.get(row["a"], row["a"]) == canonical.get(row["b"], row["b"])

    predicted = [r for r in rows if merged(r)]
    actual = [r for r in rows if r["same"] == "same"]
    hits = [r for r in predicted if r["same"] == "same"]
    return len(hits) / len(predicted), len(hits) / len(actual)


def test_the_sample_is_judged_by_the_rule() -> None:
    rows = _rows()
    assert len(rows) >= 100
    assert {r["same"] for r in rows} == {"same", "different"}
    assert all(r["reason"].strip() for r in rows)
    assert len({(r["a"], r["b"]) for r in rows}) == len(rows)
    assert all(int(r["score"]) >= 85 for r in rows)
    # both kinds are there in numbers that make precision and recall mean something
    assert sum(r["same"] == "same" for r in rows) >= 20


def test_precision_and_recall_of_the_merges() -> None:
    precision, recall = measure(_rows(), _canonical())
    print(f"\nduplicate sample: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.98
    assert recall >= 0.95


def test_the_measure_catches_a_wrong_merge_and_a_split() -> None:
    rows = _rows()
    canonical = _canonical()
    different = next(r for r in rows if r["same"] == "different")
    wrong = {**canonical, different["a"]: canonical.get(different["b"], different["b"])}
    assert measure(rows, wrong)[0] < 1.0
    same = next(r for r in rows if r["same"] == "same" and r["a"] in canonical)
    split = {k: v for k, v in canonical.items() if k != same["a"]}
    assert measure(rows, split)[1] < measure(rows, canonical)[1]


@pytest.mark.slow
def test_the_sample_is_the_seeded_draw() -> None:
    """The pairs are exactly what the script draws with its seed from the bundled data (with
    the imports, whatever EXGRAPH_IMPORTS says: the script asks for them)."""
    spec = importlib.util.spec_from_file_location("duplicate_sample", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pairs = module.candidate_pairs(module.MIN_SCORE)
    picked = sorted(random.Random(module.SEED).sample(pairs, module.SIZE))
    assert [(a, b) for a, b, *_ in picked] == [(r["a"], r["b"]) for r in _rows()]
