"""Tuning a filled week so a coach would sign it (the rules of :mod:`.validate`): weekly sets per
major group inside the goal's range, pushing to pulling and knee- to hip-dominant work balanced,
sessions within their length, every major group on two days.

Each step moves one way only where it can: sets go up or down within the exercise's guideline
range first; then an exercise is added (a second one for a group short of sets, one for the
smaller side of a balance) where the day has time, or an accessory is left out. The builder runs
the steps a few rounds (:data:`ROUNDS`) and then checks the rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from exgraph.errors import BadRequest
from exgraph.plans.explain import Explainer
from exgraph.plans.model import (
    DAY_KINDS,
    DEFAULT_SESSION_MINUTES,
    LARGE,
    MAIN_PER_DAY,
    MAJOR,
    SLOTS,
    SMALL_GROUPS,
    Day,
    Item,
    Slot,
    area_sets,
)
from exgraph.plans.validate import BALANCE, balance, side
from exgraph.queries.substitutes import Exercise

T = TypeVar("T")

_ANY = Exercise("", "")  # an exercise with no programming of its own
#: Rounds of volume, balance and time steps before the rules are checked.
ROUNDS = 8
#: The slots that add work to one side of a balance, in the order tried.
SIDE_SLOTS = {"push": ("horizontal-push", "vertical-push"),
              "pull": ("horizontal-pull", "vertical-pull"),
              "knee": ("squat", "lunge"), "hip": ("hinge", "glutes")}
#: A slot for knee-dominant single-leg work (split squats, lunges).
LUNGE = Slot("lunge", "Single-leg", "quadriceps", ("Lunge", "Squat"),
             ("dumbbell-lunges", "barbell-lunge", "bodyweight-walking-lunge"))


class Tuner(Explainer):
    """Volume, balance, time and coverage steps over the days."""

    @property
    def limit(self) -> int:
        return self.request.session_minutes or DEFAULT_SESSION_MINUTES

    def volume_range(self) -> tuple[int, int, float]:
        found = self.facts.volume.get((self.goal, self.request.level))
        return (found.sets[0], found.sets[1], found.secondary) if found else (0, 10**6, 0.5)

    def needed(self, area: str) -> bool:
        return not set(MAJOR[area][1]) <= self.request.avoid

    # -- weekly sets ---------------------------------------------------------------------------

    def volume(self, days: list[Day]) -> None:
        """Sets up for a large group under the goal's minimum, down for a group over its
        maximum (a week of one day is held to the maximum only)."""
        low, high, weight = self.volume_range()
        for area, value in area_sets(days, weight).items():
            if not self.needed(area):
                continue
            if value > high:
                self.lower_area(days, area, high, weight)
            elif area in LARGE and value < low and len(days) > 1:
                self.raise_area(days, area, low, weight)

    def over_max(self, days: list[Day]) -> bool:
        """Whether a needed major group is over the goal's weekly maximum."""
        _low, high, weight = self.volume_range()
        return any(value > high and self.needed(area)
                   for area, value in area_sets(days, weight).items())

    def without(self, days: list[Day], item: Item, test: Callable[[list[Day]], T]) -> T:
        """test(days) as if item were left out."""
        sets, item.sets = item.sets, 0
        try:
            return test(days)
        finally:
            item.sets = sets

    def under_areas(self, days: list[Day]) -> frozenset[str]:
        """The needed large groups under the goal's weekly minimum (weeks of two days or
        more)."""
        low, _high, weight = self.volume_range()
        return frozenset() if len(days) <= 1 else frozenset(
            area for area, value in area_sets(days, weight).items()
            if value < low and area in LARGE and self.needed(area))

    def starves(self, days: list[Day], item: Item) -> bool:
        """Whether leaving item out would put a large group under its minimum that is not
        under it already (a group short for want of exercises does not pin every other one)."""
        before = self.under_areas(days)
        return bool(self.without(days, item, self.under_areas) - before)

    def _works(self, item: Item, area: str, primary: bool = True) -> bool:
        groups = set(MAJOR[area][1])
        return bool(groups & (item.exercise.primary if primary else item.exercise.moving))

    def raise_area(self, days: list[Day], area: str, low: int, weight: float) -> None:
        for day in days:
            for item in day.items:
                while self._works(item, area) and item.sets < item.guideline.sets[1] and \
                        area_sets(days, weight)[area] < low and self.room(day, item):
                    item.sets += 1
                    if self.over_max(days):
                        item.sets -= 1
                        break
        for day in self.days_for(days, set(MAJOR[area][1])):
            if area_sets(days, weight)[area] >= low:
                return
            self.add_for(day, self.area_slot(day, area), f"the {MAJOR[area][0]} reach {low} "
                         "weekly sets")

    def lower_area(self, days: list[Day], area: str, high: int, weight: float) -> None:
        for primary in (True, False):
            for day in days:
                for item in day.items:
                    while self._works(item, area, primary) and \
                            item.sets > item.guideline.sets[0] and \
                            area_sets(days, weight)[area] > high:
                        item.sets -= 1
        for day, item in [(d, i) for primary in (True, False) for d in reversed(days)
                          for i in reversed(d.items) if self._works(i, area, primary)]:
            if area_sets(days, weight)[area] <= high:
                return
            if item in day.items and item.role != "main" and not item.included \
                    and len(day.items) > 1 and (not self.starves(days, item)
                                                or self.covered_by_more_sets(days, item)):
                self.remove(day, item)
                self.dropped.add(item.exercise.slug)
                self.notes.append(f"Day {day.index}: left out {item.exercise.name}: the "
                                  f"{MAJOR[area][0]} were over {high} weekly sets")

    def covered_by_more_sets(self, days: list[Day], item: Item) -> bool:
        """Whether the large groups that leaving item out would put under their minimum can be
        brought back by more sets of the exercises already planned (within their guideline),
        without putting a group over its maximum; if so, those sets are added (item keeps its
        sets, the caller removes it). A coach trades a shoulder accessory whose secondary work
        is all that keeps the back at its minimum for a set more of a row: six-day machine
        weeks had three shoulder exercises at 21 weekly sets, over the maximum of 20, because
        each of them also counted half a set for the middle back."""
        low, _high, weight = self.volume_range()
        before = self.under_areas(days)
        saved = [(other, other.sets) for day in days for other in day.items]
        sets, item.sets = item.sets, 0
        for area in sorted(self.under_areas(days) - before):
            for day in days:
                for other in day.items:
                    while other is not item and self._works(other, area) \
                            and other.sets < other.guideline.sets[1] \
                            and area_sets(days, weight)[area] < low and self.room(day, other):
                        other.sets += 1
                        if self.over_max(days):
                            other.sets -= 1
                            break
        covered = not (self.under_areas(days) - before)
        item.sets = sets
        if not covered:
            for other, was in saved:
                other.sets = was
        return covered

    def days_for(self, days: list[Day], groups: set[str]) -> list[Day]:
        """The days to add work for groups on, first those whose kind trains them (no bench
        press on a lower-body day), then the shorter first."""
        return sorted(days, key=lambda d: (not groups & self.day_groups(d), d.minutes))

    def area_slot(self, day: Day, area: str) -> Slot:
        """The slot that adds work for area on day (for the back, the pull the day lacks)."""
        if area == "back":
            have = {item.slot.name for item in day.items}
            lacks = SLOTS["vertical-pull" if "horizontal-pull" in have else "horizontal-pull"]
            if self.fitting(lacks):
                return lacks
            # nothing does the missing pull with this kit (dumbbells: no pulldown): a second
            # row of another name, as a coach pairs a one-arm and a two-arm dumbbell row
            return SLOTS["horizontal-pull" if lacks.name == "vertical-pull" else "vertical-pull"]
        return SLOTS[MAJOR[area][2]]

    def room(self, day: Day, item: Item | None = None, free: bool = True) -> bool:
        """Whether day has time for one more set of item (or for one more exercise), after
        freeing time from small-group accessories when it must and ``free`` (:meth:`make_room`)."""
        if item is None:  # an accessory, unless the day lacks main lifts
            mains = sum(1 for i in day.items if i.role == "main")
            guideline = self.guideline(_ANY, "main" if mains < MAIN_PER_DAY else "accessory")
            sets = self.sets_for(_ANY, guideline)
            low, high = guideline.rest or (90, 90)
            need = (sets * (guideline.reps[1] * 3 + (low + high) / 2) + 60) / 60
        else:
            need = (item.guideline.reps[1] * 3 + (sum(item.guideline.rest or (90, 90)) / 2)) / 60
        return day.minutes + need <= self.limit or (free and self.make_room(day, need))

    def make_room(self, day: Day, need: float) -> bool:
        """Free ``need`` minutes of day for a large group: optional extras out, sets of arm,
        trunk and calf accessories down to their minimum, then those accessories out. True when
        it freed enough."""
        small = SMALL_GROUPS
        for item in [i for i in day.items if i.slot.optional and not i.included]:
            if day.minutes + need <= self.limit:
                return True
            self.remove(day, item)
            self.dropped.add(item.exercise.slug)
            self.notes.append(f"Day {day.index}: left out {item.exercise.name} to make room "
                              "for the large muscle groups")
        for item in day.items:
            while item.role != "main" and item.exercise.primary <= small and \
                    item.sets > item.guideline.sets[0] and day.minutes + need > self.limit:
                item.sets -= 1
        for item in [i for i in reversed(day.items) if i.exercise.primary <= small
                     and i.role != "main" and not i.included]:
            if day.minutes + need <= self.limit:
                break
            self.remove(day, item)
            self.dropped.add(item.exercise.slug)
            self.yielded |= item.exercise.primary
            note = (f"Day {day.index}: left out {item.exercise.name} to make room for the "
                    "large muscle groups (the compound lifts work the "
                    f"{self._join(sorted(item.exercise.primary))} too)")
            self.notes.append(note)
            self.made_room.append((day, item, note))
        return day.minutes + need <= self.limit

    def add_for(self, day: Day, slot: Slot, why: str, free: bool = True) -> Item | None:
        """Add the best exercise for slot to day when it has time (freed from accessories when
        ``free``); None when none fits."""
        if not self.room(day, free=free):
            return None
        ex = self.choose(slot, day, self.day_groups(day) | set(slot.groups), day.areas())
        if ex is None:
            return None
        item = self.add(day, ex, slot)
        if day.minutes > self.limit:
            self.remove(day, item)
            return None
        item.reasons.insert(0, f"added so {why}")
        return item

    def day_groups(self, day: Day) -> set[str]:
        """The groups the kind of day trains."""
        return {g for name in DAY_KINDS[day.kind][1] for g in SLOTS[name].groups}

    # -- balances ------------------------------------------------------------------------------

    def balances(self, days: list[Day]) -> None:
        """Pushing to pulling and knee- to hip-dominant sets within 1:1 +/- 25 %."""
        for pair in ("push-pull", "knee-hip"):
            for _step in range(12):
                sets = balance((d.items for d in days), pair)
                (small, x), (large, y) = sorted(sets.items(), key=lambda kv: kv[1])
                if y == 0 or x >= BALANCE * y:
                    break
                if not self.shift(days, pair, small, large):
                    break

    def shift(self, days: list[Day], pair: str, small: str, large: str) -> bool:
        """One step towards balance, the first that helps of: a set more on the smaller side, an
        exercise more for it, an accessory less of the larger side, a set less on it. Never a
        group over its maximum or a large group under its minimum. False: stuck."""
        items = [(d, i) for d in days for i in d.items]
        for day, item in items:
            if side(item.exercise, pair) == small and item.sets < item.guideline.sets[1] \
                    and self.room(day, item):
                item.sets += 1
                if not self.over_max(days) or self.make_space(days, pair):
                    return True
                item.sets -= 1
        # a slot the day lacks first; then, for pulling, a second row or pulldown of another
        # name (dumbbells have no pulldown: a coach pairs a one-arm and a two-arm row)
        for again in (False, True) if small == "pull" else (False,):
            if self.add_side(days, pair, small, again):
                return True
        items = [(d, i) for d in days for i in d.items]  # making room may have left some out
        # an accessory whose groups keep their two days first, then a set less of the larger
        # side, and only then a day's only exercise for a group (it then trains once a week)
        for keep in (True, False):
            for day, item in reversed(items):
                if side(item.exercise, pair) == large and item.role != "main" \
                        and not item.included and len(day.items) > 1 \
                        and self.covered_without(days, item) is keep \
                        and not self.starves(days, item):
                    self.remove(day, item)
                    self.dropped.add(item.exercise.slug)
                    self.yielded |= item.exercise.primary
                    self.notes.append(f"Day {day.index}: left out {item.exercise.name} to "
                                      f"balance {pair.replace('-', ' and ')} work")
                    return True
            if keep and self.fewer_sets(days, pair, large):
                return True
        return False

    def fewer_sets(self, days: list[Day], pair: str, large: str) -> bool:
        """A set less of an exercise on the larger side of pair, no large group newly under
        its minimum."""
        for day in reversed(days):
            for item in reversed(day.items):
                if side(item.exercise, pair) == large and item.sets > item.guideline.sets[0]:
                    before = self.under_areas(days)
                    item.sets -= 1
                    if self.under_areas(days) <= before:
                        return True
                    item.sets += 1
        return False

    def covered_without(self, days: list[Day], item: Item) -> bool:
        """Whether every needed major group item works as a prime mover keeps its two days a
        week without it (a day's only shoulder press does not go to balance pushing)."""
        want = min(2, len(days))
        for area in MAJOR:
            if not self.needed(area) or not self._works(item, area):
                continue
            kept = sum(1 for d in days if any(self._works(i, area) for i in d.items
                                              if i is not item))
            if kept < want:
                return False
        return True

    def add_side(self, days: list[Day], pair: str, small: str, again: bool) -> bool:
        """An exercise more for the smaller side of pair: in a slot of it the day lacks, or
        (``again``) in one the day has, with an exercise of another name."""
        for day in self.days_for(days, set(SLOTS[SIDE_SLOTS[small][0]].groups)):
            for name in SIDE_SLOTS[small]:
                slot = LUNGE if name == "lunge" else SLOTS[name]
                if any(i.slot.name == name for i in day.items) is not again:
                    continue
                added = self.add_for(day, slot, f"{pair.replace('-', ' to ')} work balances")
                if added is not None and side(added.exercise, pair) == small \
                        and (not self.over_max(days) or self.make_space(days, pair)):
                    return True
                if added is not None:
                    self.remove(day, added)
        return False

    def make_space(self, days: list[Day], pair: str, keep_legs: bool = False) -> bool:
        """Bring the groups a set more put over their maximum back under it by a set less, or
        an exercise less, of an accessory on neither side of pair that works them as a prime
        mover (a lateral raise or a rear-delt fly makes room for the row that also moves the
        shoulders), never a large group under its minimum; with ``keep_legs`` (filling out a
        week that keeps every rule) never a squat, lunge or hinge (they hold the knee-hip balance
        and a leg day's two sides). False (nothing
        changed): no such accessory."""
        _low, high, weight = self.volume_range()
        over = {a for a, value in area_sets(days, weight).items()
                if value > high and self.needed(a)}
        spare = [(d, i) for d in reversed(days) for i in reversed(d.items)
                 if side(i.exercise, pair) is None and i.role != "main" and not i.included
                 and any(self._works(i, a) for a in over)
                 and not (keep_legs and side(i.exercise, "knee-hip") is not None)]
        for _day, item in spare:
            if item.sets > item.guideline.sets[0]:
                before = self.under_areas(days)
                item.sets -= 1
                if not self.over_max(days) and self.under_areas(days) <= before:
                    return True
                item.sets += 1
        for day, item in spare:
            if len(day.items) > 1 and not self.starves(days, item) \
                    and not self.without(days, item, self.over_max):
                self.remove(day, item)
                self.dropped.add(item.exercise.slug)
                self.notes.append(f"Day {day.index}: left out {item.exercise.name} to balance "
                                  f"{pair.replace('-', ' and ')} work")
                return True
        return False

    # -- session length ------------------------------------------------------------------------

    def fit_time(self, day: Day) -> None:
        """Day within the session length: optional extras out, then sets down to the minimum,
        then accessories out from the end, then main lifts."""
        limit = self.limit
        while day.minutes > limit:
            extras = [i for i in day.items if i.slot.optional and not i.included]
            if extras:
                self.drop(day, extras[-1], f"the optional {extras[-1].slot.label.lower()} slot")
                continue
            above = [i for i in day.items if i.sets > i.guideline.sets[0]]
            if above:
                above[-1].sets -= 1
                continue
            if len(day.items) <= 1:
                only = day.items[0].minutes if day.items else 0
                raise BadRequest(f"parameter 'session_minutes': {limit} minutes is shorter than "
                                 f"one exercise of Day {day.index} (about {math.ceil(only)} "
                                 "minutes)")
            accessories = [i for i in day.items if i.role != "main" and not i.included]
            last = accessories[-1] if accessories else day.items[-1]
            self.drop(day, last, last.exercise.name)

    def drop(self, day: Day, item: Item, what: str) -> None:
        self.remove(day, item)
        self.notes.append(f"Day {day.index}: left out {what} to fit {self.limit} minutes")

    # -- coverage ------------------------------------------------------------------------------

    def repair(self, days: list[Day]) -> None:
        """Add an exercise where a needed or emphasised group has fewer than two sessions a
        week (an emphasised group outside the major ones gets a slot of its own)."""
        want = min(2, len(days))
        majors = {g for _l, groups, _s in MAJOR.values() for g in groups}
        extras = [g for g in sorted(self.request.emphasise) if g not in majors]
        for area in [*(a for a in MAJOR if self.needed(a)), *extras]:
            if area in MAJOR and set(MAJOR[area][1]) <= self.yielded:
                continue
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
                if self.add_for(day, slot, f"the {label} get two sessions a week") is not None:
                    have.append(day)

    def legs(self, days: list[Day]) -> None:
        """Rule "a leg day squats and hinges": a day whose kind trains the legs and whose lifts
        are all on one side of the knee-hip balance (a leverage deadlift alone: it works the
        quadriceps, but no knee bends under load) gets a lift of the other side, a squat or a
        single-leg lift, or a hinge (when the tuning left one out for balance or time, or the
        day's pick worked both groups)."""
        for day in days:
            kind = DAY_KINDS[day.kind][1]
            if "squat" not in kind or "hinge" not in kind:
                continue
            sides = {side(i.exercise, "knee-hip") for i in day.items}
            for want, names in (("knee", ("squat", "lunge")), ("hip", ("hinge",))):
                if want in sides or not sides & {"knee", "hip"}:
                    continue
                for name in names:
                    slot = LUNGE if name == "lunge" else SLOTS[name]
                    added = self.add_for(day, slot, "the day squats and hinges")
                    if added is None:
                        continue
                    if side(added.exercise, "knee-hip") == want and not self.over_max(days):
                        break
                    self.remove(day, added)
                    self.dropped.add(added.exercise.slug)  # (not tried again next round)

    def tune(self, days: list[Day]) -> None:
        """The steps, :data:`ROUNDS` times: weekly sets, balances, session length, coverage,
        and weekly sets again (a balance or a repair may have added sets to a full group)."""
        for _round in range(ROUNDS):
            self.volume(days)
            self.balances(days)
            for day in days:
                self.fit_time(day)
            self.repair(days)
            self.legs(days)
            self.volume(days)
