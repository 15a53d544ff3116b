"""The exercise record: one precedence, read by every surface, built once per data generation.

* every exercise of the served graph: the document, the substitutes engine and the plan
  builder read the same primary muscles, equipment, difficulty and movement pattern;
* the precedence table on a small store of several named graphs: a reviewed muscle list
  replaces the imports' whole (no per-muscle union), an additive list merges;
* start-up on unchanged data reads the records back instead of rebuilding them; an update
  rebuilds them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from exgraph.graph.store import OxigraphStore, Store
from exgraph.plans import facts_for, plan_for
from exgraph.queries.documents import exercise_document
from exgraph.queries.substitutes import engine_for
from exgraph.records import build as records_build
from exgraph.records import records_for
from exgraph.records.precedence import FIELDS, MERGED, WHOLE, rank
from exgraph.vocab.terms import EXERCISE
from tests.paths import REPO


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _facts_of_document(doc: dict[str, Any], group_of: dict[str, str]) -> dict[str, Any]:
    """What the document says, in the engine's terms (muscle groups, local names)."""
    return {
        "primary": {group_of.get(m["id"], m["id"]) for m in doc["muscles"]["primary"]},
        "equipment": {_local(e["iri"]) for e in doc["equipment"]},
        "difficulty": set(doc["difficulty"]),
        "pattern": _local(doc["movement_pattern"]["iri"]) if doc["movement_pattern"] else None,
    }


def test_document_engine_and_plan_builder_read_the_same_facts(full_store: Store) -> None:
    """Every exercise of the served graph: its JSON document and the engine (whose Exercise
    objects the plan builder ranks and checks) agree on the four facts a plan and a
    substitute depend on; the plan facts' programming is the document's."""
    found = records_for(full_store)
    engine, facts = engine_for(full_store), facts_for(full_store)
    assert len(found.records) > 1400  # 1,499 after the merges of stop 30
    problems = []
    for slug in sorted(found.records):
        doc = exercise_document(full_store, EXERCISE[slug])
        said = _facts_of_document(doc, found.group_of)
        ex = engine.exercises[slug]
        read = {"primary": set(ex.primary), "equipment": set(ex.equipment),
                "difficulty": set(ex.levels), "pattern": ex.pattern}
        if said != read:
            problems.append(f"{slug}: document {said} engine {read}")
        own = {goal: g for (s, goal), g in facts.programming.items() if s == slug}
        rows = {r["goal"]: r for r in doc["programming"]}
        for goal, guideline in own.items():
            if (rows[goal]["sets"]["min"], rows[goal]["sets"]["max"]) != guideline.sets:
                problems.append(f"{slug}: {goal} sets differ")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("goal", ["hypertrophy", "strength"])
def test_a_built_plan_shows_each_exercise_as_its_document_does(full_store: Store,
                                                               goal: str) -> None:
    """The plan builder's own output: every exercise it picks has the document's facts."""
    found = records_for(full_store)
    plan = plan_for(full_store, {"goal": goal, "days": "3",
                                 "equipment": "barbell,dumbbell,bench,cable-station"})
    items = [item for day in plan.days for item in day.items]
    assert items
    for item in items:
        ex = item.exercise
        said = _facts_of_document(exercise_document(full_store, EXERCISE[ex.slug]),
                                  found.group_of)
        assert said == {"primary": set(ex.primary), "equipment": set(ex.equipment),
                        "difficulty": set(ex.levels), "pattern": ex.pattern}, ex.slug


def test_a_whole_field_comes_from_one_source_and_the_rest_stays_reachable(
        full_store: Store) -> None:
    """wger names the lats as the Romanian deadlift's prime mover; the reviewed layer and the
    curated data do not. The record takes the reviewed list whole; the curated data's and wger's
    stay under by_source."""
    doc = exercise_document(full_store, EXERCISE["romanian-deadlift"])
    primary = {m["id"] for m in doc["muscles"]["primary"]}
    assert "lats" not in primary and {"hamstrings", "glutes"} <= primary
    assert doc["provenance"]["muscles"] == ["reviewed-hinge"]
    assert "muscles" in doc["by_source"]["curated"]
    wger = doc["by_source"]["wger"]["muscles"]["primary"]
    assert "lats" in {m["id"] for m in wger}
    assert "wger" in doc["value_sources"]["muscles"]["lats"]  # (the review: a stabilizer)


TRIG = """\
@prefix exg: <https://w3id.org/exgraph/ontology#> .
@prefix exercise: <https://w3id.org/exgraph/id/exercise/> .
@prefix muscle: <https://w3id.org/exgraph/id/muscle/> .
@prefix equipment: <https://w3id.org/exgraph/id/equipment/> .
@prefix src: <https://w3id.org/exgraph/id/source/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

src:wger {
  exercise:rdl a exg:Exercise ; rdfs:label "RDL" ; skos:altLabel "Stiff hinge" ;
    exg:requiresEquipment equipment:barbell ; exg:difficulty exg:High ;
    exg:muscleInvolvement exercise:rdl\\/wger\\/muscle\\/lats,
      exercise:rdl\\/wger\\/muscle\\/glutes .
  exercise:rdl\\/wger\\/muscle\\/lats exg:muscle muscle:lats ; exg:role exg:Primary .
  exercise:rdl\\/wger\\/muscle\\/glutes exg:muscle muscle:glutes ; exg:role exg:Primary .
}
src:free-exercise-db {
  exercise:rdl a exg:Exercise ; rdfs:label "Romanian Deadlift" ; skos:altLabel "RDL lift" ;
    exg:difficulty exg:Moderate ;
    exg:muscleInvolvement exercise:rdl\\/free-exercise-db\\/muscle\\/hamstrings .
  exercise:rdl\\/free-exercise-db\\/muscle\\/hamstrings exg:muscle muscle:hamstrings ;
    exg:role exg:Primary .
}
src:reviewed-hinge {
  exercise:rdl exg:laterality exg:Bilateral ; exg:activityKind exg:StrengthTraining ;
    exg:muscleInvolvement exercise:rdl\\/reviewed\\/muscle\\/gluteus-maximus ;
    exg:rationale exercise:rdl\\/reviewed\\/rationale\\/primary-muscle .
  exercise:rdl\\/reviewed\\/muscle\\/gluteus-maximus exg:muscle muscle:gluteus-maximus ;
    exg:role exg:Primary ; dcterms:source src:reviewed-hinge .
  exercise:rdl\\/reviewed\\/rationale\\/primary-muscle exg:aboutProperty exg:primaryMuscle ;
    exg:reason "The hip extensors move the load; the lats only hold the bar close." .
}
src:inferred-pattern { exercise:rdl exg:movementPattern exg:HipHinge . }
"""


@pytest.fixture()
def small() -> Store:
    ox_store = ox.Store()
    ox_store.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    ox_store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return OxigraphStore(ox_store)


def test_the_precedence_table_on_a_store_of_several_sources(small: Store) -> None:
    record = records_for(small).records["rdl"]
    # muscles: the reviewed list whole — neither wger's lats nor free-exercise-db's hamstrings
    assert record.muscle_ids("primary") == ["gluteus-maximus"]
    assert record.provenance["muscles"] == ["reviewed-hinge"]
    wger = record.by_source["wger"]["muscles"]["primary"]
    assert {m["id"] for m in wger} == {"lats", "glutes"}
    # difficulty: wger before free-exercise-db (the default order), whole
    assert record.difficulty == ["high"] and record.provenance["difficulty"] == ["wger"]
    # the new fields, from the reviewed layer
    assert record.laterality == "bilateral" and record.activity_kind == "strength-training"
    assert record.rationale == [{"property": "primaryMuscle", "reason":
                                 "The hip extensors move the load; the lats only hold the "
                                 "bar close."}]
    # a pattern only an inference rule states is used, and marked inferred
    assert record.movement_pattern is not None and record.movement_pattern_inferred
    # synonyms are additive: both sources' altLabels, each once
    assert [s["name"] for s in record.synonyms] == ["RDL lift", "Stiff hinge"]
    assert record.value_sources["synonyms"]["\tStiff hinge"] == ["wger"]


def test_the_table_orders_every_field() -> None:
    """Reviewed before articles before curated data before imports before inferences, for
    every field; muscles put free-exercise-db before wger, the rest wger first."""
    for name, rule in FIELDS.items():
        assert rule.mode in (WHOLE, MERGED)
        chain = ["reviewed-x", "article-y", "curated", "unknown-source", "inferred-z"]
        assert sorted(chain, key=lambda s: rank(name, s)) == chain, name
    assert rank("muscles", "free-exercise-db") < rank("muscles", "wger")
    assert rank("equipment", "wger") < rank("equipment", "free-exercise-db")


def test_start_up_on_unchanged_data_reads_the_records_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two starts on the same files: the first builds the records and writes them beside the
    snapshot, the second reads them back (the builder is not called); an update rebuilds."""
    from exgraph.graph.load import open_store

    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    real = records_build.build_records

    def counting(store: Store) -> Any:
        calls.append(1)
        return real(store)

    monkeypatch.setattr(records_build, "build_records", counting)
    first = open_store("oxigraph", imported=False)
    built = records_for(first)
    assert len(calls) == 1
    assert list(tmp_path.glob("derived-records-*.json"))
    second = open_store("oxigraph", imported=False)
    assert second.snapshot_key == first.snapshot_key is not None
    read_back = records_for(second)
    assert len(calls) == 1, "the second start rebuilt the records"
    assert read_back.records == built.records
    assert isinstance(second, OxigraphStore)
    exercise = URIRef(EXERCISE["machine-back-extension"])
    second.ox.update(f'INSERT DATA {{ <{exercise}> <https://w3id.org/exgraph/ontology#force> '
                     '"pull" }')
    second.bump()
    assert records_for(second).records["machine-back-extension"].force == "pull"
    assert len(calls) == 2


def test_a_damaged_record_entry_is_rebuilt(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from exgraph.graph.load import open_store

    monkeypatch.setenv("EXGRAPH_CACHE_DIR", str(tmp_path))
    records_for(open_store("oxigraph", imported=False))
    (entry,) = tmp_path.glob("derived-records-*.json")
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-10])
    again = records_for(open_store("oxigraph", imported=False))
    assert "machine-back-extension" in again.records
    # written whole again: the next start reads it back instead of building
    monkeypatch.setattr(records_build, "build_records", _no_build)
    assert records_for(open_store("oxigraph", imported=False)).records == again.records
    assert len(entry.read_bytes()) > len(whole) - 10


def _no_build(store: Store) -> Any:
    raise AssertionError("the records were built, not read back")


def test_the_sparql_of_the_docs_gives_the_records_fields(full_store: Store) -> None:
    """docs/records.md's queries, run as written: every one answers, and the record's muscles,
    difficulty, steps and synonyms are what they say."""
    text = (REPO / "docs" / "records.md").read_text()
    queries = [block.split("```", 1)[0] for block in text.split("```sparql\n")[1:]]
    assert len(queries) == 5
    for query in queries:
        assert full_store.select(query)  # every example runs and answers
    every, muscles, difficulty, steps, synonyms = queries
    records = records_for(full_store).records
    record = records["romanian-deadlift"]
    sources = {str(r["source"]) for r in full_store.select(every)}
    assert set(record.value_sources["muscles"]["hamstrings"]) <= sources
    rows = full_store.select(muscles)
    got = {(_local(str(r["role"])).lower(), _local(str(r["muscle"]))) for r in rows}
    assert got == {(role, m) for role in ("primary", "secondary", "stabilizer")
                   for m in record.muscle_ids(role)}
    assert {str(r["source"]) for r in rows} == set(record.provenance["muscles"])
    rows = full_store.select(difficulty)
    assert [_local(str(r["difficulty"])).lower() for r in rows] == record.difficulty
    assert {str(r["source"]) for r in rows} == set(record.provenance["difficulty"])
    assert [str(r["text"]) for r in full_store.select(steps)] == \
        records["machine-back-extension"].steps
    assert sorted((str(r["lang"]), str(r["name"])) for r in full_store.select(synonyms)) == \
        sorted((s["lang"] or "", s["name"]) for s in record.synonyms)


def test_the_exercise_list_filters_and_shows_by_the_record(full_store: Store) -> None:
    """/api/v1/exercises?muscle=lats&role=primary: the union of the sources lists the Romanian
    deadlift there (wger); its record (the curated list, whole) does not, so neither does the
    list. Every item shows its record's difficulty and equipment."""
    from exgraph.web.app import create_app

    client = create_app({"STORE": full_store}).test_client()
    union = full_store.ask("""PREFIX exg: <https://w3id.org/exgraph/ontology#>
        ASK { <https://w3id.org/exgraph/id/exercise/romanian-deadlift> exg:muscleInvolvement ?i .
              ?i exg:muscle <https://w3id.org/exgraph/id/muscle/lats> ; exg:role exg:Primary }""")
    assert union  # the sources do disagree
    body = client.get("/api/v1/exercises?muscle=lats&role=primary&limit=1000").get_json()
    ids = {item["id"] for item in body["items"]}
    assert ids and "romanian-deadlift" not in ids
    records = records_for(full_store).records
    for item in body["items"]:
        record = records[item["id"]]
        assert "lats" in record.muscle_ids("primary") or any(
            records_for(full_store).group_of.get(m) == "lats"
            for m in record.muscle_ids("primary")), item["id"]
        assert item["difficulty"] == record.difficulty
        assert [e["id"] for e in item["equipment"]] == [e["id"] for e in record.equipment]


def test_the_engine_reads_laterality_and_activity_kind_from_the_record(
        full_store: Store) -> None:
    """Every exercise whose record states a laterality or an activity kind has it in the
    substitutes engine too. The standing pancake was a stretch by the reviewed layer and strength
    training by an inference rule, and any source's kind used to count (a training kind
    winning), so the engine ranked it among lifts; since the inferences are regenerated on the
    reviewed data (tests/integration/data/test_inferred_current.py) no rule restates a kind the
    layer gives, and the engine must still follow the record."""
    from exgraph.queries.substitutes import ACTIVITY_KINDS

    engine, records = engine_for(full_store), records_for(full_store).records
    union = full_store.select("""PREFIX exg: <https://w3id.org/exgraph/ontology#>
        SELECT DISTINCT ?k WHERE {
          <https://w3id.org/exgraph/id/exercise/standing-pancake> exg:activityKind ?k }""")
    assert {_local(str(r["k"])) for r in union} == {"Stretching"}
    assert records["standing-pancake"].activity_kind == "stretching"
    problems = []
    stated = 0
    for slug, record in records.items():
        ex = engine.exercises[slug]
        if record.laterality:
            stated += 1
            if (ex.laterality, ex.laterality_stated) != (record.laterality, True):
                problems.append(f"{slug}: laterality {ex.laterality}, record {record.laterality}")
        if record.activity_kind:
            term = "".join(w.capitalize() for w in record.activity_kind.split("-"))
            if (ex.kind, ex.kind_stated) != (ACTIVITY_KINDS[term], True):
                problems.append(f"{slug}: kind {ex.kind}, record {record.activity_kind}")
    assert stated > 500 and not problems, "\n".join(problems[:20])
    assert engine.exercises["standing-pancake"].kind == "stretching"


def _under(store: Store, kind: str, slug: str) -> set[str]:
    """The IRIs of slug's kind and everything under it (skos:broader*), asked of the graph."""
    return {str(r["x"]) for r in store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?x WHERE { "
        f"?x skos:broader* <https://w3id.org/exgraph/id/{kind}/{slug}> }}")}


def _all_ids(client: Any, path: str) -> set[str]:
    """Every item id of a paged list (1,000 a page)."""
    ids: set[str] = set()
    offset = 0
    while True:
        sep = "&" if "?" in path else "?"
        body = client.get(f"{path}{sep}limit=1000&offset={offset}").get_json()
        ids |= {item["id"] for item in body["items"]}
        offset += 1000
        if offset >= body["total"]:
            return ids


@pytest.fixture(scope="module")
def full_client(full_store: Store) -> Any:
    from exgraph.web.app import create_app

    return create_app({"STORE": full_store}).test_client()


def _losing(record: Any, field: str, wanted: set[str]) -> bool:
    """Whether a source that lost the precedence for field says a value among wanted."""
    def iris(value: Any) -> set[str]:
        if field == "muscles":
            return {m["iri"] for role in ("primary",) for m in value.get(role, [])}
        return {e["iri"] for e in value}
    return any(iris(v[field]) & wanted for s, v in record.by_source.items()
               if field in v and s not in record.provenance[field])


@pytest.mark.parametrize("kind", ["barbell", "machine"])
def test_the_equipment_filters_match_the_records_equipment(full_store: Store, full_client: Any,
                                                           kind: str) -> None:
    """/api/v1/exercises?equipment=K lists exactly the exercises whose record needs K or a kind
    under it, and exclude_equipment=K exactly those whose record names equipment and none of
    those. An exercise whose losing source says K (wger's barbell for the wide-grip front
    pulldown, free-exercise-db's machine for the glute-ham raise) follows its record."""
    records = records_for(full_store).records
    under = _under(full_store, "equipment", kind)
    needs = {s for s, r in records.items() if {e["iri"] for e in r.equipment} & under}
    known = {s for s, r in records.items() if r.equipment}
    shown = {s for s, r in records.items() if s not in needs and _losing(r, "equipment", under)}
    assert shown, f"no exercise whose losing source says {kind}"
    assert _all_ids(full_client, f"/api/v1/exercises?equipment={kind}") == needs
    assert _all_ids(full_client, f"/api/v1/exercises?exclude_equipment={kind}") == known - needs
    assert shown <= known - needs


def test_a_muscles_exercises_are_those_its_record_works(full_store: Store,
                                                        full_client: Any) -> None:
    """/api/v1/muscles/lats/exercises?role=primary (and the muscle page, from the same list)
    lists exactly the exercises whose record has the lats, or a muscle under them, as a prime
    mover: not the Romanian deadlift, which only wger lists so (the page lists it under the
    stabilizers, as its record does)."""
    records = records_for(full_store).records
    under = _under(full_store, "muscle", "lats")
    expected = {s for s, r in records.items()
                if {m["iri"] for m in r.muscles.get("primary", [])} & under}
    body = full_client.get("/api/v1/muscles/lats/exercises?role=primary&limit=1000").get_json()
    assert body["total"] == len(expected) and {i["id"] for i in body["items"]} == expected
    assert _losing(records["romanian-deadlift"], "muscles", under)
    assert "romanian-deadlift" not in expected
    for item in body["items"]:
        record = records[item["id"]]
        assert {(m["id"], m["role"]) for m in item["muscles"]} <= {
            (m["id"], "primary") for m in record.muscles["primary"]}
    # the record has the lats as a stabilizer (the reviewed layer): listed so, and only so
    steady = full_client.get("/api/v1/muscles/lats/exercises?limit=1000").get_json()
    (rdl,) = [i for i in steady["items"] if i["id"] == "romanian-deadlift"]
    assert {m["role"] for m in rdl["muscles"]} == {"stabilizer"}


def test_the_pages_filtered_alternatives_are_the_records(full_store: Store,
                                                         full_client: Any) -> None:
    """The exercise page's alternatives filtered by exclude_equipment and difficulty: the
    record's alternatives, each kept or left out by its own record."""
    from exgraph.queries.listing import alternative_items

    records = records_for(full_store).records
    under = _under(full_store, "equipment", "machine")
    checked = 0
    for slug in ("machine-back-extension", "barbell-deadlift", "romanian-deadlift",
                 "bench-press", "pullups"):
        record = records[slug]
        got = alternative_items(full_store, URIRef(record.iri),
                                {"exclude_equipment": "machine", "difficulty": "low"}, None)
        expected = [a["id"] for a in record.alternatives if a["id"] in records
                    and not {e["iri"] for e in records[a["id"]].equipment} & under
                    and "low" in records[a["id"]].difficulty]
        assert [a["id"] for a in got] == expected, slug
        assert all(a["difficulty"] == records[a["id"]].difficulty for a in got)
        checked += len(got)
    assert checked
    page = full_client.get("/exercises/machine-back-extension?exclude_equipment=machine"
                           "&difficulty=low")
    assert page.status_code == 200
