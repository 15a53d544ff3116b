"""The inference rules issue 23 (data6) added for faults found behind substitute misses.

- ``kind/power`` over ``kind/cardio``: a cardio name word that also names a jump or a throw
  ("butt kicks", "star jumps", a "run release") does not make a drill the source files under
  plyometrics cardio; elsewhere the word keeps its meaning (the running drill "Butt Kicks").
- ``muscle/target/*``: a stretch, rolling or joint drill that no source gives a muscle gets the
  muscle its name targets, as its primary; a name that targets none gets nothing.

Facts are built by hand, so each case states exactly what the rule reads.
"""

from __future__ import annotations

from typing import Any

import pytest

from exgraph.infer.rules import Facts, activity_kind, target_muscles


def _facts(*names: str, **fields: Any) -> Facts:
    return Facts(slug="test", names=names, **fields)


@pytest.mark.parametrize(("name", "category", "kind", "rule"), [
    # free-exercise-db's plyometric jumps named like running drills: the category decides
    ("Double Leg Butt Kick", "plyometrics", "PowerTraining", "kind/power"),
    ("Single Leg Butt Kick", "plyometrics", "PowerTraining", "kind/power"),
    ("Star Jump", "plyometrics", "PowerTraining", "kind/power"),
    ("Chest Push with Run Release", "plyometrics", "PowerTraining", "kind/power"),
    # the same words without the plyometrics category are the running drills
    ("Butt Kicks", "", "Cardio", "kind/cardio"),
    ("Star Jumps", "cardio", "Cardio", "kind/cardio"),
    # a plyometric drill whose cardio word names no jump stays cardio (free-exercise-db's
    # Fast Skipping: the running skip, graded with the cardio drills)
    ("Fast Skipping", "plyometrics", "Cardio", "kind/cardio"),
    # a cardio word in the strength category is not overruled by the category (the ropes are
    # conditioning); the Air Bike's bicycle crunch is the reviewed layer's, not this rule's
    ("Battling Ropes", "strength", "Cardio", "kind/cardio"),
])
def test_a_plyometric_jump_named_like_cardio_is_power(name: str, category: str, kind: str,
                                                        rule: str) -> None:
    inferred = activity_kind(_facts(name, category=(category,) if category else ()))
    assert (inferred.value, inferred.rule) == (kind, rule)


@pytest.mark.parametrize(("name", "muscles", "rule"), [
    ("Standing IT Band Stretch", ("abductors",), "muscle/target/abductors"),
    ("Pigeon Stretch", ("glutes",), "muscle/target/glutes"),
    ("Lying Figure Four Stretch", ("glutes",), "muscle/target/glutes"),
    ("Hip Flexor Stretch", ("quadriceps",), "muscle/target/hip-flexors"),
    ("Runners Lunge Stretch", ("quadriceps",), "muscle/target/hip-flexors"),
    ("Bent-Leg Hamstring Stretch", ("hamstrings",), "muscle/target/hamstrings"),
    ("Butterfly Stretch", ("adductors",), "muscle/target/adductors"),
    ("Supported Calf Stretch", ("calves",), "muscle/target/calves"),
    ("Left levator scapulae stretch", ("neck",), "muscle/target/neck"),
    ("Extreme Pec Stretch", ("chest",), "muscle/target/chest"),
    ("Extreme Lat Stretch", ("lats",), "muscle/target/lats"),
    ("Forward arm circles", ("shoulders",), "muscle/target/shoulders"),
    ("Foam Roller Adductors", ("adductors",), "muscle/target/adductors"),
    ("Banded Ankle Mobility", ("calves",), "muscle/target/calves-ankle"),
])
def test_a_drill_without_muscles_gets_the_muscle_its_name_targets(
        name: str, muscles: tuple[str, ...], rule: str) -> None:
    inferred = target_muscles(_facts(name))
    assert tuple(i.value for i in inferred) == muscles
    assert {i.rule for i in inferred} == {rule}
    assert all(name in i.reason for i in inferred)


@pytest.mark.parametrize("name", [
    "Side stretch", "Open Book", "Scorpion Kick", "Blackroll", "Hip Circles",
    "Foam Roller Anterior tibialis", "Plantarflexion Stretch with Band",
])
def test_a_name_that_targets_no_muscle_gets_none(name: str) -> None:
    assert target_muscles(_facts(name)) == ()


def test_a_source_muscle_in_any_role_keeps_the_rule_out() -> None:
    """The rule fills a gap: where a source names a muscle, even only as a stabilizer, the
    source's muscles stand."""
    for role in ("primary", "secondary", "stabilizer"):
        facts = _facts("Hamstring Stretch", **{role: frozenset({"calves"})})
        assert target_muscles(facts) == ()


@pytest.mark.parametrize(("name", "kind", "rule"), [
    # issue 23 (data7): a name of another kind wins over free-exercise-db's stretching category
    ("Arm Circles", "MobilityDrill", "kind/mobility"),
    ("Inchworm", "MobilityDrill", "kind/mobility"),
    ("Frog Hops", "PowerTraining", "kind/power"),
    # the category still types what no name rule claims, and a stretch word wins over all
    ("Toe Touchers", "Stretching", "kind/stretch"),
    ("Hamstring Stretch", "Stretching", "kind/stretch"),
])
def test_a_name_of_another_kind_wins_over_the_stretching_category(name: str, kind: str,
                                                                  rule: str) -> None:
    inferred = activity_kind(_facts(name, category=("stretching",)))
    assert (inferred.value, inferred.rule) == (kind, rule)
