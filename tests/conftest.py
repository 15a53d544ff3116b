"""Shared fixtures: the loaded graph, stores, the Flask app and client, and ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph

from exgraph.graph.load import load_graph, open_store
from exgraph.graph.store import Store
from tests.paths import PRIVATE
from tests.paths import REPO as ROOT

#: The environment of a test run, set by pytest_configure (before any test module is imported)
#: and restored by pytest_unconfigure. Most tests run on the curated graph;
#: tests/integration/data/test_full_graph.py and the ``full_*`` fixtures opt in to the imported
#: data (set EXGRAPH_IMPORTS=1 to run everything on the full graph). SPARQL Updates write an
#: audit log (and snapshots) under the state directory, and starts keep store snapshots in the
#: cache directory: private ones for this run, removed at its end, so a run neither reads nor
#: leaves anything in the home. Servers started by tests inherit all three.
RUN_ENVIRONMENT = {
    "XDG_STATE_HOME": str(PRIVATE / "state"),
    "EXGRAPH_CACHE_DIR": str(PRIVATE / "cache"),
}
RUN_DEFAULTS = {"EXGRAPH_IMPORTS": "0"}
_saved_environment: dict[str, str | None] = {}

#: Each top folder of tests/ is a kind, and its name is the test's marker (``-m unit``): unit
#: tests need no loaded graph, integration tests run on a store or the in-process app, system
#: tests start real server processes, Chromium or the documented commands.
KINDS = ("unit", "integration", "system")


def pytest_configure(config: pytest.Config) -> None:
    for name, value in {**RUN_DEFAULTS, **RUN_ENVIRONMENT}.items():
        _saved_environment[name] = os.environ.get(name)
        if name in RUN_ENVIRONMENT or name not in os.environ:
            os.environ[name] = value


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in _saved_environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _saved_environment.clear()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its kind, from the folder it is in (tests/<kind>/...)."""
    tests_dir = Path(__file__).resolve().parent
    for item in items:
        relative = item.path.resolve().relative_to(tests_dir)
        kind = relative.parts[0] if len(relative.parts) > 1 else ""
        if kind not in KINDS:
            raise pytest.UsageError(f"{item.nodeid}: a test module belongs in tests/unit, "
                                    "tests/integration or tests/system")
        item.add_marker(kind)



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
