"""The kind of activity: strength, power, stretching, rolling, mobility or cardio."""

from __future__ import annotations

from typing import Final

from exgraph.infer.rules.common import (
    STRETCH_CATEGORIES,
    Facts,
    Inferred,
    categories,
    name_hit,
    words,
)

_SMR: Final = words(r"foam roll(?:er|ers|ing)?", "smr", "blackroll", r"lacrosse ball",
                     r"myofascial", r"trigger point", r"self massage")
_STRETCH: Final = words(r"stretch(?:es|ing)?", r"yoga", r"pose", r"chokes?")
_MOBILITY: Final = words(
    "mobility", r"(?:arm|hip|ankle|wrist|neck|shoulder|knee|trunk|joint) circles?",
    r"circles", r"(?:leg|arm) swings?", r"dislocates?", r"cat (?:and )?cow", r"cars",
    r"controlled articular", r"chin tucks?", r"neck (?:flexion|extension|rotation|tilts?)",
    r"thoracic (?:rotation|extension)s?", r"hip openers?", r"(?:worlds )?greatest stretch",
    r"inchworms?", r"scorpions?", r"ankle (?:flexion|rotation)s?", r"ankle rolls?",
    r"head (?:tilts?|turns?)", r"open books?", r"(?:forward|backward) shoulder rotations?")
_CARDIO: Final = words(
    r"treadmill", r"ellipticals?", r"cross trainer", r"(?:exercise|stationary|air|spin|"
    r"recumbent|assault) bikes?", r"bike", r"cycling", r"bicycling", r"running", r"run",
    r"jogging", r"jog", r"(?<!farmers )(?<!farmer )walking(?! lunges?)", r"walk(?! lunges?)",
    r"hiking", r"swimming", r"rowing machine", r"rower", r"ergometer", r"ski ?erg",
    r"stair ?(?:climber|master|mill)", r"stairmaster", r"stepmill", r"step aerobics",
    r"jump(?:ing)? rope", r"rope jump(?:ing|s)?", r"skipping(?: rope)?", r"jumping jacks?",
    r"star jumps?", r"burpees?", r"high knees", r"butt kicks?", r"shadow ?boxing",
    r"battle ropes?", r"battling ropes?")
#: Walking or running words in a strength exercise's name: a carry, a lunge, a crawl.
_NOT_CARDIO: Final = words(
    r"lunges?", r"farmers?", r"yoke", r"carry", r"carries", r"sled\w*", r"prowler", r"bridges?",
    r"bear", r"crab", r"monster", r"lateral walks?", r"band walks?", r"planks?", r"duck",
    r"overhead", r"suitcase", r"waiters?", r"handstand")
#: Cardio name words that also name a jump or a throw: a running drill of the same name ("butt
#: kicks", "star jumps", a sprint after a "run release"). Where the source files the exercise
#: under plyometrics, its steps are the jump (free-exercise-db's Double Leg Butt Kick: "extend to
#: jump for maximum vertical height ... tuck your heels"), so the category decides (issue 23).
_PLYO_NAMED_AS_CARDIO: Final = words(r"butt kicks?", r"star jumps?", r"run release")
_CARDIO_EQUIPMENT: Final = frozenset({
    "treadmill", "elliptical", "stationary-bike", "rowing-machine", "stair-climber", "ski-erg",
    "jump-rope"})
_POWER: Final = words(
    r"snatch(?:es)?", r"cleans?", r"jerks?", r"high pulls?", r"push press(?:es)?",
    r"clean and (?:press|jerk)", r"jumps?", r"jumping", r"hops?", r"hopping", r"bounds?",
    r"bounding", r"leaps?", r"throws?", r"slams?", r"toss(?:es)?", r"chest pass(?:es)?",
    r"plyo\w*", r"clap(?:ping)? (?:push|press) ?ups?", r"depth drops?", r"sprints?",
    r"kettlebell swings?", r"swings?", r"tire flips?")
_NOT_POWER: Final = words(r"clean grip", r"leg swings?", r"arm swings?", r"jump rope",
                           r"jumping jacks?")
_OLYMPIC_KIND_CATEGORIES: Final = frozenset({"olympic weightlifting", "plyometrics"})


#: Why a category comes after the name rules (issue 23, data7): free-exercise-db files joint
#: circles, the inchworm and a broad-jump drill ("Frog Hops": "jump forward several feet ... and
#: jump again") under stretching, so its category types a stretch only where the name says no
#: mobility drill, jump or cardio work. Of the 53 exercises typed a stretch by that category
#: alone, 10 change by this order: eight joint circles and the inchworm to MobilityDrill, Frog
#: Hops to PowerTraining; the crunch, squat, back extension and warm-up drills it also files
#: there, which no name word tells, are described by the reviewed layer (general_b.py).
_CATEGORY_NOTE: Final = "the name rules of another kind come before a stretching category"


def _kind(value: str, rule: str, reason: str) -> Inferred:
    return Inferred(value=value, rule=rule, reason=reason)


def activity_kind(facts: Facts) -> Inferred:
    """The kind of activity: local names of ``exg:ActivityKind`` individuals. First match wins:

    ============================ ==========================================================
    ``kind/smr``                 foam roll(er/ing), SMR, Blackroll, lacrosse ball, myofascial,
                                 trigger point; or only a foam roller as equipment ->
                                 SelfMyofascialRelease
    ``kind/stretch``             stretch, yoga, pose, "chokes" (a held hamstring stretch) ->
                                 Stretching
    ``kind/mobility``            mobility, joint circles, leg or arm swings, dislocates, cat-cow,
                                 CARs, chin tucks, neck flexion/rotation, thoracic rotation, hip
                                 openers, inchworm, scorpion -> MobilityDrill
    ``kind/cardio``              treadmill, elliptical, bikes, cycling, running, jogging,
                                 walking, rowing machine, rower, ski erg, stair climber, jump
                                 rope, jumping jacks, star jumps, burpees, high knees, battle
                                 ropes -> Cardio; not when the name also says lunge, farmer,
                                 yoke, carry, sled, prowler, bridge, bear, crab, monster,
                                 lateral or band walk, plank, duck, overhead, suitcase, waiter,
                                 handstand (a walking lunge or a carry is strength work);
                                 nor when the source files it under plyometrics and the word
                                 also names a jump or throw (butt kicks, star jumps, a run
                                 release): then ``kind/power``
    ``kind/power``               Olympic lifts (snatch, clean, jerk, high pull, push press),
                                 jumps, hops, bounds, throws, slams, tosses, plyometric push-
                                 ups, sprints, swings, tire flips; category plyometrics or
                                 Olympic weightlifting -> PowerTraining ("clean grip", leg
                                 swings and jumping jacks are not)
    ``kind/stretch``             category stretching, no name rule above (_CATEGORY_NOTE)
    ``kind/cardio-data``         category cardio, or a cardio machine (treadmill, elliptical,
                                 bike, rowing machine, stair climber, ski erg, jump rope) as
                                 equipment -> Cardio
    ``kind/strength``            anything else -> StrengthTraining
    ============================ ==========================================================
    """
    cats = categories(facts)
    smr = name_hit(facts, _SMR)
    if smr is not None or ("foam-roller" in facts.equipment
                           and facts.equipment <= {"foam-roller", "gym-mat"}):
        why = f"The name '{smr[0]}' says '{smr[1]}'" if smr else "Its only tool is a foam roller"
        return _kind("SelfMyofascialRelease", "kind/smr",
                     f"{why}: rolling a muscle is self-myofascial release, not strength work.")
    stretch = name_hit(facts, _STRETCH)
    if stretch is not None:
        return _kind("Stretching", "kind/stretch",
                     f"The name '{stretch[0]}' says '{stretch[1]}': it lengthens muscles for "
                     "range of motion, not for strength.")
    mobility = name_hit(facts, _MOBILITY)
    if mobility is not None:
        return _kind("MobilityDrill", "kind/mobility",
                     f"The name '{mobility[0]}' says '{mobility[1]}', a joint mobility or "
                     "warm-up drill.")
    cardio = name_hit(facts, _CARDIO)
    if cardio is not None and name_hit(facts, _NOT_CARDIO) is not None:
        cardio = None
    if cardio is not None and "plyometrics" in cats \
            and name_hit(facts, _PLYO_NAMED_AS_CARDIO) is not None:
        cardio = None
    if cardio is not None:
        return _kind("Cardio", "kind/cardio", f"The name '{cardio[0]}' says '{cardio[1]}': "
                     "endurance work, not strength training.")
    power = name_hit(facts, _POWER)
    if power is not None and name_hit(facts, _NOT_POWER) is not None:
        power = None
    if power is None and cats & STRETCH_CATEGORIES:
        return _kind("Stretching", "kind/stretch",
                     "The source files it under stretching: it lengthens muscles for range of "
                     "motion, not for strength.")
    if power is not None or cats & _OLYMPIC_KIND_CATEGORIES:
        why = (f"The name '{power[0]}' says '{power[1]}'" if power
               else "The source files it under " + ", ".join(
                   sorted(cats & _OLYMPIC_KIND_CATEGORIES)))
        return _kind("PowerTraining", "kind/power",
                     f"{why}: an explosive lift, jump or throw trains power.")
    if "cardio" in cats or facts.equipment & _CARDIO_EQUIPMENT:
        why = ("The source files it under cardio" if "cardio" in cats
               else "It needs a cardio machine")
        return _kind("Cardio", "kind/cardio-data", f"{why}: endurance work, not strength "
                     "training.")
    return _kind("StrengthTraining", "kind/strength",
                 "No rule for another kind fired: a resistance exercise trains strength.")
