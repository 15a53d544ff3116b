"""Everything about one exercise: its graph (for ``.ttl``) and its JSON document.

The graph is one CONSTRUCT (:data:`EXERCISE_GRAPH`: the exercise and the nodes that belong to
it). The document is the exercise's effective record (:mod:`exgraph.records`): one value per
field, chosen by the one precedence table, with every source's version kept under
``by_source`` and the sources of each field under ``provenance``.
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef

from exgraph.errors import NotFound
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.queries.catalogue import NamedQuery
from exgraph.records import records_for
from exgraph.records.precedence import MERGED_FIELDS, WHOLE_FIELDS
from exgraph.records.read import (  # re-exported: the ids every list and page uses
    CATEGORY_KEYS,
    DIFFICULTY_KEYS,
    ROLE_KEYS,
    difficulty_list,
    ident,
    pattern_slug,
)

__all__ = ["CATEGORY_KEYS", "DIFFICULTY_KEYS", "EXERCISE_GRAPH", "MERGED_SECTIONS", "ROLE_KEYS",
           "SINGLE_SOURCE_SECTIONS", "difficulty_list", "exercise_document", "exercise_graph",
           "ident", "pattern_slug"]

#: The document's sections taken whole from one source, and those merged from all
#: (:mod:`exgraph.records.precedence`), as ``provenance`` names them.
SINGLE_SOURCE_SECTIONS = WHOLE_FIELDS
MERGED_SECTIONS = MERGED_FIELDS

EXERCISE_GRAPH: NamedQuery = internal("exercise-graph")


def exercise_graph(store: Store, exercise: URIRef) -> Graph:
    """The exercise's triples and those of its own nodes, as an rdflib Graph."""
    return store.construct(EXERCISE_GRAPH.render({"exercise": [exercise]}))




def exercise_document(store: Store, exercise: URIRef) -> dict[str, Any]:
    """The JSON document of an exercise (the ExerciseDocument schema of the OpenAPI doc): its
    record as a JSON object. Raises NotFound for an IRI that is no exercise of the store."""
    record = records_for(store).records.get(ident(exercise))
    if record is None or record.iri != str(exercise):
        raise NotFound(f"no exercise {ident(exercise)!r}")
    return record.as_json()
