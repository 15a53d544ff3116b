"""The named-query catalogue: one ``queries/NAME.rq`` per question, with a typed header.

The file format, its parser and the parameter types are :mod:`exgraph.graph.rq`'s; this module
holds the catalogue people browse (``exgraph query``, ``/api/v1/queries``, ``/queries``), the
"is it in the graph" check of parameters, and the result formats shared by the CLI and the API.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from exgraph.config import QUERIES_DIR
from exgraph.errors import DataError, NotFound
from exgraph.graph.rq import (
    CATEGORIES,
    PREFIX_TEXT,
    Known,
    NamedQuery,
    Param,
    Result,
    internal,
    parse_query,
)
from exgraph.graph.store import Row, Store, derived_value
from exgraph.vocab.terms import SLUG_RE

__all__ = ["CATEGORIES", "PREFIX_TEXT", "Catalogue", "Known", "NamedQuery", "Param", "Result",
           "UnknownQuery", "csv_text", "default_catalogue", "json_rows", "json_value",
           "known_in", "known_iris", "load_catalogue", "parse_query"]


# ---------------------------------------------------------------------------------------------
# The catalogue


class Catalogue(Mapping[str, NamedQuery]):
    """The named queries of a directory, by name (file name without ``.rq``)."""

    def __init__(self, queries: Iterable[NamedQuery]) -> None:
        self._queries = {q.name: q for q in queries}

    def __getitem__(self, name: str) -> NamedQuery:
        return self._queries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)

    def get_query(self, name: str) -> NamedQuery:
        """The query called name. Raises UnknownQuery (a NotFound) listing the names."""
        if name not in self._queries:
            raise UnknownQuery(name, list(self._queries))
        return self._queries[name]


class UnknownQuery(NotFound):
    """No named query has this name (a 404 on the API, a message on the CLI)."""

    def __init__(self, name: str, names: Sequence[str]) -> None:
        super().__init__(f"no named query {name!r}; the catalogue has: {', '.join(names)}")


def load_catalogue(directory: Path = QUERIES_DIR) -> Catalogue:
    """Every ``*.rq`` of directory, sorted by name. Raises DataError naming a bad file."""
    if not directory.is_dir():
        raise DataError(f"{directory}: no such directory of named queries")
    queries = []
    for path in sorted(directory.glob("*.rq")):
        if not SLUG_RE.match(path.stem):
            raise DataError(f"{path}: a query name is lower-case letters, digits and hyphens")
        query = parse_query(path.read_text(encoding="utf-8"), path.stem, str(path))
        if not query.columns:
            raise DataError(f"{path}: a named query of the catalogue is a SELECT query")
        queries.append(query)
    return Catalogue(queries)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue of the project's ``queries/`` directory, loaded once per process."""
    return load_catalogue()




def known_iris(store: Store) -> dict[str, frozenset[URIRef]]:
    """The IRIs of every exercise, muscle, equipment kind and goal of store, by kind (1 query;
    read back from beside the store's snapshot on unchanged data: issue 25's instant start)."""
    return derived_value(store, "known-iris", _known_iris,
                         lambda kinds: {kind: [str(i) for i in iris]
                                        for kind, iris in kinds.items()},
                         lambda data: {str(kind): frozenset(URIRef(i) for i in iris)
                                       for kind, iris in data.items()})


def _known_iris(store: Store) -> dict[str, frozenset[URIRef]]:
    kinds: dict[str, set[URIRef]] = {"exercise": set(), "muscle": set(), "equipment": set(),
                                      "goal": set()}
    for row in store.select(internal("known-iris").text()):
        kinds[str(row["kind"])].add(row["s"])  # type: ignore[arg-type]
    return {kind: frozenset(iris) for kind, iris in kinds.items()}


def known_in(store: Store) -> Known:
    """A ``known`` check for :meth:`NamedQuery.bind` over store's current content."""
    index = known_iris(store)
    return lambda kind, iri: iri in index.get(kind, frozenset())


# ---------------------------------------------------------------------------------------------
# Result values, shared by the CLI and the API


def json_value(term: Node | None) -> object:
    """A result term as JSON: IRIs as strings, numbers and booleans as themselves."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float | str):
            return value
        return str(term)
    return str(term)


def json_rows(result: Result) -> list[dict[str, object]]:
    """Rows as JSON objects with every column (null where unbound)."""
    return [{c: json_value(row.get(c)) for c in result.columns} for row in result.rows]


def csv_text(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """Rows as CSV with a header line (unbound values empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row[c]) for c in columns])
    return buffer.getvalue()
