"""The pieces of the OpenAPI document: headers, responses, errors, an operation, parameters and
the filters every list and ranked route takes (:mod:`exgraph.web.api.openapi` assembles them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exgraph.queries.catalogue import CATEGORIES
from exgraph.queries.listing import FORCES, MECHANICS, SORTS
from exgraph.web.api.conventions import LANG_RE, MAX_FILTER_VALUES, MAX_LIMIT, MAX_OFFSET
from exgraph.web.api.schemas import (
    DIFFICULTY,
    ERROR_EXAMPLES,
    ERROR_WHY,
    EXAMPLES,
    ROLE,
    SLUG,
    STRING,
    TEXT,
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


def header_refs(*names: str) -> dict[str, Any]:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}


def json_body(schema: str, example: Any = None) -> dict[str, Any]:
    media = {"schema": ref(schema)}
    found = EXAMPLES.get(schema) if example is None else example
    if found is not None:
        media["example"] = found
    return {"application/json": media}


def text_body(media_type: str, example: str) -> dict[str, Any]:
    return {media_type: {"schema": STRING, "example": example}}


def error_response_spec(code: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": ERROR_WHY[code],
        "content": json_body("Error", {"ok": False, "error": ERROR_EXAMPLES[code],
                                   "status": int(code)})}
    if code == "503":
        response["headers"] = header_refs("Retry-After")
    return response


NOT_MODIFIED = {"description": "Not modified (If-None-Match matched the ETag)",
                "headers": header_refs("ETag")}
REDIRECT = {"description": "A merged exercise's former id: the same request at its id",
            "headers": header_refs("Location")}


def operation(operation_id: str, tag: str, summary: str, ok: dict[str, Any], *,
               parameters: list[dict[str, Any]] | None = None,
               errors: tuple[str, ...] = ("400", "414", "503"), headers: tuple[str, ...] = (),
               description: str | None = None, extra: dict[str, Any] | None = None
               ) -> dict[str, Any]:
    ok_response: dict[str, Any] = {"description": "OK", "content": ok,
                                   "headers": header_refs("ETag", *headers)}
    operation: dict[str, Any] = {
        "operationId": operation_id, "tags": [tag], "summary": summary,
        "parameters": parameters or [],
        "responses": {"200": ok_response, **(extra or {}), "304": NOT_MODIFIED,
                      **{code: error_response_spec(code) for code in errors}},
    }
    if description:
        operation["description"] = description
    return operation


def path_param(name: str, description: str, example: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string", "pattern": SLUG}, "example": example}


def query_param(name: str, schema: dict[str, Any], description: str,
                 example: Any = None) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "query", "required": False,
                             "description": description, "schema": schema}
    if schema.get("type") == "array":
        param |= {"style": "form", "explode": True}
    if example is not None:
        param["example"] = example
    return param


def vocabulary_schemas(vocab: Vocabulary) -> dict[str, Any]:
    """The graph's slugs, one schema each (parameters refer to them)."""
    return {
        "MuscleSlug": {**one_of(vocab.muscles), "description": "a muscle or muscle group"},
        "EquipmentSlug": {**one_of(vocab.equipment),
                          "description": "an equipment kind or category"},
        "GoalSlug": {**one_of(vocab.goals), "description": "a training goal"},
        "Category": {**one_of(vocab.facets.get("category", [])),
                     "description": "a category an imported dataset gives (lower case)"},
        "MovementPatternSlug": {**one_of(vocab.facets.get("movement_pattern", [])),
                                "description": "a movement pattern: hip-hinge is exg:HipHinge"},
    }


def one_of(values: list[str]) -> dict[str, Any]:
    """A slug: one of values when the graph gives them, else any slug."""
    return {"type": "string", "enum": values} if values else {"type": "string",
                                                              "pattern": SLUG}


def list_of(item: dict[str, Any], most: int) -> dict[str, Any]:
    return {"type": "array", "items": item, "maxItems": most}


LIST_NOTE = (" Repeat the parameter or separate values with commas (at most "
             f"{MAX_FILTER_VALUES}); any of them matches.")
EQUIPMENT_NOTE = ("equipment kind (e.g. barbell) or category (" + ", ".join(CATEGORIES)
                  + "); matched through skos:broader*, so a category covers every kind under it")


def common_params(vocab: Vocabulary) -> dict[str, dict[str, Any]]:
    """Parameters several operations share, by name."""
    return {
        "lang": query_param("lang", {"type": "string", "pattern": LANG_RE.pattern},
                             "language of names (a BCP 47 tag such as de or pt-BR); names "
                             "missing in it are in English. Wins over Accept-Language. "
                             "Languages with names: " + (", ".join(vocab.languages) or "en"),
                             "de"),
        "accept-language": {"name": "Accept-Language", "in": "header", "required": False,
                            "description": "languages of names, as browsers send them "
                                           "(lang= wins)",
                            "schema": STRING, "example": "de-DE,de;q=0.9,en;q=0.5"},
        "sort": query_param("sort", {"type": "string", "enum": list(SORTS), "default": "name"},
                             "order: name (in the answer's language) or difficulty (lowest "
                             "level first); a leading - reverses; unknown difficulty last; "
                             "relevance to q (best match first), the default when q is given",
                             "-difficulty"),
        "offset": query_param("offset", {"type": "integer", "minimum": 0,
                                          "maximum": MAX_OFFSET, "default": 0},
                               "items to skip"),
    }


def limit_param(default: int) -> dict[str, Any]:
    return query_param("limit", {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT,
                                  "default": default}, "page size")


def list_filters(vocab: Vocabulary) -> list[dict[str, Any]]:
    """The exercise list's filters."""
    most = MAX_FILTER_VALUES
    facets = vocab.facets
    params = [
        query_param("muscle", list_of(ref("MuscleSlug"), most),
                     "works this muscle or group (a group matches its narrower muscles)."
                     + LIST_NOTE, ["glutes", "hamstrings"]),
        query_param("role", list_of(ROLE, most), "the role of that muscle (of any muscle "
                     "without muscle)." + LIST_NOTE),
        query_param("equipment", list_of(ref("EquipmentSlug"), most),
                     "needs this equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE),
        query_param("exclude_equipment", list_of(ref("EquipmentSlug"), most),
                     "needs none of this equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE,
                     ["machine"]),
        query_param("difficulty", list_of(DIFFICULTY, most), "comes at this difficulty."
                     + LIST_NOTE),
    ]
    if facets.get("category"):
        params.append(query_param(
            "category", list_of(ref("Category"), most),
            "a dataset's category (lower case)." + LIST_NOTE))
    params += [
        query_param("force", list_of({"type": "string", "enum": list(FORCES)}, most),
                     "the force a dataset gives." + LIST_NOTE),
        query_param("mechanic", list_of({"type": "string", "enum": list(MECHANICS)}, most),
                     "the mechanic a dataset gives." + LIST_NOTE),
        query_param("movement_pattern",
                     list_of(ref("MovementPatternSlug"), most),
                     "the movement pattern (stated or inferred)." + LIST_NOTE, ["hip-hinge"]),
        # issue 22: the kind of activity
        query_param("kind",
                     list_of({"type": "string", "enum": vocab.facets.get("kind", [])}, most),
                     "the kind of activity (stated or inferred): strength-training, "
                     "power-training, stretching, self-myofascial-release, mobility-drill, "
                     "cardio." + LIST_NOTE, ["strength-training"]),
        query_param("q", {"type": "string", "pattern": TEXT},
                     "what a lifter types: a name, synonym or abbreviation in any language, "
                     "typos, plurals and word order allowed (docs/search.md); ranked by "
                     "relevance unless sort is given (letters, digits, spaces and "
                     "- ' . , ( ) / + &)", "kreuzheben"),
    ]
    return params


def ranked_params(vocab: Vocabulary) -> list[dict[str, Any]]:
    equipment = list_of(ref("EquipmentSlug"), MAX_FILTER_VALUES)
    return [
        query_param("exclude_equipment", equipment, "leave out exercises needing this "
                     "equipment: " + EQUIPMENT_NOTE + "." + LIST_NOTE, ["machine"]),
        query_param("equipment", equipment, "what the lifter has: substitutes need nothing "
                     "else." + LIST_NOTE),
        query_param("difficulty", DIFFICULTY, "keep exercises that come at this level", "low"),
        query_param("max_difficulty", DIFFICULTY, "keep exercises at this level or easier"),
        query_param("cover", {"type": "string", "enum": ["primary"]},
                     "primary: keep only exercises working every primary muscle group"),
        query_param("include_unknown", {"type": "string", "enum": ["true", "false"]},
                     "let exercises with unknown equipment or difficulty pass the filters"),
        query_param("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                     "the most items"),
    ]
