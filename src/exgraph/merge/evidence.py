"""The evidence that keeps two exercise names apart: distinguishing words, load equipment,
primary muscles (the vetoes of :mod:`exgraph.merge.resolve`).

Precision first: a false merge ("Incline" with "Decline", "Barbell curl" with "Dumbbell curl")
is worse than a missed one, so any of these differing keeps a pair apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from exgraph.merge.candidates import Candidate
from exgraph.vocab.names import tokens as _tokens


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
EQUIPMENT_WORDS: Mapping[str, frozenset[str]] = {
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
_DISTINGUISHING: frozenset[str] = frozenset(EQUIPMENT_WORDS).union(
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
    # the kinds issue 22's review added: each its own kind, as an unknown slug would be
    **{kind: kind for kind in (
        "sliders", "climbing-rope", "hangboard", "neck-harness", "wrist-roller", "hand-gripper",
        "cones", "hurdles", "dowel", "dip-belt", "balance-board", "balance-trainer", "heavy-bag",
        "chains")},
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


def load_kinds(equipment: frozenset[str]) -> frozenset[str]:
    return frozenset(
        _LOAD_KIND.get(slug, slug) for slug in equipment if slug not in NEUTRAL_EQUIPMENT
    )


def _distinguishing(tokens: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if t in _DISTINGUISHING or t.isdigit())


# --- data types --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Info:
    """A candidate with its name's keys and the evidence the vetoes compare."""

    cand: Candidate
    tokens: tuple[str, ...]
    key: str
    sorted_key: str
    spaceless: str
    dist: frozenset[str]
    kinds: frozenset[str]


def info_of(cand: Candidate) -> Info:
    tokens = _tokens(cand.label)
    return Info(
        cand=cand,
        tokens=tokens,
        key=" ".join(tokens),
        sorted_key=" ".join(sorted(tokens)),
        spaceless="".join(tokens),
        dist=_distinguishing(tokens),
        kinds=load_kinds(cand.equipment),
    )


def word_conflict(x: Info, y: Info) -> str | None:
    """Why the labels' distinguishing words keep x and y apart, or None."""
    bad: list[str] = []
    for word, owner, other in sorted(
        [(w, x, y) for w in x.dist - y.dist] + [(w, y, x) for w in y.dist - x.dist],
        key=lambda item: (item[0], item[1].cand.key),
    ):
        implied = EQUIPMENT_WORDS.get(word)
        if implied and implied & other.cand.equipment:
            continue
        bad.append(f"{word!r} only in {owner.cand.key}")
    return "distinguishing words differ: " + ", ".join(bad) if bad else None


def evidence_conflict(x: Info, y: Info) -> str | None:
    """Why the structured evidence (equipment, primary muscles) keeps x and y apart, or None."""
    if x.kinds and y.kinds and not x.kinds & y.kinds:
        return f"equipment differs: {sorted(x.kinds)} vs {sorted(y.kinds)}"
    px, py = x.cand.primary, y.cand.primary
    if px and py and not px & py:
        return f"primary muscles differ: {sorted(px)} vs {sorted(py)}"
    return None


def conflict(x: Info, y: Info) -> str | None:
    return word_conflict(x, y) or evidence_conflict(x, y)

