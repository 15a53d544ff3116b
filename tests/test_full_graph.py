"""The bundled graph with the dataset imports (data/imported/), as `make serve` serves it.

Most tests run on the curated graph (conftest sets EXGRAPH_IMPORTS=0); these check what changes
with 1.7k imported exercises merged in: the service still answers the headline question, search
finds merged names, and guide articles about exercises the imports already have link to them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from rdflib.namespace import DCTERMS

from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.graph.load import load_graph, open_store
from exgraph.graph.store import Store
from exgraph.vocab.terms import EXERCISE, SOURCE

from .server import running_server

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
HEADLINE = ("/api/v1/exercises/machine-back-extension/alternatives"
            "?exclude_equipment=machine&difficulty=low")


@pytest.fixture(scope="module")
def full_store() -> Store:
    return open_store("oxigraph", imported=True)


@pytest.fixture(scope="module")
def full_server() -> Iterator[str]:
    with running_server(env={"EXGRAPH_IMPORTS": "1"}) as base:
        yield base


def test_the_imports_are_bundled(full_store: Store) -> None:
    (row,) = full_store.select(
        "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/exgraph/ontology#Exercise> }")
    assert int(row["n"]) == 5 + 871 + 793  # curated + new from free-exercise-db + from wger  # type: ignore[call-overload]
    pull_through = EXERCISE["cable-pull-through"]
    sources = {str(r["s"]) for r in full_store.select(
        f"SELECT ?s WHERE {{ <{pull_through}> <http://purl.org/dc/terms/source> ?s }}")}
    assert str(SOURCE["free-exercise-db-pull-through"]) in sources
    assert str(SOURCE["curated"]) in sources


def test_served_graph_answers_the_headline_question(full_server: str) -> None:
    health = requests.get(full_server + "/healthz", timeout=30).json()
    assert health["triples"] > 75_000
    body = requests.get(full_server + HEADLINE, timeout=30).json()
    items = body["items"] if isinstance(body, dict) and "items" in body else body
    assert [item["id"] for item in items] == ["cable-pull-through"]


def test_search_finds_a_merged_name(full_server: str) -> None:
    body = requests.get(full_server + "/api/v1/exercises", params={"q": "pull through"},
                        timeout=30).json()
    ids = [item["id"] for item in body["items"]]
    assert "cable-pull-through" in ids
    assert body["total"] == len(ids) or body["total"] > len(ids)


def test_sparql_over_the_full_graph(full_server: str) -> None:
    response = requests.get(full_server + "/sparql", params={"query": """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?label WHERE { <https://w3id.org/exgraph/id/exercise/romanian-deadlift>
          skos:prefLabel|skos:altLabel ?label FILTER(lang(?label) = "de") }"""},
        headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200, response.text
    labels = [b["label"]["value"] for b in response.json()["results"]["bindings"]]
    assert "Rumänisches Kreuzheben" in labels  # wger's German name, on the merged resource


def test_ingesting_an_article_about_an_imported_exercise_links_to_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES / "push-up.txt"),
                                       "--into", str(data)])
    assert result.exit_code == 0, result.output
    assert "exercise:push-up" in result.output
    graph = load_graph(data_dir=data, imported=True)
    push_up = EXERCISE["push-up"]
    sources = {str(o) for o in graph.objects(push_up, DCTERMS.source)}
    assert str(SOURCE["article-push-up"]) in sources
    assert any(s.startswith(str(SOURCE["free-exercise-db-"])) or "wger" in s for s in sources)
