"""The OpenAPI 3 document of the service, served at /api/v1/openapi.json.

Written as data next to the routes it describes: the JSON API, the exports, ``/sparql`` and the
health checks, each operation with an operationId, a tag, an example for every response and the
one error shape (the schemas and examples are in :mod:`exgraph.web.api.schemas`). It is exact
for the graph it is served from: parameters that name things list the slugs the graph has
(:class:`Vocabulary`), so a client generated from it offers exactly the values the API accepts;
the document is built once per store generation.

tests/test_openapi.py checks that it names every route of the app's url map (and no other), that
every example fits its schema, and runs schemathesis with every check against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from exgraph.queries.catalogue import CATEGORIES, NamedQuery, Param, default_catalogue
from exgraph.queries.listing import FORCES, MECHANICS, SORTS
from exgraph.web.api.conventions import LANG_RE, MAX_FILTER_VALUES, MAX_LIMIT, MAX_OFFSET
from exgraph.web.api.plans import OPENAPI_PATHS as PLAN_PATHS
from exgraph.web.api.schemas import (
    DIFFICULTY,
    ERROR_EXAMPLES,
    ERROR_WHY,
    EX,
    EXAMPLES,
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


@dataclass(frozen=True)
class Vocabulary:
    """The slugs and values of the graph the document describes (empty: none listed, so the
    parameters are described by their shape alone)."""

    muscles: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)  # kinds and category slugs
    goals: list[str] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    max_list_values: int = 256



# ---------------------------------------------------------------------------------------------
# Responses, headers, parameters

HEADERS: dict[str, Any] = {
    "ETag": {"description": "The representation's tag; If-None-Match with it answers 304",
             "required": True, "schema": STRING},
    "Link": {"description": "RFC 8288 links: first, prev, next and last pages (service-desc "
                            "and service-doc on the index)",
             "required": True, "schema": STRING},
    "Content-Language": {"description": "The language names are given in (lang, else "
                                        "Accept-Language, else en)",
                         "required": True, "schema": STRING},
    "Location": {"description": "Where the resource is", "required": True, "schema": STRING},
    "Retry-After": {"description": "Seconds to wait before trying again", "required": True,
                    "schema": STRING},
}


def _header_refs(*names: str) -> dict[str, Any]:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}


def _json(schema: str, example: Any = None) -> dict[str, Any]:
    media = {"schema": ref(schema)}
    found = EXAMPLES.get(schema) if example is None else example
    if found is not None:
        media["example"] = found
    return {"application/json": media}


def _text(media_type: str, example: str) -> dict[str, Any]:
    return {media_type: {"schema": STRING, "example": example}}


def _error(code: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": ERROR_WHY[code],
        "content": _json("Error", {"ok": False, "error": ERROR_EXAMPLES[code],
                                   "status": int(code)})}
    if code == "503":
        response["headers"] = _header_refs("Retry-After")
    return response


NOT_MODIFIED = {"description": "Not modified (If-None-Match matched the ETag)",
                "headers": _header_refs("ETag")}
REDIRECT = {"description": "A merged exercise's former id: the same request at its id",
            "headers": _header_refs("Location")}


def _operation(operation_id: str, tag: str, summary: str, ok: dict[str, Any], *,
               parameters: list[dict[str, Any]] | None = None,
               errors: tuple[str, ...] = ("400", "414", "503"), headers: tuple[str, ...] = (),
               description: str | None = None, extra: dict[str, Any] | None = None
               ) -> dict[str, Any]:
    ok_response: dict[str, Any] = {"description": "OK", "content": ok,
                                   "headers": _header_refs("ETag", *headers)}
    operation: dict[str, Any] = {
        "operationId": operation_id, "tags": [tag], "summary": summary,
        "parameters": parameters or [],
        "responses": {"200": ok_response, **(extra or {}), "304": NOT_MODIFIED,
                      **{code: _error(code) for code in errors}},
    }
    if description:
        operation["description"] = description
    return operation


def _path_param(name: str, description: str, example: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string", "pattern": SLUG}, "example": example}


def _query_param(name: str, schema: dict[str, Any], description: str,
                 example: Any = None) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "query", "required": False,
                             "description": description, "schema": schema}
    if schema.get("type") == "array":
        param |= {"style": "form", "explode": True}
    if example is not None:
        param["example"] = example
    return param


def _vocabulary_schemas(vocab: Vocabulary) -> dict[str, Any]:
    """The graph's slugs, one schema each (parameters refer to them)."""
    return {
        "MuscleSlug": {**_one_of(vocab.muscles), "description": "a muscle or muscle group"},
        "EquipmentSlug": {**_one_of(vocab.equipment),
                          "description": "an equipment kind or category"},
        "GoalSlug": {**_one_of(vocab.goals), "description": "a training goal"},
        "Category": {**_one_of(vocab.facets.get("category", [])),
                     "description": "a category an imported dataset gives (lower case)"},
        "MovementPatternSlug": {**_one_of(vocab.facets.get("movement_pattern", [])),
                                "description": "a movement pattern: hip-hinge is exg:HipHinge"},
    }


def _one_of(values: list[str]) -> dict[str, Any]:
    """A slug: one of values when the graph gives them, else any slug."""
    return {"type": "string", "enum": values} if values else {"type": "string",
                                                              "pattern": SLUG}


def _list_of(item: dict[str, Any], most: int) -> dict[str, Any]:
    return {"type": "array", "items": item, "maxItems": most}


LIST_NOTE = (" Repeat the parameter or separate values with commas (at most "
             f"{MAX_FILTER_VALUES}); any of them matches.")
EQUIPMENT_NOTE = ("equipment kind (e.g. barbell) or category (" + ", ".join(CATEGORIES)
                  + "); matched through skos:broader*, so a category covers every kind under it")


def _common(vocab: Vocabulary) -> dict[str, dict[str, Any]]:
    """Parameters several operations share, by name."""
    return {
        "lang": _query_param("lang", {"type": "string", "pattern": LANG_RE.pattern},
                             "language of names (a BCP 47 tag such as de or pt-BR); names "
                             "missing in it are in English. Wins over Accept-Language. "
                             "Languages with names: " + (", ".join(vocab.languages) or "en"),
                             "de"),
        "accept-language": {"name": "Accept-Language", "in": "header", "required": False,
                            "description": "languages of names, as browsers send them "
                                           "(lang= wins)",
                            "schema": STRING, "example": "de-DE,de;q=0.9,en;q=0.5"},
        "sort": _query_param("sort", {"type": "string", "enum": list(SORTS), "default": "name"},
                             "order: name (in the answer's language) or difficulty (lowest "
                             "level first); a leading - reverses; unknown difficulty last; "
                             "relevance to q (best match first), the default when q is given",
                             "-difficulty"),
        "offset": _query_param("offset", {"type": "integer", "minimum": 0,
                                          "maximum": MAX_OFFSET, "default": 0},
                               "items to skip"),
    }


def _limit(default: int) -> dict[str, Any]:
    return _query_param("limit", {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT,
                                  "default": default}, "page size")


def _filters(vocab: Vocabulary) -> list[dict[str, Any]]:
    """The exercise list's filters."""
    most = MAX_FILTER_VALUES
    facets = vocab.facets
    params = [
        _query_param("muscle", _list_of(ref("MuscleSlug"), most),
                     "works this muscle or group (a group matches its narrower muscles)."
                     + LIST_NOTE, ["glutes", "hamstrings"]),
        _query_param("role", _list_of(ROLE, most), "the role of that muscle (of any muscle "
                     "without muscle)." + LIST_NOTE),
        _query_param("equipment", _list_of(ref("EquipmentSlug"), most),
                     "needs this equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE),
        _query_param("exclude_equipment", _list_of(ref("EquipmentSlug"), most),
                     "needs none of this equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE,
                     ["machine"]),
        _query_param("difficulty", _list_of(DIFFICULTY, most), "comes at this difficulty."
                     + LIST_NOTE),
    ]
    if facets.get("category"):
        params.append(_query_param(
            "category", _list_of(ref("Category"), most),
            "a dataset's category (lower case)." + LIST_NOTE))
    params += [
        _query_param("force", _list_of({"type": "string", "enum": list(FORCES)}, most),
                     "the force a dataset gives." + LIST_NOTE),
        _query_param("mechanic", _list_of({"type": "string", "enum": list(MECHANICS)}, most),
                     "the mechanic a dataset gives." + LIST_NOTE),
        _query_param("movement_pattern",
                     _list_of(ref("MovementPatternSlug"), most),
                     "the movement pattern (stated or inferred)." + LIST_NOTE, ["hip-hinge"]),
        # issue 22: the kind of activity
        _query_param("kind",
                     _list_of({"type": "string", "enum": vocab.facets.get("kind", [])}, most),
                     "the kind of activity (stated or inferred): strength-training, "
                     "power-training, stretching, self-myofascial-release, mobility-drill, "
                     "cardio." + LIST_NOTE, ["strength-training"]),
        _query_param("q", {"type": "string", "pattern": TEXT},
                     "what a lifter types: a name, synonym or abbreviation in any language, "
                     "typos, plurals and word order allowed (docs/search.md); ranked by "
                     "relevance unless sort is given (letters, digits, spaces and "
                     "- ' . , ( ) / + &)", "kreuzheben"),
    ]
    return params


def _ranked_params(vocab: Vocabulary) -> list[dict[str, Any]]:
    equipment = _list_of(ref("EquipmentSlug"), MAX_FILTER_VALUES)
    return [
        _query_param("exclude_equipment", equipment, "leave out exercises needing this "
                     "equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE, ["machine"]),
        _query_param("equipment", equipment, "what the lifter has: substitutes need nothing "
                     "else." + LIST_NOTE),
        _query_param("difficulty", DIFFICULTY, "keep exercises that come at this level", "low"),
        _query_param("max_difficulty", DIFFICULTY, "keep exercises at this level or easier"),
        _query_param("cover", {"type": "string", "enum": ["primary"]},
                     "primary: keep only exercises working every primary muscle group"),
        _query_param("include_unknown", {"type": "string", "enum": ["true", "false"]},
                     "let exercises with unknown equipment or difficulty pass the filters"),
        _query_param("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                     "the most items"),
    ]


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
        return _list_of(schema, vocab.max_list_values)
    return schema


def _query_params(query: NamedQuery, vocab: Vocabulary) -> list[dict[str, Any]]:
    params = []
    for param in query.params:
        note = (" Repeat the parameter or separate values with commas." if param.many else "")
        described = (param.description or param.type.description) + note
        entry = _query_param(param.name, _param_schema(param, vocab), described)
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
        result = _json("QueryResult", _query_result_example(query))
        csv_example = ",".join(query.columns) + "\r\n"
        about = f"{query.description} (Named query {query.name}, queries/{query.name}.rq.)"
        op = f"runQuery{_camel(query.name)}"
        # an exercise the graph does not have is a 404
        errors = ("400", "404", "414", "503") if any(
            p.type.name == "exercise" for p in query.params) else ("400", "414", "503")
        paths[base] = {"get": _operation(
            op, "queries", f"{query.title} (JSON; CSV with Accept: text/csv or format=csv)",
            {**result, **_text("text/csv", csv_example)}, parameters=params,
            errors=errors, description=about)}
        paths[base + ".json"] = {"get": _operation(
            op + "Json", "queries", f"{query.title}, as JSON", result, parameters=params,
            errors=errors, description=about)}
        paths[base + ".csv"] = {"get": _operation(
            op + "Csv", "queries", f"{query.title}, as CSV", _text("text/csv", csv_example),
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
SPARQL_QUERY = ("PREFIX exg: <https://w3id.org/exgraph/ontology#> "
                "SELECT ?ex WHERE { ?ex exg:difficulty exg:Low } LIMIT 5")
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
                 **{code: _error(code) for code in SPARQL_ERRORS}}
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
                         "example": "PREFIX exg: <https://w3id.org/exgraph/ontology#> "
                                    "INSERT DATA { <x:a> exg:summary \"...\" }"},
                     "application/x-www-form-urlencoded": {
                         "schema": form, "example": {"query": SPARQL_QUERY}}}},
                 "responses": {**responses, "204": {"description": "The update was applied"}}},
    }}


def _health_paths() -> dict[str, Any]:
    ok = {"description": "OK", "content": _json("Health")}
    return {
        "/healthz": {"get": {"operationId": "getHealth", "tags": ["health"],
                             "summary": "Liveness: the process answers (no query runs)",
                             "parameters": [], "responses": {"200": ok}}},
        "/readyz": {"get": {"operationId": "getReadiness", "tags": ["health"],
                            "summary": "Readiness: the store answers and holds triples",
                            "parameters": [],
                            "responses": {"200": ok, "503": {
                                **_error("503"), "description": "Not ready: the store does "
                                "not answer or the graph is empty"}}}},
    }


def _plan_paths() -> dict[str, Any]:
    """The training-plan routes' own part (web/api/plans.py), given an operationId and a tag
    where it has none."""
    paths: dict[str, Any] = {}
    for path, item in PLAN_PATHS.items():
        paths[path] = {}
        for method, operation in item.items():
            suffix = _camel(path.rsplit("/", 1)[-1].replace(".", "-"))
            paths[path][method] = {"operationId": f"{method}{suffix}", "tags": ["plans"],
                                   **operation}
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
]
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
    limit = _query_param("limit", {"type": "integer", "minimum": 0,
                                   "maximum": SUGGEST_MAX_LIMIT, "default": SUGGEST_LIMIT},
                         "most suggestions")
    return {"/api/v1/suggest": {"get": _operation(
        "suggestExercises", "exercises",
        "Exercises for what is being typed, best first (search-as-you-type)",
        _json("SuggestList", SUGGEST_EXAMPLE), parameters=[q, *named, limit],
        headers=("Content-Language",),
        description="Ranked as the exercise list's q= (docs/search.md): exact, prefix and "
                    "whole-word matches first, then typos; names in lang first. Each item "
                    "gives the name in lang and the name or synonym that matched.")}}


def document(vocab: Vocabulary | None = None) -> dict[str, Any]:
    """The OpenAPI 3.0 document for vocab (the graph's slugs; without it, parameters are
    described by their shape only)."""
    vocab = vocab or Vocabulary()
    common = _common(vocab)
    lang, accept_language = common["lang"], common["accept-language"]
    named = (lang, accept_language)
    exercise_id = _path_param("exercise_id", "slug of the exercise", MBE)
    muscle_id = _path_param("muscle_id", "slug of a muscle or muscle group", "glutes")
    exercise_errors = ("400", "404", "414", "503")
    moved = {"308": REDIRECT}
    paths: dict[str, Any] = {
        "/api/v1/": {"get": _operation(
            "getIndex", "index", "The API's entry point: links to every collection and to "
            "the documentation", _json("Index"), headers=("Link",))},
        "/api/v1/openapi.json": {"get": _operation(
            "getOpenapi", "index", "This document", {"application/json": {
                "schema": {"type": "object"},
                "example": {"openapi": "3.0.3", "info": {"title": "exgraph API",
                                                         "version": "1"}, "paths": {}}}})},
        "/api/v1/exercises": {"get": _operation(
            "listExercises", "exercises", "Exercises, filtered, sorted and paged",
            _json("ExerciseList"),
            parameters=[*_filters(vocab), common["sort"], *named, _limit(50),
                        common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/exercises/{exercise_id}": {"get": _operation(
            "getExercise", "exercises", "Everything about one exercise",
            _json("ExerciseDocument"), parameters=[exercise_id, *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}.json": {"get": _operation(
            "getExerciseJson", "exercises", "Everything about one exercise (JSON by extension)",
            _json("ExerciseDocument"), parameters=[exercise_id, *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}.ttl": {"get": _operation(
            "getExerciseTurtle", "exercises",
            "The exercise and the nodes that belong to it, as Turtle",
            _text("text/turtle", TURTLE_EXAMPLE), parameters=[exercise_id],
            errors=exercise_errors, extra=moved)},
        "/api/v1/exercises/{exercise_id}/alternatives": {"get": _operation(
            "listAlternatives", "exercises",
            "The headline question: what can replace an exercise, ranked (curated alternatives "
            "first), filtered by equipment and difficulty", _json("AlternativeList"),
            parameters=[exercise_id, *_ranked_params(vocab), *named], errors=exercise_errors,
            headers=("Content-Language",), extra=moved)},
        "/api/v1/exercises/{exercise_id}/substitutes": {"get": _operation(
            "listSubstitutes", "exercises", "Ranked substitutes with scores and reasons",
            _json("SubstituteList"), parameters=[exercise_id, *_ranked_params(vocab), *named],
            errors=exercise_errors, headers=("Content-Language",), extra=moved)},
        "/api/v1/muscles": {"get": _operation(
            "listMuscles", "muscles", "The muscle catalogue", _json("MuscleList"),
            parameters=[*named, _limit(MAX_LIMIT), common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/muscles/{muscle_id}/exercises": {"get": _operation(
            "listMuscleExercises", "muscles",
            "Exercises working a muscle (a group matches its narrower muscles)",
            _json("MuscleExercises"),
            parameters=[muscle_id,
                        _query_param("role", _list_of(ROLE, MAX_FILTER_VALUES),
                                     "only these roles." + LIST_NOTE),
                        common["sort"], *named, _limit(MAX_LIMIT), common["offset"]],
            errors=("400", "404", "414", "503"), headers=("Link", "Content-Language"))},
        "/api/v1/equipment": {"get": _operation(
            "listEquipment", "equipment", "The equipment taxonomy", _json("EquipmentList"),
            parameters=[*named, _limit(MAX_LIMIT), common["offset"]],
            headers=("Link", "Content-Language"))},
        "/api/v1/queries": {"get": _operation(
            "listQueries", "queries", "The named-query catalogue", _json("QueryCatalogue"),
            parameters=[_limit(MAX_LIMIT), common["offset"]], headers=("Link",))},
        **_suggest_path(named),
        **_query_paths(vocab),
        **_plan_paths(),
        "/export.ttl": {"get": _operation(
            "exportTurtle", "exports", "The whole graph, Turtle (gzip when accepted)",
            _text("text/turtle", TURTLE_EXAMPLE))},
        "/export.nt": {"get": _operation(
            "exportNtriples", "exports", "The whole graph, N-Triples (gzip when accepted)",
            {"application/n-triples": SPARQL_RESULTS["application/n-triples"]})},
        "/export.jsonld": {"get": _operation(
            "exportJsonld", "exports", "The whole graph, JSON-LD (gzip when accepted)",
            {"application/ld+json": SPARQL_RESULTS["application/ld+json"]})},
        **_sparql_paths(),
        **_health_paths(),
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "exgraph API", "version": "1", "description": CONVENTIONS,
                 "license": {"name": "MIT"}},
        "servers": [{"url": "/", "description": "this server"}],
        "tags": TAGS,
        "paths": paths,
        "components": {"schemas": {**SCHEMAS, **SUGGEST_SCHEMAS, **_vocabulary_schemas(vocab)},
                       "headers": HEADERS},
    }
