"""Entity resolution for exercises: which resources name the same exercise.

The graph merges exercises from several sources (curated data, guide articles, free-exercise-db
and wger), and the same exercise often arrives under several resources whose names differ only
by case, hyphenation, a plural, spacing, word order or a typo ("Kettlebell Swing" /
"Kettlebell Swings", "Push-Up" / "Pushups"). This module decides, deterministically, which
resources to merge. It is built for precision: a false merge ("Incline" with "Decline", "Barbell
curl" with "Dumbbell curl") is worse than a missed one, so whenever the evidence is mixed the
pair is kept apart and reported as a *near miss* for a human to review; the reviewed decisions
go to ``data/merges.tsv`` (:func:`exgraph.merge.overrides.read_overrides`) and come back as
``forced_same`` / ``forced_different``.

Public API
----------
``normalise(name)`` (:mod:`exgraph.vocab.names`, the one name normaliser)
    The matching key of a name (also meant for search): casefolded, accents and punctuation
    dropped, ``x-up`` / ``x up`` / ``xup`` joined, words singularised, stop words dropped.
    ``normalise(name, sort_tokens=True)`` gives the word-order-free variant.
``Candidate`` (:mod:`exgraph.merge.candidates`)
    One resource to resolve: slug, source family, English names, equipment and primary muscle
    groups.
``resolve(candidates, forced_same=..., forced_different=...)``
    A :class:`Resolution`: the clusters of two or more resources with the evidence that joined
    them, and the near misses.
``read_overrides(path)`` (:mod:`exgraph.merge.overrides`)
    The reviewed ``a``/``b``/``decision``/``reason`` TSV as ``(forced_same, forced_different)``.

How pairs are found (each a "tier"; every tier is subject to the vetoes below)
-------------------------------------------------------------------------------
Only labels (the first name) are compared, except in the alias tier.

1. *same key*: the labels' keys are equal (``normalise``), or equal up to word order
   (``sort_tokens=True``), or equal once spaces are dropped ("Dead Bug" / "Deadbug").
2. *implied equipment*: the labels differ only by equipment words present on one side
   ("Barbell Deadlift" / "Deadlifts"), and the other resource's load equipment is exactly
   what those words name (the "Deadlifts" resource requires a barbell). When that resource
   lists no load equipment, or more kinds than the words name, the pair is a near miss; when
   its equipment is another implement, or both labels carry equipment words the other lacks,
   the pair is simply different.
3. *alias*: a label equals (by key) another name of a curated or article resource: those
   alternative names are reviewed synonyms ("RDL"). The alternative names of imported resources
   are not trusted (wger lists variants such as "Weighted Dips" or "One Arm DB Rows" among the
   names of other exercises), so such matches are only near misses.
4. *typo*: ``rapidfuzz`` token-sort ratio of the word-order-free keys >= 92 (``TYPO_MIN_RATIO``),
   the keys differ in exactly one word, the two spellings are at most one edit apart (optimal
   string alignment, ``rapidfuzz.distance.OSA``), the longer has four letters or more, and at
   least one of them occurs in only one distinct key of the whole input (two real words such as
   "abductor" / "adductor" are not a typo). A typo inside a distinguishing word is vetoed like
   any other change of such a word. Other pairs with a ratio from 85 (``GREY_MIN_RATIO``) are
   near misses when no veto applies (a grey-zone pair that a veto explains is not reported).

Vetoes (any one keeps a pair apart; a vetoed tier 1-4 match becomes a near miss)
---------------------------------------------------------------------------------
* *distinguishing words*: the labels' sets of distinguishing words differ (equipment words,
  incline/decline/flat, grips, body positions, one/two arm or leg, front/back/side/rear,
  left/right, deadlift and curl styles, jump/plyo, weighted/assisted, numbers, ...; see
  ``_DISTINGUISHING`` in :mod:`exgraph.merge.evidence`), except an equipment word implied by
  the other side's equipment.
* *equipment*: both resources list load equipment (free weights by kind, cable, machine, band,
  bodyweight, ...; benches, bars to hang from, mats and "other" do not count, see
  ``NEUTRAL_EQUIPMENT``) and the two sets of kinds are disjoint.
* *muscles*: both resources list primary muscle groups and the two sets are disjoint.
* *forced different*: the pair is in ``forced_different`` (such pairs are never near misses).

Clustering
----------
Accepted pairs are joined greedily, in a fixed order (forced-same pairs first, then by tier,
descending score, and the two slugs), with cannot-link constraints: two clusters are joined only
when no pair across them is vetoed, so a chain A~B~C never puts A with C when A and C are kept
apart; a pair refused this way becomes a near miss. Pairs already inside one cluster are never
re-checked, and near misses whose two resources end up in one cluster are not reported.

``forced_same`` pairs are joined first, transitively, and override the computed vetoes (between
all members of the two clusters they join, and later for that pair itself). ``forced_different``
always wins: forced-same pairs are applied in sorted order, and one whose join would put a
forced-different pair into one cluster is skipped and reported as a near miss. So for
``forced_same`` a~b, b~c and ``forced_different`` a~c, a~b is joined and b~c is where the chain
is cut: the result is {a, b} and {c}.

The canonical member of a cluster is the one from the best source family (curated, then
article, then free-exercise-db, then wger; unknown families last), then the shortest slug, then
the alphabetically first slug; a member whose slug names a side (``split-squats-left``) comes
after every member that does not, so a merged left/right copy keeps the side-less name when the
cluster has one, and a member whose label is in another language
(:mod:`exgraph.merge.language`: "Arco femorale una gamba", which wger tags English) comes after
every member with an English one.
"""


from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from exgraph.merge.candidates import Candidate, Cluster, Pair, Resolution
from exgraph.merge.evidence import (
    EQUIPMENT_WORDS,
    Info,
    conflict,
    implied_equipment,
    info_of,
    load_kinds,
    word_conflict,
)
from exgraph.merge.language import english_words
from exgraph.merge.overrides import read_overrides
from exgraph.records.precedence import CANONICAL_ORDER
from exgraph.vocab.names import normalise

__all__ = ["Candidate", "Cluster", "Pair", "Resolution", "read_overrides", "resolve"]

#: Families whose alternative names are reviewed synonyms (used by the alias tier).
_TRUSTED_ALIAS_SOURCES = frozenset({"curated", "article"})

TYPO_MIN_RATIO = 92.0
GREY_MIN_RATIO = 85.0


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


#: A slug naming one side: a left or right copy of a movement (issue 22).
_SIDED = re.compile(r"(?:^|-)(?:left|right)(?:-|$)")


def _rank(cand: Candidate) -> tuple[bool, bool, int, int, str]:
    try:
        family = CANONICAL_ORDER.index(cand.source)
    except ValueError:
        family = len(CANONICAL_ORDER)
    return (bool(_SIDED.search(cand.key)), not english_words(cand.label), family,
            len(cand.key), cand.key)


class _Clusters:
    """Union-find over keys, with member lists for the cannot-link check."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent: dict[str, str] = {k: k for k in keys}
        self.members: dict[str, list[str]] = {k: [k] for k in self.parent}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


_TIER_ORDER = {"forced": 0, "key": 1, "implied": 2, "alias": 3, "typo": 4}


def _blocks(infos: Sequence[Info]) -> Iterator[tuple[int, int]]:
    """Index pairs sharing a word of three letters or more, or a word's first three letters."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        for token in set(info.tokens):
            if len(token) >= 3:
                index["w:" + token].append(i)
                index["p:" + token[:3]].append(i)
    seen: set[tuple[int, int]] = set()
    for block in sorted(index):
        for i, j in combinations(index[block], 2):
            if (i, j) not in seen:
                seen.add((i, j))
                yield i, j


def _typo_words(x: Info, y: Info) -> tuple[str, str] | None:
    """The one word pair that differs between x and y (same length token lists), else None."""
    if len(x.tokens) != len(y.tokens):
        return None
    xs, ys = sorted(x.tokens), sorted(y.tokens)
    left = [t for t in xs if t not in ys]
    right = [t for t in ys if t not in xs]
    if len(left) != 1 or len(right) != 1:
        return None
    return left[0], right[0]


class _Proposals:
    """The pairs the tiers propose (``edges``, best tier kept) and the near misses, with the
    vetoes and the forced-different pairs applied as they come."""

    def __init__(self, different: set[tuple[str, str]]) -> None:
        self.different = different
        self.edges: dict[tuple[str, str], tuple[str, Pair]] = {}
        self.near: dict[tuple[str, str], Pair] = {}

    def propose(self, x: Info, y: Info, tier: str, score: float, reason: str) -> None:
        """A match by ``tier``: an edge unless a veto turns it into a near miss."""
        pair = _ordered(x.cand.key, y.cand.key)
        if pair in self.different or pair[0] == pair[1]:
            return
        veto = conflict(x, y)
        if veto is not None:
            if pair not in self.edges:
                self.near.setdefault(pair, Pair(*pair, score, f"{reason}; but {veto}"))
            return
        old = self.edges.get(pair)
        if old is None or _TIER_ORDER[tier] < _TIER_ORDER[old[0]]:
            self.edges[pair] = (tier, Pair(*pair, score, reason))
            self.near.pop(pair, None)

    def suggest(self, x: Info, y: Info, score: float, reason: str) -> None:
        """A pair for a person to review (a near miss), unless already an edge."""
        pair = _ordered(x.cand.key, y.cand.key)
        if pair in self.different or pair in self.edges or pair[0] == pair[1]:
            return
        self.near.setdefault(pair, Pair(*pair, score, reason))


def _same_key(infos: Sequence[Info], found: _Proposals) -> None:
    """Tier 1: the same key, the same words in another order, the same letters spaced apart."""
    for attr, reason in (
        ("key", "same key"),
        ("sorted_key", "same words in another order"),
        ("spaceless", "same letters, other spacing"),
    ):
        groups: dict[str, list[Info]] = defaultdict(list)
        for info in infos:
            value = getattr(info, attr)
            if value:
                groups[value].append(info)
        for group in groups.values():
            for x, y in combinations(group, 2):
                found.propose(x, y, "key", 100.0, f"{reason}: {x.key!r} / {y.key!r}")


def _implied_equipment(infos: Sequence[Info], found: _Proposals) -> None:
    """Tier 2: labels equal once equipment words are dropped, the words implied by the other
    resource's equipment."""
    stripped: dict[str, list[Info]] = defaultdict(list)
    for info in infos:
        rest = sorted(t for t in info.tokens if t not in EQUIPMENT_WORDS)
        if rest and len(rest) < len(info.tokens):
            stripped[" ".join(rest)].append(info)
    for info in infos:
        plain = info.tokens and not any(t in EQUIPMENT_WORDS for t in info.tokens)
        if plain and info.sorted_key in stripped:
            stripped[info.sorted_key].append(info)
    for group in stripped.values():
        for x, y in combinations(sorted(group, key=lambda i: i.cand.key), 2):
            if x.sorted_key != y.sorted_key:
                _implied_pair(x, y, found)


def _implied_pair(x: Info, y: Info, found: _Proposals) -> None:
    only_x, only_y = set(x.tokens) - set(y.tokens), set(y.tokens) - set(x.tokens)
    if only_x and only_y:
        return  # each has equipment words the other lacks: different implements
    lacking = y if only_x else x
    extra = sorted(only_x | only_y)
    reason = f"same name but for equipment words {extra}: {x.key!r} / {y.key!r}"
    implied = frozenset().union(*(implied_equipment(w) for w in extra))
    if not lacking.kinds:
        found.suggest(x, y, 100.0, reason + f"; equipment of {lacking.cand.key} unknown")
    elif not lacking.kinds & load_kinds(implied):
        return  # the other side's equipment says it is another implement
    elif not lacking.kinds <= load_kinds(implied):
        found.suggest(x, y, 100.0, reason + f"; {lacking.cand.key} also lists other equipment")
    elif word_conflict(x, y) is None:
        found.propose(x, y, "implied", 100.0, reason + ", implied by the equipment")


def _aliases(infos: Sequence[Info], found: _Proposals) -> None:
    """Tier 3: a label equal to another resource's alternative name (trusted only from curated
    data and articles)."""
    alias_index: dict[str, list[tuple[Info, str]]] = defaultdict(list)
    for info in infos:
        for name in info.cand.names[1:]:
            key = normalise(name, sort_tokens=True)
            if key and key != info.sorted_key:
                alias_index[key].append((info, name))
    for info in infos:
        for owner, name in alias_index.get(info.sorted_key, ()):
            reason = f"label {info.cand.label!r} is a name of {owner.cand.key}: {name!r}"
            if owner.cand.source in _TRUSTED_ALIAS_SOURCES:
                found.propose(info, owner, "alias", 100.0, reason)
            else:
                found.suggest(info, owner, 100.0, reason + " (untrusted alias)")


def _typos(infos: Sequence[Info], found: _Proposals) -> None:
    """Tier 4: one-edit typos of a rare word, and the grey zone of similar names."""
    frequency: dict[str, int] = defaultdict(int)
    for sorted_key in {info.sorted_key for info in infos}:
        for token in set(sorted_key.split()):
            frequency[token] += 1
    for i, j in _blocks(infos):
        x, y = infos[i], infos[j]
        if x.sorted_key == y.sorted_key or abs(len(x.sorted_key) - len(y.sorted_key)) > 6:
            continue
        score = fuzz.token_sort_ratio(x.sorted_key, y.sorted_key)
        if score < GREY_MIN_RATIO:
            continue
        score = round(score, 1)
        words = _typo_words(x, y)
        reason = f"similar names ({score:g}): {x.key!r} / {y.key!r}"
        if (
            score >= TYPO_MIN_RATIO
            and words is not None
            and OSA.distance(*words) <= 1
            and max(len(words[0]), len(words[1])) >= 4
            and min(frequency[words[0]], frequency[words[1]]) == 1
        ):
            found.propose(x, y, "typo", score, f"typo {words[0]!r} / {words[1]!r}: " + reason)
        elif conflict(x, y) is None:
            found.suggest(x, y, score, reason)


class _Joiner:
    """Greedy clustering with cannot-link constraints (forced pairs first, then by tier)."""

    def __init__(self, by_key: dict[str, Info], same: list[tuple[str, str]],
                 found: _Proposals) -> None:
        self.by_key = by_key
        self.same = set(same)
        self.found = found
        self.clusters = _Clusters(by_key)
        self.evidence: list[Pair] = []

    def blocked(self, a: str, b: str, forced: bool) -> str | None:
        """Why joining a's cluster with b's would put a kept-apart pair together, or None."""
        ra, rb = self.clusters.find(a), self.clusters.find(b)
        for m in self.clusters.members[ra]:
            for n in self.clusters.members[rb]:
                pair = _ordered(m, n)
                if pair in self.found.different:
                    return f"{pair[0]} and {pair[1]} are forced different"
                if not forced and pair not in self.same:
                    veto = conflict(self.by_key[m], self.by_key[n])
                    if veto is not None:
                        return f"{pair[0]} / {pair[1]}: {veto}"
        return None

    def join_forced(self, same: list[tuple[str, str]]) -> None:
        for a, b in same:
            if self.clusters.find(a) == self.clusters.find(b):
                continue
            why = self.blocked(a, b, forced=True)
            if why is None:
                self.clusters.union(a, b)
                self.evidence.append(Pair(a, b, 100.0, "forced same (reviewed)"))
            else:
                self.found.near[(a, b)] = Pair(a, b, 100.0, f"forced same, but {why}")

    def join_proposed(self) -> None:
        edges = sorted(self.found.edges.values(),
                       key=lambda e: (_TIER_ORDER[e[0]], -e[1].score, e[1].a, e[1].b))
        for _tier, pair in edges:
            if (pair.a, pair.b) in self.same:
                continue
            if self.clusters.find(pair.a) == self.clusters.find(pair.b):
                self.evidence.append(pair)
                continue
            why = self.blocked(pair.a, pair.b, forced=False)
            if why is None:
                self.clusters.union(pair.a, pair.b)
                self.evidence.append(pair)
            else:
                self.found.near[(pair.a, pair.b)] = Pair(
                    pair.a, pair.b, pair.score, f"{pair.reason}; but joining would put {why}")

    def resolution(self) -> Resolution:
        """The clusters of two or more members and the near misses left apart, sorted."""
        result: list[Cluster] = []
        by_root: dict[str, list[Pair]] = defaultdict(list)
        for pair in self.evidence:
            by_root[self.clusters.find(pair.a)].append(pair)
        for root, members in self.clusters.members.items():
            if len(members) < 2:
                continue
            canonical = min((self.by_key[m].cand for m in members), key=_rank).key
            result.append(Cluster(canonical, tuple(sorted(members)), sorted(by_root[root])))
        result.sort(key=lambda c: c.canonical)
        near = self.found.near
        for pair_key in list(near):
            if self.clusters.find(pair_key[0]) == self.clusters.find(pair_key[1]):
                del near[pair_key]
        return Resolution(result, sorted(near.values()))


def resolve(
    cands: Sequence[Candidate],
    *,
    forced_same: Iterable[tuple[str, str]] = (),
    forced_different: Iterable[tuple[str, str]] = (),
) -> Resolution:
    """Cluster the candidates that name the same exercise.

    Returns a :class:`Resolution` with the clusters of two or more members (each with its
    canonical key and the pairs that joined it) and the near misses, all sorted. The result
    depends only on the set of candidates and overrides, not on their order. Override pairs that
    name a key absent from ``cands`` are ignored. Raises ValueError on duplicate candidate keys.
    See the module documentation for the rules.
    """
    by_key: dict[str, Info] = {}
    for cand in sorted(cands, key=lambda c: c.key):
        if cand.key in by_key:
            raise ValueError(f"duplicate candidate key {cand.key!r}")
        by_key[cand.key] = info_of(cand)
    infos = [by_key[k] for k in sorted(by_key)]
    different = {_ordered(a, b) for a, b in forced_different if a in by_key and b in by_key}
    same = sorted(
        {_ordered(a, b) for a, b in forced_same if a in by_key and b in by_key and a != b}
    )
    found = _Proposals(different)
    for tier in (_same_key, _implied_equipment, _aliases, _typos):
        tier(infos, found)
    joiner = _Joiner(by_key, same, found)
    joiner.join_forced(same)
    joiner.join_proposed()
    return joiner.resolution()
