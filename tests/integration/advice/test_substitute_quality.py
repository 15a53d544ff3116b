"""Substitutes a coach would sign (issue 23): the graded benchmark's shape and seed, the engine
against the two baselines on it, and the ranking rules checked over the served graph — no
stretch, rolling, mobility or cardio drill for a lift, no exercise under another name, no
antagonist look-alike, variety of load types, the no-machine-or-cable filter, and every reason
true of the substitute's record."""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from itertools import pairwise
from types import ModuleType

import pytest

from exgraph.graph.store import Store
from exgraph.queries.substitutes import (
    OPPOSITES,
    TRAINING_KINDS,
    Engine,
    Exercise,
    Filters,
    Substitute,
    engine_for,
)
from exgraph.queries.substitutes.features import (
    CARDIO_MODES,
    CORE_MOTIONS,
    POWER_MODES,
    load_affinity,
    name_words,
    untagged,
)
from exgraph.queries.substitutes.reasons import DIRECT_SWAP
from exgraph.vocab.names import normalise
from tests.paths import REPO, bench_module

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return bench_module("substitute_quality")


@pytest.fixture(scope="module")
def engine(full_store: Store) -> Engine:
    return engine_for(full_store)


# --- the benchmark ------------------------------------------------------------------------------


def test_the_benchmark_has_100_sources_graded_by_the_rules(quality: ModuleType,
                                                           engine: Engine) -> None:
    judged = quality.read_benchmark()
    sample = bench_module("substitution_sample")
    assert len(judged.grades) >= 100
    assert set(sample.EVERYDAY) <= set(judged.grades)
    for source, grades in judged.grades.items():
        assert source in engine.exercises, source
        assert len(grades) >= 10, source
        assert set(grades.values()) <= {0, 1, 2, 3}, source
        assert all(c in engine.exercises and c != source for c in grades), source
    for source, candidate in judged.hard:
        assert judged.grades[source][candidate] == 0, (source, candidate)
    halves = Counter(judged.split.values())
    assert set(halves) == {"dev", "held-out"}
    assert abs(halves["dev"] - halves["held-out"]) <= 1


def test_the_sample_is_drawn_again_from_its_seed(engine: Engine, quality: ModuleType) -> None:
    """The stratified sample was the seeded draw over the graph of its day (not hand-picked).

    It can no longer be drawn again: the draw's pool is every exercise with a primary muscle
    group, stratified by movement pattern x body region, and entity resolution (duplicates
    merged into canonical IRIs, data/aliases.ttl) and the reviewed layer (exact muscles and
    patterns for 833 exercises) changed the pool's members, their strata and so the quotas and
    the positions the seed picks. The benchmark's slugs were mapped to the canonical ones (an
    alias is the same exercise; see the benchmark's header). What is checked: the
    draw is still seeded and repeatable, it has the sample's size, spans the strata, and the
    benchmark holds exactly the 90 drawn sources plus the everyday lifts, each a canonical
    exercise of the graph with a primary muscle group."""
    sample = bench_module("substitution_sample")
    judged = quality.read_benchmark()
    drawn = sample.draw(engine)
    assert drawn == sample.draw(engine)
    assert len(drawn) == sample.SAMPLE
    strata = Counter((engine.exercises[s].pattern or "none", sample.region(engine.exercises[s]))
                     for s in drawn)
    assert len(strata) >= 10  # patterns x body regions, in proportion
    sources = set(judged.grades) - set(sample.EVERYDAY)
    assert len(sources) == sample.SAMPLE
    for source in sources:
        assert source in engine.exercises and engine.exercises[source].primary, source


def test_the_engine_beats_both_baselines_by_a_tenth(engine: Engine, quality: ModuleType) -> None:
    """Issue 23: nDCG@10 and P@5 each at least 0.1 above the better baseline, on all sources and
    on the held-out half (the ranking was tuned looking at the dev half)."""
    judged = quality.read_benchmark()
    everything = sorted(judged.grades)
    held_out = [s for s in everything if judged.split[s] == "held-out"]
    for sources in (everything, held_out):
        mine = quality.evaluate(quality.engine_ranker(engine), judged, sources)
        jaccard = quality.evaluate(quality.jaccard_ranker(engine), judged, sources)
        tfidf = quality.evaluate(quality.tfidf_ranker(engine), judged, sources)
        print(f"\n{len(sources)} sources: engine {mine}, Jaccard {jaccard}, TF-IDF {tfidf}")
        assert mine.ndcg >= max(jaccard.ndcg, tfidf.ndcg) + 0.1
        assert mine.p5 >= max(jaccard.p5, tfidf.p5) + 0.1
        assert mine.hard_in_top5 * 10 < min(jaccard.hard_in_top5, tfidf.hard_in_top5)


def test_the_second_look_matches_the_benchmark(quality: ModuleType) -> None:
    """tests/data/substitution-regrade-sample.tsv: 30 of the third review's grades judged again
    without the first in view. Its first grades are the benchmark's, and the two looks agree on
    at least 25 of 30, never by more than one grade."""
    judged = quality.read_benchmark()
    path = REPO / "tests" / "data" / "substitution-regrade-sample.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    assert len(rows) == 30
    for row in rows:
        assert judged.grades[row["source"]][row["candidate"]] == int(row["first_grade"]), row
        assert abs(int(row["first_grade"]) - int(row["second_grade"])) <= 1, row
    assert sum(row["first_grade"] == row["second_grade"] for row in rows) >= 25


def test_the_reread_of_40_grades_matches_the_benchmark(quality: ModuleType) -> None:
    """tests/data/substitution-regrade-sample-2.tsv: 40 grades drawn with a seed and judged again
    by the rules (the second ranking review). The re-read agrees on at least 36 grades and never
    by more than one; every file grade is the benchmark's today, except where the re-read found
    the grade contradicting the rules and the benchmark took the re-read's grade (noted)."""
    judged = quality.read_benchmark()
    path = REPO / "tests" / "data" / "substitution-regrade-sample-2.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    assert len(rows) == 40
    assert len({(row["source"], row["candidate"]) for row in rows}) == 40
    fixed = 0
    for row in rows:
        file_grade, reread = int(row["file_grade"]), int(row["reread_grade"])
        assert abs(file_grade - reread) <= 1, row
        now = judged.grades[row["source"]][row["candidate"]]
        if now != file_grade:
            assert now == reread and "contradicted the rules" in row["note"], row
            fixed += 1
        if file_grade != reread:
            assert row["note"], row
    assert sum(row["file_grade"] == row["reread_grade"] for row in rows) >= 36
    assert fixed == 1


def test_the_metrics_score_known_rankings(quality: ModuleType) -> None:
    grades = {"a": 3, "b": 2, "c": 0, "d": 1}
    assert quality.ndcg(["a", "b", "d", "c"], grades) == pytest.approx(1.0)
    assert quality.ndcg(["c"], grades) == 0.0
    assert 0 < quality.ndcg(["b", "a"], grades) < 1
    assert quality.precision(["a", "b", "c", "d", "x"], grades) == pytest.approx(0.4)


# --- ranking rules over the served graph ----------------------------------------------------------


def _sample(engine: Engine, n: int, seed: int) -> list[Exercise]:
    with_primary = sorted(s for s, ex in engine.exercises.items() if ex.primary)
    return [engine.exercises[s] for s in random.Random(seed).sample(with_primary, n)]


def test_no_stretch_rolling_mobility_or_cardio_drill_for_a_lift(engine: Engine) -> None:
    checked = 0
    for target in _sample(engine, 400, 11):
        for sub in engine.rank(target.slug, Filters(limit=10)):
            training = target.kind in TRAINING_KINDS
            assert (sub.exercise.kind in TRAINING_KINDS) == training, (target.slug, sub.exercise)
            checked += training
    assert checked > 1000


def test_stretches_and_cardio_drills_are_typed_before_the_activity_kind_lands(
        engine: Engine) -> None:
    """Until every exercise carries exg:activityKind, the kind comes from exg:category and name
    words: free-exercise-db's stretches and cardio are not strength training."""
    kinds = Counter(ex.kind for ex in engine.exercises.values())
    assert kinds["stretching"] >= 100 and kinds["cardio"] >= 30 and kinds["smr"] >= 10
    assert engine.exercises["plank"].kind == "strength"
    assert engine.exercises["power-clean"].olympic


def test_never_the_same_exercise_under_another_name(engine: Engine, full_store: Store) -> None:
    """No answer normalises to the exercise's name or to one of its English alternative labels
    (or the other way round), read here from the store, not from the engine's keys."""
    labels: dict[str, set[str]] = {}
    for row in full_store.select("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX exg: <https://w3id.org/exgraph/ontology#>
            SELECT ?e ?l WHERE { ?e a exg:Exercise ; skos:altLabel ?l
                                 FILTER(LANG(?l) IN ("", "en")) }"""):
        labels.setdefault(str(row["e"]).rsplit("/", 1)[1], set()).add(normalise(str(row["l"])))
    for target in _sample(engine, 400, 12):
        own = {normalise(target.name)} | labels.get(target.slug, set())
        for sub in engine.rank(target.slug, Filters(limit=10)):
            other = {normalise(sub.exercise.name)} | labels.get(sub.exercise.slug, set())
            assert normalise(sub.exercise.name) not in own, (target.name, sub.exercise.name)
            assert normalise(target.name) not in other, (target.name, sub.exercise.name)


def test_no_antagonist_look_alike(engine: Engine) -> None:
    pairs = dict(OPPOSITES) | {b: a for a, b in OPPOSITES}
    for target in engine.exercises.values():
        words = set(re.findall(r"[a-z]+", target.name.lower()))
        mine = {w for w in words if w in pairs and pairs[w] not in words}
        if not mine:
            continue
        for sub in engine.rank(target.slug, Filters(limit=10)):
            theirs = set(re.findall(r"[a-z]+", sub.exercise.name.lower()))
            assert not {pairs[w] for w in mine} & theirs, (target.name, sub.exercise.name)


def test_no_olympic_lift_for_a_hinge_drill(engine: Engine) -> None:
    """The audit's example: cleans offered for the cable pull-through."""
    for slug in ("cable-pull-through", "barbell-hip-thrust", "romanian-deadlift",
                 "one-arm-kettlebell-swings"):
        top = engine.rank(slug, Filters(limit=5))
        assert not [s.exercise.name for s in top if s.exercise.olympic], slug


def test_two_names_of_one_exercise_take_one_place(engine: Engine) -> None:
    """No answer holds two exercises whose names are one once normalised (synonyms folded,
    filler and own-load words dropped: "Side Plank" and "Side Bridge") at one load type."""
    checked = 0
    for target in _sample(engine, 400, 13):
        seen: dict[tuple[str, str | None], str] = {}
        for sub in engine.rank(target.slug, Filters(limit=10)):
            for key in sub.exercise.keys:
                assert (key, sub.exercise.load) not in seen, \
                    (target.name, seen[(key, sub.exercise.load)], sub.exercise.name)
                seen[(key, sub.exercise.load)] = sub.exercise.name
            checked += 1
    assert checked > 2000
    plank = [s.exercise.slug for s in engine.rank("plank", Filters(limit=10))]
    assert "side-plank" in plank and "side-bridge" not in plank


def test_a_rolling_drill_is_replaced_by_rolling_or_a_stretch(engine: Engine) -> None:
    """A foam-rolling drill works a tissue; a mobility drill moves a joint and is no stand-in
    (the benchmark's hard negative: "Neck extension", recorded with the biceps, for the
    brachialis rolling drill)."""
    rolling = [ex for ex in engine.exercises.values() if ex.kind == "smr"]
    assert len(rolling) >= 10
    answered = 0
    for target in rolling:
        kinds = {sub.exercise.kind for sub in engine.rank(target.slug, Filters(limit=10))}
        assert kinds <= {"smr", "stretching"}, (target.name, kinds)
        answered += bool(kinds)
    assert answered >= len(rolling) // 2
    assert "neck-extension" not in [s.exercise.slug for s in engine.rank("brachialis-smr")]


def test_a_contributors_tag_is_no_word_of_the_name(engine: Engine) -> None:
    """wger names carry their contributor's initials ("Barbell Bench Press - NB"): without them
    the name is the bench press's, so neither is offered for the other."""
    assert untagged("Barbell Bench Press - NB") == "Barbell Bench Press"
    assert untagged("Lat Pull DB") == "Lat Pull DB"  # an abbreviation, not a tag
    for one, other in (("bench-press", "barbell-bench-press-nb"),
                       ("barbell-bench-press-nb", "bench-press")):
        assert other not in [s.exercise.slug for s in engine.rank(one, Filters(limit=50))]


def test_a_name_offering_a_choice_is_no_first_choice(engine: Engine) -> None:
    """"Neutral-grip pull-ups or TRX rows" offers two exercises: no one exercise to swap in (the
    benchmark's hard negative for the neutral-grip pull-up); an "or" in parentheses gives
    another name of the same one."""
    assert engine.exercises["neutral-grip-pull-ups-or-trx-rows"].choice
    assert not engine.exercises["front-cone-hops-or-hurdle-hops"].choice
    top = [s.exercise.slug for s in engine.rank("pull-ups-neutral-grip", Filters(limit=5))]
    assert len(top) == 5 and "neutral-grip-pull-ups-or-trx-rows" not in top


@pytest.mark.parametrize("slug", ["overhead-press", "barbell-squat", "bench-press",
                                  "bent-over-barbell-row", "barbell-deadlift"])
def test_the_top_5_spans_the_load_types_that_exist(engine: Engine, slug: str) -> None:
    """Variety: the no-machine top 5 of an everyday barbell lift is not five barbell variants —
    it holds at least three load types when the 50 best candidates hold three."""
    f = Filters(exclude_equipment=frozenset({"machine"}), limit=5)
    top = engine.rank(slug, f)
    wide = engine.rank(slug, Filters(exclude_equipment=frozenset({"machine"}), limit=50))
    available = {s.exercise.load for s in wide}
    assert len({s.exercise.load for s in top}) >= min(3, len(available)), \
        [(s.exercise.name, s.exercise.load) for s in top]


def test_a_lat_pulldown_without_machines_or_cables(engine: Engine) -> None:
    """The audit's "lat pulldown without a machine": with machines and cables excluded the
    answers need neither, and the pull-up is among them."""
    f = Filters.parse({"exclude_equipment": "machine,cable-system", "limit": "5"},
                      engine.taxonomy)
    top = engine.rank("wide-grip-lat-pulldown", f)
    assert len(top) == 5
    for sub in top:
        assert sub.exercise.equipment_known
        assert not sub.exercise.needs & {"machine", "cable-system"}, sub.exercise
    assert any(s.exercise.load == "bodyweight" and s.exercise.pattern == "VerticalPull"
               for s in top)


def test_a_core_exercise_keeps_its_trunk_motion(engine: Engine) -> None:
    """Every core exercise shares one TrunkStability pattern in the records; a coach keeps
    bracing, flexion, rotation and side bending apart (a crunch is no plank). The top 5 of every
    core exercise whose name says its motion holds at most one exercise of another motion."""
    core = [ex for ex in engine.exercises.values()
            if ex.motion is not None and ex.kind in TRAINING_KINDS]
    assert len(core) >= 100
    assert engine.exercises["plank"].motion == "extension resisted"
    assert engine.exercises["cable-russian-twists"].motion == "rotation"
    assert engine.exercises["side-plank"].motion == "sideways"
    for target in core:
        top = engine.rank(target.slug, Filters(limit=5))
        other = [s.exercise.name for s in top
                 if s.exercise.motion not in (None, target.motion)]
        assert len(other) <= 1, (target.name, target.motion, other)
    plank = engine.rank("plank", Filters(limit=5))
    assert not [s.exercise.name for s in plank if s.exercise.motion == "flexion"]


def test_cardio_keeps_its_kind(engine: Engine) -> None:
    """Steady cardio (cycling, running, rowing) and jumping drills (skipping, jacks, burpees)
    are no swaps for each other: wherever five of the cardio exercise's own kind are among its
    50 best, none of the other kind is in its top 5."""
    cardio = [ex for ex in engine.exercises.values() if ex.cardio_mode is not None]
    assert len(cardio) >= 40
    checked = 0
    for target in cardio:
        wide = engine.rank(target.slug, Filters(limit=50))
        if sum(s.exercise.cardio_mode == target.cardio_mode for s in wide) < 5:
            continue
        checked += 1
        top = wide[:5]
        assert all(s.exercise.cardio_mode in (None, target.cardio_mode) for s in top), \
            (target.name, [(s.exercise.name, s.exercise.cardio_mode) for s in top])
    # 18 since issue 23 (data6) typed the plyometric jumps named like cardio (butt kicks, star
    # jumps) as the power drills they are: fewer jumping cardio drills have five of their mode
    assert checked >= 15
    assert engine.exercises["bicycling"].cardio_mode == "steady"
    assert engine.exercises["fast-skipping"].cardio_mode == "jumping"


def test_two_levels_apart_is_a_poor_swap(engine: Engine) -> None:
    """A beginner's drill for an advanced lift (or the other way round) is "two steps in skill",
    grade 1 by the rules: fewer than 2 % of the lifts' top 5s hold one, and the one-arm
    chin-up is not offered the assisted chin-up."""
    lifts = [ex for ex in engine.exercises.values()
             if ex.rank is not None and ex.kind in TRAINING_KINDS]
    assert len(lifts) >= 1000
    far = 0
    for target in lifts:
        level = target.rank or 0  # (every lift here has one)
        top = engine.rank(target.slug, Filters(limit=5))
        far += any(s.exercise.rank is not None and abs(s.exercise.rank - level) >= 2
                   for s in top)
    assert far < 0.02 * len(lifts), far
    assert "assisted-chin-ups" not in [s.exercise.slug
                                       for s in engine.rank("one-arm-chin-up", Filters(limit=5))]


def test_a_plate_or_medicine_ball_is_a_free_weight_but_no_variety_option(engine: Engine) -> None:
    """A weight plate and a medicine ball are free weights in every gym (no uncommon implement
    like a keg), but they limit the load: no everyday lift's no-machine top 5 gives one a place
    as "another load type" (a Svend press is no bench press)."""
    from exgraph.queries.substitutes.features import load_affinity

    assert engine.exercises["plate-twist"].load == "plate"
    assert engine.exercises["medicine-ball-twist"].load == "medicine ball"
    assert load_affinity("plate", "dumbbell") == load_affinity("barbell", "dumbbell") == 0.75
    sample = bench_module("substitution_sample")
    for slug in sample.EVERYDAY:
        top = engine.rank(slug, Filters(exclude_equipment=frozenset({"machine"}), limit=5))
        assert not [s.exercise.name for s in top
                    if s.exercise.load in ("plate", "medicine ball")], slug


# --- every reason true of the record --------------------------------------------------------------


def _check_third_review_reason(target: Exercise, ex: Exercise, reason: str,
                               label: dict[str, str]) -> bool:
    """Check a reason of the third review (an emphasis shift, variation words, a choice);
    False: none of them."""
    if m := re.fullmatch(r"works the (.+) as a prime mover, (.+) only as a secondary one",
                         reason):
        assert m.group(2) == target.name
        for name in re.split(r", | and ", m.group(1)):
            group = label[name]
            assert group in ex.primary and group in target.secondary, (reason, ex, target)
            assert group not in target.primary
    elif m := re.fullmatch(r"a variation by name: (.+)", reason):
        words = set(re.split(r", | and ", m.group(1)))
        assert words == ex.variants - target.variants, (reason, ex.name, target.name)
        assert words <= set(name_words(ex.name)) - set(name_words(target.name))
    elif m := re.fullmatch(r"not the (.+) variation", reason):
        words = set(re.split(r", | and ", m.group(1)))
        assert words == target.variants - ex.variants, (reason, ex.name, target.name)
        assert words <= set(name_words(target.name)) - set(name_words(ex.name))
    elif reason == "its name offers a choice of exercises":
        assert re.search(r"\bor\b", re.sub(r"\([^)]*\)", "", ex.name.lower())), ex.name
    else:
        return False
    return True


def _check_second_ranking_review_reason(target: Exercise, ex: Exercise, reason: str) -> bool:
    """Check a reason of the second ranking review (two levels easier, another trunk motion,
    another kind of cardio), each against the levels and the name words it is read from;
    False: none of them."""
    levels = ("low", "moderate", "high")
    if m := re.fullmatch(r"two levels easier: (\w+) rather than (\w+)", reason):
        assert ex.rank is not None and target.rank is not None
        assert target.rank - ex.rank >= 2 and target.kind in TRAINING_KINDS
        assert (m.group(1), m.group(2)) == (levels[ex.rank], levels[target.rank])
    elif m := re.fullmatch(r"another trunk motion: (.+) rather than (.+) \(read from the names\)",
                           reason):
        for name, motion in ((ex.name, m.group(1)), (target.name, m.group(2))):
            assert _core_motion_of(name) == motion, (reason, name)
    elif m := re.fullmatch(r"(\w+) cardio rather than (\w+) \(read from the names\)", reason):
        assert ex.kind == target.kind == "cardio"
        for name, mode in ((ex.name, m.group(1)), (target.name, m.group(2))):
            words = set(name_words(name))
            assert words & dict(CARDIO_MODES)[mode], (reason, name)
    elif m := re.fullmatch(r"a (\w+) drill rather than a (\w+) drill \(read from the names\)",
                           reason):  # the fifth ranking review's power modes
        assert ex.kind == target.kind == "power"
        for name, mode in ((ex.name, m.group(1)), (target.name, m.group(2))):
            named = name_words(name)
            assert (set(named) | {a + b for a, b in pairwise(named)}) & dict(POWER_MODES)[mode], \
                (reason, name)
    else:
        return False
    return True


def _check_fourth_review_reason(engine: Engine, target: Exercise, ex: Exercise,
                                reason: str) -> bool:
    """Check a reason of the fourth ranking review (branch rank4): another head of a shared
    prime mover, against the finer muscles each record names as prime movers (Exercise.heads,
    themselves checked against the records below); False: not one of its reasons."""
    if m := re.fullmatch(r"works the (.+) as a prime mover where (.+) works the (.+)", reason):
        assert m.group(2) == target.name
        label = {engine._label(h): h for heads in (ex.heads, target.heads)
                 for found in heads.values() for h in found}
        theirs = {label[n] for n in re.split(r", | and ", m.group(1))}
        own = {label[n] for n in re.split(r", | and ", m.group(3))}
        group = next(g for g, found in target.heads.items() if found == own)
        assert ex.heads[group] == theirs and not theirs & own, (reason, ex.heads, target.heads)
        return True
    if m := re.fullmatch(r"a (quick|strict) lift rather than a (quick|strict) one \(read from "
                         r"the names: the legs or a kip drive a quick lift\)", reason):
        for name, kind in ((ex.name, m.group(1)), (target.name, m.group(2))):
            words = name_words(name)
            quick = bool({"thruster", "kipping"} & set(words)) or any(
                a == "push" and b in ("press", "overhead", "jerk") for a, b in pairwise(words))
            assert quick == (kind == "quick"), (reason, name)
        return True
    if m := re.fullmatch(r"the reviewed layer describes its movement as (.+)'s \((\d+) % alike\)",
                         reason):
        import numpy as np

        assert m.group(1) == target.name and ex.described and target.described
        alike = float(engine.described(target, np.array([engine.position[ex.slug]]))[0])
        assert int(m.group(2)) == round(100 * alike) >= 50, (reason, alike)
        return True
    return False


def _check_fifth_review_reason(target: Exercise, ex: Exercise, reason: str) -> bool:
    """Check the direct swap of the fifth ranking review (branch rank5) against the facts it
    is read from: the same pattern and prime movers, the same variation words, laterality and
    kind, both holds or both moving, within one level, a load that keeps the loading; False:
    another reason."""
    if reason != DIRECT_SWAP:
        return False
    assert ex.pattern == target.pattern and target.primary <= ex.primary <= target.worked
    assert (ex.variants, ex.laterality, ex.kind == "power", ex.static) == (
        target.variants, target.laterality, target.kind == "power", target.static), (target, ex)
    assert ex.rank is None or target.rank is None or abs(ex.rank - target.rank) < 2
    assert load_affinity(ex.load, target.load) >= 0.75, (ex.load, target.load)
    return True


def _core_motion_of(name: str) -> str | None:
    """The first CORE_MOTIONS entry with a word of the name (or two run together)."""
    words = name_words(name)
    found = set(words) | {a + b for a, b in pairwise(words)}
    return next((motion for motion, listed in CORE_MOTIONS if found & listed), None)


def _check_reason(engine: Engine, target: Exercise, sub: Substitute, reason: str) -> None:
    ex = sub.exercise
    label = {engine._label(g): g for g in ex.worked | target.worked}
    kit = {engine._label(k): k for k in ex.equipment}
    if reason.startswith("listed as an alternative by"):
        assert ex.slug in target.curated
    elif reason == "a variation of it in the same wger group":
        assert ex.slug in target.variations
    elif m := re.fullmatch(r"works the (.+), like (.+)", reason):
        assert m.group(2) == target.name
        for part in re.split(r", | and ", m.group(1)):
            found = re.fullmatch(r"(.+) \((primary|secondary)\)", part)
            assert found, (reason, part)
            name, role = found.groups()
            group = label[name]
            assert group in (ex.primary if role == "primary" else ex.secondary), (reason, ex)
            assert group in target.moving, (reason, target)
    elif m := re.fullmatch(r"works the (.+) only as a secondary mover", reason):
        for name in re.split(r", | and ", m.group(1)):
            assert label[name] in ex.secondary and label[name] in target.primary
    elif reason == "no source lists its muscles":
        assert not ex.primary
    elif _check_third_review_reason(target, ex, reason, label):
        pass
    elif m := re.fullmatch(r"same (.+) pattern( \(inferred\))?", reason):
        assert ex.pattern == target.pattern
        assert engine._label(ex.pattern or "") == m.group(1)
        assert bool(m.group(2)) == (ex.pattern_inferred or target.pattern_inferred)
    elif m := re.fullmatch(r"harder: (\w+) rather than (\w+)", reason):
        assert ex.rank is not None and target.rank is not None
        assert (m.group(1), m.group(2)) == (("low", "moderate", "high")[ex.rank],
                                            ("low", "moderate", "high")[target.rank])
    elif _check_second_ranking_review_reason(target, ex, reason) \
            or _check_fourth_review_reason(engine, target, ex, reason) \
            or _check_fifth_review_reason(target, ex, reason):
        pass
    elif reason.startswith("an Olympic lift"):
        assert ex.olympic and not target.olympic
    elif reason.startswith("explosive"):
        assert ex.kind == "power" and target.kind == "strength"
    elif reason.startswith("a strength lift rather than"):
        assert ex.kind == "strength" and target.kind == "power"
    elif m := re.fullmatch(r"(bilateral|unilateral|alternating) rather than "
                           r"(bilateral|unilateral|alternating)( \(read from the names\))?",
                           reason):
        assert (ex.laterality, target.laterality) == (m.group(1), m.group(2))
    elif m := re.fullmatch(r"(\w+(?: ball)?) rather than (\w+(?: ball)?)", reason):
        assert (ex.load, target.load) == (m.group(1), m.group(2))
    elif reason == "needs no equipment":
        assert ex.equipment == frozenset({"bodyweight"}), ex
    elif reason == "equipment unknown":
        assert not ex.equipment
    elif m := re.fullmatch(r"needs (.+?)( \(inferred from its name\))?", reason):
        named = {kit[k] for k in re.split(r", | and ", m.group(1))}
        assert named == ex.equipment, (reason, ex.equipment)
        assert bool(m.group(2)) == ex.equipment_inferred
    else:
        pytest.fail(f"a reason this test does not know how to check: {reason!r}")


def test_every_reason_is_true_of_the_record(engine: Engine) -> None:
    """The audit found about 5 % false reasons ("needs no equipment" for a V-bar pull-up);
    each reason given for 300 exercises' top 10, with and without filters, is checked against
    the facts of the substitute and the exercise."""
    reasons = 0
    for i, target in enumerate(_sample(engine, 300, 13)):
        f = Filters(limit=10) if i % 2 else Filters(
            exclude_equipment=frozenset({"machine"}), limit=10)
        for sub in engine.rank(target.slug, f):
            for reason in sub.reasons:
                _check_reason(engine, target, sub, reason)
                reasons += 1
    assert reasons > 3000


def test_no_machines_or_cables_over_http(full_store: Store) -> None:
    from exgraph.web.app import create_app

    client = create_app({"STORE": full_store, "TESTING": True}).test_client()
    response = client.get("/api/v1/exercises/wide-grip-lat-pulldown/substitutes"
                          "?exclude_equipment=machine,cable-system&limit=10")
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert len(items) == 10
    engine = engine_for(full_store)
    for item in items:
        assert item["equipment_known"]
        assert not engine.exercises[item["id"]].needs & {"machine", "cable-system"}, item


# --- the fourth ranking review (branch rank4) -----------------------------------------------------


def test_heads_are_the_finer_prime_movers_of_the_record(engine: Engine, full_store: Store) -> None:
    """Exercise.heads holds, by group, exactly the primary muscles a record names finer than
    their group (the lateral deltoid of the shoulders, the soleus of the calves): what the
    "another head" rule and its reason read."""
    from exgraph.records import records_for

    found = records_for(full_store)
    named = 0
    for slug, record in found.records.items():
        finer = {m for m in record.muscle_ids("primary") if found.group_of.get(m, m) != m}
        heads = engine.exercises[slug].heads
        assert {m for muscles in heads.values() for m in muscles} == finer, slug
        assert all(found.group_of[m] == group for group, ms in heads.items() for m in ms)
        named += bool(finer)
    assert named >= 300
    assert engine.exercises["side-lateral-raise"].heads == {
        "shoulders": frozenset({"lateral-deltoid"})}


def test_another_head_of_a_prime_mover_is_no_direct_swap(engine: Engine) -> None:
    """Where both records name the part of a shared prime mover (a deltoid's head, the soleus or
    the gastrocnemius, the obliques or the rectus abdominis), a candidate working none of the
    exercise's part moves the emphasis (a rear raise for a side raise): wherever five candidates
    of the same part are among the 50 best, fewer than 6 % of the top 5s hold one (21 % without
    the rule), and it is never a variety option."""
    import numpy as np

    checked = holding = 0
    for target in engine.exercises.values():
        if not target.heads or target.kind not in TRAINING_KINDS:
            continue
        wide = engine.rank(target.slug, Filters(limit=50))
        at = np.array([engine.position[s.exercise.slug] for s in wide], dtype=np.int64)
        other = engine.other_heads(target, at)
        if len(wide) - int(other.sum()) < 5:
            continue
        checked += 1
        holding += bool(other[:5].any())
    assert checked >= 250
    assert holding < 0.06 * checked, (holding, checked)
    top = engine.rank("seated-side-lateral-raise", Filters(limit=5))
    assert all("lateral-deltoid" in s.exercise.heads.get("shoulders", ()) for s in top), \
        [(s.exercise.name, s.exercise.heads) for s in top]


def test_descriptions_are_the_records_reasons_for_the_movement(engine: Engine,
                                                              full_store: Store) -> None:
    """Exercise.described is the words of the reasons a record gives for its movement pattern
    and mechanic (the reviewed layer's: "Only the ankle moves; the knee stays bent at a right
    angle"), and Engine.described their TF-IDF cosine, computed here again from the records."""
    import math

    import numpy as np

    from exgraph.records import records_for

    found = records_for(full_store)
    texts = {}
    for slug, record in found.records.items():
        words = [w for why in sorted(record.rationale, key=lambda r: r["property"])
                 if why["property"] in ("mechanic", "movementPattern")
                 for w in re.findall(r"[a-z]+", why["reason"].lower())]
        assert tuple(words) == engine.exercises[slug].described, slug
        if words:
            texts[slug] = Counter(words)
    assert len(texts) >= 1000
    df = Counter(w for counts in texts.values() for w in counts)

    def vector(slug: str) -> dict[str, float]:
        v = {w: n * math.log(len(texts) / df[w]) for w, n in texts[slug].items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {w: x / norm for w, x in v.items()}

    rng = random.Random(4)
    for slug in rng.sample(sorted(texts), 40):
        others = rng.sample(sorted(texts), 20)
        got = engine.described(engine.exercises[slug],
                               np.array([engine.position[o] for o in others]))
        mine = vector(slug)
        for other, value in zip(others, got, strict=True):
            expected = sum(x * vector(other).get(w, 0.0) for w, x in mine.items())
            assert abs(value - min(expected, 1.0)) < 1e-9, (slug, other)
    seated, standing = (engine.exercises[s] for s in ("seated-calf-raise", "standing-calf-raises"))
    assert "bent" in seated.described and "bent" not in standing.described


def test_a_variety_option_moves_as_the_records_describe_the_exercise(engine: Engine) -> None:
    """The options the variety pass may give a capped place do the same movement on the same
    prime movers: over 300 lifts' 50 best, each option keeps the pattern, every prime mover
    (and works none the exercise does not), the laterality and the part of a shared prime mover,
    and, where the reviewed layer describes both, is described at least half alike (a seated
    calf raise, "the knee stays bent", is no option for a standing one). Some candidates are
    left out by each of the last three rules, so the test would see them back."""
    import numpy as np

    lifts = [ex for ex in _sample(engine, 300, 23) if ex.kind in TRAINING_KINDS]
    left_out = Counter[str]()
    for target in lifts:
        ids, scores = engine.scores(target, Filters())
        order = np.lexsort((ids, -scores))[:50]
        at, best = ids[order], scores[order]
        options = engine.options(target, at, best)
        alike = engine.described(target, at)
        other = engine.other_heads(target, at)
        for k, position in enumerate(at):
            ex = engine.exercises[engine.slugs[int(position)]]
            if not options[k]:
                left_out["laterality"] += ex.laterality != target.laterality
                left_out["head"] += bool(other[k])
                left_out["described"] += bool(target.described and ex.described
                                              and alike[k] < 0.5)
                continue
            assert ex.pattern == target.pattern and target.primary <= ex.primary
            assert ex.primary <= target.worked and ex.laterality == target.laterality
            assert not other[k]
            assert not (target.described and ex.described) or alike[k] >= 0.5, \
                (target.name, ex.name, alike[k])
    assert min(left_out.values()) > 0, left_out


def test_a_quick_lift_is_no_swap_for_a_strict_one(engine: Engine) -> None:
    """A push press, push jerk, thruster or kipping lift is driven by the legs or a kip: for a
    strict press it is another kind of lift (scored like a jump for a lift). Of the strict
    strength presses with five strict candidates among their 50 best, fewer than one in ten
    holds one in its top 5 (10 of 53 without the rule, 3 with it: the one-arm kettlebell push
    press still shares most of the para press's name)."""
    quick = {s for s, ex in engine.exercises.items() if ex.quick}
    assert {"push-press", "thruster", "one-arm-kettlebell-push-press"} <= quick
    assert not engine.exercises["overhead-press"].quick
    assert not engine.exercises["pushups"].quick  # "push" of a push-up is no quick lift
    checked = holding = 0
    for target in engine.exercises.values():
        if target.quick or target.pattern != "VerticalPush" or target.kind != "strength":
            continue
        wide = engine.rank(target.slug, Filters(limit=50))
        if sum(not s.exercise.quick for s in wide) < 5:
            continue
        checked += 1
        holding += any(s.exercise.quick for s in wide[:5])
    assert holding < 0.1 * checked, (holding, checked)
    # a power exercise (a linear jammer is typed so) keeps its quick lifts: no step for those
    jammer = [s.exercise.slug for s in engine.rank("single-arm-linear-jammer", Filters(limit=5))]
    assert "one-arm-kettlebell-push-press" in jammer
    # 53 strict presses before issue 23 (data7) merged the Smith-machine twins named "Multi
    # Press" and "Smith Press" and filed the Cuban press, a rotator-cuff drill, under Isolation
    assert checked >= 45


def test_a_machine_exercise_seated_is_the_machine_exercise(engine: Engine) -> None:
    """One sits at a machine: "Seated Bench Press" on the chest-press machine is the "Machine
    Bench Press" under another name (a hard negative of the benchmark that the reviewed
    descriptions, alike for the two, brought into its top 5), "Seated Leg Curl" the generic
    machine "Leg Curl" as "Lying Leg Curls" is; a seated dumbbell curl stays an exercise of its
    own."""
    def answers(slug: str) -> list[str]:
        return [s.exercise.slug for s in engine.rank(slug, Filters(limit=50))]

    assert "seated-bench-press" not in answers("machine-bench-press")
    assert "seated-leg-curl" not in answers("leg-curl")
    assert "seated-dumbbell-curl" in answers("dumbbell-curl")
