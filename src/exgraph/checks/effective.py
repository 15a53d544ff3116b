"""The effective facts of every exercise: per field, what the most specific source says.

The default graph is the union of the sources, so it keeps every source's facts, the wrong ones
the reviewed layer overrides included: the Romanian deadlift's union still has wger's lats as a
prime mover after ``data/reviewed/`` names the hamstrings and glutes. A check that judged the
union would report what was already corrected. :func:`effective_facts` is the **one place** the
checks read precedence: per exercise and field, the values of the highest-ranked source graph
stating that field (:data:`~exgraph.vocab.terms.MUSCLE_PRECEDENCE` for the muscles,
:data:`~exgraph.vocab.terms.SOURCE_PRECEDENCE` for the rest; the inference rules' graphs rank
last, all together). It is meant to be swapped for the typed per-exercise record when that
lands; nothing else in :mod:`exgraph.checks` ranks sources.

:func:`effective_store` gives the union with each field's triples replaced by its effective
values, so the check rules (SPARQL files) read the effective facts with the union's names,
steps and taxonomy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from exgraph.graph.store import OxigraphStore, Store, to_ox_quad
from exgraph.vocab.terms import EXG, MUSCLE_PRECEDENCE, SOURCE_PRECEDENCE, source_rank

#: The fields whose value comes from one source, and the properties stating each. The muscles
#: are one field: the source naming any muscle of the exercise gives all its roles.
FIELDS: dict[str, tuple[URIRef, ...]] = {
    "muscles": (EXG.primaryMuscle, EXG.secondaryMuscle, EXG.stabilizerMuscle),
    "equipment": (EXG.requiresEquipment,),
    "difficulty": (EXG.difficulty,),
    "movement_pattern": (EXG.movementPattern,),
    "activity_kind": (EXG.activityKind,),
    "laterality": (EXG.laterality,),
    "mechanic": (EXG.mechanic,),
    "force": (EXG.force,),
}
_FIELD_OF = {prop: name for name, props in FIELDS.items() for prop in props}

_VALUES = " ".join(f"<{p}>" for p in _FIELD_OF)
_QUERY = f"""SELECT ?g ?e ?p ?o WHERE {{
  GRAPH ?g {{ ?e ?p ?o }}
  VALUES ?p {{ {_VALUES} }}
  ?e a <https://w3id.org/exgraph/ontology#Exercise> .
}}"""


@dataclass(frozen=True)
class Field:
    """One field of one exercise: its values by property and the source graphs stating them
    (several when sources of the same rank agree to state it, such as two inference rules)."""

    values: dict[URIRef, frozenset[Node]]
    sources: tuple[str, ...]

    def get(self, prop: URIRef) -> frozenset[Node]:
        return self.values.get(prop, frozenset())

    @property
    def inferred(self) -> bool:
        """Whether only inference rules state the field (an estimate, not a source's fact)."""
        return all("/source/inferred-" in s for s in self.sources)


def _rank(field: str, graph: str) -> int:
    return source_rank(graph, MUSCLE_PRECEDENCE if field == "muscles" else SOURCE_PRECEDENCE)


def effective_facts(store: Store) -> dict[URIRef, dict[str, Field]]:
    """exercise IRI -> field name -> :class:`Field` for every exercise of store (the fields of
    :data:`FIELDS` that some source states). The precedence: the module docstring."""
    stated: dict[tuple[URIRef, str], dict[str, list[tuple[URIRef, Node]]]] = defaultdict(
        lambda: defaultdict(list))
    for row in store.select(_QUERY):
        prop = URIRef(str(row["p"]))
        stated[(URIRef(str(row["e"])), _FIELD_OF[prop])][str(row["g"])].append(
            (prop, row["o"]))
    out: dict[URIRef, dict[str, Field]] = defaultdict(dict)
    for (exercise, name), by_graph in stated.items():
        best = min(_rank(name, g) for g in by_graph)
        graphs = sorted(g for g in by_graph if _rank(name, g) == best)
        values: dict[URIRef, set[Node]] = defaultdict(set)
        for graph in graphs:
            for prop, value in by_graph[graph]:
                values[prop].add(value)
        out[exercise][name] = Field({p: frozenset(v) for p, v in values.items()}, tuple(graphs))
    return dict(out)


def effective_store(store: Store,
                    facts: dict[URIRef, dict[str, Field]] | None = None) -> OxigraphStore:
    """A new in-memory store: the union of store with the triples of every field of
    :data:`FIELDS` replaced by its effective values (default graph only)."""
    facts = effective_facts(store) if facts is None else facts
    target = ox.Store()
    quads: list[ox.Quad] = []
    if isinstance(store, OxigraphStore):  # fast path: no round trip through rdflib terms
        skip = {ox.NamedNode(str(p)) for p in _FIELD_OF}
        quads.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                     for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())
                     if q.predicate not in skip)
    else:
        quads.extend(to_ox_quad(s, p, o) for s, p, o in store.triples() if p not in _FIELD_OF)
    for exercise, fields in facts.items():
        for field in fields.values():
            for prop, values in field.values.items():
                quads.extend(to_ox_quad(exercise, prop, value) for value in values)
    target.bulk_extend(quads)
    return OxigraphStore(target, backend="oxigraph-effective")
