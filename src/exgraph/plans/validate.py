"""The rules a coach checks a plan against, each named, each a function of the built plan and the
graph's facts. :func:`validate` returns every broken rule; the builder tunes its week until none
is broken, and a request it cannot tune that far is a 400 naming the rule and why
(:class:`PlanRuleError`).

The rules (:data:`RULES`), with where their numbers come from:

- ``session-length``: no session over the request's ``session_minutes``, by default
  :data:`~exgraph.plans.model.DEFAULT_SESSION_MINUTES` (75): the estimate of
  :attr:`~exgraph.plans.model.Item.minutes`.
- ``main-lifts``: at most :data:`~exgraph.plans.model.MAIN_PER_DAY` main lifts a day, each a
  multi-joint exercise in a multi-joint slot (ACSM 2009: large, multi-joint lifts first).
- ``accessory-reps``: accessories and single-joint work get 8 repetitions or more (up to 15, or
  the goal's top when it is higher), even in a strength or power plan (NSCA Essentials 2016:
  assistance exercises no heavier than an 8RM; the graph's goal:strength/accessory-programming).
- ``beginner-loads``: a beginner's strength plan starts at moderate loads, never under 6
  repetitions (ACSM 2009: novices start at 8-12RM; goal:strength/beginner-programming).
- ``weekly-sets``: the weekly sets of every large major group (chest, back, shoulders,
  quadriceps, hamstrings, glutes) at least the goal's minimum for the level, and of every major
  group at most its maximum, a secondary mover's set counted as the guideline's weight (0.5):
  the graph's exg:weeklyVolume (Schoenfeld et al. 2017, Ralston et al. 2017, ACSM 2009). A
  one-day week is held to the maximum only.
- ``push-pull`` and ``knee-hip``: pushing and pulling sets, and knee- and hip-dominant sets,
  within 1:1 +/- 25 % (the smaller at least 75 % of the larger).
- ``level-choice``: an intermediate or advanced lifter who has a barbell or a squatting machine
  squats with it (not only a goblet or bodyweight squat).
- ``equipment``: every exercise needs only what the request has: its stated equipment and what
  its name implies (a bench press needs a bench, a pull-up a bar: :func:`implied_needs`).
- ``slot-movement``: a push or pull slot holds that movement (an inverted row is no vertical
  pull): :func:`direction`.
- ``one-name``: no exercise twice under two names (:func:`same_exercise`).
- ``strength-only``: no stretch, rolling, mobility or cardio drill unless asked for by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from exgraph.errors import BadRequest
from exgraph.plans.model import (
    DEFAULT_SESSION_MINUTES,
    LARGE,
    MAIN_PER_DAY,
    MAJOR,
    Item,
    Plan,
    area_sets,
)
from exgraph.plans.plan_facts import PlanFacts
from exgraph.queries.substitutes import Engine, Exercise

RULES: dict[str, str] = {
    "session-length": "every session within its length (75 minutes unless asked)",
    "main-lifts": "a few multi-joint main lifts a day, the rest accessories",
    "accessory-reps": "accessories and single-joint work at 8 or more repetitions",
    "beginner-loads": "a beginner's strength plan at moderate loads (6 or more repetitions)",
    "weekly-sets": "weekly sets per major muscle group inside the goal's range for the level",
    "push-pull": "pushing and pulling sets within 1:1 +/- 25 %",
    "knee-hip": "knee- and hip-dominant sets within 1:1 +/- 25 %",
    "level-choice": "an intermediate or advanced lifter with a barbell or machine squats with it",
    "equipment": "nothing beyond the equipment asked for, stated or implied by the name",
    "slot-movement": "each push or pull slot holds that movement",
    "one-name": "no exercise twice under two names",
    "strength-only": "no stretch, rolling, mobility or cardio drill unless asked for",
}
#: The smaller side of a balance at least this share of the larger (1:1 +/- 25 %).
BALANCE = 0.75
#: Accessories: at least 8 repetitions, at most 15 (or the goal's own top when higher).
ACCESSORY_REPS = (8, 15)
#: The fewest repetitions of a beginner's sets where the goal's loads are heavy.
BEGINNER_REPS_MIN = 6
HEAVY_GOALS = frozenset({"strength"})
#: Equipment a squat is "loaded" with for rule level-choice.
SQUAT_LOADS = frozenset({"barbell", "smith-machine", "leg-press-machine", "hack-squat-machine",
                         "belt-squat-machine", "machine", "trap-bar"})
#: activityKind local names and dataset categories that are not strength training.
NOT_STRENGTH_KINDS = frozenset({"Stretching", "SelfMyofascialRelease", "MobilityDrill", "Cardio"})
NOT_STRENGTH_CATEGORIES = frozenset({"stretching", "cardio"})
NOT_STRENGTH_WORDS = re.compile(
    r"\b(stretch\w*|estiramiento|foam|roll(?:ing|er)|smr|mobility|walking|running|jogging|"
    r"treadmill|elliptical|cycling|bike|jump rope|skipping)\b")

# Names of one exercise: (pattern, the name every one of them stands for).
_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name) for p, name in (
        (r"\baustralian (pull ?ups?|chin ?ups?|rows?)\b|\bbody ?weight rows?\b|\bbody rows?\b|"
         r"\bsupine rows?\b|\binverted rows?\b|\btable rows?\b", "inverted row"),
        (r"\bpush ?ups?\b|\bpress ?ups?\b", "push up"),
        (r"\bbench ?press(es)?\b", "bench press"),
        (r"\bpull ?ups?\b", "pull up"),
        (r"\bchin ?ups?\b", "chin up"),
        (r"\bsit ?ups?\b", "sit up"),
    ))
# What a name implies the lifter needs, beyond its stated equipment: (pattern, any of these).
_IMPLIED: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(p), frozenset(kinds)) for p, kinds in (
        # a floor press lies on the floor, not on a bench
        (r"^(?!.*\bfloor\b).*\bbench\b(?! ?less)", ("bench",)),
        (r"\bincline\b(?!.*\bpush up\b)", ("incline-bench",)),
        (r"\bdecline\b(?!.*\bpush up\b)", ("decline-bench", "bench")),
        (r"\bpreacher\b", ("preacher-bench", "preacher-curl-machine")),
        (r"\bhip thrusts?\b|\bstep ?ups?\b", ("bench", "plyo-box")),
        (r"^(?!inverted row).*\b(pull up|chin up|hanging|muscle ?ups?)\b",
         ("pull-up-bar", "gymnastic-rings", "assisted-pull-up-machine")),
        # dips off a chair or the floor need the furniture a bodyweight plan assumes
        (r"^(?!.*\b(chair|floor)\b).*\bdips?\b",
         ("dip-station", "bench", "parallettes", "gymnastic-rings")),
        (r"\bbox\b", ("plyo-box", "bench")),
        (r"\brings?\b", ("gymnastic-rings",)),
        (r"\btrx\b|\bsuspension\b", ("suspension-trainer", "gymnastic-rings")),
        (r"\bcable\b|\bpulley\b", ("cable-station",)),
        # a band pulldown hangs its band from a door anchor or a bar: the band is the machine
        (r"\bpull ?down\b", ("cable-station", "resistance-band")),
        (r"\bsmith\b", ("smith-machine",)),
        (r"\bmachine\b|\bleverage\b|\blever\b", ("machine",)),
        (r"\bbarbell\b", ("barbell",)),
        (r"\bdumbbell\b", ("dumbbell",)),
        (r"\bkettlebell\b", ("kettlebell",)),
        (r"\bbands?\b|\bbanded\b", ("resistance-band",)),
    ))
_HAND_WEIGHTS = frozenset({"dumbbell", "kettlebell"})
_PUSH = frozenset({"HorizontalPush", "VerticalPush"})
_PULL = frozenset({"HorizontalPull", "VerticalPull"})
SLOT_DIRECTIONS = {"horizontal-push": "HorizontalPush", "vertical-push": "VerticalPush",
                    "horizontal-pull": "HorizontalPull", "vertical-pull": "VerticalPull"}


@dataclass(frozen=True)
class Violation:
    """A broken rule: its name and why, in words."""

    rule: str
    why: str

    def __str__(self) -> str:
        return f"plan rule '{self.rule}' ({RULES[self.rule]}): {self.why}"


class PlanRuleError(BadRequest):
    """A request whose plan would break a rule the builder cannot tune away (a 400)."""

    def __init__(self, violations: Iterable[Violation], remedy: str = "") -> None:
        self.violations = list(dict.fromkeys(violations))
        self.remedy = remedy
        super().__init__("no plan for this request keeps to every rule: "
                         + "; ".join(str(v) for v in self.violations)
                         + (f". {remedy}" if remedy else ""))


@lru_cache(maxsize=1 << 16)
def plain_name(name: str) -> str:
    """A name lower-cased, hyphens and punctuation as spaces, synonyms folded to one name."""
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())
    for pattern, canonical in _SYNONYMS:
        text = pattern.sub(canonical, text)
    return " ".join(w.removesuffix("s") if len(w) > 3 else w for w in text.split())


def implied_needs(ex: Exercise) -> tuple[frozenset[str], ...]:
    """Equipment ex's name implies beyond its stated equipment, as alternatives (any one of a
    group will do): a bench press needs a bench, a pull-up a bar or rings."""
    name = plain_name(ex.name)
    return tuple(kinds for pattern, kinds in _IMPLIED
                 if pattern.search(name) and not kinds & (ex.equipment | ex.needs))


def direction(ex: Exercise) -> str | None:
    """The push or pull movement of ex, its name first (the datasets' inferred patterns call an
    inverted row a vertical pull), then its movement pattern."""
    return _direction(ex.name, ex.pattern)


_BY_NAME = tuple((re.compile(p), moved) for p, moved in (
    (r"\binverted row\b|\brow(ing)?\b", "HorizontalPull"),
    (r"\bpull ?down\b|\bpull up\b|\bchin up\b", "VerticalPull"),
    (r"\bpush up\b|\bbench press\b|\bchest press\b|\bfloor press\b", "HorizontalPush"),
    (r"\boverhead\b|\bshoulder press\b|\bmilitary\b", "VerticalPush")))


@lru_cache(maxsize=1 << 16)
def _direction(name: str, pattern: str | None) -> str | None:
    plain = plain_name(name)
    for regex, moved in _BY_NAME:
        if regex.search(plain):
            return moved
    return pattern if pattern in _PUSH | _PULL else None


def same_exercise(a: Exercise, b: Exercise) -> bool:
    """Whether a and b are one exercise under two names: the same plain name, or the same prime
    movers and movement with one name's words inside the other's and the same equipment, or
    the same name but for a dumbbell or kettlebell."""
    if a.slug == b.slug:
        return True
    na, nb = plain_name(a.name), plain_name(b.name)
    if na == nb:
        return True
    if a.primary != b.primary or a.pattern != b.pattern or direction(a) != direction(b):
        return False
    wa, wb = set(na.split()), set(nb.split())
    if (wa <= wb or wb <= wa) and a.equipment == b.equipment:
        return True
    # a dumbbell and a kettlebell load the same exercise (a goblet squat is a goblet squat)
    free = a.equipment ^ b.equipment
    return bool(free) and free <= _HAND_WEIGHTS and wa - _HAND_WEIGHTS == wb - _HAND_WEIGHTS


def not_strength(ex: Exercise, facts: PlanFacts) -> str | None:
    """Why ex is no strength exercise (a stretch, rolling, mobility or cardio drill), or None:
    exg:activityKind when the graph has it, else the dataset category and the name."""
    kinds = facts.kinds.get(ex.slug)
    if kinds:
        other = sorted(kinds & NOT_STRENGTH_KINDS)
        return f"its activity kind is {other[0]}" if other else None
    categories = facts.categories.get(ex.slug, frozenset()) & NOT_STRENGTH_CATEGORIES
    if categories:
        return f"a {sorted(categories)[0]} exercise"
    match = NOT_STRENGTH_WORDS.search(plain_name(ex.name))
    return f"a {match.group(0)} drill by its name" if match else None


def had_kinds(engine: Engine, equipment: Iterable[str]) -> frozenset[str]:
    """Every kind the request has: each listed kind and everything above it (skos:broader*)."""
    out = {"bodyweight"}
    for kind in equipment:
        out |= engine.taxonomy.get(kind, frozenset({kind}))
    return frozenset(out)


def _items(plan: Plan) -> list[tuple[int, Item]]:
    return [(day.index, item) for day in plan.days for item in day.items]


def _session_length(plan: Plan) -> list[Violation]:
    limit = plan.request.session_minutes or DEFAULT_SESSION_MINUTES
    return [Violation("session-length", f"Day {d.index} takes about {round(d.minutes)} minutes, "
                      f"over {limit}") for d in plan.days if d.minutes > limit + 1e-9]


def _roles(plan: Plan, default_reps_max: int) -> list[Violation]:
    out = []
    low, high = ACCESSORY_REPS[0], max(ACCESSORY_REPS[1], default_reps_max)
    for day in plan.days:
        mains = [i for i in day.items if i.role == "main"]
        if len(mains) > MAIN_PER_DAY:
            out.append(Violation("main-lifts", f"Day {day.index} has {len(mains)} main lifts, "
                                 f"more than {MAIN_PER_DAY}"))
        for item in mains:
            if item.exercise.mechanic == "isolation" or not item.slot.compound:
                out.append(Violation("main-lifts", f"{item.exercise.name} is single-joint work "
                                     "numbered as a main lift"))
        for item in day.items:
            reps = item.guideline.reps
            if item.role != "main" and (reps[0] < low or reps[1] > high):
                out.append(Violation("accessory-reps", f"{item.exercise.name} (an accessory) "
                                     f"gets {reps[0]}-{reps[1]} repetitions, outside {low}-{high}"))
    return out


def _beginner(plan: Plan) -> list[Violation]:
    r = plan.request
    if r.level != "beginner" or r.goal not in HEAVY_GOALS:
        return []
    return [Violation("beginner-loads", f"{item.exercise.name} gets {item.guideline.reps[0]} "
                      f"repetitions, under a beginner's {BEGINNER_REPS_MIN}")
            for _d, item in _items(plan) if item.guideline.reps[0] < BEGINNER_REPS_MIN]


def _weekly(plan: Plan, facts: PlanFacts) -> list[Violation]:
    r = plan.request
    volume = facts.volume.get((r.goal, r.level))
    if volume is None:
        return [Violation("weekly-sets", f"the graph has no weekly volume for {r.goal} at "
                          f"{r.level} level")]
    low, high = volume.sets
    source = volume.source.label if volume.source else "the graph"
    out = []
    for area, value in area_sets(plan.days, volume.secondary).items():
        label, groups, _slot = MAJOR[area]
        if set(groups) <= r.avoid:
            continue
        if value > high:
            out.append(Violation("weekly-sets", f"the {label} get {value:g} weekly sets, over "
                                 f"{high} ({source})"))
        elif area in LARGE and value < low and len(plan.days) > 1:
            out.append(Violation("weekly-sets", f"the {label} get {value:g} weekly sets, under "
                                 f"{low} ({source})"))
    return out


def side(ex: Exercise, pair: str) -> str | None:
    """Which side of a balance ("push-pull" or "knee-hip") ex counts for, or None (remembered
    by name, pattern and prime movers: the builder's fill-out asks it millions of times)."""
    return _side(ex.name, ex.pattern, ex.primary, pair)


@lru_cache(maxsize=1 << 16)
def _side(name: str, pattern: str | None, primary: frozenset[str], pair: str) -> str | None:
    if pair == "push-pull":
        moved = _direction(name, pattern)
        if moved is None and pattern == "Isolation":
            if primary & {"chest"}:
                return "push"
            if primary & {"lats", "middle-back"}:
                return "pull"
        return "push" if moved in _PUSH else "pull" if moved in _PULL else None
    if pattern in ("Squat", "Lunge"):
        return "knee"
    if pattern == "HipHinge":
        return "hip"
    if pattern == "Isolation" and primary <= {"quadriceps"} and primary:
        return "knee"
    if pattern == "Isolation" and primary and primary <= {"hamstrings", "glutes"}:
        return "hip"
    return None


def balance(plan_days: Iterable[Iterable[Item]], pair: str) -> dict[str, int]:
    """Weekly sets on each side of a balance."""
    sides = ("push", "pull") if pair == "push-pull" else ("knee", "hip")
    out = dict.fromkeys(sides, 0)
    for items in plan_days:
        for item in items:
            found = side(item.exercise, pair)
            if found is not None:
                out[found] += item.sets
    return out


def _balances(plan: Plan) -> list[Violation]:
    out = []
    for pair in ("push-pull", "knee-hip"):
        sets = balance((d.items for d in plan.days), pair)
        (a, x), (b, y) = sets.items()
        if max(x, y) and min(x, y) < BALANCE * max(x, y):
            out.append(Violation(pair, f"{a} {x} to {b} {y} weekly sets"))
    return out


def _level_choice(plan: Plan, engine: Engine) -> list[Violation]:
    r = plan.request
    if r.level == "beginner" or {"quadriceps"} <= r.avoid:
        return []
    loads = SQUAT_LOADS & set(r.equipment)
    if not loads:
        return []
    squats = [i.exercise for _d, i in _items(plan) if i.exercise.pattern == "Squat"]
    if any(ex.equipment & SQUAT_LOADS for ex in squats):
        return []
    names = ", ".join(sorted({ex.name for ex in squats})) or "no squat"
    return [Violation("level-choice", f"an {r.level} lifter with {', '.join(sorted(loads))} "
                      f"squats only with {names}")]


def _equipment(plan: Plan, engine: Engine) -> list[Violation]:
    had = had_kinds(engine, plan.request.equipment)
    out = []
    for ex in plan.exercises():
        missing = sorted(ex.equipment - had)
        implied = [sorted(kinds) for kinds in implied_needs(ex) if not kinds & had]
        if missing:
            out.append(Violation("equipment", f"{ex.name} needs {', '.join(missing)}"))
        elif implied:
            out.append(Violation("equipment", f"{ex.name} needs {' or '.join(implied[0])} "
                                 "by its name"))
    return out


def _slots(plan: Plan) -> list[Violation]:
    out = []
    for _d, item in _items(plan):
        want = SLOT_DIRECTIONS.get(item.slot.name)
        if want is not None and direction(item.exercise) != want:
            moved = direction(item.exercise) or item.exercise.pattern or "no known movement"
            out.append(Violation("slot-movement", f"{item.exercise.name} ({moved}) fills the "
                                 f"{item.slot.label.lower()} slot"))
    return out


def _one_name(plan: Plan) -> list[Violation]:
    out = []
    exercises = plan.exercises()
    for i, a in enumerate(exercises):
        for b in exercises[i + 1:]:
            if same_exercise(a, b):
                out.append(Violation("one-name", f"{a.name} and {b.name} are one exercise"))
    return out


def _strength_only(plan: Plan, facts: PlanFacts) -> list[Violation]:
    out = []
    for _d, item in _items(plan):
        why = None if item.included else not_strength(item.exercise, facts)
        if why is not None:
            out.append(Violation("strength-only", f"{item.exercise.name}: {why}"))
    return out


def validate(plan: Plan, facts: PlanFacts, engine: Engine) -> list[Violation]:
    """Every rule of :data:`RULES` plan breaks (empty: a plan a coach would sign)."""
    default = facts.defaults[plan.request.goal]
    return [*_session_length(plan), *_roles(plan, default.reps[1]), *_beginner(plan),
            *_weekly(plan, facts), *_balances(plan), *_level_choice(plan, engine),
            *_equipment(plan, engine), *_slots(plan), *_one_name(plan),
            *_strength_only(plan, facts)]
