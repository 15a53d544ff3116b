"""Filling out a tuned week (after :mod:`.tune` has brought it inside the rules): arm, trunk
and calf work left out for time put back where a day has room, each large group raised towards
the middle of its weekly range, and each day to a length worth the trip and near the week's
longest, a set at a time (or an exercise more when the planned lifts are at their top sets) and
never past a rule (docs/plans.md, "What the rubric changed in the builder").
"""

from __future__ import annotations

import math
from collections.abc import Callable

from exgraph.plans.model import (
    DAY_KINDS,
    LARGE,
    MAJOR,
    SLOTS,
    SMALL_GROUPS,
    Day,
    Item,
    area_sets,
)
from exgraph.plans.traits import redundant
from exgraph.plans.tune import LUNGE, Tuner
from exgraph.plans.validate import BALANCE, balance, side

#: The two sides of each balance.
BALANCE_SIDES = {"push-pull": ("push", "pull"), "knee-hip": ("knee", "hip")}

#: A large group is brought to this share of the way up the goal's weekly range (rounded down)
#: when the sessions have time for it (e.g. 11 of hypertrophy's 6-16 for a beginner, 15 of
#: 10-20 for an intermediate): a coach does not leave the large groups at the bare minimum while
#: the days run far under their length, and the middle of the range is where the meta-analyses
#: behind it (Schoenfeld et al. 2017: 10+ sets grow most) put most of their gain. A quarter of
#: the way (the first round) still left 5 of 8 judged plans' chest or hamstrings at the floor,
#: pinned by the push-pull balance.
FLOOR_SHARE = 0.5
#: The longest day of a week at most this many times the shortest (a coach evens the days of
#: a week: a 25-minute leg day beside 38-minute upper days is two kinds of session); shorter
#: days are topped up with sets where they have time.
DAY_SPREAD = 1.4
#: A session shorter than this many minutes (or half the session length, when that is less) is
#: topped up with sets of its lifts: a shorter visit to the gym is hardly worth the trip.
SHORT_SESSION = 25
#: At most this many sets are added by :meth:`Filler.fill_out` (bounds the loop).
FILL_STEPS = 90


class Filler(Tuner):
    """The filling-out steps over a tuned week."""

    # -- filling out ---------------------------------------------------------------------------

    def fill_out(self, days: list[Day]) -> None:
        """Once the rules hold: each needed large group, the furthest below first, up to
        :data:`FLOOR_SHARE` of the goal's weekly range, then each day up to
        :data:`SHORT_SESSION` minutes and to the longest day / :data:`DAY_SPREAD`, a set at a
        time, only where the day has time for it without leaving anything out, within the
        exercise's own range of sets, no group over its maximum and no balance broken; when no
        set fits, an exercise more (:meth:`one_exercise`)."""
        if len(days) <= 1:
            return
        self.restore(days)
        # an item that could not take a set (no time, a group at its maximum, a balance) is not
        # tried again until a set has been added somewhere (nothing changed in between)
        self.stuck: set[int] = set()
        self.tried: set[tuple[int, str]] = set()  # (day, slot) an exercise was tried in
        low, high, weight = self.volume_range()
        target = low + math.floor((high - low) * FLOOR_SHARE)
        short = min(SHORT_SESSION, self.limit / 2)
        for _step in range(FILL_STEPS):
            sets = area_sets(days, weight)
            under = sorted((a for a in LARGE if self.needed(a) and sets[a] < target),
                           key=lambda a: sets[a])  # the furthest below first
            if any(self.one_more(days, self.works_on(area)) for area in under):
                continue
            longest = max(day.minutes for day in days)
            uneven = [day for day in sorted(days, key=lambda d: d.minutes)
                      if day.minutes < short or day.minutes * DAY_SPREAD < longest]
            if any(self.one_more([day], lambda item: True, days) for day in uneven):
                continue
            if not any(self.one_exercise(days, area) for area in under) and not any(
                    self.one_exercise(days, None, day) for day in uneven):
                return

    def restore(self, days: list[Day]) -> None:
        """Put back the arm, trunk and calf accessories left out to make room for the large
        groups, where the finished day has time for them after all (tuning frees time later
        by lowering sets: a 45-minute week kept 33-minute days without a curl, a pushdown or a
        crunch), as long as the exercise fits its weekly frequency, is no second name or
        redundant pair on the day, and puts no group over its maximum nor a balance out."""
        for day, item, note in list(self.made_room):
            ex = item.exercise
            if item in day.items or self.counts[ex.slug] >= self.frequency_max(ex.slug) \
                    or (ex.slug not in self.planned and self.duplicate(ex)) \
                    or any(i.exercise.slug == ex.slug or redundant(ex, i.exercise)
                           for i in day.items):
                continue
            before, under = self.balanced(days), self.under_areas(days)
            traded = self.trade_sets(days, day, item)
            if traded is None:
                continue
            day.items.append(item)
            self.counts[ex.slug] += 1
            self.planned[ex.slug] = ex
            if self.over_max(days) or self.balanced(days) < before \
                    or not self.under_areas(days) <= under:
                self.remove(day, item)
                for lowered in traded:
                    lowered.sets += 1
                continue
            self.dropped.discard(ex.slug)
            self.made_room.remove((day, item, note))
            if note in self.notes:
                self.notes.remove(note)

    def trade_sets(self, days: list[Day], day: Day, item: Item) -> list[Item] | None:
        """Time for item on day: none needed ([]) when the day has it; else, when item's groups
        are a prime mover on fewer than two days of the week, sets of the day's large-group
        lifts above their range's minimum, the most sets first, one at a time until it fits
        (the lowered items; the caller checks the rules and gives the sets back when one
        breaks); None when it cannot fit. A coach gives a curl its day in a 45-minute week for a
        set of the leg press (sample 4, plan 5: the abdominals once a week, 41-minute days)."""
        if day.minutes + item.minutes <= self.limit:
            return []
        days_on = sum(1 for d in days if any(i.exercise.primary & item.exercise.primary
                                             for i in d.items))
        if days_on >= min(2, len(days)):
            return None
        lowered: list[Item] = []
        while day.minutes + item.minutes > self.limit:
            spare = [i for i in day.items if not i.exercise.primary <= SMALL_GROUPS
                     and i.sets > i.guideline.sets[0]]
            if not spare:
                for other in lowered:
                    other.sets += 1
                return None
            most = max(spare, key=lambda i: i.sets)
            most.sets -= 1
            lowered.append(most)
        return lowered

    def works_on(self, area: str) -> Callable[[Item], bool]:
        """A test: does an item work area as a prime mover."""
        return lambda item: self._works(item, area)

    def one_more(self, where: list[Day], wanted: Callable[[Item], bool],
                 week: list[Day] | None = None) -> bool:
        """A set more of the first wanted item of the days ``where`` (those with the fewest
        sets for their range first, large groups before arms and trunk) that keeps the week
        (``week``, else ``where``) within the rules; False when none can take one."""
        days = week or where
        before = self.balanced(days)
        found = [(d, i) for d in where for i in d.items if wanted(i)
                 and i.sets < i.guideline.sets[1] and id(i) not in self.stuck]
        found.sort(key=lambda di: (di[1].exercise.primary <= SMALL_GROUPS,
                                   di[1].sets - di[1].guideline.sets[1]))
        for day, item in found:
            if day.minutes + self.set_minutes(item) > self.limit:
                self.stuck.add(id(item))
                continue
            item.sets += 1
            partner = None if self.balanced(days) >= before else self.partner_set(days, item)
            if self.balanced(days) >= before and (
                    not self.over_max(days) or self.make_space(days, "push-pull", True)):
                self.stuck.clear()
                return True  # (make_space trades a side-less accessory, a lateral raise, for it)
            item.sets -= 1
            if partner is not None:
                partner.sets -= 1
            self.stuck.add(id(item))
        return False

    def one_exercise(self, days: list[Day], area: str | None, only: Day | None = None) -> bool:
        """An exercise more, at its fewest sets, where every set of the planned ones is taken:
        for area (a large group under its target: a lunge beside a goblet squat at its 3 sets),
        on a day that trains it and has time, or (``only``) for a short day, in the first slot
        of its kind it lacks (a triceps extension on a 19-minute push day); kept only when the
        week still keeps its balances and maxima (a set more on the other side of a balance may
        pair it). True when one was added."""
        before = self.balanced(days)
        if area is not None:
            slots = [(day, self.area_slot(day, area)) for day in
                     self.days_for(days, set(MAJOR[area][1]))
                     if set(MAJOR[area][1]) & self.day_groups(day)]
            if area == "quadriceps":
                slots = [(day, LUNGE) for day, _slot in slots] + slots
        else:
            assert only is not None
            have = {i.slot.name for i in only.items}
            slots = [(only, SLOTS[name]) for name in DAY_KINDS[only.kind][1]
                     if name not in have and not set(SLOTS[name].groups) <= self.request.avoid]
        for day, slot in slots:
            if (day.index, slot.name) in self.tried:
                continue
            self.tried.add((day.index, slot.name))
            item = self.add_for(day, slot, "the week has time for it", free=False)
            if item is None:
                continue
            partner = None if self.balanced(days) >= before else self.partner_set(days, item)
            if self.balanced(days) >= before and not self.over_max(days) \
                    and day.minutes <= self.limit:
                self.stuck.clear()
                return True
            if partner is not None:
                partner.sets -= 1
            self.remove(day, item)
        return False

    def partner_set(self, days: list[Day], item: Item) -> Item | None:
        """A set more on the other side of the balance item's new set broke (a row beside a
        press, a hinge beside a squat), where that exercise's day has time and range for it;
        the item set, or None. A coach raises the chest with the back: a set more of the bench
        press alone put push 11 to pull 8, so the chest stayed at the floor in days of 31 to 40
        minutes of 60 (sample 4, plan 7)."""
        for pair in ("push-pull", "knee-hip"):
            mine = side(item.exercise, pair)
            if mine is None:
                continue
            other = next(s for s in BALANCE_SIDES[pair] if s != mine)
            for day in sorted(days, key=lambda d: d.minutes):
                for partner in day.items:
                    if side(partner.exercise, pair) != other or partner is item \
                            or partner.sets >= partner.guideline.sets[1] \
                            or day.minutes + self.set_minutes(partner) > self.limit:
                        continue
                    partner.sets += 1
                    return partner
        return None

    @staticmethod
    def set_minutes(item: Item) -> float:
        """Minutes one set more of item takes (its top reps and the middle of its rest)."""
        return (item.guideline.reps[1] * 3 + sum(item.guideline.rest or (90, 90)) / 2) / 60

    def balanced(self, days: list[Day]) -> frozenset[str]:
        """The balances (push-pull, knee-hip) within 1:1 +/- 25 %."""
        out = set()
        for pair in ("push-pull", "knee-hip"):
            x, y = balance((d.items for d in days), pair).values()
            if not max(x, y) or min(x, y) >= BALANCE * max(x, y):
                out.add(pair)
        return frozenset(out)
