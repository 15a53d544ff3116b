"""Fact checks (issue 22): the rules, their exceptions and corrections, the kinds of activity,
coverage of the served graph, and the fact audit's sample.

The served graph is the one users get (``full_store``: curated data, articles, imports,
inferences, the reviewed layer); CI runs the checks on it and fails on an unresolved suspect.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from rdflib import Graph
from rdflib.compare import isomorphic

from exgraph.checks.corrections import (
    CORRECTIONS_TTL,
    corrections_graph,
    read_corrections,
    reviewed_elsewhere,
)
from exgraph.checks.effective import Field, effective_facts
from exgraph.checks.run import (
    EXCEPTIONS_FILE,
    load_rules,
    read_exceptions,
    run_checks,
)
from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.errors import DataError
from exgraph.graph.load import bundled_files, load_oxigraph
from exgraph.graph.store import OxigraphStore, Store
from exgraph.infer.rules import Facts, activity_kind, primary_muscles
from exgraph.vocab.terms import EXERCISE, EXG, MUSCLE
from exgraph.web.app import create_app
from tests.paths import REPO, TESTS

AUDIT = TESTS / "data" / "fact-audit-before.tsv"
STRENGTH = (EXG.StrengthTraining, EXG.PowerTraining)


# -- rules, exceptions and corrections files ---------------------------------------------------


def test_every_rule_parses_and_says_what_it_checks() -> None:
    rules = load_rules()
    assert {r.id for r in rules} >= {
        "equipment-in-name", "equipment-in-steps", "machine-name-not-machine",
        "no-primary-muscle", "hinge-without-hip-extensors", "group-and-member",
        "foreign-label-en", "left-right-copy", "olympic-lift-rated-low"}
    for rule in rules:
        assert len(rule.title) > 10 and len(rule.description) > 60, rule.id
        assert "SELECT ?exercise ?detail" in rule.query


def test_a_bad_rule_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "broken.rq").write_text(
        "# title: Broken rule\n# description: a rule whose query does not parse at all\n"
        "SELECT ?exercise ?detail WHERE { ?exercise a }\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.rq"):
        load_rules(tmp_path)
    (tmp_path / "broken.rq").write_text(
        "# title: No detail\n# description: a rule that selects the exercise only, no detail\n"
        "SELECT ?exercise WHERE { ?exercise a exg:Exercise }\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken.rq.*\?detail"):
        load_rules(tmp_path)


@pytest.mark.parametrize(("row", "message"), [
    ("no-such-rule\tsquat\tbecause", "unknown rule 'no-such-rule'"),
    ("group-and-member\tNot A Slug\tbecause", "not an exercise slug"),
    ("group-and-member\tsquat\t", "needs a reason"),
    ("group-and-member\tsquat", "3 tab-separated columns"),
])
def test_a_bad_exception_is_refused_with_its_line(tmp_path: Path, row: str,
                                                   message: str) -> None:
    path = tmp_path / "exceptions.tsv"
    path.write_text("rule\texercise\treason\n# a comment\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"exceptions.tsv:3: .*{message}"):
        read_exceptions(path, rules=[r.id for r in load_rules()])


def test_an_exception_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "exceptions.tsv"
    path.write_text("rule\texercise\treason\ngroup-and-member\tsquat\ta\n"
                    "group-and-member\tsquat\tb\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"exceptions\.tsv:3: .*twice"):
        read_exceptions(path)


def test_the_exceptions_file_reads() -> None:
    exceptions = read_exceptions(EXCEPTIONS_FILE, rules=[r.id for r in load_rules()])
    assert exceptions and all(len(reason) > 20 for reason in exceptions.values())


@pytest.mark.parametrize(("row", "message"), [
    ("squat\tmuscles\tsecondary: glutes\tno primary", "need a primary muscle"),
    ("squat\tmuscles\tprime: glutes\tbad role", "got role 'prime'"),
    ("squat\tdifficulty\teasy\tbad level", "difficulty 'easy' is not one of"),
    ("squat\tpattern\tHipHinge, Squat\ttwo", "takes one value"),
    ("squat\tcolour\tred\tunknown", "unknown field 'colour'"),
    ("squat\tkind\tCardio\t", "needs a reason"),
])
def test_a_bad_correction_is_refused_with_its_line(tmp_path: Path, row: str,
                                                    message: str) -> None:
    path = tmp_path / "corrections.tsv"
    path.write_text("exercise\tfield\tvalues\treason\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"corrections.tsv:2: .*{message}"):
        read_corrections(path)


def test_the_corrections_graph_is_written_from_the_reviewed_rows() -> None:
    """data/reviewed/corrections.ttl is exactly what the TSV gives (run `exgraph check
    --write-corrections` after editing data/corrections.tsv)."""
    corrections = read_corrections()
    assert len(corrections) >= 200  # a floor against an empty or truncated file
    written = Graph().parse(CORRECTIONS_TTL, format="turtle")
    assert isomorphic(written, corrections_graph(corrections))
    # every corrected field of an exercise no family file reviews has its rationale, and names
    # only terms the vocabulary has
    elsewhere = reviewed_elsewhere()
    kept = [c for c in corrections if c.exercise not in elsewhere]
    assert 0 < len(kept) < len(corrections)
    rationales = set(written.subjects(EXG.aboutProperty, None))
    assert len(rationales) == len(kept)
    vocabulary = OxigraphStore(load_oxigraph(bundled_files(imported=False)))
    known = {str(r["s"]) for r in vocabulary.select(
        "SELECT ?s WHERE { { ?s a <https://w3id.org/exgraph/ontology#Muscle> } UNION "
        "{ ?s a <https://w3id.org/exgraph/ontology#Equipment> } }")}
    for prop in (EXG.requiresEquipment, EXG.primaryMuscle, EXG.secondaryMuscle,
                 EXG.stabilizerMuscle):
        for value in written.objects(None, prop):
            assert str(value) in known, value


# -- the kinds of activity and the primary muscles the rules infer -----------------------------


@pytest.mark.parametrize(("name", "category", "equipment", "kind"), [
    ("Foam Roller Quadriceps", "", "foam-roller", "SelfMyofascialRelease"),
    ("Hamstring Stretch", "", "", "Stretching"),
    ("Forward arm circles", "", "", "MobilityDrill"),
    ("Running, Treadmill", "", "treadmill", "Cardio"),
    ("Rowing Machine", "", "", "Cardio"),
    ("Walking Lunges", "", "dumbbell", "StrengthTraining"),
    ("Farmer's Walk", "strongman", "", "StrengthTraining"),
    ("Power Clean", "", "barbell", "PowerTraining"),
    ("Box Jump", "plyometrics", "", "PowerTraining"),
    ("Clean Grip Front Squat", "", "barbell", "StrengthTraining"),
    ("Barbell Squat", "strength", "barbell", "StrengthTraining"),
])
def test_activity_kind_rules(name: str, category: str, equipment: str, kind: str) -> None:
    facts = Facts(slug="x", names=(name,), category=(category,) if category else (),
                  equipment=frozenset({equipment} - {""}))
    assert activity_kind(facts).value == kind


@pytest.mark.parametrize(("name", "muscles"), [
    ("Cable Curls", {"biceps"}),
    ("Hip Raise, Lying", {"glutes", "hamstrings"}),
    ("Pike Push-Up", {"shoulders"}),
    ("Shoulder Width Three-Point Push-Up", {"chest", "triceps"}),
    ("L-Sit Pull-ups", {"lats"}),
    ("Bulgarian split squats left", {"quadriceps", "glutes"}),
    ("Side Lying Hip Abduction", {"gluteus-medius"}),
])
def test_primary_muscle_rules(name: str, muscles: set[str]) -> None:
    inferred = primary_muscles(Facts(slug="x", names=(name,)))
    assert {i.value for i in inferred} == muscles
    assert all(i.rule.startswith("muscle/") and i.reason for i in inferred)


def test_a_stated_primary_muscle_is_never_inferred() -> None:
    assert primary_muscles(Facts(slug="x", names=("Cable Curls",),
                                 primary=frozenset({"biceps"}))) == ()


# -- the served graph: checks, precedence, coverage ----------------------------------------------


@pytest.mark.slow
def test_the_served_graph_has_no_unresolved_suspect(full_store: Store) -> None:
    report = run_checks(full_store)
    unresolved = [(s.rule, s.exercise, s.detail) for r in report.results for s in r.unresolved]
    assert unresolved == []
    assert report.stale == []  # every exception still answers a suspect


@pytest.mark.slow
def test_checks_judge_the_effective_facts_not_the_union(full_store: Store) -> None:
    """The union keeps free-exercise-db's erector spinae as the deadlift's only primary muscle;
    the correction names the glutes and hamstrings, and the hinge rule judges that."""
    deadlift = EXERCISE["barbell-deadlift"]
    union = {r["m"] for r in full_store.select(
        f"SELECT ?m WHERE {{ <{deadlift}> <{EXG.primaryMuscle}> ?m }}")}
    assert MUSCLE["erector-spinae"] in union
    field = effective_facts(full_store)[deadlift]["muscles"]
    assert field.sources == ("https://w3id.org/exgraph/id/source/reviewed-hinge",)
    assert {MUSCLE["glutes"], MUSCLE["hamstrings"]} <= field.get(EXG.primaryMuscle)
    assert MUSCLE["erector-spinae"] not in field.get(EXG.primaryMuscle)
    report = run_checks(full_store, only=["hinge-without-hip-extensors"])
    assert "barbell-deadlift" not in {s.exercise for s in report.results[0].suspects}


@pytest.mark.slow
def test_without_the_corrections_the_suspects_come_back() -> None:
    """The reviewed layer (family files and corrections) is what resolves the suspects: the
    same graph without it fails."""
    files = [f for f in bundled_files(imported=True) if "reviewed" not in f.parts]
    store = OxigraphStore(load_oxigraph(files, DATA_DIR))
    report = run_checks(store, only=["hinge-without-hip-extensors", "machine-name-not-machine"],
                        exceptions={})
    found = {r.rule.id: {s.exercise for s in r.suspects} for r in report.results}
    assert {"elliptical", "rowing-machine"} <= found["machine-name-not-machine"]
    assert found["hinge-without-hip-extensors"]
    # The deadlift keeps free-exercise-db's prime movers (the erector spinae and the lats, no
    # hip extensor); without the layer it has no movement pattern either, since the inference
    # rules ran on the reviewed data, so the hinge check cannot see it: the facts show it.
    primary = {r["m"] for r in store.select(
        f"SELECT ?m WHERE {{ <{EXERCISE['barbell-deadlift']}> <{EXG.primaryMuscle}> ?m }}")}
    assert MUSCLE["erector-spinae"] in primary
    assert not {MUSCLE["glutes"], MUSCLE["gluteus-maximus"], MUSCLE["hamstrings"]} & primary


@pytest.mark.slow
def test_no_strength_exercise_without_a_primary_muscle_and_no_exception(
        full_store: Store) -> None:
    """Issue 22's "no strength exercise without a primary muscle", met without an excuse: the
    rule finds nothing on the served graph even with no exception at all, and the exceptions
    file holds none for it. The wger entries that are no exercise (a rest period, "cabel") are
    left out by the import (docs/data.md); one coming back, or a new strength exercise without
    a primary muscle, fails here."""
    report = run_checks(full_store, only=["no-primary-muscle"], exceptions={})
    assert [(s.exercise, s.detail) for s in report.results[0].suspects] == []
    assert not [e for (rule, e) in read_exceptions() if rule == "no-primary-muscle"]


@pytest.mark.slow
def test_coverage_of_the_strength_exercises(full_store: Store) -> None:
    """Issue 22: every exercise has one kind of activity; every strength or power exercise a
    primary muscle and a difficulty; equipment known (bodyweight stated) for >= 98 %."""
    facts = effective_facts(full_store)  # the records': one kind chosen by the precedence
    kinds = {e: f.get("activity_kind", Field({}, ())).get(EXG.activityKind)
             for e, f in facts.items()}
    assert all(len(k) == 1 for k in kinds.values()), [e for e, k in kinds.items() if len(k) != 1]
    strength = {e for e, k in kinds.items() if k & set(STRENGTH)}
    assert len(strength) > 1000
    no_primary = sorted(e for e in strength if not facts[e].get("muscles")
                        or not facts[e]["muscles"].get(EXG.primaryMuscle))
    assert no_primary == []
    assert all("difficulty" in facts[e] for e in strength)
    unknown = [e for e in strength if "equipment" not in facts[e]]
    assert len(unknown) / len(strength) <= 0.02, len(unknown)


@pytest.mark.slow
def test_machines_stay_out_of_no_machine_answers(full_store: Store) -> None:
    """The cardio machines the sources tagged bodyweight now require their machine."""
    for slug in ("elliptical", "rowing-machine", "stationary-bike", "treadmill-cardio",
                 "stairmaster", "smith-machine-overhead-shoulder-press"):
        assert full_store.ask(
            f"ASK {{ <{EXERCISE[slug]}> <{EXG.requiresEquipment}>/"
            "<http://www.w3.org/2004/02/skos/core#broader>* "
            "<https://w3id.org/exgraph/ontology#Machine> }"), slug


# -- the API's kind filter -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_app(full_store: Store) -> Flask:
    return create_app({"STORE": full_store})


@pytest.mark.slow
def test_the_kind_filter_of_the_exercise_list(full_app: Flask, full_store: Store) -> None:
    client = full_app.test_client()
    response = client.get("/api/v1/exercises?kind=cardio&limit=100")
    assert response.status_code == 200
    body = json.loads(response.data)
    ids = {item["id"] for item in body["items"]}
    assert "elliptical" in ids and "barbell-squat" not in ids
    expected = {str(e).removeprefix(str(EXERCISE)) for e, fields in
                effective_facts(full_store).items()
                if EXG.Cardio in fields.get("activity_kind", Field({}, ())).get(EXG.activityKind)}
    assert body["total"] == len(expected) and ids <= expected
    both = json.loads(client.get(
        "/api/v1/exercises?kind=cardio,stretching&limit=1").data)["total"]
    assert both > body["total"]
    bad = client.get("/api/v1/exercises?kind=yoga")
    assert bad.status_code == 400
    error = json.loads(bad.data)
    assert error["ok"] is False and error["status"] == 400 and "kind" in error["error"]


# -- the command ---------------------------------------------------------------------------------


def test_check_command_lists_its_rules_and_refuses_an_unknown_one() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["check", "--list"])
    assert listed.exit_code == 0 and "hinge-without-hip-extensors" in listed.output
    unknown = runner.invoke(main, ["check", "--rule", "no-such-rule"])
    assert unknown.exit_code == 1 and "unknown rule(s): no-such-rule" in unknown.output


# -- the fact audit's sample ---------------------------------------------------------------------


AUDIT_FILES = {"before": AUDIT, "after": AUDIT.with_name("fact-audit-after.tsv"),
               "fresh": AUDIT.with_name("fact-audit-fresh.tsv"),
               "fresh2": AUDIT.with_name("fact-audit-fresh2.tsv"),
               "fresh3": AUDIT.with_name("fact-audit-fresh3.tsv"),
               "fresh4": AUDIT.with_name("fact-audit-fresh4.tsv")}
AUDIT_SEEDS = {"before": 22, "after": 22, "fresh": 2026, "fresh2": 20261207, "fresh3": 20261208,
               "fresh4": 20261209}
AUDIT_FIELDS = {"muscles_ok": "muscles by role", "equipment_ok": "equipment",
                "difficulty_ok": "difficulty", "pattern_ok": "movement pattern"}
AUDIT_DOC = REPO / "docs" / "fact-audit.md"


def _audit_wrong(name: str) -> dict[str, int]:
    """The wrong count of each field (and of any field) of one judged sample, checked for form."""
    with AUDIT_FILES[name].open(encoding="utf-8") as handle:
        lines = handle.readlines()
    header = "".join(line for line in lines if line.startswith("#"))
    assert f"seed {AUDIT_SEEDS[name]})" in header and "docs/fact-audit.md" in header
    assert "2026-12-07" in header
    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")),
                               delimiter="\t"))
    assert len(rows) == 50 and len({r["exercise"] for r in rows}) == 50
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), row["exercise"]
        assert all(row[f] in ("ok", "wrong") for f in AUDIT_FIELDS), row["exercise"]
        if any(row[f] == "wrong" for f in AUDIT_FIELDS):
            assert row["note"].strip(), row["exercise"]
    wrong = {f: sum(r[f] == "wrong" for r in rows) for f in AUDIT_FIELDS}
    wrong["any"] = sum(any(r[f] == "wrong" for f in AUDIT_FIELDS) for r in rows)
    return wrong


@pytest.mark.parametrize("name", sorted(AUDIT_FILES))
def test_the_audit_sample_is_judged_field_by_field(name: str) -> None:
    wrong = _audit_wrong(name)
    if name == "before":
        # the rates the Before section of docs/fact-audit.md reports
        assert wrong == {"muscles_ok": 15, "equipment_ok": 14, "difficulty_ok": 14,
                         "pattern_ok": 2, "any": 34}


def test_the_audit_results_table_is_what_the_samples_say() -> None:
    text = AUDIT_DOC.read_text(encoding="utf-8")
    results = text[text.index("\n## Results"):]
    labels = {**{v: k for k, v in AUDIT_FIELDS.items()}, "any field": "any"}
    columns = ["before", "after", "fresh", "fresh2", "fresh3", "fresh4"]
    table: dict[str, dict[str, str]] = {}
    for line in results.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] in labels:
            table[labels[cells[0]]] = dict(zip(columns, cells[1:], strict=True))
    assert set(table) == set(labels.values())
    for name in columns:
        for field, count in _audit_wrong(name).items():
            assert table[field][name] == f"{count} ({round(100 * count / 50)} %)", (name, field)
