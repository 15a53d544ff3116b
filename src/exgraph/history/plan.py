"""Plans from history: the next weeks continue from what the lifter logged.

A plan request with ``history=me`` (``POST /api/v1/plans`` with ``Authorization: Bearer``,
``exgraph plan --history-user NAME``) is built in three steps, each from the user's log:

1. **Exercises the lifter never does are replaced by substitutes they do.** The plan is built as
   for anyone; every picked exercise with no working set in the log whose substitutes (the
   substitution engine's ranking, best first, the first :data:`SUBSTITUTES_CONSIDERED`) include
   one the lifter logs, and that fits the request (equipment, level, avoided muscles: the
   planner's own test), is excluded and that substitute included; the plan is built again, up
   to :data:`ROUNDS` times (a new pick may need the same). When the swaps together break a plan
   rule, each is tried alone and kept if the plan holds. An exercise with no logged substitute,
   or whose substitute breaks a rule, stays, and the answer says so.
2. **Muscle groups under their weekly range get the extra sets.** The log's weekly sets per
   major group (primary 1, secondary 0.5, warm-ups not counted: :func:`stats.volume`), averaged
   over the :data:`VOLUME_WEEKS` ISO weeks ending with the latest session, against the goal's
   weekly range for the level (exg:WeeklyVolumeGuideline, the planner's own table): a group
   under the range's minimum is emphasised in the request, so the planner gives its exercises
   the most sets their range allows (every plan rule still checked; if the emphasis breaks one,
   the plan without it is kept and the answer says so).
3. **Loads for the next session of every planned exercise** from its last logged session, by
   :func:`next_load` (double progression; a stall of three sessions deloads by 10 %).

Every number names the logged sets it came from (id, date, file and line or JSON path).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from exgraph.errors import BadRequest
from exgraph.graph.store import Store
from exgraph.history.model import KG_PER_LB, LoggedSet, Session
from exgraph.history.nquads import UserLog
from exgraph.history.stats import epley, exercise_groups, volume, where
from exgraph.plans import LOOKUP_PARAMS, Plan, plan_for
from exgraph.plans.choose import Chooser
from exgraph.plans.model import MAJOR
from exgraph.plans.plan_facts import facts_for
from exgraph.plans.request import parse_request
from exgraph.plans.validate import PlanRuleError
from exgraph.queries.substitutes import Engine, Filters, engine_for
from exgraph.records.build import records_for
from exgraph.records.lookup import canonical_params
from exgraph.records.model import RecordSet

#: The smallest load step, per unit: a pair of 1.25 kg plates (2.5 lb in pounds, so 5 lb),
#: what nearly every gym has; the step a double progression adds.
STEP = {"kg": 2.5, "lb": 5.0}
#: Sessions without a new best estimated maximum that make a stall, and the deload then.
STALL_SESSIONS, DELOAD = 3, 0.10
#: Weeks of the log whose average weekly sets per group are compared with the goal's range.
VOLUME_WEEKS = 4
#: Substitutes of a never-logged exercise looked at (best first), and rebuilds at most.
SUBSTITUTES_CONSIDERED, ROUNDS = 30, 3


def cite(session: Session, logged: LoggedSet) -> dict[str, Any]:
    """A logged set as a plan number cites it."""
    return {"set": logged.id, "workout": session.id, "date": session.date,
            "load": logged.load, "unit": logged.unit if logged.load is not None else None,
            "reps": logged.reps, "type": logged.type, **where(logged)}


def _working(sets: list[LoggedSet]) -> list[LoggedSet]:
    return [s for s in sets if s.type != "warmup" and s.reps]


def _best(sets: list[LoggedSet]) -> float:
    return max((epley(s.load_kg, s.reps) for s in sets if s.load_kg and s.reps), default=0.0)


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 2)


def next_load(history: list[tuple[Session, list[LoggedSet]]], reps: tuple[int, int]
              ) -> dict[str, Any] | None:
    """The next session of an exercise from its logged sessions (oldest first) and the plan's
    rep range ``(low, high)``; None when no session has a working set.

    * **Add load** (double progression): every working set of the last session at its top load
      reached ``high`` reps -> that load plus the smallest step (:data:`STEP`), for ``low`` reps.
    * **Deload**: else, when the last :data:`STALL_SESSIONS` sessions each fell short of the
      best estimated maximum (Epley) of the sessions before them -> 90 % of the last top load,
      rounded to the step, for ``low`` reps.
    * **Add reps**: else the same load, one rep more than the fewest reps of its sets at that
      load (at least ``low``, at most ``high``).

    Without loads (bodyweight sets) the same rules run on reps alone: at ``high`` the answer
    says to add load or take a harder variation. Loads stay in the unit the lifter logs.
    """
    sessions = [(s, _working(sets)) for s, sets in history]
    sessions = [(s, sets) for s, sets in sessions if sets]
    if not sessions:
        return None
    low, high = reps
    last_session, last = sessions[-1]
    loaded = [s for s in last if s.load]
    top = max(loaded, key=lambda s: s.load_kg or 0.0) if loaded else None
    at_top = [s for s in last if top is None or s.load == top.load]
    unit = top.unit if top else "kg"
    cited = [cite(last_session, s) for s in at_top]
    answer: dict[str, Any] = {"unit": unit if top else None, "reps_range": [low, high],
                              "last_session": last_session.date}
    if all((s.reps or 0) >= high for s in at_top):
        if top is None or top.load is None:
            return answer | {"rule": "add load", "load": None, "reps": high, "from_sets": cited,
                             "why": f"every set reached {high} reps without load: add load "
                                    "or take a harder variation"}
        step = STEP[unit]
        return answer | {"rule": "add load", "load": round(top.load + step, 2), "reps": low,
                         "from_sets": cited,
                         "why": f"every set at {top.load:g} {unit} reached the top of the range "
                                f"({high} reps): add the smallest step, {step:g} {unit}, and go "
                                f"back to {low} reps"}
    if len(sessions) > STALL_SESSIONS:
        before, recent = sessions[:-STALL_SESSIONS], sessions[-STALL_SESSIONS:]
        record = max(before, key=lambda pair: _best(pair[1]))
        if top is not None and top.load is not None and record[1] and all(
                _best(sets) <= _best(record[1]) for _s, sets in recent):
            best_set = max((s for s in record[1] if s.load_kg and s.reps),
                           key=lambda s: epley(s.load_kg or 0.0, s.reps or 0))
            step = STEP[unit]
            return answer | {
                "rule": "deload", "load": _round(top.load * (1 - DELOAD), step), "reps": low,
                "from_sets": [cite(s, x) for s, sets in recent for x in sets if x.load]
                + [cite(record[0], best_set)],
                "why": f"{STALL_SESSIONS} sessions without beating the best estimated maximum "
                       f"({_best(record[1]):.1f} kg, {record[0].date}): deload by "
                       f"{DELOAD:.0%} and build back up"}
    fewest = min(s.reps or 0 for s in at_top)
    target = max(low, min(high, fewest + 1))
    return answer | {"rule": "add reps", "load": top.load if top else None, "reps": target,
                     "from_sets": cited,
                     "why": f"not every set reached {high} reps yet (fewest {fewest}): same "
                            f"load, aim for {target}"}


@dataclass
class HistoryPlan:
    """A plan built from a log, and what the log changed in it (with the sets behind each)."""

    plan: Plan
    replaced: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    volume: list[dict[str, Any]] = field(default_factory=list)
    loads: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"rules": {"step": STEP, "stall_sessions": STALL_SESSIONS,
                          "deload_percent": DELOAD * 100, "volume_weeks": VOLUME_WEEKS},
                "replaced": self.replaced, "not_replaced": self.kept, "volume": self.volume,
                "next_session": self.loads, "notes": self.notes}


def _logged(log: UserLog) -> dict[str, int]:
    """Exercise slug -> working sets logged."""
    counts: dict[str, int] = {}
    for session in log.sessions.values():
        for logged in session.sets:
            if logged.type != "warmup" and logged.exercise:
                counts[logged.exercise] = counts.get(logged.exercise, 0) + 1
    return counts


def _under_range(log: UserLog, store: Store, goal: str, level: str
                 ) -> tuple[list[dict[str, Any]], list[str]]:
    """Each major area's logged weekly sets (average over :data:`VOLUME_WEEKS` weeks) against
    the goal's range; the groups to emphasise (areas under the minimum)."""
    facts = facts_for(store)
    found = facts.volume.get((goal, level))
    if found is None or not log.sessions:
        return [], []
    low, high = found.sets
    records = records_for(store)
    weekly = volume(log, records, VOLUME_WEEKS)
    first = weekly["weeks"][0]["start"]
    last_monday = weekly["weeks"][-1]["start"]
    sessions = [s for s in log.sessions.values() if first <= s.date
                and s.start.date() < _next_monday(last_monday)]
    out, emphasise = [], []
    for area, (label, groups, _slot) in MAJOR.items():
        per_group = {g: sum(w["sets"].get(g, 0.0) for w in weekly["weeks"]) / VOLUME_WEEKS
                     for g in groups}
        average = max(per_group.values())
        under = average < low
        counted = [cite(s, x) for s in sessions for x in s.sets if x.type != "warmup"
                   and x.exercise and any(g in dict(_groups(records, x.exercise)) for g in groups)]
        out.append({"group": area, "name": label, "logged_weekly_sets": round(average, 1),
                    "range": [low, high], "under": under,
                    "weeks": [w["week"] for w in weekly["weeks"]], "from_sets": counted})
        if under:
            emphasise += [g for g in groups if g in facts.group_of]
    return out, emphasise


def _next_monday(monday: str) -> date:
    return date.fromisoformat(monday) + timedelta(days=7)


def _groups(records: RecordSet, slug: str) -> list[tuple[str, float]]:
    return exercise_groups(records, slug) if slug in records.records else []


def plan_from_history(store: Store, values: Mapping[str, Any], log: UserLog) -> HistoryPlan:
    """The plan for request values, continued from the log (the module's three steps)."""
    values = dict(values)
    engine, facts = engine_for(store), facts_for(store)
    resolved = canonical_params(store, LOOKUP_PARAMS, values, exercise_404=False)
    request = parse_request(resolved, engine, facts)  # a bad request fails here, as ever
    done = _logged(log)
    result_volume, emphasise = _under_range(log, store, request.goal, request.level)
    notes: list[str] = []
    if emphasise:
        wanted = sorted(set(resolved.get("emphasise") or []) | set(emphasise)
                        - set(request.avoid))
        try:
            plan_for(store, {**resolved, "emphasise": wanted}, remedy=False)
            resolved["emphasise"] = wanted
        except PlanRuleError as exc:
            notes.append(f"the groups under their weekly range were not emphasised: {exc}")
    include = list(resolved.get("include") or [])
    exclude = list(resolved.get("exclude") or [])
    replaced: list[dict[str, Any]] = []
    kept: dict[str, dict[str, Any]] = {}
    plan = plan_for(store, resolved)
    chooser = Chooser(engine, facts, request)
    refused: set[str] = set()
    for _attempt in range(ROUNDS):
        swaps = _swaps(plan, engine, chooser, done, set(include) | set(exclude) | refused, kept)
        if not swaps:
            break
        # all at once; if that breaks a plan rule, one at a time, keeping each that does not
        for batch in [swaps] + ([[swap] for swap in swaps] if len(swaps) > 1 else []):
            trial_include = include + [new for _old, new, _why in batch]
            trial_exclude = exclude + [old for old, _new, _why in batch]
            try:
                plan = plan_for(store, {**resolved, "include": trial_include,
                                        "exclude": trial_exclude}, remedy=False)
            except (PlanRuleError, BadRequest) as exc:
                if len(batch) == 1:
                    refused.add(batch[0][0])
                    kept[batch[0][0]] = {
                        "exercise": batch[0][0], "name": engine.exercise(batch[0][0]).name,
                        "why": f"{engine.exercise(batch[0][1]).name}, which you log, in its "
                               f"place breaks a plan rule: {exc}"}
                continue
            include, exclude = trial_include, trial_exclude
            for old, new, why in batch:
                kept.pop(old, None)
                replaced.append({"exercise": old, "name": engine.exercise(old).name,
                                 "by": new, "by_name": engine.exercise(new).name,
                                 "logged_working_sets": done[new], "why": why,
                                 "from_sets": _last_sets(log, new)})
            if batch is swaps:
                break
    planned = {ex.slug for ex in plan.exercises()}
    result = HistoryPlan(plan, replaced, [k for s, k in sorted(kept.items()) if s in planned],
                         result_volume, notes=notes)
    for ex in plan.exercises():
        item = next(i for d in plan.days for i in d.items if i.exercise.slug == ex.slug)
        found = next_load(log.of_exercise(ex.slug), item.guideline.reps)
        entry: dict[str, Any] = {"exercise": ex.slug, "name": ex.name}
        if found is None:
            entry |= {"rule": "no history", "load": None, "unit": None, "reps": None,
                      "from_sets": [], "why": "not in your log yet: start with a load you can "
                                              "lift for a few more reps than the range's top"}
        else:
            entry |= found
            if found.get("load") is not None:
                factor = KG_PER_LB if found["unit"] == "lb" else 1.0
                entry["load_kg"] = round(found["load"] * factor, 1)
        result.loads.append(entry)
    return result


def _last_sets(log: UserLog, slug: str) -> list[dict[str, Any]]:
    sessions = log.of_exercise(slug)
    if not sessions:
        return []
    session, sets = sessions[-1]
    return [cite(session, s) for s in _working(sets)]


def _swaps(plan: Plan, engine: Engine, chooser: Chooser, done: Mapping[str, int],
           fixed: set[str], kept: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(never-logged exercise, the best-ranked substitute the lifter logs, why) for each pick
    that has one; picks without one go into ``kept`` with the reason."""
    planned = {ex.slug for ex in plan.exercises()}
    swaps: list[tuple[str, str, str]] = []
    taken = set(planned)
    for ex in plan.exercises():
        if ex.slug in done or ex.slug in fixed:
            continue
        found = None
        planned_already: list[str] = []
        for place, sub in enumerate(engine.rank(ex.slug, Filters(limit=SUBSTITUTES_CONSIDERED)), 1):
            slug = sub.exercise.slug
            if slug in done and slug in taken:
                planned_already.append(sub.exercise.name)
            if slug in done and slug not in taken and chooser.why_not(sub.exercise) is None:
                found = (ex.slug, slug, f"you never log {ex.name}; {sub.exercise.name} is its "
                                        f"substitute number {place} and you log it "
                                        f"({done[slug]} working sets)")
                break
        if found is None:
            why = f"you never log it, nor any of its first {SUBSTITUTES_CONSIDERED} " \
                "substitutes that fit the request"
            if planned_already:
                why = f"you never log it; the substitutes you log ({', '.join(planned_already)}" \
                    ") are in the plan already"
            kept[ex.slug] = {"exercise": ex.slug, "name": ex.name, "why": why}
            continue
        taken.add(found[1])
        swaps.append(found)
    return swaps
