"""The movement pattern rules: name keywords first, then muscles and force."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from exgraph.infer.rules.common import (
    CHIN_UP,
    PATTERN_WORDS,
    PULL_UP,
    PUSH_UP,
    STRETCH_CATEGORIES,
    Facts,
    Inferred,
    categories,
    english_names,
    words,
)
from exgraph.vocab.names import plain_text


@dataclass(frozen=True)
class _NameRule:
    rule: str
    value: str | None  # None: a "no pattern" rule, which stops the search
    regex: re.Pattern[str]


#: The crossover of the chest fly family: a cable or band crossover (either word before or after
#: it: "Cable Crossover", "Cross Over - With Bands", "Low-Cable Cross-Over"), or a crossover fly.
#: The bare word is not enough: wger's "Hip Crossover" is a lying trunk rotation and
#: free-exercise-db's "Lying Crossover" a partner hip stretch (the fourth fresh audit, seed
#: 20261209, found the first called single-joint isolation by this rule).
CROSSOVER_FLY: Final = (
    r"(?:cables?|bands?|banded|pulleys?|chest|pec)(?: \w+){0,2} cross ?overs?",
    r"cross ?overs? (?:\w+ ){0,2}(?:cables?|bands?|pulleys?|fl(?:y|ye|yes|ies))",
)

_PATTERN_RULES: Final[tuple[_NameRule, ...]] = (
    _NameRule("pattern/none/stretch", None, words(
        r"stretch(?:es|ing)?", "smr", r"foam roll(?:er|ing)?", "blackroll", "mobility",
        "massage", r"leg swings?", r"(?:arm|hip|knee|ankle|elbow|wrist|neck|shoulder) circles",
        "circles", r"rest", r"breathing", r"meditation", r"chin tucks?", r"neck (?:tilts?|turns?)",
        r"head (?:tilts?|turns?)", r"shoulder (?:dislocates?|rotations?)", r"open book",
        r"cow cat", r"cat cow", r"childs pose",
    )),
    _NameRule("pattern/none/complex", None, words(
        r"(?:turkish )?get ups?", r"burpees?", r"squat thrusts?", r"devils? press",
    )),
    _NameRule("pattern/name-keyword/carry", "Carry", words(
        r"farmers? (?:walks?|carry|carries)", r"suitcase (?:walks?|carry|carries)",
        r"carry", r"carries", r"yoke walk", r"waiters? walk",
    )),
    _NameRule("pattern/name-keyword/calf", "Isolation", words(
        "calf", "calves", r"toe press(?:es)?", "tibialis", r"heel raises?", r"plantar ?flexion",
        r"dorsi ?flexion",
    )),
    _NameRule("pattern/name-keyword/clean-and-press", "HipHinge", words(
        r"clean (?:and|&) (?:push )?(?:press(?:es)?|jerks?)",
    )),
    _NameRule("pattern/name-keyword/olympic-push", "VerticalPush", words(
        r"jerks?", r"push press(?:es)?",
    )),
    _NameRule("pattern/name-keyword/lunge", "Lunge", words(
        r"lunges?", r"split squats?", r"split squat\w*", r"split jumps?", r"scissors? jumps?",
        r"bulgarian", r"step ?ups?", r"pistols?",
        r"(?:single|one) ?(?:leg|legged) (?:\w+ ){0,2}squats?",
        r"(?:skater|shrimp|curtsy|cossack) (?:squats?|squad)",
    )),
    _NameRule("pattern/name-keyword/kneeling-squat", "HipHinge", words(
        r"kneeling squats?",
    )),
    _NameRule("pattern/name-keyword/squat", "Squat", words(
        r"squats?", r"squatting", r"leg press(?:es)?", r"hack", r"hacks", r"wall sits?",
        r"thrusters?", r"snatch balance", r"wall balls?",
    )),
    _NameRule("pattern/name-keyword/trunk", "TrunkStability", words(
        r"crunch(?:es)?", r"sit ?ups?", r"situps?", "pallof", r"wood ?chop\w*",
        r"russian twists?", r"ab roll\w*", r"roll ?outs?", r"ab wheel", r"dead ?bugs?",
        r"hollow (?:hold|body|rock)s?", r"v ?ups?", r"jack ?knife", r"jackknife", "dragon flag",
        r"windshield wipers?", r"(?:flutter|scissors?) kicks?", r"toes? to bar",
        r"(?<!side )(?<!front )(?<!rear )(?<!lateral )leg raises?",
        r"knee (?:raises?|ups?)", r"(?:knee|leg) tucks?(?! jumps?)", r"side bends?",
        r"obliques?", r"side (?:bridge|plank)s?", r"windmills?", r"judo flip",
        r"landmine (?:180s?|rotations?)", r"leg pull ins?", r"pull ins?", r"draw ins?",
        r"stomach vacuum", r"heel touch\w*", r"toe touchers", r"bear crawl\w*", r"superman",
        r"sledge ?hammer (?:swings?|strikes?|slams?)",
    )),
    _NameRule("pattern/none/cardio", None, words(
        "treadmill", "elliptical", r"bicycl\w*", r"bikes?", "cycling", r"jog(?:ging)?",
        r"run(?:s|ning)?", r"sprints?", r"stair ?master", "stairmaster", "step mill",
        r"jump(?:ing)? rope", "rope jumping", "skipping", r"swim\w*", "schwimmen",
        "rowing machine", "rowing stationary", "ski machine", r"ski ?erg",
        r"jumping jacks?", r"star jumps?", r"high knees?", r"battl(?:e|ing) ropes?",
        r"shadow ?boxing", r"punch(?:es)?", "bag training", "climbmill", "march", "skating",
        r"walking", r"walk", r"sled (?:push(?:es)?|drags?)", r"prowler\w*",
    )),
    _NameRule("pattern/name-keyword/isolation-early", "Isolation", words(
        r"tate press", r"triceps? press(?:es)?", r"pull ?overs?", r"pullovers?",
        r"straight arm pull ?downs?", r"push ?downs?", r"pushdowns?", r"leg extensions?",
        r"(?:leg|hamstring|nordic) curls?",
    )),
    _NameRule("pattern/name-keyword/hinge", "HipHinge", words(
        r"deadlifts?", r"dead lifts?", r"rdls?", r"stiff ?legs?", r"stiff legged",
        r"good ?mornings?", r"hip thrusts?", r"glute (?:bridges?|drives?)", r"bridges?",
        r"hip (?:extensions?|hinges?|lifts?)", r"(?<!leg )swings?", r"back extensions?",
        r"hyper ?extensions?", r"pull ?throughs?", r"glute ham raises?",
        r"rack pulls?", r"(?:clean|snatch|high) pulls?", r"atlas stones?", r"stones?",
        r"keg loads?", r"sandbag loads?", r"tire flips?",
    )),
    _NameRule("pattern/name-keyword/vertical-push", "VerticalPush", words(
        r"handstand(?: (?:" + PUSH_UP + r"))?", r"handstands", r"pike (?:" + PUSH_UP + r")",
        r"(?:overhead|military|shoulder|arnold|bradford|z|viking|landmine|kettlebell|log|"
        r"seesaw|see saw|para|bent|cuban|anti gravity) press(?:es)?",
        r"ohp", r"press behind (?:the )?neck", r"behind the neck press", r"log lift",
        r"circus bell",
    )),
    _NameRule("pattern/name-keyword/horizontal-push", "HorizontalPush", words(
        r"bench ?press(?:es)?", r"benchpress", r"chest press(?:es)?", r"floor press(?:es)?",
        r"(?:incline|decline) (?:\w+ ){0,2}press(?:es)?", r"close grip (?:\w+ ){0,2}press(?:es)?",
        r"(?:jm|larsen|svend|hex|squeeze|pin|board|guillotine|neck|chain) press(?:es)?",
        PUSH_UP, r"dips?", r"chest push\w*", r"(?:pause|paused|spoto) bench",
    )),
    _NameRule("pattern/name-keyword/vertical-pull", "VerticalPull", words(
        r"(?<!australian )(?:" + PULL_UP + ")", CHIN_UP, r"pull ?downs?", r"pulldowns?",
        r"lat pulls?", r"muscle ?ups?",
        r"rope climbs?", r"scapula(?:r)? pull\w*", r"upright (?:\w+ ){0,2}rows?",
    )),
    _NameRule("pattern/name-keyword/horizontal-pull", "HorizontalPull", words(
        r"rows?", r"rowing", r"face ?pulls?", r"long pulley", r"australian pull ?ups?",
    )),
    _NameRule("pattern/name-keyword/olympic-pull", "HipHinge", words(
        r"cleans?", r"snatch(?:es)?", "snach",
    )),
    _NameRule("pattern/none/plyometric", None, words(
        r"jumps?", r"jumping", r"hops?", r"bounds?", r"leaps?", r"skips?", r"throws?",
        r"slams?", r"pass", r"toss(?:es)?", r"push ?offs?", r"shuffles?", r"drills?",
        r"carioca",
    )),
    _NameRule("pattern/name-keyword/isolation", "Isolation", words(
        r"curls?", r"extensions?", r"extention", r"raises?", r"rises?", r"f?fl(?:y|ye|yes|ies)",
        *CROSSOVER_FLY, r"pec deck", "butterfly", r"kick ?backs?",
        r"shrugs?", r"skull ?crush\w*", r"pull ?aparts?",
        r"(?:external|internal|interior) rotations?", r"rotator cuff",
        r"(?:hip|knee|elbow|wrist|shoulder) flexions?",
        r"laterals?", r"ab(?:|d)uctions?", r"(?:thigh|hip) ab(?:|d)uctor", r"adductions?",
        r"clamshells?", r"wrist roller", r"pinch\w*", r"hand grip", r"grippers?",
        r"iron cross\w*", r"y raises?", r"ytwl", r"ywts?", r"donkey kicks?",
    )),
    _NameRule("pattern/name-keyword/trunk-late", "TrunkStability", words(
        r"planks?", r"twists?", r"l ?sits?", r"l holds?", r"bird ?dogs?", r"mountain climbers?",
        r"crawls?", r"(?:trunk|torso|core) rotations?", r"hip cross ?overs?", r"abdominal",
        r"abs",
    )),
)

_PRESS: Final = words(r"press(?:es)?")

_NONE_CATEGORIES: Final = frozenset({"stretching", "cardio", "plyometrics"})
_SINGLE_JOINT_GROUPS: Final = frozenset({"biceps", "triceps", "forearms", "calves", "neck"})
_LAT_GROUPS: Final = frozenset({"lats", "traps", "biceps"})


def _first_name_match(
    facts: Facts, rules: Sequence[_NameRule]
) -> tuple[_NameRule, str, str] | None:
    """The first rule that fires, trying each English name in order and the rules in order."""
    for name in english_names(facts):
        text = plain_text(name)
        for rule in rules:
            found = rule.regex.search(text)
            if found:
                return rule, name, found.group(0)
    return None


def _pattern(value: str, rule: str, reason: str) -> Inferred:
    return Inferred(value=value, rule=rule, reason=reason)



def _press_by_muscle(facts: Facts) -> Inferred | None:
    """A press the keyword rules did not place: decide horizontal or vertical by muscle."""
    for name in english_names(facts):
        if not _PRESS.search(plain_text(name)):
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
    cats = categories(facts)
    if cats & _NONE_CATEGORIES:
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
                                f"{PATTERN_WORDS[value]}.")
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
    plyometric drills and complexes on purpose). Rules and their order: the module docstring.

    A source that files the exercise as a stretch decides before any name word: "Lying
    Crossover", a partner hip stretch, took the crossover's Isolation from its name."""
    if categories(facts) & STRETCH_CATEGORIES:
        return None  # pattern/none/category, before the name rules
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
                        f"{PATTERN_WORDS[rule.value]}.")
    by_press = _press_by_muscle(facts)
    if by_press is not None:
        return by_press
    return _fallback_pattern(facts)
