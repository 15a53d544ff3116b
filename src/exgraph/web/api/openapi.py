"""The OpenAPI 3 document of the JSON API and the exports, served at /api/v1/openapi.json.

Written as data next to the routes it describes; tests/test_openapi.py checks that it names
every route of the app's url map (and no other) and runs schemathesis against it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from exgraph.queries.catalogue import CATEGORIES, default_catalogue

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DIFFICULTY = {"type": "string", "enum": ["low", "moderate", "high"]}
ROLE = {"type": "string", "enum": ["primary", "secondary", "stabilizer"]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


STRING = {"type": "string"}
NSTRING = _nullable(STRING)
NINT = _nullable({"type": "integer"})
RANGE = {"type": "object", "required": ["min", "max"],
         "properties": {"min": NINT, "max": NINT}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


REF_PROPS = {"id": STRING, "iri": STRING, "name": NSTRING}

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"ok": {"type": "boolean", "enum": [False]}, "error": STRING,
                   "status": {"type": "integer"}}),
    "Ref": _obj(REF_PROPS),
    "ExerciseSummary": _obj({**REF_PROPS, "difficulty": _array(DIFFICULTY),
                             "equipment": _array(_ref("Ref"))}),
    "ExerciseList": _obj({"total": {"type": "integer", "minimum": 0},
                          "limit": {"type": "integer"}, "offset": {"type": "integer"},
                          "items": _array(_ref("ExerciseSummary"))}),
    "Alternative": _obj({
        **REF_PROPS, "best_for": NSTRING, "key_difference": NSTRING,
        "difficulty": _array(DIFFICULTY), "difficulty_estimated": {"type": "boolean"},
        "score": {"type": "number"},
        "tier": {"type": "string", "enum": ["curated", "variation", "computed"]},
        "reasons": _array(STRING),
        "shared_muscles": _obj({role: _array(STRING) for role in ROLE["enum"]}),
        "movement_pattern": NSTRING, "same_pattern": {"type": "boolean"},
        "equipment": _array(STRING), "equipment_known": {"type": "boolean"}}),
    "AlternativeList": _obj({"exercise": STRING,
                             "filters": {"type": "object", "additionalProperties": STRING},
                             "items": _array(_ref("Alternative"))}),
    "SubstituteList": _obj({
        "exercise": _obj({"id": STRING, "name": STRING, "primary_muscles": _array(STRING),
                          "movement_pattern": NSTRING,
                          "movement_pattern_inferred": {"type": "boolean"}}),
        "filters": {"type": "object", "additionalProperties": STRING},
        "items": _array(_ref("Alternative"))}),
    "MuscleWork": _obj({**REF_PROPS, "function": NSTRING}),
    "ExerciseDocument": _obj({
        **REF_PROPS,
        "summary": NSTRING,
        "difficulty": _array(DIFFICULTY),
        "equipment": _array(_obj({**REF_PROPS, "categories": _array(STRING)})),
        "equipment_note": NSTRING,
        "muscles": _obj({role: _array(_ref("MuscleWork"))
                         for role in ("primary", "secondary", "stabilizer")}),
        "steps": _array(STRING),
        "benefits": _array(_obj({"title": NSTRING, "text": NSTRING})),
        "mistakes": _array(_obj({"question": NSTRING, "problem": NSTRING, "cause": NSTRING,
                                 "fix": NSTRING})),
        "beginner": _obj({"suitable": _nullable({"type": "boolean"}), "note": NSTRING}),
        "programming": _array(_obj({"goal": NSTRING, "sets": RANGE, "reps": RANGE,
                                    "rest_seconds": RANGE, "load": NSTRING})),
        "progression": NSTRING,
        "frequency": _obj({"sessions_per_week": RANGE, "note": NSTRING}),
        "comparisons": _array(_obj({"compared_with": _nullable(_ref("Ref")), "summary": NSTRING,
                                    "exercise": _nullable(_ref("Ref")), "best_for": NSTRING,
                                    "tradeoff": NSTRING})),
        "alternatives": _array(_ref("Alternative")),
        "overviews": _obj({k: NSTRING for k in ("muscles", "technique", "benefits", "mistakes",
                                                "load", "alternatives")}),
        "sources": _array(_obj({**REF_PROPS, "license": NSTRING})),
    }),
    "MuscleList": _obj({"items": _array(_obj({**REF_PROPS, "group": {"type": "boolean"},
                                              "broader": NSTRING}))}),
    "MuscleExercises": _obj({
        "muscle": STRING,
        "filters": {"type": "object", "additionalProperties": STRING},
        "items": _array(_obj({**REF_PROPS, "muscles": _array(_obj(
            {"id": STRING, "role": ROLE, "function": NSTRING}))})),
    }),
    "EquipmentList": _obj({
        "categories": _array(_ref("Ref")),
        "items": _array(_obj({**REF_PROPS,
                              "broader": _array(_obj({"id": STRING, "iri": STRING,
                                                      "category": {"type": "boolean"}})),
                              "categories": _array(STRING)})),
    }),
    "QueryParam": _obj({"name": STRING, "type": STRING, "required": {"type": "boolean"},
                        "default": NSTRING, "description": STRING}),
    "QueryCatalogue": _obj({"items": _array(_obj({
        "name": STRING, "title": STRING, "description": STRING,
        "params": _array(_ref("QueryParam")), "columns": _array(STRING)}))}),
    "QueryResult": _obj({
        "name": STRING, "title": STRING,
        "params": {"type": "object", "additionalProperties": _array(STRING)},
        "columns": _array(STRING),
        "rows": _array({"type": "object", "additionalProperties": {
            "nullable": True, "oneOf": [STRING, {"type": "number"}, {"type": "boolean"}]}}),
    }),
}


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(schema)}}


ERRORS = {
    "400": {"description": "A bad parameter", "content": _json("Error")},
    "404": {"description": "No such resource", "content": _json("Error")},
}
NOT_MODIFIED = {"304": {"description": "Not modified (If-None-Match matched the ETag)"}}


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string", "pattern": SLUG}}


def _query_param(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}


def _get(summary: str, ok: dict[str, Any], parameters: list[dict[str, Any]] | None = None,
         errors: tuple[str, ...] = ("400",)) -> dict[str, Any]:
    return {"get": {
        "summary": summary,
        "parameters": parameters or [],
        "responses": {"200": {"description": "OK", "content": ok}, **NOT_MODIFIED,
                      **{code: ERRORS[code] for code in errors}},
    }}


def _text(media_type: str) -> dict[str, Any]:
    return {media_type: {"schema": {"type": "string"}}}


EQUIPMENT_HELP = ("slug of an equipment kind (e.g. barbell) or category ("
                  + ", ".join(CATEGORIES) + "); matched through skos:broader*")
EXERCISE_ID = _path_param("exercise_id", "slug of the exercise, e.g. machine-back-extension")
SLUG_PARAM = {"type": "string", "pattern": SLUG}
#: Equipment lists: repeat the parameter or separate slugs with commas.
SLUG_LIST = {"type": "string", "pattern": f"^{SLUG.strip('^$')}(?:,{SLUG.strip('^$')})*$"}
RANK_PARAMS = [
    _query_param("exclude_equipment", SLUG_LIST, "leave out exercises needing this equipment "
                 "(kinds or categories, comma-separated): " + EQUIPMENT_HELP),
    _query_param("equipment", SLUG_LIST, "what the lifter has: substitutes need nothing else"),
    _query_param("difficulty", DIFFICULTY, "keep exercises that come at this level"),
    _query_param("max_difficulty", DIFFICULTY, "keep exercises at this level or easier"),
    _query_param("cover", {"type": "string", "enum": ["primary"]},
                 "primary: keep only exercises working every primary muscle group"),
    _query_param("include_unknown", {"type": "string", "enum": ["true", "false"]},
                 "let exercises with unknown equipment or difficulty pass the filters"),
    _query_param("limit", {"type": "integer", "minimum": 1, "maximum": 100},
                 "the most items (default 10)"),
]


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    """The OpenAPI 3.0 document (built once per process: it depends on the catalogue)."""
    names = list(default_catalogue())
    query_name = {"name": "name", "in": "path", "required": True,
                  "description": "the name of a named query (see /api/v1/queries)",
                  "schema": {"type": "string", "enum": names}}
    query_values = {"name": "params", "in": "query", "required": False, "style": "form",
                    "explode": True, "description": "the query's parameters, as name=value",
                    "schema": {"type": "object", "additionalProperties": STRING}}
    list_params = [
        _query_param("muscle", SLUG_PARAM, "muscle or group slug (groups match narrower ones)"),
        _query_param("role", ROLE, "the role of that muscle"),
        _query_param("equipment", SLUG_PARAM, "needs this equipment: " + EQUIPMENT_HELP),
        _query_param("exclude_equipment", SLUG_PARAM,
                     "does not need this equipment: " + EQUIPMENT_HELP),
        _query_param("difficulty", DIFFICULTY, "comes at this difficulty"),
        _query_param("q", {"type": "string", "minLength": 1, "maxLength": 100,
                           "pattern": r"^[A-Za-z0-9 \-']+$"},
                     "words found in a name or synonym, case-insensitive"),
        _query_param("limit", {"type": "integer", "minimum": 0, "maximum": 1000, "default": 50},
                     "page size"),
        _query_param("offset", {"type": "integer", "minimum": 0, "maximum": 1_000_000,
                                "default": 0}, "items to skip"),
    ]
    csv_or_json = {**_json("QueryResult"), **_text("text/csv")}
    paths = {
        "/api/v1/openapi.json": _get("This document", {"application/json": {
            "schema": {"type": "object"}}}, errors=()),
        "/api/v1/exercises": _get("Exercises, filtered and paged", _json("ExerciseList"),
                                  list_params),
        "/api/v1/exercises/{exercise_id}": _get(
            "Everything about one exercise", _json("ExerciseDocument"), [EXERCISE_ID],
            ("400", "404")),
        "/api/v1/exercises/{exercise_id}.json": _get(
            "Everything about one exercise (JSON by extension)", _json("ExerciseDocument"),
            [EXERCISE_ID], ("400", "404")),
        "/api/v1/exercises/{exercise_id}.ttl": _get(
            "The exercise and the nodes that belong to it, as Turtle", _text("text/turtle"),
            [EXERCISE_ID], ("400", "404")),
        "/api/v1/exercises/{exercise_id}/alternatives": _get(
            "The headline question: what can replace an exercise, ranked (curated alternatives "
            "first), filtered by equipment and difficulty", _json("AlternativeList"),
            [EXERCISE_ID, *RANK_PARAMS], ("400", "404")),
        "/api/v1/exercises/{exercise_id}/substitutes": _get(
            "Ranked substitutes with scores and reasons", _json("SubstituteList"),
            [EXERCISE_ID, *RANK_PARAMS], ("400", "404")),
        "/api/v1/muscles": _get("The muscle catalogue", _json("MuscleList")),
        "/api/v1/muscles/{muscle_id}/exercises": _get(
            "Exercises working a muscle (a group matches its narrower muscles)",
            _json("MuscleExercises"),
            [_path_param("muscle_id", "slug of a muscle or muscle group, e.g. glutes"),
             _query_param("role", ROLE, "only this role")], ("400", "404")),
        "/api/v1/equipment": _get("The equipment taxonomy", _json("EquipmentList")),
        "/api/v1/queries": _get("The named-query catalogue", _json("QueryCatalogue")),
        "/api/v1/queries/{name}": _get(
            "Run a named query (JSON; CSV with Accept: text/csv)", csv_or_json,
            [query_name, query_values], ("400", "404")),
        "/api/v1/queries/{name}.json": _get(
            "Run a named query, JSON", _json("QueryResult"), [query_name, query_values],
            ("400", "404")),
        "/api/v1/queries/{name}.csv": _get(
            "Run a named query, CSV", _text("text/csv"), [query_name, query_values],
            ("400", "404")),
        "/export.ttl": _get("The whole graph, Turtle", _text("text/turtle")),
        "/export.nt": _get("The whole graph, N-Triples", _text("application/n-triples")),
        "/export.jsonld": _get("The whole graph, JSON-LD", {"application/ld+json": {
            "schema": {"type": "object"}}}),
        "/export.nq": _get("Every source graph, N-Quads (one named graph per source)",
                           {"application/n-quads": {"schema": {"type": "string"}}}),
        "/export.trig": _get("Every source graph, TriG (one named graph per source)",
                             {"application/trig": {"schema": {"type": "string"}}}),
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "exgraph API", "version": "1",
                 "description": "A knowledge graph of strength-training exercises: the JSON API "
                                "and the exports. Errors are {ok: false, error, status}."},
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
