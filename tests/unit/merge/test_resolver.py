"""The exercise resolver (src/exgraph/merge/resolver.py) on the bundled Turtle data.

Candidates are read from data/ with pyoxigraph; the reviewed overrides come from data/merges.tsv
and the hand-judged pairs from tests/data/merge-sample.tsv.
"""

from __future__ import annotations

import csv
import random
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest

import exgraph.merge.apply as apply
from exgraph.graph import taxonomy
from exgraph.graph.load import load_oxigraph
from exgraph.graph.store import OxigraphStore
from exgraph.merge.candidates import Candidate, Resolution
from exgraph.merge.evidence import NEUTRAL_EQUIPMENT, implied_equipment, load_kinds
from exgraph.merge.language import english_words
from exgraph.merge.overrides import read_overrides
from exgraph.merge.resolve import resolve
from exgraph.records.precedence import CANONICAL_ORDER
from exgraph.vocab.names import normalise
from tests.paths import REPO, TESTS

ROOT = REPO
DATA = ROOT / "data"
MERGES = DATA / "merges.tsv"
SAMPLE = TESTS / "data" / "merge-sample.tsv"

EX = "https://w3id.org/exgraph/id/exercise/"
SOURCE = "https://w3id.org/exgraph/id/source/"

# Names, equipment, primary muscle groups (a muscle counts as its skos:broader group) and sources.
def load_candidates() -> list[Candidate]:
    """Every exg:Exercise of data/ as the resolver sees it: as each source minted it (no alias
    applied, no inference), through the same loader as `exgraph merges`."""
    files = [DATA / "exercises.ttl", DATA / "muscles.ttl", DATA / "equipment.ttl",
             DATA / "imported" / "free-exercise-db.ttl", DATA / "imported" / "wger.ttl",
             *sorted((DATA / "articles").glob("*.ttl"))]
    return apply.load_candidates(OxigraphStore(load_oxigraph(files, DATA, canonical=False)))


@dataclass
class Resolved:
    candidates: list[Candidate]
    forced_same: list[tuple[str, str]]
    forced_different: list[tuple[str, str]]
    resolution: Resolution
    seconds: float

    def cluster_of(self, key: str) -> str:
        """The canonical key of key's cluster, or key itself when it is alone."""
        return self.resolution.canonical_map().get(key, key)

    def merged(self, a: str, b: str) -> bool:
        return self.cluster_of(a) == self.cluster_of(b)


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    candidates = load_candidates()
    same, different = read_overrides(MERGES)
    start = time.perf_counter()
    resolution = resolve(candidates, forced_same=same, forced_different=different)
    seconds = time.perf_counter() - start
    return Resolved(candidates, same, different, resolution, seconds)


@pytest.fixture(scope="module")
def unreviewed(resolved: Resolved) -> Resolution:
    """The resolution without data/merges.tsv: what a reviewer is shown."""
    return resolve(resolved.candidates)


# --- normalise ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["push-up", "push up", "pushup", "Push Ups", "Push-Ups", "PUSHUPS"], "pushup"),
        (["Pull-Up", "pull up", "Pullups"], "pullup"),
        (["Chin-ups", "Chin up", "Chinup"], "chinup"),
        (["Sit-Ups", "situp", "Sit up"], "situp"),
        (["Lat Pull-Down", "lat pulldown", "Lat Pulldowns"], "lat pulldown"),
        (["Bent-Over Row", "Bent over rows", "bentover row"], "bentover row"),
        (["Kettlebell Swings", "kettlebell swing", "Kettlebell-Swing"], "kettlebell swing"),
        (["Lunges", "lunge"], "lunge"),
        (["Calves raise", "Calf Raises"], "calf raise"),
        (["Dumbbell Flyes", "Dumbbell Flys", "dumbbell fly"], "dumbbell fly"),
        (["Bench Press", "Bench Presses", "bench-press"], "bench press"),
        (["Press"], "press"),
        (["Leg Press"], "leg press"),
        (["Cross Press"], "cross press"),
        (["Biceps Curl", "Bicep curls", "biceps curls"], "biceps curl"),
        (["Triceps Extension", "Tricep extensions"], "triceps extension"),
        (["Abs Crunch", "Ab crunch"], "abs crunch"),
        (["Glutes bridge", "Glute Bridge"], "glute bridge"),
        (["Gluteus bridge"], "gluteus bridge"),
        (["Pilates"], "pilates"),
        (["Crunches"], "crunch"),
        (["Stretches"], "stretch"),
        (["Hyperextensions"], "hyperextension"),
        (["Élévation latérale", "elevation laterale"], "elevation laterale"),
        (["45° lateral raises", "45-degree lateral raise"], "45 degree lateral raise"),
        (["Farmer's Walk", "Farmers walk", "Farmer\u2019s walks"], "farmer walk"),
        (["One-Armed Row", "1-Arm Row", "Single arm row", "One Arm Rows"], "one arm row"),
        (["DB Curl", "Dumbbell curls", "Dumbell curl"], "dumbbell curl"),
        (["E-Z Bar Curl", "SZ-bar curl", "EZ bar curls"], "ez bar curl"),
        (["Reverse-Grip Curl", "Reverse Curl"], "reverse curl"),
        (["Deadlift with the Bands", "deadlift on a band"], "deadlift band"),
        (["Upright Row w/ Dumbbells", "Upright row with dumbbell"], "upright row dumbbell"),
        (["RDL", "Romanian deadlifts"], "romanian deadlift"),
        (["Barbell Romanian Deadlift (RDL)"], "barbell romanian deadlift"),
        (["Shoulder Press (Dumbbell)"], "shoulder press dumbbell"),
        (["Clean & Press", "clean and press"], "clean and press"),
        (["Leg Curls (laying)"], "leg curl lying"),
        (["---", ""], ""),
    ],
)
def test_normalise(names: list[str], key: str) -> None:
    assert [normalise(name) for name in names] == [key] * len(names)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shoulder Press, Barbell", "Barbell Shoulder Press"),
        ("Lying Leg Curls", "Leg Curls (laying)"),
        ("Incline Bench Press - Dumbbell", "Incline Dumbbell Bench Press"),
        ("Push-Ups | Decline", "Decline Push-Up"),
    ],
)
def test_normalise_sorted_tokens_ignores_word_order(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)
    assert normalise(a, sort_tokens=True) == normalise(b, sort_tokens=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Barbell Curl", "Dumbbell Curl"),
        ("Incline Bench Press", "Decline Bench Press"),
        ("Front Squat", "Back Squat"),
        ("Seated Calf Raise", "Standing Calf Raise"),
        ("Pull-up", "Push-up"),
        ("Abduction", "Adduction"),
    ],
)
def test_normalise_keeps_different_words_apart(a: str, b: str) -> None:
    assert normalise(a, sort_tokens=True) != normalise(b, sort_tokens=True)


# --- pairs on the real data ----------------------------------------------------------------------

MUST_MERGE = [
    ("kettlebell-swing", "kettlebell-swings"),
    ("barbell-deadlift", "deadlifts"),
    ("bent-over-barbell-row", "bent-over-rowing"),
    ("push-up", "pushups"),
    ("push-ups", "pushups"),
    ("pull-ups", "pullups"),
    ("chin-up", "chin-ups"),
    ("sit-up", "sit-ups"),
    ("dead-bug", "deadbug"),
    ("barbell-shoulder-press", "shoulder-press-barbell"),
    ("dumbbell-shoulder-press", "shoulder-press-dumbbells"),
    ("incline-dumbbell-curl", "dumbbell-incline-curl"),
    ("decline-push-up", "push-ups-decline"),
    ("lying-leg-curls", "leg-curls-laying"),
    ("low-pulley-cable-fly", "low-pulley-cable-ffly"),
    ("romanian-deadlift", "barbell-romanian-deadlift-rdl"),
    ("side-plank", "side-plank-wger-1321"),
    ("reverse-barbell-curl", "reverse-grip-barbell-curls"),
]

MUST_STAY_APART = [
    ("barbell-curl", "dumbbell-curl"),
    ("incline-dumbbell-flyes", "decline-dumbbell-flyes"),
    ("incline-push-up", "decline-push-up"),
    ("close-grip-barbell-bench-press", "wide-grip-barbell-bench-press"),
    ("one-arm-kettlebell-swings", "kettlebell-swing"),
    ("seated-calf-raise", "standing-calf-raises"),
    ("front-squats", "squats"),
    ("front-barbell-squat", "barbell-squat"),
    ("romanian-deadlift", "barbell-deadlift"),
    ("romanian-deadlift", "deadlifts"),
    ("sumo-deadlift", "barbell-deadlift"),
    ("stiff-legged-barbell-deadlift", "barbell-deadlift"),
    ("hammer-curls", "dumbbell-bicep-curl"),
    ("leg-press", "smith-machine-leg-press"),
    ("machine-bench-press", "smith-machine-bench-press"),
    ("thigh-abductor", "thigh-adductor"),
    ("high-pull", "high-pull-wger-1187"),
    ("squat-with-bands", "squats-with-bands"),
    ("overhead-barbell-press", "shoulder-press-barbell"),
    ("single-leg-rdl", "romanian-deadlift-single-leg"),
    ("good-morning", "hip-hinge"),
]


@pytest.mark.parametrize(("a", "b"), MUST_MERGE)
def test_pairs_that_must_merge(resolved: Resolved, a: str, b: str) -> None:
    assert resolved.merged(a, b), (resolved.cluster_of(a), resolved.cluster_of(b))


@pytest.mark.parametrize(("a", "b"), MUST_STAY_APART)
def test_pairs_that_must_stay_apart(resolved: Resolved, a: str, b: str) -> None:
    keys = {c.key for c in resolved.candidates}
    assert a in keys and b in keys
    assert not resolved.merged(a, b)


def test_canonical_prefers_trusted_sources(resolved: Resolved) -> None:
    by_key = {c.key: c for c in resolved.candidates}
    rdl = next(c for c in resolved.resolution.clusters if "romanian-deadlift" in c.members)
    assert rdl.canonical == "romanian-deadlift"  # curated wins over wger
    calf = next(c for c in resolved.resolution.clusters if "calf-raises-left-leg" in c.members)
    assert calf.canonical == "calf-raises-one-legged"  # the side-less name, though longer
    # wger's Portuguese "supino" (tagged English) is shorter, but the English name wins
    bench = next(c for c in resolved.resolution.clusters if "supino" in c.members)
    assert bench.canonical == "bench-press"
    for cluster in resolved.resolution.clusters:
        best = min(
            (by_key[m] for m in cluster.members),
            # a slug naming a side (a left/right copy) is canonical only when all members do
            # and a label in another language only when no member has an English one
            key=lambda c: (bool(re.search(r"(?:^|-)(?:left|right)(?:-|$)", c.key)),
                           not english_words(c.label), CANONICAL_ORDER.index(c.source),
                           len(c.key), c.key),
        )
        assert cluster.canonical == best.key
        assert list(cluster.members) == sorted(cluster.members)
        assert cluster.evidence == sorted(cluster.evidence)
        assert cluster.evidence, cluster


def test_overrides_name_real_resources_and_are_applied(resolved: Resolved) -> None:
    keys = {c.key for c in resolved.candidates}
    for a, b in resolved.forced_same + resolved.forced_different:
        assert a in keys and b in keys, f"merges.tsv names an unknown exercise: {a} / {b}"
    for a, b in resolved.forced_same:
        assert resolved.merged(a, b), (a, b)
    for a, b in resolved.forced_different:
        assert not resolved.merged(a, b), (a, b)


def test_every_near_miss_was_reviewed(resolved: Resolved, unreviewed: Resolution) -> None:
    """data/merges.tsv settles every near miss the rules report on the bundled data: the pair
    is decided there, or reviewed decisions put it in one cluster."""
    assert unreviewed.near_misses, "the rules should find something to review"
    decided = {tuple(sorted(p)) for p in resolved.forced_same + resolved.forced_different}
    open_pairs = [
        p
        for p in unreviewed.near_misses
        if (p.a, p.b) not in decided and not resolved.merged(p.a, p.b)
    ]
    assert not open_pairs, "\n".join(f"{p.a}\t{p.b}\t{p.reason}" for p in open_pairs)
    assert resolved.resolution.near_misses == []


def test_resolution_figures(resolved: Resolved, unreviewed: Resolution) -> None:
    clusters = resolved.resolution.clusters
    merged = sum(len(c.members) for c in clusters)
    print(
        f"\n{len(resolved.candidates)} candidates; {len(clusters)} clusters holding {merged}"
        f" resources; {len(unreviewed.near_misses)} near misses before review"
        f" ({len(unreviewed.clusters)} clusters without overrides);"
        f" resolve took {resolved.seconds:.2f} s"
    )
    assert len(resolved.candidates) > 1500
    assert 60 <= len(clusters) <= 150
    assert resolved.seconds < 10


# --- determinism -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_input_gives_the_same_resolution(resolved: Resolved, seed: int) -> None:
    shuffled = list(resolved.candidates)
    random.Random(seed).shuffle(shuffled)
    same = list(resolved.forced_same)
    different = list(reversed(resolved.forced_different))
    random.Random(seed).shuffle(same)
    again = resolve(shuffled, forced_same=same, forced_different=different)
    assert again == resolved.resolution


# --- hand-judged sample ------------------------------------------------------------------------


def _sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_sample_is_well_formed(resolved: Resolved) -> None:
    rows = _sample()
    keys = {c.key for c in resolved.candidates}
    assert len(rows) >= 60
    for row in rows:
        assert row["judged"] in {"same", "different"}, row
        assert row["a"] in keys and row["b"] in keys, row
        assert row["note"], row
    merged = [r for r in rows if resolved.merged(r["a"], r["b"])]
    apart = [r for r in rows if not resolved.merged(r["a"], r["b"])]
    assert len(merged) >= 50
    assert len(apart) >= 10
    assert len({resolved.cluster_of(r["a"]) for r in merged}) >= 50  # spread over clusters


def test_sample_precision_is_one(resolved: Resolved) -> None:
    rows = _sample()
    merged = [r for r in rows if resolved.merged(r["a"], r["b"])]
    wrong = [r for r in merged if r["judged"] != "same"]
    precision = (len(merged) - len(wrong)) / len(merged)
    print(f"\nsample: {len(merged)} merged pairs judged, precision {precision:.3f}")
    assert precision == 1.0, wrong


# --- duplicate audit ---------------------------------------------------------------------------


def _shared_key_groups(candidates: list[Candidate]) -> Iterator[tuple[str, set[str]]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for cand in candidates:
        for name in cand.names:
            key = normalise(name, sort_tokens=True)
            if key:
                groups[key].add(cand.key)
    for key in sorted(groups):
        if len(groups[key]) > 1:
            yield key, groups[key]


def test_duplicate_audit(resolved: Resolved) -> None:
    """No two clusters still share a name key unless every pair across them is forced apart."""
    different = {tuple(sorted(p)) for p in resolved.forced_different}
    failures = []
    for key, members in _shared_key_groups(resolved.candidates):
        by_cluster: dict[str, list[str]] = defaultdict(list)
        for member in sorted(members):
            by_cluster[resolved.cluster_of(member)].append(member)
        roots = sorted(by_cluster)
        open_pairs = [
            (a, b)
            for i, first in enumerate(roots)
            for second in roots[i + 1 :]
            for a in by_cluster[first]
            for b in by_cluster[second]
            if tuple(sorted((a, b))) not in different
        ]
        if open_pairs:
            failures.append(f"{key!r}: {dict(by_cluster)}")
    print(f"\nduplicate audit: {len(failures)} unresolved name keys")
    assert not failures, "\n".join(failures)


# --- rules on small inputs ---------------------------------------------------------------------


def cand(
    key: str,
    name: str,
    source: str = "wger",
    equipment: tuple[str, ...] = (),
    primary: tuple[str, ...] = (),
    *aliases: str,
) -> Candidate:
    return Candidate(key, source, (name, *aliases), frozenset(equipment), frozenset(primary))


def test_forced_different_splits_a_forced_same_chain() -> None:
    cands = [cand("a", "Alpha"), cand("b", "Beta"), cand("c", "Gamma")]
    result = resolve(cands, forced_same=[("a", "b"), ("b", "c")], forced_different=[("c", "a")])
    assert [c.members for c in result.clusters] == [("a", "b")]
    assert [(p.a, p.b) for p in result.near_misses] == [("b", "c")]
    assert "forced different" in result.near_misses[0].reason


def test_forced_different_beats_an_exact_match() -> None:
    cands = [cand("kb-swing", "Kettlebell Swing"), cand("kb-swings", "Kettlebell Swings")]
    assert resolve(cands).canonical_map() == {"kb-swing": "kb-swing", "kb-swings": "kb-swing"}
    assert resolve(cands, forced_different=[("kb-swings", "kb-swing")]).clusters == []


def test_chain_never_joins_a_vetoed_pair() -> None:
    cands = [
        cand("row-a", "Seated Row", equipment=("cable-station",)),
        cand("row-b", "Seated Row"),
        cand("row-c", "Seated Row", equipment=("machine",)),
    ]
    result = resolve(cands)
    assert [c.members for c in result.clusters] == [("row-a", "row-b")]
    assert [(p.a, p.b) for p in result.near_misses] == [("row-a", "row-c"), ("row-b", "row-c")]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (cand("a", "Hip Thrust", equipment=("barbell",)), cand("b", "Barbell Hip Thrust"), True),
        (cand("a", "Hip Thrust"), cand("b", "Barbell Hip Thrust", equipment=("barbell",)), False),
        (
            cand("a", "Hip Thrust", equipment=("dumbbell",)),
            cand("b", "Barbell Hip Thrust", equipment=("barbell",)),
            False,
        ),
        (cand("a", "Skullcrusher"), cand("b", "Skullcruscher"), True),
        (cand("a", "Kettlebell Swing"), cand("b", "Kettelbell Swing"), False),
        (cand("a", "Dumbbell Curl"), cand("b", "Barbell Curl"), False),
        (cand("a", "Incline Press"), cand("b", "Decline Press"), False),
        (
            cand("a", "Squat", primary=("quadriceps",)),
            cand("b", "Squats", primary=("lats",)),
            False,
        ),
        (cand("a", "Squat", primary=("quadriceps",)), cand("b", "Squats"), True),
        (
            cand("a", "Lunge", equipment=("bench",)),
            cand("b", "Lunges", equipment=("dumbbell",)),
            True,
        ),
        (cand("a", "Good Morning", "curated", (), (), "Hip hinge"), cand("b", "Hip Hinge"), True),
        (cand("a", "Good Morning", "wger", (), (), "Hip hinge"), cand("b", "Hip Hinge"), False),
    ],
)
def test_rules_on_pairs(first: Candidate, second: Candidate, merged: bool) -> None:
    result = resolve([first, second])
    assert bool(result.clusters) is merged, result


def test_candidate_keys_must_be_unique() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        resolve([cand("a", "Alpha"), cand("a", "Beta")])


def _taxonomy_slugs(where: str) -> set[str]:
    """Equipment slugs of data/equipment.ttl matching a SPARQL pattern on ?e, read by Oxigraph
    (not by exgraph.graph.taxonomy, which the tests below check)."""
    store = pyoxigraph.Store()
    store.bulk_load(path=DATA / "equipment.ttl", format=pyoxigraph.RdfFormat.TURTLE)
    query = ("PREFIX exg: <https://w3id.org/exgraph/ontology#> "
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             f"SELECT ?e WHERE {{ ?e a exg:Equipment . {where} }}")
    solutions = store.query(query)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    return {str(s["e"].value).rsplit("/", 1)[1] for s in solutions}


def test_neutral_equipment_is_in_the_taxonomy() -> None:
    assert _taxonomy_slugs("") >= NEUTRAL_EQUIPMENT


def test_load_kinds_follow_the_taxonomy() -> None:
    machines = _taxonomy_slugs("?e skos:broader+ exg:Machine")
    cables = _taxonomy_slugs("?e skos:broader+ exg:CableSystem")
    assert "leg-extension-machine" in machines and "treadmill" in machines
    assert "cable-station" in cables and "cable-station" not in machines
    assert taxonomy.machines() == machines
    assert {slug for slug in _taxonomy_slugs("") if load_kinds(frozenset({slug})) == {"machine"}} \
        == machines
    assert {slug for slug in _taxonomy_slugs("") if load_kinds(frozenset({slug})) == {"cable"}} \
        == cables
    # a machine word in one name is excused by any machine of the other's equipment
    assert implied_equipment("machine") == machines
    assert implied_equipment("cable") == {"cable-station"}


# --- read_overrides ----------------------------------------------------------------------------


def test_read_overrides_reads_the_reviewed_file() -> None:
    same, different = read_overrides(MERGES)
    assert ("barbell-deadlift", "deadlifts") in same
    assert ("high-pull", "high-pull-wger-1187") in different


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\tb\tverdict\treason\n", r":1: header must be"),
        ("", r":1: missing header"),
        ("a\tb\tdecision\treason\nx\ty\tsame\n", r":2: expected 4 tab-separated fields, got 3"),
        ("a\tb\tdecision\treason\n\nx\ty\tmaybe\twhy\n", r":3: decision must be"),
        ("a\tb\tdecision\treason\nx\t\tsame\twhy\n", r":2: empty key"),
        ("a\tb\tdecision\treason\nx\tx\tsame\twhy\n", r":2: 'x' paired with itself"),
        ("a\tb\tdecision\treason\nx\ty\tsame\t \n", r":2: empty reason"),
        (
            "a\tb\tdecision\treason\nx\ty\tsame\twhy\n# note\ny\tx\tdifferent\twhy\n",
            r":4: pair y / x already on line 2",
        ),
    ],
)
def test_read_overrides_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "merges.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(path)) + message):
        read_overrides(path)


def test_read_overrides_accepts_comments(tmp_path: Path) -> None:
    path = tmp_path / "merges.tsv"
    path.write_text(
        "# reviewed pairs\na\tb\tdecision\treason\nx\ty\tsame\twhy\nu\tv\tdifferent\twhy not\n",
        encoding="utf-8",
    )
    assert read_overrides(path) == ([("x", "y")], [("u", "v")])
