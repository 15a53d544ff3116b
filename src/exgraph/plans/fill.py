"""Filling out a tuned week (after :mod:`.tune` has brought it inside the rules): arm, trunk
and calf work left out for time put back where a day has room, each large group raised above
the floor of its weekly range and each day to a length worth the trip, a set at a time and
never past a rule (docs/plans.md, "What the rubric changed in the builder").
"""

from __future__ import annotations

import math
from collections.abc import Callable

from exgraph.plans.model import LARGE, SMALL_GROUPS, Day, Item, area_sets
from exgraph.plans.traits import redundant
from exgraph.plans.tune import Tuner
from exgraph.plans.validate import BALANCE, balance

#: A large group is brought to this share of the way up the goal's weekly range (rounded down)
#: when the sessions have time for it (e.g. 8 of hypertrophy's 6-16 for a beginner): a coach
#: does not leave the large groups at the bare minimum while the days run far under their
#: length.
FLOOR_SHARE = 0.25
#: A session shorter than this many minutes (or half the session length, when that is less) is
#: topped up with sets of its lifts: a shorter visit to the gym is hardly worth the trip.
SHORT_SESSION = 25
#: At most this many sets are added by :meth:`Filler.fill_out` (bounds the loop).
FILL_STEPS = 60


class Filler(Tuner):
    """The filling-out steps over a tuned week."""

    # -- filling out ---------------------------------------------------------------------------

    def fill_out(self, days: list[Day]) -> None:
        """Once the rules hold: each needed large group up to :data:`FLOOR_SHARE` of the goal's
        weekly range, then each day up to :data:`SHORT_SESSION` minutes, a set at a time, only
        where the day has time for it without leaving anything out, within the exercise's own
        range of sets, no group over its maximum and no balance broken."""
        if len(days) <= 1:
            return
        self.restore(days)
        # an item that could not take a set (no time, a group at its maximum, a balance) is not
        # tried again until a set has been added somewhere (nothing changed in between)
        self.stuck: set[int] = set()
        low, high, weight = self.volume_range()
        target = low + math.floor((high - low) * FLOOR_SHARE)
        short = min(SHORT_SESSION, self.limit / 2)
        for _step in range(FILL_STEPS):
            sets = area_sets(days, weight)
            under = [a for a in LARGE if self.needed(a) and sets[a] < target]
            if any(self.one_more(days, self.works_on(area)) for area in under):
                continue
            if not any(self.one_more([day], lambda item: True, days)
                       for day in days if day.minutes < short):
                return

    def restore(self, days: list[Day]) -> None:
        """Put back the arm, trunk and calf accessories left out to make room for the large
        groups, where the finished day has time for them after all (tuning frees time later
        by lowering sets: a 45-minute week kept 33-minute days without a curl, a pushdown or a
        crunch), as long as the exercise fits its weekly frequency, is no second name or
        redundant pair on the day, and puts no group over its maximum nor a balance out."""
        for day, item, note in list(self.made_room):
            ex = item.exercise
            if item in day.items or day.minutes + item.minutes > self.limit \
                    or self.counts[ex.slug] >= self.frequency_max(ex.slug) \
                    or (ex.slug not in self.planned and self.duplicate(ex)) \
                    or any(i.exercise.slug == ex.slug or redundant(ex, i.exercise)
                           for i in day.items):
                continue
            before = self.balanced(days)
            day.items.append(item)
            self.counts[ex.slug] += 1
            self.planned[ex.slug] = ex
            if self.over_max(days) or self.balanced(days) < before:
                self.remove(day, item)
                continue
            self.dropped.discard(ex.slug)
            self.made_room.remove((day, item, note))
            if note in self.notes:
                self.notes.remove(note)

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
            per_set = (item.guideline.reps[1] * 3 + sum(item.guideline.rest or (90, 90)) / 2) / 60
            if day.minutes + per_set > self.limit:
                self.stuck.add(id(item))
                continue
            item.sets += 1
            if self.balanced(days) >= before and (not self.over_max(days)
                                                  or self.make_space(days, "push-pull")):
                self.stuck.clear()
                return True  # (make_space trades a side-less accessory, a lateral raise, for it)
            item.sets -= 1
            self.stuck.add(id(item))
        return False

    def balanced(self, days: list[Day]) -> frozenset[str]:
        """The balances (push-pull, knee-hip) within 1:1 +/- 25 %."""
        out = set()
        for pair in ("push-pull", "knee-hip"):
            x, y = balance((d.items for d in days), pair).values()
            if not max(x, y) or min(x, y) >= BALANCE * max(x, y):
                out.add(pair)
        return frozenset(out)
