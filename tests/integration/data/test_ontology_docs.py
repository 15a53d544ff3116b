"""Docs kept honest: every vocabulary term is labelled, commented and documented, and every
example query in the docs runs and answers."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from exgraph.config import ONTOLOGY_FILE
from exgraph.graph.store import Store
from exgraph.queries.catalogue import PREFIX_TEXT
from exgraph.vocab.terms import EXG
from tests.paths import REPO as ROOT

ONTOLOGY_README = ROOT / "ontology" / "README.md"
README = ROOT / "README.md"
PREFIX_BLOCK = PREFIX_TEXT  # every project prefix, as the named queries get them


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def ontology_terms() -> list[URIRef]:
    graph = ontology_graph()
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(EXG)})


def sparql_blocks(path: Path) -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", path.read_text(), flags=re.DOTALL)


@pytest.mark.parametrize("term", ontology_terms(), ids=lambda t: t.removeprefix(str(EXG)))
def test_every_term_is_labelled_commented_and_documented(term: URIRef) -> None:
    graph = ontology_graph()
    assert graph.value(term, RDFS.label), f"{term} has no rdfs:label"
    assert graph.value(term, RDFS.comment), f"{term} has no rdfs:comment"
    name = "exg:" + term.removeprefix(str(EXG))
    assert re.search(re.escape(name) + r"\b", ONTOLOGY_README.read_text()), (
        f"{name} is not documented in ontology/README.md")


@pytest.mark.parametrize("path", [ONTOLOGY_README, README, ROOT / "docs" / "sparql.md"],
                         ids=["ontology/README", "README", "docs/sparql"])
def test_example_queries_run_and_answer(path: Path, store: Store,
                                        rdflib_store: Store) -> None:
    blocks = sparql_blocks(path)
    assert len(blocks) >= 2, f"{path} should show at least two example queries"
    for block in blocks:
        query = PREFIX_BLOCK + block
        rows = store.select(query)
        assert rows, f"example query in {path.name} returns nothing:\n{block}"
        assert len(rows) == len(rdflib_store.select(query))
