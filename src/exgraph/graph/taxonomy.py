"""The equipment taxonomy as the code reads it: which kinds are machines, which cable systems.

``data/equipment.ttl`` is the one statement of it: every kind points up with ``skos:broader`` to
another kind or to one of the categories of ``ontology/exgraph.ttl`` (``exg:Machine``,
``exg:CableSystem``, ``exg:FreeWeight``, ...). The rules that ask "is this a machine" (the
equipment veto of :mod:`exgraph.merge.evidence`, the equipment-from-name rules of
:mod:`exgraph.infer.rules.equipment`) ask here instead of keeping their own lists of slugs, so
a machine added to the taxonomy is a machine everywhere.

The file is data: it is parsed once per process, on first use (76 kinds, about 1 ms with
pyoxigraph), never at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from exgraph.config import DATA_DIR
from exgraph.vocab.terms import EQUIPMENT, EXG

EQUIPMENT_FILE = DATA_DIR / "equipment.ttl"

_BROADER = ox.NamedNode("http://www.w3.org/2004/02/skos/core#broader")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_EQUIPMENT_CLASS = ox.NamedNode(str(EXG.Equipment))


@cache
def _ancestors(path: Path = EQUIPMENT_FILE) -> Mapping[str, frozenset[str]]:
    """Each equipment slug -> every IRI above it (``skos:broader*``, itself excluded)."""
    broader: dict[str, set[str]] = {}
    for triple in ox.parse(path=path, format=ox.RdfFormat.TURTLE):
        subject = triple.subject
        if not isinstance(subject, ox.NamedNode):
            continue
        if triple.predicate == _BROADER and isinstance(triple.object, ox.NamedNode):
            broader.setdefault(subject.value, set()).add(triple.object.value)
        elif triple.predicate == _TYPE and triple.object == _EQUIPMENT_CLASS:
            broader.setdefault(subject.value, set())
    prefix = str(EQUIPMENT)
    closure: dict[str, frozenset[str]] = {}
    for iri in broader:
        if not iri.startswith(prefix):
            continue
        seen: set[str] = set()
        todo = list(broader[iri])
        while todo:  # a cycle ends the walk: each IRI is visited once
            up = todo.pop()
            if up not in seen:
                seen.add(up)
                todo.extend(broader.get(up, ()))
        closure[iri.removeprefix(prefix)] = frozenset(seen)
    return closure


def equipment_slugs() -> frozenset[str]:
    """Every equipment kind of the taxonomy, by slug."""
    return frozenset(_ancestors())


@cache
def under(category: str) -> frozenset[str]:
    """The slugs of every kind whose ``skos:broader*`` reaches category (an IRI)."""
    return frozenset(slug for slug, above in _ancestors().items() if category in above)


def machines() -> frozenset[str]:
    """Every machine: the kinds under ``exg:Machine`` (27 today: ``equipment:machine`` and the
    26 kinds under it). A cable station is not one: it is an ``exg:CableSystem``."""
    return under(str(EXG.Machine))


def cable_systems() -> frozenset[str]:
    """The kinds under ``exg:CableSystem``: the cable station and the stations under it."""
    return under(str(EXG.CableSystem))


def is_machine(slug: str) -> bool:
    """Whether the equipment slug is a machine of the taxonomy."""
    return slug in machines()
