"""Draw the duplicate sample: candidate pairs from a fuzzy pass over every exercise name, seeded.

Usage (from the repository root, with the package installed)::

    .venv/bin/python scripts/duplicate_sample.py [--seed 22] [--size 120] [--min-score 85]

The pool is every exercise resource as the sources minted it (the bundled graph with the
imports, no aliases applied, no inferences and not the reviewed layer: what ``exgraph merges``
resolves). Each resource's
English names (label first) are normalised as the resolver does (:func:`normalise` with sorted
words); every pair of resources whose best pair of names scores at least ``--min-score`` by
rapidfuzz's ``token_sort_ratio`` is a candidate — over all names, not the pairs any person or
rule listed before. The candidates are sorted and ``random.Random(seed).sample`` picks
``size`` of them. Printed as TSV (a, b, their labels, the score) with an empty ``same`` column
for the judge; ``tests/data/duplicate-sample.tsv`` holds the judged sample and
``tests/unit/merge/test_duplicates_sample.py`` recomputes precision and recall from it against the
current ``data/aliases.ttl``. The judging rule: ``docs/fact-checks.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys

os.environ.setdefault("EXGRAPH_IMPORTS", "1")

import numpy as np
from rapidfuzz import fuzz, process

from exgraph.graph.load import bundled_files, load_oxigraph
from exgraph.graph.store import OxigraphStore
from exgraph.merge.apply import load_candidates
from exgraph.vocab.names import normalise

SEED = 22
SIZE = 120
MIN_SCORE = 85


def candidate_pairs(min_score: int = MIN_SCORE) -> list[tuple[str, str, str, str, int]]:
    """(a, b, label a, label b, score) for every pair of resources scoring min_score or more."""
    # what the sources minted: no inferences, and not the reviewed layer, which adds a few
    # exercises of its own only after checking their names against the graph
    files = [f for f in bundled_files(imported=True)
             if "inferred" not in f.parts and "reviewed" not in f.parts]
    candidates = load_candidates(OxigraphStore(load_oxigraph(files, canonical=False)))
    owners: list[int] = []
    keys: list[str] = []
    for index, cand in enumerate(candidates):
        for name in dict.fromkeys(normalise(n, sort_tokens=True) for n in cand.names):
            if name:
                owners.append(index)
                keys.append(name)
    scores = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio, dtype=np.uint8,
                           score_cutoff=min_score, workers=1)
    best: dict[tuple[int, int], int] = {}
    for i, j in zip(*np.nonzero(scores), strict=True):
        a, b = owners[int(i)], owners[int(j)]
        if a < b:
            best[(a, b)] = max(best.get((a, b), 0), int(scores[i, j]))
    return sorted((candidates[a].key, candidates[b].key, candidates[a].names[0],
                   candidates[b].names[0], score) for (a, b), score in best.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--min-score", type=int, default=MIN_SCORE)
    args = parser.parse_args()
    pairs = candidate_pairs(args.min_score)
    picked = sorted(random.Random(args.seed).sample(pairs, min(args.size, len(pairs))))
    print("a\tb\ta_name\tb_name\tscore\tsame\treason")
    for a, b, name_a, name_b, score in picked:
        print(f"{a}\t{b}\t{name_a}\t{name_b}\t{score}\t\t")
    print(f"# {len(pairs)} candidate pairs scoring >= {args.min_score}, seed {args.seed}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
