"""The ranking features derived from names and records: load type, name keys, kinds of activity,
laterality, Olympic lifts."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from exgraph.records import Record
from exgraph.vocab.names import normalise
from exgraph.vocab.terms import local_name

#: Load types, the kind of resistance a lifter swaps between (the variety of a top 5 is counted
#: over these): the first whose equipment the exercise needs (machine before cable before
#: barbell ...), "bodyweight" when it needs only the body and things to hold or lie on.
if TYPE_CHECKING:
    from exgraph.queries.substitutes.model import Exercise

#: A weight plate and a medicine ball are free weights held in the hands like a dumbbell and
#: in every gym: load types of their own, not the "other" of the uncommon implements (a keg, a
#: sled, a log), which a plate twist for the cable Russian twist was.
LOAD_TYPES = ("machine", "cable", "barbell", "kettlebell", "dumbbell", "plate",
              "medicine ball", "band", "bodyweight", "other")
_LOAD_NEEDS = (("machine", "machine"), ("cable", "cable-system"), ("barbell", "barbell"),
               ("kettlebell", "kettlebell"), ("dumbbell", "dumbbell"), ("plate", "weight-plate"),
               ("medicine ball", "medicine-ball"), ("band", "resistance-band"))
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
               "cable": {"cable"}, "machine": {"machine", "lever"}, "plate": {"plate"},
               "medicine ball": {"medicine"},
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
    (("side", "bridge"), ("side", "plank")),  # McGill's name of the side plank
    (("hyperextension",), ("back", "extension")),
    (("two",), ("double",)),
    (("double", "arm"), ()),  # both arms: the default of a curl or a row ("Two-Arm ... Curl")
    (("scott", "machine"), ("preacher", "curl")),  # the Scott bench is the preacher bench
    (("scott",), ("preacher",)),
    (("clean", "grip"), ("grip",)),  # a grip, not the lift
    (("bar", "attachment"), ("attachment",)),  # the default cable attachment
    (("sz",), ("ez",)),  # the SZ bar is the EZ bar
    (("biceps", "curl"), ("curl",)),  # a curl is a biceps curl unless the name says otherwise
    (("toucher",), ("touch",)),
    (("toe", "press"), ("calf", "press")),  # on a leg press
    (("side", "lateral", "raise"), ("lateral",)),  # a lateral is a side (lateral) raise
    (("lateral", "raise"), ("lateral",)),
    (("side", "lateral"), ("lateral",)),
    # the Achilles tendon is the soleus' and calf's: a stretch "for the soleus and Achilles"
    # stretches the soleus
    (("soleus", "and", "achille"), ("soleus",)),
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
#: The kinds that may stand in for a foam-rolling drill: another rolling drill or a stretch of
#: the same muscles (both work the tissue); a mobility drill moves a joint through its range
#: and is no stand-in ("Neck extension", a mobility drill recorded with the biceps, was offered
#: for the brachialis rolling drill: a hard negative of the benchmark).
ROLLING_STANDINS = {"smr": ("smr", "stretching")}
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
#: How far two load types keep the loading (docs/substitutes.md, "load kind"): the same type
#: 1; two free weights (barbell, dumbbell, kettlebell, plate, medicine ball) or two guided ones
#: (cable, machine) 0.75
#: ("dumbbell for barbell bench press" is a direct swap by the grading rules); a free weight and
#: a guided one 0.5; anything else (band or bodyweight for a loaded lift, a loaded lift for a
#: bodyweight one: "a load type that limits the loading") 0.
LOAD_FAMILIES = {"barbell": "free", "dumbbell": "free", "kettlebell": "free", "plate": "free",
                 "medicine ball": "free", "cable": "guided", "machine": "guided"}


def load_affinity(one: str | None, other: str | None) -> float:
    """How well one load type stands in for the other (LOAD_FAMILIES), 0 to 1."""
    if one is None or other is None:
        return 0.0
    if one == other:
        return 1.0
    a, b = LOAD_FAMILIES.get(one), LOAD_FAMILIES.get(other)
    if a is None or b is None:
        return 0.0
    return 0.75 if a == b else 0.5


def affinity_matrix(codes: Mapping[str | None, int]) -> npt.NDArray[np.float64]:
    """load_affinity between every two codes (value -> code; values that are no load type
    have none)."""
    values = {code: value for value, code in codes.items()}
    return np.array([[load_affinity(values.get(a), values.get(b)) for b in range(len(codes))]
                     for a in range(len(codes))])


#: Name words that make a variation a different exercise for a coach, one material difference
#: of the grading rules each: an angle change (incline, decline), a grip that moves the
#: emphasis (reverse, hammer), a partial or extended range (rack, pin, deficit, partial, half,
#: quarter, board), an assisted or guided version (assisted, smith), an accommodating
#: resistance (chains, bands on a bar), a stance that moves the emphasis (sumo), a step in
#: difficulty or another way of loading (weighted, kneeling, tuck, isometric, hold, speed).
#: On the benchmark's dev half fewer than 1 in 10 candidates whose name has one of them and
#: the exercise's not (or the other way round) is a direct swap (grade 3), against 1 in 5
#: overall.
VARIATION_WORDS = frozenset({
    "incline", "decline", "reverse", "hammer", "rack", "pin", "deficit", "partial", "half",
    "quarter", "board", "assisted", "smith", "chain", "band", "banded", "sumo", "weighted",
    "kneeling", "tuck", "isometric", "hold", "speed", "guillotine", "behind"})


#: A hold (the fifth ranking review): its name says so, or the reviewed layer describes it as
#: "an isometric hold" (the plank, the L-sit, the wall sit, the dead hang). A hold is no direct
#: swap or variety option for an exercise that moves, nor the other way round: five crunches
#: were "options" of the foot-supported L-sit by pattern, motion and prime movers.
STATIC_WORDS = frozenset({"isometric", "isometry", "isometria", "hold", "static"})


#: Quick lifts: the legs drive the weight up (a push press or push jerk: "push" before "press",
#: "overhead" or "jerk"; a thruster) or the hips swing the body up (kipping). For a strict
#: lift each is a material difference, another kind of lift (the "quick lift for a strict one"
#: of the causes in docs/substitutes.md), scored like a jump for a lift (Engine: "quick").
QUICK_WORDS = frozenset({"thruster", "kipping"})
_QUICK_AFTER_PUSH = frozenset({"press", "overhead", "jerk"})


def quick_words(words: Sequence[str]) -> frozenset[str]:
    """The words of a name (in order) that make it a quick lift (QUICK_WORDS)."""
    found = {w for w in words if w in QUICK_WORDS}
    if any(a == "push" and b in _QUICK_AFTER_PUSH for a, b in pairwise(words)):
        found.add("push")
    return frozenset(found)


#: The planes a core exercise loads the trunk in, which a coach keeps apart within the one
#: TrunkStability pattern the records give every core exercise: sideways (side plank, side
#: bend: the obliques and quadratus lumborum hold or bend the trunk sideways), rotation
#: (twist, wood chop, cable lift, and the Pallof press that resists it), flexion (crunch,
#: sit-up, leg or knee raise, L-sit, pull-in: the trunk or hips bend forward) and extension
#: resisted (plank, rollout, dead bug, bird dog: the trunk held straight against sagging). A
#: plank is no swap for a crunch nor a twist for a heel touch ("another pattern" of the grading
#: rules); a side bend is one for a side plank. Read from name words (single words, or two run
#: together: "bird dog" is "birddog"), checked in this order, the first found decides: "Pallof
#: Press With Rotation" is rotation, "Tuck L-sit" flexion, "Side Plank" sideways.
CORE_MOTIONS = (
    ("sideways", {"sideplank", "sidebend", "sidebridge", "sidehold", "sidecrunch",
                  "sidejackknife", "trunkflexion", "suitcase"}),
    ("rotation", {"twist", "rotation", "rotary", "woodchop", "chop", "woodchopper", "russian",
                  "windshield", "180s", "corkscrew", "cablelift", "pallof"}),
    ("flexion", {"crunch", "situp", "legraise", "kneeraise", "hipraise", "lsit", "lhold",
                 "jackknife", "tuck", "pullin", "pike", "vup", "flutter", "scissors", "toetap",
                 "heeltouch", "toeto", "legsup"}),
    ("extension resisted", {"plank", "birddog", "deadbug", "hollow", "rollout", "abswheel",
                            "absroller", "fallout", "crawl"}),
)
#: The two kinds of cardio a coach keeps apart: steady, cyclic work on a machine or the road
#: (cycling, running, walking, rowing, the elliptical, stairs, swimming) and jumping drills
#: (skipping, jumps, butt kicks, jacks, burpees, high knees). A star jump is no swap for
#: cycling: other impact, other skill, other muscles' work (the "jump for a lift" of the grading
#: rules, within cardio). Read from name words, jumping first ("Jump rope" jumps).
CARDIO_MODES = (
    ("jumping", {"skip", "skipping", "jump", "jumping", "jumpingjack", "hop", "kick", "jack",
                 "burpee", "knee", "climber", "bronco", "carioca", "slide", "thrust", "talon"}),
    ("steady", {"bike", "bicycling", "cycling", "bicicleta", "elliptical", "treadmill",
                "walking", "running", "run", "jogging", "jog", "rowing", "row", "stairmaster",
                "stair", "mill", "climbmill", "ski", "swimming", "schwimmen", "skating"}),
)


#: The three emphases of power drills a coach keeps apart (the fifth ranking review): throws
#: (a medicine-ball throw, slam, pass or chest push; a jammer), sprint technique (a sprint,
#: start or acceleration drill, the wall drill) and jumps (a jump, hop, bound, leap or
#: skip, a push-off). A loaded split jump or a box jump is no swap for a wall acceleration
#: drill, nor a sprint drill for a diagonal bound: the "another emphasis" of the grading rules.
#: Read from name words (or two run together), throws first, then sprints ("Side Hop-Sprint"
#: ends in a sprint); a power exercise whose name says none (a swing, a clap push-up) has none.
POWER_MODES = (
    ("throw", {"throw", "toss", "slam", "pass", "wallball", "chestpush", "jammer"}),
    ("sprint", {"sprint", "acceleration", "start", "walldrill", "claw"}),
    ("jump", {"jump", "hop", "bound", "leap", "skip", "pushoff", "buttkick"}),
)


def cardio_mode(words: set[str], kind: str) -> str | None:
    """The mode of a cardio exercise (CARDIO_MODES) or of a power drill (POWER_MODES) from its
    name words (and pairs run together); None for another kind or a name that says none."""
    modes = {"cardio": CARDIO_MODES, "power": POWER_MODES}.get(kind, ())
    for mode, mode_words in modes:
        if words & mode_words:
            return mode
    return None


#: The pattern whose exercises get a core motion.
CORE_PATTERN = "TrunkStability"


def core_motion(words: set[str], pattern: str | None) -> str | None:
    """The trunk motion (CORE_MOTIONS) of a core exercise from its name words and the pairs
    run together; None for another pattern or a name that says none."""
    if pattern != CORE_PATTERN:
        return None
    for motion, motion_words in CORE_MOTIONS:
        if words & motion_words:
            return motion
    return None


#: A name offering a choice of exercises ("Neutral-grip pull-ups or TRX rows"; an "or" in
#: parentheses gives another name of the same one: "Front Cone Hops (or hurdle hops)").
_CHOICE = re.compile(r"\bor\b")
_OR_NAME = re.compile(r"\(\s*or\s+([^)]*)\)", re.IGNORECASE)


def other_names(name: str) -> list[str]:
    """The names a name gives its exercise besides itself: "Front Cone Hops (or hurdle hops)"
    is also "Front Cone Hops" and "hurdle hops" (an "or" in parentheses names the same
    exercise, as for the choice rule), so the same-exercise rule reads them as alternative
    labels."""
    found = _OR_NAME.findall(name)
    return [_OR_NAME.sub("", name).strip(), *found] if found else []


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
normalised = lru_cache(maxsize=65536)(normalise)


def name_words(name: str) -> list[str]:
    """The normalised words of a name with _SYNONYMS replaced (a copy: callers may change it)."""
    return list(_name_words_cached(name))


#: A contributor's tag at the end of a wger name: two capitals after a dash or space that are no
#: abbreviation of the vocabulary ("Barbell Bench Press - NB", "Incline Bench Press - MP",
#: "Bench Dips On Floor HD" are the bench press, incline bench press and bench dips).
_TAG = re.compile(r"[\s-]+([A-Z]{2})\s*$")
_NOT_TAGS = frozenset({"DB", "BB", "KB", "EZ", "SZ", "AB", "UP", "IT", "IR", "JM"})


def untagged(name: str) -> str:
    """The name without a contributor's tag (_TAG)."""
    found = _TAG.search(name)
    return name[:found.start()] if found and found.group(1) not in _NOT_TAGS else name


@lru_cache(maxsize=65536)
def _name_words_cached(name: str) -> tuple[str, ...]:
    words = normalised(untagged(name)).split()
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
    words = [w for w in name_words(name) if w not in drop]
    if not words:
        return frozenset()
    return frozenset({" ".join(sorted(words)), "".join(words)})


#: Posture words that say how an exercise of a load type is done but not which: one sits at
#: a machine, so "Seated Bench Press" on the chest-press machine is the "Machine Bench Press"
#: and "Seated Hip Abduction" the "Machine Hip Abduction" (not so for free weights: a seated
#: dumbbell curl is no dumbbell curl's other name, nor a seated good morning a good morning's).
LOAD_QUALIFIERS = {"machine": frozenset({"seated", "sitting"})}


def generic_keys(name: str, load: str | None) -> frozenset[str]:
    """The name keys of the name without its QUALIFIERS (posture and cable-attachment words)
    and its load type's LOAD_QUALIFIERS, when it has any: "Lying Leg Raise" is the "Leg Raise"
    a source names without saying how."""
    words = name_words(name)
    drop = QUALIFIERS | LOAD_QUALIFIERS.get(load or "", frozenset())
    if not set(words) & drop:
        return frozenset()
    return name_keys(" ".join(w for w in words if w not in drop), load)


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
        written = name_words(ex.name)
        words = set(written)
        joined = {a + b for a, b in pairwise(written)}
        ex.load = load_type(ex.needs, ex.equipment)
        lat = sorted(local_name(v).lower() for v in own.get("laterality", ()))
        if lat:
            ex.laterality, ex.laterality_stated = lat[0], True
        elif words & _ALTERNATING_WORDS:
            ex.laterality = "alternating"
        elif (words | joined) & _UNILATERAL_WORDS:
            ex.laterality = "unilateral"
        else:
            ex.laterality = "bilateral"
        kinds = sorted(ACTIVITY_KINDS.get(local_name(v), "strength")
                       for v in own.get("activityKind", ()))
        ex.olympic = bool(words & _OLYMPIC_WORDS) and not words & _NOT_OLYMPIC
        if kinds:
            # an exercise typed with several kinds counts as a training exercise if any is
            ex.kind = next((k for k in kinds if k in TRAINING_KINDS), kinds[0])
            ex.kind_stated = True
        else:
            ex.kind = _guess_kind(words | joined, ex.equipment,
                                  {c.lower() for c in own.get("category", ())}, ex.olympic)
        ex.motion = core_motion(words | joined, ex.pattern)
        ex.cardio_mode = cardio_mode(words, ex.kind) if ex.kind == "cardio" else None
        ex.power_mode = cardio_mode(words | joined, ex.kind) if ex.kind == "power" else None
        ex.keys = name_keys(ex.name, ex.load)
        ex.generic_keys = generic_keys(ex.name, ex.load) - ex.keys
        ex.raw_words = frozenset(re.findall(r"[a-z]+", ex.name.lower()))
        ex.load_named = bool(words & _LOAD_WORDS.get(ex.load or "", set()))
        ex.variants = frozenset(words & VARIATION_WORDS)
        ex.static = bool(ex.raw_words & STATIC_WORDS) or "isometric" in ex.described
        ex.quick = bool(quick_words(written))
        ex.choice = bool(_CHOICE.search(re.sub(r"\([^)]*\)", "", ex.name.lower())))
        ex.alt_keys = frozenset(k for a in [*own.get("altLabel", ()), *other_names(ex.name)]
                                for k in name_keys(a, ex.load))


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


class Bits:
    """Numbers the names it is shown (muscle groups, words) so sets become bit masks."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def mask(self, names: Iterable[str]) -> int:
        value = 0
        for name in names:
            value |= 1 << self.index.setdefault(name, len(self.index))
        return value


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def source_words(family: str) -> str:
    if family.startswith("article-"):
        return f"the article on {family.removeprefix('article-').replace('-', ' ')}"
    return "the curated data"
