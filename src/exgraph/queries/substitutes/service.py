"""The engine of a store's data generation (built once per generation), and requests' exercise and
filters by slug, alias, IRI or name (the one lookup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from exgraph.errors import BadRequest
from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.queries.substitutes.engine import Engine
from exgraph.queries.substitutes.model import Exercise, Filters
from exgraph.records.lookup import canonical_params
from exgraph.vocab.terms import EXERCISE, ID, SLUG_RE

# -- how the engine is built and cached (issue 25: instant start) ------------------------------


def load_engine(store: Store) -> Engine:
    """:meth:`Engine.load`, or on unchanged data (the store as its snapshot was) the engine
    rebuilt from its inputs kept beside the snapshot: every exercise's derived facts, the
    equipment taxonomy and the labels (:func:`~exgraph.graph.store.derived_value`). Reading
    them back and building the arrays takes ~35 ms on the bundled graph, against ~0.5 s to
    read the records and derive the features again at every start."""
    return derived_value(store, "substitutes-engine", Engine.load, _engine_inputs,
                         _engine_from_inputs)


def _engine_inputs(engine: Engine) -> object:
    """What :class:`Engine` is built from, as builtins: each exercise's fields (its
    ``__dict__``), the taxonomy and the labels."""
    return ({slug: dict(vars(ex)) for slug, ex in engine.exercises.items()},
            dict(engine.taxonomy), dict(engine.labels))


def _engine_from_inputs(data: Any) -> Engine:
    fields, taxonomy, labels = data
    if not (isinstance(fields, dict) and isinstance(taxonomy, dict)
            and isinstance(labels, dict)):
        raise TypeError("not the engine's inputs")
    exercises: dict[str, Exercise] = {}
    for slug, values in fields.items():
        if not isinstance(values, dict) or values.get("slug") != slug:
            raise TypeError(f"not an exercise: {slug!r}")
        ex = Exercise.__new__(Exercise)
        ex.__dict__.update(values)
        exercises[slug] = ex
    return Engine(exercises, taxonomy, labels)


_ENGINES: GenerationCache[Engine] = GenerationCache(load_engine)


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
