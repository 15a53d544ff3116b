"""Stores: a loaded graph that answers SPARQL, behind one interface.

:class:`Store` is the interface; :class:`OxigraphStore` (embedded, in memory or on disk) and
:class:`RdflibStore` (the reference engine) implement it here, and
:class:`~exgraph.graph.remote.RemoteStore` (an external SPARQL server) in ``remote.py``. Every
store has a ``generation``: a number that changes whenever its data may have changed, so caches
above it can key on it. Terms convert between rdflib and pyoxigraph here too.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from exgraph.graph import store_cache
from exgraph.vocab.terms import PREFIXES


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


def _ox_subject_predicate(s: Node, p: Node) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode]:
    subject, predicate = to_ox(s), to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF subject and predicate: {s!r} {p!r}")
    return subject, predicate


def to_ox_triple(s: Node, p: Node, o: Node) -> ox.Triple:
    """An rdflib triple as a pyoxigraph Triple (TypeError when s is a literal or p no IRI)."""
    return ox.Triple(*_ox_subject_predicate(s, p), to_ox(o))


def to_ox_quad(s: Node, p: Node, o: Node,
               graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None) -> ox.Quad:
    """An rdflib triple in graph as a pyoxigraph Quad (TypeError as :func:`to_ox_triple`)."""
    return ox.Quad(*_ox_subject_predicate(s, p), to_ox(o), graph)


def ox_bytes(data: bytes | None) -> bytes:
    """What a pyoxigraph serialiser (``serialize``, ``Store.dump``) returns given no output file.

    Their stubs say ``bytes | None`` for every call: None comes back only when they write to an
    output file, which is a mistake here.
    """
    if data is None:
        raise TypeError("pyoxigraph wrote to a file: expected the serialised bytes")
    return data


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


@dataclass(frozen=True)
class Answer:
    """The answer of any query form: ``kind`` is ``select``, ``ask`` or ``graph``.

    ``variables`` are the SELECT's projected names in order (expressions and aggregates
    included), ``rows`` its solutions; ``boolean`` the ASK answer; ``graph`` the CONSTRUCT or
    DESCRIBE graph.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


class Store:
    """A loaded graph that answers SPARQL. Subclasses pick the engine."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        #: The key of the store snapshot it was opened from (graph/store_cache.py), or None;
        #: what is derived from the store at generation 0 is cached under it.
        self.snapshot_key: str | None = None
        self._generation = 0
        self._generation_lock = threading.Lock()
        #: Per thread: the generation :meth:`ahead` makes this thread see (None: the current).
        self._ahead = threading.local()

    def generation(self) -> Hashable:
        """A value that changes whenever the data may have changed: caches key on it. Inside
        :meth:`ahead`, the generation the next :meth:`bump` will give (in that thread only)."""
        ahead: Hashable | None = getattr(self._ahead, "generation", None)
        return self._generation if ahead is None else ahead

    @contextmanager
    def ahead(self) -> Iterator[None]:
        """Within the block, this thread sees the generation the next :meth:`bump` gives, and
        every other thread still the current one: what the writer builds here from data it has
        just changed is cached under the new generation, ready when it bumps, while readers go
        on with the previous generation's values (issue 21's soak: after each committed update
        the first API request rebuilt the records for 26-33 s on the loaded 2-core machine,
        and every request behind it waited or timed out). The caller holds the write lock, so
        no other bump comes between."""
        self._ahead.generation = self._next_generation()
        try:
            yield
        finally:
            self._ahead.generation = None

    def _next_generation(self) -> Hashable:
        return self._generation + 1

    def derived_key(self) -> str | None:
        """The key what is derived from this store's data is cached under beside the store
        snapshots (:func:`derived_value`): :attr:`snapshot_key`; an on-disk store mints its
        own on first use (graph/load.py)."""
        return self.snapshot_key

    def changing(self) -> None:
        """Call before changing the data (whoever changes it, before the change): an on-disk
        store then drops its generation stamp first, so what was derived from the data before
        is never read back for the changed data, even when the process dies before
        :meth:`bump`. Nothing to do for the others (their key dies with the process)."""

    def bump(self) -> None:
        """Record that the data changed (called by whoever changed it)."""
        with self._generation_lock:
            self._generation += 1

    def select(self, query: str) -> list[Row]:
        """Rows of a SELECT query, unbound variables left out of each row."""
        raise NotImplementedError

    def select_rows(self, query: str) -> tuple[list[str], list[tuple[Node | None, ...]]]:
        """A SELECT's projected names and its solutions as tuples in that order (None:
        unbound): what a reader of many rows wants (the records' build). Oxigraph reads them
        from its TSV writer (graph/rows.py: ~2x cheaper than :meth:`select`'s dicts)."""
        answer = self.answer(query)
        if answer.kind != "select":
            raise TypeError("not a SELECT query")
        names = answer.variables
        return names, [tuple(row.get(name) for name in names) for row in answer.rows]

    def answer(self, query: str) -> Answer:
        """The answer of a query of any form, with a SELECT's variables in projection order.

        Raises SyntaxError (or the engine's parse error) for a query that does not parse.
        """
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
        return _solutions(result)[1]

    def select_rows(self, query: str) -> tuple[list[str], list[tuple[Node | None, ...]]]:
        from exgraph.graph.rows import ox_rows  # rows builds on this module's terms

        return ox_rows(self.ox, query)

    def answer(self, query: str) -> Answer:
        result = self.ox.query(query)
        if isinstance(result, ox.QuerySolutions):
            names, rows = _solutions(result)
            return Answer("select", names, rows)
        if isinstance(result, ox.QueryBoolean):
            return Answer("ask", boolean=bool(result))
        graph = Graph()
        for tr in result:
            graph.add((from_ox(tr.subject), from_ox(tr.predicate), from_ox(tr.object)))
        return Answer("graph", graph=graph)

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
        # counted by Oxigraph: iterating the quads in Python costs 20x more on disk
        from exgraph.graph.rq import internal  # rq builds on this module

        result = self.ox.query(internal("count-triples").text())
        assert isinstance(result, ox.QuerySolutions)
        count = next(iter(result))[0]
        assert isinstance(count, ox.Literal)
        return int(count.value)

    def to_graph(self) -> Graph:
        return oxigraph_to_graph(self.ox)


def _solutions(result: ox.QuerySolutions) -> tuple[list[str], list[Row]]:
    """The names and rows of a SELECT. Each distinct term is converted once per answer (a
    dict of this answer's terms before :func:`from_ox`'s bounded cache, which a big answer
    would cycle through: 145k distinct terms in the records' two queries at 3k exercises)."""
    names = [v.value for v in result.variables]
    memo: dict[Any, Node] = {}
    rows: list[Row] = []
    for solution in result:
        row: Row = {}
        for name, value in zip(names, solution, strict=True):
            if value is not None:
                node = memo.get(value)
                if node is None:
                    node = memo[value] = from_ox(value)
                row[name] = node
        rows.append(row)
    return names, rows


class BackgroundOxigraphStore(OxigraphStore):
    """An :class:`OxigraphStore` whose quads are read by a background thread (issue 25's
    instant start: the store snapshot's bulk load, 0.7-0.9 s for the bundled graph, need not
    hold up a first request that is answered from what is derived beside the snapshot).

    ``ox`` is the loaded store: the first use of it waits for the load (and raises what the
    load raised); once loaded it is a plain attribute, so later uses cost nothing extra.
    """

    def __init__(self, load: Callable[[], ox.Store], backend: str = "oxigraph") -> None:
        Store.__init__(self, backend=backend)
        self._loaded = threading.Event()
        self._load_error: BaseException | None = None
        self._loader = threading.Thread(target=self._load, args=(load,), daemon=True,
                                        name="exgraph-store-load")
        self._loader.start()

    def _load(self, load: Callable[[], ox.Store]) -> None:
        try:
            self.ox = load()
        except BaseException as exc:  # handed to whoever uses the store
            self._load_error = exc
        finally:
            self._loaded.set()

    def __getattr__(self, name: str) -> Any:
        """Only called for an attribute not set yet: ``ox`` before the load is done."""
        if name != "ox":
            raise AttributeError(name)
        self._loaded.wait()
        if self._load_error is not None:
            raise RuntimeError("the store could not be loaded") from self._load_error
        return self.__dict__["ox"]

    def loaded(self) -> bool:
        """Whether the quads are in (no use of ``ox`` would wait)."""
        return self._loaded.is_set()


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

    def answer(self, query: str) -> Answer:
        result = self.graph.query(query)
        if result.type == "SELECT":
            names = [str(v) for v in result.vars or []]
            rows = [{n: row[i] for i, n in enumerate(names) if row[i] is not None}  # type: ignore[index]
                    for row in result]
            return Answer("select", names, rows)
        if result.type == "ASK":
            return Answer("ask", boolean=bool(result.askAnswer))
        return Answer("graph", graph=result.graph)

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


T = TypeVar("T")


#: Every :class:`GenerationCache` alive (module-level singletons: the records, the substitutes
#: engine, the search index, ...), for :func:`prepare_caches`.
_CACHES: weakref.WeakSet[GenerationCache[Any]] = weakref.WeakSet()


class GenerationCache(Generic[T]):
    """One value per store and generation, rebuilt when the store's generation changes; built
    under a lock, so several threads asking at once after a start or an update build it once.

    Keyed weakly on the store object itself: a store that is gone takes its values with it, and
    a new store can never be handed the value of an old one that had the same ``id``. The
    values of the last ``KEEP`` generations are kept, so a writer can build the next
    generation's value (:meth:`Store.ahead`, :func:`prepare_caches`) while readers go on using
    the current one.
    """

    KEEP = 2

    def __init__(self, build: Callable[[Store], T]) -> None:
        self._build = build
        self._values: weakref.WeakKeyDictionary[Store, dict[Hashable, T]] = (
            weakref.WeakKeyDictionary())
        self._lock = threading.Lock()
        _CACHES.add(self)

    def get(self, store: Store) -> T:
        """The value for store's current generation (as this thread sees it)."""
        generation = store.generation()
        values = self._values.get(store)
        if values is not None:
            try:  # one lookup: a writer may drop the oldest generation meanwhile
                return values[generation]
            except KeyError:
                pass
        with self._lock:
            values = self._values.setdefault(store, {})
            if generation not in values:
                values[generation] = self._build(store)
                while len(values) > self.KEEP:  # dicts keep insertion order: oldest first
                    del values[next(iter(values))]
            return values[generation]


def derived_value(store: Store, name: str, build: Callable[[Store], T],
                  encode: Callable[[T], object], decode: Callable[[Any], T]) -> T:
    """build(store), or, while store holds exactly the data of the snapshot it was opened from
    (its generation 0; an update moves it on), the value read back from beside that snapshot
    (:func:`~exgraph.graph.store_cache.cached_value`: what every start on unchanged data
    would derive again). A store with no snapshot (an external server, rdflib) builds."""
    key = store.derived_key() if store.generation() == 0 else None
    return store_cache.cached_value(key, name, lambda: build(store), encode, decode)


def prepare_caches(store: Store, caches: Iterable[GenerationCache[Any]] | None = None) -> None:
    """Build every generation cache's value (or those of caches) for the generation store's
    next bump gives, from its data as it is now (call after changing the data, before the bump,
    holding the write lock): readers keep the current generation's values until the bump, and
    find the new ones ready after it."""
    with store.ahead():
        for cache in list(_CACHES if caches is None else caches):
            cache.get(store)


def freeze_heap(*, collect: bool) -> int:
    """Move every object alive now out of the cyclic garbage collector's reach (``gc.freeze``)
    and return how many are frozen; with collect, collect garbage first.

    A full collection walks every tracked object while holding the interpreter lock, and no
    other thread runs meanwhile: in the soak, threads that sleep 5 ms woke up to 1.75 s late
    while the writer rebuilt the records after an update, and a health probe took 1.47 s.
    Measured on the bundled graph alone, turning the records query's 83,091 rows into terms held
    the lock for up to 316 ms of collections over a 229,000-object heap; with that heap frozen,
    9 ms. ``exgraph serve`` freezes once its start is done (it collects nothing while starting:
    the collections found ~70 unreachable objects), and the writer after building each data
    generation's caches (a collection there is the very pause this avoids; ``gc.freeze`` itself
    costs nothing, so collect is False in both). Frozen
    objects are still freed when nothing refers to them: over six updates in a row the frozen
    count stayed at 531,517-531,561 (two generations alive at the switch), and a collection
    found 14 objects of cyclic garbage per update, which freezing without collecting keeps."""
    import gc

    if collect:
        gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
