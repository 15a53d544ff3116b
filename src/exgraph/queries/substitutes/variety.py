"""The variety re-rank of the substitutes engine (:meth:`Engine.varied` gathers its inputs):
which of the best candidates by score fill the first places of an answer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from exgraph.queries.substitutes.model import VARIETY_CAP, VARIETY_DEPTH


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
