"""The JSON API under /api/v1/ and the exports (/export.ttl, .nt, .jsonld).

Every route runs one or a few queries on the app's store: named queries of the catalogue
(:mod:`exgraph.queries.catalogue`) where one answers the question, and the two queries of
:mod:`exgraph.queries.documents` for the exercise document. Read responses carry an ETag (the
dataset's tag, computed once per app, plus a hash of the body) and honour If-None-Match with 304;
GET responses allow any origin (CORS), and OPTIONS answers a preflight.

Per-app caches (:class:`ApiState`: the dataset tag, the IRIs that exist, the export bytes) are
built on first use. Whoever changes the store under a running app (SPARQL Update) calls
:func:`invalidate` so that they are rebuilt.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from rdflib import URIRef
from werkzeug.routing import BaseConverter

import exgraph.web.api.openapi as openapi
from exgraph import __version__ as _version
from exgraph.errors import BadRequest, NotFound
from exgraph.graph.export import FORMATS, serialize
from exgraph.graph.store import Store
from exgraph.queries.catalogue import (
    Known,
    NamedQuery,
    Result,
    csv_text,
    default_catalogue,
    json_rows,
    known_iris,
    serialize_term,
)
from exgraph.queries.documents import (
    CATEGORY_KEYS,
    difficulty_list,
    exercise_document,
    exercise_graph,
    ident,
)
from exgraph.vocab.terms import DIFFICULTIES
from exgraph.web.cache import state
from exgraph.web.context import get_store

bp = Blueprint("api", __name__)

PREFIX = "/api/v1"
CACHE_CONTROL = "public, max-age=60"
#: Export routes: URL extension -> export format name.
EXPORTS = {ext: fmt for fmt, (ext, _media) in FORMATS.items()}
MAX_LIMIT = 1000
#: Filter combinations of the exercise list whose ordered matches are kept per app.
RECENT = 128


class SlugConverter(BaseConverter):
    """A path segment that is a slug, so ``/exercises/x.ttl`` and ``/exercises/x`` differ."""

    regex = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@bp.record_once
def _register_converter(state: Any) -> None:
    # must run before the routes below are added to the url map (record order is kept)
    state.app.url_map.converters.setdefault("slug", SlugConverter)


# ---------------------------------------------------------------------------------------------
# Response headers: ETag + conditional GET on our routes, CORS on our paths


#: How many distinct GET responses the cache keeps.
CACHED_RESPONSES = 2048
#: Largest body kept in the response cache; bigger answers (exports have their own cache) are not.
CACHED_BODY_MAX = 256 * 1024


def _response_key() -> tuple[str, str]:
    return request.full_path, request.headers.get("Accept", "")


@bp.before_request
def _cached_response() -> Response | None:
    """Answer a GET seen before from the response cache: the graph only changes through an
    update, which clears it (:func:`invalidate`). A read then costs no query at all."""
    if request.method != "GET":
        return None
    hit = state().lookup("responses", _response_key())
    if hit is None:
        return None
    body, headers = hit
    return Response(body, status=200, headers=headers)


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
    if request.method == "GET" and response.content_length is not None \
            and response.content_length <= CACHED_BODY_MAX:
        entry = (response.get_data(), list(response.headers.items()))
        state().remember("responses", _response_key(), entry, keep=CACHED_RESPONSES)
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


def _query(name: str) -> NamedQuery:
    return default_catalogue().get_query(name)


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
    iri = URIRef(f"https://w3id.org/exgraph/id/exercise/{slug}")
    if not state().is_known("exercise", iri):
        raise NotFound(f"no exercise {slug!r}")
    return iri


def _ref(iri: Any, name: Any) -> dict[str, Any]:
    return {"id": ident(iri), "iri": str(iri), "name": None if name is None else str(name)}


# ---------------------------------------------------------------------------------------------
# Exercises

LIST_FILTERS = ("muscle", "role", "equipment", "exclude_equipment", "difficulty", "q")

PAGE_DETAILS = """\
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?exercise ?level ?equipment ?equipment_name WHERE {
  VALUES ?exercise { %s }
  { ?exercise exg:difficulty ?level }
  UNION
  { ?exercise exg:requiresEquipment ?equipment . OPTIONAL { ?equipment rdfs:label ?equipment_name } }
}"""


@bp.get(f"{PREFIX}/exercises")
def list_exercises() -> Any:
    """A page of exercises matching the filters, with the total."""
    _reject_unknown_args(*LIST_FILTERS, "limit", "offset")
    limit = _int_arg("limit", 50, MAX_LIMIT)
    offset = _int_arg("offset", 0)
    query = _query("exercises")
    bound = query.bind(_args(*LIST_FILTERS), _known())
    store = get_store()
    # Every match, in order, is one query per filter combination (a scan of all exercises);
    # kept per app so that paging through it only costs the small details query below.
    key = tuple(sorted((name, tuple(map(str, terms))) for name, terms in bound.items()))
    matches = state().recent("exercise-list", key, lambda: [
        (row["exercise"], row["name"]) for row in store.select(query.render(bound))])
    total = len(matches)
    page = [{"exercise": ex, "name": name} for ex, name in matches[offset:offset + limit]]
    levels: dict[Any, set[Any]] = {row["exercise"]: set() for row in page}
    equipment: dict[Any, dict[Any, Any]] = {row["exercise"]: {} for row in page}
    if page:
        block = " ".join(serialize_term(row["exercise"]) for row in page)
        for row in store.select(PAGE_DETAILS % block):
            if "level" in row:
                levels[row["exercise"]].add(row["level"])
            if "equipment" in row:
                equipment[row["exercise"]][row["equipment"]] = row.get("equipment_name")
    items = [{
        **_ref(row["exercise"], row["name"]),
        "difficulty": difficulty_list(levels[row["exercise"]]),
        "equipment": sorted((_ref(eq, name) for eq, name in equipment[row["exercise"]].items()),
                            key=lambda e: e["id"]),
    } for row in page]
    return jsonify({"total": total, "limit": limit, "offset": offset, "items": items})


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


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>/alternatives")
def get_alternatives(exercise_id: str) -> Any:
    """Alternatives of an exercise, optionally without some equipment and at a difficulty."""
    _reject_unknown_args("exclude_equipment", "difficulty")
    iri = _exercise(exercise_id)
    values = {"exercise": str(iri), **_args("exclude_equipment", "difficulty")}
    result = _run(_query("alternatives"), values)
    items: dict[Any, dict[str, Any]] = {}
    levels: dict[Any, set[Any]] = {}
    for row in result.rows:
        alt = row["alternative"]
        if alt not in items:
            items[alt] = {**_ref(alt, row.get("name")),
                          "best_for": _str(row.get("best_for")),
                          "key_difference": _str(row.get("key_difference")),
                          "difficulty": []}
            levels[alt] = set()
        if "difficulty" in row:
            levels[alt].add(DIFFICULTIES.get(str(row["difficulty"])))
    for alt, item in items.items():
        item["difficulty"] = difficulty_list(levels[alt])
    return jsonify({"exercise": exercise_id, "filters": _args("exclude_equipment", "difficulty"),
                    "items": list(items.values())})


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


# ---------------------------------------------------------------------------------------------
# Muscles and equipment


@bp.get(f"{PREFIX}/muscles")
def list_muscles() -> Any:
    """The muscle catalogue: muscles and groups, each with its broader group."""
    _reject_unknown_args()
    result = _run(_query("muscles"), {})
    return jsonify({"items": [{
        **_ref(row["muscle"], row["name"]),
        "group": bool(row["group"].toPython()) if "group" in row else False,  # type: ignore[attr-defined]
        "broader": ident(row["broader"]) if "broader" in row else None,
    } for row in result.rows]})


@bp.get(f"{PREFIX}/muscles/<slug:muscle_id>/exercises")
def list_muscle_exercises(muscle_id: str) -> Any:
    """Exercises that work a muscle (a group matches its narrower muscles), by role."""
    _reject_unknown_args("role")
    iri = URIRef(f"https://w3id.org/exgraph/id/muscle/{muscle_id}")
    if not state().is_known("muscle", iri):
        raise NotFound(f"no muscle {muscle_id!r}")
    result = _run(_query("exercises-for-muscle"), {"muscle": str(iri), **_args("role")})
    items: dict[Any, dict[str, Any]] = {}
    for row in result.rows:
        item = items.setdefault(row["exercise"], {**_ref(row["exercise"], row["name"]),
                                                  "muscles": []})
        item["muscles"].append({"id": ident(row["muscle"]), "role": str(row["role"]),
                                "function": _str(row.get("function"))})
    return jsonify({"muscle": muscle_id, "filters": _args("role"),
                    "items": list(items.values())})


@bp.get(f"{PREFIX}/equipment")
def list_equipment() -> Any:
    """The equipment taxonomy: categories, and every kind with its broader kinds and categories."""
    _reject_unknown_args()
    result = _run(_query("equipment-taxonomy"), {})
    kinds: dict[Any, dict[str, Any]] = {}
    categories: dict[Any, dict[str, Any]] = {}
    for row in result.rows:
        item = kinds.setdefault(row["equipment"], {**_ref(row["equipment"], row["name"]),
                                                   "broader": [], "categories": []})
        broader = row.get("broader")
        if broader is not None and ident(broader) not in [b["id"] for b in item["broader"]]:
            item["broader"].append({"id": ident(broader), "iri": str(broader),
                                    "category": broader in CATEGORY_KEYS})
        category = row.get("category")
        if category is not None:
            if ident(category) not in item["categories"]:
                item["categories"].append(ident(category))
            categories.setdefault(category, _ref(category, row.get("category_name")))
    return jsonify({"categories": sorted(categories.values(), key=lambda c: c["id"]),
                    "items": sorted(kinds.values(), key=lambda k: k["id"])})


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


@bp.get(f"{PREFIX}/openapi.json")
def openapi_document() -> Any:
    """The OpenAPI 3 document of every route of this blueprint."""
    _reject_unknown_args()
    return jsonify(openapi.document())
