"""The substitutes engine's values: an exercise as the engine compares it, the filters of a request,
a ranked substitute, the weights of the score (the module docstring of the package explains
them)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exgraph.errors import BadRequest
from exgraph.graph.store import Row
from exgraph.queries.catalogue import CATEGORIES
from exgraph.queries.substitutes.direction import motions
from exgraph.queries.substitutes.features import normalised
from exgraph.records import Record
from exgraph.records.precedence import UNATTRIBUTED
from exgraph.vocab.terms import EXERCISE, local_name

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
    "name_cover": 2.0, "variant": -0.75, "same_kind": 1.5, "choice": -4.0,
    "primary_shift": -0.5, "easier": -0.25, "skill_gap": -2.5, "cardio_mode": -2.0,
    "power_mode": -2.0, "direct_swap": 1.0,
    "other_head": -2.0, "described": 1.0, "quick": -2.0,
}
#: The rationales (exg:rationale, exg:aboutProperty) whose reasons describe how an exercise
#: moves: the reviewed layer's one-line reasons for its movement pattern and its mechanic ("Only
#: the ankle moves; the knee stays bent at a right angle", "Only the elbow bends: ...; the upper
#: arm rests on a pad, bench or thigh"). Compared as words (Engine.described).
DESCRIBING = ("movementPattern", "mechanic")
#: A variety option described by the records as well as the exercise moves alike: the cosine
#: of the two descriptions at least this (otherwise another movement, whatever the pattern).
DESCRIBED_OPTION = 0.5
#: The variety re-rank (Engine.varied, variety.pick): at most VARIETY_CAP places per load type
#: in the top 5 while an option of another load type scores VARIETY_FLOOR of the best (chosen
#: from the best VARIETY_POOL by score, for the first VARIETY_DEPTH places). Until the second
#: review each pick's score was also lowered by 0.75 for every earlier pick of its load type (an
#: MMR-style penalty); on the benchmark's dev half it only pushed poorer options into places
#: 6-10, and it is gone.
VARIETY_POOL = 50
VARIETY_DEPTH = 10
VARIETY_CAP = 2
VARIETY_FLOOR = 0.6
#: Load types the variety pass neither caps nor offers as an option: the uncommon implements
#: ("other": a keg, a tire, a stone) and the light hand-held weights (a plate, a medicine ball),
#: which score as free weights but are no kind of equipment a top 5 must span.
UNCAPPED_LOADS = ("other", "plate", "medicine ball")
#: A pattern that says only "one joint moves": the same Isolation pattern counts (and makes a
#: candidate) only with a shared primary muscle group (a leg curl is no leg extension).
LOOSE_PATTERNS = frozenset({"Isolation"})



#: Equipment categories by the slugs the API takes (``machine`` is also the kind under it).
_CATEGORY_SLUGS = {str(iri): slug for slug, iri in CATEGORIES.items()}


def _kit(iri: str) -> str:
    """An equipment kind's slug, or a category's (``free-weight`` for exg:FreeWeight)."""
    return _CATEGORY_SLUGS.get(iri) or local_name(iri)


def closure(rows: Iterable[Row]) -> dict[str, set[str]]:
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
    # its primary muscles named finer than their group (a deltoid's head, the soleus), by
    # group: the group -> those muscles (only a record that names them has any)
    heads: dict[str, frozenset[str]] = field(default_factory=dict)
    # the words of the reasons its record gives for its movement pattern and mechanic
    # (DESCRIBING), lower case, in order; empty when no source gives one
    described: tuple[str, ...] = ()
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
    variants: frozenset[str] = frozenset()  # its name's VARIATION_WORDS ("incline", "reverse")
    motion: str | None = None  # a core exercise's trunk motion (features.CORE_MOTIONS)
    cardio_mode: str | None = None  # a cardio drill's mode (features.CARDIO_MODES)
    power_mode: str | None = None  # a power drill's emphasis (features.POWER_MODES)
    static: bool = False  # a hold, by its name or its description (features.STATIC_WORDS)
    quick: bool = False  # a quick lift by its name (features.QUICK_WORDS: a push press)
    choice: bool = False  # its name offers a choice of exercises ("Pull-ups or TRX Rows")
    # the joint directions and grip its name, description or steps give ("neck:flexion",
    # "grip:down": direction.motions), to tell the antagonist's look-alike
    motions: frozenset[str] = frozenset()

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
class Measure:
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
    heads: dict[str, set[str]] = defaultdict(set)
    for muscle in record.muscle_ids("primary"):
        group = group_of.get(muscle, muscle)
        if group != muscle:
            heads[group].add(muscle)
    ex.heads = {group: frozenset(found) for group, found in sorted(heads.items())}
    ex.described = tuple(word for why in sorted(record.rationale, key=lambda r: r["property"])
                         if why["property"] in DESCRIBING
                         for word in re.findall(r"[a-z]+", (why["reason"] or "").lower()))
    ex.motions = motions(name, ex.described, [record.summary or "", *record.steps], ex.primary)
    if record.movement_pattern is not None:
        ex.pattern = local_name(record.movement_pattern["iri"])
        ex.pattern_inferred = record.movement_pattern_inferred
    ex.levels = frozenset(record.difficulty)
    ex.difficulty_estimated = record.difficulty_estimated
    ex.rank = min((LEVELS.index(lv) for lv in ex.levels if lv in LEVELS), default=None)
    ex.equipment = frozenset(local_name(e["iri"]) for e in record.equipment)
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
    ex.words = frozenset(normalised(name).split())
    ex.sort_name = name.lower()
    ex.moving = ex.primary | ex.secondary
    ex.worked = ex.moving | ex.stabilizer
    return ex
