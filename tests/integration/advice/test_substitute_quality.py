"""Substitutes a coach would sign (issue 23): the graded benchmark's shape and seed, the engine
against the two baselines on it, and the ranking rules checked over the served graph — no
stretch, rolling, mobility or cardio drill for a lift, no exercise under another name, no
antagonist look-alike, variety of load types, the no-machine-or-cable filter, and every reason
true of the substitute's record."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from collections import Counter
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
from exgraph.vocab.names import normalise
from tests.paths import REPO

pytestmark = pytest.mark.slow

BENCH = REPO / "bench"


def _bench_module(name: str) -> ModuleType:
    """A module of bench/ (not a package): loaded by path, with bench/ importable for its own
    imports."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return _bench_module("substitute_quality")


@pytest.fixture(scope="module")
def engine(full_store: Store) -> Engine:
    return engine_for(full_store)


# --- the benchmark ------------------------------------------------------------------------------


def test_the_benchmark_has_100_sources_graded_by_the_rules(quality: ModuleType,
                                                           engine: Engine) -> None:
    judged = quality.read_benchmark()
    sample = _bench_module("substitution_sample")
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
    sample = _bench_module("substitution_sample")
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


# --- every reason true of the record --------------------------------------------------------------


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
    elif m := re.fullmatch(r"same (.+) pattern( \(inferred\))?", reason):
        assert ex.pattern == target.pattern
        assert engine._label(ex.pattern or "") == m.group(1)
        assert bool(m.group(2)) == (ex.pattern_inferred or target.pattern_inferred)
    elif m := re.fullmatch(r"harder: (\w+) rather than (\w+)", reason):
        assert ex.rank is not None and target.rank is not None
        assert (m.group(1), m.group(2)) == (("low", "moderate", "high")[ex.rank],
                                            ("low", "moderate", "high")[target.rank])
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
    elif m := re.fullmatch(r"(\w+) rather than (\w+)", reason):
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
