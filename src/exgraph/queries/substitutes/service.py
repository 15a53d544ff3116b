"""The engine of a store's data generation (built once per generation), and requests' exercise and
filters by slug, alias, IRI or name (the one lookup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from exgraph.errors import BadRequest
from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.queries.substitutes.engine import Engine
from exgraph.queries.substitutes.features import Bits
from exgraph.queries.substitutes.model import Exercise, Filters
from exgraph.records.lookup import canonical_params
from exgraph.vocab.terms import EXERCISE, ID, SLUG_RE

# -- how the engine is built and cached (issue 25: instant start) ------------------------------


def load_engine(store: Store) -> Engine:
    """:meth:`Engine.load`, or on unchanged data (the store as its snapshot was) the engine as
    it was built, read back from beside the snapshot (:func:`~exgraph.graph.store.
    derived_value`): its exercises' derived facts, its columns and word indexes. Reading it
    back takes ~25 ms on the bundled graph, against ~0.5 s to read the records, derive the
    features and fold every name again (the names alone ~0.1 s, and ~6 s at 100k
    exercises)."""
    return derived_value(store, "substitutes-engine", Engine.load, _engine_state,
                         _engine_from_state)


def _engine_state(engine: Engine) -> object:
    """The engine's attributes as builtins (what marshal writes): each exercise's fields, each
    numpy column as (dtype, shape, bytes), a dict of columns as a dict of those, the rest as
    it is (an attribute marshal cannot write leaves the engine uncached: a warning, then
    built at every start). Memos filled by requests are left out: it is written when built."""
    state: dict[str, object] = {}
    for name, value in vars(engine).items():
        if name == "_passing":  # a memo of the filters requests asked for
            state[name] = ("value", {})
        elif name == "exercises":
            state[name] = ("exercises", {slug: dict(vars(ex)) for slug, ex in value.items()})
        elif isinstance(value, Bits):  # the variant words' numbering, as its dict
            state[name] = ("bits", dict(value.index))
        elif isinstance(value, np.ndarray):
            state[name] = ("array", _column(value))
        elif isinstance(value, dict) and value and all(isinstance(v, np.ndarray)
                                                       for v in value.values()):
            state[name] = ("arrays", {k: _column(v) for k, v in value.items()})
        else:
            state[name] = ("value", value)
    return state


def _column(array: npt.NDArray[Any]) -> tuple[str, tuple[int, ...], bytes]:
    return array.dtype.str, array.shape, array.tobytes()


def _array(packed: Any) -> npt.NDArray[Any]:
    dtype, shape, data = packed
    return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()


def _engine_from_state(data: Any) -> Engine:
    if not isinstance(data, dict) or "exercises" not in data:
        raise TypeError("not an engine")
    engine = Engine.__new__(Engine)
    for name, (kind, value) in data.items():
        if kind == "exercises":
            exercises: dict[str, Exercise] = {}
            for slug, fields in value.items():
                if not isinstance(fields, dict) or fields.get("slug") != slug:
                    raise TypeError(f"not an exercise: {slug!r}")
                ex = Exercise.__new__(Exercise)
                ex.__dict__.update(fields)
                exercises[slug] = ex
            value = exercises
        elif kind == "array":
            value = _array(value)
        elif kind == "arrays":
            value = {k: _array(v) for k, v in value.items()}
        elif kind == "bits":
            bits = Bits()
            bits.index.update(value)
            value = bits
        elif kind != "value":
            raise TypeError(f"not an engine attribute: {kind!r}")
        setattr(engine, name, value)
    return engine


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
