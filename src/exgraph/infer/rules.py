"""Deterministic inference rules: movement pattern, difficulty and equipment of an exercise.

Pure functions over a small value object (:class:`Facts`); the module imports nothing from
``exgraph`` and nothing outside the standard library, so it can be wired into the importers, the
store or the API later. Every answer is an :class:`Inferred` carrying the value, a stable rule id
and one readable sentence explaining it. The same facts always give the same answer.

Only English names drive keyword rules: ``Facts.languages`` runs parallel to ``Facts.names`` and a
name counts as English when its tag is ``None`` (untagged) or ``en``/``en-*``; with no
``languages`` at all every name counts. Names are lower-cased, accents and apostrophes dropped and
punctuation turned into spaces before matching, so "Push-Up", "pushup" and "push up" all read
``push up``/``pushup``; every keyword is matched on word boundaries ("leg curl" never hits a
"squat" or "leg press" rule, "side bridge" never hits the glute "bridge" rule). Names are tried in
order (preferred label first), and for each name the rules below in order; the first rule that
fires decides.

``movement_pattern(facts) -> Inferred | None``
    Values are local names of ``exg:MovementPattern`` individuals. Name rules, in priority order
    (a "none" rule stops the search and the function returns None):

    ========================================== ================================================
    ``pattern/none/stretch``                   stretch, SMR, foam rolling, mobility, leg
                                               swings, joint circles, rest, breathing: none
    ``pattern/none/complex``                   Turkish get-up, burpee, squat thrust, devil's
                                               press: several patterns at once, none claimed
    ``pattern/name-keyword/carry``             farmer's walk/carry, suitcase carry, yoke walk,
                                               any "carry" -> Carry
    ``pattern/name-keyword/calf``              calf/calves, toe press, tibialis, heel raise,
                                               plantar/dorsiflexion -> Isolation (before squat
                                               and leg press: "calf raise using hack squat
                                               machine" is a calf raise)
    ``pattern/name-keyword/olympic-push``      jerk, push press, clean and press/jerk ->
                                               VerticalPush (before squat: "squat jerk")
    ``pattern/name-keyword/lunge``             lunge, split squat, split/scissors jump,
                                               Bulgarian, step-up, pistol, single-/one-leg
                                               squat, skater/shrimp/curtsy/cossack squat ->
                                               Lunge (single-leg work is Lunge, as the ontology
                                               defines it; before squat)
    ``pattern/name-keyword/squat``             squat, leg press, hack (squat), wall sit,
                                               thruster, snatch balance, wall ball -> Squat
    ``pattern/name-keyword/trunk``             crunch, sit-up, Pallof, woodchop, Russian twist,
                                               rollout, ab wheel, dead bug, hollow hold, V-up,
                                               jackknife, dragon flag, windshield wipers,
                                               flutter/scissor kicks, toes to bar, leg raise
                                               (not side/front/rear/lateral), knee raise, knee
                                               tuck, side bend, oblique, side bridge/plank,
                                               windmill, judo flip, landmine 180/rotation, bear
                                               crawl, superman -> TrunkStability (before the
                                               press/pull/raise rules: "Pallof press", "press
                                               sit-up", "hanging leg raise")
    ``pattern/none/cardio``                    treadmill, bike, run, sprint, stair climber,
                                               rope jumping, rowing/ski machine, jumping jacks,
                                               sled push/drag, walking: none (after lunge and
                                               trunk: "walking lunge", "bicycle crunch")
    ``pattern/name-keyword/isolation-early``   Tate/triceps press, pullover, straight-arm
                                               pulldown, pushdown, leg extension, leg/hamstring/
                                               Nordic curl -> Isolation (named like presses and
                                               pulldowns but single-joint)
    ``pattern/name-keyword/hinge``             deadlift, RDL, stiff-leg, good morning, hip
                                               thrust, glute bridge/drive, bridge, hip
                                               extension/hinge/lift, swing (not leg swing), back
                                               extension, hyperextension, pull-through,
                                               glute-ham raise, rack pull, clean/snatch/high
                                               pull, atlas stone, keg or sandbag load, tire
                                               flip -> HipHinge
    ``pattern/name-keyword/vertical-push``     handstand (push-up), pike push-up, overhead/
                                               military/shoulder/Arnold/Bradford/Z/landmine/
                                               kettlebell/log press, OHP, press behind the
                                               neck -> VerticalPush (before push-up)
    ``pattern/name-keyword/horizontal-push``   bench press, chest/floor/incline/decline/
                                               close-grip press, JM/Larsen/Svend/hex/pin press,
                                               push-up, press-up, dip(s), pause bench ->
                                               HorizontalPush. Dips are filed here (a decision:
                                               a press for chest and triceps)
    ``pattern/name-keyword/vertical-pull``     pull-up, chin-up, chins, pulldown, lat pull,
                                               muscle-up, rope climb, scapular pull, upright
                                               row -> VerticalPull. The upright row is filed
                                               here (a decision: the pull runs in the vertical
                                               plane; before row)
    ``pattern/name-keyword/horizontal-pull``   row, rowing, face pull, long pulley ->
                                               HorizontalPull
    ``pattern/name-keyword/olympic-pull``      clean, snatch (hang/power/split) -> HipHinge
    ``pattern/none/plyometric``                jump, hop, bound, leap, skip, throw, slam, pass,
                                               toss, push-off, shuffle, drill: none
    ``pattern/name-keyword/isolation``         curl, extension, raise, fly/flye, crossover (a
                                               cable fly, so Isolation: a decision), pec deck,
                                               butterfly, kickback, shrug, skull crusher,
                                               pull-apart, internal/external rotation, rotator
                                               cuff, joint flexion, laterals, abduction/
                                               adduction, clamshell, wrist roller, pinch, grip
                                               -> Isolation; but TrunkStability
                                               (``pattern/name-keyword/isolation-abdominal``)
                                               when every primary muscle is abdominal ("bent-
                                               knee hip raise")
    ``pattern/name-keyword/trunk-late``        plank, twist, L-sit, L hold, bird dog, mountain
                                               climber, crawl, trunk/torso/core rotation ->
                                               TrunkStability (late: "flyes with a twist" is a
                                               fly, "plank to row" a row, "L-sit pull-up" a
                                               pull-up)
    ``pattern/press-by-muscle``                any other "press": chest or triceps primary ->
                                               HorizontalPush, shoulders -> VerticalPush
    ========================================== ================================================

    When no name rule fires, the fallbacks use the data:

    ========================================== ================================================
    ``pattern/none/category``                  category stretching, cardio or plyometrics: none
    ``pattern/muscle/abdominals``              every primary muscle is abdominal ->
                                               TrunkStability
    ``pattern/mechanic/isolation``             mechanic "isolation" -> Isolation
    ``pattern/force-muscle/push``              force push (mechanic compound or unknown): chest
                                               or triceps -> HorizontalPush, shoulders ->
                                               VerticalPush, quadriceps -> Squat, glutes or
                                               hamstrings -> HipHinge
    ``pattern/force-muscle/pull``              force pull: lats -> VerticalPull, middle back ->
                                               HorizontalPull, hamstrings, glutes or erector
                                               spinae -> HipHinge
    ``pattern/muscle/lats``                    no force known, primary groups are lats (with
                                               traps or biceps at most) -> VerticalPull
    ``pattern/muscle/single-joint``            no force known, mechanic not compound, every
                                               primary group is one only single-joint movements
                                               target (biceps, triceps, forearms, calves, neck)
                                               -> Isolation
    ========================================== ================================================

``estimate_difficulty(facts) -> Inferred | None``
    Only when ``facts.difficulty`` is None. Values "low", "moderate", "high". First match wins;
    when unsure the rules pick the higher level, which is the safer error for beginners:

    ================================ ==========================================================
    ``difficulty/stretch``           stretches, SMR, mobility (name or category) -> low
    ``difficulty/skill``             snatch (not snatch pull/deadlift/shrug/balance), jerk,
                                     muscle-up, pistol, planche, front/back lever, human flag,
                                     handstand, one-arm pull-up/chin-up/push-up, archer,
                                     dragon flag, overhead squat, Zercher, sissy squat,
                                     hanging leg raise/pike, chains, reverse band -> high
    ``difficulty/olympic``           clean, snatch pull/deadlift/shrug/balance, high pull,
                                     category olympic weightlifting, powerlifting or strongman
                                     -> moderate
    ``difficulty/demanding``         rollout, ab wheel, glute-ham raise, Nordic curl, pullover,
                                     renegade row, get-up, windmill -> moderate
    ``difficulty/kettlebell``        kettlebell -> moderate
    ``difficulty/barbell-compound``  barbell (or EZ bar) and not an isolation movement ->
                                     moderate
    ``difficulty/free-weight-unilateral``  dumbbell compound that is one-arm/single-leg or a
                                     shoulder press -> moderate
    ``difficulty/other-equipment``   only "other" equipment (sleds, rings, implements) ->
                                     moderate
    ``difficulty/plyometric``        category plyometrics or cardio -> low
    ``difficulty/guided``            machine, Smith machine, cable, band, medicine ball,
                                     exercise ball -> low
    ``difficulty/isolation``         isolation mechanic or an Isolation/TrunkStability movement
                                     pattern by the rules above -> low
    ``difficulty/bodyweight``        bodyweight or dumbbell basics -> low
    ``difficulty/default``           anything else -> moderate (unsure: err higher)
    ================================ ==========================================================

``equipment_from_name(facts) -> tuple[Inferred, ...]``
    Only when ``facts.equipment`` is empty; returns one :class:`Inferred` per equipment slug the
    English names state (empty tuple when none), in the order below. More specific kinds shadow
    their parents: "smith machine" gives smith-machine and not machine as well, "EZ bar" gives
    ez-curl-bar and not barbell, "incline bench" incline-bench and not bench.

    ==================================== =======================================================
    ``equipment/name/smith-machine``      smith machine, multi press, multipress
    ``equipment/name/leg-press-machine``  leg press (also "calf press on the leg press": same
                                          machine)
    ``equipment/name/back-extension-machine``  back extension machine (lever/selectorized
                                          variants give those slugs)
    ``equipment/name/machine``            machine, lever(age) (not front/back lever), selectorized,
                                          Hammer Strength, plate-loaded, pec deck
    ``equipment/name/cable-station``      cable(s), pulley
    ``equipment/name/ez-curl-bar``        EZ bar, SZ bar, curl bar
    ``equipment/name/barbell``            barbell, BB, landmine, Olympic bar
    ``equipment/name/dumbbell``           dumbbell(s), DB
    ``equipment/name/kettlebell``         kettlebell(s), KB
    ``equipment/name/resistance-band``    band(s), banded, elastic (not TRX band, IT band)
    ``equipment/name/medicine-ball``      medicine ball, med ball, wall ball, ball slam
    ``equipment/name/exercise-ball``      Swiss/stability/exercise/physio ball
    ``equipment/name/weight-plate``       plate(s) (not plate-loaded)
    ``equipment/name/foam-roller``        foam roller, Blackroll
    ``equipment/name/hyperextension-bench``  hyperextension bench, Roman chair, 45-degree back
                                          extension/hyperextension
    ``equipment/name/incline-bench``      incline/decline bench
    ``equipment/name/bench``              bench (including "bench press")
    ``equipment/name/pull-up-bar``        pull-up/chin-up bar, and pull-ups, chin-ups, hanging,
                                          toes to bar, dead hang when no machine, cable or band
                                          is named
    ``equipment/name/gym-mat``            mat
    ``equipment/name/bodyweight``         bodyweight/body weight, no equipment
    ``equipment/implied/cable-station``   only when nothing above matched: pushdown, lat or
                                          straight-arm pulldown, face pull, rope/bar attachment
                                          (done on a cable station)
    ``equipment/implied/bodyweight``      only when nothing above matched: push-up, plank,
                                          air/prisoner squat, burpee, sit-up, crunch, mountain
                                          climber, jumping jack, pistol squat, superman, bird
                                          dog, dead bug, L-sit, handstand; not when the name
                                          also says weighted, rope, TRX, suspension, rings, row,
                                          press, curl or fly
    ==================================== =======================================================

    A mention after "no" or "without" is ignored ("hyperextensions with no hyperextension
    bench").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from exgraph.vocab.terms import term_slug

__all__ = [
    "DIFFICULTY_LEVELS",
    "PATTERNS",
    "Facts",
    "Inferred",
    "activity_kind",
    "english_names",
    "equipment_from_name",
    "estimate_difficulty",
    "movement_pattern",
    "normalize_name",
    "primary_muscles",
]

PATTERNS: Final = (
    "HipHinge",
    "Squat",
    "Lunge",
    "HorizontalPush",
    "VerticalPush",
    "HorizontalPull",
    "VerticalPull",
    "Carry",
    "TrunkStability",
    "Isolation",
)
"""Local names of the ``exg:MovementPattern`` individuals, the values of movement_pattern."""

DIFFICULTY_LEVELS: Final = ("low", "moderate", "high")
"""Values of estimate_difficulty, in rank order (exg:Low, exg:Moderate, exg:High)."""

_PATTERN_WORDS: Final = {
    "HipHinge": "a hip hinge",
    "Squat": "a squat",
    "Lunge": "a lunge (single-leg or split-stance)",
    "HorizontalPush": "a horizontal push",
    "VerticalPush": "a vertical push",
    "HorizontalPull": "a horizontal pull",
    "VerticalPull": "a vertical pull",
    "Carry": "a loaded carry",
    "TrunkStability": "a trunk flexion, rotation or bracing movement",
    "Isolation": "a single-joint isolation movement",
}


@dataclass(frozen=True)
class Facts:
    """What the graph states about one exercise, as plain values.

    ``names`` lists the exercise's labels with English names first; ``languages`` (optional) runs
    parallel to it with each name's language tag (``None`` for an untagged literal). Muscle and
    equipment values are slugs (the last path segment of the IRI); ``groups_primary`` holds the
    primary muscles lifted to their muscle group (a group stays itself). ``difficulty`` is
    "low", "moderate", "high" or None.
    """

    slug: str
    names: tuple[str, ...]
    primary: frozenset[str] = frozenset()
    secondary: frozenset[str] = frozenset()
    stabilizer: frozenset[str] = frozenset()
    groups_primary: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    force: str | None = None
    mechanic: str | None = None
    category: tuple[str, ...] = ()
    difficulty: str | None = None
    languages: tuple[str | None, ...] = ()
    #: the exg:ActivityKind local name a source states, if any
    activity_kind: str | None = None

    def __post_init__(self) -> None:
        if self.languages and len(self.languages) != len(self.names):
            raise ValueError(
                f"{self.slug}: {len(self.languages)} languages for {len(self.names)} names"
            )
        if self.difficulty is not None and self.difficulty not in DIFFICULTY_LEVELS:
            raise ValueError(f"{self.slug}: difficulty {self.difficulty!r} is not one of "
                             f"{DIFFICULTY_LEVELS}")


@dataclass(frozen=True)
class Inferred:
    """One inferred value, the id of the rule that gave it and a sentence explaining why."""

    value: str
    rule: str
    reason: str


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

_APOSTROPHES: Final = re.compile("['`\u2019\u00b4]")  # apostrophe, backtick, U+2019, U+00B4
_NON_WORD: Final = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """Lower-case, strip accents and apostrophes, turn everything else but letters and digits
    into single spaces: ``"Farmer's Walk (Heavy)"`` -> ``"farmers walk heavy"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _APOSTROPHES.sub("", plain.lower())
    return _NON_WORD.sub(" ", plain).strip()


def _is_english(language: str | None) -> bool:
    return language is None or language.lower() == "en" or language.lower().startswith("en-")


def english_names(facts: Facts) -> tuple[str, ...]:
    """The names keyword rules may read: untagged or English-tagged, in the given order, without
    duplicates (compared after normalisation)."""
    if facts.languages:
        candidates: Iterable[str] = (
            name for name, lang in zip(facts.names, facts.languages, strict=True)
            if _is_english(lang)
        )
    else:
        candidates = facts.names
    seen: set[str] = set()
    out: list[str] = []
    for name in candidates:
        key = normalize_name(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


def _words(*alternatives: str) -> re.Pattern[str]:
    """One regex matching any alternative on word boundaries of the normalised name."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# Shared spellings (normalised text: no hyphens, so "push-up" is "push up").
_PUSH_UP = r"(?:push|press) ?ups?|pushups?"
_PULL_UP = r"pull ?ups?|pullups?"
_CHIN_UP = r"chin ?ups?|chinups?|chins|grip chin"


# --------------------------------------------------------------------------------------------
# Movement pattern
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NameRule:
    rule: str
    value: str | None  # None: a "no pattern" rule, which stops the search
    regex: re.Pattern[str]


_PATTERN_RULES: Final[tuple[_NameRule, ...]] = (
    _NameRule("pattern/none/stretch", None, _words(
        r"stretch(?:es|ing)?", "smr", r"foam roll(?:er|ing)?", "blackroll", "mobility",
        "massage", r"leg swings?", r"(?:arm|hip|knee|ankle|elbow|wrist|neck|shoulder) circles",
        "circles", r"rest", r"breathing", r"meditation", r"chin tucks?", r"neck (?:tilts?|turns?)",
        r"head (?:tilts?|turns?)", r"shoulder (?:dislocates?|rotations?)", r"open book",
        r"cow cat", r"cat cow", r"childs pose",
    )),
    _NameRule("pattern/none/complex", None, _words(
        r"(?:turkish )?get ups?", r"burpees?", r"squat thrusts?", r"devils? press",
    )),
    _NameRule("pattern/name-keyword/carry", "Carry", _words(
        r"farmers? (?:walks?|carry|carries)", r"suitcase (?:walks?|carry|carries)",
        r"carry", r"carries", r"yoke walk", r"waiters? walk",
    )),
    _NameRule("pattern/name-keyword/calf", "Isolation", _words(
        "calf", "calves", r"toe press(?:es)?", "tibialis", r"heel raises?", r"plantar ?flexion",
        r"dorsi ?flexion",
    )),
    _NameRule("pattern/name-keyword/olympic-push", "VerticalPush", _words(
        r"jerks?", r"push press(?:es)?", r"clean and (?:press|jerk)",
    )),
    _NameRule("pattern/name-keyword/lunge", "Lunge", _words(
        r"lunges?", r"split squats?", r"split squat\w*", r"split jumps?", r"scissors? jumps?",
        r"bulgarian", r"step ?ups?", r"pistols?",
        r"(?:single|one) ?(?:leg|legged) (?:\w+ )?squats?",
        r"(?:skater|shrimp|curtsy|cossack) (?:squats?|squad)",
    )),
    _NameRule("pattern/name-keyword/squat", "Squat", _words(
        r"squats?", r"squatting", r"leg press(?:es)?", r"hack", r"hacks", r"wall sits?",
        r"thrusters?", r"snatch balance", r"wall balls?",
    )),
    _NameRule("pattern/name-keyword/trunk", "TrunkStability", _words(
        r"crunch(?:es)?", r"sit ?ups?", r"situps?", "pallof", r"wood ?chop\w*",
        r"russian twists?", r"ab roll\w*", r"roll ?outs?", r"ab wheel", r"dead ?bugs?",
        r"hollow (?:hold|body|rock)s?", r"v ?ups?", r"jack ?knife", r"jackknife", "dragon flag",
        r"windshield wipers?", r"(?:flutter|scissors?) kicks?", r"toes? to bar",
        r"(?<!side )(?<!front )(?<!rear )(?<!lateral )leg raises?",
        r"knee (?:raises?|ups?)", r"(?:knee|leg) tucks?(?! jumps?)", r"side bends?",
        r"obliques?", r"side (?:bridge|plank)s?", r"windmills?", r"judo flip",
        r"landmine (?:180s?|rotations?)", r"leg pull ins?", r"pull ins?", r"draw ins?",
        r"stomach vacuum", r"heel touch\w*", r"toe touchers", r"bear crawl\w*", r"superman",
    )),
    _NameRule("pattern/none/cardio", None, _words(
        "treadmill", "elliptical", r"bicycl\w*", r"bikes?", "cycling", r"jog(?:ging)?",
        r"run(?:s|ning)?", r"sprints?", r"stair ?master", "stairmaster", "step mill",
        r"jump(?:ing)? rope", "rope jumping", "skipping", r"swim\w*", "schwimmen",
        "rowing machine", "rowing stationary", "ski machine", r"ski ?erg",
        r"jumping jacks?", r"star jumps?", r"high knees?", r"battl(?:e|ing) ropes?",
        r"shadow ?boxing", r"punch(?:es)?", "bag training", "climbmill", "march", "skating",
        r"walking", r"walk", r"sled (?:push(?:es)?|drags?)", r"prowler\w*",
    )),
    _NameRule("pattern/name-keyword/isolation-early", "Isolation", _words(
        r"tate press", r"triceps? press(?:es)?", r"pull ?overs?", r"pullovers?",
        r"straight arm pull ?downs?", r"push ?downs?", r"pushdowns?", r"leg extensions?",
        r"(?:leg|hamstring|nordic) curls?",
    )),
    _NameRule("pattern/name-keyword/hinge", "HipHinge", _words(
        r"deadlifts?", r"dead lifts?", r"rdls?", r"stiff ?legs?", r"stiff legged",
        r"good ?mornings?", r"hip thrusts?", r"glute (?:bridges?|drives?)", r"bridges?",
        r"hip (?:extensions?|hinges?|lifts?)", r"(?<!leg )swings?", r"back extensions?",
        r"hyper ?extensions?", r"pull ?throughs?", r"glute ham raises?",
        r"rack pulls?", r"(?:clean|snatch|high) pulls?", r"atlas stones?", r"stones?",
        r"keg loads?", r"sandbag loads?", r"tire flips?",
    )),
    _NameRule("pattern/name-keyword/vertical-push", "VerticalPush", _words(
        r"handstand(?: (?:" + _PUSH_UP + r"))?", r"handstands", r"pike (?:" + _PUSH_UP + r")",
        r"(?:overhead|military|shoulder|arnold|bradford|z|viking|landmine|kettlebell|log|"
        r"seesaw|see saw|para|bent|cuban|anti gravity) press(?:es)?",
        r"ohp", r"press behind (?:the )?neck", r"behind the neck press", r"log lift",
        r"circus bell",
    )),
    _NameRule("pattern/name-keyword/horizontal-push", "HorizontalPush", _words(
        r"bench ?press(?:es)?", r"benchpress", r"chest press(?:es)?", r"floor press(?:es)?",
        r"(?:incline|decline) (?:\w+ ){0,2}press(?:es)?", r"close grip (?:\w+ ){0,2}press(?:es)?",
        r"(?:jm|larsen|svend|hex|squeeze|pin|board|guillotine|neck|chain) press(?:es)?",
        _PUSH_UP, r"dips?", r"chest push\w*", r"(?:pause|paused|spoto) bench",
    )),
    _NameRule("pattern/name-keyword/vertical-pull", "VerticalPull", _words(
        _PULL_UP, _CHIN_UP, r"pull ?downs?", r"pulldowns?", r"lat pulls?", r"muscle ?ups?",
        r"rope climbs?", r"scapula(?:r)? pull\w*", r"upright (?:\w+ ){0,2}rows?",
    )),
    _NameRule("pattern/name-keyword/horizontal-pull", "HorizontalPull", _words(
        r"rows?", r"rowing", r"face ?pulls?", r"long pulley",
    )),
    _NameRule("pattern/name-keyword/olympic-pull", "HipHinge", _words(
        r"cleans?", r"snatch(?:es)?", "snach",
    )),
    _NameRule("pattern/none/plyometric", None, _words(
        r"jumps?", r"jumping", r"hops?", r"bounds?", r"leaps?", r"skips?", r"throws?",
        r"slams?", r"pass", r"toss(?:es)?", r"push ?offs?", r"shuffles?", r"drills?",
        r"carioca",
    )),
    _NameRule("pattern/name-keyword/isolation", "Isolation", _words(
        r"curls?", r"extensions?", r"extention", r"raises?", r"rises?", r"f?fl(?:y|ye|yes|ies)",
        r"cross ?overs?", r"crossovers?", r"pec deck", "butterfly", r"kick ?backs?",
        r"shrugs?", r"skull ?crush\w*", r"pull ?aparts?",
        r"(?:external|internal|interior) rotations?", r"rotator cuff",
        r"(?:hip|knee|elbow|wrist|shoulder) flexions?",
        r"laterals?", r"ab(?:|d)uctions?", r"(?:thigh|hip) ab(?:|d)uctor", r"adductions?",
        r"clamshells?", r"wrist roller", r"pinch\w*", r"hand grip", r"grippers?",
        r"iron cross\w*", r"y raises?", r"ytwl", r"ywts?", r"donkey kicks?",
    )),
    _NameRule("pattern/name-keyword/trunk-late", "TrunkStability", _words(
        r"planks?", r"twists?", r"l ?sits?", r"l holds?", r"bird ?dogs?", r"mountain climbers?",
        r"crawls?", r"(?:trunk|torso|core) rotations?", r"abdominal", r"abs",
    )),
)

_PRESS: Final = _words(r"press(?:es)?")

_STRETCH_CATEGORIES: Final = frozenset({"stretching"})
_NONE_CATEGORIES: Final = frozenset({"stretching", "cardio", "plyometrics"})
_SINGLE_JOINT_GROUPS: Final = frozenset({"biceps", "triceps", "forearms", "calves", "neck"})
_LAT_GROUPS: Final = frozenset({"lats", "traps", "biceps"})


def _first_name_match(
    facts: Facts, rules: Sequence[_NameRule]
) -> tuple[_NameRule, str, str] | None:
    """The first rule that fires, trying each English name in order and the rules in order."""
    for name in english_names(facts):
        text = normalize_name(name)
        for rule in rules:
            found = rule.regex.search(text)
            if found:
                return rule, name, found.group(0)
    return None


def _pattern(value: str, rule: str, reason: str) -> Inferred:
    return Inferred(value=value, rule=rule, reason=reason)


def _categories(facts: Facts) -> frozenset[str]:
    return frozenset(c.strip().lower() for c in facts.category)


def _press_by_muscle(facts: Facts) -> Inferred | None:
    """A press the keyword rules did not place: decide horizontal or vertical by muscle."""
    for name in english_names(facts):
        if not _PRESS.search(normalize_name(name)):
            continue
        groups = facts.groups_primary
        if groups & {"chest", "triceps"}:
            return _pattern("HorizontalPush", "pattern/press-by-muscle",
                            f"The name '{name}' is a press and its primary muscles are chest or "
                            "triceps, so it is a horizontal push.")
        if "shoulders" in groups:
            return _pattern("VerticalPush", "pattern/press-by-muscle",
                            f"The name '{name}' is a press and its primary muscles are the "
                            "shoulders, so it is a vertical push.")
        return None
    return None


_PUSH_BY_GROUP: Final = (
    ("chest", "HorizontalPush"), ("triceps", "HorizontalPush"), ("shoulders", "VerticalPush"),
    ("quadriceps", "Squat"), ("glutes", "HipHinge"), ("hamstrings", "HipHinge"),
)
_PULL_BY_GROUP: Final = (
    ("lats", "VerticalPull"), ("middle-back", "HorizontalPull"), ("hamstrings", "HipHinge"),
    ("glutes", "HipHinge"), ("erector-spinae", "HipHinge"),
)


def _fallback_pattern(facts: Facts) -> Inferred | None:
    groups = facts.groups_primary
    categories = _categories(facts)
    if categories & _NONE_CATEGORIES:
        return None  # pattern/none/category
    if groups and groups <= {"abdominals"}:
        return _pattern("TrunkStability", "pattern/muscle/abdominals",
                        "Every primary muscle is an abdominal muscle, so it trains the trunk.")
    if facts.mechanic == "isolation":
        return _pattern("Isolation", "pattern/mechanic/isolation",
                        "The source marks the exercise as an isolation (single-joint) movement.")
    if facts.mechanic in (None, "compound") and facts.force in ("push", "pull"):
        table = _PUSH_BY_GROUP if facts.force == "push" else _PULL_BY_GROUP
        for group, value in table:
            if group in groups:
                return _pattern(value, f"pattern/force-muscle/{facts.force}",
                                f"A {facts.force} movement with {group} as a primary muscle is "
                                f"{_PATTERN_WORDS[value]}.")
        return None
    if facts.force is None and groups:
        if "lats" in groups and groups <= _LAT_GROUPS:
            return _pattern("VerticalPull", "pattern/muscle/lats",
                            "The latissimus dorsi is the main primary muscle, which a vertical "
                            "pull trains most.")
        if groups <= _SINGLE_JOINT_GROUPS and facts.mechanic != "compound":
            return _pattern("Isolation", "pattern/muscle/single-joint",
                            "Its primary muscles (" + ", ".join(sorted(groups)) + ") are "
                            "trained by single-joint movements.")
    return None


def movement_pattern(facts: Facts) -> Inferred | None:
    """Infer the exercise's movement pattern, or None when no rule applies (stretches, cardio,
    plyometric drills and complexes on purpose). Rules and their order: the module docstring."""
    hit = _first_name_match(facts, _PATTERN_RULES)
    if hit is not None:
        rule, name, matched = hit
        if rule.value is None:
            return None
        groups = facts.groups_primary
        if rule.rule == "pattern/name-keyword/isolation" and groups and groups <= {"abdominals"}:
            return _pattern("TrunkStability", "pattern/name-keyword/isolation-abdominal",
                            f"The name '{name}' says '{matched}', but every primary muscle is "
                            "abdominal, so it trains the trunk.")
        return _pattern(rule.value, rule.rule,
                        f"The name '{name}' says '{matched}', which is "
                        f"{_PATTERN_WORDS[rule.value]}.")
    by_press = _press_by_muscle(facts)
    if by_press is not None:
        return by_press
    return _fallback_pattern(facts)


# --------------------------------------------------------------------------------------------
# Difficulty
# --------------------------------------------------------------------------------------------

_STRETCH_NAME: Final = _words(
    r"stretch(?:es|ing)?", "smr", r"foam roll(?:er|ing)?", "blackroll", "mobility",
    r"circles", r"leg swings?",
)
_HIGH_SKILL: Final = _words(
    r"snatch(?:es)?(?! (?:pull|deadlift|shrug|balance))", r"(?<!kettlebell )jerks?",
    r"muscle ?ups?", r"pistols?", r"planche", r"(?:front|back) lever", "human flag",
    r"handstands?", r"(?:one|single) ?arm(?:ed)? (?:" + _PULL_UP + "|" + _CHIN_UP + "|"
    + _PUSH_UP + ")", r"archer", "dragon flag", r"overhead squats?", r"zercher", r"sissy",
    r"hanging (?:leg raises?|pikes?)", r"chains", r"reverse band", r"one leg barbell squat",
)
_OLYMPIC: Final = _words(
    r"cleans?", r"snatch(?:es)?", r"high pulls?", r"jerks?", r"push press",
)
_OLYMPIC_CATEGORIES: Final = frozenset({"olympic weightlifting", "powerlifting", "strongman"})
_DEMANDING: Final = _words(
    r"ab roll\w*", r"roll ?outs?", r"ab wheel", r"glute ham raises?", r"nordic(?: curls?)?",
    r"pull ?overs?", r"pullovers?", r"renegade rows?", r"(?:turkish )?get ups?", r"windmills?",
)
_UNILATERAL: Final = _words(
    r"(?:one|single) ?(?:arm|leg|legged)", "unilateral", r"alternat\w*",
)
_GUIDED: Final = frozenset({
    "machine", "smith-machine", "leg-press-machine", "back-extension-machine",
    "lever-back-extension-machine", "selectorized-back-extension-machine", "cable-station",
    "resistance-band", "medicine-ball", "exercise-ball",
})
_BASIC: Final = frozenset({
    "bodyweight", "dumbbell", "bench", "incline-bench", "gym-mat", "foam-roller", "pull-up-bar",
    "hyperextension-bench", "weight-plate",
})


def _difficulty(value: str, rule: str, reason: str) -> Inferred:
    return Inferred(value=value, rule=rule, reason=reason)


def _name_hit(facts: Facts, regex: re.Pattern[str]) -> tuple[str, str] | None:
    for name in english_names(facts):
        found = regex.search(normalize_name(name))
        if found:
            return name, found.group(0)
    return None


def estimate_difficulty(facts: Facts) -> Inferred | None:
    """Estimate how hard the exercise is to learn and perform ("low", "moderate" or "high")
    when the data has no difficulty; None when it has one. Rules: the module docstring."""
    if facts.difficulty is not None:
        return None
    categories = _categories(facts)
    equipment = facts.equipment

    stretch = _name_hit(facts, _STRETCH_NAME)
    if stretch is not None or categories & _STRETCH_CATEGORIES:
        why = (f"The name '{stretch[0]}' says '{stretch[1]}'" if stretch
               else "The source files it under stretching")
        return _difficulty("low", "difficulty/stretch",
                           f"{why}: stretches and mobility drills need little skill.")

    skill = _name_hit(facts, _HIGH_SKILL)
    if skill is not None:
        return _difficulty("high", "difficulty/skill",
                           f"The name '{skill[0]}' says '{skill[1]}', a lift or skill that takes "
                           "long practice to perform safely.")

    olympic = _name_hit(facts, _OLYMPIC)
    if olympic is not None or categories & _OLYMPIC_CATEGORIES:
        why = (f"The name '{olympic[0]}' says '{olympic[1]}'" if olympic
               else "The source files it under " + ", ".join(sorted(categories
                                                                  & _OLYMPIC_CATEGORIES)))
        return _difficulty("moderate", "difficulty/olympic",
                           f"{why}: a technical barbell or strongman lift needs coaching.")

    demanding = _name_hit(facts, _DEMANDING)
    if demanding is not None:
        return _difficulty("moderate", "difficulty/demanding",
                           f"The name '{demanding[0]}' says '{demanding[1]}', a movement that "
                           "loads a long lever or a stretched joint and needs control.")

    if "kettlebell" in equipment:
        return _difficulty("moderate", "difficulty/kettlebell",
                           "Kettlebell lifts move an offset load and need technique practice.")

    pattern = movement_pattern(facts)
    pattern_value = pattern.value if pattern else None
    isolation = facts.mechanic == "isolation" or pattern_value in ("Isolation", "TrunkStability")

    if equipment & {"barbell", "ez-curl-bar"} and not isolation:
        return _difficulty("moderate", "difficulty/barbell-compound",
                           "A compound free-weight barbell lift needs practice to keep good "
                           "form under load.")

    if "dumbbell" in equipment and not isolation:
        unilateral = _name_hit(facts, _UNILATERAL)
        if unilateral is not None or pattern_value in ("VerticalPush", "Lunge", "HipHinge"):
            why = (f"the name '{unilateral[0]}' says '{unilateral[1]}'" if unilateral
                   else f"it is {_PATTERN_WORDS[pattern_value or 'Isolation']}")
            return _difficulty("moderate", "difficulty/free-weight-unilateral",
                               f"A compound dumbbell movement where {why} asks for balance and "
                               "coordination.")

    if equipment and equipment <= {"other"}:
        return _difficulty("moderate", "difficulty/other-equipment",
                           "Special equipment (sled, rings, implements) usually needs some "
                           "experience.")

    if categories & {"plyometrics", "cardio"}:
        return _difficulty("low", "difficulty/plyometric",
                           "The source files it under plyometrics or cardio drills, which the "
                           "reference data rates easy.")

    if equipment & _GUIDED:
        return _difficulty("low", "difficulty/guided",
                           "A machine, cable, band or ball guides or lightens the movement.")

    if isolation:
        return _difficulty("low", "difficulty/isolation",
                           "A single-joint or trunk exercise is simple to learn.")

    if equipment and equipment <= _BASIC:
        return _difficulty("low", "difficulty/bodyweight",
                           "A basic bodyweight or dumbbell movement is simple to learn.")

    return _difficulty("moderate", "difficulty/default",
                       "No rule recognised the exercise, so it is rated moderate to be safe.")


# --------------------------------------------------------------------------------------------
# Equipment from the name
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _EquipmentRule:
    rule: str
    slug: str
    regex: re.Pattern[str]
    # Skip the rule when one of these slugs was already found (more specific kinds first).
    unless: frozenset[str] = frozenset()
    # Only when nothing else was found (implied, not stated).
    alone: bool = False
    # Skip the rule when this regex matches the name.
    not_if: re.Pattern[str] | None = None


_MACHINES: Final = frozenset({
    "smith-machine", "leg-press-machine", "back-extension-machine",
    "lever-back-extension-machine", "selectorized-back-extension-machine", "machine",
})

_EQUIPMENT_RULES: Final[tuple[_EquipmentRule, ...]] = (
    _EquipmentRule("equipment/name/smith-machine", "smith-machine",
                   _words(r"smith(?: machine)?", r"multi ?press(?:e)?")),
    _EquipmentRule("equipment/name/leg-press-machine", "leg-press-machine",
                   _words(r"leg press(?:es)?(?: machine)?")),
    _EquipmentRule("equipment/name/lever-back-extension-machine", "lever-back-extension-machine",
                   _words(r"(?:lever|plate loaded) back extension(?: machine)?")),
    _EquipmentRule("equipment/name/selectorized-back-extension-machine",
                   "selectorized-back-extension-machine",
                   _words(r"(?:selectorized|pin loaded) back extension(?: machine)?")),
    _EquipmentRule("equipment/name/back-extension-machine", "back-extension-machine",
                   _words(r"back extension machine", r"machine back extensions?"),
                   unless=frozenset({"lever-back-extension-machine",
                                     "selectorized-back-extension-machine"})),
    _EquipmentRule("equipment/name/machine", "machine",
                   _words(r"machines?", r"lever(?:age)?", r"selectorized", r"hammer ?strength",
                          r"plate loaded", r"pec deck"),
                   unless=_MACHINES - {"machine"},
                   not_if=_words(r"(?:front|back) lever")),
    _EquipmentRule("equipment/name/cable-station", "cable-station",
                   _words(r"cables?", r"pulley", r"pulleys")),
    _EquipmentRule("equipment/name/ez-curl-bar", "ez-curl-bar",
                   _words(r"e ?z ?(?:curl )?bar", r"sz ?(?:curl )?bar", r"curl bar")),
    _EquipmentRule("equipment/name/barbell", "barbell",
                   _words(r"barbells?", r"bb", r"landmine", r"olympic bar"),
                   unless=frozenset({"ez-curl-bar", "smith-machine"})),
    _EquipmentRule("equipment/name/dumbbell", "dumbbell",
                   _words(r"dumb?bells?", r"db", r"dbs")),
    _EquipmentRule("equipment/name/kettlebell", "kettlebell",
                   _words(r"kettle ?bells?", r"kb", r"kbs")),
    _EquipmentRule("equipment/name/resistance-band", "resistance-band",
                   _words(r"bands?", r"banded", r"elastics?", r"mini ?bands?", r"theraband"),
                   not_if=_words(r"trx bands?", r"it bands?", r"iliotibial bands?")),
    _EquipmentRule("equipment/name/medicine-ball", "medicine-ball",
                   _words(r"medicine ?balls?", r"med ?balls?", r"wall balls?", r"ball slams?",
                          r"slam balls?")),
    _EquipmentRule("equipment/name/exercise-ball", "exercise-ball",
                   _words(r"(?:swiss|stability|exercise|physio) ?balls?", r"physioball")),
    _EquipmentRule("equipment/name/weight-plate", "weight-plate",
                   _words(r"plates?"), not_if=_words(r"plate loaded")),
    _EquipmentRule("equipment/name/foam-roller", "foam-roller",
                   _words(r"foam roll(?:er|ers|ing)?", r"blackroll")),
    _EquipmentRule("equipment/name/hyperextension-bench", "hyperextension-bench",
                   _words(r"hyper ?extension bench", r"roman chair",
                          r"back extension bench",
                          r"45 degree (?:back extension|hyperextension)s?")),
    _EquipmentRule("equipment/name/incline-bench", "incline-bench",
                   _words(r"(?:incline|decline|adjustable) bench")),
    _EquipmentRule("equipment/name/bench", "bench",
                   _words(r"bench(?:es)?", r"benchpress"),
                   unless=frozenset({"incline-bench", "hyperextension-bench"})),
    _EquipmentRule("equipment/name/pull-up-bar", "pull-up-bar",
                   _words(r"(?:pull ?up|chin ?up|pullup|chinup) bar", _PULL_UP, _CHIN_UP,
                          r"hanging (?:leg|knee|pike|windshield|toes|l sit)\w*", r"toes to bar",
                          r"dead ?hang"),
                   unless=_MACHINES | {"cable-station", "resistance-band"}),
    _EquipmentRule("equipment/name/gym-mat", "gym-mat", _words(r"mats?")),
    _EquipmentRule("equipment/name/bodyweight", "bodyweight",
                   _words(r"body ?weight", r"bodyweight only", r"no equipment")),
    # Implied, not stated: only when no rule above found anything.
    _EquipmentRule("equipment/implied/cable-station", "cable-station",
                   _words(r"push ?downs?", r"pushdowns?", r"lat pull ?downs?", r"lat pulldowns?",
                          r"straight arm pull ?downs?", r"face ?pulls?",
                          r"(?:rope|bar|v bar) attachment"),
                   alone=True),
    _EquipmentRule("equipment/implied/bodyweight", "bodyweight",
                   _words(_PUSH_UP, r"planks?", r"(?:air|prisoner) squats?", r"burpees?",
                          r"sit ?ups?", r"situps?", r"crunch(?:es)?", r"mountain climbers?",
                          r"jumping jacks?", r"pistol squats?", r"superman", r"bird ?dogs?",
                          r"dead ?bugs?", r"l ?sits?", r"handstands?"),
                   alone=True,
                   not_if=_words(r"weighted", r"ropes?", r"trx", r"suspen\w+", r"rings?",
                                 r"rows?", r"press(?:es)?", r"curls?", r"fl(?:y|ye|yes)")),
)

_NEGATED: Final = re.compile(r"\b(?:no|without) (?:\w+ ){0,2}$")


def equipment_from_name(facts: Facts) -> tuple[Inferred, ...]:
    """Equipment the English names state, for an exercise with no equipment in the data; an
    empty tuple when it has some or the names state none. Rules: the module docstring."""
    if facts.equipment:
        return ()
    texts = [(name, normalize_name(name)) for name in english_names(facts)]
    found: dict[str, Inferred] = {}
    for rule in _EQUIPMENT_RULES:
        if rule.slug in found or rule.unless & found.keys() or (rule.alone and found):
            continue
        for name, text in texts:
            if rule.not_if is not None and rule.not_if.search(text):
                continue
            # Skip negated mentions: "hyperextensions with no hyperextension bench".
            hit = next((m for m in rule.regex.finditer(text)
                        if not _NEGATED.search(text[:m.start()])), None)
            if hit:
                verb = "implies" if "/implied/" in rule.rule else "names"
                found[rule.slug] = Inferred(
                    value=rule.slug, rule=rule.rule,
                    reason=f"The name '{name}' {verb} '{hit.group(0)}', so the exercise uses "
                           f"equipment '{rule.slug}'.")
                break
    return tuple(found.values())


# --------------------------------------------------------------------------------------------
# Activity kind (issue 22)
# --------------------------------------------------------------------------------------------

_SMR: Final = _words(r"foam roll(?:er|ers|ing)?", "smr", "blackroll", r"lacrosse ball",
                     r"myofascial", r"trigger point", r"self massage")
_STRETCH: Final = _words(r"stretch(?:es|ing)?", r"yoga", r"pose", r"chokes?")
_MOBILITY: Final = _words(
    "mobility", r"(?:arm|hip|ankle|wrist|neck|shoulder|knee|trunk|joint) circles?",
    r"circles", r"(?:leg|arm) swings?", r"dislocates?", r"cat (?:and )?cow", r"cars",
    r"controlled articular", r"chin tucks?", r"neck (?:flexion|extension|rotation|tilts?)",
    r"thoracic (?:rotation|extension)s?", r"hip openers?", r"(?:worlds )?greatest stretch",
    r"inchworms?", r"scorpions?", r"ankle (?:flexion|rotation)s?", r"ankle rolls?",
    r"head (?:tilts?|turns?)", r"open books?", r"(?:forward|backward) shoulder rotations?")
_CARDIO: Final = _words(
    r"treadmill", r"ellipticals?", r"cross trainer", r"(?:exercise|stationary|air|spin|"
    r"recumbent|assault) bikes?", r"bike", r"cycling", r"bicycling", r"running", r"run",
    r"jogging", r"jog", r"(?<!farmers )(?<!farmer )walking(?! lunges?)", r"walk(?! lunges?)",
    r"hiking", r"swimming", r"rowing machine", r"rower", r"ergometer", r"ski ?erg",
    r"stair ?(?:climber|master|mill)", r"stairmaster", r"stepmill", r"step aerobics",
    r"jump(?:ing)? rope", r"rope jump(?:ing|s)?", r"skipping(?: rope)?", r"jumping jacks?",
    r"star jumps?", r"burpees?", r"high knees", r"butt kicks?", r"shadow ?boxing",
    r"battle ropes?", r"battling ropes?")
#: Walking or running words in a strength exercise's name: a carry, a lunge, a crawl.
_NOT_CARDIO: Final = _words(
    r"lunges?", r"farmers?", r"yoke", r"carry", r"carries", r"sled\w*", r"prowler", r"bridges?",
    r"bear", r"crab", r"monster", r"lateral walks?", r"band walks?", r"planks?", r"duck",
    r"overhead", r"suitcase", r"waiters?", r"handstand")
_CARDIO_EQUIPMENT: Final = frozenset({
    "treadmill", "elliptical", "stationary-bike", "rowing-machine", "stair-climber", "ski-erg",
    "jump-rope"})
_POWER: Final = _words(
    r"snatch(?:es)?", r"cleans?", r"jerks?", r"high pulls?", r"push press(?:es)?",
    r"clean and (?:press|jerk)", r"jumps?", r"jumping", r"hops?", r"hopping", r"bounds?",
    r"bounding", r"leaps?", r"throws?", r"slams?", r"toss(?:es)?", r"chest pass(?:es)?",
    r"plyo\w*", r"clap(?:ping)? (?:push|press) ?ups?", r"depth drops?", r"sprints?",
    r"kettlebell swings?", r"swings?", r"tire flips?")
_NOT_POWER: Final = _words(r"clean grip", r"leg swings?", r"arm swings?", r"jump rope",
                           r"jumping jacks?")
_OLYMPIC_KIND_CATEGORIES: Final = frozenset({"olympic weightlifting", "plyometrics"})


def _kind(value: str, rule: str, reason: str) -> Inferred:
    return Inferred(value=value, rule=rule, reason=reason)


def activity_kind(facts: Facts) -> Inferred:
    """The kind of activity: local names of ``exg:ActivityKind`` individuals. First match wins:

    ============================ ==========================================================
    ``kind/smr``                 foam roll(er/ing), SMR, Blackroll, lacrosse ball, myofascial,
                                 trigger point; or only a foam roller as equipment ->
                                 SelfMyofascialRelease
    ``kind/stretch``             stretch, yoga, pose, "chokes" (a held hamstring stretch), or
                                 category stretching -> Stretching
    ``kind/mobility``            mobility, joint circles, leg or arm swings, dislocates, cat-cow,
                                 CARs, chin tucks, neck flexion/rotation, thoracic rotation, hip
                                 openers, inchworm, scorpion -> MobilityDrill
    ``kind/cardio``              treadmill, elliptical, bikes, cycling, running, jogging,
                                 walking, rowing machine, rower, ski erg, stair climber, jump
                                 rope, jumping jacks, star jumps, burpees, high knees, battle
                                 ropes -> Cardio; not when the name also says lunge, farmer,
                                 yoke, carry, sled, prowler, bridge, bear, crab, monster,
                                 lateral or band walk, plank, duck, overhead, suitcase, waiter,
                                 handstand (a walking lunge or a carry is strength work)
    ``kind/power``               Olympic lifts (snatch, clean, jerk, high pull, push press),
                                 jumps, hops, bounds, throws, slams, tosses, plyometric push-
                                 ups, sprints, swings, tire flips; category plyometrics or
                                 Olympic weightlifting -> PowerTraining ("clean grip", leg
                                 swings and jumping jacks are not)
    ``kind/cardio-data``         category cardio, or a cardio machine (treadmill, elliptical,
                                 bike, rowing machine, stair climber, ski erg, jump rope) as
                                 equipment -> Cardio
    ``kind/strength``            anything else -> StrengthTraining
    ============================ ==========================================================
    """
    categories = _categories(facts)
    smr = _name_hit(facts, _SMR)
    if smr is not None or ("foam-roller" in facts.equipment
                           and facts.equipment <= {"foam-roller", "gym-mat"}):
        why = f"The name '{smr[0]}' says '{smr[1]}'" if smr else "Its only tool is a foam roller"
        return _kind("SelfMyofascialRelease", "kind/smr",
                     f"{why}: rolling a muscle is self-myofascial release, not strength work.")
    stretch = _name_hit(facts, _STRETCH)
    if stretch is not None or categories & _STRETCH_CATEGORIES:
        why = (f"The name '{stretch[0]}' says '{stretch[1]}'" if stretch
               else "The source files it under stretching")
        return _kind("Stretching", "kind/stretch",
                     f"{why}: it lengthens muscles for range of motion, not for strength.")
    mobility = _name_hit(facts, _MOBILITY)
    if mobility is not None:
        return _kind("MobilityDrill", "kind/mobility",
                     f"The name '{mobility[0]}' says '{mobility[1]}', a joint mobility or "
                     "warm-up drill.")
    cardio = _name_hit(facts, _CARDIO)
    if cardio is not None and _name_hit(facts, _NOT_CARDIO) is not None:
        cardio = None
    if cardio is not None:
        return _kind("Cardio", "kind/cardio", f"The name '{cardio[0]}' says '{cardio[1]}': "
                     "endurance work, not strength training.")
    power = _name_hit(facts, _POWER)
    if power is not None and _name_hit(facts, _NOT_POWER) is not None:
        power = None
    if power is not None or categories & _OLYMPIC_KIND_CATEGORIES:
        why = (f"The name '{power[0]}' says '{power[1]}'" if power
               else "The source files it under " + ", ".join(
                   sorted(categories & _OLYMPIC_KIND_CATEGORIES)))
        return _kind("PowerTraining", "kind/power",
                     f"{why}: an explosive lift, jump or throw trains power.")
    if "cardio" in categories or facts.equipment & _CARDIO_EQUIPMENT:
        why = ("The source files it under cardio" if "cardio" in categories
               else "It needs a cardio machine")
        return _kind("Cardio", "kind/cardio-data", f"{why}: endurance work, not strength "
                     "training.")
    return _kind("StrengthTraining", "kind/strength",
                 "No rule for another kind fired: a resistance exercise trains strength.")


# --------------------------------------------------------------------------------------------
# Primary muscles where no source names one (issue 22)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _MuscleRule:
    rule: str
    muscles: tuple[str, ...]
    regex: re.Pattern[str]
    not_if: re.Pattern[str] | None = None


_MUSCLE_RULES: Final[tuple[_MuscleRule, ...]] = (
    _MuscleRule("muscle/name/calves", ("calves",),
                _words(r"calf", r"calves", r"heel raises?", r"toe press(?:es)?",
                       r"plantar ?flexion")),
    _MuscleRule("muscle/name/neck", ("neck",), _words(r"neck", r"chin tucks?")),
    _MuscleRule("muscle/name/forearms", ("forearms",),
                _words(r"wrist\w*", r"grip", r"sloper\w*", r"fingerboard", r"hangboard",
                       r"dead ?hangs?", r"pinch\w*", r"finger\w*", r"forearms?")),
    _MuscleRule("muscle/name/hamstrings", ("hamstrings",),
                _words(r"leg curls?", r"hamstring\w*", r"nordic\w*", r"glute ham\w*")),
    _MuscleRule("muscle/name/abductors", ("gluteus-medius",),
                _words(r"abduct\w*", r"clam ?shells?", r"fire hydrants?", r"monster walks?",
                       r"lateral band walks?", r"side lying leg raises?")),
    _MuscleRule("muscle/name/adductors", ("adductors",),
                _words(r"adduct\w*", r"copenhagen\w*", r"groin")),
    _MuscleRule("muscle/name/olympic", ("glutes", "quadriceps"),
                _words(r"snatch(?:es)?", r"cleans?", r"high pulls?", r"thrusters?")),
    _MuscleRule("muscle/name/jerk", ("shoulders", "quadriceps"),
                _words(r"jerks?", r"push press(?:es)?")),
    _MuscleRule("muscle/name/triceps", ("triceps",),
                _words(r"triceps?", r"push ?downs?", r"skull ?crushers?", r"kick ?backs?",
                       r"french press", r"jm press"),
                not_if=_words(r"glute kick ?backs?", r"donkey kick\w*", r"leg kick ?backs?",
                              r"hip kick ?backs?")),
    _MuscleRule("muscle/name/biceps", ("biceps",),
                _words(r"curls?", r"biceps?", r"chin ?ups?", r"chinups?"),
                not_if=_words(r"leg curls?", r"hamstring curls?", r"nordic", r"wrist curls?",
                              r"ab curls?", r"curl ups?")),
    _MuscleRule("muscle/name/traps", ("traps",), _words(r"shrugs?", r"trap\w*")),
    _MuscleRule("muscle/name/glutes", ("glutes", "hamstrings"),
                _words(r"deadlifts?", r"rdl", r"good mornings?", r"hip thrusts?", r"bridges?",
                       r"hip extensions?", r"hyper ?extensions?", r"back extensions?",
                       r"pull throughs?", r"(?:kettlebell )?swings?", r"glute\w*",
                       r"donkey kick\w*", r"hip hinges?", r"rack pulls?", r"reverse hyper\w*",
                       r"hip raises?", r"roman chairs?",
                       r"atlas stones?", r"tire flips?", r"kick ?backs?")),
    _MuscleRule("muscle/name/lower-back", ("erector-spinae",),
                _words(r"superman", r"supermans", r"skydivers?")),
    _MuscleRule("muscle/name/scapular", ("traps", "shoulders"),
                _words(r"ywts?", r"y w t", r"prone (?:y|t|w|i)s?")),
    _MuscleRule("muscle/name/abdominals", ("abdominals",),
                _words(r"crunch\w*", r"sit ?ups?", r"situps?", r"planks?", r"leg raises?",
                       r"knee raises?", r"hollow\w*", r"dead ?bugs?", r"v ?ups?", r"ab\w*",
                       r"roll ?outs?", r"rollouts?", r"toes to bar", r"l ?sits?", r"l hold",
                       r"l holds?", r"mountain climbers?", r"flutter kicks?", r"jack ?knifes?",
                       r"dragon flags?", r"core", r"trunk", r"leg lifts?", r"tuck\w*",
                       r"pikes?(?! push)", r"bird ?dogs?", r"roll ?downs?"),
                not_if=_words(_PULL_UP, _CHIN_UP, r"rows?")),
    _MuscleRule("muscle/name/obliques", ("obliques",),
                _words(r"obliques?", r"russian twists?", r"twists?", r"wood ?chop\w*",
                       r"pallof", r"side bends?", r"side planks?", r"windmills?",
                       r"landmine (?:180s?|rotations?)", r"(?:trunk|torso|core) rotations?",
                       r"hip crossovers?",
                       r"windshield\w*")),
    _MuscleRule("muscle/name/lats", ("lats",),
                _words(r"pull ?ups?", r"pullups?", r"pull ?downs?", r"pulldowns?",
                       r"lats?", r"lat pull\w*", r"muscle ?ups?", r"rope climbs?", r"pull ?overs?",
                       r"pullovers?", r"(?:front|back) levers?", r"ice cream makers?",
                       r"ice scream makers?")),
    _MuscleRule("muscle/name/push-up", ("chest", "triceps"), _words(_PUSH_UP),
                not_if=_words(r"pike", r"handstand", r"finger\w*")),
    _MuscleRule("muscle/name/shoulders", ("shoulders",),
                _words(r"lateral raises?", r"front raises?", r"shoulder\w*", r"overhead press",
                       r"military press", r"arnold\w*", r"upright rows?", r"face ?pulls?",
                       r"rear delts?", r"delt\w*", r"reverse fl(?:y|yes|ies)", r"y raises?",
                       r"handstand\w*", r"pike push ?ups?", r"cuban\w*", r"landmine press",
                       r"external rotations?", r"internal rotations?", r"rotator cuff",
                       r"raises?")),
    _MuscleRule("muscle/name/back", ("middle-back", "lats"),
                _words(r"rows?", r"rowing", r"renegade\w*")),
    _MuscleRule("muscle/name/chest", ("chest", "triceps"),
                _words(r"bench press\w*", _PUSH_UP, r"chest\w*", r"dips?", r"floor press",
                       r"planche\w*", r"press ups?", r"support holds?")),
    _MuscleRule("muscle/name/chest-fly", ("chest",),
                _words(r"fl(?:y|yes|ies)", r"pec\w*", r"cross ?overs?", r"crossovers?",
                       r"butterfl\w*")),
    _MuscleRule("muscle/name/quadriceps", ("quadriceps",),
                _words(r"leg extensions?", r"sissy\w*", r"wall sits?", r"spanish squats?")),
    _MuscleRule("muscle/name/legs", ("quadriceps", "glutes"),
                _words(r"squats?", r"squatting", r"leg press\w*", r"lunges?", r"lunging",
                       r"split squats?", r"step ?ups?", r"pistols?", r"box jumps?", r"jumps?",
                       r"hops?", r"bounds?", r"sled\w*", r"prowler\w*", r"skaters?",
                       r"thrusters?", r"wall balls?", r"leg\w*")),
    _MuscleRule("muscle/name/carry", ("forearms", "traps"),
                _words(r"carry", r"carries", r"farmers? walks?", r"yoke\w*")),
    _MuscleRule("muscle/name/press", ("chest", "triceps"), _words(r"press\w*")),
)

_PATTERN_MUSCLES: Final = {
    "Squat": ("quadriceps", "glutes"), "Lunge": ("quadriceps", "glutes"),
    "HipHinge": ("glutes", "hamstrings"), "HorizontalPush": ("chest", "triceps"),
    "VerticalPush": ("shoulders", "triceps"), "HorizontalPull": ("middle-back", "lats"),
    "VerticalPull": ("lats",), "TrunkStability": ("abdominals",), "Carry": ("forearms", "traps"),
}


def primary_muscles(facts: Facts) -> tuple[Inferred, ...]:
    """Primary muscle groups (muscle slugs) for a strength exercise no source gives a primary
    muscle; an empty tuple when a source does, or when no rule applies.

    The names decide first (rules ``muscle/name/*`` in the order of ``_MUSCLE_RULES``: calves,
    neck, forearms, hamstrings, abductors, adductors, Olympic pulls, jerks, triceps, biceps,
    traps, hinges and glute work, abdominals, obliques, lats, shoulders, rows, pushes, flyes,
    quadriceps, legs, carries, any press), each naming the groups that are the prime movers of
    that movement by standard kinesiology; then the movement pattern the other rules give
    (``muscle/pattern/*``: squat and lunge quadriceps and glutes, hinge glutes and hamstrings,
    horizontal push chest and triceps, vertical push shoulders and triceps, horizontal pull
    middle back and lats, vertical pull lats, trunk abdominals, carry forearms and traps).
    Groups, not single muscles: the rule knows the movement, not the variation's emphasis.
    """
    if facts.primary:
        return ()
    for name in english_names(facts):
        text = normalize_name(name)
        for rule in _MUSCLE_RULES:
            found = rule.regex.search(text)
            if found is None or (rule.not_if is not None and rule.not_if.search(text)):
                continue
            return tuple(Inferred(m, rule.rule, f"The name '{name}' says '{found.group(0)}', "
                                  f"whose prime movers are the {', '.join(rule.muscles)}.")
                         for m in rule.muscles)
    pattern = movement_pattern(facts)
    if pattern is not None and pattern.value in _PATTERN_MUSCLES:
        muscles = _PATTERN_MUSCLES[pattern.value]
        rule_id = "muscle/pattern/" + term_slug(pattern.value)
        return tuple(Inferred(m, rule_id, f"The exercise is {_PATTERN_WORDS[pattern.value]}, "
                              f"whose prime movers are the {', '.join(muscles)}.")
                     for m in muscles)
    return ()
