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
more, or names it in parentheses: "(or hurdle hops)"); a name with the opposite word (up/down,
abduction/adduction...) or a joint moved the other way by the records (direction.py: a neck
extension for a neck flexion, a palms-up wrist curl for palms-down wrist work): the antagonists'
look-alike; an Olympic lift (clean, snatch, jerk) for an
exercise that is none, unless ``Filters.skill_jump``; a mobility drill for a foam-rolling drill
(ROLLING_STANDINS).

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
                                when either is inferred; not the same for two core exercises
                                whose names say two trunk motions (CORE_MOTIONS: a crunch is
                                no plank)
force / mechanic                +0.5 each when the same
name                            +6 × the IDF-weighted Jaccard of the two names' normalised
                                words + 2 × the share of the exercise's name (IDF-weighted)
                                the candidate's name covers: variations of the same lift first
reviewed description            +1 × the cosine of the two records' movement descriptions (the
                                reviewed layer's reasons for the pattern and the mechanic)
load type                       +0.75 × load_affinity: 1 the same, 0.75 two free weights or
                                two guided loads, 0.5 a free weight for a guided one, else 0
                                (a plate and a medicine ball are free weights); −0.5 an
                                uncommon implement ("other")
variation words                 −0.75 for each VARIATION_WORDS word one name has and the other
                                not (incline, reverse, rack, assisted, sumo, weighted ...)
laterality                      +0.5 the same (bilateral, unilateral, alternating)
kind step                       −2 a jump or throw for a strength lift, or the other way round
Olympic lift (when allowed)     −4
extra primary groups            −0.75 for each primary group the exercise does not work at all
emphasis shift                  −0.5 for each primary group the exercise works only as secondary
another head                    −2 when both name finer prime movers of a shared group (the
                                deltoid's heads, soleus / gastrocnemius, rectus / obliques)
                                and the candidate names none of the exercise's
easier                          −0.25 for each difficulty level below the exercise's
two levels apart                −2.5 a lift two levels easier or harder ("two steps in skill")
another kind of cardio          −2 a jumping drill for steady cardio or the other way round
                                (CARDIO_MODES, read from the names)
same kind                       +1.5 the same kind of stretching, rolling or mobility drill
a choice of exercises           −4 a name offering one ("Pull-ups or TRX rows")
another emphasis of power       −2 a throw, sprint drill or jump for a power drill of another
                                (POWER_MODES, read from the names)
direct swap                     +1 the same movement on the same prime movers, no material
                                difference but a load that keeps the loading
                                (variety.direct_swaps)
harder                          −0.5 for each difficulty level above the exercise's
==============================  ===========================================================

**Variety** (:meth:`Engine.varied`, :func:`variety.pick`): two names of one exercise take one
place; no load type gets a third place in the top 5 of a strength or power exercise while an
option of another common load type is left (the same movement on the same prime movers with no
material difference: the same laterality, no other head of a prime mover, within one level,
both holds or both moving; scoring at least 60 % of the best): a barbell lift's top 5 holds its
dumbbell, bodyweight or machine options instead of five barbell variants. Unknown loads, the
uncommon implements and the light hand-held weights (UNCAPPED_LOADS: a plate, a medicine
ball) are neither capped nor an option.

**Filters** never let an unknown fact pass silently: with ``exclude_equipment`` or ``equipment``
an exercise whose equipment is unknown is left out, and with ``difficulty`` /
``max_difficulty`` one whose difficulty is unknown is left out, unless ``include_unknown`` is
set. A difficulty estimated by an inference rule counts as known and says so
(``difficulty_estimated``). Every reason in an answer is a fact of the two records
(tests/integration/advice/test_substitute_quality.py checks each one).
"""

from __future__ import annotations

from exgraph.queries.substitutes.engine import (
    Engine,
)
from exgraph.queries.substitutes.features import (
    ACTIVITY_KINDS,
    KIND_FAMILIES,
    LOAD_TYPES,
    OPPOSITES,
    QUALIFIERS,
    TRAINING_KINDS,
    derive_features,
    generic_keys,
    load_type,
    name_keys,
    record_facts,
)
from exgraph.queries.substitutes.model import (
    CURATED_FAMILIES,
    DEFAULT_LIMIT,
    LEVELS,
    LOOSE_PATTERNS,
    MAX_LIMIT,
    PASSING_CACHE,
    ROLE_WORDS,
    VARIETY_CAP,
    VARIETY_DEPTH,
    VARIETY_FLOOR,
    VARIETY_POOL,
    WEIGHTS,
    Exercise,
    Filters,
    Substitute,
    exercise_from_record,
)
from exgraph.queries.substitutes.service import (
    EQUIPMENT_FILTERS,
    engine_for,
    exercise_slug,
    filters_for,
)

__all__ = [
    "ACTIVITY_KINDS",
    "CURATED_FAMILIES",
    "DEFAULT_LIMIT",
    "EQUIPMENT_FILTERS",
    "KIND_FAMILIES",
    "LEVELS",
    "LOAD_TYPES",
    "LOOSE_PATTERNS",
    "MAX_LIMIT",
    "OPPOSITES",
    "PASSING_CACHE",
    "QUALIFIERS",
    "ROLE_WORDS",
    "TRAINING_KINDS",
    "VARIETY_CAP",
    "VARIETY_DEPTH",
    "VARIETY_FLOOR",
    "VARIETY_POOL",
    "WEIGHTS",
    "Engine",
    "Exercise",
    "Filters",
    "Substitute",
    "derive_features",
    "engine_for",
    "exercise_from_record",
    "exercise_slug",
    "filters_for",
    "generic_keys",
    "load_type",
    "name_keys",
    "record_facts",
]
