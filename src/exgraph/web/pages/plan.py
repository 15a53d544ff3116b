"""The plan page (``/plan``): a form for a training plan, and the plan it builds, printable.

The form is a plain GET form (no JavaScript); the plan is the one ``/api/v1/plans`` serves for
the same query string (:func:`exgraph.plans.plan_for`), with its JSON, Turtle, JSON-LD and
iCalendar forms linked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from flask import Response, request

from exgraph.errors import BadRequest
from exgraph.queries.substitutes import engine_for
from exgraph.web.context import get_store
from exgraph.web.pages import links
from exgraph.web.pages.base import CONTEXT, bp, jsonld_of, page, taxonomy

# The plans package is imported on the page's first request, not by every start of the server
# (issue 25, "instant start"; as in web/api/plans.py).
if TYPE_CHECKING:
    from exgraph.plans import Plan

#: Fields of the form that hold lists (a multiple select sends one value per choice).
LIST_FIELDS = ("equipment", "emphasise", "avoid", "include", "exclude")


def _options() -> dict[str, Any]:
    """Choices of the form's selects, from the graph."""
    from exgraph.plans import facts_for
    from exgraph.plans.request import LEVELS, MAX_DAYS, MIN_DAYS

    store = get_store()
    engine, facts = engine_for(store), facts_for(store)
    # The engine names kinds by label; categories (cable-system, free-weight) by the
    # taxonomy's names. One option per name: a kind named like a category is the category.
    names = {c["id"]: c["name"] for c in taxonomy()["categories"] if c["name"]}

    def label(key: str) -> str:
        return engine.labels.get(key) or names.get(key) or key.replace("-", " ").capitalize()

    kinds: list[str] = []
    seen: set[str] = set()
    for key in sorted((k for k in engine.taxonomy if k == k.lower() and k != "other"),
                      key=lambda k: label(k).lower()):
        if label(key).lower() not in seen:
            seen.add(label(key).lower())
            kinds.append(key)
    groups = sorted((m for m, g in facts.group_of.items() if m == g),
                    key=lambda m: facts.muscles[m].label.lower())
    return {
        "goals": [("", [(slug, ref.label) for slug, ref in sorted(facts.goals.items())])],
        "equipment": [("", [(k, label(k)) for k in kinds])],
        "muscles": [("", [(m, facts.muscles[m].label) for m in groups])],
        "levels": [("", [(level, level.capitalize()) for level in LEVELS])],
        "days": [("", [(str(n), str(n)) for n in range(MIN_DAYS, MAX_DAYS + 1)])],
    }


def _values() -> dict[str, Any]:
    """The request's non-empty form values (lists for the list fields)."""
    from exgraph.plans.request import PARAMS

    values: dict[str, Any] = {}
    for name in PARAMS:
        given = [v.strip() for v in request.args.getlist(name) if v.strip()]
        if given:
            values[name] = given if name in LIST_FIELDS else given[0]
    return values


@bp.get("/plan")
def plan_page() -> Response:
    """The form, and the plan when the form was sent."""
    from exgraph.plans import plan_for
    from exgraph.plans.export import plan_graph, plan_json

    values = _values()
    error = None
    built: Plan | None = None
    if values:
        try:
            built = plan_for(get_store(), values)
        except BadRequest as exc:
            error = str(exc)
    query = urlencode([(k, ",".join(v) if isinstance(v, list) else v) for k, v in values.items()])
    alternates = []
    if built is not None:
        alternates = [links.Alternate(f"/api/v1/plans?{query}", "application/json", "JSON"),
                      links.Alternate(f"/api/v1/plans.ttl?{query}", "text/turtle", "Turtle"),
                      links.Alternate(f"/api/v1/plans.jsonld?{query}", "application/ld+json",
                                      "JSON-LD")]
        if built.request.start is not None:
            alternates.append(links.Alternate(f"/api/v1/plans.ics?{query}", "text/calendar",
                                              "iCalendar"))
        jsonld: Any = jsonld_of(plan_graph(built))
    else:
        jsonld = {"@context": CONTEXT, "@id": request.host_url.rstrip("/") + "/plan",
                  "@type": "schema:WebPage", "schema:name": "Training plan"}
    title = "Training plan"
    if built is not None:
        title = f"{built.goal.label} plan, {built.request.days} days a week"
    return page("plan.html", title=title, jsonld=jsonld, status=400 if error else 200,
                alternates=alternates, values=values, error=error,
                plan=plan_json(built) if built is not None else None, options=_options())
