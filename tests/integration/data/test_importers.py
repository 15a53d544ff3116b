"""Importers: free-exercise-db and wger mapped onto the vocabulary, merged, validated, written
safely.

The real datasets come from ../shared (via the ``shared_dir`` fixture). They are imported once per
session into a copy of the curated data (without data/imported/), so the tests see exactly what
``exgraph import ... --into`` produces from the curated graph.
"""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.graph.load import load_graph, open_store
from exgraph.graph.store import Store
from exgraph.graph.validate import validate_graph
from exgraph.importers import free_exercise_db, wger, wger_text
from exgraph.importers.common import Summary
from exgraph.importers.mapping import Catalogue
from exgraph.importers.runner import imported_path, run_import, write_result
from exgraph.vocab.terms import EXERCISE, EXG, MUSCLE, SCHEMA, SOURCE
from tests.typed import iri

PREFIXES = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


# ---------------------------------------------------------------------------------------------
# Fixtures


def _copy_curated(target: Path) -> Path:
    """A copy of data/ without earlier imports (nor the reviewed layer, which reviews imported
    exercises): the graph the importers start from."""
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("imported", "reviewed"))
    return target


@pytest.fixture(scope="session")
def curated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read-only by convention: tests that write copy it first."""
    return _copy_curated(tmp_path_factory.mktemp("curated") / "data")


@pytest.fixture(scope="session")
def fedb_json(shared_dir: Path) -> Path:
    return shared_dir / "data" / "free-exercise-db" / "exercises.json"


@pytest.fixture(scope="session")
def wger_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "wger"


@dataclass
class Imported:
    data_dir: Path
    fedb: Summary
    wger: Summary
    store: Store  # the curated data with both imports, on Oxigraph


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    with lock.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def imported(tmp_path_factory: pytest.TempPathFactory, fedb_json: Path, wger_dir: Path) -> Imported:
    """Both real datasets imported, in order, into a copy of the curated data.

    The import runs once per test run, not once per xdist worker: the first worker writes it to
    the run's shared temporary folder under a lock, the others read the files. Validation of the
    whole result is one test of its own (the slowest step).
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    data_dir, summaries = shared / "imported" / "data", shared / "imported" / "summaries.pickle"
    with _exclusive(shared / "imported.lock"):
        if not summaries.exists():
            _copy_curated(data_dir)
            done = []
            for module, source in (
                (free_exercise_db, fedb_json), (wger, wger_dir),
            ):
                result = run_import(module.DATASET, module.read_records(source),
                                    module.dataset_source(), data_dir=data_dir, validate=False)
                write_result(result, into=data_dir)
                done.append(result.summary)
            summaries.write_bytes(pickle.dumps(done))
        fedb, wg = pickle.loads(summaries.read_bytes())
    return Imported(data_dir, fedb, wg, open_store("oxigraph", data_dir=data_dir, imported=True))


def _raw(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _values(store: Store, query: str) -> set[str]:
    return {str(v) for row in store.select(PREFIXES + query) for v in row.values()}


def _objects(store: Store, subject: URIRef, prop: URIRef) -> set[Node]:
    return {row["o"] for row in store.select(f"SELECT ?o WHERE {{ <{subject}> <{prop}> ?o }}")}


def _value(store: Store, subject: URIRef, prop: URIRef) -> Node:
    values = _objects(store, subject, prop)
    assert len(values) == 1, (subject, prop, values)
    return values.pop()


def _resource_of(store: Store, source: URIRef) -> URIRef:
    """The one exercise whose dcterms:source is this record source."""
    rows = store.select(
        PREFIXES + f"SELECT ?e WHERE {{ ?e a exg:Exercise ; dcterms:source <{source}> }}")
    assert len(rows) == 1, rows
    return iri(rows[0]["e"])


def _fedb_source(record_id: str) -> URIRef:
    from exgraph.vocab.names import slugify

    return SOURCE[f"free-exercise-db-{slugify(record_id)}"]


# ---------------------------------------------------------------------------------------------
# Summaries


@pytest.mark.shared
def test_free_exercise_db_summary(imported: Imported, fedb_json: Path) -> None:
    summary = imported.fedb
    raw = _raw(fedb_json)
    assert summary.read == len(raw)
    assert summary.mapped_ratio >= 0.99, summary.skipped
    assert summary.created + len(summary.merged) == summary.mapped
    merged = {ref.split("(", 1)[1]: iri for ref, iri in summary.merged}
    assert merged["'Pull Through')"] == EXERCISE["cable-pull-through"]
    assert merged["'Romanian Deadlift')"] == EXERCISE["romanian-deadlift"]
    both = sum(1 for r in raw if set(r["primaryMuscles"]) & set(r["secondaryMuscles"]))
    assert summary.notes["muscle listed as primary and secondary: kept primary"] == both
    assert summary.notes["equipment null: no exg:requiresEquipment"] == sum(
        1 for r in raw if r["equipment"] is None)
    assert summary.notes["equipment 'other': equipment:other"] == sum(
        1 for r in raw if r["equipment"] == "other")
    assert not summary.unmapped  # every muscle and equipment value resolved
    text = summary.text()
    assert f"{summary.read} records read" in text and "Pull Through" in text


@pytest.mark.shared
def test_wger_summary(imported: Imported, wger_dir: Path, catalogue: Catalogue) -> None:
    summary = imported.wger
    assert summary.read == len(_raw(wger_dir / "exercise-base-data.json"))
    assert summary.mapped_ratio >= 0.99, summary.skipped
    assert not summary.unmapped
    targets = Counter(iri for _ref, iri in summary.merged)
    assert targets[EXERCISE["cable-pull-through"]] >= 1
    # merged into free-exercise-db's resources too, not only into curated ones
    assert any(iri not in catalogue.exercises for iri in targets)
    # every collision got its own, different IRI
    assert len({iri for _ref, iri in summary.collisions}) == len(summary.collisions)


# ---------------------------------------------------------------------------------------------
# Mappings


@pytest.mark.shared
def test_pull_through_is_one_resource_with_both_sources(imported: Imported) -> None:
    store = imported.store
    sources = _values(store, """SELECT ?d WHERE {
        <https://w3id.org/exgraph/id/exercise/cable-pull-through> dcterms:source ?s .
        ?s dcterms:isPartOf ?d }""")
    assert sources == {str(SOURCE["free-exercise-db"]), str(SOURCE["wger"])}
    assert _values(store, """SELECT ?l WHERE {
        <https://w3id.org/exgraph/id/exercise/cable-pull-through> rdfs:label ?l }""") == {
        "Cable pull-through"}
    # no second resource is called "Pull Through"
    assert _values(store, """SELECT ?e WHERE { ?e a exg:Exercise ; rdfs:label ?l .
        FILTER(lcase(str(?l)) IN ("pull through", "cable pull through")) }""") == set()


@pytest.mark.shared
def test_curated_muscles_are_not_doubled_by_a_merge(imported: Imported) -> None:
    """Curated cable pull-through keeps exactly its own four muscle involvements."""
    involvements = _values(imported.store, """SELECT ?m WHERE {
        <https://w3id.org/exgraph/id/exercise/cable-pull-through> exg:muscleInvolvement ?m }""")
    assert len(involvements) == 4


@pytest.mark.shared
def test_wger_exercise_has_language_labels_license_and_author(imported: Imported,
                                                              wger_dir: Path) -> None:
    exercises = {e["pk"]: e["fields"] for e in _raw(wger_dir / "exercise-base-data.json")}
    licenses = {e["pk"]: e["fields"]["url"] for e in _raw(wger_dir / "licenses.json")}
    names: dict[int, dict[int, str]] = {}
    for t in _raw(wger_dir / "translations.json"):
        if t["model"] == "exercises.translation":
            translation = t["fields"]
            names.setdefault(translation["exercise"], {})[translation["language"]] = (
                translation["name"])
    merged = {ref for ref, _iri in imported.wger.merged}
    # the first exercise with an English and a German name and an author that became its own
    # resource
    pk = next(pk for pk in sorted(exercises) if {1, 2} <= set(names.get(pk, {}))
              and exercises[pk]["license_author"].strip()
              and not any(f"(pk {pk})" in ref for ref in merged))
    fields = exercises[pk]
    source = SOURCE[f"wger-exercise-{fields['uuid']}"]
    store = imported.store
    exercise = _resource_of(store, source)
    assert _value(store, exercise, RDFS.label) == Literal(names[pk][2].strip())
    assert Literal(names[pk][1].strip(), lang="de") in _objects(store, exercise, SKOS.prefLabel)
    assert Literal(names[pk][2].strip(), lang="en") in _objects(store, exercise, SKOS.prefLabel)
    assert _value(store, source, DCTERMS.license) == URIRef(licenses[fields["license"]])
    assert _value(store, source, DCTERMS.creator) == Literal(fields["license_author"].strip())
    assert _value(store, source, DCTERMS.rightsHolder) == Literal(fields["license_author"].strip())
    assert _value(store, source, DCTERMS.isPartOf) == SOURCE["wger"]


def _new_fedb_resource(imported: Imported, raw: list[dict[str, Any]], **match: Any) -> URIRef:
    """The resource created for the first record (by id) with these field values."""
    merged_refs = {ref for ref, _iri in imported.fedb.merged}
    for record in sorted(raw, key=lambda r: r["id"]):
        if all(record[k] == v for k, v in match.items()) and not any(
                f"({record['name']!r})" in ref for ref in merged_refs):
            return _resource_of(imported.store, _fedb_source(record["id"]))
    raise AssertionError(f"no record with {match}")


@pytest.mark.shared
@pytest.mark.parametrize("equipment, category, is_machine", [
    ("machine", "Machine", True),
    ("cable", "CableSystem", False),
    ("body only", "Bodyweight", False),
    ("other", "OtherEquipment", False),
])
def test_equipment_lands_in_its_category(imported: Imported, fedb_json: Path, equipment: str,
                                         category: str, is_machine: bool) -> None:
    exercise = _new_fedb_resource(imported, _raw(fedb_json), equipment=equipment)
    ask = PREFIXES + "ASK {{ <{e}> exg:requiresEquipment/skos:broader* exg:{c} }}"
    assert imported.store.ask(ask.format(e=exercise, c=category))
    assert imported.store.ask(ask.format(e=exercise, c="Machine")) is is_machine


@pytest.mark.shared
@pytest.mark.parametrize("level, difficulty", [
    ("beginner", EXG.Low), ("intermediate", EXG.Moderate), ("expert", EXG.High)])
def test_level_becomes_difficulty(imported: Imported, fedb_json: Path, level: str,
                                  difficulty: URIRef) -> None:
    exercise = _new_fedb_resource(imported, _raw(fedb_json), level=level)
    assert _objects(imported.store, exercise, EXG.difficulty) == {difficulty}


@pytest.mark.shared
def test_muscle_in_both_roles_stays_primary(imported: Imported, fedb_json: Path) -> None:
    raw = _raw(fedb_json)
    record = next(r for r in sorted(raw, key=lambda r: r["id"])
                  if set(r["primaryMuscles"]) & set(r["secondaryMuscles"]))
    exercise = _resource_of(imported.store, _fedb_source(record["id"]))
    primary = _objects(imported.store, exercise, EXG.primaryMuscle)
    assert not primary & _objects(imported.store, exercise, EXG.secondaryMuscle)
    assert len(primary) == len(record["primaryMuscles"])


@pytest.mark.shared
def test_instructions_become_ordered_steps(imported: Imported, fedb_json: Path) -> None:
    record = next(r for r in sorted(_raw(fedb_json), key=lambda r: r["id"])
                  if len(r["instructions"]) >= 3)
    exercise = _resource_of(imported.store, _fedb_source(record["id"]))
    rows = imported.store.select(PREFIXES + f"""SELECT ?p ?t WHERE {{
        <{exercise}> exg:step ?s . ?s exg:position ?p ; exg:text ?t }} ORDER BY ?p""")
    assert [str(r["t"]) for r in rows] == [s.strip() for s in record["instructions"] if s.strip()]


@pytest.mark.shared
def test_pictures_link_to_the_dataset_repository_with_its_licence(imported: Imported,
                                                                 fedb_json: Path) -> None:
    records = sorted(_raw(fedb_json), key=lambda r: r["id"])
    for record in [records[0], next(r for r in records if r["name"] == "Pull Through")]:
        exercise = _resource_of(imported.store, _fedb_source(record["id"]))
        images = _objects(imported.store, exercise, SCHEMA.image)
        assert images == {URIRef(free_exercise_db.IMAGE_BASE + path)
                          for path in record["images"]}  # merged ones get them too
        for image in images:
            assert _value(imported.store, iri(image), DCTERMS.license) == \
                free_exercise_db.LICENSE
            assert _value(imported.store, iri(image), DCTERMS.source) == \
                _fedb_source(record["id"])


@pytest.mark.shared
def test_variation_group_members_are_alternatives_of_each_other(imported: Imported,
                                                                wger_dir: Path) -> None:
    groups: dict[str, list[str]] = {}
    for e in _raw(wger_dir / "exercise-base-data.json"):
        if e["fields"]["variation_group"]:
            groups.setdefault(e["fields"]["variation_group"], []).append(e["fields"]["uuid"])
    members = max(groups.values(), key=len)
    resources = {_resource_of(imported.store, SOURCE[f"wger-exercise-{u}"]) for u in members}
    assert len(resources) > 2
    for a in resources:
        assert _objects(imported.store, a, EXG.alternative) >= resources - {a}


@pytest.mark.shared
def test_reference_question_still_answers_cable_pull_through(imported: Imported) -> None:
    rows = imported.store.select(PREFIXES + """SELECT ?alt WHERE {
        ?ex rdfs:label ?l . FILTER(lcase(str(?l)) = "machine back extension")
        ?ex exg:alternative ?alt . ?alt exg:difficulty exg:Low .
        FILTER NOT EXISTS { ?alt exg:requiresEquipment/skos:broader* exg:Machine } }""")
    assert [r["alt"] for r in rows] == [EXERCISE["cable-pull-through"]]


EXPECTED_MUSCLES = {
    # free-exercise-db's 17 groups
    "abdominals": "abdominals", "abductors": "abductors", "adductors": "adductors",
    "biceps": "biceps", "calves": "calves", "chest": "chest", "forearms": "forearms",
    "glutes": "glutes", "hamstrings": "hamstrings", "lats": "lats",
    "lower back": "erector-spinae", "middle back": "middle-back", "neck": "neck",
    "quadriceps": "quadriceps", "shoulders": "shoulders", "traps": "traps", "triceps": "triceps",
    # wger's 16 muscles
    "Biceps brachii": "biceps", "Anterior deltoid": "anterior-deltoid",
    "Serratus anterior": "serratus-anterior", "Pectoralis major": "pectoralis-major",
    "Triceps brachii": "triceps", "Rectus abdominis": "rectus-abdominis",
    "Gastrocnemius": "gastrocnemius", "Gluteus maximus": "gluteus-maximus", "Trapezius": "traps",
    "Quadriceps femoris": "quadriceps", "Biceps femoris": "biceps-femoris",
    "Latissimus dorsi": "lats", "Brachialis": "brachialis",
    "Obliquus externus abdominis": "obliques", "Soleus": "soleus",
    "Erector spinae": "erector-spinae",
}


@pytest.fixture(scope="session")
def catalogue(curated_dir: Path) -> Catalogue:
    return Catalogue(load_graph(data_dir=curated_dir))


@pytest.mark.parametrize("name, slug", sorted(EXPECTED_MUSCLES.items()))
def test_dataset_muscle_names_resolve(catalogue: Catalogue, name: str, slug: str) -> None:
    assert catalogue.muscle(name) == MUSCLE[slug]


@pytest.mark.parametrize("name, slug", [
    ("machine", "machine"), ("cable", "cable-station"), ("Cable machine", "cable-station"),
    ("body only", "bodyweight"), ("none (bodyweight exercise)", "bodyweight"),
    ("e-z curl bar", "ez-curl-bar"), ("SZ-Bar", "ez-curl-bar"), ("Swiss Ball", "exercise-ball"),
    ("kettlebells", "kettlebell"), ("bands", "resistance-band"), ("foam roll", "foam-roller"),
    ("other", "other"), ("Incline bench", "incline-bench"), ("Pull-up bar", "pull-up-bar"),
])
def test_dataset_equipment_names_resolve(catalogue: Catalogue, name: str, slug: str) -> None:
    assert str(catalogue.equipment(name)).endswith(f"/equipment/{slug}")


# ---------------------------------------------------------------------------------------------
# Determinism, validation


@pytest.mark.shared
def test_reimport_gives_the_same_bytes(imported: Imported, fedb_json: Path) -> None:
    """Re-importing beside its own previous output (and wger's) changes nothing."""
    again = run_import("free-exercise-db", free_exercise_db.read_records(fedb_json),
                       free_exercise_db.dataset_source(), data_dir=imported.data_dir,
                       validate=False)
    assert again.data == imported_path(imported.data_dir, "free-exercise-db").read_bytes()


@pytest.mark.shared
@pytest.mark.slow
def test_bundled_graph_with_both_imports_conforms(imported: Imported) -> None:
    report = validate_graph(load_graph(data_dir=imported.data_dir, imported=True))
    assert report.conforms, report.text[:5000]


def test_plain_text_of_wger_html() -> None:
    html = "<p>Lie down &amp; <b>brace</b>.</p>\n<ul><li>one</li><li>two</li></ul>"
    assert wger_text.plain_text(html) == "Lie down & brace.\none\ntwo"


# ---------------------------------------------------------------------------------------------
# Small crafted datasets: ambiguity, collisions, the CLI, bad input


def _fedb_record(name: str, record_id: str | None = None, **fields: Any) -> dict[str, Any]:
    record = {
        "name": name, "id": record_id or name.replace(" ", "_"), "force": "pull",
        "level": "beginner", "mechanic": "compound", "equipment": "machine",
        "primaryMuscles": ["lats"], "secondaryMuscles": ["biceps"],
        "instructions": ["Sit down.", "Pull."], "category": "strength", "images": [],
    }
    record.update(fields)
    return record


TWINS = """
@prefix exg: <https://w3id.org/exgraph/ontology#> .
@prefix exercise: <https://w3id.org/exgraph/id/exercise/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix src: <https://w3id.org/exgraph/id/source/> .
exercise:twin-row-a a exg:Exercise ; rdfs:label "Twin row A" ; skos:prefLabel "Twin row A" ;
    skos:altLabel "Twin row" ; dcterms:source src:curated .
exercise:twin-row-b a exg:Exercise ; rdfs:label "Twin row B" ; skos:prefLabel "Twin row B" ;
    skos:altLabel "Twin rows" ; dcterms:source src:curated .
exercise:solo-curl a exg:Exercise ; rdfs:label "Lonely curl" ; skos:prefLabel "Lonely curl" ;
    dcterms:source src:curated .
"""


@pytest.fixture
def data_dir(curated_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the curated data, with two exercises that share a name."""
    target = shutil.copytree(curated_dir, tmp_path / "data")
    (target / "twins.ttl").write_text(TWINS, encoding="utf-8")
    return target


def _invoke(*args: str | Path) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_ambiguous_match_and_slug_collision_are_reported(tmp_path: Path, data_dir: Path) -> None:
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps([
        _fedb_record("Twin Row"), _fedb_record("Solo Curl"), _fedb_record("Pull through"),
    ]))
    result = _invoke("import", "free-exercise-db", dataset, "--into", data_dir)
    assert result.exit_code == 0, result.output
    out = Graph().parse(imported_path(data_dir, "free-exercise-db"))
    summary = result.stderr
    assert "ambiguous, given their own resource (1)" in summary
    assert "exercise:twin-row-a" in summary and "exercise:twin-row-b" in summary
    # the ambiguous record got a new resource of its own; the twins got nothing
    assert out.value(EXERCISE["twin-row"], RDFS.label) == Literal("Twin Row")
    assert (EXERCISE["twin-row-a"], None, None) not in out
    # "Solo Curl" is a different exercise from curated exercise:solo-curl ("Lonely curl")
    assert "slug collisions, disambiguated (1)" in summary
    assert out.value(EXERCISE["solo-curl-fedb-solo-curl"], RDFS.label) == Literal("Solo Curl")
    assert (EXERCISE["solo-curl"], None, None) not in out
    assert "'Pull through') -> exercise:cable-pull-through" in summary


def _tiny_wger(folder: Path, shared_wger: Path, exercises: list[dict[str, Any]],
               translations: list[dict[str, Any]]) -> Path:
    folder.mkdir()
    for name in ("muscles.json", "equipment.json", "categories.json", "licenses.json",
                 "languages.json"):
        shutil.copy(shared_wger / name, folder / name)
    (folder / "exercise-base-data.json").write_text(json.dumps(exercises))
    (folder / "translations.json").write_text(json.dumps(translations))
    return folder


def _wger_exercise(pk: int, group: str | None = None, **fields: Any) -> dict[str, Any]:
    base = {"license": 1, "license_author": f"author{pk}", "uuid": f"0000-{pk}", "category": 10,
            "variation_group": group, "muscles": [12], "muscles_secondary": [1, 12],
            "equipment": [12]}
    base.update(fields)
    return {"model": "exercises.exercise", "pk": pk, "fields": base}


def _wger_translation(pk: int, exercise: int, language: int, name: str) -> dict[str, Any]:
    return {"model": "exercises.translation", "pk": pk, "fields": {
        "license": 2, "license_author": "translator", "uuid": f"t-{pk}", "name": name,
        "description": f"<p>How to do {name}.</p>", "language": language, "exercise": exercise}}


@pytest.mark.shared
def test_wger_cli_import_is_idempotent_and_links_groups(tmp_path: Path, data_dir: Path,
                                                        wger_dir: Path) -> None:
    folder = _tiny_wger(tmp_path / "wger", wger_dir, [
        _wger_exercise(1, "g"), _wger_exercise(2, "g"), _wger_exercise(3, "g"),
    ], [
        _wger_translation(10, 1, 2, "Rope Row"), _wger_translation(11, 1, 1, "Seilrudern"),
        _wger_translation(12, 2, 2, "Rope Row"),  # the same name: a different record
        _wger_translation(13, 3, 1, "Nur Deutsch"),  # no English name
        {"model": "exercises.alias", "pk": 5, "fields": {"uuid": "a", "translation": 10,
                                                         "alias": "Cable rope row"}},
    ])
    first = _invoke("import", "wger", folder, "--into", data_dir)
    assert first.exit_code == 0, first.output
    written = imported_path(data_dir, "wger").read_bytes()
    second = _invoke("import", "wger", folder, "--into", data_dir)
    assert second.exit_code == 0, second.output
    assert imported_path(data_dir, "wger").read_bytes() == written

    out = Graph().parse(data=written, format="turtle")
    rope, rope2, german = EXERCISE["rope-row"], EXERCISE["rope-row-wger-2"], EXERCISE["nur-deutsch"]
    assert set(out.objects(rope, SKOS.prefLabel)) == {Literal("Rope Row", lang="en"),
                                                      Literal("Seilrudern", lang="de")}
    assert Literal("Cable rope row", lang="en") in set(out.objects(rope, SKOS.altLabel))
    assert out.value(german, RDFS.label) == Literal("Nur Deutsch")
    assert "no English name: rdfs:label in de" in first.stderr
    assert set(out.objects(rope, EXG.alternative)) == {rope2, german}
    assert set(out.objects(rope, EXG.primaryMuscle)) == {MUSCLE.lats}
    assert set(out.objects(rope, EXG.secondaryMuscle)) == {MUSCLE.biceps}  # lats stays primary
    assert out.value(rope, EXG.summary) == Literal("How to do Rope Row.")
    translation = SOURCE["wger-translation-t-10"]
    assert translation in set(out.objects(rope, DCTERMS.source))
    assert out.value(translation, DCTERMS.creator) == Literal("translator")


def test_stdout_output_without_a_target(tmp_path: Path, curated_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("exgraph.importers.runner.DATA_DIR", curated_dir)
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps([_fedb_record("Odd Row", level="expert")]))
    result = _invoke("import", "free-exercise-db", dataset)
    assert result.exit_code == 0, result.output
    out = Graph().parse(data=result.stdout, format="turtle")
    assert out.value(EXERCISE["odd-row"], EXG.difficulty) == EXG.High
    assert "1 records read, 1 mapped" in result.stderr
    assert not (curated_dir / "imported").exists()


def test_output_and_into_together_is_a_usage_error(tmp_path: Path, data_dir: Path) -> None:
    result = _invoke("import", "free-exercise-db", tmp_path / "x.json", "-o", tmp_path / "o.ttl",
                     "--into", data_dir)
    assert result.exit_code == 2
    assert "not both" in result.output


def test_too_few_mapped_records_fail_unless_allowed(tmp_path: Path, data_dir: Path) -> None:
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps([_fedb_record("Good Row"), _fedb_record("???", record_id="q")]))
    failed = _invoke("import", "free-exercise-db", dataset, "--into", data_dir)
    assert failed.exit_code == 1
    assert "only 1 of 2 records mapped" in failed.output
    assert "record 2 ('???'): no usable name" in failed.output
    assert not imported_path(data_dir, "free-exercise-db").exists()
    allowed = _invoke("import", "free-exercise-db", dataset, "--into", data_dir,
                      "--min-mapped", "0.5")
    assert allowed.exit_code == 0, allowed.output
    assert "skipped (1)" in allowed.stderr


BAD_FEDB = {
    "malformed JSON": ('[{"name": "Row",', "exercises.json: malformed JSON at line 1"),
    "missing field": (
        json.dumps([_fedb_record("Good Row"),
                    {k: v for k, v in _fedb_record("3/4 Sit-Up").items()
                     if k != "primaryMuscles"}]),
        "exercises.json: record 2 ('3/4 Sit-Up'): field 'primaryMuscles' missing",
    ),
    "wrong type": (json.dumps([_fedb_record("Row", secondaryMuscles="lats")]),
                   "record 1 ('Row'): field 'secondaryMuscles' should be list, got a string"),
    "unknown level": (json.dumps([_fedb_record("Row", level="godlike")]),
                      "record 1 ('Row'): field 'level' is 'godlike'"),
    "not a list": (json.dumps({"name": "Row"}), "exercises.json: expected a JSON array"),
    "repeated id": (json.dumps([_fedb_record("Row", "x"), _fedb_record("Other", "x")]),
                    "record 2 ('Other'): id 'x' repeats exercises.json: record 1 ('Row')"),
}


@pytest.mark.parametrize("case", sorted(BAD_FEDB))
def test_bad_free_exercise_db_input_writes_nothing(tmp_path: Path, data_dir: Path,
                                                   case: str) -> None:
    text, message = BAD_FEDB[case]
    dataset = tmp_path / "exercises.json"
    dataset.write_text(text)
    previous = imported_path(data_dir, "free-exercise-db")
    previous.parent.mkdir()
    previous.write_bytes(b"# the previous import\n")
    output = tmp_path / "out.ttl"
    targets: tuple[list[str | Path], ...] = (["--into", data_dir], ["-o", output])
    for target in targets:
        result = _invoke("import", "free-exercise-db", dataset, *target)
        assert result.exit_code == 1, result.output
        assert message in result.output
    assert previous.read_bytes() == b"# the previous import\n"
    assert not output.exists()
    assert sorted(p.name for p in previous.parent.iterdir()) == [previous.name]  # no temp files


@pytest.mark.shared
@pytest.mark.parametrize("case, message", [
    ("missing file", "licenses.json: no such file"),
    ("missing field", "exercise-base-data.json: record 1 (pk 1): field 'muscles' missing"),
    ("unknown muscle id",
     "exercise-base-data.json: record 1 (pk 1): muscles: muscle 99 is not in muscles.json"),
    ("unknown exercise",
     "translations.json: record 1 (pk 10): exercise 7 is not in exercise-base-data.json"),
])
def test_bad_wger_input_writes_nothing(tmp_path: Path, data_dir: Path, wger_dir: Path,
                                       case: str, message: str) -> None:
    exercise = _wger_exercise(1)
    translation = _wger_translation(10, 1, 2, "Row")
    if case == "missing field":
        del exercise["fields"]["muscles"]
    elif case == "unknown muscle id":
        exercise["fields"]["muscles"] = [99]
    elif case == "unknown exercise":
        translation["fields"]["exercise"] = 7
    folder = _tiny_wger(tmp_path / "wger", wger_dir, [exercise], [translation])
    if case == "missing file":
        (folder / "licenses.json").unlink()
    result = _invoke("import", "wger", folder, "--into", data_dir)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert not (data_dir / "imported").exists()


def test_import_that_would_not_validate_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    # a curated exercise without rdfs:label: the whole graph with the import does not conform
    (data_dir / "broken.ttl").write_text(
        "@prefix exg: <https://w3id.org/exgraph/ontology#> .\n"
        "<https://w3id.org/exgraph/id/exercise/nameless> a exg:Exercise .\n")
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps([_fedb_record("Good Row")]))
    result = _invoke("import", "free-exercise-db", dataset, "--into", data_dir)
    assert result.exit_code == 1
    assert "does not validate" in result.output and "exercise:nameless" in result.output
    assert not (data_dir / "imported").exists()


def test_summary_text_lists_every_kind_of_outcome() -> None:
    summary = Summary("demo", read=3, created=1)
    summary.merged.append(("r1", EXERCISE["a"]))
    summary.skipped.append(("r3", "no usable name"))
    summary.unmapped["muscle 'x'"] += 2
    text = summary.text()
    assert text.splitlines()[0] == ("demo: 3 records read, 2 mapped (66.7%): 1 new resources, "
                                    "1 merged into existing ones, 1 skipped")
    assert "r1 -> exercise:a" in text and "r3: no usable name" in text and "muscle 'x'" in text



@pytest.mark.shared
@pytest.mark.parametrize("dataset", ["free-exercise-db", "wger"])
def test_committed_imports_are_what_the_importers_produce(imported: Imported,
                                                          dataset: str) -> None:
    """data/imported/ is generated: it must be regenerated when the importers or curated data
    change (`exgraph import ... --into data`, see the README)."""
    committed = DATA_DIR / "imported" / f"{dataset}.ttl"
    assert committed.read_bytes() == imported_path(imported.data_dir, dataset).read_bytes(), (
        f"{committed} is stale: re-run the import with --into data")
