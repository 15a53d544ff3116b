"""The JSON the API answers, as OpenAPI 3.0 schemas, and an example of each: the data half of
the OpenAPI document (:mod:`exgraph.web.api.openapi` adds the operations).
tests/integration/api/test_openapi.py checks every example against its schema, and every answer
against the schemas.
"""

from __future__ import annotations

from typing import Any

from exgraph.queries.documents import MERGED_SECTIONS, SINGLE_SOURCE_SECTIONS

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: The search text a ``text`` parameter takes (catalogue.TEXT_RE; \w is any Unicode letter).
TEXT = r"^[\w \-'.,()/+&]{1,100}$"
LEVELS = ["low", "moderate", "high"]
ROLES = ["primary", "secondary", "stabilizer"]
DIFFICULTY = {"type": "string", "enum": LEVELS}
ROLE = {"type": "string", "enum": ROLES}
MBE = "machine-back-extension"
EX = "https://w3id.org/exgraph/id/exercise/"

# ---------------------------------------------------------------------------------------------
# Schema helpers


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


STRING = {"type": "string"}
NSTRING = _nullable(STRING)
NINT = _nullable({"type": "integer"})
BOOLEAN = {"type": "boolean"}
COUNT = {"type": "integer", "minimum": 0}
RANGE = {"type": "object", "required": ["min", "max"], "properties": {"min": NINT, "max": NINT}}
TEXT_MAP = {"type": "object", "additionalProperties": STRING}


def ref(name: str) -> dict[str, str]:
    """A reference to the component schema name."""
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required}


def array(items: dict[str, Any]) -> dict[str, Any]:
    """An array of items."""
    return {"type": "array", "items": items}


def _page(extra: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """A page of a list: extra fields, the paging fields, then the items."""
    return _obj({**extra, "total": COUNT, "limit": COUNT, "offset": COUNT,
                 "next": _nullable({"type": "string", "format": "uri"}),
                 "previous": _nullable({"type": "string", "format": "uri"}),
                 "items": array(item)})


REF_PROPS = {"id": STRING, "iri": STRING, "name": NSTRING}
NAMES = {**TEXT_MAP, "description": "the name in every language it has, by language tag "
         "(en: its rdfs:label)"}
NAMED_PROPS = {**REF_PROPS, "names": NAMES}

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"ok": {"type": "boolean", "enum": [False]}, "error": STRING,
                   "status": {"type": "integer"}}),
    "Ref": _obj(REF_PROPS),
    "Index": _obj({"title": STRING, "version": STRING, "links": TEXT_MAP}),
    "Health": _obj({"ok": {"type": "boolean", "enum": [True]}, "backend": STRING,
                    "triples": COUNT}),
    "ExerciseSummary": _obj({**NAMED_PROPS, "difficulty": array(DIFFICULTY),
                             "equipment": array(ref("Ref"))}),
    "ExerciseList": _page({}, ref("ExerciseSummary")),
    "Alternative": _obj({**REF_PROPS, "best_for": NSTRING, "key_difference": NSTRING,
                         "difficulty": array(DIFFICULTY)}),
    "RankedExercise": _obj({
        **NAMED_PROPS, "score": {"type": "number"},
        "tier": {"type": "string", "enum": ["curated", "variation", "computed"]},
        "reasons": array(STRING),
        "shared_muscles": _obj({role: array(STRING) for role in ROLES}),
        "movement_pattern": NSTRING, "same_pattern": BOOLEAN,
        "equipment": array(STRING), "equipment_known": BOOLEAN,
        "difficulty": array(DIFFICULTY), "difficulty_estimated": BOOLEAN,
        "best_for": NSTRING, "key_difference": NSTRING}),
    "AlternativeList": _obj({"exercise": STRING, "filters": TEXT_MAP,
                             "items": array(ref("RankedExercise"))}),
    "SubstituteList": _obj({
        "exercise": _obj({"id": STRING, "name": STRING, "primary_muscles": array(STRING),
                          "movement_pattern": NSTRING, "movement_pattern_inferred": BOOLEAN}),
        "filters": TEXT_MAP, "items": array(ref("RankedExercise"))}),
    "MuscleWork": _obj({**REF_PROPS, "function": NSTRING}),
    "ExerciseDocument": _obj({
        **NAMED_PROPS,
        "summary": NSTRING,
        "synonyms": array(_obj({"name": STRING, "lang": NSTRING})),
        "difficulty": array(DIFFICULTY),
        "difficulty_estimated": {**BOOLEAN, "description": "every difficulty it has comes from "
                                 "an inference rule, none from a source"},
        "categories": array(STRING),
        "force": NSTRING,
        "mechanic": NSTRING,
        "movement_pattern": _nullable(ref("Ref")),
        "movement_pattern_inferred": BOOLEAN,
        "images": array(_obj({"url": {"type": "string", "format": "uri"},
                               "license": NSTRING})),
        "equipment_known": {**BOOLEAN, "description": "whether any source says what equipment "
                            "it needs (false: unknown, not none)"},
        "equipment": array(_obj({**REF_PROPS, "categories": array(STRING)})),
        "equipment_note": NSTRING,
        "muscles": _obj({role: array(ref("MuscleWork")) for role in ROLES}),
        "steps": array(STRING),
        "benefits": array(_obj({"title": NSTRING, "text": NSTRING})),
        "mistakes": array(_obj({"question": NSTRING, "problem": NSTRING, "cause": NSTRING,
                                 "fix": NSTRING})),
        "beginner": _obj({"suitable": _nullable(BOOLEAN), "note": NSTRING}),
        "programming": array(_obj({"goal": NSTRING, "sets": RANGE, "reps": RANGE,
                                    "rest_seconds": RANGE, "load": NSTRING,
                                    "iri": STRING, "source": _nullable(ref("Ref"))})),
        "progression": NSTRING,
        "frequency": _obj({"sessions_per_week": RANGE, "note": NSTRING}),
        "comparisons": array(_obj({"compared_with": _nullable(ref("Ref")), "summary": NSTRING,
                                    "exercise": _nullable(ref("Ref")), "best_for": NSTRING,
                                    "tradeoff": NSTRING})),
        "alternatives": array(ref("Alternative")),
        "overviews": _obj({k: NSTRING for k in ("muscles", "technique", "benefits", "mistakes",
                                                "load", "alternatives")}),
        "sources": array(_obj({**REF_PROPS, "license": NSTRING})),
        # -- the record's fields (docs/records.md) ----------------------------------------
        "laterality": {**NSTRING, "description": "bilateral, unilateral or alternating"},
        "activity_kind": {**NSTRING, "description": "strength-training, power-training, "
                          "stretching, self-myofascial-release, mobility-drill or cardio"},
        "equipment_inferred": {**BOOLEAN, "description": "the equipment comes from an "
                               "inference rule only"},
        "rationale": array(_obj({"property": NSTRING, "reason": NSTRING})),
        "by_source": {"type": "object", "additionalProperties": {"type": "object"},
                      "description": "every source's own version of each field taken whole "
                                     "(source id -> field -> value), most trusted first"},
        "value_sources": {"type": "object", "additionalProperties": {
                              "type": "object", "additionalProperties": array(STRING)},
                          "description": "per merged list (and muscles), each value's key -> "
                                         "the sources listing it, most trusted first"},
        "provenance": {**_obj({section: array(STRING) for section in (
            *SINGLE_SOURCE_SECTIONS, *MERGED_SECTIONS)}),
            "description": "per section, the ids of the sources it came from, most trusted "
                           "first (docs/records.md: reviewed > article > curated > wger > "
                           "free-exercise-db > inference rules; muscles: free-exercise-db "
                           "before wger); a one-source section names the one it was taken "
                           "from whole, a merged one every source that added to it; "
                           "'unattributed' is data an update wrote into the default graph"},
    }),
    "MuscleList": _page({}, _obj({**REF_PROPS, "group": BOOLEAN, "broader": NSTRING})),
    "MuscleExercises": _page(
        {"muscle": STRING, "filters": TEXT_MAP},
        _obj({**NAMED_PROPS, "muscles": array(_obj({"id": STRING, "role": ROLE,
                                                     "function": NSTRING}))})),
    "EquipmentList": _page(
        {"categories": array(ref("Ref"))},
        _obj({**REF_PROPS, "broader": array(_obj({"id": STRING, "iri": STRING,
                                                   "category": BOOLEAN})),
              "categories": array(STRING)})),
    "QueryParam": _obj({"name": STRING, "type": STRING, "required": BOOLEAN,
                        "default": NSTRING, "description": STRING}),
    "QueryCatalogue": _page({}, _obj({"name": STRING, "title": STRING, "description": STRING,
                                      "params": array(ref("QueryParam")),
                                      "columns": array(STRING)})),
    "QueryResult": _obj({
        "name": STRING, "title": STRING,
        "params": {"type": "object", "additionalProperties": array(STRING)},
        "columns": array(STRING),
        "rows": array({"type": "object", "additionalProperties": {
            "nullable": True, "oneOf": [STRING, {"type": "number"}, BOOLEAN]}}),
    }),
}


# ---------------------------------------------------------------------------------------------
# Examples (tests/integration/api/test_openapi.py checks each against its schema)


def _link(url: str) -> str:
    return f"http://127.0.0.1:8000{url}"


SUMMARY_EXAMPLE = {
    "id": MBE, "iri": EX + MBE, "name": "Machine back extension",
    "names": {"en": "Machine back extension"}, "difficulty": ["low"],
    "equipment": [{"id": "back-extension-machine",
                   "iri": "https://w3id.org/exgraph/id/equipment/back-extension-machine",
                   "name": "Back extension machine"}]}
RANKED_EXAMPLE = {
    "id": "cable-pull-through", "iri": EX + "cable-pull-through", "name": "Cable pull-through",
    "names": {"en": "Cable pull-through"}, "score": 14.33, "tier": "curated",
    "reasons": ["listed as an alternative by the article", "works Hamstrings (primary)"],
    "shared_muscles": {"primary": ["hamstrings"], "secondary": ["glutes"], "stabilizer": []},
    "movement_pattern": "Hip hinge", "same_pattern": True, "equipment": ["cable-station"],
    "equipment_known": True, "difficulty": ["low", "moderate"], "difficulty_estimated": False,
    "best_for": "Hip extension practice with lower spinal loading.",
    "key_difference": "Resistance line from behind encourages hip drive."}
EXAMPLES: dict[str, Any] = {
    "Index": {"title": "exgraph API", "version": "1", "links": {
        "exercises": _link("/api/v1/exercises"), "muscles": _link("/api/v1/muscles"),
        "equipment": _link("/api/v1/equipment"), "queries": _link("/api/v1/queries"),
        "openapi": _link("/api/v1/openapi.json"), "docs": _link("/api/v1/docs"),
        "sparql": _link("/sparql"), "export_turtle": _link("/export.ttl")}},
    "Health": {"ok": True, "backend": "oxigraph", "triples": 91832},
    "ExerciseList": {
        "total": 1554, "limit": 1, "offset": 1,
        "next": _link("/api/v1/exercises?limit=1&offset=2"),
        "previous": _link("/api/v1/exercises?limit=1"), "items": [SUMMARY_EXAMPLE]},
    "ExerciseDocument": {
        "id": "romanian-deadlift", "iri": EX + "romanian-deadlift", "name": "Romanian deadlift",
        "names": {"en": "Romanian deadlift", "de": "Rumänisches Kreuzheben",
                  "es": "Peso muerto rumano con barra"},
        "summary": None,
        "synonyms": [{"name": "RDL", "lang": None},
                     {"name": "Rumänisches Kreuzheben", "lang": "de"}],
        "difficulty": ["moderate"], "difficulty_estimated": False,
        "categories": ["back", "strength"], "force": "pull", "mechanic": "compound",
        "movement_pattern": {"id": "hip-hinge",
                             "iri": "https://w3id.org/exgraph/ontology#HipHinge",
                             "name": "Hip hinge"},
        "movement_pattern_inferred": False,
        "images": [{"url": "https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/"
                           "exercises/Romanian_Deadlift/0.jpg",
                    "license": "https://unlicense.org/"}],
        "equipment_known": True,
        "equipment": [{"id": "barbell", "iri": "https://w3id.org/exgraph/id/equipment/barbell",
                       "name": "Barbell", "categories": ["free-weight"]}],
        "equipment_note": None,
        "muscles": {"primary": [{"id": "glutes",
                                 "iri": "https://w3id.org/exgraph/id/muscle/glutes",
                                 "name": "Gluteal muscles", "function": None}],
                    "secondary": [], "stabilizer": []},
        "steps": [], "benefits": [], "mistakes": [],
        "beginner": {"suitable": None, "note": None}, "programming": [], "progression": None,
        "frequency": {"sessions_per_week": {"min": None, "max": None}, "note": None},
        "comparisons": [],
        "alternatives": [{"id": "cable-pull-through", "iri": EX + "cable-pull-through",
                          "name": "Cable pull-through", "best_for": None,
                          "key_difference": None, "difficulty": ["low", "moderate"]}],
        "overviews": {k: None for k in ("muscles", "technique", "benefits", "mistakes", "load",
                                        "alternatives")},
        "sources": [{"id": "curated", "iri": "https://w3id.org/exgraph/id/source/curated",
                     "name": "exgraph curated data",
                     "license": "https://creativecommons.org/licenses/by/4.0/"}],
        "laterality": None, "activity_kind": None, "equipment_inferred": False,
        "rationale": [],
        "by_source": {"curated": {"name": "Romanian deadlift", "difficulty": ["moderate"]},
                      "wger": {"muscles": {"primary": [{
                          "id": "lats", "iri": "https://w3id.org/exgraph/id/muscle/lats",
                          "name": "Latissimus dorsi", "function": None}],
                          "secondary": [], "stabilizer": []}}},
        "value_sources": {"alternatives": {"cable-pull-through": ["curated"]},
                          "muscles": {"glutes": ["curated"], "lats": ["wger"]}},
        "provenance": {**{section: [] for section in SINGLE_SOURCE_SECTIONS},
                       **{section: [] for section in MERGED_SECTIONS},
                       "name": ["curated"], "difficulty": ["curated"],
                       "movement_pattern": ["curated"], "categories": ["curated"],
                       "images": ["free-exercise-db"], "equipment": ["curated"],
                       "muscles": ["curated"], "alternatives": ["curated"]}},
    "AlternativeList": {"exercise": MBE, "filters": {"exclude_equipment": "machine",
                                                     "difficulty": "low"},
                        "items": [RANKED_EXAMPLE]},
    "SubstituteList": {"exercise": {"id": MBE, "name": "Machine back extension",
                                    "primary_muscles": ["hamstrings"],
                                    "movement_pattern": "HipHinge",
                                    "movement_pattern_inferred": False},
                       "filters": {"limit": "1"}, "items": [RANKED_EXAMPLE]},
    "MuscleList": {"total": 34, "limit": 1, "offset": 0,
                   "next": _link("/api/v1/muscles?limit=1&offset=1"), "previous": None,
                   "items": [{"id": "gluteus-maximus",
                              "iri": "https://w3id.org/exgraph/id/muscle/gluteus-maximus",
                              "name": "Gluteus maximus", "group": False,
                              "broader": "glutes"}]},
    "MuscleExercises": {
        "muscle": "glutes", "filters": {"role": "secondary"}, "total": 1, "limit": 1000,
        "offset": 0, "next": None, "previous": None,
        "items": [{"id": MBE, "iri": EX + MBE, "name": "Machine back extension",
                   "names": {"en": "Machine back extension"},
                   "muscles": [{"id": "glutes", "role": "secondary",
                                "function": "Help drive lockout and maintain hip position"}]}]},
    "EquipmentList": {
        "categories": [{"id": "machine", "iri": "https://w3id.org/exgraph/ontology#Machine",
                        "name": "Machine"}],
        "total": 1, "limit": 1000, "offset": 0, "next": None, "previous": None,
        "items": [{"id": "back-extension-machine",
                   "iri": "https://w3id.org/exgraph/id/equipment/back-extension-machine",
                   "name": "Back extension machine",
                   "broader": [{"id": "machine",
                                "iri": "https://w3id.org/exgraph/id/equipment/machine",
                                "category": False}],
                   "categories": ["machine"]}]},
    "QueryCatalogue": {
        "total": 1, "limit": 1000, "offset": 0, "next": None, "previous": None,
        "items": [{"name": "steps", "title": "Steps of an exercise",
                   "description": "How to perform an exercise, step by step, in order.",
                   "params": [{"name": "exercise", "type": "exercise", "required": True,
                               "default": None, "description": "slug or IRI"}],
                   "columns": ["position", "text"]}]},
}
ERROR_EXAMPLES = {
    "400": "parameter 'limit': not a non-negative integer: 'abc'",
    "403": "SPARQL Update needs Authorization: Bearer <the server's update token>",
    "404": "no exercise 'no-such-exercise'",
    "406": "nothing acceptable: this answer comes as application/sparql-results+json, ...",
    "413": "the query is larger than 65536 bytes",
    "414": "the URL is longer than 8192 bytes",
    "503": "the store did not answer in time; retry in 1 s",
}
ERROR_WHY = {
    "400": "A bad parameter: unknown, empty, repeated when it takes one value, or not a valid "
           "value (the message names it)",
    "403": "SPARQL Update without the server's update token",
    "404": "No such resource",
    "406": "Nothing the Accept header allows can be produced",
    "413": "The query or update is too large",
    "414": "The URL is too long (the setting MAX_URL_BYTES)",
    "503": "Busy or out of time; Retry-After says when to try again",
}
TURTLE_EXAMPLE = ("@prefix exg: <https://w3id.org/exgraph/ontology#> .\n"
                  "<https://w3id.org/exgraph/id/exercise/machine-back-extension> "
                  "exg:difficulty exg:Low .\n")
CSV_EXAMPLE = "position,text\r\n1,Sit with your pelvis against the seat pad.\r\n"
