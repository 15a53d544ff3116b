"""The exercise document of merged exercises on the served graph: one node, many sources.

Every exercise that two or more sources describe is checked: a section of one value or one
ordered list comes whole from one source (never interleaved), a muscle is listed once, and each
section names only sources that really describe the exercise.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import URIRef

from exgraph.graph.store import OxigraphStore, Store
from exgraph.queries.documents import (
    MERGED_SECTIONS,
    SINGLE_SOURCE_SECTIONS,
    exercise_document,
    ident,
)
from exgraph.vocab.terms import EXG

pytestmark = pytest.mark.slow

MERGED = """\
PREFIX exg: <https://w3id.org/exgraph/ontology#>
SELECT ?exercise ?g WHERE {
  ?exercise a exg:Exercise .
  GRAPH ?g { ?exercise ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/exgraph/id/source/"))
}"""


@pytest.fixture(scope="module")
def merged(full_store: Store) -> dict[URIRef, set[str]]:
    """Exercises -> the source graphs (ids) stating something about them, for those with two
    or more sources that are not inference rules."""
    sources: dict[URIRef, set[str]] = defaultdict(set)
    for row in full_store.select(MERGED):
        sources[URIRef(str(row["exercise"]))].add(ident(row["g"]))
    return {ex: ids for ex, ids in sources.items()
            if len({i for i in ids if not i.startswith(("inferred-", "aliases"))}) >= 2}


def test_there_are_merged_exercises_to_check(merged: dict[URIRef, set[str]]) -> None:
    assert len(merged) >= 100, len(merged)


def test_every_merged_document_is_whole_per_section(full_store: Store,
                                                    merged: dict[URIRef, set[str]]) -> None:
    problems = []
    steps_per_source: dict[URIRef, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in full_store.select("""PREFIX exg: <https://w3id.org/exgraph/ontology#>
            SELECT ?g ?exercise (COUNT(?step) AS ?n) WHERE {
              GRAPH ?g { ?exercise exg:step ?step } } GROUP BY ?g ?exercise"""):
        steps_per_source[URIRef(str(row["exercise"]))][ident(row["g"])] = int(str(row["n"]))
    for exercise in sorted(merged):
        doc = exercise_document(full_store, exercise)
        where = ident(exercise)
        assert set(doc["provenance"]) == {*SINGLE_SOURCE_SECTIONS, *MERGED_SECTIONS}
        for section in SINGLE_SOURCE_SECTIONS:
            if len(doc["provenance"][section]) > 1:
                problems.append(f"{where}: {section} from {doc['provenance'][section]}")
        for section, names in doc["provenance"].items():
            unknown = set(names) - merged[exercise]
            if unknown:
                problems.append(f"{where}: {section} names {unknown}, not a source of it")
        muscles = [m["id"] for role in doc["muscles"].values() for m in role]
        if len(muscles) != len(set(muscles)):
            problems.append(f"{where}: a muscle listed twice: {muscles}")
        if doc["steps"]:
            (source,) = doc["provenance"]["steps"]
            if len(doc["steps"]) != steps_per_source[exercise][source]:
                problems.append(f"{where}: {len(doc['steps'])} steps, {source} has "
                                f"{steps_per_source[exercise][source]}")
        alternatives = [a["id"] for a in doc["alternatives"]]
        if len(alternatives) != len(set(alternatives)):
            problems.append(f"{where}: an alternative listed twice")
    assert not problems, "\n".join(problems[:20])


def test_the_most_specific_source_wins(full_store: Store) -> None:
    """The reference exercise: the article beats the curated data for every section it has."""
    doc = exercise_document(full_store, URIRef(
        "https://w3id.org/exgraph/id/exercise/machine-back-extension"))
    article = "article-machine-back-extension"
    for section in ("steps", "benefits", "mistakes", "programming", "comparisons", "summary"):
        assert doc["provenance"][section] == [article], section
    assert [row["goal"] for row in doc["programming"]] == [
        "technique", "hypertrophy", "strength-endurance"]  # the article's order


def test_an_update_in_the_default_graph_shows_as_unattributed() -> None:
    """A fact no source graph holds (written by SPARQL Update) is still in the document."""
    from exgraph.graph.load import open_store

    store = open_store("oxigraph", imported=False)
    assert isinstance(store, OxigraphStore)
    exercise = URIRef("https://w3id.org/exgraph/id/exercise/machine-back-extension")
    store.ox.update(f'INSERT DATA {{ <{exercise}> <{EXG.force}> "pull" }}')
    store.bump()  # whoever changes a store says so: the records are per generation
    doc = exercise_document(store, exercise)
    assert doc["force"] == "pull"
    assert doc["provenance"]["force"] == ["unattributed"]


def test_the_exercise_page_says_where_each_section_comes_from(full_store: Store) -> None:
    """Under each heading of the page, the sources of that section of the document."""
    from exgraph.web.app import create_app
    from tests.web_fixtures import get_page

    client = create_app({"STORE": full_store}).test_client()
    slug = "barbell-deadlift"
    doc = client.get(f"/api/v1/exercises/{slug}").get_json()
    page = get_page(client, f"/exercises/{slug}")
    shown = {}
    for section in page.root.find_all("section"):
        lines = section.find_all("p", class_="provenance")
        if lines:
            shown[section.attrs["id"]] = lines[0].text.removeprefix("From ").split(", ")
    assert shown["steps"] == doc["provenance"]["steps"] == ["free-exercise-db"]
    assert shown["muscles"] == doc["provenance"]["muscles"]
    # muscles come whole from one source (the reviewed layer first); the others' lists stay
    # reachable under by_source
    assert doc["provenance"]["muscles"] == ["reviewed-hinge"]
    assert "muscles" in doc["by_source"]["wger"]
