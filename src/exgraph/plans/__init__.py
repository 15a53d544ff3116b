"""Training plans from the graph: :mod:`.request` checks what is asked, :mod:`.facts` reads
what a plan needs beyond the substitution engine, :mod:`.build` chooses and explains, and
:mod:`.export` gives JSON, RDF and iCalendar.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exgraph.graph.store import Store
from exgraph.plans.build import Plan, build_plan
from exgraph.plans.plan_facts import PlanFacts, facts_for
from exgraph.plans.request import PlanRequest, parse_request
from exgraph.queries.substitutes import engine_for
from exgraph.records.lookup import canonical_params

__all__ = ["Plan", "PlanFacts", "PlanRequest", "build_plan", "facts_for", "parse_request",
           "plan_for"]


#: The plan parameters that name exercises, muscles or equipment: (name, kind, list).
LOOKUP_PARAMS = (("include", "exercise", True), ("exclude", "exercise", True),
                 ("emphasise", "muscle", True), ("avoid", "muscle", True),
                 ("equipment", "equipment", True))


def plan_for(store: Store, values: Mapping[str, Any], *, remedy: bool = True) -> Plan:
    """The plan for request values (query-string values or a JSON body) on store's graph.

    Raises BadRequest naming the parameter, or what no exercise can provide; a plan rule no
    plan can keep is told with the nearest request that builds, unless ``remedy`` is False (a
    caller trying variants of one request itself, as the plan from a log does).
    """
    engine, facts = engine_for(store), facts_for(store)
    # exercises, muscles and equipment by name, alias, slug or IRI (the one lookup)
    resolved = canonical_params(store, LOOKUP_PARAMS, values, exercise_404=False)
    return build_plan(engine, facts, parse_request(resolved, engine, facts), remedy=remedy)
