"""Narrowing helpers for typed tests: what a graph or a response returns, checked before use.

rdflib types ``Graph.value`` as ``Node | None`` and a result row's cells as ``Node``; a test
that calls ``.toPython()`` on one, or uses it as an IRI, first asserts what it is here, so a
missing triple fails as an assertion that names it instead of an AttributeError, and mypy
--strict checks the tests without ``type: ignore``.
"""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef
from rdflib.graph import Graph
from rdflib.query import ResultRow
from rdflib.term import Node


def py(node: object) -> Any:
    """The Python value of an RDF literal (a failed assertion for anything else, None too)."""
    assert isinstance(node, Literal), f"not a literal: {node!r}"
    return node.toPython()


def iri(node: object) -> URIRef:
    """node, asserted to be an IRI."""
    assert isinstance(node, URIRef), f"not an IRI: {node!r}"
    return node


def select_rows(graph: Graph, query: str) -> list[ResultRow]:
    """The rows of a SELECT over graph (a failed assertion for an ASK or a CONSTRUCT)."""
    found = []
    for row in graph.query(query):
        assert isinstance(row, ResultRow), f"not a SELECT row: {row!r}"
        found.append(row)
    return found


def some(node: Node | None) -> Node:
    """node, asserted to be there (``Graph.value`` found the triple)."""
    assert node is not None, "no such triple"
    return node
