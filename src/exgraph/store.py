"""Opening the graph: ontology + bundled data (+ extra files), on one of several backends.

Everything that reads the graph (validation, export, the CLI, the HTTP service) opens it here, so
they all see the same triples:

* :func:`load_graph` gives an rdflib :class:`~rdflib.Graph` (validation, serialisation);
* :func:`open_store` gives a :class:`Store` that answers SPARQL — Oxigraph in memory by default,
  Oxigraph on disk, or rdflib's memory store for comparison.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import VOID, XSD
from rdflib.term import Node

from .errors import DataError
from .ontology import DATASET, PREFIXES

ROOT = Path(os.environ.get("EXGRAPH_HOME", Path(__file__).resolve().parents[2]))
ONTOLOGY_FILE = ROOT / "ontology" / "exgraph.ttl"
DATA_DIR = ROOT / "data"


def with_imports() -> bool:
    """Whether the bundled graph includes ``data/imported/`` (the dataset imports).

    Yes, unless the environment says ``EXGRAPH_IMPORTS=0``: the test suite does, so that most
    tests run on the curated graph (1.4k triples instead of 80k); tests/test_full_graph.py checks
    the graph with the imports.
    """
    return os.environ.get("EXGRAPH_IMPORTS", "1") != "0"


def bundled_files(data_dir: Path | None = None, *, imported: bool | None = None) -> list[Path]:
    """The ontology and every Turtle file under ``data/``, in a stable order.

    ``imported`` (default: :func:`with_imports`) says whether ``data/imported/`` is included.
    """
    data_dir = DATA_DIR if data_dir is None else data_dir
    imported = with_imports() if imported is None else imported
    files = sorted(data_dir.rglob("*.ttl"))
    if not imported:
        files = [f for f in files if f.relative_to(data_dir).parts[0] != "imported"]
    return [ONTOLOGY_FILE, *files]


def parse_file(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle (or N-Triples) file into graph; DataError names the file on failure."""
    graph = Graph() if graph is None else graph
    fmt = "nt" if path.suffix == ".nt" else "turtle"
    try:
        graph.parse(path, format=fmt)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except Exception as exc:  # rdflib raises many parser types; all mean "this file is bad"
        raise DataError(f"{path}: not valid {fmt}: {exc}") from exc
    return graph


def load_graph(
    extra: Iterable[Path] = (), *, data_dir: Path | None = None, files: Sequence[Path] | None = None,
    imported: bool | None = None,
) -> Graph:
    """The whole graph as rdflib: ontology, bundled data, then ``extra`` files.

    ``files`` replaces the bundled set (used to validate or export given files). The dataset
    description gets its ``void:triples`` count. Raises DataError naming a file that does not
    parse. The files are parsed by Oxigraph, which is ~15x faster than rdflib's Turtle parser
    (tests/test_store.py checks both parsers give the same graph).
    """
    files = [*(bundled_files(data_dir, imported=imported) if files is None else files), *extra]
    return oxigraph_to_graph(load_oxigraph(files))


def oxigraph_to_graph(ox_store: ox.Store) -> Graph:
    """The default graph of a pyoxigraph store as an rdflib Graph with the project's prefixes."""
    graph = prefixed_graph()
    memo: dict[Any, Node] = {}  # IRIs repeat a lot: convert each once

    def term(t: Any) -> Node:
        node = memo.get(t)
        if node is None:
            node = memo[t] = from_ox(t)
        return node

    graph.addN(
        (term(q.subject), term(q.predicate), term(q.object), graph)
        for q in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    return graph


def prefixed_graph() -> Graph:
    """An empty rdflib Graph that serialises with the project's prefixes."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


# ---------------------------------------------------------------------------------------------
# Terms between rdflib and pyoxigraph


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")


@lru_cache(maxsize=1 << 16)
def from_ox(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term.

    Cached: the same labels and IRIs come back in answer after answer, and building an rdflib
    Literal costs more than the query that found it (rdflib terms are immutable, so sharing is
    safe).
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"cannot convert {term!r}")


# ---------------------------------------------------------------------------------------------
# Stores


Row = dict[str, Node]


class Store:
    """A loaded graph that answers SPARQL. Subclasses pick the engine."""

    def __init__(self, backend: str) -> None:
        self.backend = backend

    def select(self, query: str) -> list[Row]:
        """Rows of a SELECT query, unbound variables left out of each row."""
        raise NotImplementedError

    def ask(self, query: str) -> bool:
        """The answer of an ASK query."""
        raise NotImplementedError

    def construct(self, query: str) -> Graph:
        """The graph of a CONSTRUCT or DESCRIBE query."""
        raise NotImplementedError

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        """Every triple of the default graph, as rdflib terms."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def to_graph(self) -> Graph:
        """The whole default graph as an rdflib Graph with the project's prefixes."""
        graph = prefixed_graph()
        graph.addN((s, p, o, graph) for s, p, o in self.triples())
        return graph


class OxigraphStore(Store):
    """Oxigraph (pyoxigraph): in memory, or on disk when given a path."""

    def __init__(self, ox_store: ox.Store, backend: str = "oxigraph") -> None:
        super().__init__(backend=backend)
        self.ox = ox_store

    def select(self, query: str) -> list[Row]:
        result = self.ox.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError("not a SELECT query")
        names = [v.value for v in result.variables]
        rows: list[Row] = []
        for solution in result:
            row: Row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = from_ox(value)
            rows.append(row)
        return rows

    def ask(self, query: str) -> bool:
        result = self.ox.query(query)
        if not isinstance(result, ox.QueryBoolean):
            raise TypeError("not an ASK query")
        return bool(result)

    def construct(self, query: str) -> Graph:
        result = self.ox.query(query)
        if not isinstance(result, ox.QueryTriples):
            raise TypeError("not a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for t in result:
            graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return graph

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        for q in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)

    def __len__(self) -> int:
        return sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def to_graph(self) -> Graph:
        return oxigraph_to_graph(self.ox)


class RdflibStore(Store):
    """rdflib's memory store: slow, but the reference engine for result comparisons."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(backend="rdflib")
        self.graph = graph

    def select(self, query: str) -> list[Row]:
        result = self.graph.query(query)
        if result.type != "SELECT":
            raise TypeError("not a SELECT query")
        names = [str(v) for v in result.vars or []]
        return [
            {n: row[i] for i, n in enumerate(names) if row[i] is not None}  # type: ignore[index]
            for row in result
        ]

    def ask(self, query: str) -> bool:
        result = self.graph.query(query)
        if result.type != "ASK":
            raise TypeError("not an ASK query")
        return bool(result.askAnswer)

    def construct(self, query: str) -> Graph:
        result = self.graph.query(query)
        if result.type not in ("CONSTRUCT", "DESCRIBE") or result.graph is None:
            raise TypeError("not a CONSTRUCT or DESCRIBE query")
        return result.graph

    def triples(self) -> Iterator[tuple[Node, Node, Node]]:
        yield from self.graph

    def __len__(self) -> int:
        return len(self.graph)


def graph_to_oxigraph(graph: Graph, ox_store: ox.Store | None = None) -> ox.Store:
    """Load an rdflib graph into a (new) pyoxigraph store, in one bulk load."""
    ox_store = ox.Store() if ox_store is None else ox_store
    data = graph.serialize(format="nt", encoding="utf-8")
    ox_store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return ox_store


def load_oxigraph(files: Iterable[Path]) -> ox.Store:
    """Parse files straight into a new in-memory Oxigraph store (no rdflib: ~15x faster).

    Adds the dataset's ``void:triples`` like :func:`load_graph`, so both give the same graph.
    Raises DataError naming a file that is missing or does not parse, with the parser's position.
    """
    ox_store = ox.Store()
    for path in files:
        path = Path(path)
        fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
        try:
            ox_store.bulk_load(path=str(path), format=fmt)
        except FileNotFoundError:
            raise DataError(f"{path}: no such file") from None
        except SyntaxError as exc:
            raise DataError(f"{path}: not valid {fmt.name}: {exc}") from exc
    dataset, triples = ox.NamedNode(str(DATASET)), ox.NamedNode(str(VOID.triples))
    for quad in list(ox_store.quads_for_pattern(dataset, triples, None, ox.DefaultGraph())):
        ox_store.remove(quad)
    count = sum(1 for _ in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    ox_store.add(ox.Quad(dataset, triples, ox.Literal(str(count + 1), datatype=ox.NamedNode(str(XSD.integer)))))
    return ox_store


def open_store(
    spec: str = "oxigraph",
    extra: Iterable[Path] = (),
    *,
    data_dir: Path | None = None,
    graph: Graph | None = None,
    imported: bool | None = None,
) -> Store:
    """Open the graph on a backend.

    ``spec`` is ``oxigraph`` (in memory, the default), ``rdflib`` (rdflib memory store), a
    directory path for an on-disk Oxigraph store (loaded with the bundled data when empty), or
    ``sparql+http://HOST:PORT/PATH`` for an external SPARQL 1.1 server (its data is whatever
    ``exgraph load`` put there; ``extra`` and ``graph`` are not used).
    ``graph`` skips loading files and uses that graph instead; ``imported`` overrides
    :func:`with_imports`.
    Raises DataError for a file that does not parse or a spec it does not know.
    """
    if spec.startswith(("sparql+http://", "sparql+https://")):
        from .remote import RemoteStore  # remote builds on this module

        return RemoteStore.from_spec(spec)
    if "://" in spec:
        raise DataError(
            f"unknown store {spec!r}: use oxigraph, rdflib, a directory path, "
            "or sparql+http://HOST:PORT/PATH"
        )
    files = [*bundled_files(data_dir, imported=imported), *extra]
    if spec == "rdflib":
        return RdflibStore(graph if graph is not None else load_graph(files=files))
    memory = graph_to_oxigraph(graph) if graph is not None else load_oxigraph(files)
    if spec == "oxigraph":
        return OxigraphStore(memory)
    path = Path(spec)
    try:
        disk = ox.Store(str(path))
    except OSError as exc:
        raise DataError(f"cannot open the Oxigraph store in {path}: {exc}") from exc
    if next(iter(disk.quads_for_pattern(None, None, None, None)), None) is None:
        # one transaction: an interrupted first load leaves the directory empty, not half full
        disk.extend(memory.quads_for_pattern(None, None, None, None))
        disk.flush()
    return OxigraphStore(disk, backend=f"oxigraph:{path}")
