"""Build a weekly plan from the graph: split, exercises, numbers, progression, and why.

**Split** by days a week, so that every major muscle group is a prime mover on at least two days
from two days on: 1 full body; 2 full body A/B; 3 full body A/B/A; 4 upper/lower twice;
5 upper, lower, push, pull, legs; 6 push/pull/legs twice. Each kind of day is a list of
:data:`SLOTS` in the order they are done (large, multi-joint lifts before small, single-joint
ones). A slot whose muscle group an earlier pick of the day already works as a prime mover is
skipped (not a pull slot: a pulling day wants a row and a pulldown).

**Candidates** (:mod:`.choose`) are the exercises that fit the request: equipment (the engine's
taxonomy-aware rule: a kind is had when it or a narrower kind is in the list; bodyweight needs
nothing; unknown equipment never passes; "other", the unnamed "machine" and "barbell" only when
listed themselves; and what the name implies, :func:`.validate.implied_needs`), level (beginner:
low difficulty or stated beginner-suitable, never stated unsuitable; intermediate: up to
moderate; advanced: any), no avoided group as a prime mover, not excluded, no stretch, rolling,
mobility or cardio drill (plyometrics only for power), at least one prime mover known, the
slot's movement (:func:`.validate.direction`), not a second name of a planned exercise.

**Choice** in a slot, among candidates working the slot's group as a prime mover, by score:
reference lift of the slot +3 (less 0.25 per place down its list); the slot's first movement
pattern +2 (+1.5 when inferred), another of its patterns +1 (+0.75); +1 for each other group of
the day it also works as a prime mover; +1 when the exercise has its own programming for the
goal; +0.5 compound; +1 per emphasised group; +1.5 x the share of name words it has in common
with the slot's first reference lift; +1 when that lift lists it as an alternative; -1 per major
group outside the day it works as a prime mover; +2 for a barbell- or machine-loaded lift in a
multi-joint slot for an intermediate or advanced lifter; +1 for an exercise using the listed
equipment over a bodyweight one; -3 for one that needs no load in a slot a load can fill when
equipment is listed (not pull-ups, chin-ups, dips, the trunk, or a jump in a power plan); -3
for a complex (a curl to press) in a main slot outside power plans; +3 in a power plan for an
explosive exercise of the slot's pattern where a main lift goes (and while a power plan has no
fast lift, only fast lifts compete for a squat or hinge slot's main place). No two exercises
of a day do one movement (:func:`.choose.redundant`); Olympic lifts only in power plans.
Equal scores are ordered by name, or shuffled by ``seed``. A slot's pick is reused on later
days while it fits (weekly frequency, not twice a day, the same role).

**Numbers** (:mod:`.explain`): the first two multi-joint lifts of a day in a squat, hinge, push or
pull slot are its main lifts, the rest accessories, one role per exercise all week. An exercise's
own exg:programming for the goal when it suits the role and level, else the goal's most specific
exg:specificProgramming (level and role, role, level), else its exg:defaultProgramming
(data/plan-defaults.ttl), each with its IRI and source. Sets: beginner the minimum, intermediate
the middle (rounded down), advanced the maximum of the range, one step less for arms, trunk and
calves; emphasised groups get the maximum. Reps and rest: the range.

An exercise that needs no load and whose body weight is no real load (a push-up, a bodyweight
squat) is never a strength or power plan's main lift (no 3-6RM it cannot be), unless it is
explosive work in a power plan.

**Weekly sets** per group: a set counts 1 for each prime mover and 0.5 for each secondary mover.

**Tuning** (:mod:`.tune`) then brings the week inside the rules of :mod:`.validate`: weekly sets
per major group within the goal's range for the level, pushing to pulling and knee- to
hip-dominant work within 1:1 +/- 25 %, every session within its length (75 minutes unless asked:
an exercise takes sets x (top reps x 3 s + the middle of the rest range) + 60 s to set up), every
needed group on two days, every leg day a squat or lunge and a hinge or curl (a squat slot is
filled when the day has no knee-dominant lift: :meth:`Builder.leg_side_missing`). Then
(:meth:`.fill.Filler.fill_out`) arm, trunk and calf work left out for time is put back where the
day has room, each large group is raised towards the middle of its weekly range (a set on the
other side of a balance beside one that would break it; an exercise more when its lifts are at
their top sets) and each day to 25 minutes and within 1.4 x of the longest, where the day has
time; and each day is ordered main lifts, other multi-joint lifts, single-joint work, trunk last
(:func:`order`). :meth:`Builder.build` checks the rules and raises
:class:`.validate.PlanRuleError` (a 400) naming each one the week still breaks;
:func:`build_plan` first tries the week again at the short end of every rest range
(:func:`brisk_plan`).

**Progression** (``weeks`` 4 to 8): week 1 at the bottom of the rep range; each week adds
ceil((max - min) / 3) reps (at least 1) up to the top; the week after every set reached the top,
add load (the exercise's exg:progression when it has one, else the goal default's rule and
exg:loadIncreaseMinPercent..Max; for an exercise that needs no load, a harder version:
:data:`BODYWEIGHT_PROGRESSION`) and go back to the bottom.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from exgraph.errors import BadRequest
from exgraph.plans.fill import Filler
from exgraph.plans.model import (
    DAY_KINDS,
    DEFAULT_SESSION_MINUTES,
    MAJOR,
    SCHEDULE,
    SLOTS,
    SPLITS,
    WEEKDAYS,
    Day,
    Item,
    Plan,
    Progression,
    Slot,
    Week,
    weekly_sets,
)
from exgraph.plans.plan_facts import PlanFacts, Ref
from exgraph.plans.request import MAX_DAYS, MAX_MINUTES, PlanRequest
from exgraph.plans.traits import unloaded
from exgraph.plans.validate import PlanRuleError, Violation, direction, side, validate
from exgraph.queries.substitutes import Engine, Exercise

#: The progression of an exercise that needs no equipment and has none of its own: the goal
#: default's "add 2-10 % load" cannot be followed without a load, so the step after the top of
#: the rep range is a harder version (coaching practice for bodyweight training).
BODYWEIGHT_PROGRESSION = (
    "Add repetitions within the range first; once every set reaches the top of the range, make "
    "it harder (a slower lowering, a pause, a harder variation, or a loaded backpack) and start "
    "again at the bottom of the range.")
#: Pull slots a day keeps even when a pick already works the back: lats and middle back want a
#: vertical and a horizontal pull.
PULL_SLOTS = frozenset({"horizontal-pull", "vertical-pull"})
#: The side of the knee-hip balance each leg slot's lift is on: a day that trains the legs does
#: a squat or lunge (knee-dominant) and a hinge or curl (hip-dominant).
LEG_SIDES = {"squat": "knee", "hinge": "hip"}
#: Pulling equipment a lifter can fit at home (a doorway bar, bands, rings or a suspension
#: trainer), named first when nothing pulls with the equipment given.
PORTABLE_PULL = frozenset({"pull-up-bar", "resistance-band", "gymnastic-rings",
                           "suspension-trainer"})

__all__ = ["DAY_KINDS", "MAJOR", "SLOTS", "SPLITS", "WEEKDAYS", "Builder", "Day", "Item", "Plan",
           "build_plan", "progression_weeks"]


class Builder(Filler):
    """Builds one plan (see the module docstring). Use :func:`build_plan`."""

    def needed_areas(self) -> list[str]:
        return [a for a, (_l, groups, _s) in MAJOR.items()
                if not set(groups) <= self.request.avoid]

    def check_possible(self) -> None:
        """Raise BadRequest naming every needed group no exercise of the request can train."""
        missing = []
        wanted = [(a, "needed") for a in self.needed_areas()]
        wanted += [(g, "emphasised") for g in sorted(self.request.emphasise)
                   if not any(g in MAJOR[a][1] for a in MAJOR)]
        for area, why in wanted:
            groups = MAJOR[area][1] if area in MAJOR else (area,)
            if any(self._fits(self.engine.exercises[slug]) for group in groups
                   for slug in self.engine.by_group.get(group, frozenset())):
                continue
            slot = SLOTS[MAJOR[area][2]] if area in MAJOR else None
            label = MAJOR[area][0] if area in MAJOR else self._label(area)
            patterns = (" or ".join(self._label(p) for p in slot.patterns) if slot else
                        "any pattern")
            needs: Counter[str] = Counter()
            groups = MAJOR[area][1] if area in MAJOR else (area,)
            for group in groups:
                for slug in self.engine.by_group.get(group, frozenset()):
                    ex = self.engine.exercises[slug]
                    if self.why_not(ex, equipment=False) is None:
                        for kind in ex.equipment - self.available:
                            needs[kind] += 1
            hint = ""
            if needs:
                common = sorted(needs.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
                top = ", ".join(f"{self._label(k)} ({n})" for k, n in common)
                hint = f"; exercises for it need: {top}"
            missing.append(f"the {label} ({why}: {patterns}, as a prime mover){hint}")
        if missing:
            kit = ", ".join(sorted(self.request.equipment)) or "none (bodyweight only)"
            raise BadRequest(
                f"no exercise fits this request for {'; '.join(missing)} "
                f"(equipment: {kit}; level: {self.request.level})")

    def build(self) -> Plan:
        r = self.request
        self.check_possible()
        split, kinds = SPLITS[r.days]
        days = [Day(i + 1, kind, DAY_KINDS[kind][0], SCHEDULE[r.days][i])
                for i, kind in enumerate(kinds)]
        self.place_included(days)
        for day in days:
            self.fill(day)
        self.tune(days)
        self.fill_out(days)
        for day in days:
            day.items.sort(key=order)
        plan = Plan(r, self.facts.goals[self.goal], split, days,
                    weekly_sets(days, self.volume_range()[2]), self.coverage(days),
                    self.progressions(days), self.frequencies(days), self.notes, self.labels)
        broken = validate(plan, self.facts, self.engine)
        if broken:
            raise PlanRuleError(self.with_remedy(broken))
        return plan

    def with_remedy(self, broken: list[Violation]) -> list[Violation]:
        """The broken rules, the first pulling shortfall (the back under its minimum, or
        pushing without pulling) told what to add when no exercise of the graph pulls (a row or
        a pulldown) with the lifter's equipment: with bodyweight only the graph's rows and
        pull-ups all need a bar, a rack, a cable or a band, and no tuning balances pushing
        against nothing."""
        if any(self.fitting(SLOTS[name]) for name in PULL_SLOTS):
            return broken
        remedy = self.pull_remedy()
        out = []
        for v in broken:
            if remedy and (v.rule == "push-pull" or (v.rule == "weekly-sets"
                                                     and "the back" in v.why)):
                v, remedy = Violation(v.rule, f"{v.why}; {remedy}"), ""
            out.append(v)
        return out

    def pull_remedy(self) -> str:
        """What to add so that something pulls: the kinds the graph's pulling exercises for
        this goal and level need (a narrower kind counted under a broader one needed too),
        what a lifter can fit at home (:data:`PORTABLE_PULL`) first, then most exercises."""
        needs: Counter[str] = Counter()
        for name in sorted(PULL_SLOTS):
            slot = SLOTS[name]
            for _bound, _static, ex in self.ranked(slot):
                if not self.matches(ex, slot) or self.why_not(ex, equipment=False) is not None:
                    continue
                missing = ex.equipment - self.available - {"bodyweight"}
                implied = [kinds for kinds in self.implied(ex) if not kinds & self.available]
                if not missing and implied:
                    missing = frozenset({min(implied[0])})
                for kind in missing:
                    needs[kind] += 1
        for kind in list(needs):
            broader = self.engine.taxonomy.get(kind, frozenset()) - {kind}
            if broader & set(needs):
                needs[min(broader & set(needs))] += needs.pop(kind)
        kit = ", ".join(sorted(self.request.equipment)) or "bodyweight only"
        said = f"no exercise of the graph pulls (a row or a pulldown) with {kit}"
        if not needs:
            return said
        common = sorted(needs.items(), key=lambda kv: (kv[0] not in PORTABLE_PULL, -kv[1],
                                                        kv[0]))[:3]
        return (f"{said}: add " + " or ".join(f"a {self._label(k)}" for k, _n in common)
                + " (" + ", ".join(f"{n} pulling exercises of the graph for your level need "
                                   f"{self._label(k)}" for k, n in common) + ")")

    def place_included(self, days: list[Day]) -> None:
        for slug in self.request.include:
            ex = self.engine.exercises[slug]
            problem = self.why_not(ex)
            if problem is not None:
                raise BadRequest(f"parameter 'include': {ex.name} ({slug}) cannot be in this "
                                 f"plan: {problem}")
            slot = self.slot_for(ex)
            fitting = [d for d in days if ex.primary & self.day_groups(d)] or days[:1]
            for day in fitting:
                if self.counts[slug] >= self.frequency_max(slug):
                    break
                self.add(day, ex, slot, included=True)

    def slot_for(self, ex: Exercise) -> Slot:
        """The slot an included exercise takes: one of its pattern working its prime mover."""
        moved = direction(ex) or ex.pattern
        for slot in SLOTS.values():
            if not slot.optional and set(slot.groups) & ex.primary and moved in slot.patterns:
                return slot
        for slot in SLOTS.values():
            if set(slot.groups) & ex.primary:
                return slot
        return Slot("extra", "Extra", sorted(ex.primary)[0], (), ())

    def fill(self, day: Day) -> None:
        groups = self.day_groups(day)
        for name in DAY_KINDS[day.kind][1]:
            slot = SLOTS[name]
            covered = day.areas()
            if not slot.optional and slot.area in covered and not (
                    slot.name in PULL_SLOTS and not any(i.slot.name == name for i in day.items)
            ) and not self.leg_side_missing(day, slot):
                continue  # (a row and a pulldown both belong on a pulling day)
            if set(slot.groups) <= self.request.avoid:
                continue
            if slot.optional and any(item.slot.name == name for item in day.items):
                continue
            ex = self.choose(slot, day, groups, covered)
            if ex is not None:
                self.add(day, ex, slot)
            elif slot.optional and not slot.quiet:
                self.notes.append(f"Day {day.index}: no exercise for the optional "
                                  f"{slot.label.lower()} slot fits the request")

    def leg_side_missing(self, day: Day, slot: Slot) -> bool:
        """Whether slot is the squat or hinge slot and the day has no lift of its side yet (rule
        "a leg day squats and hinges"): a leverage deadlift works the quadriceps as a prime
        mover, but a day whose only leg lift is a deadlift has no knee-dominant work, so the
        squat slot is filled even when the quadriceps are covered (two machine plans of
        sample 4), and likewise the hinge slot after a squat that works the hamstrings."""
        want = LEG_SIDES.get(slot.name)
        return want is not None and not any(side(i.exercise, "knee-hip") == want
                                            for i in day.items)

    def coverage(self, days: list[Day]) -> dict[str, tuple[int, str | None]]:
        out: dict[str, tuple[int, str | None]] = {}
        want = 2
        for area, (label, groups, _slot) in MAJOR.items():
            if set(groups) <= self.request.avoid:
                out[area] = (0, f"not trained: you avoid the {label}")
                continue
            sessions = sum(1 for d in days if area in d.areas())
            why = None
            if sessions < want:
                if len(days) < want:
                    why = ("one training day a week trains each group once; choose two or more "
                           "days to train every major group twice")
                elif set(groups) & self.yielded:
                    why = (f"{self.limit}-minute sessions: its own exercise gave way to the large "
                           "groups on "
                           f"{want - sessions} day(s); the compound lifts work it as a secondary "
                           "mover")
                elif self.request.session_minutes is not None:
                    why = (f"{self.request.session_minutes}-minute sessions leave no room for "
                           f"the {label} on {want - sessions} more day(s)")
                else:
                    why = (f"no exercise for the {label} fits a second day within its weekly "
                           "frequency")
            out[area] = (sessions, why)
        return out

    def frequencies(self, days: list[Day]) -> dict[str, tuple[int, int, int, Ref | None]]:
        out = {}
        counts = Counter(item.exercise.slug for day in days for item in day.items)
        assert self.default is not None and self.default.frequency is not None
        for slug, count in counts.items():
            stated = self.facts.frequency.get(slug)
            if stated is not None:
                out[slug] = (count, stated[0], stated[1], stated[2])
            else:
                low, high = self.default.frequency
                out[slug] = (count, low, high, self.default.source)
        return out

    def progressions(self, days: list[Day]) -> dict[str, Progression]:
        out: dict[str, Progression] = {}
        assert self.default is not None
        for day in days:
            for item in day.items:
                slug = item.exercise.slug
                if slug in out:
                    continue
                own = self.facts.progression.get(slug)
                rule = own.value if own else (self.default.rule or "")
                source = own.source if own else self.default.source
                increase = None if own else self.default.increase
                if own is None and unloaded(item.exercise):
                    rule, increase = BODYWEIGHT_PROGRESSION, None
                out[slug] = Progression(
                    rule, source, own is not None, increase,
                    progression_weeks(item.sets, item.guideline.reps, self.request.weeks))
        return out


def order(item: Item) -> int:
    """Where an exercise comes in its day (rule "compound first"): the main lifts, then the
    other multi-joint lifts, then single-joint work, the trunk last (ACSM 2009: large,
    multi-joint exercises before small, single-joint ones). Tuning adds exercises at the end of
    a day; this puts them in their place (a row added to balance pulling before the curls)."""
    if item.role == "main":
        return 0
    if item.slot.name == "abs" or item.exercise.pattern == "TrunkStability":
        return 3
    if item.slot.compound and item.exercise.mechanic != "isolation" \
            and item.exercise.pattern not in (None, "Isolation"):
        return 1
    return 2


def progression_weeks(sets: int, reps: tuple[int, int], weeks: int) -> list[Week]:
    """The double progression of the module docstring: reps up the range, then load."""
    low, high = reps
    step = max(1, math.ceil((high - low) / 3))
    out = [Week(1, sets, low, "start")]
    for week in range(2, weeks + 1):
        previous = out[-1].reps
        if previous >= high:
            out.append(Week(week, sets, low, "add load"))
        else:
            out.append(Week(week, sets, min(previous + step, high), "add reps"))
    return out


#: Minutes added to a refused request's session length, in turn, to find the shortest that
#: builds (:func:`nearest_request`): at most six more builds, only after a refusal.
REMEDY_MINUTES = (5, 10, 15, 20, 25, 30)


def build_plan(engine: Engine, facts: PlanFacts, request: PlanRequest, *,
               remedy: bool = False) -> Plan:
    """The plan for request. Raises BadRequest naming what is missing when no exercise of the
    request can train a needed muscle group, or when an included exercise or the session length
    cannot fit; a :class:`PlanRuleError` with ``remedy`` also says the nearest request that
    builds (:func:`nearest_request`)."""
    try:
        return Builder(engine, facts, request).build()
    except PlanRuleError as exc:
        brisk = brisk_plan(engine, facts, request)
        if brisk is not None:
            return brisk
        hint = nearest_request(engine, facts, request) if remedy else ""
        if not hint:
            raise
        raise PlanRuleError(exc.violations, hint) from None


def brisk_plan(engine: Engine, facts: PlanFacts, request: PlanRequest) -> Plan | None:
    """The plan for a request refused at full rests, with every rest at the short end of its
    source's range (a strength main lift 3 minutes of 3-5, an accessory 60 s of 60-120), or
    None when that breaks a rule too. A coach fits two 45-minute full-body days that way
    rather than send the lifter away: every two-day 45-minute strength request of an
    intermediate or advanced lifter was refused (sample 4, plan 1), the sets the weekly floor
    needs taking 55 minutes at the middle of each rest range."""
    builder = Builder(engine, facts, request)
    builder.brisk = True
    builder.notes.append(
        "Rests are at the short end of each range: with the rest ranges' middle the "
        f"{builder.limit}-minute sessions cannot hold the weekly sets each large group needs")
    try:
        return builder.build()
    except PlanRuleError:
        return None


def nearest_request(engine: Engine, facts: PlanFacts, request: PlanRequest) -> str:
    """What the lifter can change so that a refused request builds: the shortest longer session
    (5 to 30 minutes more, within the request's bounds) and one day more a week, each tried
    alone; "" when neither builds. Two 45-minute strength days cannot hold an intermediate's
    6 weekly sets for the chest, back and hamstrings at 3-5 minutes' rest: 55 minutes or a
    third day can (the fresh plan sample of stop 30)."""

    def builds(changed: PlanRequest) -> bool:
        try:
            Builder(engine, facts, changed).build()
        except PlanRuleError:
            return brisk_plan(engine, facts, changed) is not None
        except BadRequest:
            return False
        return True

    found = []
    minutes = request.session_minutes or DEFAULT_SESSION_MINUTES
    for extra in REMEDY_MINUTES:
        if minutes + extra > MAX_MINUTES:
            break
        if builds(replace(request, session_minutes=minutes + extra)):
            found.append(f"{minutes + extra}-minute sessions")
            break
    if request.days < MAX_DAYS and builds(replace(request, days=request.days + 1)):
        found.append(f"{request.days + 1} days a week")
    return f"A plan keeps every rule with {' or '.join(found)}" if found else ""
