"""The evidence that keeps two exercise names apart: distinguishing words, load equipment,
primary muscles (the vetoes of :mod:`exgraph.merge.resolve`).

Precision first: a false merge ("Incline" with "Decline", "Barbell curl" with "Dumbbell curl")
is worse than a missed one, so any of these differing keeps a pair apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from exgraph.graph.taxonomy import cable_systems, is_machine, machines
from exgraph.merge.candidates import Candidate
from exgraph.vocab.names import tokens as _tokens


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Equipment words in names and the equipment slugs (data/equipment.ttl) that imply them; the
# machine words imply every machine of the taxonomy (:func:`implied_equipment`).
_MACHINE_WORDS = frozenset({"machine", "lever", "leverage"})
_WORD_EQUIPMENT: Mapping[str, frozenset[str]] = {
    "barbell": frozenset({"barbell"}),
    "ez": frozenset({"ez-curl-bar"}),
    "dumbbell": frozenset({"dumbbell"}),
    "kettlebell": frozenset({"kettlebell"}),
    "cable": frozenset({"cable-station"}),
    "pulley": frozenset({"cable-station"}),
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
#: The equipment words of names ("barbell", "machine", "band", ...).
EQUIPMENT_WORDS: frozenset[str] = frozenset(_WORD_EQUIPMENT) | _MACHINE_WORDS


def implied_equipment(word: str) -> frozenset[str]:
    """The equipment slugs a word of a name implies: every machine of the taxonomy
    (:func:`exgraph.graph.taxonomy.machines`) for "machine", "lever" and "leverage"; nothing for
    a word that is no equipment word."""
    if word in _MACHINE_WORDS:
        return machines()
    return _WORD_EQUIPMENT.get(word, frozenset())


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

# Load equipment kinds for the equipment veto: every machine of the taxonomy is one kind, every
# cable system (the cable station and the stations under it) another; any other slug is its own
# kind, the band under a shorter name. Support equipment and "other" are left out
# (NEUTRAL_EQUIPMENT: they do not tell one variant from another).
_RENAMED_KIND: Mapping[str, str] = {"resistance-band": "band"}


def load_kind(slug: str) -> str:
    """The load kind of an equipment slug for the equipment veto."""
    if is_machine(slug):
        return "machine"
    if slug in cable_systems():
        return "cable"
    return _RENAMED_KIND.get(slug, slug)


#: Equipment that never takes part in the equipment veto: supports and stations the load is
#: used on or in, which do not tell one variant from another.
NEUTRAL_EQUIPMENT = frozenset(
    {"bench", "incline-bench", "hyperextension-bench", "pull-up-bar", "gym-mat", "other",
     "decline-bench", "preacher-bench", "squat-rack", "dip-station", "plyo-box",
     "glute-ham-developer", "gymnastic-rings", "parallettes", "landmine"}
)


def load_kinds(equipment: frozenset[str]) -> frozenset[str]:
    return frozenset(
        load_kind(slug) for slug in equipment if slug not in NEUTRAL_EQUIPMENT
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
        if implied_equipment(word) & other.cand.equipment:
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

