"""The OpenAPI 3 document of the service, served at /api/v1/openapi.json.

Written as data next to the routes it describes: the JSON API, the exports, ``/sparql`` and the
health checks, each operation with an operationId, a tag, an example for every response and the
one error shape (the schemas and examples are in :mod:`exgraph.web.api.schemas`). It is exact
for the graph it is served from: parameters that name things list the slugs the graph has
(:class:`Vocabulary`), so a client generated from it offers exactly the values the API accepts;
the document is built once per store generation.

tests/integration/api/test_openapi.py checks that it names every route of the app's url map (and no
other), that every example fits its schema, and runs schemathesis with every check against it.
"""

from __future__ import annotations

import re
from typing import Any

from exgraph.queries.catalogue import NamedQuery, Param, default_catalogue
from exgraph.web.api.conventions import MAX_FILTER_VALUES, MAX_LIMIT
from exgraph.web.api.openapi_parts import (
    HEADERS,
    LIST_NOTE,
    REDIRECT,
    Vocabulary,
    common_params,
    error_response_spec,
    json_body,
    limit_param,
    list_filters,
    list_of,
    operation,
    path_param,
    query_param,
    ranked_params,
    text_body,
    vocabulary_schemas,
)
from exgraph.web.api.schemas import (
    DIFFICULTY,
    EX,
    MBE,
    ROLE,
    SCHEMAS,
    SLUG,
    STRING,
    TEXT,
    TURTLE_EXAMPLE,
    array,
    ref,
)

# ---------------------------------------------------------------------------------------------
# Named queries: one operation per query (and suffix), with the query's own parameters


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", name))


def _param_schema(param: Param, vocab: Vocabulary) -> dict[str, Any]:
    kind = param.type.name
    by_type: dict[str, dict[str, Any]] = {
        # an exercise is not listed (there are thousands): one the graph lacks is a 404
        "exercise": {"type": "string", "pattern": SLUG}, "muscle": ref("MuscleSlug"),
        "equipment": ref("EquipmentSlug"), "goal": ref("GoalSlug"),
        "role": ROLE, "difficulty": DIFFICULTY,
        "integer": {"type": "integer", "minimum": 0, "maximum": 999_999_999},
        "text": {"type": "string", "pattern": TEXT},
    }
    schema = by_type[kind]
    if param.default is not None:
        default = int(param.default) if kind == "integer" else param.default
        # beside a $ref, other keys are ignored (OpenAPI 3.0): wrap it
        schema = ({"allOf": [schema], "default": default} if "$ref" in schema
                  else {**schema, "default": default})
    if param.many:
        return list_of(schema, vocab.max_list_values)
    return schema


def _query_params(query: NamedQuery, vocab: Vocabulary) -> list[dict[str, Any]]:
    params = []
    for param in query.params:
        note = (" Repeat the parameter or separate values with commas." if param.many else "")
        described = (param.description or param.type.description) + note
        entry = query_param(param.name, _param_schema(param, vocab), described)
        entry["required"] = param.required
        if param.type.name == "exercise" and param.required:
            entry["example"] = MBE
        params.append(entry)
    return params


def _query_result_example(query: NamedQuery) -> dict[str, Any]:
    return {"name": query.name, "title": query.title, "params": {},
            "columns": list(query.columns), "rows": [{c: None for c in query.columns}]}


def _query_paths(vocab: Vocabulary) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for query in default_catalogue().values():
        params = _query_params(query, vocab)
        base = f"/api/v1/queries/{query.name}"
        result = json_body("QueryResult", _query_result_example(query))
        csv_example = ",".join(query.columns) + "\r\n"
        about = f"{query.description} (Named query {query.name}, queries/{query.name}.rq.)"
        op = f"runQuery{_camel(query.name)}"
        # an exercise the graph does not have is a 404
        errors = ("400", "404", "414", "503") if any(
            p.type.name == "exercise" for p in query.params) else ("400", "414", "503")
        paths[base] = {"get": operation(
            op, "queries", f"{query.title} (JSON; CSV with Accept: text/csv or format=csv)",
            {**result, **text_body("text/csv", csv_example)}, parameters=params,
            errors=errors, description=about)}
        paths[base + ".json"] = {"get": operation(
            op + "Json", "queries", f"{query.title}, as JSON", result, parameters=params,
            errors=errors, description=about)}
        paths[base + ".csv"] = {"get": operation(
            op + "Csv", "queries", f"{query.title}, as CSV", text_body("text/csv", csv_example),
            parameters=params, errors=errors, description=about)}
    return paths


# ---------------------------------------------------------------------------------------------
# /sparql and the health checks (outside the JSON API, described for completeness)

SPARQL_RESULTS = {
    "application/sparql-results+json": {
        "schema": {"type": "object"},
        "example": {"head": {"vars": ["ex"]}, "results": {"bindings": [
            {"ex": {"type": "uri", "value": EX + MBE}}]}}},
    "application/sparql-results+xml": {"schema": STRING, "example": "<sparql .../>"},
    "text/csv": {"schema": STRING, "example": f"ex\r\n{EX}{MBE}\r\n"},
    "text/tab-separated-values": {"schema": STRING, "example": f"?ex\n<{EX}{MBE}>\n"},
    "text/turtle": {"schema": STRING, "example": TURTLE_EXAMPLE},
    "application/n-triples": {"schema": STRING, "example": f"<{EX}{MBE}> "
                              "<https://w3id.org/exgraph/ontology#difficulty> "
                              "<https://w3id.org/exgraph/ontology#Low> .\n"},
    "application/ld+json": {"schema": {"type": "object"}, "example": {"@id": EX + MBE}},
    "application/rdf+xml": {"schema": STRING, "example": "<rdf:RDF .../>"},
}
#: The API document's example texts for the endpoint: shown to people, not run by the code.
SPARQL_QUERY = ("PREFIX exg: <https://w3id.org/exgraph/ontology#> "  # sparql: prose
                "SELECT ?ex WHERE { ?ex exg:difficulty exg:Low } LIMIT 5")  # sparql: prose
SPARQL_UPDATE = ("PREFIX exg: <https://w3id.org/exgraph/ontology#> "  # sparql: prose
                 "INSERT DATA { <x:a> exg:summary \"...\" }")
SPARQL_ABOUT = (
    "The SPARQL 1.1 Protocol (tested with the W3C protocol suite): a query in `query` (GET, "
    "form POST) or as an application/sparql-query body; without a query, the service "
    "description. Answers by Accept or `format` (json, xml, csv, tsv for SELECT/ASK; turtle, "
    "ntriples, jsonld, rdfxml for CONSTRUCT/DESCRIBE). Read-only: SERVICE and LOAD are "
    "refused; SPARQL Update (POST `update` or application/sparql-update) needs "
    "`Authorization: Bearer <token>` when the server has an update token, else 403. Results "
    "beyond the row cap carry X-Exgraph-Truncated: true.")
SPARQL_ERRORS = ("400", "403", "406", "413", "503")
GRAPH_URIS = [
    {"name": name, "in": "query", "required": False, "style": "form", "explode": True,
     "description": f"{name}: graphs of the store to query (an unknown one is empty)",
     "schema": array({"type": "string", "format": "uri"})}
    for name in ("default-graph-uri", "named-graph-uri")]


def _sparql_paths() -> dict[str, Any]:
    responses = {"200": {"description": "The answer (or, without a query, the service "
                                        "description)", "content": SPARQL_RESULTS},
                 **{code: error_response_spec(code) for code in SPARQL_ERRORS}}
    form = {"type": "object", "properties": {
        "query": STRING, "update": STRING,
        "default-graph-uri": array(STRING), "named-graph-uri": array(STRING),
        "using-graph-uri": array(STRING), "using-named-graph-uri": array(STRING)}}
    return {"/sparql": {
        "get": {"operationId": "sparqlQuery", "tags": ["sparql"],
                "summary": "Run a SPARQL query (or read the service description)",
                "description": SPARQL_ABOUT,
                "parameters": [
                    {"name": "query", "in": "query", "required": False,
                     "description": "the SPARQL query", "schema": STRING,
                     "example": SPARQL_QUERY},
                    *GRAPH_URIS,
                    {"name": "format", "in": "query", "required": False,
                     "description": "the answer's format, instead of Accept",
                     "schema": {"type": "string", "enum": [
                         "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld",
                         "rdfxml"]}}],
                "responses": responses},
        "post": {"operationId": "sparqlPost", "tags": ["sparql"],
                 "summary": "Run a SPARQL query or update sent in the body",
                 "description": SPARQL_ABOUT,
                 "parameters": [{"name": "Authorization", "in": "header", "required": False,
                                 "description": "Bearer <update token>, for SPARQL Update",
                                 "schema": STRING}],
                 "requestBody": {"required": True, "content": {
                     "application/sparql-query": {"schema": STRING, "example": SPARQL_QUERY},
                     "application/sparql-update": {
                         "schema": STRING,
                         "example": SPARQL_UPDATE},
                     "application/x-www-form-urlencoded": {
                         "schema": form, "example": {"query": SPARQL_QUERY}}}},
                 "responses": {**responses, "204": {"description": "The update was applied"}}},
    }}


def _health_paths() -> dict[str, Any]:
    ok = {"description": "OK", "content": json_body("Health")}
    return {
        "/healthz": {"get": {"operationId": "getHealth", "tags": ["health"],
                             "summary": "Liveness: the process answers (no query runs)",
                             "parameters": [], "responses": {"200": ok}}},
        "/readyz": {"get": {"operationId": "getReadiness", "tags": ["health"],
                            "summary": "Readiness: the store answers and holds triples",
                            "parameters": [],
                            "responses": {"200": ok, "503": {
                                **error_response_spec("503"),
                                "description": "Not ready: the store does not answer or the "
                                "graph is empty"}}}},
    }


def _plan_paths() -> dict[str, Any]:
    """The training-plan routes' own part (web/api/plans.py), given an operationId and a tag
    where it has none."""
    from exgraph.web.api.openapi_me import with_history
    from exgraph.web.api.openapi_plans import OPENAPI_PATHS as PLAN_PATHS

    paths: dict[str, Any] = {}
    for path, item in with_history(PLAN_PATHS).items():
        paths[path] = {}
        for method, spec in item.items():
            suffix = _camel(path.rsplit("/", 1)[-1].replace(".", "-"))
            paths[path][method] = {"operationId": f"{method}{suffix}", "tags": ["plans"],
                                   **spec}
    return paths


# ---------------------------------------------------------------------------------------------
# The document


TAGS = [
    {"name": "index", "description": "Where everything is"},
    {"name": "exercises", "description": "Exercises: the list, one exercise, its alternatives"},
    {"name": "muscles", "description": "The muscle catalogue"},
    {"name": "equipment", "description": "The equipment taxonomy"},
    {"name": "queries", "description": "The named queries of queries/, one operation each"},
    {"name": "plans", "description": "Weekly training plans built from the graph"},
    {"name": "exports", "description": "The whole graph"},
    {"name": "sparql", "description": "The SPARQL 1.1 endpoint"},
    {"name": "health", "description": "Liveness and readiness"},
]  # and last ME_TAG, training history (issue 26): added by document()
CONVENTIONS = (
    "A knowledge graph of strength-training exercises: the JSON API, the exports, the SPARQL "
    "endpoint.\n\n"
    "* Errors are `{ok: false, error, status}`; every status an operation can answer is "
    "listed with it.\n"
    "* Unknown parameters are refused (400 naming them), except `_` (ignored: cache-busters) "
    "and `format` when it names the route's own representation (`format=json`). An empty "
    "value is refused too.\n"
    "* Lists are paged by `limit` and `offset`, with `total`, the `next` and `previous` URLs "
    "in the body and an RFC 8288 `Link` header (first, prev, next, last).\n"
    "* Several values of a filter (repeated, or comma-separated) match any of them; different "
    "filters must all match.\n"
    "* `lang` (or Accept-Language) chooses the language of names, falling back to English; "
    "`names` gives every language; Content-Language says which one was chosen.\n"
    "* A path with a trailing slash answers 308 to the path without it.\n"
    "* Read answers carry an ETag (If-None-Match: 304), allow any origin (CORS) and are "
    "compressed when the client accepts it.")


# Suggest (search-as-you-type, issue 24): its bounds, schema and operation, kept together here.
#: Most characters of the text a suggestion is asked for (more is a 400), and most suggestions
#: one answer gives (``limit``; more is a 400; 8 when not asked).
SUGGEST_MAX_CHARS = 100
SUGGEST_MAX_LIMIT = 25
SUGGEST_LIMIT = 8
SUGGEST_SCHEMAS: dict[str, Any] = {
    "SuggestList": {"type": "object", "required": ["q", "items"], "properties": {
        "q": STRING,
        "items": {"type": "array", "items": {
            "type": "object", "required": ["id", "iri", "name", "matched", "score"],
            "properties": {"id": STRING, "iri": STRING, "name": STRING, "matched": STRING,
                           "score": {"type": "number"}}}}}},
}
SUGGEST_EXAMPLE = {"q": "rdl", "items": [
    {"id": "romanian-deadlift", "iri": "https://w3id.org/exgraph/id/exercise/romanian-deadlift",
     "name": "Romanian deadlift", "matched": "RDL", "score": 1.042}]}


def _suggest_path(named: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    q = {"name": "q", "in": "query", "required": True,
         "description": "the text typed so far: a name, synonym or abbreviation in any "
                        "language, typos allowed",
         "schema": {"type": "string", "minLength": 1, "maxLength": SUGGEST_MAX_CHARS},
         "example": "rdl"}
    limit = query_param("limit", {"type": "integer", "minimum": 0,
                                   "maximum": SUGGEST_MAX_LIMIT, "default": SUGGEST_LIMIT},
                         "most suggestions")
    return {"/api/v1/suggest": {"get": operation(
        "suggestExercises", "exercises",
        "Exercises for what is being typed, best first (search-as-you-type)",
        json_body("SuggestList", SUGGEST_EXAMPLE), parameters=[q, *named, limit],
        headers=("Content-Language",),
        description="Ranked as the exercise list's q= (docs/search.md): exact, prefix and "
                    "whole-word matches first, then typos; names in lang first. Each item "
                    "gives the name in lang and the name or synonym that matched.")}}


def document(vocab: Vocabulary | None = None) -> dict[str, Any]:
    """The OpenAPI 3.0 document for vocab (the graph's slugs; without it, parameters are
    described by their shape only). The parts of the plans and the training history are
    imported here, on the first request for the document: they import those packages, which
    a start of the server does not need (issue 25, "instant start")."""
    from exgraph.web.api.openapi_me import ME_PATHS, ME_SCHEMAS, ME_TAG, SECURITY_SCHEMES

    vocab = vocab or Vocabulary()
    common = common_params(vocab)
    named = (common["lang"], common["accept-language"])
    paths: dict[str, Any] = {
        "/api/v1/": {"get": operation(
            "getIndex", "index", "The API's entry point: links to every collection and to "
            "the documentation", json_body("Index"), headers=("Link",))},
        "/api/v1/openapi.json": {"get": operation(
            "getOpenapi", "index", "This document", {"application/json": {
                "schema": {"type": "object"},
                "example": {"openapi": "3.0.3", "info": {"title": "exgraph API",
                                                         "version": "1"}, "paths": {}}}})},
        **_exercise_paths(vocab, common, named),
        **_catalogue_paths(common, named),
        **_suggest_path(named),
        **_query_paths(vocab),
        **_plan_paths(),
        **_export_paths(),
        **_sparql_paths(),
        **_health_paths(),
        **ME_PATHS,  # training history (issue 26): every route needs the bearer token
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "exgraph API", "version": "1", "description": CONVENTIONS,
                 "license": {"name": "MIT"}},
        "servers": [{"url": "/", "description": "this server"}],
        "tags": [*TAGS, ME_TAG],
        "paths": paths,
        "components": {"schemas": {**SCHEMAS, **SUGGEST_SCHEMAS, **vocabulary_schemas(vocab),
                                   **ME_SCHEMAS},
                       "headers": HEADERS, "securitySchemes": SECURITY_SCHEMES},
    }


def _exercise_paths(vocab: Vocabulary, common: dict[str, dict[str, Any]],
                    named: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """The exercise list, one exercise's forms and its ranked alternatives and substitutes."""
    exercise_id = path_param("exercise_id", "slug of the exercise", MBE)
    exercise_errors = ("400", "404", "414", "503")
    moved = {"308": REDIRECT}
    return {
        "/api/v1/exercises": {"get": operation(
            "listExercises", "exercises", "Exercises, filtered, sorted and paged",
            json_body("ExerciseList"),
            parameters=[*list_filters(vocab), common["sort"], *named, limit_param(50),
                        common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/exercises/{exercise_id}": {"get": operation(
            "getExercise", "exercises", "Everything about one exercise",
            json_body("ExerciseDocument"), parameters=[exercise_id, *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}.json": {"get": operation(
            "getExerciseJson", "exercises", "Everything about one exercise (JSON by extension)",
            json_body("ExerciseDocument"), parameters=[exercise_id, *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}.ttl": {"get": operation(
            "getExerciseTurtle", "exercises",
            "The exercise and the nodes that belong to it, as Turtle",
            text_body("text/turtle", TURTLE_EXAMPLE), parameters=[exercise_id],
            errors=exercise_errors, extra=moved)},
        "/api/v1/exercises/{exercise_id}/alternatives": {"get": operation(
            "listAlternatives", "exercises",
            "The headline question: what can replace an exercise, ranked (curated alternatives "
            "first), filtered by equipment and difficulty", json_body("AlternativeList"),
            parameters=[exercise_id, *ranked_params(vocab), *named], errors=exercise_errors,
            headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}/substitutes": {"get": operation(
            "listSubstitutes", "exercises", "Ranked substitutes with scores and reasons",
            json_body("SubstituteList"), parameters=[exercise_id, *ranked_params(vocab), *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
    }


def _catalogue_paths(common: dict[str, dict[str, Any]],
                     named: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """The muscle catalogue and a muscle's exercises, the equipment taxonomy, the queries."""
    muscle_id = path_param("muscle_id", "slug of a muscle or muscle group", "glutes")
    return {
        "/api/v1/muscles": {"get": operation(
            "listMuscles", "muscles", "The muscle catalogue", json_body("MuscleList"),
            parameters=[*named, limit_param(MAX_LIMIT), common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/muscles/{muscle_id}/exercises": {"get": operation(
            "listMuscleExercises", "muscles",
            "Exercises working a muscle (a group matches its narrower muscles)",
            json_body("MuscleExercises"),
            parameters=[muscle_id,
                        query_param("role", list_of(ROLE, MAX_FILTER_VALUES),
                                     "only these roles." + LIST_NOTE),
                        common["sort"], *named, limit_param(MAX_LIMIT), common["offset"]],
            errors=("400", "404", "414", "503"), headers=("Link", "Content-Language"))},
        "/api/v1/equipment": {"get": operation(
            "listEquipment", "equipment", "The equipment taxonomy", json_body("EquipmentList"),
            parameters=[*named, limit_param(MAX_LIMIT), common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/queries": {"get": operation(
            "listQueries", "queries", "The named-query catalogue", json_body("QueryCatalogue"),
            parameters=[limit_param(MAX_LIMIT), common["offset"]], headers=("Link",))},
    }


def _export_paths() -> dict[str, Any]:
    """The whole graph in three formats."""
    return {
        "/export.ttl": {"get": operation(
            "exportTurtle", "exports", "The whole graph, Turtle (gzip when accepted)",
            text_body("text/turtle", TURTLE_EXAMPLE))},
        "/export.nt": {"get": operation(
            "exportNtriples", "exports", "The whole graph, N-Triples (gzip when accepted)",
            {"application/n-triples": SPARQL_RESULTS["application/n-triples"]})},
        "/export.jsonld": {"get": operation(
            "exportJsonld", "exports", "The whole graph, JSON-LD (gzip when accepted)",
            {"application/ld+json": SPARQL_RESULTS["application/ld+json"]})},
    }
