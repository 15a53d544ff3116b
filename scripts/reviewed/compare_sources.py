"""Where the reviewed layer disagrees with the sources it overrules, field by field.

For every exercise of data/reviewed/*.ttl (corrections.ttl aside) this compares the reviewed facts
with what the other sources state (inferred graphs left out):

* primary muscles: the groups of the first source of MUSCLE_PRECEDENCE that names any (what the
  substitutes engine used before the review) against the reviewed groups; a source's prime
  mover the review does not list in any role (a wrong claim, such as the lats moving a Romanian
  deadlift); a reviewed prime mover no source names as one (a missing one);
* equipment: a kind a source requires that the review neither requires nor narrows (a source's
  ``machine`` is matched by a reviewed ``leg-press-machine``), and a kind the review requires
  that no source states;
* movement pattern and difficulty: stated by no source, or stated only otherwise.

Prints the counts and, with ``--examples N``, N examples per field. Run:
``.venv/bin/python scripts/reviewed/compare_sources.py --examples 5``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

import exgraph
from exgraph.vocab.terms import MUSCLE_PRECEDENCE, source_rank

Q = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?p ?v ?g WHERE {
  GRAPH ?r { ?e a exg:Exercise ; exg:rationale ?any }
  FILTER(STRSTARTS(STR(?r), "https://w3id.org/exgraph/id/source/reviewed-")
         && !STRENDS(STR(?r), "reviewed-corrections"))
  VALUES ?p { exg:primaryMuscle exg:worksMuscle exg:requiresEquipment exg:movementPattern
              exg:difficulty }
  GRAPH ?g { ?e ?p ?m }
  FILTER(!STRSTARTS(STR(?g), "https://w3id.org/exgraph/id/source/inferred-"))
  OPTIONAL { ?m skos:broader ?b . ?b a exg:MuscleGroup }
  BIND(IF(?p IN (exg:primaryMuscle, exg:worksMuscle), COALESCE(?b, ?m), ?m) AS ?v) }"""
Q_UP = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX exg: <https://w3id.org/exgraph/ontology#>
SELECT ?k ?up WHERE { ?k a exg:Equipment ; skos:broader+ ?up }"""


def local(iri: object) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args(argv)
    store = exgraph.open_graph()
    facts: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set)))  # exercise -> property -> graph -> values
    for row in store.select(Q):
        facts[local(row["e"])][local(row["p"])][str(row["g"])].add(local(row["v"]))
    ups: dict[str, set[str]] = defaultdict(set)
    for row in store.select(Q_UP):
        ups[local(row["k"])].add(local(row["up"]))

    def reviewed(by_graph: dict[str, set[str]]) -> set[str]:
        return set().union(*(v for g, v in by_graph.items() if "/reviewed-" in g))

    def others(by_graph: dict[str, set[str]]) -> dict[str, set[str]]:
        return {g: v for g, v in by_graph.items() if "/reviewed-" not in g}

    found: dict[str, list[str]] = defaultdict(list)
    for slug in sorted(facts):
        f = facts[slug]
        # primary muscles: the first source by precedence against the review
        mine, theirs = reviewed(f["primaryMuscle"]), others(f["primaryMuscle"])
        if not theirs:
            found["primary: no source names a prime mover"].append(f"{slug}: {sorted(mine)}")
        else:
            first = min(theirs, key=lambda g: source_rank(g, MUSCLE_PRECEDENCE))
            if theirs[first] != mine:
                found["primary: the leading source's groups differ"].append(
                    f"{slug}: {local(first)} {sorted(theirs[first])} -> {sorted(mine)}")
            works = reviewed(f["worksMuscle"])
            for graph, groups in sorted(theirs.items()):
                if groups - works:
                    found["primary: a source names a prime mover the review does not list in "
                          "any role"].append(f"{slug}: {local(graph)} {sorted(groups - works)}")
            if mine - set().union(*theirs.values()):
                found["primary: a reviewed prime mover no source names as one"].append(
                    f"{slug}: {sorted(mine - set().union(*theirs.values()))}")
        # equipment
        mine = reviewed(f["requiresEquipment"])
        covered = mine | {u for k in mine for u in ups[k]}
        stated = set().union(*others(f["requiresEquipment"]).values()) \
            if others(f["requiresEquipment"]) else set()
        wrong = stated - covered - {"other"}
        if wrong:
            found["equipment: a source requires a kind the review does not"].append(
                f"{slug}: {sorted(stated)} -> {sorted(mine)}")
        if not stated:
            found["equipment: no source states any"].append(f"{slug}: -> {sorted(mine)}")
        elif mine - stated - {u for k in stated for u in ups[k]}:
            found["equipment: the review requires a kind no source states"].append(
                f"{slug}: {sorted(stated)} -> {sorted(mine)}")
        for prop, label in (("movementPattern", "pattern"), ("difficulty", "difficulty")):
            mine = reviewed(f[prop])
            stated = set().union(*others(f[prop]).values()) if others(f[prop]) else set()
            if not stated:
                found[f"{label}: no source states one"].append(f"{slug}: -> {sorted(mine)}")
            elif not mine & stated:
                found[f"{label}: the sources state only another"].append(
                    f"{slug}: {sorted(stated)} -> {sorted(mine)}")
    print(f"{len(facts)} reviewed exercises")
    for key in sorted(found):
        print(f"{len(found[key]):4d}  {key}")
        for line in found[key][:args.examples]:
            print(f"        {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
