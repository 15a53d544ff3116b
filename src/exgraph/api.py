"""The Python API behind ``import exgraph``: open the graph, ask it, read exercise documents,
rank substitutes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import URIRef

from exgraph.graph.load import open_store
from exgraph.graph.store import Row, Store
from exgraph.queries.catalogue import default_catalogue, known_in
from exgraph.queries.documents import exercise_document as _document
from exgraph.queries.substitutes import DEFAULT_LIMIT, engine_for, filters_for
from exgraph.records.lookup import canonical_params, param_kinds, resolve


def open_graph(store: str = "oxigraph", extra: Iterable[str | Path] = ()) -> Store:
    """The bundled graph (plus ``extra`` Turtle files) on a store: ``oxigraph`` (memory, the
    default), ``rdflib``, a directory (Oxigraph on disk) or ``sparql+http://HOST:PORT/PATH``.

    Raises :class:`~exgraph.errors.DataError` for a file that does not parse.
    """
    return open_store(store, [Path(p) for p in extra])


def run_query(store: Store, name: str,
              params: Mapping[str, str | Sequence[str]] | None = None) -> list[Row]:
    """The rows of the named query ``name`` (see ``queries/``) with ``params`` bound.

    Rows map column names to rdflib terms. An exercise, muscle or equipment parameter takes a
    slug, alias, IRI or name (resolved as :func:`exercise_document` resolves). Raises
    :class:`~exgraph.errors.NotFound` for an unknown query and
    :class:`~exgraph.errors.BadRequest` for a bad parameter value.
    """
    query = default_catalogue().get_query(name)
    values = canonical_params(store, param_kinds(query.params), params or {})
    return query.run(store, values, known_in(store)).rows


def exercise_document(store: Store, exercise: str) -> dict[str, Any]:
    """The JSON document of an exercise, as ``/api/v1/exercises/{id}`` serves it. The exercise
    is its slug, an alias (a merged duplicate's slug: ``"deadlifts"``), its IRI or a name
    (``"machine back extension"``, ``"RDL"``): the canonical exercise's document.

    Raises :class:`~exgraph.errors.NotFound` when nothing matches, naming the closest names.
    """
    return _document(store, URIRef(resolve(store, "exercise", exercise).iri))


def substitutes(
    store: Store, exercise: str, *, exclude_equipment: str | Sequence[str] = (),
    equipment: str | Sequence[str] | None = None, difficulty: str | None = None,
    max_difficulty: str | None = None, cover: str | None = None, include_unknown: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> list[dict[str, Any]]:
    """What can stand in for an exercise (slug, alias, IRI or name), best first: the items of
    ``/api/v1/exercises/{id}/substitutes``, each with ``id``, ``name``, ``score``, ``tier``
    (curated, variation or computed), ``reasons`` and the facts they rest on.

    The filters are those of the API: ``exclude_equipment`` (kinds or categories a substitute
    must not need), ``equipment`` (what you have: a substitute needs nothing else),
    ``difficulty`` / ``max_difficulty`` (low, moderate, high), ``cover="primary"`` (works every
    primary muscle group of the exercise), ``include_unknown`` (let unknown equipment or
    difficulty pass those filters) and ``limit`` (1 to 100). Equipment may be one slug, a
    comma-separated list or a sequence. Raises :class:`~exgraph.errors.NotFound` for an unknown
    exercise and :class:`~exgraph.errors.BadRequest` for a bad filter value.
    """
    engine = engine_for(store)
    values: dict[str, str | Sequence[str]] = {
        "exclude_equipment": exclude_equipment, "limit": str(limit),
        "include_unknown": "true" if include_unknown else "false",
    }
    optional = {"equipment": equipment, "difficulty": difficulty,
                "max_difficulty": max_difficulty, "cover": cover}
    values.update({name: value for name, value in optional.items() if value is not None})
    filters = filters_for(store, values)  # equipment by name, alias or slug too
    slug = resolve(store, "exercise", exercise).slug
    return [s.as_json(engine.labels) for s in engine.rank(slug, filters)]
