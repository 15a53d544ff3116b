"""Shared fixtures: the loaded graph, stores, the Flask app and client, and ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph

from tests.paths import PRIVATE
from tests.paths import REPO as ROOT

# Most tests run on the curated graph; tests/test_full_graph.py opts in to the imported data
# (set EXGRAPH_IMPORTS=1 to run everything on the full graph). Servers started by tests inherit it.
os.environ.setdefault("EXGRAPH_IMPORTS", "0")
# SPARQL Updates write an audit log (and snapshots) under the state directory, and starts keep
# store snapshots in the cache directory: private ones for this run (servers started by tests
# inherit them), removed at its end, so a run neither reads nor leaves anything in the home.
os.environ["XDG_STATE_HOME"] = str(PRIVATE / "state")
os.environ["EXGRAPH_CACHE_DIR"] = str(PRIVATE / "cache")

from exgraph.graph.load import load_graph, open_store
from exgraph.graph.store import Store

SHARED = Path(os.environ.get("EXGRAPH_SHARED", ROOT.parent / "shared"))
REFERENCE_ARTICLE = SHARED / "articles" / "machine-back-extension.txt"


def require_shared(path: Path = SHARED) -> Path:
    """Return path under ../shared, or skip (fail when EXGRAPH_REQUIRE_SHARED=1) if absent."""
    if path.exists():
        return path
    reason = f"{path} is absent: ../shared exists beside CI's clone only"
    if os.environ.get("EXGRAPH_REQUIRE_SHARED") == "1":
        pytest.fail(reason + " (EXGRAPH_REQUIRE_SHARED=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture(scope="session")
def reference_article() -> Path:
    return require_shared(REFERENCE_ARTICLE)


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The bundled graph as rdflib (ontology + data). Do not mutate: copy it first."""
    return load_graph()


@pytest.fixture(scope="session")
def store(graph: Graph) -> Store:
    """The bundled graph on Oxigraph, as the service uses it. Read-only by convention."""
    return open_store("oxigraph", graph=graph)


@pytest.fixture(scope="session")
def rdflib_store(graph: Graph) -> Store:
    return open_store("rdflib", graph=graph)


@pytest.fixture(scope="session")
def full_store() -> Store:
    """The graph users get (curated + articles + dataset imports) on Oxigraph, loaded once per
    test session: features that depend on data are tested on it."""
    return open_store("oxigraph", imported=True)


# The web app on the curated and the full graph, for the page and Linked Data tests.
from tests.web_fixtures import site  # noqa: E402,F401
