"""Training plans over HTTP: ``GET`` or ``POST /api/v1/plans`` (JSON), ``.ttl`` and ``.jsonld``
(the plan as schema:ExercisePlan RDF) and ``.ics`` (iCalendar, needs ``start``).

GET takes the request in the query string (lists comma-separated or repeated), POST as a JSON
object with the same keys (lists as arrays or comma-separated strings). A request that cannot be
met is the one JSON error shape, 400, naming what is missing or the plan rule it would break
and why (:mod:`exgraph.plans.validate`). Registered beside the api
blueprint under its name (``api.plans.*``), so the API's request bounds, ETags and response
cache apply to GET. Its part of the OpenAPI document is
:mod:`exgraph.web.api.openapi_plans`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response, jsonify, request

from exgraph.errors import BadRequest
from exgraph.web.api import me
from exgraph.web.context import get_store

# The plans package (and the history one, for history=me) is imported by the routes, on their
# first request, not by every start of the server (issue 25, "instant start"); the OpenAPI
# part of these routes is web/api/openapi_plans.py for the same reason.
if TYPE_CHECKING:
    from exgraph.plans import Plan

bp = Blueprint("plans", __name__)

PATH = "/api/v1/plans"
METHODS = ["GET", "POST"]


def _values() -> dict[str, Any]:
    if request.method == "POST":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            from exgraph.plans.request import PARAMS

            raise BadRequest("the body must be a JSON object with the plan's parameters "
                             f"({', '.join(PARAMS)})")
        return body
    return {name: values for name, values in request.args.lists()}


def _plan() -> tuple[Plan, dict[str, Any]]:
    from exgraph.plans import plan_for

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
    from exgraph.plans.export import plan_json

    built, _values = _plan()
    return jsonify(plan_json(built))


def _history_plan(body: dict[str, Any]) -> Response:
    """``history: "me"``: the plan continued from the token's user's log
    (:mod:`exgraph.history.plan`); private, so never cached."""
    from exgraph.history.plan import plan_from_history
    from exgraph.plans.export import plan_json

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
    from exgraph.plans.export import RDF_FORMATS, plan_rdf

    built, _values = _plan()
    return Response(plan_rdf(built, "turtle"), content_type=RDF_FORMATS["turtle"][1])


@bp.route(f"{PATH}.jsonld", methods=METHODS)
def plan_jsonld() -> Response:
    """The plan as JSON-LD (schema:ExercisePlan)."""
    from exgraph.plans.export import RDF_FORMATS, plan_rdf

    built, _values = _plan()
    return Response(plan_rdf(built, "jsonld"), content_type=RDF_FORMATS["jsonld"][1])


@bp.route(f"{PATH}.ics", methods=METHODS)
def plan_calendar() -> Response:
    """The plan as iCalendar: one event per session of every week, from ``start``."""
    from exgraph.plans.export import plan_ics

    built, _values = _plan()
    if built.request.start is None:
        raise BadRequest("parameter 'start' is missing: the date of the first session, "
                         "YYYY-MM-DD (the calendar's events are dated from it)")
    text = plan_ics(built, built.request.start, dt.datetime.now(dt.UTC))
    response = Response(text, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="plan-{built.id}.ics"'
    return response
