"""What a plan is made of: the major muscle groups, the slots of a day and the kinds of day, the
splits, and the built plan's parts (items, days, weeks, progression). No graph access here; the
builder (:mod:`.build`) fills these in.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from exgraph.plans.plan_facts import Guideline, Ref
from exgraph.plans.request import PlanRequest
from exgraph.queries.substitutes import Exercise

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
#: The six large groups whose weekly sets must reach the goal's minimum (arms and trunk get much of
#: their work as secondary movers of the compound lifts, so only their maximum is checked).
LARGE = ("chest", "back", "shoulders", "quadriceps", "hamstrings", "glutes")
#: Arm, trunk and calf groups: worked by the compound lifts too, so their own exercises get fewer
#: sets and give way first when a session runs long.
SMALL_GROUPS = frozenset({"biceps", "triceps", "abdominals", "calves", "forearms"})
#: Main lifts a day at most (the rest are accessories): ACSM 2009 and NSCA put a few large,
#: multi-joint lifts first; a strength session of 75 minutes holds about two at 3-5 sets.
MAIN_PER_DAY = 2
#: The slots whose lift may be a main lift.
MAIN_SLOTS = frozenset({"squat", "hinge", "horizontal-push", "vertical-push", "horizontal-pull",
                        "vertical-pull"})
#: Longest session unless the request says otherwise.
DEFAULT_SESSION_MINUTES = 75
#: Rough timing of a set (see :attr:`Item.minutes`).
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
    quiet: bool = False  # an optional slot no exercise fits goes without a note

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
    Slot("glutes", "Glutes", "glutes", ("Lunge", "HipHinge", "Squat"),
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
    # a leg day with the machines for it curls and extends the knee as well (rule "leg days" of
    # docs/plans.md); kits without them (dumbbells, the body) skip the slots without a word
    Slot("leg-curl", "Leg curl", "hamstrings", ("Isolation",),
         ("lying-leg-curls", "seated-leg-curl", "leg-curl", "seated-band-hamstring-curl"),
         compound=False, optional=True, quiet=True),
    Slot("leg-extension", "Leg extension", "quadriceps", ("Isolation",),
         ("leg-extensions", "single-leg-leg-extension"), compound=False, optional=True,
         quiet=True),
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
    "lower": ("Lower body", ("squat", "hinge", "glutes", "leg-curl", "leg-extension", "calves",
                             "abs")),
    "push": ("Push", ("horizontal-push", "vertical-push", "incline-push", "lateral-raise",
                      "triceps")),
    "pull": ("Pull", ("vertical-pull", "horizontal-pull", "rear-delts", "biceps")),
    "legs": ("Legs", ("squat", "hinge", "glutes", "leg-curl", "leg-extension", "calves",
                      "abs")),
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
    role: str = "accessory"  # "main": a multi-joint lift done first and heaviest

    @property
    def minutes(self) -> float:
        """Estimated minutes: sets x top reps x 3 s, the middle of the rest range after every
        set (the last one's is the change to the next exercise) and a minute to set up."""
        reps_top = self.guideline.reps[1]
        rest = (sum(self.guideline.rest) / 2) if self.guideline.rest else 90
        seconds = self.sets * (reps_top * SECONDS_PER_REP + rest) + SETUP_SECONDS
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
        """The items' minutes summed over whole seconds: a sum of sixtieths in floating point
        drifts (75.00000000000001 for a full 75-minute day), and the builder and the validator
        compare it with the session's length."""
        return sum(round(item.minutes * 60) for item in self.items) / 60

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



def weekly_sets(days: Iterable[Day], secondary: float = 0.5
                ) -> dict[str, tuple[float, float, int]]:
    """Group slug -> (sets as a prime mover, ``secondary`` x sets as a secondary mover, days as a
    prime mover) over the week."""
    primary: Counter[str] = Counter()
    second: Counter[str] = Counter()
    sessions: dict[str, set[int]] = {}
    for day in days:
        for item in day.items:
            for group in item.exercise.primary:
                primary[group] += item.sets
                sessions.setdefault(group, set()).add(day.index)
            for group in item.exercise.secondary:
                second[group] += item.sets
    groups = sorted(set(primary) | set(second))
    return {g: (float(primary[g]), second[g] * secondary, len(sessions.get(g, ())))
            for g in groups}


def area_sets(days: Iterable[Day], secondary: float = 0.5) -> dict[str, float]:
    """Major area (a key of :data:`MAJOR`) -> its weekly sets; the back is the better of the
    lats and the middle back (a row counts for both when the graph says so)."""
    weekly = weekly_sets(days, secondary)
    return {a: max((weekly[g][0] + weekly[g][1] for g in groups if g in weekly), default=0.0)
            for a, (_label, groups, _slot) in MAJOR.items()}
