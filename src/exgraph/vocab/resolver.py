"""Entity resolution for exercises: which resources name the same exercise.

The graph merges exercises from several sources (curated data, guide articles, free-exercise-db
and wger), and the same exercise often arrives under several resources whose names differ only
by case, hyphenation, a plural, spacing, word order or a typo ("Kettlebell Swing" /
"Kettlebell Swings", "Push-Up" / "Pushups"). This module decides, deterministically, which
resources to merge. It is built for precision: a false merge ("Incline" with "Decline", "Barbell
curl" with "Dumbbell curl") is worse than a missed one, so whenever the evidence is mixed the
pair is kept apart and reported as a *near miss* for a human to review; the reviewed decisions go
to ``data/merges.tsv`` (see :func:`read_overrides`) and come back as ``forced_same`` /
``forced_different``.

Public API
----------
``normalise(name)``
    The matching key of a name (also meant for search): casefolded, accents and punctuation
    dropped, ``x-up`` / ``x up`` / ``xup`` joined, words singularised, stop words dropped.
    ``normalise(name, sort_tokens=True)`` gives the word-order-free variant.
``Candidate``
    One resource to resolve: slug, source family, English names, equipment and primary muscle
    groups.
``resolve(candidates, forced_same=..., forced_different=...)``
    A :class:`Resolution`: the clusters of two or more resources with the evidence that joined
    them, and the near misses.
``read_overrides(path)``
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
  ``_DISTINGUISHING``), except an equipment word implied by the other side's equipment.
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
cluster has one.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import typeguard
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA


def _import_inflect() -> Any:
    """inflect, imported with typeguard's ``@typechecked`` made a no-op (as ``python -O``
    does). inflect decorates its functions with it, and typeguard then re-parses inflect's
    4,000-line module once per decorated function: 1.7 s of every start of every command (and
    a type check on every call), for checks that guard inflect's own development. Measured:
    ``import inflect`` 1.76 s, this way 0.11 s (bench: cold start)."""
    checked = typeguard.typechecked

    def unchecked(target: Any = None, **_options: Any) -> Any:
        return target if target is not None else (lambda function: function)

    typeguard.typechecked = unchecked
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect


inflect = _import_inflect()

__all__ = [
    "KNOWN_EQUIPMENT",
    "NEUTRAL_EQUIPMENT",
    "SOURCE_PRIORITY",
    "Candidate",
    "Cluster",
    "Pair",
    "Resolution",
    "normalise",
    "read_overrides",
    "resolve",
]

#: Source families from the most to the least trusted; the canonical member comes from the first.
SOURCE_PRIORITY: tuple[str, ...] = ("curated", "article", "free-exercise-db", "wger")

#: Families whose alternative names are reviewed synonyms (used by the alias tier).
_TRUSTED_ALIAS_SOURCES = frozenset({"curated", "article"})

TYPO_MIN_RATIO = 92.0
GREY_MIN_RATIO = 85.0

# --- normalisation ---------------------------------------------------------------------------

_STOP_WORDS = frozenset({"a", "an", "the", "with", "on", "of", "using", "from"})

# Words joined to the word before them, so that "push-up", "push up" and "pushup" meet.
_PARTICLES = frozenset(
    {"up", "ups", "down", "downs", "over", "overs", "through", "throughs", "apart", "aparts"}
)

# Token rewrites applied before and after singularising: abbreviations, spellings, synonyms
# that are certain. A value may hold several words.
_LEXICON: Mapping[str, tuple[str, ...]] = {
    "db": ("dumbbell",),
    "dbs": ("dumbbell",),
    "dumbell": ("dumbbell",),
    "dumbells": ("dumbbell",),
    "bb": ("barbell",),
    "kb": ("kettlebell",),
    "kbs": ("kettlebell",),
    "sz": ("ez",),
    "rdl": ("romanian", "deadlift"),
    "rdls": ("romanian", "deadlift"),
    "ohp": ("overhead", "press"),
    "bicep": ("biceps",),
    "tricep": ("triceps",),
    "flye": ("fly",),
    "flyes": ("fly",),
    "flys": ("fly",),
    "single": ("one",),
    "1": ("one",),
    "2": ("two",),
    "armed": ("arm",),
    "legged": ("leg",),
    "handed": ("hand",),
    "rowing": ("row",),
    "laying": ("lying",),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "grip" after one of these is dropped: "reverse-grip curl" is the "reverse curl".
_GRIP_WORDS = _words(
    "close wide narrow medium reverse neutral underhand overhand pronated supinated mixed"
    " hook false thumbless parallel snatch hammer alternate alternating"
)

# Plural-looking words that are not plurals (inflect would cut their "s").
_NOT_PLURAL = _words(
    "this plus bus atlas pilates lotus gas its yes was has is does goes less biceps"
    " triceps series abs"
)
# "abs" is kept whole and "ab" mapped to it below, so "ab wheel" and "abs wheel" meet.
_AFTER_SINGULAR: Mapping[str, str] = {"ab": "abs"}

_inflect = inflect.engine()
_APOSTROPHES = ("'", "\u2019", "\u2018", "`", "\u00b4")
_W_SLASH = re.compile(r"\b[wW]/")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=8192)
def _singular(word: str) -> str:
    if not word.isalpha() or len(word) < 3 or word in _NOT_PLURAL:
        return _AFTER_SINGULAR.get(word, word)
    if word.endswith(("ss", "us", "is")):
        return word
    single = _inflect.singular_noun(word)
    result = single if isinstance(single, str) and single else word
    return _AFTER_SINGULAR.get(result, result)


def _fold(text: str) -> str:
    text = text.replace("°", " degree ").replace("&", " and ").replace("+", " and ")
    text = _W_SLASH.sub(" with ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    # apostrophes join ("child's pose" -> "childs pose"); all other non-alphanumerics split
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return "".join(ch if ch.isalnum() and ch.isascii() else " " for ch in text)


def _rewrite(words: Iterable[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        out.extend(_LEXICON.get(word, (word,)))
    return out


@lru_cache(maxsize=16384)
def _tokens(name: str) -> tuple[str, ...]:
    # A parenthesis that only repeats the rest ("Barbell Romanian Deadlift (RDL)") is dropped.
    for match in _PARENTHESIS.finditer(name):
        rest = name[: match.start()] + " " + name[match.end() :]
        if set(_plain_tokens(match.group(1))) <= set(_plain_tokens(rest)):
            return _plain_tokens(rest)
    return _plain_tokens(name)


def _plain_tokens(name: str) -> tuple[str, ...]:
    words = _fold(name).split()
    # "e-z bar" / "e z bar" -> "ez bar"
    merged: list[str] = []
    for word in words:
        if word == "z" and merged and merged[-1] == "e":
            merged[-1] = "ez"
        else:
            merged.append(word)
    words = _rewrite(merged)
    joined: list[str] = []
    for word in words:
        if (
            word in _PARTICLES
            and joined
            and joined[-1].isalpha()
            and joined[-1] not in _STOP_WORDS
            and joined[-1] not in _PARTICLES
        ):
            joined[-1] += word
        else:
            joined.append(word)
    singular = _rewrite(_singular(word) for word in joined)
    kept: list[str] = []
    for word in singular:
        if word in _STOP_WORDS or (word == "grip" and kept and kept[-1] in _GRIP_WORDS):
            continue
        kept.append(word)
    return tuple(kept)


def normalise(name: str, *, sort_tokens: bool = False) -> str:
    """Return the matching key of an exercise name.

    The key is casefolded, without accents, with punctuation and hyphens turned into spaces and
    apostrophes dropped; a word followed by "up", "down", "over", "through" or "apart" is joined
    to it ("push-up", "push up", "pushup" and "Push Ups" all give ``"pushup"``); every word is
    singularised with inflect ("presses" -> "press", "lunges" -> "lunge"; "press", "biceps",
    "triceps" stay, "bicep" becomes "biceps", "abs"/"ab" become "abs", "glutes" -> "glute");
    a few certain abbreviations are spelt out ("DB" -> "dumbbell", "RDL" -> "romanian
    deadlift", "single" / "1" -> "one"); the stop words "a", "an", "the", "with", "on", "of",
    "using" and "from" are dropped. With ``sort_tokens=True`` the words come back sorted, so
    that word-order variants ("Shoulder Press, Barbell" / "Barbell Shoulder Press") share a key.
    Returns ``""`` for a name with no usable word.
    """
    tokens = _tokens(name)
    return " ".join(sorted(tokens) if sort_tokens else tokens)


# --- distinguishing words and structured evidence ----------------------------------------------

# Equipment words in names and the equipment slugs (data/equipment.ttl) that imply them.
_MACHINES = frozenset(
    {
        "machine",
        "smith-machine",
        "leg-press-machine",
        "back-extension-machine",
        "lever-back-extension-machine",
        "selectorized-back-extension-machine",
    }
)
_EQUIPMENT_WORDS: Mapping[str, frozenset[str]] = {
    "barbell": frozenset({"barbell"}),
    "ez": frozenset({"ez-curl-bar"}),
    "dumbbell": frozenset({"dumbbell"}),
    "kettlebell": frozenset({"kettlebell"}),
    "cable": frozenset({"cable-station"}),
    "pulley": frozenset({"cable-station"}),
    "machine": _MACHINES,
    "lever": _MACHINES,
    "leverage": _MACHINES,
    "smith": frozenset({"smith-machine"}),
    "band": frozenset({"resistance-band"}),
    "banded": frozenset({"resistance-band"}),
    "plate": frozenset({"weight-plate"}),
    "medicine": frozenset({"medicine-ball"}),
    "bodyweight": frozenset({"bodyweight"}),
    "trx": frozenset(),
    "landmine": frozenset(),
    "sandbag": frozenset(),
    "sled": frozenset(),
    "chain": frozenset(),
    "rope": frozenset(),
    "ball": frozenset({"exercise-ball", "medicine-ball"}),
    "swiss": frozenset({"exercise-ball"}),
    "stability": frozenset({"exercise-ball"}),
    "bosu": frozenset(),
    "towel": frozenset(),
    "ring": frozenset(),
    "suspension": frozenset(),
}

# Words that tell variants of one movement apart. Two labels whose sets of these words differ
# are never merged (an equipment word is excused when the other side's equipment implies it).
_DISTINGUISHING: frozenset[str] = frozenset(_EQUIPMENT_WORDS).union(
    # bench angle
    _words("incline decline flat"),
    # grip and hand position
    _words(
        "close wide narrow medium reverse neutral underhand overhand pronated supinated mixed"
        " hook palm thumbless false"
    ),
    # body position
    _words(
        "seated sitting standing lying kneeling half prone supine hanging bentover upright"
        " quadruped tall"
    ),
    # one or both sides, alternating
    _words("one two double alternating alternate unilateral bilateral arm leg hand foot"),
    # direction and side
    _words(
        "front back side lateral rear left right forward backward overhead behind inner outer"
        " upper lower high low mid middle internal external horizontal vertical cross"
        " crossbody"
    ),
    # deadlift, squat and press styles
    _words(
        "romanian sumo stiff straight conventional trap hex deficit rack block pin box pause"
        " paused speed snatch clean jefferson zercher goblet hack pistol bulgarian split sissy"
        " jerk push power hang muscle military arnold floor pike diamond archer wall knee"
        " elevated deep full partial quarter"
    ),
    # curl styles
    _words("hammer preacher concentration spider drag zottman scott"),
    # explosive, load, tempo
    _words(
        "jump jumping plyo plyometric explosive clap kipping strict weighted assisted"
        " resisted negative isometric hold static dynamic tempo eccentric"
    ),
    # opposite movements and orientations
    _words(
        "abduction adduction abductor adductor pronation supination externally internally"
        " palmsup palmsdown palmup palmdown faceup facedown flexion extension twist"
    ),
    # stretch / drill markers
    _words("stretch smr warmup drill walking walk"),
)

# Load equipment kinds for the equipment veto; support equipment, accessories other than bands
# and balls, and "other" are left out (they do not tell one variant from another).
_LOAD_KIND: Mapping[str, str] = {
    "barbell": "barbell",
    "ez-curl-bar": "ez-curl-bar",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "medicine-ball": "medicine-ball",
    "weight-plate": "weight-plate",
    "cable-station": "cable",
    "machine": "machine",
    "smith-machine": "machine",
    "leg-press-machine": "machine",
    "back-extension-machine": "machine",
    "lever-back-extension-machine": "machine",
    "selectorized-back-extension-machine": "machine",
    "bodyweight": "bodyweight",
    "resistance-band": "band",
    "exercise-ball": "exercise-ball",
    "foam-roller": "foam-roller",
    # the exact taxonomy of issue 22: every machine kind is a machine, the cable stations cable
    **{f"{kind}-machine": "machine" for kind in (
        "ab-crunch", "assisted-pull-up", "belt-squat", "calf-raise", "chest-press", "hack-squat",
        "hip-abduction", "hip-adduction", "leg-curl", "leg-extension", "pec-deck",
        "preacher-curl", "seated-row", "shoulder-press", "t-bar-row", "rowing")},
    "elliptical": "machine",
    "stationary-bike": "machine",
    "treadmill": "machine",
    "stair-climber": "machine",
    "ski-erg": "machine",
    "lat-pulldown-station": "cable",
    "seated-cable-row-station": "cable",
    "trap-bar": "trap-bar",
    "sandbag": "sandbag",
    "sled": "sled",
    "suspension-trainer": "suspension-trainer",
    "ab-wheel": "ab-wheel",
    "battle-ropes": "battle-ropes",
    "jump-rope": "jump-rope",
}
#: Equipment that never takes part in the equipment veto: supports and stations the load is
#: used on or in, which do not tell one variant from another.
NEUTRAL_EQUIPMENT = frozenset(
    {"bench", "incline-bench", "hyperextension-bench", "pull-up-bar", "gym-mat", "other",
     "decline-bench", "preacher-bench", "squat-rack", "dip-station", "plyo-box",
     "glute-ham-developer", "gymnastic-rings", "parallettes", "landmine"}
)


#: Every equipment slug the rules know (data/equipment.ttl); others count as their own kind.
KNOWN_EQUIPMENT: frozenset[str] = frozenset(_LOAD_KIND) | NEUTRAL_EQUIPMENT


def _load_kinds(equipment: frozenset[str]) -> frozenset[str]:
    return frozenset(
        _LOAD_KIND.get(slug, slug) for slug in equipment if slug not in NEUTRAL_EQUIPMENT
    )


def _distinguishing(tokens: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if t in _DISTINGUISHING or t.isdigit())


# --- data types --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One exercise resource to resolve.

    ``key`` is the exercise slug, ``source`` its source family ("curated", "article", "wger" or
    "free-exercise-db"), ``names`` its English names with the label first, ``equipment`` the
    slugs it requires and ``primary`` its primary muscle *group* slugs.
    """

    key: str
    source: str
    names: tuple[str, ...]
    equipment: frozenset[str] = frozenset()
    primary: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        """The label (first name), or the slug when there is no name."""
        return self.names[0] if self.names else self.key.replace("-", " ")


@dataclass(frozen=True, order=True)
class Pair:
    """Two candidate keys (``a`` < ``b``), a 0-100 similarity ``score`` and the ``reason``."""

    a: str
    b: str
    score: float
    reason: str


@dataclass
class Cluster:
    """Resources merged into one: the ``canonical`` key, all ``members`` (sorted, canonical
    included) and the ``evidence``: the pairs that joined them, sorted."""

    canonical: str
    members: tuple[str, ...]
    evidence: list[Pair] = field(default_factory=list)


@dataclass
class Resolution:
    """What :func:`resolve` decided: ``clusters`` of two or more resources (sorted by canonical
    key) and ``near_misses``: pairs kept apart that a person should review (sorted)."""

    clusters: list[Cluster]
    near_misses: list[Pair]

    def canonical_map(self) -> dict[str, str]:
        """Return member key -> canonical key for every clustered resource (canonical included);
        resources not in any cluster are absent."""
        return {m: c.canonical for c in self.clusters for m in c.members}


# --- resolution --------------------------------------------------------------------------------


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


#: A slug naming one side: a left or right copy of a movement (issue 22).
_SIDED = re.compile(r"(?:^|-)(?:left|right)(?:-|$)")


def _rank(cand: Candidate) -> tuple[bool, int, int, str]:
    try:
        family = SOURCE_PRIORITY.index(cand.source)
    except ValueError:
        family = len(SOURCE_PRIORITY)
    return (bool(_SIDED.search(cand.key)), family, len(cand.key), cand.key)


@dataclass(frozen=True)
class _Info:
    cand: Candidate
    tokens: tuple[str, ...]
    key: str
    sorted_key: str
    spaceless: str
    dist: frozenset[str]
    kinds: frozenset[str]


def _info(cand: Candidate) -> _Info:
    tokens = _tokens(cand.label)
    return _Info(
        cand=cand,
        tokens=tokens,
        key=" ".join(tokens),
        sorted_key=" ".join(sorted(tokens)),
        spaceless="".join(tokens),
        dist=_distinguishing(tokens),
        kinds=_load_kinds(cand.equipment),
    )


def _word_conflict(x: _Info, y: _Info) -> str | None:
    """Why the labels' distinguishing words keep x and y apart, or None."""
    bad: list[str] = []
    for word, owner, other in sorted(
        [(w, x, y) for w in x.dist - y.dist] + [(w, y, x) for w in y.dist - x.dist],
        key=lambda item: (item[0], item[1].cand.key),
    ):
        implied = _EQUIPMENT_WORDS.get(word)
        if implied and implied & other.cand.equipment:
            continue
        bad.append(f"{word!r} only in {owner.cand.key}")
    return "distinguishing words differ: " + ", ".join(bad) if bad else None


def _evidence_conflict(x: _Info, y: _Info) -> str | None:
    """Why the structured evidence (equipment, primary muscles) keeps x and y apart, or None."""
    if x.kinds and y.kinds and not x.kinds & y.kinds:
        return f"equipment differs: {sorted(x.kinds)} vs {sorted(y.kinds)}"
    px, py = x.cand.primary, y.cand.primary
    if px and py and not px & py:
        return f"primary muscles differ: {sorted(px)} vs {sorted(py)}"
    return None


def _conflict(x: _Info, y: _Info) -> str | None:
    return _word_conflict(x, y) or _evidence_conflict(x, y)


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


def _blocks(infos: Sequence[_Info]) -> Iterator[tuple[int, int]]:
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


def _typo_words(x: _Info, y: _Info) -> tuple[str, str] | None:
    """The one word pair that differs between x and y (same length token lists), else None."""
    if len(x.tokens) != len(y.tokens):
        return None
    xs, ys = sorted(x.tokens), sorted(y.tokens)
    left = [t for t in xs if t not in ys]
    right = [t for t in ys if t not in xs]
    if len(left) != 1 or len(right) != 1:
        return None
    return left[0], right[0]


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
    by_key: dict[str, _Info] = {}
    for cand in sorted(cands, key=lambda c: c.key):
        if cand.key in by_key:
            raise ValueError(f"duplicate candidate key {cand.key!r}")
        by_key[cand.key] = _info(cand)
    infos = [by_key[k] for k in sorted(by_key)]

    different = {_ordered(a, b) for a, b in forced_different if a in by_key and b in by_key}
    same = sorted(
        {_ordered(a, b) for a, b in forced_same if a in by_key and b in by_key and a != b}
    )

    edges: dict[tuple[str, str], tuple[str, Pair]] = {}
    near: dict[tuple[str, str], Pair] = {}

    def propose(x: _Info, y: _Info, tier: str, score: float, reason: str) -> None:
        pair = _ordered(x.cand.key, y.cand.key)
        if pair in different or pair[0] == pair[1]:
            return
        veto = _conflict(x, y)
        if veto is not None:
            if pair not in edges:
                near.setdefault(pair, Pair(*pair, score, f"{reason}; but {veto}"))
            return
        old = edges.get(pair)
        if old is None or _TIER_ORDER[tier] < _TIER_ORDER[old[0]]:
            edges[pair] = (tier, Pair(*pair, score, reason))
            near.pop(pair, None)

    def suggest(x: _Info, y: _Info, score: float, reason: str) -> None:
        pair = _ordered(x.cand.key, y.cand.key)
        if pair in different or pair in edges or pair[0] == pair[1]:
            return
        near.setdefault(pair, Pair(*pair, score, reason))

    # tier 1: same key (ordered, word order, spacing)
    for attr, reason in (
        ("key", "same key"),
        ("sorted_key", "same words in another order"),
        ("spaceless", "same letters, other spacing"),
    ):
        groups: dict[str, list[_Info]] = defaultdict(list)
        for info in infos:
            value = getattr(info, attr)
            if value:
                groups[value].append(info)
        for group in groups.values():
            for x, y in combinations(group, 2):
                propose(x, y, "key", 100.0, f"{reason}: {x.key!r} / {y.key!r}")

    # tier 2: labels equal once equipment words are dropped, words implied by equipment
    stripped: dict[str, list[_Info]] = defaultdict(list)
    for info in infos:
        rest = sorted(t for t in info.tokens if t not in _EQUIPMENT_WORDS)
        if rest and len(rest) < len(info.tokens):
            stripped[" ".join(rest)].append(info)
    for info in infos:
        plain = info.tokens and not any(t in _EQUIPMENT_WORDS for t in info.tokens)
        if plain and info.sorted_key in stripped:
            stripped[info.sorted_key].append(info)
    for group in stripped.values():
        for x, y in combinations(sorted(group, key=lambda i: i.cand.key), 2):
            if x.sorted_key == y.sorted_key:
                continue
            only_x, only_y = set(x.tokens) - set(y.tokens), set(y.tokens) - set(x.tokens)
            if only_x and only_y:
                continue  # each has equipment words the other lacks: different implements
            lacking = y if only_x else x
            extra = sorted(only_x | only_y)
            reason = f"same name but for equipment words {extra}: {x.key!r} / {y.key!r}"
            implied = frozenset().union(*(_EQUIPMENT_WORDS[w] for w in extra))
            if not lacking.kinds:
                suggest(x, y, 100.0, reason + f"; equipment of {lacking.cand.key} unknown")
            elif not lacking.kinds & _load_kinds(implied):
                continue  # the other side's equipment says it is another implement
            elif not lacking.kinds <= _load_kinds(implied):
                suggest(x, y, 100.0, reason + f"; {lacking.cand.key} also lists other equipment")
            elif _word_conflict(x, y) is None:
                propose(x, y, "implied", 100.0, reason + ", implied by the equipment")

    # tier 3: a label equal to another resource's alternative name
    alias_index: dict[str, list[tuple[_Info, str]]] = defaultdict(list)
    for info in infos:
        for name in info.cand.names[1:]:
            key = normalise(name, sort_tokens=True)
            if key and key != info.sorted_key:
                alias_index[key].append((info, name))
    for info in infos:
        for owner, name in alias_index.get(info.sorted_key, ()):
            reason = f"label {info.cand.label!r} is a name of {owner.cand.key}: {name!r}"
            if owner.cand.source in _TRUSTED_ALIAS_SOURCES:
                propose(info, owner, "alias", 100.0, reason)
            else:
                suggest(info, owner, 100.0, reason + " (untrusted alias)")

    # tier 4: typos and the grey zone
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
            propose(x, y, "typo", score, f"typo {words[0]!r} / {words[1]!r}: " + reason)
        elif _conflict(x, y) is None:
            suggest(x, y, score, reason)

    # clustering with cannot-link constraints
    clusters = _Clusters(by_key)
    evidence: list[Pair] = []

    def blocked(a: str, b: str, forced: bool) -> str | None:
        ra, rb = clusters.find(a), clusters.find(b)
        for m in clusters.members[ra]:
            for n in clusters.members[rb]:
                pair = _ordered(m, n)
                if pair in different:
                    return f"{pair[0]} and {pair[1]} are forced different"
                if not forced and pair not in same_set:
                    veto = _conflict(by_key[m], by_key[n])
                    if veto is not None:
                        return f"{pair[0]} / {pair[1]}: {veto}"
        return None

    same_set = set(same)
    for a, b in same:
        if clusters.find(a) == clusters.find(b):
            continue
        why = blocked(a, b, forced=True)
        if why is None:
            clusters.union(a, b)
            evidence.append(Pair(a, b, 100.0, "forced same (reviewed)"))
        else:
            near[(a, b)] = Pair(a, b, 100.0, f"forced same, but {why}")
    for _tier, pair in sorted(
        edges.values(), key=lambda e: (_TIER_ORDER[e[0]], -e[1].score, e[1].a, e[1].b)
    ):
        if (pair.a, pair.b) in same_set:
            continue
        if clusters.find(pair.a) == clusters.find(pair.b):
            evidence.append(pair)
            continue
        why = blocked(pair.a, pair.b, forced=False)
        if why is None:
            clusters.union(pair.a, pair.b)
            evidence.append(pair)
        else:
            near[(pair.a, pair.b)] = Pair(
                pair.a, pair.b, pair.score, f"{pair.reason}; but joining would put {why}"
            )

    result: list[Cluster] = []
    by_root: dict[str, list[Pair]] = defaultdict(list)
    for pair in evidence:
        by_root[clusters.find(pair.a)].append(pair)
    for root, members in clusters.members.items():
        if len(members) < 2:
            continue
        canonical = min((by_key[m].cand for m in members), key=_rank).key
        result.append(Cluster(canonical, tuple(sorted(members)), sorted(by_root[root])))
    result.sort(key=lambda c: c.canonical)
    for pair_key in list(near):
        if clusters.find(pair_key[0]) == clusters.find(pair_key[1]):
            del near[pair_key]
    return Resolution(result, sorted(near.values()))


# --- reviewed overrides ------------------------------------------------------------------------

_OVERRIDE_HEADER = ["a", "b", "decision", "reason"]
_HEADER_TEXT = "\t".join(_OVERRIDE_HEADER)


def read_overrides(path: str | Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Read the reviewed merge decisions from a TSV with header ``a b decision reason``.

    Returns ``(forced_same, forced_different)``: lists of ``(a, b)`` key pairs in file order.
    Blank lines and lines starting with ``#`` are skipped. Raises ValueError with a
    ``path:line: message`` text for a wrong header, a wrong number of fields, an empty key, a
    pair of one key with itself, a decision other than ``same`` / ``different``, an empty
    reason, or a pair listed twice.
    """
    path = Path(path)
    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header_seen = False
        for row in rows:
            line = rows.line_num
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if not header_seen:
                if row != _OVERRIDE_HEADER:
                    got = "\t".join(row)
                    raise ValueError(f"{path}:{line}: header must be {_HEADER_TEXT!r}, got {got!r}")
                header_seen = True
                continue
            if len(row) != 4:
                raise ValueError(f"{path}:{line}: expected 4 tab-separated fields, got {len(row)}")
            a, b, decision, reason = (value.strip() for value in row)
            if not a or not b:
                raise ValueError(f"{path}:{line}: empty key")
            if a == b:
                raise ValueError(f"{path}:{line}: {a!r} paired with itself")
            if not reason:
                raise ValueError(f"{path}:{line}: empty reason")
            pair = _ordered(a, b)
            if pair in seen:
                raise ValueError(f"{path}:{line}: pair {a} / {b} already on line {seen[pair]}")
            seen[pair] = line
            if decision == "same":
                same.append((a, b))
            elif decision == "different":
                different.append((a, b))
            else:
                raise ValueError(
                    f"{path}:{line}: decision must be 'same' or 'different', got {decision!r}"
                )
        if not header_seen:
            raise ValueError(f"{path}:1: missing header {_HEADER_TEXT!r}")
    return same, different
