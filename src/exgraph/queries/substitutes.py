"""The substitution engine: for any exercise, the exercises that can stand in for it, ranked.

Built once per store generation from the exercise records (:meth:`Engine.load`,
:func:`exercise_from_record`; the ranking features come from :func:`derive_features`), then
answered in memory. A candidate must share a primary muscle group or the movement pattern with
the exercise (the Isolation pattern counts only with a shared primary group: a leg curl is no leg
extension; a curated link alone does not make a substitute). Muscles, equipment, difficulty and
pattern are the record's (:mod:`exgraph.records.precedence` chose them), so the engine, the
document and the plan builder read the same facts.

**Never** (candidates removed before scoring): an exercise of another kind family — a stretch,
foam-rolling, mobility or cardio drill for a strength or power exercise, or the other way round
(exg:activityKind; without it exg:category and name words); the same exercise under another
name (:meth:`Engine.same_exercise`: names equal once normalised, synonyms replaced and own-load
and filler words dropped, or the written names equal once normalised whatever the load, or one
is an alternative label of the other, or one is the other with a posture or attachment word
more); a name with the opposite word (up/down, abduction/
adduction...: the antagonists' look-alike); an Olympic lift (clean, snatch, jerk) for an
exercise that is none, unless ``Filters.skill_jump``.

**Score** (WEIGHTS; docs/substitutes.md has the reasons and the benchmark behind the numbers):

==============================  ===========================================================
listed by a curated source      +6 (an article or the curated data names it an alternative)
in a dataset variation group    +1 (wger lists both in one group of variations)
primary muscle groups           +4 × the share of the exercise's primary groups it works as
                                primary; +1 × the share it works only as secondary; +2 when
                                no source lists its muscles (unknown is not different)
secondary muscle groups         +1 × the share of the exercise's secondary groups it works
stabilizers                     +0.5 × the share of the exercise's stabilizer groups it works
movement pattern                +4 when it is the same and both are stated by a source; +3
                                when either is inferred
force / mechanic                +0.5 each when the same
name                            +6 × the IDF-weighted Jaccard of the two names' normalised
                                words + 2 × the share of the exercise's name (IDF-weighted)
                                the candidate's name covers: variations of the same lift first
load type                       +0.75 the same (barbell, dumbbell, kettlebell, bodyweight,
                                cable, machine, band); −0.5 an uncommon implement ("other")
laterality                      +0.5 the same (bilateral, unilateral, alternating)
kind step                       −2 a jump or throw for a strength lift, or the other way round
Olympic lift (when allowed)     −4
extra primary groups            −0.75 for each primary group the exercise does not work at all
harder                          −0.5 for each difficulty level above the exercise's
==============================  ===========================================================

**Variety** (:meth:`Engine.varied`): the first ten places are filled greedily from the 50 best,
each pick's score lowered by 0.75 for every earlier pick of its load type, and no load type gets
a third place in the top 5 while a common load type's option of the same kind scores at least
60 % of the best: a barbell lift's top 5 holds its dumbbell, bodyweight or machine options
instead of five barbell variants.

**Filters** never let an unknown fact pass silently: with ``exclude_equipment`` or ``equipment``
an exercise whose equipment is unknown is left out, and with ``difficulty`` /
``max_difficulty`` one whose difficulty is unknown is left out, unless ``include_unknown`` is
set. A difficulty estimated by an inference rule counts as known and says so
(``difficulty_estimated``). Every reason in an answer is a fact of the two records
(tests/test_substitute_quality.py checks each one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from exgraph.errors import BadRequest, DataError, NotFound
from exgraph.graph.store import GenerationCache, Row, Store
from exgraph.queries.catalogue import CATEGORIES
from exgraph.records import Record, records_for
from exgraph.records.lookup import canonical_params
from exgraph.records.precedence import UNATTRIBUTED
from exgraph.vocab.names import normalise
from exgraph.vocab.terms import EXERCISE, ID, SLUG_RE, local_name

LEVELS = ("low", "moderate", "high")
ROLE_WORDS = ("primary", "secondary", "stabilizer")
#: Sources whose exg:alternative links are curated (not dataset variation groups).
CURATED_FAMILIES = ("curated", "article-")
DEFAULT_LIMIT = 10
#: Filter combinations whose passing exercises are kept per engine.
PASSING_CACHE = 256
MAX_LIMIT = 100

WEIGHTS: dict[str, float] = {
    "curated": 6.0, "variation": 1.0, "primary": 4.0, "primary_as_secondary": 1.0,
    "secondary": 1.0, "stabilizer": 0.5, "pattern": 4.0, "pattern_inferred": 3.0,
    "force": 0.5, "mechanic": 0.5, "extra_primary": -0.75, "harder": -0.5, "name": 6.0,
    "load": 0.75, "laterality": 0.5, "skill_jump": -4.0, "power_jump": -2.0,
    "uncommon_load": -0.5, "muscles_unknown": 2.0,
    "name_cover": 2.0,
}
#: The variety re-rank (Engine.varied): at most VARIETY_CAP places per load type in the top 5
#: while another load type's option scores VARIETY_FLOOR of the best (a greedy pass over the
#: best VARIETY_POOL by score, for the first VARIETY_DEPTH places), each pick's score also
#: lowered by VARIETY for every earlier pick of its load type. Tuned on the benchmark's dev
#: half: the cap gives the top 5 its barbell, dumbbell, bodyweight and machine options; the
#: penalty (0.75 until the second review) only pushed poorer options into places 6-10 (an ab
#: crunch machine and a cable crunch for the plank, a cable Russian twist for the leg pull-in)
#: and is off.
VARIETY = 0.0
VARIETY_POOL = 50
VARIETY_DEPTH = 10
VARIETY_CAP = 2
VARIETY_FLOOR = 0.6
#: A pattern that says only "one joint moves": the same Isolation pattern counts (and makes a
#: candidate) only with a shared primary muscle group (a leg curl is no leg extension).
LOOSE_PATTERNS = frozenset({"Isolation"})

_PREFIXES = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# The direct links only: the closure is taken in Python (:func:`_closure`). A path with both
# ends open (``?kind skos:broader* ?up``) answers nothing on Virtuoso 7.2, and a UNION of
# ``skos:broader+`` branches answers only part of it; direct links mean the same on every engine.
Q_TAXONOMY = _PREFIXES + """SELECT ?kind ?broader WHERE {
  { ?kind a exg:Equipment } UNION { ?kind a exg:EquipmentCategory }
  OPTIONAL { ?kind skos:broader ?broader } }"""
Q_LABELS = _PREFIXES + """SELECT ?x ?label WHERE {
  { ?x a exg:Muscle } UNION { ?x a exg:MovementPattern } UNION { ?x a exg:Equipment }
  UNION { ?x a exg:EquipmentCategory }
  ?x rdfs:label ?label }"""


_local = local_name


#: Equipment categories by the slugs the API takes (``machine`` is also the kind under it).
_CATEGORY_SLUGS = {str(iri): slug for slug, iri in CATEGORIES.items()}


def _kit(iri: str) -> str:
    """An equipment kind's slug, or a category's (``free-weight`` for exg:FreeWeight)."""
    return _CATEGORY_SLUGS.get(iri) or _local(iri)


def _closure(rows: Iterable[Row]) -> dict[str, set[str]]:
    """Each equipment kind or category (by :func:`_kit`) -> itself and everything above it,
    from the direct ``skos:broader`` links of :data:`Q_TAXONOMY` (a cycle ends the walk)."""
    broader: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        kind = _kit(str(row["kind"]))
        broader[kind]  # a kind with nothing above it is still a kind
        if "broader" in row:
            broader[kind].add(_kit(str(row["broader"])))
    ups: dict[str, set[str]] = {}
    for kind in broader:
        seen, todo = {kind}, [kind]
        while todo:
            for up in broader.get(todo.pop(), ()):
                if up not in seen:
                    seen.add(up)
                    todo.append(up)
        ups[kind] = seen
    return ups


@dataclass
class Exercise:
    """What the engine knows of one exercise (slugs for muscles and equipment)."""

    slug: str
    name: str
    primary: frozenset[str] = frozenset()
    secondary: frozenset[str] = frozenset()
    stabilizer: frozenset[str] = frozenset()
    pattern: str | None = None
    pattern_inferred: bool = False
    levels: frozenset[str] = frozenset()
    difficulty_estimated: bool = False
    equipment: frozenset[str] = frozenset()
    equipment_inferred: bool = False
    needs: frozenset[str] = frozenset()  # equipment and everything broader (categories too)
    force: str | None = None
    mechanic: str | None = None
    curated: dict[str, str] = field(default_factory=dict)  # alternative slug -> source family
    variations: frozenset[str] = frozenset()
    options: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # normalised words of its name
    sort_name: str = ""
    moving: frozenset[str] = frozenset()  # primary | secondary
    worked: frozenset[str] = frozenset()  # every group it works in any role
    # the same as bit masks over the engine's muscle groups and name words (for scoring)
    pmask: int = 0
    smask: int = 0
    stmask: int = 0
    mvmask: int = 0
    wkmask: int = 0
    rank: int | None = None  # the lowest level it comes at (0 low .. 2 high); None: unknown
    # -- ranking features, derived by derive_features() from the record (defaults: unknown) --
    load: str | None = None  # barbell | dumbbell | kettlebell | bodyweight | cable | machine |
    #                          band | other (LOAD_TYPES); None: equipment unknown
    laterality: str | None = None  # bilateral | unilateral | alternating
    laterality_stated: bool = False  # exg:laterality (else read from the name)
    kind: str = "strength"  # ACTIVITY_KINDS: strength | power | stretching | smr | mobility |
    #                          cardio
    kind_stated: bool = False  # exg:activityKind (else exg:category and name words)
    olympic: bool = False  # a clean, snatch or jerk (barbell or kettlebell): a skill step
    keys: frozenset[str] = frozenset()  # name keys (name_keys) for the same-exercise test
    alt_keys: frozenset[str] = frozenset()  # the same of its alternative labels
    generic_keys: frozenset[str] = frozenset()  # the same without QUALIFIERS (name_keys)
    raw_words: frozenset[str] = frozenset()  # lower-case words as written (for OPPOSITES)
    load_named: bool = False  # its name names its load type ("Barbell Squat")

    @property
    def equipment_known(self) -> bool:
        return bool(self.equipment)



@dataclass(frozen=True)
class Filters:
    """What the lifter has and wants. Build with :meth:`Filters.parse` from request values."""

    exclude_equipment: frozenset[str] = frozenset()
    equipment: frozenset[str] | None = None
    difficulty: str | None = None
    max_difficulty: str | None = None
    cover: str | None = None  # "primary": must work every primary group of the exercise
    include_unknown: bool = False
    limit: int = DEFAULT_LIMIT
    skill_jump: bool = False  # allow Olympic lifts (clean, snatch, jerk) for another exercise

    @classmethod
    def parse(cls, values: Mapping[str, str | Sequence[str]], known_equipment: Iterable[str]
              ) -> Filters:
        """Filters from request values (a value may repeat or be a comma list).

        Raises BadRequest naming the parameter for an unknown equipment kind, level, role or a
        bad limit.
        """
        kinds = set(known_equipment)

        def many(name: str) -> list[str]:
            raw = values.get(name)
            items = [raw] if isinstance(raw, str) else list(raw or [])
            return [p.strip() for item in items for p in item.split(",") if p.strip()]

        def one(name: str) -> str | None:
            got = many(name)
            if len(got) > 1:
                raise BadRequest(f"parameter {name!r} takes one value, got {len(got)}")
            return got[0] if got else None

        def equipment(name: str) -> frozenset[str]:
            got = many(name)
            for slug in got:
                if slug not in kinds:
                    raise BadRequest(f"parameter {name!r}: no equipment {slug!r}")
            return frozenset(got)

        def level(name: str) -> str | None:
            value = one(name)
            if value is not None and value not in LEVELS:
                raise BadRequest(f"parameter {name!r}: {value!r} is not one of "
                                 f"{', '.join(LEVELS)}")
            return value

        cover = one("cover")
        if cover not in (None, "primary"):
            raise BadRequest(f"parameter 'cover': {cover!r} is not 'primary'")
        unknown = one("include_unknown") or "false"
        if unknown not in ("true", "false"):
            raise BadRequest("parameter 'include_unknown': use true or false")
        raw_limit = one("limit")
        limit = DEFAULT_LIMIT
        if raw_limit is not None:
            if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
                raise BadRequest(f"parameter 'limit': a whole number from 1 to {MAX_LIMIT}")
            limit = int(raw_limit)
        has = equipment("equipment") if "equipment" in values else None
        return cls(equipment("exclude_equipment"), has, level("difficulty"),
                   level("max_difficulty"), cover, unknown == "true", limit)


@dataclass(frozen=True)
class _Measure:
    """A candidate's score and the overlaps behind it, before any words are written."""

    score: float
    shared_primary: frozenset[str]
    as_secondary: frozenset[str]
    shared_secondary: frozenset[str]
    shared_stabilizer: frozenset[str]
    same_pattern: bool
    pattern_guessed: bool


@dataclass(frozen=True)
class Substitute:
    """One ranked answer: the exercise, its score and why."""

    exercise: Exercise
    score: float
    tier: str  # "curated" | "variation" | "computed"
    reasons: tuple[str, ...]
    shared: Mapping[str, tuple[str, ...]]
    same_pattern: bool
    best_for: str | None = None
    key_difference: str | None = None

    def as_json(self, labels: Mapping[str, str]) -> dict[str, Any]:
        """The JSON item the API serves."""
        ex = self.exercise
        return {
            "id": ex.slug, "iri": str(EXERCISE[ex.slug]), "name": ex.name,
            "score": round(self.score, 2), "tier": self.tier, "reasons": list(self.reasons),
            "shared_muscles": {role: list(groups) for role, groups in self.shared.items()},
            "movement_pattern": labels.get(ex.pattern, ex.pattern) if ex.pattern else None,
            "same_pattern": self.same_pattern,
            "equipment": sorted(ex.equipment), "equipment_known": ex.equipment_known,
            "difficulty": [lv for lv in LEVELS if lv in ex.levels],
            "difficulty_estimated": ex.difficulty_estimated,
            "best_for": self.best_for, "key_difference": self.key_difference,
        }


def exercise_from_record(record: Record, group_of: Mapping[str, str]) -> Exercise:
    """What the engine knows of an exercise, read from its record: muscles as their groups
    (a muscle listed as primary is not also counted as secondary or stabilizer), the pattern
    and equipment as local names, the difficulty levels, and the alternatives split into
    curated ones (an article or the curated data lists them) and dataset variations."""
    def groups(role: str) -> frozenset[str]:
        return frozenset(group_of.get(m, m) for m in record.muscle_ids(role))

    name = record.name or record.id
    ex = Exercise(record.id, name, force=record.force.lower() if record.force else None,
                  mechanic=record.mechanic.lower() if record.mechanic else None)
    ex.primary = groups("primary")
    ex.secondary = groups("secondary") - ex.primary
    ex.stabilizer = groups("stabilizer") - ex.primary - ex.secondary
    if record.movement_pattern is not None:
        ex.pattern = _local(record.movement_pattern["iri"])
        ex.pattern_inferred = record.movement_pattern_inferred
    ex.levels = frozenset(record.difficulty)
    ex.difficulty_estimated = record.difficulty_estimated
    ex.rank = min((LEVELS.index(lv) for lv in ex.levels if lv in LEVELS), default=None)
    ex.equipment = frozenset(_local(e["iri"]) for e in record.equipment)
    ex.equipment_inferred = record.equipment_inferred
    curated: dict[str, str] = {}
    variations: set[str] = set()
    listed = record.value_sources.get("alternatives", {})
    for alt in record.alternatives:
        other = alt["id"]
        if other == record.id:
            continue
        # a store loaded without named graphs states everything "unattributed": as before
        # sources had graphs, its links count as the curated data's
        families = [s for s in listed.get(other, [])
                    if s.startswith(CURATED_FAMILIES) or s == UNATTRIBUTED]
        if families:
            curated[other] = families[0]
        else:
            variations.add(other)
        if alt["best_for"] is not None or alt["key_difference"] is not None:
            ex.options[other] = (alt["best_for"], alt["key_difference"])
    ex.curated, ex.variations = curated, frozenset(variations)
    ex.words = frozenset(_normalised(name).split())
    ex.sort_name = name.lower()
    ex.moving = ex.primary | ex.secondary
    ex.worked = ex.moving | ex.stabilizer
    return ex


class Engine:
    """The substitution engine over one store generation. Build with :meth:`load`."""

    def __init__(self, exercises: dict[str, Exercise], taxonomy: dict[str, frozenset[str]],
                 labels: dict[str, str]) -> None:
        self.exercises = exercises
        self.taxonomy = taxonomy  # equipment kind or category slug -> itself and everything above
        self.labels = labels
        below: dict[str, set[str]] = defaultdict(set)
        for kind, ups in taxonomy.items():
            for up in ups:
                below[up].add(kind)
        self.below = {k: frozenset(v) for k, v in below.items()}
        by_group: dict[str, set[str]] = defaultdict(set)
        by_pattern: dict[str, set[str]] = defaultdict(set)
        for slug, ex in exercises.items():
            for group in ex.primary:
                by_group[group].add(slug)
            if ex.pattern:
                by_pattern[ex.pattern].add(slug)
        self.by_group = {k: frozenset(v) for k, v in by_group.items()}
        self.by_pattern = {k: frozenset(v) for k, v in by_pattern.items()}
        self._passing: dict[tuple[object, ...], npt.NDArray[np.bool_]] = {}
        self._arrays()

    def _arrays(self) -> None:
        """Columns over every exercise for scoring: ranking scores thousands of candidates at 10k
        exercises, so it runs as array operations; only the kept ones are explained in words."""
        order = sorted(self.exercises.values(), key=lambda ex: (ex.sort_name, ex.slug))
        self.slugs = [ex.slug for ex in order]
        self.position = {slug: i for i, slug in enumerate(self.slugs)}  # also the name order
        codes: dict[str | None, int] = {None: 0}

        def code(value: str | None) -> int:
            return codes.setdefault(value, len(codes))

        self.a_pmask = np.array([ex.pmask for ex in order], dtype=np.int64)
        self.a_smask = np.array([ex.smask for ex in order], dtype=np.int64)
        self.a_mvmask = np.array([ex.mvmask for ex in order], dtype=np.int64)
        self.a_wkmask = np.array([ex.wkmask for ex in order], dtype=np.int64)
        self.a_pattern = np.array([code(ex.pattern) for ex in order], dtype=np.int32)
        self.a_guessed = np.array([ex.pattern_inferred for ex in order], dtype=np.bool_)
        self.a_force = np.array([code(ex.force) for ex in order], dtype=np.int32)
        self.a_mechanic = np.array([code(ex.mechanic) for ex in order], dtype=np.int32)
        self.a_kit = np.array([code("|".join(sorted(ex.equipment)) or None) for ex in order],
                              dtype=np.int32)
        self.a_rank = np.array([-1 if ex.rank is None else ex.rank for ex in order], dtype=np.int8)
        # the name similarity reads names with their synonyms folded (_SYNONYMS: "press-up"
        # is "push-up", "SZ bar" the "EZ bar"), as the same-exercise test does
        self.name_words = {ex.slug: frozenset(_name_words(ex.name)) for ex in order}
        with_word: dict[str, list[int]] = defaultdict(list)
        for i, ex in enumerate(order):
            for word in self.name_words[ex.slug]:
                with_word[word].append(i)
        self.with_word = {w: np.array(v, dtype=np.int64) for w, v in with_word.items()}
        # a word's weight in the name similarity: log(N / exercises whose name has it), so
        # "plank" or "pulldown" counts for more than "press" or "dumbbell"
        self.idf = {w: float(np.log(len(order) / len(v))) for w, v in with_word.items()}
        self.a_wsum = np.array([sum(self.idf[w] for w in self.name_words[ex.slug])
                                for ex in order],
                               dtype=np.float64)
        self.a_load = np.array([code(ex.load) for ex in order], dtype=np.int32)
        self.a_laterality = np.array([code(ex.laterality) for ex in order], dtype=np.int32)
        self.a_load_named = np.array([ex.load_named for ex in order], dtype=np.bool_)
        self.a_family = np.array([KIND_FAMILIES.get(ex.kind, 0) for ex in order], dtype=np.int8)
        self.a_power = np.array([ex.kind == "power" for ex in order], dtype=np.bool_)
        self.a_olympic = np.array([ex.olympic for ex in order], dtype=np.bool_)
        holders: dict[str, list[int]] = defaultdict(list)  # name key -> who is named so
        aliases: dict[str, list[int]] = defaultdict(list)  # alternative label key -> whose
        generic: dict[str, list[int]] = defaultdict(list)  # generic key -> whose it is
        raw: dict[str, list[int]] = defaultdict(list)
        written: dict[str, list[int]] = defaultdict(list)  # normalised name -> who has it
        for i, ex in enumerate(order):
            written[_normalised(ex.name)].append(i)
            for key in ex.keys:
                holders[key].append(i)
            for key in ex.alt_keys:
                aliases[key].append(i)
            for key in ex.generic_keys:
                generic[key].append(i)
            for word in ex.raw_words:
                raw[word].append(i)
        self.key_holders = {k: np.array(v, dtype=np.int64) for k, v in holders.items()}
        self.alias_holders = {k: np.array(v, dtype=np.int64) for k, v in aliases.items()}
        self.generic_holders = {k: np.array(v, dtype=np.int64) for k, v in generic.items()}
        self.with_raw = {w: np.array(v, dtype=np.int64) for w, v in raw.items()}
        self.written_holders = {k: np.array(v, dtype=np.int64) for k, v in written.items()}
        self.codes = codes

    def opposite(self, target: Exercise) -> npt.NDArray[np.bool_]:
        """Which exercises have a word in their written name whose opposite (OPPOSITES) is in
        the target's and not itself: the antagonists' look-alike ("Lying Face Up Plate Neck
        Resistance" for the face-down one, hip abduction for adduction)."""
        found = np.zeros(len(self.slugs), dtype=np.bool_)
        for one, other in OPPOSITES + tuple((b, a) for a, b in OPPOSITES):
            if one in target.raw_words and other not in target.raw_words \
                    and other in self.with_raw:
                found[self.with_raw[other]] = True
        return found

    def same_exercise(self, target: Exercise) -> npt.NDArray[np.bool_]:
        """Which exercises are the target under another name: one of its name keys
        (:func:`name_keys`: normalised, synonyms replaced, filler and own-load words dropped,
        word order or spaces ignored) or alternative labels equals one of the target's, at a
        compatible load type (the same, or either unknown: "Squat" with a barbell is not the
        bodyweight "Squat")."""
        same = np.zeros(len(self.slugs), dtype=np.bool_)
        # a name equals the other's name or one of its alternative labels, or is the other's
        # with a posture or attachment word more ("Leg Raise" / "Lying Leg Raise": a generic
        # key is matched against full names only, so "Standing Leg Curl" and "Lying Leg Curl"
        # stay two exercises)
        for holders, keys in ((self.key_holders, target.keys | target.alt_keys
                               | target.generic_keys),
                              (self.alias_holders, target.keys),
                              (self.generic_holders, target.keys | target.alt_keys)):
            for key in keys:
                found = holders.get(key)
                if found is not None:
                    same[found] = True
        if target.load is not None:
            # the load types differ: the same exercise only when one is bodyweight by the
            # record and the other's name names no load ("Walking Lunges" with a band listed,
            # "Bodyweight Walking Lunge"), not "Squat" and "Barbell Squat"
            bodyweight = self.codes.get("bodyweight", -1)
            same &= ((self.a_load == self.codes[target.load]) | (self.a_load == 0)
                     | ((target.load == "bodyweight") & ~self.a_load_named)
                     | ((self.a_load == bodyweight) & (not target.load_named)))
        # names equal once normalised are the same exercise to a reader whatever the records
        # say of the load ("Squat with Bands" with a barbell listed, "Squats - With Bands")
        found = self.written_holders.get(_normalised(target.name))
        if found is not None:
            same[found] = True
        return same

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, store: Store) -> Engine:
        """The engine over store's exercise records (:mod:`exgraph.records`: the muscles,
        equipment, difficulty and pattern every surface reads), plus the equipment taxonomy and
        the names of muscles, patterns and equipment (two SELECTs)."""
        found = records_for(store)
        exercises = {slug: exercise_from_record(record, found.group_of)
                     for slug, record in found.records.items()}
        for ex in exercises.values():  # alternatives that are no exercise of the store
            ex.curated = {o: f for o, f in ex.curated.items() if o in exercises}
            ex.variations = frozenset(o for o in ex.variations if o in exercises)
        ups = _closure(store.select(Q_TAXONOMY))
        labels = {_local(str(r["x"])): str(r["label"]) for r in store.select(Q_LABELS)}
        taxonomy = {k: frozenset(v) for k, v in ups.items()}
        groups = _Bits()
        for ex in exercises.values():
            ex.needs = frozenset(up for kind in ex.equipment for up in taxonomy.get(kind, {kind}))
            ex.pmask, ex.smask, ex.stmask = (groups.mask(ex.primary), groups.mask(ex.secondary),
                                             groups.mask(ex.stabilizer))
            ex.mvmask, ex.wkmask = ex.pmask | ex.smask, ex.pmask | ex.smask | ex.stmask
        if len(groups.index) > 63:
            raise DataError(f"{len(groups.index)} muscle groups: the engine's masks hold 63")
        derive_features(exercises, record_facts(found.records.values()))
        return cls(exercises, taxonomy, labels)

    # -- answering -------------------------------------------------------------------------

    def exercise(self, slug: str) -> Exercise:
        """The exercise with this slug (raises NotFound)."""
        try:
            return self.exercises[slug]
        except KeyError:
            raise NotFound(f"no exercise {slug!r}") from None

    def passes(self, ex: Exercise, f: Filters) -> bool:
        """Whether ex meets the filters by known (or explicitly estimated) facts."""
        if f.exclude_equipment or f.equipment is not None:
            if not ex.equipment_known:
                if not f.include_unknown:
                    return False
            else:
                if ex.needs & f.exclude_equipment:
                    return False
                if f.equipment is not None and not all(
                        self._available(kind, f.equipment) for kind in ex.equipment):
                    return False
        if f.difficulty or f.max_difficulty:
            if not ex.levels:
                return f.include_unknown
            if f.difficulty and f.difficulty not in ex.levels:
                return False
            rank = ex.rank
            if f.max_difficulty and rank is not None and rank > LEVELS.index(f.max_difficulty):
                return False
        return True

    def _available(self, kind: str, has: frozenset[str]) -> bool:
        """A need is met by the kind itself or a narrower kind the lifter has; bodyweight and
        unspecified 'other' need nothing."""
        if kind in ("bodyweight", "other") or kind in has:
            return True
        return bool(self.below.get(kind, frozenset()) & has)

    def passing(self, f: Filters) -> npt.NDArray[np.bool_]:
        """Which exercises (in :attr:`slugs` order) meet the filters; cached per filter
        combination, so the filters run once per combination, not once per request."""
        key = (f.exclude_equipment, f.equipment, f.difficulty, f.max_difficulty,
               f.include_unknown)  # (skill_jump is applied in scores, not here)
        found = self._passing.get(key)
        if found is None:
            found = np.array([self.passes(self.exercises[s], f) for s in self.slugs],
                             dtype=np.bool_)
            if len(self._passing) >= PASSING_CACHE:
                self._passing.clear()
            self._passing[key] = found
        return found

    def rank(self, slug: str, filters: Filters | None = None) -> list[Substitute]:
        """The substitutes of the exercise, best first, cut at the limit: by score (then name),
        with the variety re-rank (:meth:`varied`) over the first places.

        Raises NotFound for an unknown exercise.
        """
        f = filters or Filters()
        target = self.exercise(slug)
        ids, scores = self.scores(target, f)
        order = np.lexsort((ids, -scores))  # ids are in name order: ties by name
        picked = self.varied(ids, scores, order, f.limit, target)
        return [self._explain(target, self.exercises[self.slugs[int(ids[i])]], float(scores[i]))
                for i in picked]

    def varied(self, ids: npt.NDArray[np.int64], scores: npt.NDArray[np.float64],
               order: npt.NDArray[np.int64], limit: int, target: Exercise) -> list[int]:
        """Indexes into ids for the answer: a greedy MMR-style pass over the VARIETY_POOL best by
        score fills the first VARIETY_DEPTH places, each pick maximising its score minus VARIETY
        for every earlier pick of its load type (unknown load counts as its own type); in the
        top 5 a load type gets at most VARIETY_CAP places while a candidate of another load type
        scores at least VARIETY_FLOOR of the best score (such an option exists for the
        movement; an uncommon implement, an unknown load or a jump for a lift is no such
        option); the rest follow in score order."""
        pool = [int(i) for i in order[:max(VARIETY_POOL, limit)]]
        if not pool:
            return []
        loads = self.a_load[ids[pool]].tolist()
        floor = VARIETY_FLOOR * float(scores[pool[0]])
        uncommon = {0, self.codes.get("other", -1)}
        option = [loads[k] not in uncommon and scores[pool[k]] >= floor
                  and bool(self.a_power[ids[pool[k]]]) == (target.kind == "power")
                  for k in range(len(pool))]
        seen: dict[int, int] = defaultdict(int)
        picked: list[int] = []
        left = list(range(len(pool)))

        def value(j: int) -> tuple[float, int]:
            load = loads[j]
            capped = len(picked) < 5 and seen[load] >= VARIETY_CAP and any(
                option[k] and loads[k] != load and seen[loads[k]] < VARIETY_CAP for k in left)
            return (scores[pool[j]] - VARIETY * seen[load] - (1e6 if capped else 0.0), -j)

        for _ in range(min(limit, VARIETY_DEPTH, len(pool))):
            best = max(left, key=value)
            left.remove(best)
            picked.append(pool[best])
            seen[loads[best]] += 1
        picked += [pool[j] for j in left]
        return picked[:limit]

    def scores(self, target: Exercise, f: Filters  # noqa: C901 (issue 20: to split)
               ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """(positions, scores) of every candidate that meets the filters: the table in the
        module documentation, as array operations over the candidates."""
        w = WEIGHTS
        tp = target.pmask
        pattern = self.codes.get(target.pattern, -1) if target.pattern else -1
        shares = (self.a_pmask & tp) != 0
        candidate = shares.copy()
        if pattern > 0:
            same_pattern = self.a_pattern == pattern
            if target.pattern in LOOSE_PATTERNS and tp:
                same_pattern &= shares
            candidate |= same_pattern
        if f.cover == "primary":
            candidate &= (self.a_pmask & tp) == tp
        # a lift is never replaced by a stretch, rolling, mobility or cardio drill, nor they by
        # a lift; nor an exercise by itself under another name
        candidate &= self.a_family == KIND_FAMILIES.get(target.kind, 0)
        candidate &= ~self.same_exercise(target)
        candidate &= ~self.opposite(target)
        if not target.olympic and not f.skill_jump:  # no clean or snatch for a hinge drill
            candidate &= ~self.a_olympic
        candidate &= self.passing(f)
        candidate[self.position[target.slug]] = False
        ids = np.flatnonzero(candidate)
        pm = self.a_pmask[ids]
        score = np.zeros(len(ids), dtype=np.float64)
        for others, weight in ((target.curated, w["curated"]),
                               (target.variations, w["variation"])):
            if others:
                at = np.array([self.position[s] for s in others if s in self.position])
                score += np.where(np.isin(ids, at), weight, 0.0)
        shared_primary = pm & tp
        n_primary = tp.bit_count()
        if n_primary:
            # a candidate whose muscles no source gives is not a candidate that works others
            score += np.where(pm == 0, w["muscles_unknown"], 0.0)
            as_secondary = tp & self.a_smask[ids] & ~shared_primary
            score += (w["primary"] * np.bitwise_count(shared_primary)
                      + w["primary_as_secondary"] * np.bitwise_count(as_secondary)) / n_primary
        if target.smask:
            score += (w["secondary"] * np.bitwise_count(target.smask & self.a_mvmask[ids])
                      / target.smask.bit_count())
        if target.stmask:
            score += (w["stabilizer"] * np.bitwise_count(target.stmask & self.a_wkmask[ids])
                      / target.stmask.bit_count())
        score += w["extra_primary"] * np.bitwise_count(pm & ~target.wkmask)
        if pattern > 0:
            same = self.a_pattern[ids] == pattern
            if target.pattern in LOOSE_PATTERNS and tp:
                same &= shared_primary != 0
            guessed = self.a_guessed[ids] | target.pattern_inferred
            score += np.where(same, np.where(guessed, w["pattern_inferred"], w["pattern"]), 0.0)
        for column, value, weight in ((self.a_force, target.force, w["force"]),
                                      (self.a_mechanic, target.mechanic, w["mechanic"]),
                                      (self.a_load, target.load, w["load"]),
                                      (self.a_laterality, target.laterality, w["laterality"])):
            if value:
                score += np.where(column[ids] == self.codes[value], weight, 0.0)
        words = self.name_words[target.slug]
        if words:
            shared = np.zeros(len(self.slugs), dtype=np.float64)
            for word in words:
                shared[self.with_word[word]] += self.idf[word]
            common = shared[ids]
            union = self.a_wsum[self.position[target.slug]] + self.a_wsum[ids] - common
            score += w["name"] * np.divide(common, union, out=np.zeros(len(ids)),
                                           where=union > 0)
            own = self.a_wsum[self.position[target.slug]]
            if own > 0:
                score += w["name_cover"] * common / own
        if target.load != "other":  # a log, keg, sled or chains: few lifters have one
            score += np.where(self.a_load[ids] == self.codes.get("other", -1),
                              w["uncommon_load"], 0.0)
        if not target.olympic:
            score += np.where(self.a_olympic[ids], w["skill_jump"], 0.0)
        if target.kind in TRAINING_KINDS:  # a jump or throw for a lift, or a lift for one
            other_kind = self.a_power[ids] != (target.kind == "power")
            score += np.where(other_kind & ~self.a_olympic[ids], w["power_jump"], 0.0)
        if target.rank is not None:
            ranks = self.a_rank[ids].astype(np.int64)
            score += w["harder"] * np.where(ranks > target.rank, ranks - target.rank, 0)
        return ids, score

    def _explain(self, target: Exercise, ex: Exercise, score: float) -> Substitute:
        """The kept answer with its overlaps and its reasons in words."""
        shared_primary = target.primary & ex.primary
        m = _Measure(score, shared_primary, (target.primary & ex.secondary) - shared_primary,
                     target.secondary & ex.moving, target.stabilizer & ex.worked,
                     target.pattern is not None and target.pattern == ex.pattern,
                     ex.pattern_inferred or target.pattern_inferred)
        reasons = []
        tier = "computed"
        if ex.slug in target.curated:
            tier = "curated"
            reasons.append(f"listed as an alternative by {_source_words(target.curated[ex.slug])}")
        elif ex.slug in target.variations:
            tier = "variation"
            reasons.append("a variation of it in the same wger group")
        # each muscle with the role the substitute gives it
        muscles = [f"{self._label(g)} (primary)" for g in sorted(m.shared_primary)]
        muscles += [f"{self._label(g)} ({'primary' if g in ex.primary else 'secondary'})"
                    for g in sorted(m.shared_secondary)]
        if muscles:
            reasons.append(f"works the {_join(muscles)}, like {target.name}")
        if m.as_secondary:
            reasons.append(f"works the {_join([self._label(g) for g in sorted(m.as_secondary)])}"
                           " only as a secondary mover")
        if not ex.primary:
            reasons.append("no source lists its muscles")
        if m.same_pattern:
            inferred = " (inferred)" if m.pattern_guessed else ""
            reasons.append(f"same {self._label(ex.pattern or '').lower()} pattern{inferred}")
        if target.rank is not None and ex.rank is not None and ex.rank > target.rank:
            reasons.append(f"harder: {LEVELS[ex.rank]} rather than {LEVELS[target.rank]}")
        if ex.olympic and not target.olympic:
            reasons.append("an Olympic lift (clean, snatch or jerk): a step up in skill")
        elif ex.kind != target.kind and {ex.kind, target.kind} <= TRAINING_KINDS:
            reasons.append("explosive (a jump, throw or quick lift) rather than a strength lift"
                           if ex.kind == "power" else
                           "a strength lift rather than an explosive drill")
        if ex.laterality and target.laterality and ex.laterality != target.laterality:
            how = "" if ex.laterality_stated and target.laterality_stated else \
                " (read from the names)"
            reasons.append(f"{ex.laterality} rather than {target.laterality}{how}")
        if ex.load and target.load and ex.load != target.load and ex.load != "other":
            reasons.append(f"{ex.load} rather than {target.load}")
        needs = self._equipment_words(ex)
        if target.equipment != ex.equipment and needs:
            reasons.append(needs)
        best, diff = target.options.get(ex.slug, (None, None))
        shared = {"primary": tuple(sorted(m.shared_primary)),
                  "secondary": tuple(sorted(m.shared_secondary)),
                  "stabilizer": tuple(sorted(m.shared_stabilizer))}
        return Substitute(ex, m.score, tier, tuple(reasons), shared, m.same_pattern, best, diff)

    def _label(self, slug: str) -> str:
        return self.labels.get(slug, slug.replace("-", " ")).lower()

    def _equipment_words(self, ex: Exercise) -> str:
        if not ex.equipment:
            return "equipment unknown"
        kit = _join([self._label(k) for k in sorted(ex.equipment)])
        if ex.equipment <= {"bodyweight"}:
            return "needs no equipment"
        return f"needs {kit}" + (" (inferred from its name)" if ex.equipment_inferred else "")



# -- ranking features ------------------------------------------------------------------------

#: Load types, the kind of resistance a lifter swaps between (the variety of a top 5 is counted
#: over these): the first whose equipment the exercise needs (machine before cable before
#: barbell ...), "bodyweight" when it needs only the body and things to hold or lie on.
LOAD_TYPES = ("machine", "cable", "barbell", "kettlebell", "dumbbell", "band", "bodyweight",
              "other")
_LOAD_NEEDS = (("machine", "machine"), ("cable", "cable-system"), ("barbell", "barbell"),
               ("kettlebell", "kettlebell"), ("dumbbell", "dumbbell"),
               ("band", "resistance-band"))
#: Equipment that adds no load: an exercise needing only these is a bodyweight exercise.
_NO_LOAD = frozenset({
    "bodyweight", "pull-up-bar", "bench", "incline-bench", "decline-bench", "dip-station",
    "gymnastic-rings", "suspension-trainer", "parallettes", "ab-wheel", "gym-mat",
    "exercise-ball", "plyo-box", "hyperextension-bench", "glute-ham-developer", "preacher-bench",
    "squat-rack"})
#: Words naming a load type in exercise names (dropped from the same-name key when they name
#: the exercise's own load: "Barbell Romanian Deadlift" is the barbell "Romanian deadlift").
_LOAD_WORDS = {"barbell": {"barbell", "bb"}, "dumbbell": {"dumbbell"},
               "kettlebell": {"kettlebell", "kb"}, "bodyweight": {"bodyweight"},
               "cable": {"cable"}, "machine": {"machine", "lever"},
               "band": {"band", "banded", "resistance"}}
#: Words that name no difference ("Standard Push-up" is the push-up).
_FILLER = frozenset({"standard", "basic", "regular", "normal", "classic", "traditional",
                     "exercise", "conventional", "medium", "session", "workout", "cardio"})
#: Names of one exercise in other words (vocabulary, not items): phrase -> canonical words.
_SYNONYMS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("pressup",), ("pushup",)),
    (("australian", "pullup"), ("inverted", "row")),
    (("front", "plank"), ("plank",)),
    (("forearm", "plank"), ("plank",)),
    (("hyperextension",), ("back", "extension")),
    (("two",), ("double",)),
    (("clean", "grip"), ("grip",)),  # a grip, not the lift
    (("bar", "attachment"), ("attachment",)),  # the default cable attachment
    (("sz",), ("ez",)),  # the SZ bar is the EZ bar
    (("biceps", "curl"), ("curl",)),  # a curl is a biceps curl unless the name says otherwise
    (("toucher",), ("touch",)),
    (("toe", "press"), ("calf", "press")),  # on a leg press
    (("side", "lateral", "raise"), ("lateral",)),  # a lateral is a side (lateral) raise
    (("lateral", "raise"), ("lateral",)),
    (("side", "lateral"), ("lateral",)),
)
#: Words that say how an exercise is done but not which: a name without them is the same
#: exercise named generically ("Leg Curl" / "Lying Leg Curls"; "Military Press" / "Standing
#: Military Press"; "Overhead Cable Triceps Extension" / "... with Rope").
QUALIFIERS = frozenset({"lying", "standing", "rope", "handle", "attachment", "grip", "left",
                        "right", "alternate", "alternating"})
#: Words naming opposite directions or muscles: a candidate whose name has one where the
#: exercise's has the other ("Face Up" / "Face Down" neck resistance, hip abduction / adduction)
#: works the antagonists, the hard negative of a look-alike.
OPPOSITES = (("up", "down"), ("abduction", "adduction"), ("abductor", "adductor"),
             ("internal", "external"), ("flexion", "extension"), ("flexor", "extensor"))
#: exg:activityKind values and the kinds the engine keeps apart.
ACTIVITY_KINDS = {"StrengthTraining": "strength", "PowerTraining": "power",
                  "Stretching": "stretching", "SelfMyofascialRelease": "smr",
                  "MobilityDrill": "mobility", "Cardio": "cardio"}
#: Kinds a strength or power exercise may be replaced by (a stretch, a foam-rolling drill, a
#: mobility or cardio drill never stands in for a lift, nor the other way round).
TRAINING_KINDS = frozenset({"strength", "power"})
#: The families a candidate must share with the exercise: training (strength, power),
#: flexibility (stretching, rolling, mobility) and cardio.
KIND_FAMILIES = {"strength": 0, "power": 0, "stretching": 1, "smr": 1, "mobility": 1,
                 "cardio": 2}
_CATEGORY_KINDS = {"stretching": "stretching", "cardio": "cardio"}
_CARDIO_KIT = frozenset({"treadmill", "stationary-bike", "elliptical", "stair-climber", "ski-erg",
                         "rowing-machine", "jump-rope"})
_KIND_WORDS = (  # checked in order; the first word found decides
    ("smr", {"smr", "foam", "roller", "myofascial", "rolling"}),
    ("stretching", {"stretch", "stretching"}),
    ("mobility", {"mobility", "warmup", "dislocate", "circle"}),
    ("cardio", {"jog", "jogging", "running", "sprint", "cycling", "bicycling", "treadmill",
                "elliptical", "jumpingjack", "skipping", "stairmaster"}),
    ("power", {"jump", "hop", "bound", "plyo", "plyometric", "throw", "slam", "toss"}),
)
_OLYMPIC_WORDS = frozenset({"clean", "snatch", "jerk"})
#: With these a clean or snatch word names a grip or a pull, not the lift ("snatch-grip
#: deadlift", "clean pull").
_NOT_OLYMPIC = frozenset({"deadlift", "pull", "shrug", "grip", "rdl"})
_UNILATERAL_WORDS = frozenset({"unilateral", "lunge", "split", "stepup", "pistol", "bulgarian",
                               "side", "onearm", "oneleg", "one", "kickstand"})
_ALTERNATING_WORDS = frozenset({"alternate", "alternating"})


def record_facts(records: Iterable[Record]) -> Iterable[tuple[str, str, str]]:
    """The (slug, property, value) facts :func:`derive_features` reads, from each exercise's
    record: its laterality and activity kind as the precedence table chose them (one source's:
    a reviewed exg:Stretching is not outvoted by an inference rule's exg:StrengthTraining, as
    it was when any source's kind counted), its categories and English or untagged synonyms
    (every source's: merged fields). Values as the vocabulary's local names."""
    for record in records:
        for prop, value in (("laterality", record.laterality),
                            ("activityKind", record.activity_kind)):
            if value:  # the record's slug (self-myofascial-release): the term's local name
                yield record.id, prop, "".join(w.capitalize() for w in value.split("-"))
        for category in record.categories:
            yield record.id, "category", category
        for synonym in record.synonyms:
            if synonym["lang"] in (None, "", "en"):
                yield record.id, "altLabel", synonym["name"]


def load_type(needs: frozenset[str], equipment: frozenset[str]) -> str | None:
    """The load type of an exercise from its equipment and everything above it (None when the
    equipment is unknown)."""
    if not equipment:
        return None
    for load, need in _LOAD_NEEDS:
        if need in needs:
            return load
    return "bodyweight" if equipment <= _NO_LOAD else "other"


#: normalise() with inflect is the bulk of building the engine; names repeat across sources.
_normalised = lru_cache(maxsize=65536)(normalise)


def _name_words(name: str) -> list[str]:
    """The normalised words of a name with _SYNONYMS replaced (a copy: callers may change it)."""
    return list(_name_words_cached(name))


@lru_cache(maxsize=65536)
def _name_words_cached(name: str) -> tuple[str, ...]:
    words = _normalised(name).split()
    for phrase, canonical in _SYNONYMS:
        n = len(phrase)
        i = 0
        while i + n <= len(words):
            if tuple(words[i:i + n]) == phrase:
                words[i:i + n] = canonical
            i += 1
    return tuple(words)


def name_keys(name: str, load: str | None) -> frozenset[str]:
    """The same-name keys of a name: its normalised words with synonyms replaced, without
    filler words and words naming the exercise's own load type, once in sorted order (word
    order free: "Shoulder Press, Dumbbell") and once run together in order (spacing free:
    "Skull Crusher" / "Skullcrusher"); none for a name with no word left."""
    drop = _FILLER | _LOAD_WORDS.get(load or "", set())
    words = [w for w in _name_words(name) if w not in drop]
    if not words:
        return frozenset()
    return frozenset({" ".join(sorted(words)), "".join(words)})


def generic_keys(name: str, load: str | None) -> frozenset[str]:
    """The name keys of the name without its QUALIFIERS (posture and cable-attachment words),
    when it has any: "Lying Leg Raise" is the "Leg Raise" a source names without saying how."""
    words = _name_words(name)
    if not set(words) & QUALIFIERS:
        return frozenset()
    return name_keys(" ".join(w for w in words if w not in QUALIFIERS), load)


def derive_features(exercises: Mapping[str, Exercise],
                    facts: Iterable[tuple[str, str, str]]) -> None:
    """Fill the ranking features of every exercise (in place) from its record and these
    (slug, property, value) facts: exg:laterality, exg:activityKind, exg:category and English
    skos:altLabel. A fact stated in the graph wins; without one, the feature is read from the
    exercise's equipment (load type), category and name words."""
    stated: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for slug, prop, value in facts:
        stated[slug][prop].add(value)
    for slug, ex in exercises.items():
        own = stated.get(slug, {})
        written = _name_words(ex.name)
        words = set(written)
        joined = {a + b for a, b in pairwise(written)}
        ex.load = load_type(ex.needs, ex.equipment)
        lat = sorted(_local(v).lower() for v in own.get("laterality", ()))
        if lat:
            ex.laterality, ex.laterality_stated = lat[0], True
        elif words & _ALTERNATING_WORDS:
            ex.laterality = "alternating"
        elif (words | joined) & _UNILATERAL_WORDS:
            ex.laterality = "unilateral"
        else:
            ex.laterality = "bilateral"
        kinds = sorted(ACTIVITY_KINDS.get(_local(v), "strength")
                       for v in own.get("activityKind", ()))
        ex.olympic = bool(words & _OLYMPIC_WORDS) and not words & _NOT_OLYMPIC
        if kinds:
            # an exercise typed with several kinds counts as a training exercise if any is
            ex.kind = next((k for k in kinds if k in TRAINING_KINDS), kinds[0])
            ex.kind_stated = True
        else:
            ex.kind = _guess_kind(words | joined, ex.equipment,
                                  {c.lower() for c in own.get("category", ())}, ex.olympic)
        ex.keys = name_keys(ex.name, ex.load)
        ex.generic_keys = generic_keys(ex.name, ex.load) - ex.keys
        ex.raw_words = frozenset(re.findall(r"[a-z]+", ex.name.lower()))
        ex.load_named = bool(words & _LOAD_WORDS.get(ex.load or "", set()))
        ex.alt_keys = frozenset(k for a in own.get("altLabel", ()) for k in name_keys(a, ex.load))


def _guess_kind(words: set[str], equipment: frozenset[str], categories: set[str],
                olympic: bool) -> str:
    """The activity kind without exg:activityKind: rolling by name (free-exercise-db files its
    "-SMR" drills under stretching), stretching and cardio from exg:category, then name words
    (a stretch, a mobility drill, cardio, a jump or throw), then cardio equipment; else
    strength."""
    if words & _KIND_WORDS[0][1]:
        return _KIND_WORDS[0][0]
    for category in sorted(categories):
        if category in ("stretching", "cardio"):
            return _CATEGORY_KINDS[category]
    for kind, kind_words in _KIND_WORDS:
        if words & kind_words:
            return kind
    if equipment & _CARDIO_KIT:
        return "cardio"
    if olympic or "plyometrics" in categories:  # not every lift in the "olympic weightlifting"
        return "power"                          # category is one (a deficit RDL is in it)
    return "strength"


class _Bits:
    """Numbers the names it is shown (muscle groups, words) so sets become bit masks."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def mask(self, names: Iterable[str]) -> int:
        value = 0
        for name in names:
            value |= 1 << self.index.setdefault(name, len(self.index))
        return value


def _join(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _source_words(family: str) -> str:
    if family.startswith("article-"):
        return f"the article on {family.removeprefix('article-').replace('-', ' ')}"
    return "the curated data"


_ENGINES: GenerationCache[Engine] = GenerationCache(Engine.load)


def engine_for(store: Store) -> Engine:
    """The engine of store's current generation, built once (several threads may ask at once
    after a start or an update)."""
    return _ENGINES.get(store)


def exercise_slug(value: str) -> str:
    """A slug from a slug or an exercise IRI (raises BadRequest)."""
    slug = value.removeprefix(str(EXERCISE))
    if not SLUG_RE.match(slug) or (value.startswith("http") and not value.startswith(ID)):
        raise BadRequest(f"not an exercise id: {value!r}")
    return slug



# -- filters by name (issue 19: one lookup) ----------------------------------------------------

#: The filters that name equipment: each value resolves through the one lookup.
EQUIPMENT_FILTERS = (("equipment", "equipment", True), ("exclude_equipment", "equipment", True))


def filters_for(store: Store, values: Mapping[str, str | Sequence[str]]) -> Filters:
    """:meth:`Filters.parse` on store's engine, the equipment given by slug, alias, IRI or name
    (:func:`exgraph.records.lookup.canonical_params`: ``Dumbbells`` is ``dumbbell``); one that
    matches nothing is a BadRequest naming the parameter and the closest names."""
    listed = {k: (v if isinstance(v, str) else list(v)) for k, v in values.items()}
    return Filters.parse(canonical_params(store, EQUIPMENT_FILTERS, listed),
                         engine_for(store).taxonomy)
