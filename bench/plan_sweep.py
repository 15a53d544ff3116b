"""What a coach would change in the builder's plans, counted over a sweep of requests
(docs/plans.md, "How a plan is judged" and its causes list): every goal x level x 2-6 days x
14 kits, at the default session length and at 45 minutes (1,050 requests each).

For each length it prints how many requests are refused (and by which rule; a request refused
at full rests and built at the short end of each rest range, as ``build_plan`` does, counts as
built), and of the plans built how many have:

- ``spread``: days more than 1.5 x apart (longest day over 1.5 x the shortest);
- ``short``: a day under 25 minutes (or half the session length, when that is less);
- ``floor``: a needed large group within one set of the floor of its weekly range while a day
  runs under three quarters of its length (the rubric's "pinned at the floor when the days have
  room"); ``floor groups`` counts the groups;
- ``below mid``: large groups under the middle of their range while a day has that room;
- ``legs``: a day that trains legs without a squat or lunge (knee-dominant) or without a hinge
  or curl (hip-dominant) lift;
- ``no fast``: a power week with no jump, throw, swing or clean although the kit fits one;
- ``arms``: biceps, triceps or abdominals a prime mover on fewer than two days.

Run: .venv/bin/python bench/plan_sweep.py [--minutes 45] [--list spread]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import Counter
from pathlib import Path

os.environ["EXGRAPH_IMPORTS"] = "1"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from exgraph.errors import BadRequest  # noqa: E402
from exgraph.graph.load import open_store  # noqa: E402
from exgraph.plans import facts_for, parse_request  # noqa: E402
from exgraph.plans.build import Builder, Plan, brisk_plan  # noqa: E402
from exgraph.plans.model import LARGE, MAIN_SLOTS, SLOTS, area_sets  # noqa: E402
from exgraph.plans.plan_facts import PlanFacts  # noqa: E402
from exgraph.plans.traits import explosive  # noqa: E402
from exgraph.plans.validate import PlanRuleError, side  # noqa: E402
from exgraph.queries.substitutes import Engine, Exercise, engine_for  # noqa: E402

GOALS = ("technique", "hypertrophy", "strength", "strength-endurance", "power")
LEVELS = ("beginner", "intermediate", "advanced")
CARDIO = frozenset({"rowing-machine", "treadmill", "stationary-bike", "elliptical",
                    "stair-climber", "ski-erg"})
LEG_KINDS = frozenset({"full-a", "full-b", "lower", "legs"})
CHECKS = ("spread", "short", "floor", "below mid", "legs", "no fast", "arms")


def kits(engine: Engine) -> dict[str, str]:
    """The grid's six kits (tests/integration/advice/test_plan_validator.kits) and eight more
    a gym's members bring."""
    machines = sorted(k for k, ups in engine.taxonomy.items()
                      if ("machine" in ups or "cable-station" in ups) and k not in CARDIO)
    return {"bodyweight": "", "dumbbells": "dumbbell", "bands": "resistance-band",
            "machines": ",".join(machines),
            "home": "dumbbell,bench,incline-bench,pull-up-bar,resistance-band,kettlebell",
            "full": ",".join(sorted(engine.taxonomy)),
            "bands+bar": "resistance-band,pull-up-bar", "bar": "pull-up-bar",
            "kettlebells": "kettlebell", "dumbbells+bar": "dumbbell,pull-up-bar",
            "garage": "barbell,bench,squat-rack,pull-up-bar,dumbbell",
            "hotel": "dumbbell,bench,cable-station", "cable": "cable-station",
            "dumbbells+bench": "dumbbell,bench"}


def faults(plan: Plan, builder: Builder) -> list[str]:
    """The checks of the module docstring this plan fails."""
    out = []
    limit = builder.limit
    minutes = [d.minutes for d in plan.days]
    if max(minutes) > 1.5 * min(minutes):
        out.append("spread")
    if min(minutes) < min(25, limit / 2):
        out.append("short")
    low, high, weight = builder.volume_range()
    sets = area_sets(plan.days, weight)
    room = min(minutes) < 0.75 * limit
    needed = [a for a in LARGE if builder.needed(a)]
    floor = [a for a in needed if sets[a] <= low + 1]
    if room and floor:
        out.append("floor")
        out.extend(["floor group"] * len(floor))
    if room:
        out.extend(["below mid"] * sum(1 for a in needed if sets[a] < (low + high) / 2))
    for day in plan.days:
        if day.kind in LEG_KINDS:
            sides = {side(i.exercise, "knee-hip") for i in day.items}
            if not {"knee", "hip"} <= sides:
                out.append("legs")
                break
    if plan.request.goal == "power" and fast_fits(builder) and not any(
            fast(i.exercise, builder.facts) for d in plan.days for i in d.items):
        out.append("no fast")
    if len(plan.days) >= 2 and any(plan.coverage[a][0] < 2
                                   for a in ("biceps", "triceps", "abdominals")
                                   if builder.needed(a)):
        out.append("arms")
    return out


def fast(ex: Exercise, facts: PlanFacts) -> bool:
    """Whether ex is a jump, throw, swing, clean or other fast lift (:func:`explosive`)."""
    return explosive(ex, facts.categories.get(ex.slug, frozenset()))


def fast_fits(builder: Builder) -> bool:
    """Whether the kit fits an explosive lift of a main slot's movement."""
    return any(fast(ex, builder.facts) for name in MAIN_SLOTS
               for _b, _s, ex in builder.fitting(SLOTS[name]))


def sweep(engine: Engine, facts: PlanFacts, minutes: int | None, listed: str | None) -> None:
    refused: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    built = brisk = 0
    day_minutes = 0.0
    for goal, level, days, (kit, equipment) in itertools.product(
            GOALS, LEVELS, range(2, 7), kits(engine).items()):
        values = {"goal": goal, "level": level, "days": str(days), "equipment": equipment}
        if minutes:
            values["session_minutes"] = str(minutes)
        request = parse_request(values, engine, facts)
        builder = Builder(engine, facts, request)
        try:
            plan = builder.build()
        except PlanRuleError as exc:
            found = brisk_plan(engine, facts, request)  # as build_plan does
            if found is None:
                refused[",".join(sorted({v.rule for v in exc.violations}))] += 1
                if listed == "refused":
                    print(f"  refused: {goal} {level} {days} {kit}: {exc}")
                continue
            plan, brisk = found, brisk + 1
        except BadRequest as exc:
            refused["no exercise"] += 1
            if listed == "refused":
                print(f"  refused: {goal} {level} {days} {kit}: {exc}")
            continue
        built += 1
        day_minutes += sum(d.minutes for d in plan.days) / len(plan.days)
        found = faults(plan, builder)
        counts.update(found)
        if listed in found:
            spread = ", ".join(f"{d.minutes:.0f}" for d in plan.days)
            print(f"  {listed}: {goal} {level} {days} {kit} ({spread} min)")
    length = f"{minutes} min" if minutes else "default length"
    total = built + sum(refused.values())
    print(f"{length}: {total} requests, {sum(refused.values())} refused "
          f"({dict(refused) or 'none'}), {built} built ({brisk} with short rests), "
          f"days of {day_minutes / max(built, 1):.1f} minutes on average")
    print("  " + ", ".join(f"{name} {counts[name]}" for name in (*CHECKS, "floor group")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, action="append",
                        help="session length (repeatable; default: the default and 45)")
    parser.add_argument("--list", choices=(*CHECKS, "refused"),
                        help="print the requests failing this check")
    args = parser.parse_args()
    store = open_store("oxigraph")
    engine, facts = engine_for(store), facts_for(store)
    for minutes in args.minutes or [0, 45]:
        sweep(engine, facts, minutes or None, args.list)


if __name__ == "__main__":
    main()
