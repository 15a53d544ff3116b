"""Build a weekly plan from the graph: split, exercises, numbers, progression, and why.

**Split** by days a week, so that every major muscle group is a prime mover on at least two days
from two days on: 1 full body; 2 full body A/B; 3 full body A/B/A; 4 upper/lower twice;
5 upper, lower, push, pull, legs; 6 push/pull/legs twice. Each kind of day is a list of
:data:`SLOTS` in the order they are done (large, multi-joint lifts before small, single-joint
ones). A slot whose muscle group an earlier pick of the day already works as a prime mover is
skipped.

**Candidates** are the exercises that fit the request: equipment (the engine's taxonomy-aware
rule: a kind is had when it or a narrower kind is in the list; bodyweight needs nothing; unknown
equipment never passes; "other", the unnamed "machine" and "barbell" only when listed
themselves), level (beginner: low difficulty or stated
beginner-suitable, never stated unsuitable; intermediate: up to moderate; advanced: any), no
avoided group as a prime mover, not excluded, not a stretch (by category or name) or a cardio
drill (plyometrics only for power), at least one prime mover known.

**Choice** in a slot, among candidates working the slot's group as a prime mover, by score:
reference lift of the slot +3 (less 0.25 per place down its list); the slot's first movement
pattern +2 (+1.5 when inferred), another of its patterns +1 (+0.75); +1 for each other group of
the day it also works as a prime mover; +1 when the exercise has its own programming for the
goal; +0.5 compound; +1 per emphasised group; +1.5 x the share of name words it has in common
with the slot's first reference lift; +1 when that lift lists it as an alternative; -1 per major
group outside the day it works as a prime mover. Equal scores are ordered by name, or shuffled by
``seed``. A slot's pick is reused on later days while it fits (weekly frequency, not twice a day).

**Numbers** come from the exercise's own exg:programming for the goal when the graph has it,
else from the goal's exg:defaultProgramming (data/plan-defaults.ttl), each with its IRI and
source. Sets: beginner the minimum, intermediate the middle (rounded down), advanced the maximum
of the range; emphasised groups get the maximum; a major group with less than half the median
weekly sets gets one more set per exercise (within the range). Reps and rest: the range.

**Weekly sets** per group: a set counts 1 for each prime mover and 0.5 for each secondary mover.

**Progression** (``weeks`` 4 to 8): week 1 at the bottom of the rep range; each week adds
ceil((max - min) / 3) reps (at least 1) up to the top; the week after every set reached the top,
add load (the exercise's exg:progression when it has one, else the goal default's rule and
exg:loadIncreaseMinPercent..Max) and go back to the bottom.

**Session length**: an exercise takes sets x (top reps x 3 s) + (sets - 1) x top rest + 60 s to
set up; a day longer than ``session_minutes`` first drops optional extras, then goes down to the
minimum sets, then drops exercises from the end (and says which group loses a session).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from exgraph.errors import BadRequest
from exgraph.plans.facts import Guideline, PlanFacts, Ref
from exgraph.plans.request import PlanRequest
from exgraph.queries.substitutes import Engine, Exercise, Filters

#: Major muscle groups a plan must train (a group of the catalogue, or either of two for the
#: back), with the slot that trains each when a day lacks it.
MAJOR: dict[str, tuple[str, tuple[str, ...], str]] = {
    "chest": ("chest", ("chest",), "horizontal-push"),
    "back": ("back (latissimus dorsi or middle back)", ("lats", "middle-back"),
             "horizontal-pull"),
    "shoulders": ("shoulders", ("shoulders",), "vertical-push"),
    "quadriceps": ("quadriceps", ("quadriceps",), "squat"),
    "hamstrings": ("hamstrings", ("hamstrings",), "hinge"),
    "glutes": ("glutes", ("glutes",), "glutes"),
    "biceps": ("biceps", ("biceps",), "biceps"),
    "triceps": ("triceps", ("triceps",), "triceps"),
    "abdominals": ("abdominals", ("abdominals",), "abs"),
}
#: Kinds a narrower kind does not stand in for: "other" is unspecified; the datasets say
#: "machine" for some machine they do not name (a back extension machine is no shoulder press),
#: and an EZ curl bar does not squat like a barbell.
LISTED_ONLY = frozenset({"other", "machine", "barbell"})
#: Every group of a major one.
MAJOR_GROUPS = frozenset(g for _label, groups, _slot in MAJOR.values() for g in groups)
#: Rough timing of a set (see the module docstring).
SECONDS_PER_REP = 3
SETUP_SECONDS = 60
#: Dataset categories never planned; plyometrics only for power.
NEVER = frozenset({"stretching", "cardio"})
#: Name words of stretches that a dataset files under a body part rather than "stretching".
STRETCH_WORDS = frozenset({"stretch", "stretches", "stretching", "estiramiento"})
PLYOMETRIC = "plyometrics"
LEVEL_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Which days of the week (0 = the first) the sessions fall on, by sessions a week.
SCHEDULE = {1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 4, 5),
            6: (0, 1, 2, 3, 4, 5)}


@dataclass(frozen=True)
class Slot:
    """A place in a day: the muscle group it trains (one of ``groups`` as a prime mover), the
    movement patterns it prefers, and its reference lifts (canonical exercise slugs)."""

    name: str
    label: str
    area: str  # a key of MAJOR, or a group slug for an extra
    patterns: tuple[str, ...]
    anchors: tuple[str, ...]
    compound: bool = True
    optional: bool = False

    @property
    def groups(self) -> tuple[str, ...]:
        return MAJOR[self.area][1] if self.area in MAJOR else (self.area,)


SLOTS: dict[str, Slot] = {s.name: s for s in (
    Slot("squat", "Squat", "quadriceps", ("Squat", "Lunge"),
         ("barbell-squat", "leg-press", "dumbbell-goblet-squat", "goblet-squat",
          "dumbbell-squat", "bodyweight-squat")),
    Slot("hinge", "Hip hinge", "hamstrings", ("HipHinge", "Isolation"),
         ("romanian-deadlift", "machine-back-extension", "stiff-legged-dumbbell-deadlift",
          "dumbbell-romanian-deadlift", "band-good-morning", "lying-leg-curls")),
    Slot("glutes", "Glutes", "glutes", ("HipHinge", "Lunge", "Squat"),
         ("barbell-hip-thrust", "dumbbell-hip-thrust", "butt-lift-bridge",
          "single-leg-glute-bridge")),
    Slot("horizontal-push", "Horizontal push", "chest", ("HorizontalPush",),
         ("bench-press", "dumbbell-bench-press", "machine-bench-press", "pushups")),
    Slot("vertical-push", "Vertical push", "shoulders", ("VerticalPush",),
         ("overhead-press", "dumbbell-shoulder-press", "machine-shoulder-military-press",
          "cable-shoulder-press", "shoulder-press-with-bands")),
    Slot("horizontal-pull", "Horizontal pull", "back", ("HorizontalPull",),
         ("bent-over-barbell-row", "seated-cable-rows", "one-arm-dumbbell-row",
          "inverted-row")),
    Slot("vertical-pull", "Vertical pull", "back", ("VerticalPull",),
         ("pullups", "wide-grip-lat-pulldown", "close-grip-front-lat-pulldown")),
    Slot("biceps", "Biceps", "biceps", ("Isolation",),
         ("barbell-curl", "dumbbell-bicep-curl", "hammer-curls"), compound=False),
    Slot("triceps", "Triceps", "triceps", ("Isolation", "HorizontalPush"),
         ("triceps-pushdown", "skullcrusher-dumbbells", "bench-dips"), compound=False),
    Slot("abs", "Trunk", "abdominals", ("TrunkStability",), ("crunches", "plank"),
         compound=False),
    Slot("calves", "Calves", "calves", ("Isolation",),
         ("standing-calf-raises", "standing-barbell-calf-raise",
          "dumbbell-seated-one-leg-calf-raise", "calf-raises-with-bands"),
         compound=False, optional=True),
    Slot("lateral-raise", "Side delts", "shoulders", ("Isolation",),
         ("side-lateral-raise", "cable-seated-lateral-raise", "lateral-raise-with-bands"),
         compound=False, optional=True),
    Slot("rear-delts", "Rear delts", "shoulders", ("Isolation", "HorizontalPull"),
         ("chest-supported-rear-delt-raise", "cable-rear-delt-fly", "band-pull-apart"),
         compound=False, optional=True),
    Slot("incline-push", "Incline push", "chest", ("HorizontalPush", "VerticalPush"),
         ("incline-dumbbell-press", "incline-push-up-medium"), optional=True),
)}

#: Kinds of day: name and slots in order.
DAY_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "full-a": ("Full body A", ("squat", "horizontal-push", "horizontal-pull", "hinge",
                               "vertical-push", "glutes", "biceps", "triceps", "abs")),
    "full-b": ("Full body B", ("hinge", "vertical-push", "vertical-pull", "squat",
                               "horizontal-push", "glutes", "triceps", "biceps", "abs")),
    "upper": ("Upper body", ("horizontal-push", "horizontal-pull", "vertical-push",
                             "vertical-pull", "biceps", "triceps", "lateral-raise")),
    "lower": ("Lower body", ("squat", "hinge", "glutes", "calves", "abs")),
    "push": ("Push", ("horizontal-push", "vertical-push", "incline-push", "lateral-raise",
                      "triceps")),
    "pull": ("Pull", ("vertical-pull", "horizontal-pull", "rear-delts", "biceps")),
    "legs": ("Legs", ("squat", "hinge", "glutes", "calves", "abs")),
}
#: Split by days a week: its name and the kind of each day.
SPLITS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("full body", ("full-a",)),
    2: ("full body A/B", ("full-a", "full-b")),
    3: ("full body A/B/A", ("full-a", "full-b", "full-a")),
    4: ("upper/lower", ("upper", "lower", "upper", "lower")),
    5: ("upper/lower + push/pull/legs", ("upper", "lower", "push", "pull", "legs")),
    6: ("push/pull/legs x2", ("push", "pull", "legs", "push", "pull", "legs")),
}


@dataclass
class Substitution:
    """What a pick stands in for: the slot's first reference lift, why that was not used, and
    the substitution engine's reasons for the pair."""

    anchor: Exercise
    because: str
    reasons: tuple[str, ...]


@dataclass
class Item:
    """One exercise of one day, with its numbers and why."""

    exercise: Exercise
    slot: Slot
    guideline: Guideline
    sets: int
    reasons: list[str]
    substitution: Substitution | None = None
    included: bool = False

    @property
    def minutes(self) -> float:
        """Estimated minutes (see the module docstring)."""
        reps_top = self.guideline.reps[1]
        rest_top = self.guideline.rest[1] if self.guideline.rest else 90
        seconds = (self.sets * reps_top * SECONDS_PER_REP
                   + (self.sets - 1) * rest_top + SETUP_SECONDS)
        return seconds / 60


@dataclass
class Day:
    """One training day of the week."""

    index: int
    kind: str
    name: str
    offset: int  # day of the week, 0 = the first
    items: list[Item] = field(default_factory=list)

    @property
    def minutes(self) -> float:
        return sum(item.minutes for item in self.items)

    def areas(self) -> set[str]:
        """The major groups some exercise of the day works as a prime mover."""
        moved: set[str] = set()
        for item in self.items:
            moved |= item.exercise.primary
        return {a for a, (_l, groups, _s) in MAJOR.items() if not moved.isdisjoint(groups)}


@dataclass(frozen=True)
class Week:
    """One week of an exercise's progression."""

    week: int
    sets: int
    reps: int
    action: str  # "start" | "add reps" | "add load"


@dataclass
class Progression:
    """An exercise's weeks, the rule applied and where the rule comes from."""

    rule: str
    source: Ref | None
    from_exercise: bool
    increase: tuple[float, float] | None
    weeks: list[Week]


@dataclass
class Plan:
    """A built plan: the request, the days and everything the plan reports."""

    request: PlanRequest
    goal: Ref
    split: str
    days: list[Day]
    weekly_sets: dict[str, tuple[float, float, int]]  # group -> (primary, secondary, sessions)
    coverage: dict[str, tuple[int, str | None]]  # area -> (sessions, why short or None)
    progression: dict[str, Progression]
    frequency: dict[str, tuple[int, int, int, Ref | None]]  # slug -> (count, min, max, source)
    notes: list[str]
    labels: dict[str, str]

    @property
    def id(self) -> str:
        """A stable id: a digest of the request."""
        text = json.dumps(self.request.as_json(), sort_keys=True)
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

    def exercises(self) -> list[Exercise]:
        """Each exercise of the plan once, in order of first appearance."""
        seen: dict[str, Exercise] = {}
        for day in self.days:
            for item in day.items:
                seen.setdefault(item.exercise.slug, item.exercise)
        return list(seen.values())


class Builder:
    """Builds one plan (see the module docstring). Use :func:`build_plan`."""

    def __init__(self, engine: Engine, facts: PlanFacts, request: PlanRequest) -> None:
        self.engine, self.facts, self.request = engine, facts, request
        self.goal = request.goal
        self.default = facts.defaults.get(self.goal)
        if self.default is None:
            raise BadRequest(f"goal {self.goal!r} has no default programming in the graph "
                             "(data/plan-defaults.ttl)")
        self.available = self._available_kinds()
        self.rng = random.Random(request.seed) if request.seed is not None else None
        self.counts: Counter[str] = Counter()
        self.picks: dict[str, str] = {}  # slot name -> slug picked first
        self.notes: list[str] = []
        self.labels = engine.labels
        self._pool_cache: dict[str, list[Exercise]] = {}
        self.exclude = request.exclude
        self.level_rank = LEVEL_RANK[request.level]

    # -- fitting the request ---------------------------------------------------------------

    def _available_kinds(self) -> frozenset[str]:
        """Equipment kinds the lifter has, by the engine's own rule for one kind at a time (a
        kind, or a narrower kind of it, in the list); unspecified ('other') equipment and the
        kinds of :data:`LISTED_ONLY` only when listed themselves."""
        has = Filters(equipment=self.request.equipment)
        kinds = {kind for kind in self.engine.taxonomy
                 if self.engine.passes(Exercise(kind, kind, equipment=frozenset({kind})), has)}
        kinds -= LISTED_ONLY - self.request.equipment
        return frozenset(kinds)

    def why_not(self, ex: Exercise, *, equipment: bool = True) -> str | None:
        """Why ex cannot be in this plan (None when it can); without ``equipment``, as if the
        lifter had whatever it needs."""
        r = self.request
        if ex.slug in r.exclude:
            return "you excluded it"
        if not ex.primary:
            return "the graph names no prime mover for it"
        if not ex.equipment:
            return "its equipment is unknown"
        missing = sorted(ex.equipment - self.available)
        if missing and equipment:
            return f"needs {self._join(missing)}, not in your equipment"
        categories = self.facts.categories.get(ex.slug, frozenset())
        if categories & NEVER or (PLYOMETRIC in categories and self.goal != "power"):
            return f"a {sorted(categories & (NEVER | {PLYOMETRIC}))[0]} exercise"
        if ex.words & STRETCH_WORDS:
            return "a stretch"
        avoided = sorted(ex.primary & r.avoid)
        if avoided:
            return f"works {self._join(avoided)} as a prime mover, which you avoid"
        return self._level_problem(ex)

    def _level_problem(self, ex: Exercise) -> str | None:
        stated = self.facts.beginner.get(ex.slug)
        rank = ex.rank
        if self.request.level == "beginner":
            if stated is not None and stated.value == "false":
                return "stated unsuitable for beginners"
            if rank == 0 or (stated is not None and stated.value == "true"):
                return None
            return (f"{self._levels(ex)} difficulty, above a beginner's" if rank is not None
                    else "difficulty unknown")
        if rank is None:
            return "difficulty unknown"
        if self.request.level == "intermediate" and rank > 1:
            return "high difficulty, above an intermediate's"
        return None

    def pool(self, area: str) -> list[Exercise]:
        """Candidates working a group of area as a prime mover, in a stable order."""
        if area not in self._pool_cache:
            groups = MAJOR[area][1] if area in MAJOR else (area,)
            slugs: set[str] = set()
            for group in groups:
                slugs |= self.engine.by_group.get(group, frozenset())
            found = [self.engine.exercises[s] for s in sorted(slugs)]
            self._pool_cache[area] = [ex for ex in found if self._fits(ex)]
        return self._pool_cache[area]

    def _fits(self, ex: Exercise) -> bool:
        """:meth:`why_not` is None, the cheap tests first (this runs for every candidate)."""
        if not ex.equipment or not ex.equipment <= self.available or ex.slug in self.exclude:
            return False
        if ex.primary & self.request.avoid:
            return False
        if self.level_rank == 0:
            if ex.rank != 0 and ex.slug not in self.facts.beginner:
                return False
        elif ex.rank is None or ex.rank > self.level_rank:
            return False
        return self.plannable(ex)

    def plannable(self, ex: Exercise) -> bool:
        """Whether the graph lets ex into any plan for this goal (prime mover and equipment
        known, not a stretch or a drill): remembered per graph generation."""
        verdicts: dict[tuple[str, bool], bool] = self.facts.derived.setdefault("plannable", {})
        key = (ex.slug, self.goal == "power")
        verdict = verdicts.get(key)
        if verdict is None:
            categories = self.facts.categories.get(ex.slug, frozenset())
            verdict = bool(ex.primary and ex.equipment) and not categories & NEVER and not (
                PLYOMETRIC in categories and not key[1]) and not ex.words & STRETCH_WORDS
            verdicts[key] = verdict
        return verdict

    def frequency_max(self, slug: str) -> int:
        stated = self.facts.frequency.get(slug)
        if stated is not None:
            return stated[1]
        assert self.default is not None and self.default.frequency is not None
        return self.default.frequency[1]

    # -- choosing ----------------------------------------------------------------------------

    def static_score(self, ex: Exercise, slot: Slot) -> float:
        """The part of the slot score that depends on the graph only (see the module
        docstring): reference lift, movement pattern, compound, likeness to the first
        reference lift."""
        value = 0.0
        if ex.slug in slot.anchors:
            value += 3 - 0.25 * slot.anchors.index(ex.slug)
        if ex.pattern is not None and ex.pattern in slot.patterns:
            first = ex.pattern == slot.patterns[0]
            value += (2.0 if first else 1.0) * (0.75 if ex.pattern_inferred else 1.0)
        if ex.mechanic == "compound" and slot.compound:
            value += 0.5
        anchor = self.engine.exercises.get(slot.anchors[0]) if slot.anchors else None
        if anchor is not None and anchor.slug != ex.slug:
            if anchor.words and ex.words:
                value += 1.5 * len(anchor.words & ex.words) / len(anchor.words | ex.words)
            if ex.slug in anchor.curated or ex.slug in anchor.variations:
                value += 1
        return value

    def ranked(self, slot: Slot) -> list[tuple[float, float, Exercise]]:
        """(upper bound, static score, exercise) of every exercise working the slot's group as
        a prime mover, highest bound first: built once per graph generation. The bound adds
        the most the request and the day can add (own programming +1, one per other major
        group it moves), so a scan can stop once the bound is below the best score found."""
        key = f"ranked:{slot.name}:{slot.area}"
        found: list[tuple[float, float, Exercise]] | None = self.facts.derived.get(key)
        if found is None:
            slugs: set[str] = set()
            for group in slot.groups:
                slugs |= self.engine.by_group.get(group, frozenset())
            found = []
            for slug in sorted(slugs):
                ex = self.engine.exercises[slug]
                static = self.static_score(ex, slot)
                found.append((static + 1 + len(ex.primary & MAJOR_GROUPS), static, ex))
            found.sort(key=lambda t: -t[0])
            self.facts.derived[key] = found
        return found

    def score(self, ex: Exercise, static: float, slot: Slot, day_groups: set[str],
              covered: set[str]) -> float:
        """The slot score of ex on a day: static part plus the request's and the day's."""
        value = static
        for area, (_label, groups, _slot) in MAJOR.items():
            if area != slot.area and area not in covered and set(groups) & ex.primary \
                    and set(groups) & day_groups:
                value += 1
        if (ex.slug, self.goal) in self.facts.programming:
            value += 1
        value += len(ex.primary & self.request.emphasise)
        value -= len(ex.primary & MAJOR_GROUPS - day_groups)
        return value

    def choose(self, slot: Slot, day: Day, day_groups: set[str], covered: set[str]
               ) -> Exercise | None:
        """The best candidate for slot on day, or None."""
        used = {item.exercise.slug for item in day.items}

        def fits(ex: Exercise) -> bool:
            return ex.slug not in used and self.counts[ex.slug] < self.frequency_max(ex.slug)

        earlier = self.picks.get(slot.name)
        if earlier is not None and fits(self.engine.exercises[earlier]):
            return self.engine.exercises[earlier]
        extra = len(self.request.emphasise)
        best = -math.inf
        equal: list[Exercise] = []
        for bound, static, ex in self.ranked(slot):
            if bound + extra < best:
                break
            if not self._fits(ex) or not fits(ex):
                continue
            value = round(self.score(ex, static, slot, day_groups, covered), 6)
            if value > best:
                best, equal = value, [ex]
            elif value == best:
                equal.append(ex)
        if not equal:
            return None
        equal.sort(key=lambda ex: (ex.name.lower(), ex.slug))
        if self.rng is not None and len(equal) > 1:
            return self.rng.choice(equal)
        return equal[0]

    # -- explaining --------------------------------------------------------------------------

    def _label(self, slug: str) -> str:
        return self.labels.get(slug, slug.replace("-", " ")).lower()

    def _join(self, slugs: Sequence[str]) -> str:
        words = [self._label(s) for s in slugs]
        return " and ".join(words) if len(words) <= 2 else \
            ", ".join(words[:-1]) + " and " + words[-1]

    def _levels(self, ex: Exercise) -> str:
        return "/".join(lv for lv in ("low", "moderate", "high") if lv in ex.levels) or "unknown"

    def equipment_words(self, ex: Exercise) -> str:
        """How ex fits the equipment, naming the lifter's kind that meets each need."""
        if ex.equipment <= {"bodyweight"}:
            return "needs no equipment"
        parts = []
        for kind in sorted(ex.equipment - {"bodyweight"}):
            if kind in self.request.equipment:
                parts.append(self._label(kind))
            else:
                mine = sorted(self.engine.below.get(kind, frozenset()) & self.request.equipment)
                parts.append(f"{self._label(kind)} (your {self._join(mine)})" if mine
                             else self._label(kind))
        return f"needs {', '.join(parts)}: in your equipment"

    def reasons(self, ex: Exercise, slot: Slot, guideline: Guideline) -> list[str]:
        """Why ex is in slot, in words."""
        out = []
        worked = [g for g in sorted(ex.primary) if g in slot.groups]
        also = sorted(ex.primary - set(slot.groups))
        text = f"{slot.label} slot: works the {self._join(worked)} as a prime mover"
        if also:
            text += f", and the {self._join(also)}"
        out.append(text)
        if ex.secondary:
            out.append(f"secondary movers: {self._join(sorted(ex.secondary))}")
        if ex.pattern:
            inferred = " (inferred)" if ex.pattern_inferred else ""
            out.append(f"movement pattern: {self._label(ex.pattern)}{inferred}")
        out.append(self.equipment_words(ex) + (" (inferred from its name)"
                                                if ex.equipment_inferred else ""))
        stated = self.facts.beginner.get(ex.slug)
        estimated = " (estimated)" if ex.difficulty_estimated else ""
        level = f"difficulty {self._levels(ex)}{estimated}"
        if stated is not None and stated.value == "true":
            level += "; suitable for beginners per " + (stated.source.label if stated.source
                                                        else "the graph")
        out.append(f"{level}: fits a {self.request.level}")
        if slot.anchors and ex.slug == slot.anchors[0]:
            out.append("the slot's first reference lift")
        elif ex.slug in slot.anchors:
            out.append("one of the slot's reference lifts")
        emphasised = sorted(ex.primary & self.request.emphasise)
        if emphasised:
            out.append(f"works the {self._join(emphasised)}, which you emphasise")
        source = guideline.source.label if guideline.source else "the graph"
        if guideline.kind == "exercise":
            out.append(f"numbers: its own {self.facts.goals[self.goal].label.lower()} "
                       f"programming ({source})")
        else:
            out.append(f"numbers: the {self.facts.goals[self.goal].label.lower()} default "
                       f"({source}): the graph has no programming of its own for it")
        return out

    def substitution(self, ex: Exercise, slot: Slot) -> Substitution | None:
        """What ex stands in for, when the slot's first reference lift is not it."""
        if not slot.anchors or ex.slug == slot.anchors[0]:
            return None
        anchor = self.engine.exercises.get(slot.anchors[0])
        if anchor is None:
            return None
        because = self.why_not(anchor) or (
            "used as often as its weekly frequency allows"
            if self.counts[anchor.slug] >= self.frequency_max(anchor.slug)
            else "ranked lower for this slot")
        return Substitution(anchor, because, tuple(self.pair_reasons(anchor, ex)))

    def pair_reasons(self, anchor: Exercise, ex: Exercise) -> list[str]:
        """How ex relates to the lift it stands in for, from the engine's facts of both."""
        out = []
        if ex.slug in anchor.curated:
            family = anchor.curated[ex.slug]
            where = (f"the article on {family.removeprefix('article-').replace('-', ' ')}"
                     if family.startswith("article-") else "the curated data")
            out.append(f"listed as an alternative to {anchor.name} by {where}")
        elif ex.slug in anchor.variations:
            out.append(f"a variation of {anchor.name} in the same wger group")
        shared = sorted(anchor.primary & ex.primary)
        if shared:
            out.append(f"works the {self._join(shared)} as a prime mover, like {anchor.name}")
        if anchor.pattern is not None and anchor.pattern == ex.pattern:
            out.append(f"same {self._label(ex.pattern)} pattern")
        if anchor.equipment != ex.equipment:
            theirs = self._join(sorted(anchor.equipment)) or "unknown equipment"
            out.append(f"{self.equipment_words(ex).split(':')[0]} instead of {theirs}")
        return out

    # -- numbers -------------------------------------------------------------------------------

    def guideline(self, ex: Exercise) -> Guideline:
        own = self.facts.programming.get((ex.slug, self.goal))
        assert self.default is not None
        return own if own is not None else self.default

    def sets_for(self, ex: Exercise, guideline: Guideline) -> int:
        low, high = guideline.sets
        if ex.primary & self.request.emphasise:
            return high
        return {"beginner": low, "intermediate": (low + high) // 2, "advanced": high}[
            self.request.level]

    def add(self, day: Day, ex: Exercise, slot: Slot, *, included: bool = False) -> Item:
        guideline = self.guideline(ex)
        reasons = self.reasons(ex, slot, guideline)
        if included:
            reasons.insert(0, "you asked to include it")
        item = Item(ex, slot, guideline, self.sets_for(ex, guideline), reasons,
                    None if included else self.substitution(ex, slot), included)
        day.items.append(item)
        self.counts[ex.slug] += 1
        self.picks.setdefault(slot.name, ex.slug)
        return item

    # -- the plan ------------------------------------------------------------------------------

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
        self.balance(days)
        if r.session_minutes is not None:
            for day in days:
                self.fit_time(day)
        self.repair(days)
        coverage = self.coverage(days)
        plan = Plan(r, self.facts.goals[self.goal], split, days, self.weekly_sets(days),
                    coverage, self.progressions(days), self.frequencies(days), self.notes,
                    self.labels)
        return plan

    def day_groups(self, day: Day) -> set[str]:
        return {g for name in DAY_KINDS[day.kind][1] for g in SLOTS[name].groups}

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
        for slot in SLOTS.values():
            if not slot.optional and set(slot.groups) & ex.primary and ex.pattern in slot.patterns:
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
            if not slot.optional and slot.area in covered:
                continue
            if set(slot.groups) <= self.request.avoid:
                continue
            if slot.optional and any(item.slot.name == name for item in day.items):
                continue
            ex = self.choose(slot, day, groups, covered)
            if ex is not None:
                self.add(day, ex, slot)
            elif slot.optional:
                self.notes.append(f"Day {day.index}: no exercise for the optional "
                                  f"{slot.label.lower()} slot fits the request")

    def weekly_sets(self, days: Iterable[Day]) -> dict[str, tuple[float, float, int]]:
        primary: Counter[str] = Counter()
        secondary: Counter[str] = Counter()
        sessions: dict[str, set[int]] = {}
        for day in days:
            for item in day.items:
                for group in item.exercise.primary:
                    primary[group] += item.sets
                    sessions.setdefault(group, set()).add(day.index)
                for group in item.exercise.secondary:
                    secondary[group] += item.sets
        groups = sorted(set(primary) | set(secondary))
        return {g: (float(primary[g]), secondary[g] * 0.5, len(sessions.get(g, ())))
                for g in groups}

    def area_sets(self, days: list[Day]) -> dict[str, float]:
        weekly = self.weekly_sets(days)
        return {a: max((weekly[g][0] + weekly[g][1] for g in MAJOR[a][1] if g in weekly),
                       default=0.0) for a in self.needed_areas()}

    def balance(self, days: list[Day]) -> None:
        sets = self.area_sets(days)
        if len(sets) < 2:
            return
        middle = statistics.median(sets.values())
        for area, value in sorted(sets.items()):
            if value >= middle / 2:
                continue
            raised = False
            for day in days:
                for item in day.items:
                    if set(MAJOR[area][1]) & item.exercise.primary and \
                            item.sets < item.guideline.sets[1]:
                        item.sets += 1
                        raised = True
            if raised:
                self.notes.append(f"One more set for the {MAJOR[area][0]}: its weekly sets "
                                  f"({value:g}) were under half the median of the major groups "
                                  f"({middle:g})")

    def fit_time(self, day: Day) -> None:
        limit = self.request.session_minutes
        assert limit is not None
        while day.minutes > limit:
            extras = [i for i in day.items if i.slot.optional and not i.included]
            if extras:
                self.drop(day, extras[-1], f"the optional {extras[-1].slot.label.lower()} slot")
                continue
            above = [i for i in day.items if i.sets > i.guideline.sets[0]]
            if above:
                for item in above:
                    item.sets = item.guideline.sets[0]
                self.notes.append(f"Day {day.index}: minimum sets to fit {limit} minutes")
                continue
            if len(day.items) <= 1:
                only = day.items[0].minutes if day.items else 0
                raise BadRequest(f"parameter 'session_minutes': {limit} minutes is shorter than "
                                 f"one exercise of Day {day.index} (about {math.ceil(only)} "
                                 "minutes)")
            self.drop(day, day.items[-1], f"{day.items[-1].exercise.name}")

    def drop(self, day: Day, item: Item, what: str) -> None:
        day.items.remove(item)
        self.counts[item.exercise.slug] -= 1
        self.notes.append(f"Day {day.index}: left out {what} to fit "
                          f"{self.request.session_minutes} minutes")

    def repair(self, days: list[Day]) -> None:
        """Add an exercise where a needed or emphasised group has fewer than two sessions a
        week (an emphasised group outside the major ones gets a slot of its own)."""
        want = min(2, len(days))
        majors = {g for _l, groups, _s in MAJOR.values() for g in groups}
        extras = [g for g in sorted(self.request.emphasise) if g not in majors]
        for area in [*self.needed_areas(), *extras]:
            slot = SLOTS[MAJOR[area][2]] if area in MAJOR else Slot(
                f"extra-{area}", self._label(area).capitalize(), area, ("Isolation",), (),
                compound=False)
            label = MAJOR[area][0] if area in MAJOR else self._label(area)
            groups = set(slot.groups)
            have = [d for d in days if any(groups & i.exercise.primary for i in d.items)]
            for day in sorted((d for d in days if d not in have),
                              key=lambda d: (len(d.items), d.index)):
                if len(have) >= want:
                    break
                ex = self.choose(slot, day, self.day_groups(day) | groups, day.areas())
                if ex is None:
                    continue
                item = self.add(day, ex, slot)
                if self.request.session_minutes is not None and \
                        day.minutes > self.request.session_minutes:
                    day.items.remove(item)
                    self.counts[ex.slug] -= 1
                    continue
                item.reasons.insert(0, f"added so the {label} get two sessions a week")
                have.append(day)

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
                out[slug] = Progression(
                    rule, source, own is not None, None if own else self.default.increase,
                    progression_weeks(item.sets, item.guideline.reps, self.request.weeks))
        return out


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


def build_plan(engine: Engine, facts: PlanFacts, request: PlanRequest) -> Plan:
    """The plan for request. Raises BadRequest naming what is missing when no exercise of the
    request can train a needed muscle group, or when an included exercise or the session length
    cannot fit."""
    return Builder(engine, facts, request).build()
