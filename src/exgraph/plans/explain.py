"""Explaining and numbering a plan's picks: why each exercise is in its slot, what it stands in
for, which guideline gives its numbers (own, level- or role-specific, or the goal's default) and
how many sets.
"""

from __future__ import annotations

from dataclasses import replace

from exgraph.plans.choose import Chooser
from exgraph.plans.model import (
    SMALL_GROUPS,
    Day,
    Item,
    Slot,
    Substitution,
)
from exgraph.plans.plan_facts import Guideline
from exgraph.plans.validate import (
    ACCESSORY_REPS,
    BEGINNER_REPS_MIN,
    HEAVY_GOALS,
)
from exgraph.queries.substitutes import Exercise


class Explainer(Chooser):
    """Numbers and reasons of the picks."""

    # -- explaining --------------------------------------------------------------------------

    def _role_words(self, guideline: Guideline) -> str:
        role = next((k[2] for k, g in self.facts.specific.items() if g is guideline), None)
        return {"main": "main lifts", "accessory": "accessories"}.get(role or "", "lifts")

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
        if guideline.kind == "goal-specific":
            out.append(f"numbers: the {self.facts.goals[self.goal].label.lower()} programming "
                       f"for {self.request.level} lifters' {self._role_words(guideline)} "
                       f"({source})")
        elif guideline.kind == "exercise":
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

    def fits_role(self, guideline: Guideline, role: str) -> bool:
        """Whether guideline's reps suit role and level (rules accessory-reps, beginner-loads)."""
        assert self.default is not None
        low, high = guideline.reps
        if role != "main" and (low < ACCESSORY_REPS[0]
                               or high > max(ACCESSORY_REPS[1], self.default.reps[1])):
            return False
        return not (self.request.level == "beginner" and self.goal in HEAVY_GOALS
                    and low < BEGINNER_REPS_MIN)

    def guideline(self, ex: Exercise, role: str = "main") -> Guideline:
        """The exercise's own programming for the goal when it suits the role and level, else
        the goal's most specific programming for the level and role, else its default."""
        found = self.facts.programming.get((ex.slug, self.goal))
        if found is None or not self.fits_role(found, role):
            level = self.request.level
            found = next((self.facts.specific[key] for key in (
                (self.goal, level, role), (self.goal, None, role), (self.goal, level, None))
                if key in self.facts.specific), self.default)
        assert found is not None
        if self.brisk and found.rest:  # the short end of the source's own range
            return replace(found, rest=(found.rest[0], found.rest[0]))
        return found

    def sets_for(self, ex: Exercise, guideline: Guideline) -> int:
        """Beginner the minimum of the range, intermediate the middle (rounded down), advanced
        the maximum; an emphasised group the maximum. Arms, trunk and calves, which the compound
        lifts also work, get one step less (the minimum, or the middle for advanced)."""
        low, high = guideline.sets
        if ex.primary & self.request.emphasise:
            return high
        rank = {"beginner": 0, "intermediate": 1, "advanced": 2}[self.request.level]
        if ex.primary and ex.primary <= SMALL_GROUPS:
            rank = max(0, rank - 1)
        return (low, (low + high) // 2, high)[rank]

    def add(self, day: Day, ex: Exercise, slot: Slot, *, included: bool = False) -> Item:
        role = self.roles.get(ex.slug) if included else None
        role = role or self.role(day, ex, slot)
        self.roles.setdefault(ex.slug, role)
        guideline = self.guideline(ex, role)
        reasons = self.reasons(ex, slot, guideline)
        if included:
            reasons.insert(0, "you asked to include it")
        reasons.insert(1 if included else 0, f"{role} lift" if role == "main" else
                       "accessory: after the main lifts, at moderate loads")
        item = Item(ex, slot, guideline, self.sets_for(ex, guideline), reasons,
                    None if included else self.substitution(ex, slot), included, role)
        day.items.append(item)
        self.counts[ex.slug] += 1
        self.planned[ex.slug] = ex
        self.picks.setdefault(slot.name, ex.slug)
        return item

    def remove(self, day: Day, item: Item) -> None:
        """Take item out of day (and out of the plan when it was its last day)."""
        day.items.remove(item)
        self.counts[item.exercise.slug] -= 1
        if self.counts[item.exercise.slug] <= 0:
            self.planned.pop(item.exercise.slug, None)

    # -- the plan ------------------------------------------------------------------------------
