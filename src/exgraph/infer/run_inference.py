"""Running the inference rules over the graph: one named graph per rule, as TriG.

``exgraph infer --write`` reads the bundled graph (without its earlier inferences), applies
:func:`~exgraph.infer.rules.movement_pattern` to every exercise without a stated pattern,
:func:`~exgraph.infer.rules.estimate_difficulty` where no source gives a difficulty and
:func:`~exgraph.infer.rules.equipment_from_name` where no source names equipment, and writes
``data/inferred/rules.trig``. Each rule's facts form a graph ``src:inferred-RULE`` (the rule id
with ``/`` as ``-``), described in the same file as an ``exg:Source`` with the rule's id
(``exg:ruleId``-like ``dcterms:identifier``) and what it does, so ``GRAPH ?g`` says which rule
stated a fact, and an estimate can always be told from a fact a source gave.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from exgraph.config import DATA_DIR
from exgraph.graph.load import bundled_files, load_oxigraph
from exgraph.graph.rq import internal
from exgraph.graph.store import OxigraphStore, ox_bytes, to_ox, to_ox_quad
from exgraph.infer.inputs import load_facts
from exgraph.infer.rules import (
    Facts,
    Inferred,
    activity_kind,
    equipment_from_name,
    estimate_difficulty,
    movement_pattern,
    primary_muscles,
    target_muscles,
)
from exgraph.infer.rules.muscles import TARGET_KINDS
from exgraph.vocab.names import slugify
from exgraph.vocab.terms import (
    DIFFICULTIES,
    EQUIPMENT,
    EXERCISE,
    EXG,
    MUSCLE,
    PREFIXES,
    SOURCE,
    part_iri,
)

#: Where the inferred facts live, relative to the data folder.
INFERRED_FILE = Path("inferred") / "rules.trig"
#: The graph every rule graph is part of.
INFERRED = SOURCE["inferred"]

_PATTERN_QUERY = internal("exercises-with-pattern").text()


@dataclass
class Inferences:
    """What the rules stated: rule id → (exercise, property, value) facts, and the reasons."""

    facts: dict[str, list[tuple[URIRef, URIRef, URIRef]]] = field(
        default_factory=lambda: defaultdict(list))
    reasons: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, exercise: str, prop: URIRef, value: URIRef, inferred: Inferred,
            kind: str) -> None:
        self.facts[inferred.rule].append((EXERCISE[exercise], prop, value))
        self.reasons.setdefault(inferred.rule, inferred.reason)
        self.counts[kind] += 1


def rule_graph(rule: str) -> URIRef:
    """The named graph of one rule: ``src:inferred-`` + the rule id as a slug."""
    return SOURCE[f"inferred-{slugify(rule)}"]


def infer(facts: dict[str, Facts], stated_patterns: set[str]) -> Inferences:
    """Apply every rule to every exercise; deterministic for the same facts."""
    out = Inferences()
    step: list[tuple[str, Callable[[Facts], Inferred | None]]] = [
        ("pattern", movement_pattern), ("difficulty", estimate_difficulty)]
    for slug, fact in facts.items():
        for kind, rule in step:
            if kind == "pattern" and slug in stated_patterns:
                continue
            inferred = rule(fact)
            if inferred is None:
                continue
            if kind == "pattern":
                out.add(slug, EXG.movementPattern, EXG[inferred.value], inferred, kind)
            else:
                out.add(slug, EXG.difficulty, DIFFICULTIES[inferred.value], inferred, kind)
        for inferred in equipment_from_name(fact):
            out.add(slug, EXG.requiresEquipment, EQUIPMENT[inferred.value], inferred, "equipment")
        activity = fact.activity_kind
        if activity is None:
            inferred_kind = activity_kind(fact)
            activity = inferred_kind.value
            out.add(slug, EXG.activityKind, EXG[activity], inferred_kind, "kind")
        if activity in STRENGTH_KINDS:
            for inferred in primary_muscles(fact):
                _add_primary(out, slug, inferred)
        elif activity in TARGET_KINDS:
            for inferred in target_muscles(fact):
                _add_primary(out, slug, inferred)
    return out


#: The kinds whose exercises must name a primary muscle (issue 22).
STRENGTH_KINDS = frozenset({"StrengthTraining", "PowerTraining"})


def _add_primary(out: Inferences, slug: str, inferred: Inferred) -> None:
    """A primary muscle as the shortcut triple and a muscle involvement node, as sources state
    them (the exercise document reads the involvements)."""
    exercise = EXERCISE[slug]
    node = part_iri(exercise, "muscle", inferred.value, source="inferred")
    out.add(slug, EXG.primaryMuscle, MUSCLE[inferred.value], inferred, "primary muscle")
    for s, p, o in ((exercise, EXG.muscleInvolvement, node),
                    (node, RDF.type, EXG.MuscleInvolvement),
                    (node, EXG.muscle, MUSCLE[inferred.value]), (node, EXG.role, EXG.Primary)):
        out.facts[inferred.rule].append((s, p, o))


def to_trig(inferences: Inferences) -> bytes:
    """The inferences as TriG: one graph per rule plus the rules' descriptions; sorted bytes."""
    quads: list[ox.Quad] = []
    for rule in sorted(inferences.facts):
        graph = ox.NamedNode(str(rule_graph(rule)))
        for s, p, o in inferences.facts[rule]:
            quads.append(to_ox_quad(s, p, o, graph))
        meta = ox.NamedNode(str(INFERRED))
        description: tuple[tuple[URIRef, URIRef | str], ...] = (
            (RDF.type, EXG.Source), (DCTERMS.identifier, rule),
            (RDFS.label, f"Inference rule {rule}"),
            (DCTERMS.description, inferences.reasons[rule]),
            (DCTERMS.isPartOf, INFERRED))
        for prop, obj in description:
            value = to_ox(obj) if isinstance(obj, URIRef) else ox.Literal(obj)
            # the rule's graph IRI also names its exg:Source
            quads.append(ox.Quad(graph, ox.NamedNode(str(prop)), value, meta))
    nquads = ox_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    lines = sorted(set(nquads.splitlines()))
    ordered = ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_QUADS)
    return ox_bytes(ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))


def run_inference(data_dir: Path | None = None) -> tuple[bytes, Inferences]:
    """Infer over the bundled graph of data_dir without its earlier inferences; (TriG, what)."""
    data_dir = DATA_DIR if data_dir is None else Path(data_dir)
    files = [f for f in bundled_files(data_dir, imported=True)
             if not (f.is_relative_to(data_dir) and f.relative_to(data_dir).parts[0] == "inferred")]
    store = OxigraphStore(load_oxigraph(files, data_dir))
    stated = {str(r["e"]).removeprefix(str(EXERCISE)) for r in store.select(_PATTERN_QUERY)}
    inferences = infer(load_facts(store), stated)
    return to_trig(inferences), inferences
