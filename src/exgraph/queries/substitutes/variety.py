"""The variety re-rank of the substitutes engine (:meth:`Engine.varied` gathers its inputs):
which of the best candidates by score fill the first places of an answer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from exgraph.queries.substitutes.model import (
    DESCRIBED_OPTION,
    VARIETY_CAP,
    VARIETY_DEPTH,
    VARIETY_FLOOR,
    Exercise,
)

if TYPE_CHECKING:
    from exgraph.queries.substitutes.engine import Engine


def pick(loads: Sequence[int], option: Sequence[bool], keys: Sequence[frozenset[str]],
         uncommon: frozenset[int], capped: bool, limit: int) -> list[int]:
    """Positions into a pool of candidates in score order (best first), for the answer.

    Two names of one exercise take one place ("Side Plank" and "Side Bridge"): a candidate with
    a name key of a better one at the same load type is dropped. The first VARIETY_DEPTH places
    are then filled in score order, except that with ``capped`` a load type gets at most
    VARIETY_CAP places of the top 5 while an ``option`` of a load type not yet capped is left:
    the place goes to the best such option. An uncommon implement (a keg, a tire, a stone) or an
    unknown load (codes in ``uncommon``) is no one kind of equipment and is never capped; a
    candidate that is no option (a poorer or different movement, another kind) never takes a
    capped place. The rest follow in score order.
    """
    named: set[tuple[str, int]] = set()
    left: list[int] = []
    for k, load in enumerate(loads):
        own = {(key, load) for key in keys[k]}
        if not own & named:
            left.append(k)
        named |= own
    seen: dict[int, int] = defaultdict(int)
    picked: list[int] = []
    for _ in range(min(limit, VARIETY_DEPTH, len(left))):
        best = left[0]
        if capped and len(picked) < 5 and seen[loads[best]] >= VARIETY_CAP \
                and loads[best] not in uncommon:
            best = next((k for k in left if option[k] and seen[loads[k]] < VARIETY_CAP), best)
        left.remove(best)
        picked.append(best)
        seen[loads[best]] += 1
    return (picked + left)[:limit]


def options(engine: Engine, target: Exercise, at: npt.NDArray[np.int64],
            scores: npt.NDArray[np.float64], rows: npt.NDArray[np.float64] | None = None
            ) -> npt.NDArray[np.bool_]:
    """Which candidates (positions at, scores best first) are variety options: the same
    movement on the same prime movers with no material difference but the load — the same
    pattern (and trunk motion), every primary group of the exercise worked as primary and
    none it does not work at all, no other head of a shared prime mover, the same
    VARIATION_WORDS, laterality and kind (strength or power), described by the records as
    the same movement (DESCRIBED_OPTION) when both are described, and a score at least
    VARIETY_FLOOR of the best; none when the exercise's pattern is unknown. (Whether its load
    type is a common one is the caller's.)"""
    if not len(at):
        return np.zeros(0, dtype=np.bool_)
    return alike(engine, target, at, rows) & (scores >= VARIETY_FLOOR * float(scores[0]))


def direct_swaps(engine: Engine, target: Exercise, at: npt.NDArray[np.int64],
                 rows: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.bool_]:
    """Which candidates (positions at) are direct swaps: :func:`alike` (the same movement on
    the same prime movers with no material difference but the load) at a load type that keeps
    the loading (load_affinity at least 0.75: the same, two free weights or two guided ones; a
    band or the body for a loaded lift "limits the loading", a machine for a free weight is "a
    machine-guided version", both grade 2 by the rules)."""
    if target.load is None or not len(at):
        return np.zeros(len(at), dtype=np.bool_)
    keeps: npt.NDArray[np.bool_] = \
        engine.load_affinity[engine.codes[target.load], engine.a_load[at]] >= 0.75
    return alike(engine, target, at, rows) & keeps


def alike(engine: Engine, target: Exercise, at: npt.NDArray[np.int64],
          rows: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.bool_]:
    """The movement part of :func:`options`: the same pattern (and trunk motion), the same prime
    movers, no other head, the same VARIATION_WORDS, laterality and kind, both holds or both
    moving (features.STATIC_WORDS), within one level, and described alike when both are
    described."""
    pattern = engine.codes.get(target.pattern, -1) if target.pattern else -1
    # the same prime movers: every one of the exercise's, and none it does not work at all
    # (a deadlift's quadriceps are no option for a Romanian deadlift)
    same: npt.NDArray[np.bool_] = ((engine.a_pmask[at] & target.pmask) == target.pmask) \
        & ((engine.a_pmask[at] & ~target.wkmask) == 0) \
        & (engine.a_variants[at] == engine.variant_bits.mask(target.variants)) \
        & (engine.a_power[at] == (target.kind == "power")) \
        & (engine.a_static[at] == target.static)  # a hold is no swap for a moving exercise
    # an exercise whose pattern no source records has no option: the same movement cannot be
    # told (wger's "Upper Back", traps and shoulders, would take an upright row as one)
    same &= engine.a_pattern[at] == pattern if pattern > 0 else np.zeros(len(at), np.bool_)
    if target.motion is not None:
        same &= engine.a_motion[at] == engine.codes[target.motion]
    same &= ~engine.other_heads(target, at)
    if target.rank is not None:  # two steps in skill: a poor swap, no option (an assisted
        ranks = engine.a_rank[at].astype(np.int64)  # pull-up on a machine for an L-sit one)
        same &= (ranks < 0) | (np.abs(ranks - target.rank) < 2)
    if target.laterality is not None:  # unilateral for bilateral: a material difference
        same &= engine.a_laterality[at] == engine.codes[target.laterality]
    if target.described:  # the records describe another movement
        same &= ~engine.a_described[at] | (engine.described(target, at, rows) >= DESCRIBED_OPTION)
    return same
