"""Grow the bundled graph to N exercises by replicating its real exercises with fresh IRIs.

Every exercise of the bundled graph (curated, article and imported ones) is copied with all the
nodes that hang below it (muscle involvements, steps, mistakes, programming, alternatives...);
copy k gets IRIs ``.../exercise/<slug>-r<k>`` and labels ``"<label> (r<k>)"``, and its
alternatives point to copies in the same replica, so the shape (fan-out, selectivity of labels,
share of machines) stays that of the real data. Muscles, equipment, goals and sources are shared.

    python bench/generate.py 10000 -o /tmp/exgraph-10k.nt
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from exgraph.graph.export import canonical_ntriples
from exgraph.graph.load import open_store
from exgraph.vocab.terms import EXERCISE

_EXERCISE_IRI = re.compile(rb"<" + re.escape(str(EXERCISE).encode()) + rb"([^>/]+)")
_LABEL = re.compile(
    rb"^(<[^>]+> <http://www.w3.org/"
    rb'(?:2000/01/rdf-schema#label|2004/02/skos/core#(?:pref|alt)Label)> "'
    rb'(?:[^"\\]|\\.)*)"'
)


def base_lines() -> tuple[list[bytes], list[bytes], int]:
    """(shared lines, per-exercise lines, number of exercises) of the bundled graph."""
    store = open_store("oxigraph")
    lines = canonical_ntriples(store).splitlines()
    prefix = b"<" + str(EXERCISE).encode()
    exercise_lines = [line for line in lines if line.startswith(prefix)]
    shared = [line for line in lines if not line.startswith(prefix)]
    count = len(store.select(
        "SELECT ?e WHERE { ?e a <https://w3id.org/exgraph/ontology#Exercise> }"))
    return shared, exercise_lines, count


def replicate(n_exercises: int) -> bytes:
    """N-Triples of a graph with (about) n_exercises exercises, real ones included."""
    shared, per_exercise, count = base_lines()
    out = list(shared) + list(per_exercise)
    copies = max(0, -(-n_exercises // count) - 1)  # ceil(n / count) - 1 more replicas
    for k in range(1, copies + 1):
        # replacement templates (no backslash in the suffixes, so nothing to escape)
        iri_template = rb"\g<0>" + f"-r{k}".encode()
        label_template = rb"\g<1>" + f' (r{k})"'.encode()
        for line in per_exercise:
            line = _EXERCISE_IRI.sub(iri_template, line)
            line = _LABEL.sub(label_template, line)
            out.append(line)
    return b"\n".join(out) + b"\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    data = replicate(args.exercises)
    args.output.write_bytes(data)
    triples = data.count(b"\n")
    print(f"{args.output}: {triples} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
