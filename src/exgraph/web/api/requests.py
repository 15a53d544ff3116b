"""What the API's routes share to read a request: named queries run with the graph's known
IRIs, facets, the sort, canonical IRIs of a slug, the ranked substitutes of an exercise."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, jsonify, redirect, request
from rdflib import URIRef

from exgraph.errors import NotFound
from exgraph.queries.catalogue import (
    CATEGORIES,
    Known,
    NamedQuery,
    Result,
)
from exgraph.queries.listing import (
    ExerciseIndex,
    exercise_index,
    facet_values,
    localise,
    with_names,
)
from exgraph.queries.substitutes import Engine, Substitute, engine_for, filters_for
from exgraph.records.lookup import resolve
from exgraph.vocab.terms import ID, local_name
from exgraph.web.api.conventions import (
    check_args,
    in_language,
    one,
    values,
)
from exgraph.web.cache import state
from exgraph.web.context import get_store


def run_named(query: NamedQuery, values: dict[str, Any]) -> Result:
    """Run a named query with request values on the app's store (unknown IRIs are a 400)."""
    return query.run(get_store(), values, known())


def known() -> Known:
    return state().is_known


def facets() -> dict[str, list[str]]:
    """The values the facet filters take in this graph (per store generation)."""
    return state().cached("facets", lambda: facet_values(get_store()))


def sort_param() -> str:
    return one("sort") or "name"


def canonical_iri(kind: str, slug: str, collection: str) -> URIRef:
    """The IRI of the exercise (muscle, equipment) with slug. Any other slug the lookup knows
    (an alias of a merged resource: ``deadlifts``) answers 308 to the same path with the
    canonical slug in place (``/COLLECTION/SLUG``), query string kept; anything else is a 404
    naming the closest names (:func:`exgraph.records.lookup.resolve`)."""
    iri = URIRef(f"{ID}{kind}/{slug}")
    if state().is_known(kind, iri):
        return iri
    found = resolve(get_store(), kind, slug)  # Unresolved: 404 with "did you mean"
    if found.slug == slug or not state().is_known(kind, URIRef(found.iri)):
        raise NotFound(f"no {kind} {slug!r}")
    path = request.path.replace(f"/{collection}/{slug}", f"/{collection}/{found.slug}", 1)
    query = request.query_string.decode("latin-1")
    abort(redirect(path + (f"?{query}" if query else ""), 308))


def exercise_iri_of(slug: str) -> URIRef:
    """The IRI of the exercise (an alias: 308 to the canonical one, see canonical_iri)."""
    return canonical_iri("exercise", slug, "exercises")


def named(body: Any, lang: str) -> Response:
    """body as JSON with the exercises it names in lang (see conventions: language)."""
    return in_language(jsonify(localise(body, lang, store_index())), lang)




RANK_PARAMS = ("exclude_equipment", "equipment", "difficulty", "max_difficulty", "cover",
               "include_unknown", "limit")
#: Those that take a list of equipment (repeated or comma-separated).
RANK_LISTS = ("exclude_equipment", "equipment")


def ranked_answer(exercise_id: str) -> tuple[Engine, list[Substitute], dict[str, Any]]:
    check_args((*RANK_PARAMS, "lang"))
    exercise_iri_of(exercise_id)
    engine = engine_for(get_store())
    given: dict[str, list[str]] = {name: request.args.getlist(name) for name in RANK_PARAMS
                                   if name in request.args}
    echo = {name: ",".join(v) for name, v in given.items()}
    for name in RANK_LISTS:
        if name in given:
            # an equipment category by its slug, as everywhere else (free-weight: FreeWeight)
            given[name] = [category_key(value, engine) for value in values(name)]
    filters_ = filters_for(get_store(), given)  # equipment by name, alias or slug too
    return engine, engine.rank(exercise_id, filters_), echo


def category_key(value: str, engine: Engine) -> str:
    """The engine's name of an equipment slug: the slug of a kind, or a category's local name."""
    if value in engine.taxonomy or value not in CATEGORIES:
        return value
    return local_name(CATEGORIES[value])


def ranked_items(engine: Engine, ranked: list[Substitute]) -> list[dict[str, Any]]:
    return [with_names(s.as_json(engine.labels), store_index()) for s in ranked]


def store_index() -> ExerciseIndex:
    """Every exercise's names by language and its difficulty (per store generation)."""
    return state().cached("exercise-index", lambda: exercise_index(get_store()))
