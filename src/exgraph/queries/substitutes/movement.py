"""What the records say of how an exercise moves beyond its pattern and muscle groups, as columns
for the substitutes engine (:class:`~exgraph.queries.substitutes.engine.Engine`): the finer
prime movers a record names (Exercise.heads: a deltoid's head, the soleus) and the reviewed
layer's descriptions of the movement (Exercise.described)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from exgraph.errors import DataError
from exgraph.queries.substitutes.features import Bits
from exgraph.queries.substitutes.model import Exercise

Postings = dict[str, npt.NDArray[np.int64]]
Weights = dict[str, npt.NDArray[np.float64]]


def head_columns(order: Sequence[Exercise]
                 ) -> tuple[npt.NDArray[np.int64], Bits, dict[str, int]]:
    """The primary muscles each exercise names finer than their group (Exercise.heads) as bits
    (in order), the numbering of those muscles, and each group's bits: two exercises that both
    name a group's heads can be told apart."""
    heads = Bits()
    columns = np.array([heads.mask(m for found in ex.heads.values() for m in found)
                        for ex in order], dtype=np.int64)
    if len(heads.index) > 63:
        raise DataError(f"{len(heads.index)} finer muscles: the engine's masks hold 63")
    group_heads: dict[str, int] = defaultdict(int)
    for ex in order:
        for group, found in ex.heads.items():
            group_heads[group] |= heads.mask(found)
    return columns, heads, dict(group_heads)


def other_heads(target: Exercise, candidates: npt.NDArray[np.int64], bits: Bits,
                group_heads: Mapping[str, int]) -> npt.NDArray[np.bool_]:
    """Which candidates (their head_columns) work another part of a shared prime mover: for a
    group both records name finer muscles of as prime movers (the deltoid's heads, the soleus or
    the gastrocnemius of the calves, the obliques or the rectus of the abdominals), the
    candidate names none of the target's (a rear raise for a side raise, a seated calf raise
    for a standing one)."""
    found = np.zeros(len(candidates), dtype=np.bool_)
    for group, muscles in target.heads.items():
        own = sum(1 << bits.index[m] for m in muscles)
        found |= ((candidates & group_heads[group]) != 0) & ((candidates & own) == 0)
    return found


def description_columns(order: Sequence[Exercise]
                        ) -> tuple[dict[str, float], npt.NDArray[np.int64], int, Postings,
                                   Weights]:
    """The TF-IDF vectors of the exercises' movement descriptions (Exercise.described), unit
    length. Many exercises share one description word for word (the reviewed layer writes a
    family's from one template), so each distinct description is a row once. Gives the IDF of
    each word (counting exercises), each exercise's row (-1: none), the number of rows, and
    each word's posting list of rows and weights."""
    described = [(i, ex.described) for i, ex in enumerate(order) if ex.described]
    df = Counter(word for _, words in described for word in set(words))
    idf = {w: float(np.log(len(described) / n)) for w, n in df.items()}
    rows: dict[tuple[str, ...], int] = {}
    at: dict[str, list[int]] = defaultdict(list)
    weight: dict[str, list[float]] = defaultdict(list)
    row_of = np.full(len(order), -1, dtype=np.int64)
    for i, words in described:
        row = rows.get(words)
        if row is None:
            row = rows[words] = len(rows)
            for word, value in description_vector(Counter(words), idf).items():
                at[word].append(row)
                weight[word].append(value)
        row_of[i] = row
    return (idf, row_of, len(rows), {w: np.array(v, dtype=np.int64) for w, v in at.items()},
            {w: np.array(v, dtype=np.float64) for w, v in weight.items()})


def description_vector(counts: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    """A description's words weighted by count x IDF, scaled to unit length."""
    vector = {w: n * idf.get(w, 0.0) for w, n in counts.items()}
    norm = float(np.sqrt(sum(v * v for v in vector.values())))
    return {w: v / norm for w, v in vector.items() if v} if norm else {}


def description_rows(words: Sequence[str], idf: Mapping[str, float], at: Postings,
                     weight: Weights, rows: int) -> npt.NDArray[np.float64]:
    """The cosine of a description (its words) with each distinct description, and one more
    row, the last, 0: for the exercises with none."""
    alike = np.zeros(rows + 1, dtype=np.float64)
    for word, value in description_vector(Counter(words), idf).items():
        found = at.get(word)
        if found is not None:
            alike[found] += value * weight[word]
    return alike


def postings(keys_of: Iterable[Iterable[str]]) -> Postings:
    """An index of exercises in order by key: key -> the positions of those having it."""
    found: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(keys_of):
        for key in keys:
            found[key].append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in found.items()}
