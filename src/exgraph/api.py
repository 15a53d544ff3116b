"""The Python API behind ``import exgraph``: open the graph, ask it, read exercise documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import URIRef

from exgraph.errors import NotFound
from exgraph.graph.load import open_store
from exgraph.graph.store import Row, Store
from exgraph.queries.catalogue import default_catalogue, known_in
from exgraph.queries.documents import exercise_document as _document
from exgraph.vocab.terms import EXERCISE, SLUG_RE


def open_graph(store: str = "oxigraph", extra: Iterable[str | Path] = ()) -> Store:
    """The bundled graph (plus ``extra`` Turtle files) on a store: ``oxigraph`` (memory, the
    default), ``rdflib``, a directory (Oxigraph on disk) or ``sparql+http://HOST:PORT/PATH``.

    Raises :class:`~exgraph.errors.DataError` for a file that does not parse.
    """
    return open_store(store, [Path(p) for p in extra])


def run_query(store: Store, name: str,
              params: Mapping[str, str | Sequence[str]] | None = None) -> list[Row]:
    """The rows of the named query ``name`` (see ``queries/``) with ``params`` bound.

    Rows map column names to rdflib terms. Raises :class:`~exgraph.errors.NotFound` for an
    unknown query and :class:`~exgraph.errors.BadRequest` for a bad parameter value.
    """
    query = default_catalogue().get_query(name)
    return query.run(store, params or {}, known_in(store)).rows


def exercise_document(store: Store, exercise: str) -> dict[str, Any]:
    """The JSON document of an exercise (by slug or IRI), as ``/api/v1/exercises/{id}`` serves it.

    Raises :class:`~exgraph.errors.NotFound` when the graph has no such exercise.
    """
    iri = URIRef(exercise) if exercise.startswith("http") else None
    if iri is None:
        if not SLUG_RE.match(exercise):
            raise NotFound(f"no exercise {exercise!r}")
        iri = EXERCISE[exercise]
    if not store.ask(f"ASK {{ <{iri}> a <https://w3id.org/exgraph/ontology#Exercise> }}"):
        raise NotFound(f"no exercise {exercise!r}")
    return _document(store, iri)
