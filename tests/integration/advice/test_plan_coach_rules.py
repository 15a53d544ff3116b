"""The builder's choice rules that came from judging plans by the coach's rubric (docs/plans.md,
"What the rubric changed in the builder"), each on real plans of the bundled graph: a power plan
trains fast, a lifter with loads gets loaded lifts, the press slot presses, a day runs compound
first, a leg day with the machines curls and extends the knee, no movement twice on a day, the
large groups above the floor of their range, no session under 25 minutes when there is work for
it, and push-ups progress without a load.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from exgraph.graph.store import Store
from exgraph.plans import facts_for, plan_for
from exgraph.plans.build import BODYWEIGHT_PROGRESSION, Plan, order
from exgraph.plans.fill import FLOOR_SHARE
from exgraph.plans.model import MAIN_SLOTS, area_sets
from exgraph.plans.traits import (
    HIP_FLEXION,
    PARTNER,
    band_only,
    body_loaded,
    explosive,
    is_complex,
    redundant,
    unloaded,
)
from exgraph.plans.validate import PlanRuleError
from exgraph.queries.substitutes import engine_for
from tests.integration.advice.test_plan_validator import kits


def build(store: Store, **values: Any) -> Plan:
    return plan_for(store, {k: str(v) for k, v in values.items()})


def test_a_bodyweight_power_plan_starts_each_day_with_a_jump_or_a_clap(full_store: Store
                                                                       ) -> None:
    plan = build(full_store, goal="power", level="advanced", days=4, equipment="")
    facts = facts_for(full_store)
    for day in plan.days:
        mains = [i for i in day.items if i.role == "main"]
        assert mains, day.index
        for item in mains:
            assert explosive(item.exercise, facts.categories.get(item.exercise.slug,
                                                                 frozenset())), item.exercise.name
            assert item.guideline.reps[1] <= 6


def test_push_ups_and_bodyweight_squats_are_no_heavy_main_lifts(full_store: Store) -> None:
    plan = build(full_store, goal="strength", level="intermediate", days=3, equipment="")
    for day in plan.days:
        for item in day.items:
            if unloaded(item.exercise) and not body_loaded(item.exercise):
                assert item.role == "accessory", item.exercise.name
                assert item.guideline.reps[0] >= 8


@pytest.mark.parametrize("equipment", ["dumbbell", "dumbbell,bench",
                                       "dumbbell,bench,cable-station"])
def test_a_lifter_with_dumbbells_gets_loaded_lifts_and_plain_presses(full_store: Store,
                                                                     equipment: str) -> None:
    plan = build(full_store, goal="hypertrophy", level="intermediate", days=4,
                 equipment=equipment)
    for day in plan.days:
        for item in day.items:
            if item.slot.name in ("squat", "hinge", "horizontal-push", "vertical-push"):
                assert not unloaded(item.exercise), (day.index, item.exercise.name)
            if item.slot.name in MAIN_SLOTS:
                assert not is_complex(item.exercise), item.exercise.name


@pytest.mark.parametrize(("goal", "level", "days", "kit"), [
    ("hypertrophy", "intermediate", 4, "home"), ("strength-endurance", "intermediate", 2,
                                                 "dumbbells"),
    ("strength", "advanced", 5, "full"), ("hypertrophy", "beginner", 3, "bands")])
def test_every_day_runs_compound_first_and_no_movement_twice(
        full_store: Store, goal: str, level: str, days: int, kit: str) -> None:
    plan = build(full_store, goal=goal, level=level, days=days,
                 equipment=kits(engine_for(full_store))[kit])
    for day in plan.days:
        ranks = [order(i) for i in day.items]
        assert ranks == sorted(ranks), (day.index, [i.exercise.name for i in day.items])
        names = [i.exercise for i in day.items]
        assert not any(redundant(a, b) for n, a in enumerate(names) for b in names[n + 1:])


def test_a_leg_day_with_the_machines_curls_and_extends_the_knee(full_store: Store) -> None:
    plan = build(full_store, goal="hypertrophy", level="beginner", days=4,
                 equipment=kits(engine_for(full_store))["machines"])
    for day in plan.days:
        if day.kind == "lower":
            slots = {i.slot.name for i in day.items}
            assert {"leg-curl", "leg-extension"} <= slots, day.index
            assert all(not unloaded(i.exercise) for i in day.items
                       if i.slot.name in ("leg-curl", "leg-extension"))


def test_without_leg_machines_the_leg_curl_slot_is_skipped_silently(full_store: Store) -> None:
    plan = build(full_store, goal="hypertrophy", level="beginner", days=4, equipment="dumbbell")
    assert not any("leg curl" in note.lower() for note in plan.notes)


def test_the_large_groups_rise_above_the_floor_when_the_days_have_time(full_store: Store
                                                                       ) -> None:
    # five days of machines have room for it: 6 sets, the floor, before this rule; a quarter of
    # the way up (8) at least, though the shoulders' maximum (every press and pulldown moves
    # them) stops the chest and back short of the middle (FLOOR_SHARE)
    plan = build(full_store, goal="hypertrophy", level="beginner", days=5,
                 equipment=kits(engine_for(full_store))["machines"])
    volume = facts_for(full_store).volume[("hypertrophy", "beginner")]
    low, high = volume.sets
    quarter = low + int((high - low) * 0.25)
    assert low + int((high - low) * FLOOR_SHARE) > quarter > low
    sets = area_sets(plan.days, volume.secondary)
    assert all(sets[a] >= quarter for a in ("chest", "back", "quadriceps", "hamstrings")), sets


def test_short_days_are_topped_up_with_sets(full_store: Store) -> None:
    # four days with dumbbells: 21 to 29 minutes before this rule
    plan = build(full_store, goal="hypertrophy", level="beginner", days=4, equipment="dumbbell")
    assert all(day.minutes >= 25 for day in plan.days), [d.minutes for d in plan.days]


def test_bodyweight_exercises_progress_by_a_harder_version_not_a_load(full_store: Store
                                                                      ) -> None:
    plan = build(full_store, goal="hypertrophy", level="beginner", days=3, equipment="")
    bodyweight = [e for e in plan.exercises() if unloaded(e)
                  and e.slug not in facts_for(full_store).progression]
    assert bodyweight
    for e in bodyweight:
        assert plan.progression[e.slug].rule == BODYWEIGHT_PROGRESSION
        assert plan.progression[e.slug].increase is None
    loaded = [e for e in plan.exercises() if not unloaded(e)]
    assert all(plan.progression[e.slug].rule != BODYWEIGHT_PROGRESSION for e in loaded)


HOME = "dumbbell,bench,incline-bench,pull-up-bar,resistance-band,kettlebell"


@pytest.mark.parametrize(("goal", "level"), [("strength", "intermediate"),
                                             ("strength", "beginner"),
                                             ("hypertrophy", "advanced")])
def test_with_dumbbells_at_hand_no_main_lift_is_a_band(full_store: Store, goal: str,
                                                       level: str) -> None:
    """Rule "main lifts load": a band press is no main lift for a lifter with dumbbells (the
    vertical pull aside: no dumbbell pulls from overhead, and a band pulldown may be the
    beginner's best)."""
    for days in (3, 4, 5):
        plan = build(full_store, goal=goal, level=level, days=days, equipment=HOME)
        for day in plan.days:
            for item in day.items:
                if item.role == "main" and item.slot.name != "vertical-pull":
                    assert not band_only(item.exercise), (days, day.index, item.exercise.name)


def test_a_goblet_squat_or_a_band_is_no_3_6rm_lift(full_store: Store) -> None:
    """Rule "a dose the exercise can take": past a beginner's 6-10, a goblet hold or a band is
    programmed as an accessory (8-15), not at 3-6."""
    seen = 0
    for equipment in ("dumbbell,bench", HOME, "resistance-band,pull-up-bar"):
        plan = build(full_store, goal="strength", level="intermediate", days=4,
                     equipment=equipment)
        for day in plan.days:
            for item in day.items:
                if "goblet" in item.exercise.name.lower() or band_only(item.exercise):
                    seen += 1
                    assert item.guideline.reps[0] >= 8, (equipment, item.exercise.name)
    assert seen  # the rule was exercised: these kits do plan goblet squats and bands


def test_fast_lifts_stay_out_of_hypertrophy_and_endurance_plans(full_store: Store) -> None:
    facts = facts_for(full_store)
    for goal in ("hypertrophy", "strength-endurance"):
        for equipment in (HOME, "barbell,bench,squat-rack,pull-up-bar,dumbbell", "kettlebell"):
            plan = build(full_store, goal=goal, level="advanced", days=3, equipment=equipment)
            for day in plan.days:
                for item in day.items:
                    cats = facts.categories.get(item.exercise.slug, frozenset())
                    assert not explosive(item.exercise, cats), (goal, equipment,
                                                                item.exercise.name)


def test_no_hip_flexion_drill_as_leg_extension_and_no_partner_work(full_store: Store) -> None:
    engine = engine_for(full_store)
    for kit in ("home", "bands", "full", "bodyweight"):
        for goal in ("strength", "hypertrophy", "strength-endurance"):
            plan = build(full_store, goal=goal, level="intermediate", days=4,
                         equipment=kits(engine)[kit])
            for day in plan.days:
                for item in day.items:
                    assert not PARTNER.search(item.exercise.name.lower()), item.exercise.name
                    if item.slot.name == "leg-extension":
                        assert not HIP_FLEXION.search(item.exercise.name.lower()), \
                            item.exercise.name


@pytest.mark.parametrize("goal", ["strength", "hypertrophy", "power"])
def test_a_pull_slot_pulls_before_it_takes_a_shoulder_blade_drill(full_store: Store,
                                                                  goal: str) -> None:
    """Rule "a slot lifts": a single-joint drill filed under a multi-joint pattern (the scapular
    pull-up: the elbows stay straight) comes after a real pull of that slot on the day, never
    in its place, where the kit holds one (a pull-up bar, bands, a cable station)."""
    drills = 0
    for level in ("beginner", "intermediate"):
        for days in (2, 3, 4, 5):
            for equipment in ("dumbbell,pull-up-bar,resistance-band", "pull-up-bar",
                              "dumbbell,bench,incline-bench,pull-up-bar,resistance-band,"
                              "kettlebell"):
                plan = build(full_store, goal=goal, level=level, days=days,
                             equipment=equipment)
                for day in plan.days:
                    picks = [i.exercise for i in day.items if i.slot.name == "vertical-pull"]
                    for k, pick in enumerate(picks):
                        # the scapular pull-up is filed under Isolation since issue 23 (data7)
                        if pick.mechanic == "isolation" and pick.pattern in ("VerticalPull",
                                                                             "Isolation"):
                            drills += 1
                            assert any(p.mechanic == "compound" for p in picks[:k]) or \
                                (equipment == "pull-up-bar" and level == "beginner"), \
                                (level, days, equipment, [p.name for p in picks])
    assert drills, "no plan took the drill: the rule was not exercised"


@pytest.mark.parametrize("equipment", ["pull-up-bar", "kettlebell"])
@pytest.mark.parametrize("goal", ["power", "hypertrophy"])
def test_a_hinge_slot_hinges_so_small_kits_get_a_balanced_plan(full_store: Store, goal: str,
                                                               equipment: str) -> None:
    """Rule "a slot lifts": the hinge slot takes a hinge or a curl, not a fast drill of another
    pattern (a running drill filed as a lunge filled it in power plans, so the knee-dominant
    work outweighed the hip-dominant 13 to 0, and 19 of these 60 requests were refused)."""
    for level in ("beginner", "intermediate", "advanced"):
        for days in (2, 3, 4, 5, 6):
            plan = build(full_store, goal=goal, level=level, days=days, equipment=equipment)
            for day in plan.days:
                for item in day.items:
                    if item.slot.name == "hinge":
                        assert item.exercise.pattern in ("HipHinge", "Isolation"), \
                            (level, days, item.exercise.name)


def test_a_refused_request_says_the_nearest_request_that_builds(full_store: Store) -> None:
    """Two 45-minute strength days cannot hold an advanced lifter's weekly minimum (8 sets),
    even at the short end of each rest range: the 400 names the rules and the shortest longer
    session and the extra day that do build (found by building them), and each of those
    builds. (An intermediate's two 45-minute days build with short rests, test_plan_week_rules.)"""
    request = {"goal": "strength", "level": "advanced", "days": "2",
               "equipment": "dumbbell,bench", "session_minutes": "45"}
    with pytest.raises(PlanRuleError) as caught:
        plan_for(full_store, request)
    message = str(caught.value)
    assert "plan rule 'weekly-sets'" in message
    found = re.search(r"A plan keeps every rule with (\d+)-minute sessions or (\d) days a week$",
                       message)
    assert found, message
    minutes, days = int(found[1]), int(found[2])
    assert 45 < minutes <= 75 and days == 3
    assert len(plan_for(full_store, {**request, "session_minutes": str(minutes)}).days) == 2
    assert len(plan_for(full_store, {**request, "days": str(days)}).days) == 3
    # five minutes less than the suggestion is still refused: it is the shortest that builds
    with pytest.raises(PlanRuleError):
        plan_for(full_store, {**request, "session_minutes": str(minutes - 5)}, remedy=False)
    # a caller trying variants itself gets the rules alone
    with pytest.raises(PlanRuleError) as bare:
        plan_for(full_store, request, remedy=False)
    assert "A plan keeps every rule" not in str(bare.value)
