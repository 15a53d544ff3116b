"""The substitution engine: for any exercise, the exercises that can stand in for it, ranked.

Built once per store generation from the exercise records (:meth:`Engine.load`,
:func:`exercise_from_record`), then answered in memory. A candidate must share a primary muscle
group or the movement pattern with the exercise (curated alternatives included: a curated link
alone does not make a substitute). Muscles, equipment, difficulty and pattern are the record's
(:mod:`exgraph.records.precedence` chose them), so the engine, the document and the plan
builder read the same facts.

**Score** (documented in the README; each part also comes back as a reason, in words and fields):

==============================  ===========================================================
listed by a curated source      +6 (an article or the curated data names it an alternative)
in a dataset variation group    +2 (wger lists both in one group of variations)
primary muscle groups           +4 × the share of the exercise's primary groups it works as
                                primary; +1 × the share it works only as secondary
secondary muscle groups         +1 × the share of the exercise's secondary groups it works
stabilizers                     +0.5 × the share of the exercise's stabilizer groups it works
movement pattern                +3 when it is the same and both are stated by a source; +2
                                when either is inferred (an inference is less certain)
force / mechanic                +0.5 each when the same (push / pull / static; compound /
                                isolation)
name                            +1.5 × the share of words the two names have in common
                                (normalised: "push-up" and "Pushups" share "pushup"), so
                                variations of the same lift come before other lifts
same equipment                  +0.5 when both need the same equipment
extra primary groups            −0.5 for each primary group the exercise does not work at all
harder                          −0.5 for each difficulty level above the exercise's
==============================  ===========================================================

**Filters** never let an unknown fact pass silently: with ``exclude_equipment`` or ``equipment``
an exercise whose equipment is unknown is left out, and with ``difficulty`` /
``max_difficulty`` one whose difficulty is unknown is left out, unless ``include_unknown`` is
set. A difficulty estimated by an inference rule counts as known and says so
(``difficulty_estimated``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from exgraph.errors import BadRequest, DataError, NotFound
from exgraph.graph.store import GenerationCache, Store
from exgraph.queries.catalogue import CATEGORIES
from exgraph.records import Record, records_for
from exgraph.records.precedence import UNATTRIBUTED
from exgraph.vocab.resolver import normalise
from exgraph.vocab.terms import EXERCISE, ID, SLUG_RE

LEVELS = ("low", "moderate", "high")
ROLE_WORDS = ("primary", "secondary", "stabilizer")
#: Sources whose exg:alternative links are curated (not dataset variation groups).
CURATED_FAMILIES = ("curated", "article-")
DEFAULT_LIMIT = 10
#: Filter combinations whose passing exercises are kept per engine.
PASSING_CACHE = 256
MAX_LIMIT = 100

WEIGHTS: dict[str, float] = {
    "curated": 6.0, "variation": 2.0, "primary": 4.0, "primary_as_secondary": 1.0,
    "secondary": 1.0, "stabilizer": 0.5, "pattern": 3.0, "pattern_inferred": 2.0,
    "force": 0.5, "mechanic": 0.5, "extra_primary": -0.5, "harder": -0.5, "name": 1.5,
    "equipment": 0.5,
}

_PREFIXES = """PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
Q_TAXONOMY = _PREFIXES + """SELECT ?kind ?up WHERE {
  { ?kind a exg:Equipment } UNION { ?kind a exg:EquipmentCategory }
  ?kind skos:broader* ?up }"""
Q_LABELS = _PREFIXES + """SELECT ?x ?label WHERE {
  { ?x a exg:Muscle } UNION { ?x a exg:MovementPattern } UNION { ?x a exg:Equipment }
  UNION { ?x a exg:EquipmentCategory }
  ?x rdfs:label ?label }"""


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


#: Equipment categories by the slugs the API takes (``machine`` is also the kind under it).
_CATEGORY_SLUGS = {str(iri): slug for slug, iri in CATEGORIES.items()}


def _kit(iri: str) -> str:
    """An equipment kind's slug, or a category's (``free-weight`` for exg:FreeWeight)."""
    return _CATEGORY_SLUGS.get(iri) or _local(iri)


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
    ex.words = frozenset(normalise(name).split())
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
        self.a_words = np.array([len(ex.words) for ex in order], dtype=np.int32)
        with_word: dict[str, list[int]] = defaultdict(list)
        for i, ex in enumerate(order):
            for word in ex.words:
                with_word[word].append(i)
        self.with_word = {w: np.array(v, dtype=np.int64) for w, v in with_word.items()}
        self.codes = codes

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
        ups: dict[str, set[str]] = defaultdict(set)
        for row in store.select(Q_TAXONOMY):
            ups[_kit(str(row["kind"]))].add(_kit(str(row["up"])))
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
               f.include_unknown)
        found = self._passing.get(key)
        if found is None:
            found = np.array([self.passes(self.exercises[s], f) for s in self.slugs],
                             dtype=np.bool_)
            if len(self._passing) >= PASSING_CACHE:
                self._passing.clear()
            self._passing[key] = found
        return found

    def rank(self, slug: str, filters: Filters | None = None) -> list[Substitute]:
        """The substitutes of the exercise, best first (score, then name), cut at the limit.

        Raises NotFound for an unknown exercise.
        """
        f = filters or Filters()
        target = self.exercise(slug)
        ids, scores = self.scores(target, f)
        order = np.lexsort((ids, -scores))[: f.limit]  # ids are in name order: ties by name
        return [self._explain(target, self.exercises[self.slugs[int(ids[i])]], float(scores[i]))
                for i in order]

    def scores(self, target: Exercise, f: Filters
               ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """(positions, scores) of every candidate that meets the filters: the table in the
        module documentation, as array operations over the candidates."""
        w = WEIGHTS
        tp = target.pmask
        pattern = self.codes.get(target.pattern, -1) if target.pattern else -1
        candidate = (self.a_pmask & tp) != 0
        if pattern > 0:
            candidate |= self.a_pattern == pattern
        if f.cover == "primary":
            candidate &= (self.a_pmask & tp) == tp
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
            guessed = self.a_guessed[ids] | target.pattern_inferred
            score += np.where(same, np.where(guessed, w["pattern_inferred"], w["pattern"]), 0.0)
        for column, value, weight in ((self.a_force, target.force, w["force"]),
                                      (self.a_mechanic, target.mechanic, w["mechanic"])):
            if value:
                score += np.where(column[ids] == self.codes[value], weight, 0.0)
        if target.words:
            shared = np.zeros(len(self.slugs), dtype=np.int32)
            for word in target.words:
                shared[self.with_word[word]] += 1
            common = shared[ids]
            union = len(target.words) + self.a_words[ids] - common
            score += w["name"] * np.divide(common, union, out=np.zeros(len(ids)),
                                           where=union > 0)
        if target.equipment:
            kit = self.codes["|".join(sorted(target.equipment))]
            score += np.where(self.a_kit[ids] == kit, w["equipment"], 0.0)
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
        muscles = [f"{self._label(g)} (primary)" for g in sorted(m.shared_primary)]
        muscles += [f"{self._label(g)} (secondary)" for g in sorted(m.shared_secondary)]
        if muscles:
            reasons.append(f"works the {_join(muscles)}, like {target.name}")
        if m.as_secondary:
            reasons.append(f"works the {_join([self._label(g) for g in sorted(m.as_secondary)])}"
                           " only as a secondary mover")
        if m.same_pattern:
            inferred = " (inferred)" if m.pattern_guessed else ""
            reasons.append(f"same {self._label(ex.pattern or '').lower()} pattern{inferred}")
        if target.rank is not None and ex.rank is not None and ex.rank > target.rank:
            reasons.append(f"harder: {LEVELS[ex.rank]} rather than {LEVELS[target.rank]}")
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

