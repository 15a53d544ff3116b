"""Primary muscles from the name and the movement pattern, where no source names one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from exgraph.infer.rules.common import (
    CHIN_UP,
    PATTERN_WORDS,
    PULL_UP,
    PUSH_UP,
    Facts,
    Inferred,
    english_names,
    words,
)
from exgraph.infer.rules.pattern import CROSSOVER_FLY, movement_pattern
from exgraph.vocab.names import plain_text
from exgraph.vocab.terms import term_slug


@dataclass(frozen=True)
class _MuscleRule:
    rule: str
    muscles: tuple[str, ...]
    regex: re.Pattern[str]
    not_if: re.Pattern[str] | None = None


_MUSCLE_RULES: Final[tuple[_MuscleRule, ...]] = (
    _MuscleRule("muscle/name/calves", ("calves",),
                words(r"calf", r"calves", r"heel raises?", r"toe press(?:es)?",
                       r"plantar ?flexion")),
    _MuscleRule("muscle/name/neck", ("neck",), words(r"neck", r"chin tucks?")),
    _MuscleRule("muscle/name/forearms", ("forearms",),
                words(r"wrist\w*", r"grip", r"sloper\w*", r"fingerboard", r"hangboard",
                       r"dead ?hangs?", r"pinch\w*", r"finger\w*", r"forearms?")),
    _MuscleRule("muscle/name/hamstrings", ("hamstrings",),
                words(r"leg curls?", r"hamstring\w*", r"nordic\w*", r"glute ham\w*")),
    _MuscleRule("muscle/name/abductors", ("gluteus-medius",),
                words(r"abduct\w*", r"clam ?shells?", r"fire hydrants?", r"monster walks?",
                       r"lateral band walks?", r"side lying leg raises?")),
    _MuscleRule("muscle/name/adductors", ("adductors",),
                words(r"adduct\w*", r"copenhagen\w*", r"groin")),
    _MuscleRule("muscle/name/olympic", ("glutes", "quadriceps"),
                words(r"snatch(?:es)?", r"cleans?", r"high pulls?", r"thrusters?")),
    _MuscleRule("muscle/name/jerk", ("shoulders", "quadriceps"),
                words(r"jerks?", r"push press(?:es)?")),
    _MuscleRule("muscle/name/triceps", ("triceps",),
                words(r"triceps?", r"push ?downs?", r"skull ?crushers?", r"kick ?backs?",
                       r"french press", r"jm press"),
                not_if=words(r"glute kick ?backs?", r"donkey kick\w*", r"leg kick ?backs?",
                              r"hip kick ?backs?")),
    _MuscleRule("muscle/name/biceps", ("biceps",),
                words(r"curls?", r"biceps?", r"chin ?ups?", r"chinups?"),
                not_if=words(r"leg curls?", r"hamstring curls?", r"nordic", r"wrist curls?",
                              r"ab curls?", r"curl ups?")),
    _MuscleRule("muscle/name/traps", ("traps",), words(r"shrugs?", r"trap\w*")),
    _MuscleRule("muscle/name/glutes", ("glutes", "hamstrings"),
                words(r"deadlifts?", r"rdl", r"good mornings?", r"hip thrusts?", r"bridges?",
                       r"hip extensions?", r"hyper ?extensions?", r"back extensions?",
                       r"pull throughs?", r"(?:kettlebell )?swings?", r"glute\w*",
                       r"donkey kick\w*", r"hip hinges?", r"rack pulls?", r"reverse hyper\w*",
                       r"hip raises?", r"roman chairs?",
                       r"atlas stones?", r"tire flips?", r"kick ?backs?")),
    _MuscleRule("muscle/name/lower-back", ("erector-spinae",),
                words(r"superman", r"supermans", r"skydivers?")),
    _MuscleRule("muscle/name/scapular", ("traps", "shoulders"),
                words(r"ywts?", r"y w t", r"prone (?:y|t|w|i)s?")),
    _MuscleRule("muscle/name/abdominals", ("abdominals",),
                words(r"crunch\w*", r"sit ?ups?", r"situps?", r"planks?", r"leg raises?",
                       r"knee raises?", r"hollow\w*", r"dead ?bugs?", r"v ?ups?", r"ab\w*",
                       r"roll ?outs?", r"rollouts?", r"toes to bar", r"l ?sits?", r"l hold",
                       r"l holds?", r"mountain climbers?", r"flutter kicks?", r"jack ?knifes?",
                       r"dragon flags?", r"core", r"trunk", r"leg lifts?", r"tuck\w*",
                       r"pikes?(?! push)", r"bird ?dogs?", r"roll ?downs?"),
                not_if=words(PULL_UP, CHIN_UP, r"rows?")),
    _MuscleRule("muscle/name/obliques", ("obliques",),
                words(r"obliques?", r"russian twists?", r"twists?", r"wood ?chop\w*",
                       r"pallof", r"side bends?", r"side planks?", r"windmills?",
                       r"landmine (?:180s?|rotations?)", r"(?:trunk|torso|core) rotations?",
                       r"hip crossovers?",
                       r"windshield\w*")),
    _MuscleRule("muscle/name/lats", ("lats",),
                words(r"pull ?ups?", r"pullups?", r"pull ?downs?", r"pulldowns?",
                       r"lats?", r"lat pull\w*", r"muscle ?ups?", r"rope climbs?", r"pull ?overs?",
                       r"pullovers?", r"(?:front|back) levers?", r"ice cream makers?",
                       r"ice scream makers?")),
    _MuscleRule("muscle/name/push-up", ("chest", "triceps"), words(PUSH_UP),
                not_if=words(r"pike", r"handstand", r"finger\w*")),
    _MuscleRule("muscle/name/shoulders", ("shoulders",),
                words(r"lateral raises?", r"front raises?", r"shoulder\w*", r"overhead press",
                       r"military press", r"arnold\w*", r"upright rows?", r"face ?pulls?",
                       r"rear delts?", r"delt\w*", r"reverse fl(?:y|yes|ies)", r"y raises?",
                       r"handstand\w*", r"pike push ?ups?", r"cuban\w*", r"landmine press",
                       r"external rotations?", r"internal rotations?", r"rotator cuff",
                       r"raises?")),
    _MuscleRule("muscle/name/back", ("middle-back", "lats"),
                words(r"rows?", r"rowing", r"renegade\w*")),
    _MuscleRule("muscle/name/chest", ("chest", "triceps"),
                words(r"bench press\w*", PUSH_UP, r"chest\w*", r"dips?", r"floor press",
                       r"planche\w*", r"press ups?", r"support holds?")),
    _MuscleRule("muscle/name/chest-fly", ("chest",),
                words(r"fl(?:y|yes|ies)", r"pec\w*", *CROSSOVER_FLY,
                       r"butterfl\w*")),
    _MuscleRule("muscle/name/quadriceps", ("quadriceps",),
                words(r"leg extensions?", r"sissy\w*", r"wall sits?", r"spanish squats?")),
    _MuscleRule("muscle/name/legs", ("quadriceps", "glutes"),
                words(r"squats?", r"squatting", r"leg press\w*", r"lunges?", r"lunging",
                       r"split squats?", r"step ?ups?", r"pistols?", r"box jumps?", r"jumps?",
                       r"hops?", r"bounds?", r"sled\w*", r"prowler\w*", r"skaters?",
                       r"thrusters?", r"wall balls?", r"leg\w*")),
    _MuscleRule("muscle/name/carry", ("forearms", "traps"),
                words(r"carry", r"carries", r"farmers? walks?", r"yoke\w*")),
    _MuscleRule("muscle/name/press", ("chest", "triceps"), words(r"press\w*")),
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
        text = plain_text(name)
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
        return tuple(Inferred(m, rule_id, f"The exercise is {PATTERN_WORDS[pattern.value]}, "
                              f"whose prime movers are the {', '.join(muscles)}.")
                     for m in muscles)
    return ()


# -- the target of a stretch, a rolling or a joint drill (issue 23, data6) -----------------------

#: What a stretch lengthens, a rolling drill works or a joint drill moves, read from the name:
#: the target muscle group, as free-exercise-db files its stretches (the IT band under the
#: abductors, the hip flexors under the quadriceps: the catalogue has no iliopsoas, and the
#: rectus femoris is the hip flexor it has). First match wins, so the more specific words come
#: first ("hip flexor" before "hip"). A name that says no muscle or joint ("Side stretch",
#: "Open Book", "Scorpion Kick", "Blackroll", the anterior tibialis the catalogue lacks) gets
#: nothing: the drill stays out of the substitutes rather than get a guessed target.
_TARGET_RULES: Final[tuple[_MuscleRule, ...]] = (
    _MuscleRule("muscle/target/hip-flexors", ("quadriceps",),
                words(r"hip flexors?", r"(?:runners? )?lunge(?: with twist)? stretch\w*")),
    _MuscleRule("muscle/target/quadriceps", ("quadriceps",), words(r"quads?", r"quadriceps")),
    _MuscleRule("muscle/target/hamstrings", ("hamstrings",), words(r"hamstrings?")),
    _MuscleRule("muscle/target/abductors", ("abductors",),
                words(r"it band", r"iliotibial\w*", r"tensor fasciae latae", r"tfl")),
    _MuscleRule("muscle/target/glutes", ("glutes",),
                words(r"pigeon", r"figure (?:four|4)", r"piriformis", r"glute\w*")),
    _MuscleRule("muscle/target/adductors", ("adductors",),
                words(r"adductors?", r"groin", r"butterfly stretch")),
    _MuscleRule("muscle/target/calves", ("calves",),
                words(r"calf", r"calves", r"achilles", r"soleus")),
    _MuscleRule("muscle/target/neck", ("neck",),
                words(r"neck", r"levator scapulae", r"chin tucks?", r"head (?:tilts?|turns?)")),
    _MuscleRule("muscle/target/lats", ("lats",), words(r"lats?", r"latissimus\w*")),
    _MuscleRule("muscle/target/chest", ("chest",), words(r"pecs?", r"pectoral\w*", r"chest")),
    _MuscleRule("muscle/target/shoulders", ("shoulders",),
                words(r"shoulders?", r"delts?", r"deltoids?", r"arm circles?")),
    _MuscleRule("muscle/target/triceps", ("triceps",), words(r"triceps?")),
    _MuscleRule("muscle/target/biceps", ("biceps",), words(r"biceps?")),
    _MuscleRule("muscle/target/forearms", ("forearms",), words(r"wrists?", r"forearms?")),
    _MuscleRule("muscle/target/lower-back", ("erector-spinae",), words(r"lower back")),
    _MuscleRule("muscle/target/calves-ankle", ("calves",),
                words(r"ankle (?:mobility|rolls?|circles?)")),
)

#: The kinds whose exercises the target rules read: a stretch, a rolling drill, a joint drill.
TARGET_KINDS: Final = frozenset({"Stretching", "SelfMyofascialRelease", "MobilityDrill"})


def target_muscles(facts: Facts) -> tuple[Inferred, ...]:
    """The target muscle group of a stretch, rolling or joint drill that no source gives any
    muscle, as its primary muscle (the review rule: "for stretches the primary is the muscle the
    stretch lengthens"); an empty tuple when a source names a muscle in any role or the name
    names none (``_TARGET_RULES``, rules ``muscle/target/*``)."""
    if facts.primary or facts.secondary or facts.stabilizer:
        return ()
    for name in english_names(facts):
        text = plain_text(name)
        for rule in _TARGET_RULES:
            found = rule.regex.search(text)
            if found is None:
                continue
            return tuple(Inferred(m, rule.rule, f"The name '{name}' says '{found.group(0)}': "
                                  f"the drill's target is the {', '.join(rule.muscles)}.")
                         for m in rule.muscles)
    return ()
