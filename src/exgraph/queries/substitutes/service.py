"""The engine of a store's data generation (built once per generation), and requests' exercise and
filters by slug, alias, IRI or name (the one lookup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exgraph.errors import BadRequest
from exgraph.graph.store import GenerationCache, Store
from exgraph.queries.substitutes.engine import Engine
from exgraph.queries.substitutes.model import (
    Filters,
)
from exgraph.records.lookup import canonical_params
from exgraph.vocab.terms import EXERCISE, ID, SLUG_RE

_ENGINES: GenerationCache[Engine] = GenerationCache(Engine.load)


def engine_for(store: Store) -> Engine:
    """The engine of store's current generation, built once (several threads may ask at once
    after a start or an update)."""
    return _ENGINES.get(store)


def exercise_slug(value: str) -> str:
    """A slug from a slug or an exercise IRI (raises BadRequest)."""
    slug = value.removeprefix(str(EXERCISE))
    if not SLUG_RE.match(slug) or (value.startswith("http") and not value.startswith(ID)):
        raise BadRequest(f"not an exercise id: {value!r}")
    return slug



# -- filters by name (issue 19: one lookup) ----------------------------------------------------

#: The filters that name equipment: each value resolves through the one lookup.
EQUIPMENT_FILTERS = (("equipment", "equipment", True), ("exclude_equipment", "equipment", True))


def filters_for(store: Store, values: Mapping[str, str | Sequence[str]]) -> Filters:
    """:meth:`Filters.parse` on store's engine, the equipment given by slug, alias, IRI or name
    (:func:`exgraph.records.lookup.canonical_params`: ``Dumbbells`` is ``dumbbell``); one that
    matches nothing is a BadRequest naming the parameter and the closest names."""
    listed = {k: (v if isinstance(v, str) else list(v)) for k, v in values.items()}
    return Filters.parse(canonical_params(store, EQUIPMENT_FILTERS, listed),
                         engine_for(store).taxonomy)
