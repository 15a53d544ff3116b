"""The effective facts of every exercise: per field, what the most specific source says.

The default graph is the union of the sources, so it keeps every source's facts, the wrong ones
the reviewed layer overrides included: the Romanian deadlift's union still has wger's lats as a
prime mover after ``data/reviewed/`` names the hamstrings and glutes. A check that judged the
union would report what was already corrected. :func:`effective_facts` reads the exercise
records (:mod:`exgraph.records`), whose one precedence table (``records/precedence.py``) chose
each field's source, so the checks judge exactly what the API, the pages, the substitutes and
the plans show; nothing in :mod:`exgraph.checks` ranks sources itself.

:func:`effective_store` gives the union with each field's triples replaced by its effective
values, so the check rules (SPARQL files) read the effective facts with the union's names,
steps and taxonomy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from exgraph.graph.store import OxigraphStore, Store, to_ox_quad
from exgraph.records import Record, records_for
from exgraph.vocab.terms import DIFFICULTIES, EXG, SOURCE

#: The fields checked, and the properties stating each. The muscles are one field: the source
#: naming any muscle of the exercise gives all its roles.
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
_ROLES = {"primary": EXG.primaryMuscle, "secondary": EXG.secondaryMuscle,
          "stabilizer": EXG.stabilizerMuscle}


@dataclass(frozen=True)
class Field:
    """One field of one exercise: its values by property and the source graphs the record took
    it from (several when sources of the same rank agree, such as two inference rules)."""

    values: dict[URIRef, frozenset[Node]]
    sources: tuple[str, ...]

    def get(self, prop: URIRef) -> frozenset[Node]:
        return self.values.get(prop, frozenset())

    @property
    def inferred(self) -> bool:
        """Whether only inference rules state the field (an estimate, not a source's fact)."""
        return all("/source/inferred-" in s for s in self.sources)


def _camel(slug: str) -> URIRef:
    """``strength-training`` -> ``exg:StrengthTraining`` (the record's slugs of exg: terms)."""
    return EXG["".join(word.capitalize() for word in slug.split("-"))]


def _values(record: Record, name: str) -> dict[URIRef, set[Node]]:
    """The values of field name of record as RDF terms, by property."""
    found: dict[URIRef, set[Node]] = defaultdict(set)
    if name == "muscles":
        for role, prop in _ROLES.items():
            found[prop].update(URIRef(m["iri"]) for m in record.muscles.get(role, []))
    elif name == "equipment":
        found[EXG.requiresEquipment].update(URIRef(e["iri"]) for e in record.equipment)
    elif name == "difficulty":
        found[EXG.difficulty].update(DIFFICULTIES[d] for d in record.difficulty
                                     if d in DIFFICULTIES)
    elif name == "movement_pattern" and record.movement_pattern:
        found[EXG.movementPattern].add(URIRef(record.movement_pattern["iri"]))
    elif name in ("activity_kind", "laterality"):
        value = getattr(record, name)
        if value:
            found[FIELDS[name][0]].add(_camel(value))
    elif name in ("mechanic", "force"):
        value = getattr(record, name)
        if value:
            found[FIELDS[name][0]].add(Literal(value))
    return {prop: values for prop, values in found.items() if values}


def effective_facts(store: Store) -> dict[URIRef, dict[str, Field]]:
    """exercise IRI -> field name -> :class:`Field` for every exercise of store (the fields of
    :data:`FIELDS` that some source states), as the exercise records hold them."""
    out: dict[URIRef, dict[str, Field]] = {}
    for record in records_for(store).records.values():
        fields: dict[str, Field] = {}
        for name in FIELDS:
            values = _values(record, name)
            if values:
                sources = tuple(str(SOURCE[s]) for s in record.provenance.get(name, []))
                fields[name] = Field({p: frozenset(v) for p, v in values.items()}, sources)
        out[URIRef(record.iri)] = fields
    return out


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
