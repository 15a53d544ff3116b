"""The difficulty estimate: skill, balance, load and guidance read from names and facts."""

from __future__ import annotations

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
    name_hit,
    words,
)
from exgraph.infer.rules.pattern import movement_pattern

_STRETCH_NAME: Final = words(
    r"stretch(?:es|ing)?", "smr", r"foam roll(?:er|ing)?", "blackroll", "mobility",
    r"circles", r"leg swings?",
)
_HIGH_SKILL: Final = words(
    r"snatch(?:es)?(?! (?:pull|deadlift|shrug|balance))", r"(?<!kettlebell )jerks?",
    r"muscle ?ups?", r"pistols?", r"planche", r"(?:front|back) lever", "human flag",
    r"handstands?", r"(?:one|single) ?arm(?:ed)? (?:" + PULL_UP + "|" + CHIN_UP + "|"
    + PUSH_UP + ")", r"archer", "dragon flag", r"overhead squats?", r"zercher", r"sissy",
    r"hanging (?:leg raises?|pikes?)", r"chains", r"reverse band", r"one leg barbell squat",
)
_OLYMPIC: Final = words(
    r"cleans?", r"snatch(?:es)?", r"high pulls?", r"jerks?", r"push press",
)
_OLYMPIC_CATEGORIES: Final = frozenset({"olympic weightlifting", "powerlifting", "strongman"})
_DEMANDING: Final = words(
    r"ab roll\w*", r"roll ?outs?", r"ab wheel", r"glute ham raises?", r"nordic(?: curls?)?",
    r"pull ?overs?", r"pullovers?", r"renegade rows?", r"(?:turkish )?get ups?", r"windmills?",
)
_UNILATERAL: Final = words(
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



def estimate_difficulty(facts: Facts) -> Inferred | None:
    """Estimate how hard the exercise is to learn and perform ("low", "moderate" or "high")
    when the data has no difficulty; None when it has one. Rules: the module docstring."""
    if facts.difficulty is not None:
        return None
    cats = categories(facts)
    return _by_name(facts, cats) or _by_load(facts, cats)


def _by_name(facts: Facts, cats: frozenset[str]) -> Inferred | None:
    """The rules a name or a category decides: stretch, high skill, Olympic, demanding."""
    stretch = name_hit(facts, _STRETCH_NAME)
    if stretch is not None or cats & STRETCH_CATEGORIES:
        why = (f"The name '{stretch[0]}' says '{stretch[1]}'" if stretch
               else "The source files it under stretching")
        return _difficulty("low", "difficulty/stretch",
                           f"{why}: stretches and mobility drills need little skill.")

    skill = name_hit(facts, _HIGH_SKILL)
    if skill is not None:
        return _difficulty("high", "difficulty/skill",
                           f"The name '{skill[0]}' says '{skill[1]}', a lift or skill that takes "
                           "long practice to perform safely.")

    olympic = name_hit(facts, _OLYMPIC)
    if olympic is not None or cats & _OLYMPIC_CATEGORIES:
        why = (f"The name '{olympic[0]}' says '{olympic[1]}'" if olympic
               else "The source files it under " + ", ".join(sorted(cats
                                                                  & _OLYMPIC_CATEGORIES)))
        return _difficulty("moderate", "difficulty/olympic",
                           f"{why}: a technical barbell or strongman lift needs coaching.")

    demanding = name_hit(facts, _DEMANDING)
    if demanding is not None:
        return _difficulty("moderate", "difficulty/demanding",
                           f"The name '{demanding[0]}' says '{demanding[1]}', a movement that "
                           "loads a long lever or a stretched joint and needs control.")
    return None


def _by_load(facts: Facts, cats: frozenset[str]) -> Inferred:
    """The rules the equipment and the movement decide, from the hardest to the easiest."""
    equipment = facts.equipment
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
        unilateral = name_hit(facts, _UNILATERAL)
        if unilateral is not None or pattern_value in ("VerticalPush", "Lunge", "HipHinge"):
            why = (f"the name '{unilateral[0]}' says '{unilateral[1]}'" if unilateral
                   else f"it is {PATTERN_WORDS[pattern_value or 'Isolation']}")
            return _difficulty("moderate", "difficulty/free-weight-unilateral",
                               f"A compound dumbbell movement where {why} asks for balance and "
                               "coordination.")

    if equipment and equipment <= {"other"}:
        return _difficulty("moderate", "difficulty/other-equipment",
                           "Special equipment (sled, rings, implements) usually needs some "
                           "experience.")

    if cats & {"plyometrics", "cardio"}:
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
