"""The builder's choice rules of docs/plans.md ("What the rubric changed in the builder"), each on
hand-made exercises: complexes, redundant pairs, explosive work, what needs no load, the order of
a day and the bodyweight progression. A unit test of the plans layer: no graph.
"""

from __future__ import annotations

import pytest

from exgraph.plans.build import order
from exgraph.plans.model import SLOTS, Item, Slot
from exgraph.plans.plan_facts import Guideline
from exgraph.plans.traits import (
    HIP_FLEXION,
    PARTNER,
    band_only,
    body_loaded,
    explosive,
    heavy,
    is_complex,
    redundant,
    unloaded,
)
from exgraph.queries.substitutes import Exercise


def ex(name: str, *, primary: set[str] | None = None, pattern: str | None = None,
       equipment: set[str] | None = None, load: str | None = None,
       laterality: str | None = "bilateral", mechanic: str | None = "compound",
       kind: str = "strength") -> Exercise:
    return Exercise(name.lower().replace(" ", "-"), name, primary=frozenset(primary or ()),
                    pattern=pattern, equipment=frozenset(equipment or ()), load=load,
                    laterality=laterality, mechanic=mechanic, kind=kind,
                    words=frozenset(name.lower().split()))


@pytest.mark.parametrize(("name", "complex_"), [
    ("Dumbbell bicep curl to press", True),
    ("Squat and overhead press", True),
    ("Hammer curl + press", True),
    ("Dumbbell Shoulder Press", False),
    ("Barbell Squat To A Bench", False),  # "to a bench" is where, not a second exercise
    ("Pull-Up with a Supinated Grip", False),
    ("Push-up to side plank", False),
])
def test_a_complex_is_two_exercises_in_one_name(name: str, complex_: bool) -> None:
    assert is_complex(ex(name)) is complex_


def test_a_romanian_and_a_stiff_legged_deadlift_are_one_movement_twice() -> None:
    rdl = ex("Dumbbell Romanian Deadlift", primary={"hamstrings", "glutes"}, pattern="HipHinge",
             equipment={"dumbbell"}, load="dumbbell")
    sldl = ex("Stiff-Legged Dumbbell Deadlift", primary={"hamstrings", "glutes"},
              pattern="HipHinge", equipment={"dumbbell"}, load="dumbbell")
    single = ex("Single-leg Dumbbell RDL", primary={"hamstrings", "glutes"}, pattern="HipHinge",
                equipment={"dumbbell"}, load="dumbbell", laterality="unilateral")
    barbell = ex("Romanian Deadlift", primary={"hamstrings", "glutes"}, pattern="HipHinge",
                 equipment={"barbell"}, load="barbell")
    assert redundant(rdl, sldl)
    assert not redundant(rdl, rdl)  # the same exercise is the one-name rule's, not this
    assert not redundant(rdl, single)  # one leg at a time is another exercise
    assert not redundant(rdl, barbell)  # another load


def test_pull_ups_and_dips_carry_the_body_a_squat_does_not() -> None:
    pull_up = ex("Pull-Up", primary={"lats"}, pattern="VerticalPull",
                 equipment={"bodyweight", "pull-up-bar"})
    dips = ex("Chair Dips", primary={"triceps"}, pattern="VerticalPush",
              equipment={"bodyweight"})
    squat = ex("Bodyweight Squat", primary={"quadriceps"}, pattern="Squat",
               equipment={"bodyweight"})
    assert body_loaded(pull_up) and body_loaded(dips) and not body_loaded(squat)
    assert unloaded(squat) and unloaded(dips) and not unloaded(pull_up)


def test_explosive_work_by_kind_category_or_name() -> None:
    assert explosive(ex("Squat Jumps", pattern="Squat"), frozenset())
    assert explosive(ex("Box Drill", kind="power"), frozenset())
    assert explosive(ex("Depth Drop"), frozenset({"plyometrics"}))
    assert not explosive(ex("Bodyweight Squat", pattern="Squat"), frozenset({"strength"}))


def _item(exercise: Exercise, slot: Slot, role: str = "accessory") -> Item:
    guideline = Guideline("g", "default", (2, 4), (8, 12), (60, 120), None, None, "goal-default")
    return Item(exercise, slot, guideline, 2, [], role=role)


def test_a_day_is_ordered_main_lifts_compound_single_joint_trunk() -> None:
    crunch = _item(ex("Crunches", primary={"abdominals"}, pattern="TrunkStability",
                      mechanic="isolation"), SLOTS["abs"])
    curl = _item(ex("Curl", primary={"biceps"}, pattern="Isolation", mechanic="isolation"),
                 SLOTS["biceps"])
    row = _item(ex("Row", primary={"lats"}, pattern="HorizontalPull"), SLOTS["horizontal-pull"])
    squat = _item(ex("Squat", primary={"quadriceps"}, pattern="Squat"), SLOTS["squat"], "main")
    day = [crunch, curl, row, squat]  # a row added by tuning comes last
    assert [i.exercise.name for i in sorted(day, key=order)] == ["Squat", "Row", "Curl",
                                                                   "Crunches"]



def test_a_push_press_is_fast_a_strict_press_and_a_thruster_are_not() -> None:
    assert explosive(ex("Double Kettlebell Push Press", pattern="VerticalPush"), frozenset())
    assert explosive(ex("Push-Press Behind the Neck", pattern="VerticalPush"), frozenset())
    assert not explosive(ex("Dumbbell Shoulder Press", pattern="VerticalPush"), frozenset())
    assert not explosive(ex("Dumbbell Thruster", pattern="Squat"), frozenset())
    # a clean or snatch deadlift is the first pull done slowly; a clean pull or a power clean
    # is fast
    assert not explosive(ex("Clean Deadlift", pattern="HipHinge"), frozenset())
    assert not explosive(ex("Snatch-Grip Deadlift", pattern="HipHinge"), frozenset())
    assert explosive(ex("Power Clean", pattern="HipHinge"), frozenset())
    assert explosive(ex("Clean Pull", pattern="HipHinge"), frozenset())


@pytest.mark.parametrize(("name", "hip_flexion"), [
    ("Hip Flexion with Band", True), ("Cable Hip Flexor Raise", True),
    ("Standing Knee Raise", True), ("Psoas March", True), ("Leg Extensions", False),
    ("Single-Leg Leg Extension", False), ("Band Leg Extension", False),
])
def test_a_hip_flexion_is_no_leg_extension(name: str, hip_flexion: bool) -> None:
    from exgraph.plans.validate import plain_name
    assert bool(HIP_FLEXION.search(plain_name(name))) is hip_flexion


def test_a_partner_resisted_exercise_is_named_so() -> None:
    assert PARTNER.search("prone manual hamstring")
    assert PARTNER.search("partner-resisted neck flexion")
    assert not PARTNER.search("lying leg curls")


def test_band_only_and_heavy_kits() -> None:
    band_press = ex("Shoulder Press - With Bands", equipment={"resistance-band"}, load="band")
    db_press = ex("Dumbbell Shoulder Press", equipment={"dumbbell"}, load="dumbbell")
    assert band_only(band_press) and not band_only(db_press)
    assert heavy(frozenset({"dumbbell", "bench"})) and heavy(frozenset({"leg-press-machine"}))
    assert not heavy(frozenset({"resistance-band", "pull-up-bar", "bodyweight"}))
