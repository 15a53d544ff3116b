"""The JSON API under /api/v1/ and the exports (/export.ttl, .nt, .jsonld).

Every route runs one or a few queries on the app's store: named queries of the catalogue
(:mod:`exgraph.queries.catalogue`) where one answers the question, assembled into lists by
:mod:`exgraph.queries.listing` (which the web pages share), and the queries of
:mod:`exgraph.queries.documents` for the exercise document. What every route does alike
(parameters, paging, language, trailing slashes) is in :mod:`exgraph.web.api.conventions`.
Read responses carry an ETag (the dataset's tag, computed once per app, plus a hash of the body)
and honour If-None-Match with 304; GET responses allow any origin (CORS), and OPTIONS answers a
preflight. ``/api/v1/`` is the index: links to every collection and to the documentation.

Per-app caches (:class:`ApiState`: the dataset tag, the IRIs that exist, the export bytes) are
built on first use. Whoever changes the store under a running app (SPARQL Update) calls
:func:`invalidate` so that they are rebuilt.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Blueprint, Response, jsonify, request
from rdflib import URIRef
from werkzeug.routing import BaseConverter

import exgraph.web.api.openapi as openapi
from exgraph.errors import BadRequest
from exgraph.graph.export import FORMATS, serialize
from exgraph.queries.catalogue import (
    CATEGORIES,
    NamedQuery,
    csv_text,
    default_catalogue,
    json_rows,
)
from exgraph.queries.documents import exercise_document, exercise_graph, ident
from exgraph.queries.listing import (
    DEFAULT_LANGUAGE,
    FACETS,
    LIST_FILTERS,
    equipment_taxonomy,
    exercise_list,
    localise,
    muscle_exercise_items,
    muscle_items,
    ordered,
    with_names,
)
from exgraph.records.lookup import canonical_params, param_kinds
from exgraph.search import search
from exgraph.vocab.terms import EXERCISE, local_name
from exgraph.web.api.conventions import (
    check_args,
    check_choices,
    filters,
    in_language,
    int_arg,
    language,
    one,
    page_args,
    paged,
    trailing_slash_redirect,
)
from exgraph.web.api.openapi_parts import Vocabulary
from exgraph.web.api.requests import (
    canonical_iri,
    exercise_iri_of,
    facets,
    known,
    named,
    ranked_answer,
    ranked_items,
    run_named,
    sort_param,
    store_index,
)
from exgraph.web.cache import UriTooLong, setting, state
from exgraph.web.context import get_store
from exgraph.web.exports import exports
from exgraph.web.replay import REPLAYABLE

bp = Blueprint("api", __name__)

PREFIX = "/api/v1"
CACHE_CONTROL = "public, max-age=60"
#: Export formats: URL extension -> export format name.
EXPORTS = {ext: fmt for fmt, (ext, _media) in FORMATS.items()}
#: The extensions with an export route (below).
EXPORT_ROUTES = ("ttl", "nt", "jsonld")
#: Page size of the exercise list when the request names none.
DEFAULT_LIMIT = 50
#: Page size of the lists that were whole before they were paged (muscles, equipment, the
#: exercises of a muscle, the named queries): one page holds all of them, as it always did.
WHOLE_LIMIT = 1000
#: The list filters that take several values (every filter but the search text).
MULTI_FILTERS = tuple(name for name in LIST_FILTERS if name != "q")
#: The parameters of the exercise list (sort: see exgraph.queries.listing.SORTS).
LIST_PARAMS = (*LIST_FILTERS, "sort", "lang", "limit", "offset")


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
#: The cache as a whole holds at most API_CACHE_BYTES (a setting) per store generation. A page of
#: 1000 exercises with their names in every language is about 330 KB: it must fit.
CACHED_BODY_MAX = 1024 * 1024
#: The media types the API's negotiating routes (named queries) choose between by Accept: the
#: cache keys on the one a request negotiates, never on the raw header (which has endless
#: spellings). A response that varies on Accept is cached only in one of these types.
NEGOTIATED = ("application/json", "text/csv")


def _response_key() -> tuple[str, str, str, str]:
    # the host: paging links are absolute URLs; the language: a negotiated one, never the raw
    # Accept-Language header (as for Accept)
    negotiated = request.accept_mimetypes.best_match(NEGOTIATED, default=NEGOTIATED[0])
    return request.host_url, request.full_path, negotiated or "", language(store_index)


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
    for name, given in request.args.lists():
        count = sum(value.count(",") + 1 for value in given)
        if count > most:
            raise BadRequest(f"parameter {name!r} has {count} values; at most {most}")


@bp.before_app_request
def _trailing_slash() -> Any:
    """``/api/v1/exercises/`` is ``/api/v1/exercises``: a 308 there (see conventions)."""
    return trailing_slash_redirect(PREFIX + "/")


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
    if request.path.startswith("/export."):
        pass  # exports have a cache of their own, with their gzipped bytes
    elif isinstance(response, _CachedResponse):
        request.environ[REPLAYABLE] = True  # issue 25: web/replay.py
    elif request.method == "GET" and negotiated and response.content_length is not None \
            and response.content_length <= CACHED_BODY_MAX:
        body = response.get_data()
        headers = list(response.headers.items())
        key = _response_key()
        size = len(body) + len(key[1]) + sum(len(k) + len(v) for k, v in headers) + 256
        state().sized("responses", setting("API_CACHE_BYTES")).put(key, (body, headers), size)
        request.environ[REPLAYABLE] = True  # issue 25: web/replay.py
    response.make_conditional(request)  # in place: a 304 when If-None-Match matches
    return response


# ---------------------------------------------------------------------------------------------
# Helpers


# ---------------------------------------------------------------------------------------------
# The index


@bp.get(f"{PREFIX}/")
def index() -> Any:
    """The API's entry point: a link to every collection and to the documentation."""
    check_args(())
    root = request.host_url.rstrip("/")
    links = {name: f"{root}{PREFIX}/{name}" for name in
             ("exercises", "muscles", "equipment", "queries")}
    links |= {"openapi": f"{root}{PREFIX}/openapi.json", "docs": f"{root}{PREFIX}/docs",
              "sparql": f"{root}/sparql",
              **{f"export_{EXPORTS[ext]}": f"{root}/export.{ext}" for ext in EXPORT_ROUTES}}
    response = jsonify({"title": "exgraph API", "version": "1", "links": links})
    # RFC 8631: where the machine-readable and the human description are
    response.headers["Link"] = (f'<{links["openapi"]}>; rel="service-desc"; '
                                f'type="application/vnd.oai.openapi+json", '
                                f'<{links["docs"]}>; rel="service-doc"; type="text/html"')
    return response


# ---------------------------------------------------------------------------------------------
# Exercises


@bp.get(f"{PREFIX}/exercises")
def list_exercises() -> Any:
    """A page of exercises matching the filters, with the total and links to the other pages."""
    check_args(LIST_PARAMS)
    given = filters(MULTI_FILTERS, single=("q",))
    check_choices(given, {name: facets()[name] for name in FACETS})
    limit, offset = page_args(DEFAULT_LIMIT)
    lang = language(store_index)
    found = exercise_list(
        get_store(), given, known(), limit=limit, offset=offset, sort=one("sort"), lang=lang,
        index=store_index(), memo=lambda key, build: state().recent("exercise-list", key, build))
    return in_language(paged({}, total=found["total"], limit=limit, offset=offset,
                             items=found["items"]), lang)


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>")
@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>.json")
def get_exercise(exercise_id: str) -> Any:
    """Everything about one exercise, as JSON, names in the request's language."""
    check_args(("lang",))
    lang = language(store_index)
    document = with_names(exercise_document(get_store(), exercise_iri_of(exercise_id)),
                          store_index())
    return named(document, lang)


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>.ttl")
def get_exercise_turtle(exercise_id: str) -> Any:
    """The exercise and the nodes that belong to it, as Turtle."""
    check_args((), formats=("ttl", "turtle"))
    graph = exercise_graph(get_store(), exercise_iri_of(exercise_id))
    return Response(serialize(graph, "turtle"), content_type=FORMATS["turtle"][1])


#: Parameters of the ranked routes (/alternatives, /substitutes): queries/substitutes/service.py.
@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>/alternatives")
def get_alternatives(exercise_id: str) -> Any:
    """The headline question: what can replace an exercise, without some equipment and at a
    difficulty. Answered by the substitution engine: curated alternatives first, then dataset
    variations, then computed candidates, each with its reasons."""
    engine, found, echo = ranked_answer(exercise_id)
    return named({"exercise": exercise_id, "filters": echo,
                   "items": ranked_items(engine, found)}, language(store_index))


@bp.get(f"{PREFIX}/exercises/<slug:exercise_id>/substitutes")
def get_substitutes(exercise_id: str) -> Any:
    """Ranked substitutes of an exercise with scores and reasons, and what the engine knows of
    the exercise itself."""
    engine, found, echo = ranked_answer(exercise_id)
    target = engine.exercise(exercise_id)
    lang = language(store_index)
    iri = str(EXERCISE[target.slug])
    return in_language(jsonify({
        "exercise": {"id": target.slug, "name": store_index().name(iri, lang) or target.name,
                     "primary_muscles": sorted(target.primary),
                     "movement_pattern": target.pattern,
                     "movement_pattern_inferred": target.pattern_inferred},
        "filters": echo,
        "items": localise(ranked_items(engine, found), lang, store_index())}), lang)


# ---------------------------------------------------------------------------------------------
# Suggest (search-as-you-type, issue 24)

#: Bounds of a suggestion request (documented with the route in the OpenAPI document).
SUGGEST_MAX_CHARS = openapi.SUGGEST_MAX_CHARS
SUGGEST_MAX_LIMIT = openapi.SUGGEST_MAX_LIMIT
SUGGEST_LIMIT = openapi.SUGGEST_LIMIT


@bp.get(f"{PREFIX}/suggest")
def suggest() -> Any:
    """The exercises what is being typed may mean, best first (:mod:`exgraph.search`): id,
    name in the asked language, the name or synonym that matched, score."""
    check_args(("q", "lang", "limit"))
    text = one("q")
    if not text:
        raise BadRequest("parameter 'q' is required: the text typed so far")
    if len(text) > SUGGEST_MAX_CHARS:
        raise BadRequest(f"parameter 'q' is longer than {SUGGEST_MAX_CHARS} characters")
    limit = int_arg("limit", SUGGEST_LIMIT, SUGGEST_MAX_LIMIT)
    lang = language(store_index)
    hits = search(get_store(), text, lang, limit)
    items = [{"id": ident(URIRef(hit.iri)), "iri": hit.iri,
              "name": store_index().name(hit.iri, lang) or hit.matched, "matched": hit.matched,
              "score": hit.score} for hit in hits]
    return in_language(jsonify({"q": text, "items": items}), lang)


# ---------------------------------------------------------------------------------------------
# Muscles and equipment


@bp.get(f"{PREFIX}/muscles")
def list_muscles() -> Any:
    """The muscle catalogue: muscles and groups, each with its broader group."""
    check_args(("lang", "limit", "offset"))
    language(store_index)  # checked; muscle names are English only
    limit, offset = page_args(WHOLE_LIMIT)
    items = muscle_items(get_store(), known())
    return in_language(paged({}, total=len(items), limit=limit, offset=offset,
                             items=items[offset:offset + limit]), DEFAULT_LANGUAGE)


@bp.get(f"{PREFIX}/muscles/<slug:muscle_id>/exercises")
def list_muscle_exercises(muscle_id: str) -> Any:
    """Exercises that work a muscle (a group matches its narrower muscles), by role."""
    check_args(("role", "sort", "lang", "limit", "offset"))
    iri = canonical_iri("muscle", muscle_id, "muscles")
    given = filters(("role",))
    limit, offset = page_args(WHOLE_LIMIT)
    lang, sort = language(store_index), sort_param()
    items = state().recent("api:muscle-exercises", (muscle_id, tuple(given.get("role", ()))),
                           lambda: muscle_exercise_items(get_store(), iri, given, known()))
    by_iri = {item["iri"]: item for item in items}
    order = ordered(((item["iri"], item["name"]) for item in items), sort, lang, store_index())
    page = [with_names(by_iri[iri], store_index()) for iri, _ in order[offset:offset + limit]]
    echo = {name: ",".join(v) for name, v in given.items()}
    return in_language(paged({"muscle": muscle_id, "filters": echo}, total=len(items),
                             limit=limit, offset=offset, items=localise(page, lang, store_index())),
                       lang)


@bp.get(f"{PREFIX}/equipment")
def list_equipment() -> Any:
    """The equipment taxonomy: categories, and every kind with its broader kinds and categories."""
    check_args(("lang", "limit", "offset"))
    language(store_index)  # checked; equipment names are English only
    limit, offset = page_args(WHOLE_LIMIT)
    taxonomy = equipment_taxonomy(get_store(), known())
    items = taxonomy["items"]
    return in_language(paged({"categories": taxonomy["categories"]}, total=len(items),
                             limit=limit, offset=offset, items=items[offset:offset + limit]),
                       DEFAULT_LANGUAGE)


# ---------------------------------------------------------------------------------------------
# Named queries


@bp.get(f"{PREFIX}/queries")
def list_queries() -> Any:
    """The catalogue of named queries, with their parameters."""
    check_args(("limit", "offset"))
    limit, offset = page_args(WHOLE_LIMIT)
    items = [q.as_json() for q in default_catalogue().values()]
    return paged({}, total=len(items), limit=limit, offset=offset,
                 items=items[offset:offset + limit])


@bp.get(f"{PREFIX}/queries/<slug:name>")
@bp.get(f"{PREFIX}/queries/<slug:name>.json")
def run_query(name: str) -> Any:
    """Run a named query with the query-string parameters: JSON, or CSV when Accept asks (or
    ``format=csv``)."""
    query = default_catalogue().get_query(name)
    by_suffix = request.path.endswith(".json")
    wanted = one("format")
    if wanted is not None and not by_suffix:
        as_csv = wanted == "csv"
    else:
        best = request.accept_mimetypes.best_match(["application/json", "text/csv"],
                                                   default="application/json")
        as_csv = best == "text/csv" and not by_suffix
    formats = ("json",) if by_suffix else ("json", "csv")
    response = _query_csv(query, formats) if as_csv else _query_json(query, formats)
    response.vary.add("Accept")
    return response


@bp.get(f"{PREFIX}/queries/<slug:name>.csv")
def run_query_csv(name: str) -> Any:
    """Run a named query; the rows as CSV."""
    return _query_csv(default_catalogue().get_query(name), ("csv",))


def _query_values(query: NamedQuery, formats: tuple[str, ...]) -> dict[str, list[str]]:
    """The request's values for query, each exercise, muscle and equipment resolved to its
    canonical slug (a name or alias works: :func:`~exgraph.records.lookup.canonical_params`);
    an exercise the graph does not have is a 404 (as on /exercises/{id}), any other bad value
    a 400 (when the query binds them)."""
    check_args([p.name for p in query.params], formats)
    given = {k: v for k, v in request.args.to_dict(flat=False).items()
             if k not in ("format", "_")}
    resolved: dict[str, list[str]] = canonical_params(get_store(), param_kinds(query.params),
                                                      given)
    return resolved


def _query_json(query: NamedQuery, formats: tuple[str, ...]) -> Response:
    given = _query_values(query, formats)
    result = run_named(query, given)
    return jsonify({"name": query.name, "title": query.title, "params": given,
                    "columns": result.columns, "rows": json_rows(result)})


def _query_csv(query: NamedQuery, formats: tuple[str, ...]) -> Response:
    result = run_named(query, _query_values(query, formats))
    return Response(csv_text(result.columns, result.rows),
                    content_type="text/csv; charset=utf-8")


# ---------------------------------------------------------------------------------------------
# Exports


#: Names a ``format`` parameter may give each export (its extension, or its format's name).
EXPORT_FORMATS = {ext: tuple(dict.fromkeys((ext, fmt))) for ext, fmt in EXPORTS.items()}


def _export(ext: str) -> Any:
    """The export, from a file prepared once per store generation (gzipped too, for clients
    that accept it), sent by the server's file wrapper under EXPORT_CONCURRENCY slots
    (:mod:`exgraph.web.exports`)."""
    check_args((), formats=EXPORT_FORMATS[ext])
    fmt = EXPORTS[ext]
    response = exports().response(fmt, FORMATS[fmt][1])
    response.headers.setdefault("Cache-Control", CACHE_CONTROL)
    return response


@bp.get("/export.ttl")
def export_turtle() -> Any:
    """The whole graph as Turtle: the bytes of ``exgraph export --format turtle``."""
    return _export("ttl")


@bp.get("/export.nt")
def export_ntriples() -> Any:
    """The whole graph as N-Triples: the bytes of ``exgraph export --format ntriples``."""
    return _export("nt")


@bp.get("/export.jsonld")
def export_jsonld() -> Any:
    """The whole graph as JSON-LD: the bytes of ``exgraph export --format jsonld``."""
    return _export("jsonld")


@bp.get(f"{PREFIX}/openapi.json")
def openapi_document() -> Any:
    """The OpenAPI 3 document of the API, the exports, /sparql and the health checks, exact for
    this graph (its parameters list the slugs the graph has), built once per generation."""
    check_args(())
    return jsonify(state().cached("openapi", lambda: openapi.document(_vocabulary())))


def _vocabulary() -> Vocabulary:
    known = state().known()

    def slugs(kind: str) -> list[str]:
        return sorted(local_name(str(iri)) for iri in known.get(kind, ()))

    return Vocabulary(
        muscles=slugs("muscle"),
        equipment=sorted({*slugs("equipment"), *CATEGORIES}), goals=slugs("goal"),
        facets=facets(), languages=sorted(store_index().languages),
        max_list_values=setting("MAX_LIST_VALUES"))
