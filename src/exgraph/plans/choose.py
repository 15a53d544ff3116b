"""Choosing exercises for a plan: which exercises fit the request (equipment, level, kind of
exercise, implied equipment, no second name of an exercise already planned), and the best one for
a slot of a day (see the scoring in :mod:`.build`'s docstring).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

from exgraph.errors import BadRequest
from exgraph.plans.model import (
    LEVEL_RANK,
    LISTED_ONLY,
    MAIN_PER_DAY,
    MAIN_SLOTS,
    MAJOR,
    MAJOR_GROUPS,
    NEVER,
    PLYOMETRIC,
    STRETCH_WORDS,
    Day,
    Item,
    Slot,
)
from exgraph.plans.plan_facts import PlanFacts
from exgraph.plans.request import PlanRequest
from exgraph.plans.roles import Roles
from exgraph.plans.traits import (
    HIP_FLEXION,
    PARTNER,
    band_only,
    body_loaded,
    explosive,
    heavy,
    is_complex,
    redundant,
    unloaded,
)
from exgraph.plans.validate import (
    SLOT_DIRECTIONS,
    SQUAT_LOADS,
    direction,
    implied_needs,
    not_strength,
    plain_name,
    same_exercise,
)
from exgraph.queries.substitutes import Engine, Exercise, Filters

#: (upper bound of the score, static score, exercise): a ranked candidate of a slot.
Ranked = tuple[float, float, Exercise]
#: Kinds of request whose candidate verdicts are remembered per graph generation.
FIT_CACHE_REQUESTS = 256
#: Score of an exercise that needs no equipment in a slot a loaded exercise can fill, when the
#: lifter listed equipment (rule "loaded first" of docs/plans.md: a dumbbell row, not a
#: door-frame row, for a lifter with dumbbells). Large enough to put any loaded exercise of the
#: slot's movement first (the other terms differ by about 3), small enough to leave the body
#: weight its place when nothing loaded fits.
UNLOADED_PENALTY = 3.0
#: Score of a complex (two exercises in one: a curl to press, a squat and press) in a main slot
#: outside power plans: a coach loads each movement on its own, so the press slot presses.
COMPLEX_PENALTY = 3.0
#: Score of an explosive exercise (a jump, a throw, a swing, a clean) in a main slot of a power
#: plan: power is trained with fast movements, not with slow heavy sets alone (ACSM 2009).
EXPLOSIVE_BONUS = 3.0
#: Slots that hold single-joint work only.
ISOLATION_SLOTS = frozenset({"leg-curl", "leg-extension"})
#: Slots whose movement body weight alone loads as well as a coach would load it: pull-ups and
#: chin-ups lift the whole body, and the trunk slot trains with the body.
BODY_LOADED_SLOTS = frozenset({"vertical-pull", "abs"})
#: Score of a single-joint exercise filed under a multi-joint pattern in a squat, push or pull
#: slot (rule "a slot lifts"): a scapular pull-up moves the shoulder blades only and a
#: straight-arm pulldown the shoulder only, so neither is the day's vertical pull where a pull-up
#: or a pulldown fits. The hinge slot is left out: a glute bridge is a hinge with one joint moving.
DRILL_PENALTY = 2.0
#: Score of a band-only exercise in a main slot when the lifter has free weights or machines that
#: load the movement (rule "main lifts load"): a band's tension rises through the range and
#: cannot be set to a 3-6RM or raised in small steps as dumbbells, plates or a stack can.
BAND_MAIN_PENALTY = 2.0
#: Score of a fast lift (a push press, a swing, a jump: :func:`explosive`) in a plan for
#: hypertrophy, endurance or technique (rule "a dose the exercise can take"): its legs drive the
#: load past the slow part of the lift, so the sets build neither size nor the skill of the strict
#: lift; strength plans keep it (a push press moves more than a press), power plans want it.
FAST_OFF_GOAL_PENALTY = 2.0
#: Slots a fast lift takes by rule in a power week that has none yet: a jump, a swing or a
#: clean (lower-body power; elsewhere a fast lift still scores :data:`EXPLOSIVE_BONUS`).
FAST_SLOTS = frozenset({"squat", "hinge"})
#: Goals whose plans take fast lifts on their merits.
FAST_GOALS = frozenset({"power", "strength"})
class Chooser(Roles):
    """The request, the graph's facts and the choices made so far; which exercises fit and the
    best one for a slot."""

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
        self._fit_cache, self._slot_cache = self._shared_caches()
        self.exclude = request.exclude
        self.level_rank = LEVEL_RANK[request.level]
        self.planned: dict[str, Exercise] = {}  # slug -> exercise, every one in the plan
        self.dropped: set[str] = set()  # left out by a tuning step: never added back
        self.roles: dict[str, str] = {}  # slug -> "main" or "accessory", one per exercise
        self.yielded: set[str] = set()  # small groups whose exercise made room for large ones
        self.brisk = False  # rests at the short end of each range (:func:`.build.build_plan`)
        # (day, item, note) of each arm, trunk or calf accessory left out for time: put back
        # when the finished week has room (:meth:`.fill.Filler.restore`)
        self.made_room: list[tuple[Day, Item, str]] = []

    # -- words ---------------------------------------------------------------------------------

    def _label(self, slug: str) -> str:
        return self.labels.get(slug, slug.replace("-", " ")).lower()

    def _join(self, slugs: Sequence[str]) -> str:
        words = [self._label(s) for s in slugs]
        return " and ".join(words) if len(words) <= 2 else \
            ", ".join(words[:-1]) + " and " + words[-1]

    def _levels(self, ex: Exercise) -> str:
        return "/".join(lv for lv in ("low", "moderate", "high") if lv in ex.levels) or "unknown"

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
        implied = [kinds for kinds in implied_needs(ex) if not kinds & self.available]
        if implied and equipment:
            return f"needs {' or '.join(self._label(k) for k in sorted(implied[0]))} (by its name)"
        kind = not_strength(ex, self.facts)
        categories = self.facts.categories.get(ex.slug, frozenset())
        if kind is not None:
            return kind
        if PLYOMETRIC in categories and self.goal != "power":
            return "a plyometrics exercise"
        if ex.olympic and self.goal != "power":
            return "an Olympic lift (a clean, snatch or jerk): for power plans only"
        if ex.words & STRETCH_WORDS:
            return "a stretch"
        if PARTNER.search(ex.name.lower()):
            return "needs a partner to resist it"
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
        """:meth:`why_not` is None (remembered for the request: this runs for every candidate
        of every slot)."""
        verdict = self._fit_cache.get(ex.slug)
        if verdict is None:
            verdict = self._fit_cache[ex.slug] = self._fits_now(ex)
        return verdict

    def _shared_caches(self) -> tuple[dict[str, bool], dict[str, list[Ranked]]]:
        """The verdicts of :meth:`_fits` and the lists of :meth:`fitting` for requests with this
        goal, equipment, level, avoided groups and exclusions, shared by the plans of one graph
        generation (at most :data:`FIT_CACHE_REQUESTS` kinds of request are remembered)."""
        r = self.request
        key = (r.goal, r.equipment, r.level, r.avoid, r.exclude)
        caches: dict[object, tuple[dict[str, bool], dict[str, list[Ranked]]]] = \
            self.facts.derived.setdefault("fits", {})
        if key not in caches and len(caches) >= FIT_CACHE_REQUESTS:
            caches.clear()
        return caches.setdefault(key, ({}, {}))

    def _fits_now(self, ex: Exercise) -> bool:
        """:meth:`why_not` is None, the cheap tests first."""
        if not ex.equipment or not ex.equipment <= self.available or ex.slug in self.exclude:
            return False
        if ex.primary & self.request.avoid:
            return False
        if self.level_rank == 0:
            if ex.rank != 0 and ex.slug not in self.facts.beginner:
                return False
        elif ex.rank is None or ex.rank > self.level_rank:
            return False
        return self.plannable(ex) and all(kinds & self.available
                                          for kinds in self.implied(ex))

    def implied(self, ex: Exercise) -> tuple[frozenset[str], ...]:
        """:func:`implied_needs` of ex, remembered per graph generation."""
        found: dict[str, tuple[frozenset[str], ...]] = self.facts.derived.setdefault(
            "implied", {})
        if ex.slug not in found:
            found[ex.slug] = implied_needs(ex)
        return found[ex.slug]

    def plannable(self, ex: Exercise) -> bool:
        """Whether the graph lets ex into any plan for this goal (prime mover and equipment
        known, not a stretch or a drill): remembered per graph generation."""
        verdicts: dict[tuple[str, bool], bool] = self.facts.derived.setdefault("plannable", {})
        key = (ex.slug, self.goal == "power")
        verdict = verdicts.get(key)
        if verdict is None:
            categories = self.facts.categories.get(ex.slug, frozenset())
            # an Olympic lift is a skill trained for power: a clean and jerk at 8-12 repetitions
            # for hypertrophy is neither safe nor the point (rule "Olympic lifts for power")
            verdict = bool(ex.primary and ex.equipment) and not categories & NEVER and not (
                PLYOMETRIC in categories and not key[1]) and not ex.words & STRETCH_WORDS \
                and not (ex.olympic and not key[1]) and not_strength(ex, self.facts) is None \
                and not PARTNER.search(ex.name.lower())
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
        the most the request and the day can add (own programming +1, a loaded lift +2, equipment
        +1, one per other major group it moves), so a scan can stop once the bound is below the best
        score found."""
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
                found.append((static + 4 + len(ex.primary & MAJOR_GROUPS), static, ex))
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
        value += self.request_terms(ex, slot)
        value += len(ex.primary & self.request.emphasise)
        value -= len(ex.primary & MAJOR_GROUPS - day_groups)
        return value

    def choose(self, slot: Slot, day: Day, day_groups: set[str], covered: set[str]
               ) -> Exercise | None:
        """The best candidate for slot on day, or None."""
        used = {item.exercise.slug for item in day.items}
        today = [item.exercise for item in day.items]

        def fits(ex: Exercise) -> bool:
            return ex.slug not in used and self.counts[ex.slug] < self.frequency_max(ex.slug) \
                and ex.slug not in self.dropped and self.matches(ex, slot) \
                and not self.duplicate(ex) and self.same_role(day, ex, slot) \
                and not any(redundant(ex, other) for other in today)

        earlier = self.picks.get(slot.name)
        if earlier is not None and fits(self.engine.exercises[earlier]):
            return self.engine.exercises[earlier]
        # power is trained fast: an explosive lift takes a main lift's place (first, fresh, at
        # 3-6 fast repetitions), never an accessory's 8-15
        fast = self.goal == "power" and slot.name in MAIN_SLOTS and sum(
            1 for item in day.items if item.role == "main") < MAIN_PER_DAY
        # a power week's first fast lift is not outscored by a slow one (rule "power is
        # trained fast"): while the plan has none, only fast lifts compete for a main place
        fast_only = fast and slot.name in FAST_SLOTS \
            and not any(self.is_fast(ex) for ex in self.planned.values())
        extra = len(self.request.emphasise) + (EXPLOSIVE_BONUS if fast else 0.0)
        equal: list[Exercise] = []
        for only in (True, False) if fast_only else (False,):
            best = -math.inf
            for bound, static, ex in self.fitting(slot):
                if bound + extra < best:
                    break
                bonus = self.fast_bonus(ex, slot) if fast else 0.0
                if (only and not bonus) or not fits(ex):
                    continue
                value = round(self.score(ex, static, slot, day_groups, covered) + bonus, 6)
                if value > best:
                    best, equal = value, [ex]
                elif value == best:
                    equal.append(ex)
            if equal:
                break
        if not equal:
            return None
        equal.sort(key=lambda ex: (ex.name.lower(), ex.slug))
        if self.rng is not None and len(equal) > 1:
            return self.rng.choice(equal)
        return equal[0]

    def fitting(self, slot: Slot) -> list[Ranked]:
        """(upper bound, static score, exercise) of the candidates for slot that fit this kind
        of request and do the slot's movement, highest bound first; the bound is the most the
        day can add to the static score and the request's own terms of :meth:`score`. Shared
        like the verdicts of :meth:`_fits`."""
        key = f"{slot.name}:{slot.area}"
        found = self._slot_cache.get(key)
        if found is None:
            found = []
            for _bound, static, ex in self.ranked(slot):
                if self._fits(ex) and self.matches(ex, slot):
                    found.append((static + self.request_terms(ex, slot)
                                  + len(ex.primary & MAJOR_GROUPS), static, ex))
            found.sort(key=lambda t: -t[0])
            self._slot_cache[key] = found
        return found

    def request_terms(self, ex: Exercise, slot: Slot) -> float:
        """The terms of :meth:`score` that depend on the exercise and the request only."""
        value = 0.0
        if (ex.slug, self.goal) in self.facts.programming:
            value += 1
        if self.level_rank > 0 and slot.compound and ex.equipment & SQUAT_LOADS:
            value += 2
        if self.request.equipment and ex.equipment - {"bodyweight"}:
            value += 1
        categories = self.facts.categories.get(ex.slug, frozenset())
        fast = self.goal == "power" and explosive(ex, categories)
        if self.request.equipment and unloaded(ex) and slot.name not in BODY_LOADED_SLOTS \
                and not body_loaded(ex) and not fast:  # a jump squat's load is the jump
            value -= UNLOADED_PENALTY
        if slot.name in MAIN_SLOTS and self.goal != "power" and is_complex(ex):
            value -= COMPLEX_PENALTY
        value -= self.drill_terms(ex, slot)
        return value

    def drill_terms(self, ex: Exercise, slot: Slot) -> float:
        """Penalties of rules "a slot lifts", "main lifts load" and "a dose the exercise can
        take" (docs/plans.md): a single-joint drill under a multi-joint pattern in a squat,
        push or pull slot; a band-only exercise in a main slot when the lifter has free
        weights or machines; a fast lift in a plan for neither power nor strength."""
        value = 0.0
        if (slot.name in SLOT_DIRECTIONS or slot.name == "squat") \
                and ex.mechanic == "isolation" and ex.pattern not in (None, "Isolation"):
            value += DRILL_PENALTY
        if slot.name in MAIN_SLOTS and band_only(ex) and not body_loaded(ex) \
                and heavy(self.available):
            value += BAND_MAIN_PENALTY
        if self.goal not in FAST_GOALS and explosive(
                ex, self.facts.categories.get(ex.slug, frozenset())):
            value += FAST_OFF_GOAL_PENALTY
        return value

    def fast_bonus(self, ex: Exercise, slot: Slot) -> float:
        """:data:`EXPLOSIVE_BONUS` for a fast version of the slot's own movement in a main
        lift's place of a power plan (the caller checks the place), except where a trained
        lifter with a squat load must squat with it (rule level-choice)."""
        categories = self.facts.categories.get(ex.slug, frozenset())
        if explosive(ex, categories) and ex.pattern in slot.patterns and not (
                slot.name == "squat" and self.loaded_squat_expected()):
            return EXPLOSIVE_BONUS
        return 0.0

    def loaded_squat_expected(self) -> bool:
        """Whether rule level-choice asks this lifter for a loaded squat: intermediate or
        advanced, with a barbell or a squatting machine, not avoiding the quadriceps."""
        r = self.request
        return self.level_rank > 0 and bool(SQUAT_LOADS & r.equipment) \
            and "quadriceps" not in r.avoid

    def matches(self, ex: Exercise, slot: Slot) -> bool:
        """Whether ex does the movement of slot (rule slot-movement; a squat slot squats)."""
        want = SLOT_DIRECTIONS.get(slot.name)
        if want is not None:
            return direction(ex) == want
        if slot.name in ("squat", "hinge"):  # a hinge slot hinges or curls: a running drill
            # filed as a lunge is no hinge, even when it works the hamstrings and is fast
            return ex.pattern in slot.patterns
        if slot.name in ISOLATION_SLOTS:  # a leg curl curls: no hinge in the leg-curl slot,
            # and with a load (a machine, a cable, a band): no partner-resisted or Nordic curl;
            # a leg extension extends the knee: no hip flexion (the knee rises)
            return ex.pattern == "Isolation" and ex.mechanic != "compound" and not unloaded(ex) \
                and not (slot.name == "leg-extension" and HIP_FLEXION.search(plain_name(ex.name)))
        return True

    def duplicate(self, ex: Exercise) -> bool:
        """Whether the plan holds ex under another name (rule one-name)."""
        return any(other.slug != ex.slug and same_exercise(other, ex)
                   for other in self.planned.values())
