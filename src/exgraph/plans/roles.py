"""The role of an exercise in a plan: "main" (a multi-joint lift done first and heaviest) or
"accessory", one role per exercise all week, and whether an exercise can take a strength or
power plan's heavy main-lift sets or is fast (docs/plans.md, "What the rubric changed in the
builder"). :class:`.choose.Chooser` builds on it.
"""

from __future__ import annotations

from exgraph.plans.model import MAIN_PER_DAY, MAIN_SLOTS, Day, Slot
from exgraph.plans.plan_facts import PlanFacts
from exgraph.plans.traits import LIGHT_HOLD, band_only, body_loaded, explosive, unloaded
from exgraph.plans.validate import HEAVY_GOALS
from exgraph.queries.substitutes import Exercise


class Roles:
    """Roles of the exercises of one plan (the attributes are the chooser's)."""

    goal: str
    level_rank: int
    facts: PlanFacts
    roles: dict[str, str]  # slug -> "main" or "accessory"

    def is_fast(self, ex: Exercise) -> bool:
        """:func:`explosive` with the graph's categories of ex."""
        return explosive(ex, self.facts.categories.get(ex.slug, frozenset()))

    def same_role(self, day: Day, ex: Exercise, slot: Slot) -> bool:
        """Whether ex would have the role it has elsewhere in the plan (one exercise, one set of
        numbers and one progression a week)."""
        known = self.roles.get(ex.slug)
        return known is None or known == self.role(day, ex, slot)

    def role(self, day: Day, ex: Exercise, slot: Slot) -> str:
        """"main" for the first :data:`MAIN_PER_DAY` multi-joint lifts of a day (not stated
        isolation, a squat, lunge, hinge, push or pull pattern) in a squat, hinge, push or pull
        slot, else "accessory"."""
        mains = sum(1 for item in day.items if item.role == "main")
        if slot.name in MAIN_SLOTS and mains < MAIN_PER_DAY and ex.mechanic != "isolation" \
                and ex.pattern not in (None, "Isolation", "TrunkStability") \
                and not self.light_for_heavy_sets(ex):
            return "main"
        return "accessory"

    def light_for_heavy_sets(self, ex: Exercise) -> bool:
        """Whether ex cannot take a strength or power plan's heavy main-lift sets (3-6
        repetitions): it needs no load and its body weight is no real load (a push-up or a
        bodyweight squat is no 3-6RM), or its load is a band's tension or a weight held at the
        chest (a band press, a goblet squat: the band or the arms give out first), and in a
        power plan it is not explosive either (a jump squat at 3-6 fast repetitions is power
        work)."""
        if self.goal not in ("strength", "power") or body_loaded(ex):
            return False
        # a beginner's strength sets are 6-10 (BEGINNER_REPS_MIN): a band or a goblet hold
        # takes those
        light_load = (band_only(ex) or bool(LIGHT_HOLD.search(ex.name.lower()))) and not (
            self.goal in HEAVY_GOALS and self.level_rank == 0)
        if not unloaded(ex) and not light_load:
            return False
        return not (self.goal == "power"
                    and explosive(ex, self.facts.categories.get(ex.slug, frozenset())))
