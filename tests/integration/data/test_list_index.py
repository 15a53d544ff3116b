"""The exercise lists answered from the list index (issue 25, lists at scale) are the lists the
named query gave: for every filter the query takes, its matches filtered by the records (the
way the lists were computed before the index) are the index's rows filtered by the records'
facts, in the same order; an update changes the next list.

Each case is checked against the query run with its filters on the graph users get, so a
filter the index answered differently from the query (a record that works a muscle no
source's statement says it works, an order that is not the query's) fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import URIRef

from exgraph.graph.load import open_store
from exgraph.graph.store import OxigraphStore, Store
from exgraph.queries import listing
from exgraph.queries.catalogue import default_catalogue
from exgraph.queries.documents import DIFFICULTY_KEYS, ROLE_KEYS, ident
from exgraph.records import records_for
from exgraph.records.lookup import canonical_params

#: Filter combinations of the exercise list: every parameter of queries/exercises.rq, alone
#: and together, a category and a group as well as single kinds and muscles.
CASES: list[dict[str, Any]] = [
    {},
    {"muscle": "glutes"},
    {"muscle": "gluteus-maximus"},
    {"muscle": "hamstrings,calves"},
    {"muscle": "glutes", "role": "primary"},
    {"role": "stabilizer"},
    {"equipment": "barbell"},
    {"equipment": "free-weights"},
    {"equipment": "barbell,dumbbell"},
    {"exclude_equipment": "machine"},
    {"difficulty": "low"},
    {"difficulty": "high,moderate", "muscle": "chest"},
    {"muscle": "lats", "exclude_equipment": "cable-station", "role": "secondary"},
    {"equipment": "barbell", "exclude_equipment": "machine", "difficulty": "low"},
    {"role": "primary,secondary", "difficulty": "moderate"},
    {"muscle": "quadriceps", "role": "primary", "equipment": "free-weights",
     "exclude_equipment": "barbell"},
]


def by_query(store: Store, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The matches as the lists computed them before the index: the named query with the
    filters (all but the exclusion), then each match's record decides every filter."""
    query = default_catalogue().get_query("exercises")
    bound = query.bind(canonical_params(store, listing.LIST_LOOKUP, values), None)
    candidates = {k: v for k, v in bound.items() if k != "exclude_equipment"}
    found = [(str(row["exercise"]), str(row["name"]))
             for row in store.select(query.render(candidates))]
    records = records_for(store).records
    if "equipment" in bound:
        needed = {str(t) for t in bound["equipment"]}
        found = [m for m in found if (r := records.get(ident(m[0]))) is not None
                 and listing._needs_any(store, r, needed)]
    if "exclude_equipment" in bound:
        excluded = {str(t) for t in bound["exclude_equipment"]}
        found = [m for m in found if (r := records.get(ident(m[0]))) is not None
                 and r.equipment and not listing._needs_any(store, r, excluded)]
    if "difficulty" in bound:
        levels = {DIFFICULTY_KEYS.get(URIRef(str(t)), "") for t in bound["difficulty"]}
        found = [m for m in found if (r := records.get(ident(m[0]))) is not None
                 and levels & set(r.difficulty)]
    muscles = {str(t) for t in bound.get("muscle", [])}
    roles = {ROLE_KEYS.get(URIRef(str(t)), "") for t in bound.get("role", [])}
    if muscles or roles:
        found = [m for m in found if (r := records.get(ident(m[0]))) is not None and any(
            (not roles or role in roles)
            and (not muscles or listing.above(store, x["iri"]) & muscles)
            for role, items in r.muscles.items() for x in items)]
    return found


GLUTE = "https://w3id.org/exgraph/id/muscle/gluteus-maximus"


@pytest.mark.parametrize("values", CASES, ids=lambda v: "&".join(f"{k}={x}" for k, x in
                                                                 v.items()) or "all")
def test_the_index_lists_what_the_query_listed(full_store: Store, values: dict[str, Any]
                                               ) -> None:
    expected = by_query(full_store, values)
    assert expected or values.get("role") == "secondary"  # the cases match something
    listed = listing.exercise_list(full_store, values, None, limit=100_000, offset=0)
    assert listed["total"] == len(expected)
    assert [(item["iri"], item["name"]) for item in listed["items"]] == expected


def test_items_carry_the_records_difficulty_and_equipment(full_store: Store) -> None:
    records = records_for(full_store).records
    listed = listing.exercise_list(full_store, {"equipment": "barbell"}, None, limit=50,
                                   offset=10)
    assert len(listed["items"]) == 50
    for item in listed["items"]:
        record = records[item["id"]]
        assert item["difficulty"] == record.difficulty
        assert item["equipment"] == [{k: e[k] for k in ("id", "iri", "name")}
                                     for e in record.equipment]


def test_the_exercises_of_a_muscle_are_the_records(full_store: Store) -> None:
    muscle = "https://w3id.org/exgraph/id/muscle/gluteus-maximus"
    items = listing.muscle_exercise_items(full_store, URIRef(muscle),
                                          {"role": "primary"}, None)
    records = records_for(full_store).records
    expected = sorted(
        (r for r in records.values() if any(
            muscle in listing.above(full_store, m["iri"]) for m in r.muscles.get("primary", []))),
        key=lambda r: ((r.name or r.id).lower(), r.iri))
    assert [item["iri"] for item in items] == [r.iri for r in expected]
    assert all(m["role"] == "primary" for item in items for m in item["muscles"])


def test_an_update_changes_the_next_list() -> None:
    store = open_store("oxigraph", imported=False)
    assert isinstance(store, OxigraphStore)
    before = listing.exercise_list(store, {}, None, limit=5, offset=0)
    glutes_before = listing.exercise_list(store, {"muscle": "glutes", "role": "primary"}, None,
                                          limit=100_000, offset=0)
    probe = "https://w3id.org/exgraph/id/exercise/aaa-probe"
    # a new exercise, named to come first, in a source graph and in the union
    store.changing()
    store.ox.update(f"""PREFIX exg: <https://w3id.org/exgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        INSERT DATA {{ GRAPH <https://w3id.org/exgraph/id/source/curated> {{
            <{probe}> a exg:Exercise ; rdfs:label "000 probe" ; exg:primaryMuscle <{GLUTE}> }}
          <{probe}> a exg:Exercise ; rdfs:label "000 probe" ;
                    exg:primaryMuscle <{GLUTE}> }}""")
    store.bump()
    after = listing.exercise_list(store, {}, None, limit=5, offset=0)
    assert after["total"] == before["total"] + 1
    assert after["items"][0]["iri"] == probe
    assert after["items"][1:] == before["items"][:4]
    # the filters' positions are the new generation's too (every row after the probe moved)
    glutes = listing.exercise_list(store, {"muscle": "glutes", "role": "primary"}, None,
                                   limit=100_000, offset=0)
    assert glutes["items"][0]["iri"] == probe
    assert [i["iri"] for i in glutes["items"][1:]] == [i["iri"] for i in glutes_before["items"]]
    works = listing.muscle_exercise_items(store, URIRef(GLUTE), {"role": "primary"}, None)
    assert probe in [item["iri"] for item in works]
