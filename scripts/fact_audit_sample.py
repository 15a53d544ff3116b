"""Draw the fact-audit sample: 50 strength exercises of the served graph, seeded, as TSV.

Usage (from the repository root, with the package installed)::

    .venv/bin/python scripts/fact_audit_sample.py [--seed 22] [--size 50] > sample.tsv

The served graph is the bundled graph with the imports (``EXGRAPH_IMPORTS=1``, as ``make serve``
serves it), aliases applied. A *strength exercise* is one whose ``exg:activityKind`` is
``exg:StrengthTraining`` or ``exg:PowerTraining``; on a graph that types no exercise with a kind
(the graph before issue 22), one that no source files under the ``stretching`` or ``cardio``
category and whose English names say none of stretch, foam roll, SMR, mobility (the same words
the kind rule of ``infer/rules.py`` reads). The canonical exercise IRIs are sorted and
``random.Random(seed).sample`` picks ``size`` of them, so the same graph and seed give the same
sample. One row per exercise with the fields the audit judges, as the exercise document
(``/api/v1/exercises/{id}``) shows them: muscles by role, equipment, difficulty (``~`` marks an
estimate), movement pattern (``~`` marks an inferred one). The judging rules:
``docs/fact-audit.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys

os.environ.setdefault("EXGRAPH_IMPORTS", "1")

from exgraph.api import exercise_document, open_graph

SEED = 22
SIZE = 50

_KINDS = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
SELECT ?e ?kind WHERE { ?e a exg:Exercise . OPTIONAL { ?e exg:activityKind ?kind } }
"""
_NOT_STRENGTH = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e WHERE {
  ?e a exg:Exercise .
  { ?e exg:category ?c . FILTER(LCASE(STR(?c)) IN ("stretching", "cardio")) }
  UNION
  { ?e rdfs:label|skos:prefLabel ?n .
    FILTER(LANG(?n) = "" || LANGMATCHES(LANG(?n), "en"))
    FILTER(REGEX(?n, "stretch|foam roll|\\\\bsmr\\\\b|mobility", "i")) }
}
"""
_STRENGTH_KINDS = {"StrengthTraining", "PowerTraining"}


def strength_exercises(store: object) -> list[str]:
    """The IRIs of the strength exercises of store, sorted (rule: the module docstring)."""
    rows = store.select(_KINDS)  # type: ignore[attr-defined]
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kind = row.get("kind")
        kinds.setdefault(str(row["e"]), set())
        if kind is not None:
            kinds[str(row["e"])].add(re.split(r"[#/]", str(kind))[-1])
    if any(kinds.values()):
        return sorted(e for e, k in kinds.items() if k & _STRENGTH_KINDS)
    excluded = {str(r["e"]) for r in store.select(_NOT_STRENGTH)}  # type: ignore[attr-defined]
    return sorted(e for e in kinds if e not in excluded)


def _muscles(doc: dict[str, object], role: str) -> str:
    muscles = doc.get("muscles") or {}
    return ",".join(sorted(m["id"] for m in muscles.get(role, [])))  # type: ignore[union-attr]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--size", type=int, default=SIZE)
    args = parser.parse_args()
    store = open_graph()
    pool = strength_exercises(store)
    picked = random.Random(args.seed).sample(pool, args.size)
    print("\t".join(["exercise", "name", "primary", "secondary", "stabilizer", "equipment",
                     "difficulty", "pattern"]))
    for iri in picked:
        doc = exercise_document(store, iri)
        difficulty = ",".join(doc.get("difficulty") or [])
        if doc.get("difficulty_estimated"):
            difficulty = "~" + difficulty
        pattern = (doc.get("movement_pattern") or {}).get("id", "")
        if pattern and doc.get("movement_pattern_inferred"):
            pattern = "~" + pattern
        print("\t".join([
            doc["id"], doc.get("name", ""), _muscles(doc, "primary"),
            _muscles(doc, "secondary"), _muscles(doc, "stabilizer"),
            ",".join(sorted(e["id"] if isinstance(e, dict) else str(e)
                            for e in doc.get("equipment") or [])),
            difficulty, str(pattern)]))
    print(f"# pool {len(pool)} strength exercises, seed {args.seed}, size {args.size}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
