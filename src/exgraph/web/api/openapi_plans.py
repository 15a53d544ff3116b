"""The OpenAPI part of the training-plan routes (:mod:`exgraph.web.api.plans`): their paths,
merged into the document by :mod:`exgraph.web.api.openapi`.

A module of its own so that the plans package (whose request bounds the parameters state) is
imported when the document is first built, not by every start of the server (issue 25,
"instant start").
"""

from __future__ import annotations

from typing import Any

from exgraph.plans.request import (
    LEVELS,
    MAX_DAYS,
    MAX_MINUTES,
    MAX_WEEKS,
    MIN_DAYS,
    MIN_MINUTES,
    MIN_WEEKS,
)
from exgraph.web.api.plans import PATH

_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_SLUGS = {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$"}
_INT = {"type": "integer"}
_NINT = {"type": "integer", "nullable": True}
_STR = {"type": "string"}
_NSTR = {"type": "string", "nullable": True}
_RANGE = {"type": "object", "required": ["min", "max"], "properties": {"min": _NINT, "max": _NINT}}
_FRANGE = {"type": "object", "required": ["min", "max"],
           "properties": {"min": {"type": "number", "nullable": True},
                          "max": {"type": "number", "nullable": True}}}
_REF = {"type": "object", "required": ["id", "iri", "name"], "nullable": True,
        "properties": {"id": _STR, "iri": _STR, "name": _STR}}


def _obj(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": list(properties), "properties": properties}


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


PLAN_ITEM = _obj({
    "position": _INT, "id": _STR, "iri": _STR, "name": _STR, "slot": _STR, "sets": _INT,
    "reps": _RANGE, "rest_seconds": _RANGE, "load": _NSTR,
    "numbers": _obj({"from": {"type": "string",
                              "enum": ["exercise", "goal-specific", "goal-default"]},
                     "guideline": _STR, "source": _REF, "sets_range": _RANGE}),
    "muscles": _obj({"primary": _list(_STR), "secondary": _list(_STR)}),
    "movement_pattern": _NSTR, "equipment": _list(_STR), "difficulty": _list(_STR),
    "minutes": {"type": "number"}, "included": {"type": "boolean"}, "why": _list(_STR),
    "substitutes_for": {**_obj({"id": _STR, "iri": _STR, "name": _STR, "because": _STR,
                                "reasons": _list(_STR)}), "nullable": True},
})
PLAN_SCHEMA = _obj({
    "id": _STR, "iri": _STR,
    "request": {"type": "object"},
    "goal": _REF, "level": {"type": "string", "enum": list(LEVELS)}, "split": _STR,
    "days": _list(_obj({"day": _INT, "name": _STR, "kind": _STR, "weekday": _STR,
                        "date": _NSTR, "minutes": {"type": "number"},
                        "exercises": _list(PLAN_ITEM)})),
    "exercises": _list(_obj({
        "id": _STR, "iri": _STR, "name": _STR, "sessions_per_week": _INT,
        "frequency": _obj({"min": _INT, "max": _INT, "source": _REF}),
        "progression": _obj({"rule": _STR, "source": _REF, "from": _STR,
                             "load_increase_percent": _FRANGE,
                             "weeks": _list(_obj({"week": _INT, "sets": _INT, "reps": _INT,
                                                  "action": _STR}))})})),
    "weekly_sets": _list(_obj({"muscle": _STR, "name": _STR, "primary_sets": {"type": "number"},
                               "secondary_sets": {"type": "number"},
                               "total": {"type": "number"}, "sessions": _INT,
                               "major": {"type": "boolean"}})),
    "coverage": _list(_obj({"group": _STR, "name": _STR, "sessions": _INT,
                            "ok": {"type": "boolean"}, "why": _NSTR})),
    "notes": _list(_STR), "sources": _list(_REF),
})


def _param(name: str, schema: dict[str, Any], description: str,
           required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema}


PARAMETERS = [
    _param("goal", {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"},
           "a goal of the graph (technique, hypertrophy, strength, strength-endurance, power)",
           required=True),
    _param("days", {"type": "integer", "minimum": MIN_DAYS, "maximum": MAX_DAYS},
           "training days a week", required=True),
    _param("equipment", _SLUGS, "equipment kinds you have, comma-separated (none: bodyweight "
           "only); a kind covers the broader kinds it is under"),
    _param("level", {"type": "string", "enum": list(LEVELS)}, "default beginner"),
    _param("session_minutes", {"type": "integer", "minimum": MIN_MINUTES,
                               "maximum": MAX_MINUTES}, "longest session (default 75)"),
    _param("emphasise", _SLUGS, "muscles or groups to train more"),
    _param("avoid", _SLUGS, "muscles or groups never to load as a prime mover"),
    _param("include", _SLUGS, "exercises the plan must hold"),
    _param("exclude", _SLUGS, "exercises the plan must not hold"),
    _param("weeks", {"type": "integer", "minimum": MIN_WEEKS, "maximum": MAX_WEEKS},
           "weeks of progression (default 6)"),
    _param("seed", {"type": "integer", "minimum": 0, "maximum": 2**32 - 1},
           "varies the choice among equally good exercises"),
    _param("start", {"type": "string", "format": "date"},
           "date of the first session (dates the days; required for .ics)"),
]
_BODY = {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "required": ["goal", "days"],
    "properties": {p["name"]: p["schema"] for p in PARAMETERS}}}}}


def _operation(summary: str, content: dict[str, Any], post: bool) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary, "parameters": [] if post else PARAMETERS,
        "responses": {"200": {"description": "OK", "content": content},
                      "400": {"description": "A bad request, one no exercise can meet "
                                             "(the error names what is missing), or one whose "
                                             "plan would break a plan rule (the error names "
                                             "the rule and why; docs/plans.md)",
                              "content": _ERROR}}}
    if post:
        operation["requestBody"] = _BODY
    else:
        operation["responses"]["304"] = {"description": "Not modified"}
    return operation


def _path(summary: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"get": _operation(summary, content, False),
            "post": _operation(summary + " (request as a JSON body)", content, True)}


_JSON = {"application/json": {"schema": PLAN_SCHEMA}}
OPENAPI_PATHS: dict[str, Any] = {
    PATH: _path("A weekly training plan from the graph, every choice explained", _JSON),
    f"{PATH}.json": _path("A weekly training plan (JSON by extension)", _JSON),
    f"{PATH}.ttl": _path("The plan as Turtle (schema:ExercisePlan)",
                         {"text/turtle": {"schema": {"type": "string"}}}),
    f"{PATH}.jsonld": _path("The plan as JSON-LD (schema:ExercisePlan)",
                            {"application/ld+json": {"schema": {"type": "array"}}}),
    f"{PATH}.ics": _path("The plan as iCalendar: one event per session (needs start)",
                         {"text/calendar": {"schema": {"type": "string"}}}),
}
