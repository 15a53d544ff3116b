"""Training plans over HTTP: ``GET`` or ``POST /api/v1/plans`` (JSON), ``.ttl`` and ``.jsonld``
(the plan as schema:ExercisePlan RDF) and ``.ics`` (iCalendar, needs ``start``).

GET takes the request in the query string (lists comma-separated or repeated), POST as a JSON
object with the same keys (lists as arrays or comma-separated strings). A request that cannot be
met is the one JSON error shape, 400, naming what is missing or the plan rule it would break
and why (:mod:`exgraph.plans.validate`). Registered beside the api
blueprint under its name (``api.plans.*``), so the API's request bounds, ETags and response
cache apply to GET. :data:`OPENAPI_PATHS` is this blueprint's part of the OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Response, jsonify, request

from exgraph.errors import BadRequest
from exgraph.history.plan import plan_from_history
from exgraph.plans import Plan, plan_for
from exgraph.plans.export import RDF_FORMATS, plan_ics, plan_json, plan_rdf
from exgraph.plans.request import (
    LEVELS,
    MAX_DAYS,
    MAX_MINUTES,
    MAX_WEEKS,
    MIN_DAYS,
    MIN_MINUTES,
    MIN_WEEKS,
    PARAMS,
)
from exgraph.web.api import me
from exgraph.web.context import get_store

bp = Blueprint("plans", __name__)

PATH = "/api/v1/plans"
METHODS = ["GET", "POST"]


def _values() -> dict[str, Any]:
    if request.method == "POST":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise BadRequest("the body must be a JSON object with the plan's parameters "
                             f"({', '.join(PARAMS)})")
        return body
    return {name: values for name, values in request.args.lists()}


def _plan() -> tuple[Plan, dict[str, Any]]:
    values = _values()
    if "history" in values:
        raise BadRequest("history=me builds a plan from your log: POST /api/v1/plans (JSON) "
                         "with Authorization: Bearer TOKEN")
    return plan_for(get_store(), values), values


@bp.route(PATH, methods=METHODS)
@bp.route(f"{PATH}.json", methods=METHODS)
def plan() -> Any:
    """A weekly plan with its progression, every choice explained, as JSON."""
    # -- training history (issue 26): a plan continued from the lifter's own log ----------------
    if request.method == "POST" and isinstance(body := request.get_json(silent=True), dict) \
            and "history" in body:
        return _history_plan(body)
    # --------------------------------------------------------------------------------------------
    built, _values = _plan()
    return jsonify(plan_json(built))


def _history_plan(body: dict[str, Any]) -> Response:
    """``history: "me"``: the plan continued from the token's user's log
    (:mod:`exgraph.history.plan`); private, so never cached."""
    values = dict(body)
    if values.pop("history") != "me":
        raise BadRequest("parameter 'history': only \"me\" (the log of the token's user)")
    # a bad token raises Unauthorized: 401 with the Bearer challenge (its headers)
    lifter = me.history().users.authenticate(request.headers.get("Authorization"))
    found = plan_from_history(get_store(), values, me.history().log(lifter))
    response = jsonify(plan_json(found.plan) | {"history": found.as_json()})
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Authorization")
    return response


@bp.route(f"{PATH}.ttl", methods=METHODS)
def plan_turtle() -> Response:
    """The plan as Turtle (schema:ExercisePlan)."""
    built, _values = _plan()
    return Response(plan_rdf(built, "turtle"), content_type=RDF_FORMATS["turtle"][1])


@bp.route(f"{PATH}.jsonld", methods=METHODS)
def plan_jsonld() -> Response:
    """The plan as JSON-LD (schema:ExercisePlan)."""
    built, _values = _plan()
    return Response(plan_rdf(built, "jsonld"), content_type=RDF_FORMATS["jsonld"][1])


@bp.route(f"{PATH}.ics", methods=METHODS)
def plan_calendar() -> Response:
    """The plan as iCalendar: one event per session of every week, from ``start``."""
    built, _values = _plan()
    if built.request.start is None:
        raise BadRequest("parameter 'start' is missing: the date of the first session, "
                         "YYYY-MM-DD (the calendar's events are dated from it)")
    text = plan_ics(built, built.request.start, dt.datetime.now(dt.UTC))
    response = Response(text, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="plan-{built.id}.ics"'
    return response


# ---------------------------------------------------------------------------------------------
# OpenAPI: this blueprint's paths, merged into the document by web/api/openapi.py

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
