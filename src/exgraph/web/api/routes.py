"""The JSON API under /api/v1/ and the exports (/export.ttl, .nt, .jsonld).

Every route runs one or a few queries on the app's store: named queries of the catalogue
(:mod:`exgraph.queries.catalogue`) where one answers the question, assembled into lists by
:mod:`exgraph.queries.listing` (which the web pages share), and the two queries of
:mod:`exgraph.queries.documents` for the exercise document. Read responses carry an ETag (the
dataset's tag, computed once per app, plus a hash of the body) and honour If-None-Match with 304;
GET responses allow any origin (CORS), and OPTIONS answers a preflight.

Per-app caches (:class:`ApiState`: the dataset tag, the IRIs that exist, the export bytes) are
built on first use. Whoever changes the store under a running app (SPARQL Update) calls
:func:`invalidate` so that they are rebuilt.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Blueprint, Response, abort, jsonify, redirect, request
from rdflib import URIRef
from werkzeug.routing import BaseConverter

import exgraph.web.api.openapi as openapi
from exgraph.errors import BadRequest, NotFound
from exgraph.graph.export import FORMATS, serialize
from exgraph.queries.catalogue import (
    Known,
    NamedQuery,
    Result,
    csv_text,
    default_catalogue,
    json_rows,
)
from exgraph.queries.documents import exercise_document, exercise_graph
from exgraph.queries.listing import (
    LIST_FILTERS,
    equipment_taxonomy,
    exercise_list,
    muscle_exercise_items,
    muscle_items,
)
from exgraph.queries.aliases import alias_map
from exgraph.queries.substitutes import Engine, Filters, Substitute, engine_for
from exgraph.web.cache import UriTooLong, setting, state
from exgraph.web.context import get_store

bp = Blueprint("api", __name__)

PREFIX = "/api/v1"
CACHE_CONTROL = "public, max-age=60"
#: Export routes: URL extension -> export format name.
EXPORTS = {ext: fmt for fmt, (ext, _media) in FORMATS.items()}
MAX_LIMIT = 1000


class SlugConverter(BaseConverter):
    """A path segment that is a slug, so ``/exercises/x.ttl`` and ``/exercises/x`` differ."""

    regex = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@bp.record_once
def _register_converter(state: Any) -> None:
    # must run before the routes below are added to the url map (record order is kept)
    state.app.url_map.converters.setdefault("slug", SlugConverter)


# ---------------------------------------------------------------------------------------------
# Response headers: ETag + conditional GET on our routes, CORS on our paths


#: Largest body kept in the response cache; bigger answers (exports have their own cache) are not.
#: The cache as a whole holds at most API_CACHE_BYTES (a setting) per store generation.
CACHED_BODY_MAX = 256 * 1024
#: The media types the API's negotiating routes (named queries) choose between by Accept: the
#: cache keys on the one a request negotiates, never on the raw header (which has endless
#: spellings). A response that varies on Accept is cached only in one of these types.
NEGOTIATED = ("application/json", "text/csv")


def _response_key() -> tuple[str, str]:
    negotiated = request.accept_mimetypes.best_match(NEGOTIATED, default=NEGOTIATED[0])
    return request.full_path, negotiated or ""


def _check_bounds() -> None:
    """Refuse URLs longer than MAX_URL_BYTES (414) and parameters with more than
    MAX_LIST_VALUES values, repeated or comma-separated (400): the named queries bind every
    value, so the query's cost grows with them."""
    limit = setting("MAX_URL_BYTES")
    if len(request.path) + len(request.query_string) > limit:
        raise UriTooLong(f"the URL is longer than {limit} bytes")
    most = setting("MAX_LIST_VALUES")
    raw = request.query_string.lower()
    if raw.count(b",") + raw.count(b"%2c") + raw.count(b"&") < most:
        return  # fewer separators than the bound: no parameter can pass it
    for name, values in request.args.lists():
        count = sum(value.count(",") + 1 for value in values)
        if count > most:
            raise BadRequest(f"parameter {name!r} has {count} values; at most {most}")


@bp.before_request
def _cached_response() -> Response | None:
    """Check the request's bounds, then answer a GET seen before from the response cache: the
    graph only changes through an update, which clears it (:func:`invalidate`). A read then
    costs no query at all."""
    _check_bounds()
    if request.method != "GET":
        return None
    hit = state().sized("responses", setting("API_CACHE_BYTES")).get(_response_key())
    if hit is None:
        return None
    body, headers = hit
    return _CachedResponse(body, status=200, headers=headers)


class _CachedResponse(Response):
    """A response taken from the response cache (so it is not stored again)."""


@bp.after_request
def _cache_headers(response: Response) -> Response:
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.direct_passthrough:
        return response
    if response.get_etag()[0] is None:
        digest = hashlib.blake2b(response.get_data(), digest_size=10).hexdigest()
        response.set_etag(f"{state().tag}-{digest}")
    response.headers.setdefault("Cache-Control", CACHE_CONTROL)
    negotiated = "accept" not in response.vary or response.mimetype in NEGOTIATED
    if isinstance(response, _CachedResponse):
        pass
    elif request.method == "GET" and negotiated and response.content_length is not None \
            and response.content_length <= CACHED_BODY_MAX:
        body = response.get_data()
        headers = list(response.headers.items())
        key = _response_key()
        size = len(body) + len(key[0]) + sum(len(k) + len(v) for k, v in headers) + 256
        state().sized("responses", setting("API_CACHE_BYTES")).put(key, (body, headers), size)
    return response.make_conditional(request)


@bp.after_app_request
def _cors(response: Response) -> Response:
    if not (request.path.startswith(PREFIX + "/") or request.path.startswith("/export.")):
        return response
    if request.method in ("GET", "HEAD", "OPTIONS"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "ETag"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        asked = request.headers.get("Access-Control-Request-Headers")
        response.headers["Access-Control-Allow-Headers"] = asked or "Accept, If-None-Match"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


# ---------------------------------------------------------------------------------------------
# Helpers


def _run(query: NamedQuery, values: dict[str, Any]) -> Result:
    """Run a named query with request values on the app's store (unknown IRIs are a 400)."""
    return query.run(get_store(), values, _known())


def _known() -> Known:
    return state().is_known


def _args(*names: str) -> dict[str, str]:
    """The request's query-string values of names that are present (one value each)."""
    values = {}
    for name in names:
        given = request.args.getlist(name)
        if len(given) > 1:
            raise BadRequest(f"parameter {name!r} takes one value, got {len(given)}")
        if given:
            values[name] = given[0]
    return values


def _reject_unknown_args(*allowed: str) -> None:
    for name in request.args:
        if name not in allowed:
            raise BadRequest(f"unknown parameter {name!r}; this route takes: "
                             f"{', '.join(allowed) or 'no parameters'}")


def _int_arg(name: str, default: int, maximum: int | None = None) -> int:
    raw = _args(name).get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise BadRequest(f"parameter {name!r}: not a non-negative integer: {raw!r}")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadRequest(f"parameter {name!r}: at most {maximum}, got {value}")
    return value


def _exercise(slug: str) -> URIRef:
    """The IRI of the exercise; an alias of a merged exercise answers 308 to its canonical id,
    anything else unknown 404."""
    iri = URIRef(f"https://w3id.org/exgraph/id/exercise/{slug}")
    if not state().is_known("exercise", iri):
        canonical = state().cached("aliases", lambda: alias_map(get_store())).get(iri)
        if canonical is not None:
            target = canonical.removeprefix("https://w3id.org/exgraph/id/exercise/")
            path = request.path.replace(f"/exercises/{slug}", f"/exercises/{target}", 1)
            query = request.query_string.decode("latin-1")
            abort(redirect(path + (f"?{query}" if query else ""), 308))
        raise NotFound(f"no exercise {slug!r}")
    return iri


# ---------------------------------------------------------------------------------------------
# Exercises

@bp.get(f"{PREFIX}/exercises")
def list_exercises() -> Any:
    """A page of exercises matching the filters, with the total."""
    _reject_unknown_args(*LIST_FILTERS, "limit", "offset")
    limit = _int_arg("limit", 50, MAX_LIMIT)
    offset = _int_arg("offset", 0)
    return jsonify(exercise_list(
        get_store(), _args(*LIST_FILTERS), _known(), limit=limit, offset=offset,
        memo=lambda key, build: state().recent("exercise-list", key, build)))


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>")
@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>.json")
def get_exercise(exercise_id: str) -> Any:
    """Everything about one exercise, as JSON."""
    _reject_unknown_args()
    return jsonify(exercise_document(get_store(), _exercise(exercise_id)))


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>.ttl")
def get_exercise_turtle(exercise_id: str) -> Any:
    """The exercise and the nodes that belong to it, as Turtle."""
    _reject_unknown_args()
    graph = exercise_graph(get_store(), _exercise(exercise_id))
    return Response(serialize(graph, "turtle"), content_type=FORMATS["turtle"][1])


#: Parameters of the ranked routes (/alternatives, /substitutes): see queries/substitutes.py.
RANK_PARAMS = ("exclude_equipment", "equipment", "difficulty", "max_difficulty", "cover",
               "include_unknown", "limit")


def _ranked(exercise_id: str) -> tuple[Engine, list[Substitute], dict[str, Any]]:
    _reject_unknown_args(*RANK_PARAMS)
    _exercise(exercise_id)
    engine = engine_for(get_store())
    values = {name: request.args.getlist(name) for name in RANK_PARAMS if name in request.args}
    filters = Filters.parse(values, engine.taxonomy)
    echo = {name: ",".join(v) for name, v in values.items()}
    return engine, engine.rank(exercise_id, filters), echo


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>/alternatives")
def get_alternatives(exercise_id: str) -> Any:
    """The headline question: what can replace an exercise, without some equipment and at a
    difficulty. Answered by the substitution engine: curated alternatives first, then dataset
    variations, then computed candidates, each with its reasons."""
    engine, ranked, echo = _ranked(exercise_id)
    return jsonify({"exercise": exercise_id, "filters": echo,
                    "items": [s.as_json(engine.labels) for s in ranked]})


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>/substitutes")
def get_substitutes(exercise_id: str) -> Any:
    """Ranked substitutes of an exercise with scores and reasons, and what the engine knows of
    the exercise itself."""
    engine, ranked, echo = _ranked(exercise_id)
    target = engine.exercise(exercise_id)
    return jsonify({
        "exercise": {"id": target.slug, "name": target.name,
                     "primary_muscles": sorted(target.primary),
                     "movement_pattern": target.pattern,
                     "movement_pattern_inferred": target.pattern_inferred},
        "filters": echo, "items": [s.as_json(engine.labels) for s in ranked]})


# ---------------------------------------------------------------------------------------------
# Muscles and equipment


@bp.get(f"{PREFIX}/muscles")
def list_muscles() -> Any:
    """The muscle catalogue: muscles and groups, each with its broader group."""
    _reject_unknown_args()
    return jsonify({"items": muscle_items(get_store(), _known())})


@bp.get(f"{PREFIX}/muscles/<slug:muscle_id>/exercises")
def list_muscle_exercises(muscle_id: str) -> Any:
    """Exercises that work a muscle (a group matches its narrower muscles), by role."""
    _reject_unknown_args("role")
    iri = URIRef(f"https://w3id.org/exgraph/id/muscle/{muscle_id}")
    if not state().is_known("muscle", iri):
        raise NotFound(f"no muscle {muscle_id!r}")
    items = muscle_exercise_items(get_store(), iri, _args("role"), _known())
    return jsonify({"muscle": muscle_id, "filters": _args("role"), "items": items})


@bp.get(f"{PREFIX}/equipment")
def list_equipment() -> Any:
    """The equipment taxonomy: categories, and every kind with its broader kinds and categories."""
    _reject_unknown_args()
    return jsonify(equipment_taxonomy(get_store(), _known()))


# ---------------------------------------------------------------------------------------------
# Named queries


@bp.get(f"{PREFIX}/queries")
def list_queries() -> Any:
    """The catalogue of named queries, with their parameters."""
    _reject_unknown_args()
    return jsonify({"items": [q.as_json() for q in default_catalogue().values()]})


@bp.get(f"{PREFIX}/queries/<slug:name>")
@bp.get(f"{PREFIX}/queries/<slug:name>.json")
def run_query(name: str) -> Any:
    """Run a named query with the query-string parameters: JSON, or CSV when Accept asks."""
    query = default_catalogue().get_query(name)
    best = request.accept_mimetypes.best_match(["application/json", "text/csv"],
                                               default="application/json")
    as_csv = best == "text/csv" and not request.path.endswith(".json")
    response = _query_csv(query) if as_csv else _query_json(query)
    response.vary.add("Accept")
    return response


@bp.get(f"{PREFIX}/queries/<slug:name>.csv")
def run_query_csv(name: str) -> Any:
    """Run a named query; the rows as CSV."""
    return _query_csv(default_catalogue().get_query(name))


def _query_values() -> dict[str, list[str]]:
    return request.args.to_dict(flat=False)


def _query_json(query: NamedQuery) -> Response:
    values = _query_values()
    result = _run(query, values)
    return jsonify({"name": query.name, "title": query.title, "params": values,
                    "columns": result.columns, "rows": json_rows(result)})


def _query_csv(query: NamedQuery) -> Response:
    result = _run(query, _query_values())
    return Response(csv_text(result.columns, result.rows),
                    content_type="text/csv; charset=utf-8")


# ---------------------------------------------------------------------------------------------
# Exports


def _export(ext: str) -> Any:
    fmt = EXPORTS[ext]
    api_state = state()

    def build() -> tuple[bytes, str]:
        data = serialize(api_state.store, fmt)
        return data, f"{api_state.tag}-{hashlib.blake2b(data, digest_size=10).hexdigest()}"

    data, etag = api_state.cached(f"export:{fmt}", build)
    response = Response(data, content_type=FORMATS[fmt][1])
    response.set_etag(etag)
    return response


@bp.get("/export.ttl")
def export_turtle() -> Any:
    """The whole graph as Turtle: the bytes of ``exgraph export --format turtle``."""
    _reject_unknown_args()
    return _export("ttl")


@bp.get("/export.nt")
def export_ntriples() -> Any:
    """The whole graph as N-Triples: the bytes of ``exgraph export --format ntriples``."""
    _reject_unknown_args()
    return _export("nt")


@bp.get("/export.jsonld")
def export_jsonld() -> Any:
    """The whole graph as JSON-LD: the bytes of ``exgraph export --format jsonld``."""
    _reject_unknown_args()
    return _export("jsonld")


@bp.get("/export.nq")
def export_nquads() -> Any:
    """Every source graph as N-Quads: the bytes of ``exgraph export --format nquads``."""
    _reject_unknown_args()
    return _export("nq")


@bp.get("/export.trig")
def export_trig() -> Any:
    """Every source graph as TriG: the bytes of ``exgraph export --format trig``."""
    _reject_unknown_args()
    return _export("trig")


@bp.get(f"{PREFIX}/openapi.json")
def openapi_document() -> Any:
    """The OpenAPI 3 document of every route of this blueprint."""
    _reject_unknown_args()
    return jsonify(openapi.document())
