"""Issue 23 (data7): the record faults behind bad substitutes and plans, each fixed as a rule over
a class of exercises and held here on the served graph (imports loaded), so that a regenerated
file or a new import that brings the fault back fails. The rules are written in
docs/reviewed-layer.md ("The records behind bad advice").

Each test reads the effective records (records_for: the precedence table's one value per field),
as the substitutes engine, the plan builder and the API do.
"""

from __future__ import annotations

import re

import pytest

from exgraph.graph.store import Store
from exgraph.infer.rules.common import Facts, name_hit
from exgraph.infer.rules.kind import _MOBILITY, _POWER
from exgraph.records import records_for
from exgraph.records.model import Record


@pytest.fixture(scope="module")
def records(full_store: Store) -> dict[str, Record]:
    found = records_for(full_store).records
    assert len(found) > 1000, len(found)  # the served graph, imports included
    return found


def _text(record: Record) -> str:
    return " ".join([*record.steps, record.summary or ""])


_HELD = re.compile(r"\bhold\b|\bseconds?\b|\bstretch|\brelax|\bprevent", re.I)
_REPEATED = re.compile(r"\brepetitions?\b|\breps\b|\bjump|\brepeat\b", re.I)
#: Exercises of free-exercise-db's stretching category whose steps repeat a movement without
#: holding it and that are still stretches: dynamic stretches, each read.
_DYNAMIC_STRETCHES = {
    "90-90-hamstring": "an active hamstring stretch: the leg straightened into the air from 90 "
                       "degrees, paused at the top",
    "windmills": "a dynamic hip stretch, a straight leg crossed over the body "
                 "(docs/reviewed-layer.md, data6)",
    "front-leg-raises": "a leg swing, wger's Leg Swings (Front-Back): left to the duplicate "
                        "pass",
}


def test_a_stretching_category_is_no_stretch_when_the_steps_say_otherwise(
        records: dict[str, Record]) -> None:
    """free-exercise-db files its warm-up drills under "stretching", and that category alone
    made a stretch of a crunch ("Toe Touchers"), a jump ("Frog Hops"), joint circles, a back
    extension and a partial squat. A record of that category whose name is not a stretch and
    whose steps repeat a movement (repetitions, a jump) without holding a position is not typed
    a stretch, but for the dynamic stretches read and listed."""
    family = {slug: r for slug, r in records.items()
              if "stretching" in r.categories and "stretch" not in (r.name or "").lower()}
    assert len(family) >= 50, len(family)
    repeated = {slug for slug, r in family.items()
                if _REPEATED.search(_text(r)) and not _HELD.search(_text(r))}
    assert {"toe-touchers", "frog-hops", "lower-back-curl", "sit-squats"} <= repeated
    wrong = sorted(slug for slug in repeated
                   if records[slug].activity_kind == "stretching"
                   and slug not in _DYNAMIC_STRETCHES)
    assert not wrong, wrong
    assert records["toe-touchers"].activity_kind == "strength-training"
    assert records["frog-hops"].activity_kind == "power-training"


def test_a_name_of_another_kind_wins_over_the_stretching_category(
        records: dict[str, Record]) -> None:
    """Joint circles and the inchworm are mobility drills and a hop is a jump, whatever category
    the source files them under: no record whose name is a mobility drill's or a jump's is typed
    a stretch (unless its name also says stretch)."""
    def hit(record: Record, regex: re.Pattern[str]) -> bool:
        return name_hit(Facts(slug=record.id, names=(record.name or "",)), regex) is not None

    family = {slug: r for slug, r in records.items()
              if r.activity_kind == "stretching" and "stretch" not in (r.name or "").lower()}
    wrong = sorted(slug for slug, r in family.items() if hit(r, _MOBILITY) or hit(r, _POWER))
    assert not wrong, wrong
    assert records["arm-circles"].activity_kind == "mobility-drill"


_SINGLE_JOINT_DRILL = re.compile(r"scapular pull|scapula pulls|mid trap shrug|cuban", re.I)


def test_a_single_joint_drill_is_not_filed_under_a_lift(records: dict[str, Record]) -> None:
    """A scapular pull-up (the shoulder blades only, the elbows straight), a mid-trap shrug and
    a Cuban press (a rotator-cuff drill whose load the external rotation sets) are single-joint
    drills: filed under a vertical pull or a vertical push, they filled a plan's pull or
    shoulder-press slot. Every drill of the class is filed under Isolation."""
    family = {slug: r for slug, r in records.items()
              if _SINGLE_JOINT_DRILL.search((r.name or "").replace("-", " "))}
    assert {"scapular-pull-up", "cuban-press"} <= set(family), sorted(family)
    wrong = {slug: r.movement_pattern for slug, r in family.items()
             if not r.movement_pattern or r.movement_pattern["id"] != "isolation"}
    assert not wrong, wrong


@pytest.mark.parametrize(("name", "needs"), [
    (r"\bboard press", {"barbell", "bench", "squat-rack", "press-board"}),
    (r"\bpin (?:bench )?press", {"barbell", "squat-rack"}),
    (r"\bbox squat", {"barbell", "squat-rack"}),
    (r"\bfrom blocks\b", {"barbell", "squat-rack"}),
])
def test_a_partial_range_lift_needs_what_stops_the_bar(records: dict[str, Record], name: str,
                                                        needs: set[str]) -> None:
    """A board press cannot be set up without its boards (the plan that gave a garage gym a board
    press read a record that needed only a barbell and a bench), a pin press without the rack's
    pins, a box squat without the rack it unracks from, a lift from blocks without the stands
    (the taxonomy has no blocks: the rack holds the bar). Every barbell lift of each class
    records it."""
    family = {slug: r for slug, r in records.items()
              if re.search(name, r.name or "", re.I)
              and "barbell" in {e["id"] for e in r.equipment}}
    assert family, name
    wrong = {slug: sorted(needs - {e["id"] for e in r.equipment})
             for slug, r in family.items() if needs - {e["id"] for e in r.equipment}}
    assert not wrong, wrong


def test_the_multi_press_is_the_smith_machine(records: dict[str, Record]) -> None:
    """wger names the Smith machine "Multi Press" (German Multipresse) and the resolver, which
    compares names, never met the Smith-machine twins: every exercise named so is merged onto
    its Smith-machine record but the behind-the-back shrug's twin, which wger lacks."""
    own = sorted(slug for slug, r in records.items()
                 if re.search(r"multi ?press", r.name or "", re.I))
    assert own == ["shrugs-on-multipress"], own
    for alias, canonical in (("upright-row-on-multi-press", "smith-machine-upright-row"),
                             ("shoulder-press-on-multi-press",
                              "smith-machine-overhead-shoulder-press"),
                             ("squats-on-multipress", "smith-machine-squat"),
                             ("bicycle-crunches", "air-bike"),
                             ("seated-bench-press", "machine-bench-press")):
        assert alias not in records and canonical in records, alias


def test_a_free_standing_dumbbell_row_is_for_beginners(records: dict[str, Record]) -> None:
    """Dumbbells or kettlebells rowed standing bent over hold the dumbbell Romanian deadlift's
    hinge, which the difficulty table rates Low; only a bar bent over (barbell and landmine rows)
    is Moderate. The plans found no beginner row without a bench when the two-dumbbell row was
    Moderate. Renegade rows (a plank on the weights) stay Moderate by their own row."""
    def equipment(r: Record) -> set[str]:
        return {e["id"] for e in r.equipment}

    family = {slug: r for slug, r in records.items()
              if r.movement_pattern and r.movement_pattern["id"] == "horizontal-pull"
              and equipment(r) & {"dumbbell", "kettlebell"}
              and not equipment(r) & {"bench", "incline-bench", "barbell", "landmine"}
              and not re.search(r"renegade|plank", r.name or "", re.I)}
    assert {"bent-over-two-dumbbell-row", "two-arm-kettlebell-row"} <= set(family)
    wrong = sorted(slug for slug, r in family.items() if r.difficulty != ["low"])
    assert not wrong, wrong
    assert records["bent-over-barbell-row"].difficulty == ["moderate"]
