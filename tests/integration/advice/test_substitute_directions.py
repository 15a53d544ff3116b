"""The fifth ranking review's rules on the served graph (docs/substitutes.md, "What the fifth
ranking review did"): a joint moved the other way is the antagonist's look-alike even when no
name says so, and a name given in parentheses ("(or hurdle hops)") is the same exercise."""

from __future__ import annotations

import pytest

from exgraph.graph.store import Store
from exgraph.queries.substitutes import Engine, Filters, engine_for
from exgraph.queries.substitutes.reasons import DIRECT_SWAP

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(full_store: Store) -> Engine:
    return engine_for(full_store)


def _answers(engine: Engine, slug: str, limit: int = 50) -> list[str]:
    return [s.exercise.slug for s in engine.rank(slug, Filters(limit=limit))]


def test_a_neck_extension_is_no_swap_for_a_neck_flexion(engine: Engine) -> None:
    """The face-up plate neck resistance raises the head (the reviewed layer: "single-joint neck
    flexion"); the head-harness one, bent forward, extends the neck ("single-joint neck
    extension"). No name word tells them apart; the fresh sample graded it a hard negative in
    the top 5."""
    answers = _answers(engine, "lying-face-up-plate-neck-resistance")
    assert "seated-head-harness-neck-resistance" not in answers
    assert "isometric-neck-exercise-front-and-back" in answers  # both ways: kept
    assert "lying-face-up-plate-neck-resistance" not in _answers(
        engine, "seated-head-harness-neck-resistance")


def test_palms_down_wrist_work_gets_no_palms_up_wrist_curl(engine: Engine) -> None:
    """Wrist Rotations with Straight Bar is held palms down (its steps): the wrist extensors'
    work. Palms-up wrist curls (the flexors) were four of its top 10, two of them hard
    negatives in the top 5; the palms-down curls and the wrist roller are its swaps."""
    answers = _answers(engine, "wrist-rotations-with-straight-bar")
    for palms_up in ("seated-palm-up-barbell-wrist-curl", "cable-wrist-curl",
                     "palms-up-barbell-wrist-curl-over-a-bench", "barbell-wrist-curl",
                     "forearm-curls-underhand-grip"):
        assert palms_up not in answers, palms_up
    top = answers[:10]
    assert {"wrist-roller", "palms-down-wrist-curl-over-a-bench",
            "seated-palms-down-barbell-wrist-curl"} <= set(top), top
    # and the other way round: a palms-up curl whose name says so gets no palms-down work
    assert "wrist-rotations-with-straight-bar" not in _answers(engine, "barbell-wrist-curl")


def test_a_name_in_parentheses_is_the_same_exercise(engine: Engine) -> None:
    """"Front Cone Hops (or hurdle hops)" names the hurdle hop too: "Hurdle Hops" is the same
    exercise (a hard negative of the fresh sample's top 5), both ways."""
    assert "hurdle-hops" not in _answers(engine, "front-cone-hops-or-hurdle-hops")
    assert "front-cone-hops-or-hurdle-hops" not in _answers(engine, "hurdle-hops")
    assert "lateral-cone-hops" in _answers(engine, "front-cone-hops-or-hurdle-hops", 5)


def test_a_power_drill_keeps_its_emphasis(engine: Engine) -> None:
    """Throws, sprint technique and jumps are three emphases of power work (POWER_MODES, read
    from the names): the fresh sample graded a diagonal bound 1 for the wall acceleration
    drill and a bench sprint 1 for the diagonal bound, both in a top 5 before the rule."""
    modes = {slug: engine.exercises[slug].power_mode for slug in (
        "linear-acceleration-wall-drill", "wall-drills", "bench-sprint",
        "alternate-leg-diagonal-bound", "box-jump-multiple-response", "supine-chest-throw",
        "kettlebell-swing")}
    assert modes == {"linear-acceleration-wall-drill": "sprint", "wall-drills": "sprint",
                     "bench-sprint": "sprint", "alternate-leg-diagonal-bound": "jump",
                     "box-jump-multiple-response": "jump", "supine-chest-throw": "throw",
                     "kettlebell-swing": None}
    for slug in ("linear-acceleration-wall-drill", "alternate-leg-diagonal-bound"):
        own = engine.exercises[slug].power_mode
        top = engine.rank(slug, Filters(limit=5))
        assert all(s.exercise.power_mode in (None, own) for s in top), \
            (slug, [(s.exercise.name, s.exercise.power_mode) for s in top])


def test_two_levels_apart_is_no_variety_option(engine: Engine) -> None:
    """"Two or more steps in skill" is grade 1 by the rules: the machine-assisted pull-up (low)
    took the L-sit pull-up's (high) third place as the variety pass's machine option."""
    assert engine.exercises["l-sit-pull-ups"].rank == 2
    assert engine.exercises["pull-ups-on-machine"].rank == 0
    top = [s.exercise.slug for s in engine.rank("l-sit-pull-ups", Filters(limit=5))]
    assert "pull-ups-on-machine" not in top
    assert "pull-ups-on-machine" in [s.exercise.slug for s in engine.rank(
        "l-sit-pull-ups", Filters(limit=40))]  # still an answer, lower down


def test_a_direct_swap_ranks_before_the_variants(engine: Engine) -> None:
    """A direct swap (the same movement on the same prime movers, no material difference but a
    load that keeps the loading: grade 3 by the rules) comes before the variants whose names
    or score parts rate them alike: the dumbbell bench press before the reverse-grip one (a
    grip that moves the emphasis), the glute-ham raises before the machine leg curls for the
    Nordic curl (a machine-guided version)."""
    def top(slug: str, n: int) -> list[str]:
        return [s.exercise.slug for s in engine.rank(slug, Filters(limit=n))]

    bench = engine.rank("bench-press", Filters(limit=10))
    assert bench[0].exercise.slug == "dumbbell-bench-press"
    assert DIRECT_SWAP in bench[0].reasons
    reverse = next(s for s in bench if s.exercise.slug == "reverse-grip-bench-press")
    assert DIRECT_SWAP not in reverse.reasons  # "reverse" is a variation word
    assert set(top("nordic-curl", 2)) == {"floor-glute-ham-raise", "natural-glute-ham-raise"}


def test_a_hold_is_no_direct_swap_for_a_moving_exercise(engine: Engine) -> None:
    """The foot-supported L-sit is "an isometric hold" by the reviewed layer: the crunches that
    share its pattern, trunk motion and prime movers took five places of its top 10 as direct
    swaps before holds and moving exercises were told apart."""
    assert engine.exercises["l-sit-foot-supported"].static
    assert engine.exercises["pull-up-isometric-hold"].static  # by its name
    assert not engine.exercises["crunches"].static
    top = engine.rank("l-sit-foot-supported", Filters(limit=10))
    assert not [s.exercise.name for s in top if DIRECT_SWAP in s.reasons
                and not s.exercise.static]
    assert sum("crunch" in s.exercise.name.lower() for s in top) <= 1, [
        s.exercise.name for s in top]
