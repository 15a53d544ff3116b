"""The bounded query runner: /sparql queries run in worker processes that can be killed.

Python threads cannot be stopped and pyoxigraph offers no cancellation, so a time limit is only
real if the query runs in a process of its own. :class:`QueryRunner` keeps a small pool of worker
processes, each with its own in-memory pyoxigraph store loaded from the same N-Quads dump (sent
through the worker's pipe when it starts). A request takes an idle worker, sends the job and waits
at most ``timeout`` seconds; a worker that does not answer in time is killed and replaced, and the
caller gets :class:`~exgraph.errors.QueryTimeout`. Workers enforce the row cap and return bytes
already serialised by pyoxigraph, so the parent only copies them to the response.

Workers also bound what a query may take besides time: the answer is cut at ``max_bytes`` (as it
is at ``max_rows``, flagged truncated), the process's address space is limited (RLIMIT_AS, so a
query that builds huge strings dies alone), and jobs run on a thread with a large stack (Oxigraph's
parser and optimiser recurse on deep expressions). A worker that dies during a job is reported as
:class:`QueryAborted` (503) and replaced. Workers also run the guard's full parse
(:class:`InspectJob`, rdflib) under the same time limit; a background thread warms that parser
when a worker starts. An update's trial run (:class:`UpdateJob` with an :class:`EffectScope`)
reports its :class:`UpdateEffect`: what it added and removed, and the subgraph the shapes need to
check the nodes it touched, so the web process validates a few kilobytes instead of the graph.

Workers are fresh interpreters (``python -c '...serve(FD)'``, talking over a socket pair with
``multiprocessing.connection`` framing): never ``fork`` from a threaded server. Not
``multiprocessing.Process``: with ``spawn`` and ``forkserver`` every child re-runs the parent's
main script (for ``exgraph serve`` the whole CLI, ~1.5 s; Python 3.11's forkserver ignores a
``__main__`` preload) and an unguarded script that queries /sparql would crash. A worker costs an
interpreter start, the pyoxigraph import and a bulk load of the dump (~0.3 s for the bundled graph).

This module is what every worker runs: it imports only pyoxigraph and the standard library.
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import IO, Any, Literal, TypeVar, cast

import pyoxigraph as ox

from exgraph.errors import BadRequest, ExgraphError, QueryTimeout
from exgraph.web.sparql.messages import explain

#: pyoxigraph formats by the short names of exgraph.web.sparql.formats.
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
#: Formats that can use prefixes (N-Triples cannot).
PREFIXED_FORMATS = {"turtle", "rdfxml", "jsonld"}

PR_SET_PDEATHSIG = 1  # linux/prctl.h

T = TypeVar("T")

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Stack of the thread that runs jobs in a worker (virtual memory: only what is used is touched).
JOB_STACK = 256 * 1024 * 1024
#: Largest answer a worker returns unless the job says otherwise (setting MAX_ANSWER_BYTES).
MAX_ANSWER_BYTES = 16 * 1024 * 1024


class WorkerFailed(ExgraphError):
    """A query worker could not start, or failed in a way that is not the query's doing."""

    status = 500


class QueryAborted(ExgraphError):
    """The worker running a query died or ran out of memory: the query needed more than a worker
    may use (or crashed the engine). The worker is replaced; the service carries on."""

    status = 503


@dataclass(frozen=True)
class QueryJob:
    """A query for a worker. Graph lists are None when the protocol named no dataset."""

    query: str
    format: str
    base_iri: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    max_rows: int = 10_000
    prefixes: dict[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_ANSWER_BYTES


@dataclass(frozen=True)
class EffectScope:
    """What a trial run needs to know to report an update's effect (:class:`UpdateEffect`): the
    predicates the shapes follow, as IRIs. Nodes whose ``type_predicates`` or ``closure``
    triples changed also bring in every node linking to them, every node they link to and every
    node below them along ``closure`` (a changed type or ``skos:broader`` changes what other
    nodes' ``sh:class`` and paths find); other changed nodes bring in the nodes linking to them
    when there are at most ``owner_limit`` (an exercise owning a changed step, not every
    exercise using a piece of equipment whose label changed). The context holds, for every
    node to validate, its own triples, the triples reaching it along ``inverse`` (inverse
    paths, sh:targetObjectsOf), the ``closure`` chain above it, the types of every node in all
    that, and every ``class_predicates`` triple (the class hierarchy)."""

    type_predicate: str
    class_predicates: tuple[str, ...] = ()
    closure: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    owner_limit: int = 64
    #: Graphs named with this prefix are bookkeeping, not data.
    skip_prefix: str = "urn:exgraph:"
    #: Graphs an update may not write to (besides ``skip_prefix``): the ontology's.
    protected: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdateJob:
    """An update for a worker to apply to its own store (a bounded trial run). With ``scope``,
    the reply is the update's :class:`UpdateEffect`."""

    update: str
    base_iri: str | None = None
    scope: EffectScope | None = None


@dataclass(frozen=True)
class SourceChange:
    """What an update changed in one named graph, for the per-source shapes: the graph's IRI,
    the nodes to validate (N-Triples terms) and their context, N-Triples: the graph's own
    triples about them, and the ``rdf:type`` triples the served graph gives every node in
    them (what the source points to may be typed by another source)."""

    graph: str
    focus: tuple[str, ...]
    context: bytes
    types: bytes


@dataclass(frozen=True)
class UpdateEffect:
    """What an update did to a worker's copy of the data: quads added and removed (every
    graph), the nodes to validate (N-Triples terms: ``<IRI>`` or ``_:id``, only those left with
    triples of their own) and the context their shapes read (N-Triples, the union of the data
    graphs).

    ``added_quads`` / ``removed_quads`` are the changes themselves (sorted N-Quads lines, no
    blank nodes): what the commit applies to the real store, so it commits exactly what was
    checked whatever the update's text would do when run again (``RAND()``, ``NOW()``...).
    ``sources`` has the changes to each named data graph; ``protected_added`` /
    ``protected_removed`` name the protected graphs (bookkeeping, the ontology) the update
    added quads to / removed quads from."""

    added: int
    removed: int
    focus: tuple[str, ...] = ()
    context: bytes = b""
    added_quads: bytes = b""
    removed_quads: bytes = b""
    sources: tuple[SourceChange, ...] = ()
    protected_added: tuple[str, ...] = ()
    protected_removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class InspectJob:
    """The guard's full parse of a query or an update (rdflib), run in a worker under the time
    limit. The reply is the query's form, or the update's ``UpdateInfo``."""

    text: str
    kind: Literal["query", "update"] = "query"


@dataclass(frozen=True)
class ExportJob:
    """The whole graph in an export format (``exgraph.graph.export.serialize``), built by a
    worker on its copy of the data: seconds of work that would otherwise hold the web process
    (and its GIL) on the first export of every data generation."""

    format: str


Job = QueryJob | UpdateJob | InspectJob | ExportJob


@dataclass(frozen=True)
class Answer:
    """A worker's answer: serialised bytes, and whether the row cap cut the results short."""

    body: bytes
    truncated: bool = False
    rows: int = 0


# ---------------------------------------------------------------------------------------------
# Worker side


def worker_main(conn: Connection) -> None:
    """A worker's life: receive the N-Quads dump, load it, then answer jobs until told to stop.

    Each job gets one reply: ``("ok", value)`` or ``("error", status, message)``. ``None`` or a
    closed pipe ends the worker.
    """
    store = ox.Store()
    data = conn.recv_bytes()
    if data:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    del data
    conn.send(("ready",))
    threading.Thread(target=_warm_guard, name="exgraph-warm-guard", daemon=True).start()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(run_job(store, job))


def _warm_guard() -> None:
    from exgraph.web.sparql.guard import warm

    warm()


def _die_with_parent() -> None:
    """On Linux, get SIGKILL when the parent (the forkserver) exits, as it does when the server
    dies: a worker deep in a runaway query reads no pipe and would otherwise run on."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def run_job(store: ox.Store, job: Job) -> tuple[Any, ...]:
    """Run one job on store: ``("ok", value)`` or ``("error", status, message)``."""
    try:
        if isinstance(job, InspectJob):
            return ("ok", _inspect(job))
        if isinstance(job, ExportJob):
            from exgraph.graph.export import serialize
            from exgraph.graph.store import OxigraphStore

            return ("ok", serialize(OxigraphStore(store), job.format))
        if isinstance(job, UpdateJob):
            if job.scope is None:
                store.update(job.update, base_iri=job.base_iri)
                return ("ok", Answer(b""))
            return ("ok", update_effect(store, job.update, job.base_iri, job.scope))
        return ("ok", _query(store, job))
    except BadRequest as exc:
        return ("error", 400, str(exc))
    except SyntaxError as exc:
        text = job.update if isinstance(job, UpdateJob) else getattr(job, "query", None)
        return ("error", 400, f"malformed {_what(job)}: {explain(str(exc), text)}")
    except MemoryError:
        return ("error", 503, f"the {_what(job)} needed more memory than a query worker may use")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        # Evaluation errors from Oxigraph (e.g. a result too large to serialise).
        return ("error", 500, f"the {_what(job)} failed: {exc}")


#: A node an update can touch (a subject or a non-literal object).
Node = ox.NamedNode | ox.BlankNode | ox.Triple
NODE_TYPES = (ox.NamedNode, ox.BlankNode, ox.Triple)
#: The served graph: the union of the source graphs, kept as the store's real default graph.
DEFAULT = ox.DefaultGraph()


def update_effect(store: ox.Store, update: str, base_iri: str | None,
                  scope: EffectScope) -> UpdateEffect:
    """Apply update to store and report its effect (see :class:`EffectScope`): the changes are
    found in every graph, the nodes to validate and their context in the default graph (the
    served one). Costs two dumps of the store and a set difference of their lines (~0.4 s on
    the full graph), plus lookups around the changed nodes."""
    before = set(_bytes(store.dump(format=ox.RdfFormat.N_QUADS)).splitlines())
    store.update(update, base_iri=base_iri)
    after = set(_bytes(store.dump(format=ox.RdfFormat.N_QUADS)).splitlines())
    added, removed = after - before, before - after
    del before, after
    if not added and not removed:
        return UpdateEffect(0, 0)
    added_quads = b"".join(line + b"\n" for line in sorted(added))
    removed_quads = b"".join(line + b"\n" for line in sorted(removed))
    added_list = list(ox.parse(added_quads, format=ox.RdfFormat.N_QUADS))
    removed_list = list(ox.parse(removed_quads, format=ox.RdfFormat.N_QUADS))
    changed = added_list + removed_list
    # a blank node's label starts with "_:"; a literal may hold it too, hence the exact test
    if (b"_:" in added_quads or b"_:" in removed_quads) and any(
            isinstance(term, ox.BlankNode) for quad in changed
            for term in (quad.subject, quad.object, quad.graph_name)):
        raise BadRequest("the update writes or removes blank nodes, which cannot be committed "
                         "as checked (a store renames them): name the nodes with IRIs; nothing "
                         "was changed")

    def protected(quads: Iterable[ox.Quad]) -> tuple[str, ...]:
        graphs = {quad.graph_name for quad in quads}
        return tuple(sorted(graph.value for graph in graphs
                            if isinstance(graph, ox.NamedNode)
                            and (graph.value.startswith(scope.skip_prefix)
                                 or graph.value in scope.protected)))

    protected_added = protected(added_list)
    protected_removed = protected(removed_list)
    types = {ox.NamedNode(scope.type_predicate), *map(ox.NamedNode, scope.class_predicates)}
    closure = [ox.NamedNode(p) for p in scope.closure]
    inverse = [ox.NamedNode(p) for p in scope.inverse]

    def lookup(s: Node | None, p: ox.NamedNode | None, o: Node | None) -> Iterator[ox.Quad]:
        return store.quads_for_pattern(s, p, o, DEFAULT)

    touched: set[Node] = set()
    retyped: set[Node] = set()
    for quad in changed:
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            continue  # a named graph's changes: checked per source (source_changes)
        touched.add(quad.subject)
        if quad.predicate in types or quad.predicate in closure:
            retyped.add(quad.subject)
        if quad.predicate not in types and isinstance(quad.object, NODE_TYPES):
            touched.add(quad.object)
    focus = set(touched)
    for node in touched:
        owners = {q.subject for q in lookup(None, None, node) if q.predicate not in types}
        if node in retyped or len(owners) <= scope.owner_limit:
            focus |= owners
    for node in retyped:
        focus.update(q.object for q in lookup(node, None, None)
                     if q.predicate not in types and isinstance(q.object, NODE_TYPES))
    focus |= _reach(lookup, retyped, closure, inverse=True)

    triples: set[ox.Triple] = set()

    def keep(quads: Iterable[ox.Quad]) -> bool:
        found = False
        for quad in quads:
            triples.add(ox.Triple(quad.subject, quad.predicate, quad.object))
            found = True
        return found

    present = []
    for node in focus:
        # a node with no triples left is no shape's target; one reached only along an inverse
        # predicate is (sh:targetObjectsOf)
        found = keep(lookup(node, None, None))
        for predicate in inverse:
            found = keep(lookup(None, predicate, node)) or found
        if found:
            present.append(node)
    for node in _reach(lookup, set(present), closure, inverse=False):
        keep(lookup(node, None, None))
    nodes = {t.subject for t in triples} | {t.object for t in triples
                                            if isinstance(t.object, NODE_TYPES)}
    type_predicate = ox.NamedNode(scope.type_predicate)
    for node in nodes:
        keep(lookup(node, type_predicate, None))
    for iri in scope.class_predicates:
        keep(lookup(None, ox.NamedNode(iri), None))
    context = _bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)) if present else b""
    return UpdateEffect(len(added), len(removed), tuple(sorted(str(n) for n in present)), context,
                        added_quads, removed_quads, source_changes(store, added_list, scope),
                        protected_added, protected_removed)


def source_changes(store: ox.Store, changed: list[ox.Quad],
                   scope: EffectScope) -> tuple[SourceChange, ...]:
    """Per named data graph an update added to: the nodes to validate with the per-source
    shapes (subjects and objects of the added quads, and the graph's subjects linking to one of
    them when at most ``owner_limit`` do) and their context (see :class:`SourceChange`).
    Removals alone are not looked at: what a source graph alone must hold (every shape but the
    minimum counts, which the union's check keeps; types come from the served graph) cannot
    be broken by taking triples out of it."""
    touched: dict[ox.NamedNode, set[Node]] = {}
    for quad in changed:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or graph.value.startswith(scope.skip_prefix) \
                or graph.value in scope.protected:
            continue
        nodes = touched.setdefault(graph, set())
        nodes.add(quad.subject)
        if isinstance(quad.object, NODE_TYPES):
            nodes.add(quad.object)
    type_predicate = ox.NamedNode(scope.type_predicate)
    out = []
    for graph, nodes in sorted(touched.items(), key=lambda item: item[0].value):
        focus = set(nodes)
        for node in nodes:
            owners = {q.subject for q in store.quads_for_pattern(None, None, node, graph)}
            if len(owners) <= scope.owner_limit:
                focus |= owners
        triples = {ox.Triple(q.subject, q.predicate, q.object)
                   for node in focus for q in store.quads_for_pattern(node, None, None, graph)}
        present = sorted(str(t.subject) for t in triples)
        referenced = {t.subject for t in triples} | {t.object for t in triples
                                                      if isinstance(t.object, NODE_TYPES)}
        types = {ox.Triple(q.subject, q.predicate, q.object) for node in referenced
                 for q in store.quads_for_pattern(node, type_predicate, None, DEFAULT)}
        if triples:
            out.append(SourceChange(
                graph.value, tuple(sorted(set(present))),
                _bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)),
                _bytes(ox.serialize(types, format=ox.RdfFormat.N_TRIPLES))))
    return tuple(out)


def _reach(lookup: Callable[[Node | None, ox.NamedNode | None, Node | None], Iterator[ox.Quad]],
           start: set[Node], predicates: list[ox.NamedNode], *, inverse: bool) -> set[Node]:
    """The nodes reached from start along predicates (backwards with inverse), start excluded
    unless reached again."""
    seen: set[Node] = set()
    frontier = set(start)
    while frontier and predicates:
        found: set[Node] = set()
        for node in frontier:
            for predicate in predicates:
                if inverse:
                    found.update(q.subject for q in lookup(None, predicate, node))
                else:
                    found.update(q.object for q in lookup(node, predicate, None)
                                 if isinstance(q.object, NODE_TYPES))
        frontier = found - seen
        seen |= found
    return seen


def _inspect(job: InspectJob) -> Any:
    from exgraph.web.sparql.guard import inspect_query, inspect_update

    return inspect_query(job.text) if job.kind == "query" else inspect_update(job.text)


def _what(job: Job) -> str:
    if isinstance(job, InspectJob):
        return job.kind
    if isinstance(job, ExportJob):
        return "export"
    return "update" if isinstance(job, UpdateJob) else "query"


def _query(store: ox.Store, job: QueryJob) -> Answer:
    # typed as Store.query takes them: lists are invariant, so a list[NamedNode] would not do
    default_graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
    named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None
    if job.default_graphs is not None:
        default_graphs = [ox.NamedNode(name) for name in job.default_graphs]
    if job.named_graphs is not None:
        named_graphs = [ox.NamedNode(name) for name in job.named_graphs]
    if (default_graphs is None) != (named_graphs is None):
        # The protocol named a dataset: it replaces FROM / FROM NAMED entirely, so the part it
        # leaves out is empty rather than taken from the query or the store.
        default_graphs = default_graphs or []
        named_graphs = named_graphs or []
    result = store.query(job.query, base_iri=job.base_iri, default_graph=default_graphs,
                         named_graphs=named_graphs)
    is_graph = not isinstance(result, (ox.QueryBoolean, ox.QuerySolutions))
    if is_graph != (job.format in GRAPH_FORMATS):
        raise RuntimeError(f"the query's form does not fit the {job.format} format")
    if isinstance(result, ox.QueryBoolean):
        return Answer(_bytes(result.serialize(format=RESULT_FORMATS[job.format])), rows=1)
    if isinstance(result, ox.QuerySolutions) and job.format == "json":
        answer = _json_direct(result, job)
        if answer is not None:
            return answer
        # more rows or bytes than the caps allow (or a text full of braces): run it again
        # and take what the caps allow, row by row
        result = store.query(job.query, base_iri=job.base_iri, default_graph=default_graphs,
                             named_graphs=named_graphs)
        assert isinstance(result, ox.QuerySolutions)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        overhead = sum(2 * len(name) + 48 for name in variables)
        rows, truncated = take(result, job.max_rows, job.max_bytes,
                               lambda row: overhead + sum(term_size(t) for t in row))

        def solutions(count: int) -> bytes:
            # pyoxigraph serialises only whole result iterators, so the capped rows go back
            # through its own parser (as SPARQL JSON) to get a QuerySolutions to serialise.
            capped = ox.parse_query_results(_results_json(variables, rows[:count]),
                                            format=ox.QueryResultsFormat.JSON)
            assert isinstance(capped, ox.QuerySolutions)
            return _bytes(capped.serialize(format=RESULT_FORMATS[job.format]))

        return _within(solutions, len(rows), truncated, job.max_bytes)
    triples, truncated = take(result, job.max_rows, job.max_bytes,
                              lambda triple: 8 + sum(term_size(t) for t in triple))
    prefixes = job.prefixes if job.format in PREFIXED_FORMATS else None

    def graph(count: int) -> bytes:
        return _bytes(ox.serialize(triples[:count], format=GRAPH_FORMATS[job.format],
                                   prefixes=prefixes))

    return _within(graph, len(triples), truncated, job.max_bytes)


class _GiveUp(Exception):
    """Raised by :class:`_CappedSink` to stop a serialisation that may exceed the caps."""


class _CappedSink:
    """Where pyoxigraph writes a SPARQL JSON answer: stops it (:class:`_GiveUp`) past
    ``max_bytes`` or once the braces written could belong to more than ``max_rows`` rows
    (every row holds at least one ``{``, so the rows written never exceed the braces)."""

    def __init__(self, max_bytes: int, max_braces: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.braces = 0
        self.max_bytes = max_bytes
        self.max_braces = max_braces

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self.size += len(chunk)
        self.braces += chunk.count(b"{")
        if self.size > self.max_bytes or self.braces > self.max_braces:
            raise _GiveUp
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the parts are joined at the end."""


def _json_direct(result: ox.QuerySolutions, job: QueryJob) -> Answer | None:
    """A SELECT answer in SPARQL JSON written by pyoxigraph straight from the results (Rust),
    when it fits both caps: ~3x less work in the worker than taking the rows one by one in
    Python, then writing them (bench/targets.py: 570 against 830 µs of CPU for the headline
    alternatives query). None when it does not fit: the caller takes the rows one by one.
    The rows are counted by parsing the answer (json, C): an answer is whole or not at all."""
    width = len(result.variables)
    # head and results objects, then per row its own braces and one per bound variable
    sink = _CappedSink(job.max_bytes, 3 + (job.max_rows + 1) * (1 + width))
    try:
        # pyoxigraph only calls write() (and flush()) on the output it is given
        result.serialize(cast("IO[bytes]", sink), format=ox.QueryResultsFormat.JSON)
    except _GiveUp:
        return None
    body = b"".join(sink.parts)
    rows = len(json.loads(body)["results"]["bindings"])
    if rows > job.max_rows:
        return None
    return Answer(body, False, rows)


def _bytes(data: bytes | None) -> bytes:
    """pyoxigraph's serialisers return bytes when given no output file."""
    assert data is not None
    return data


def take(items: Iterable[T], max_items: int, max_bytes: int,
         size: Callable[[T], int]) -> tuple[list[T], bool]:
    """The first items, at most max_items of them and at most max_bytes by size(); and whether
    any were left out. Stops reading items as soon as it has enough."""
    taken: list[T] = []
    total = 0
    for item in items:
        total += size(item)
        if len(taken) == max_items or total > max_bytes:
            return taken, True
        taken.append(item)
    return taken, False


def _within(serialize: Callable[[int], bytes], count: int, truncated: bool,
            max_bytes: int) -> Answer:
    """serialize(count), with count halved until the bytes fit max_bytes (the size estimate of
    :func:`take` can be low, e.g. for text full of characters JSON escapes)."""
    body = serialize(count)
    while len(body) > max_bytes and count > 0:
        count //= 2
        truncated = True
        body = serialize(count)
    return Answer(body, truncated, count)


def term_size(term: Any) -> int:
    """About how many bytes a term takes in a serialised answer."""
    if isinstance(term, ox.Literal):
        return len(term.value) + len(term.datatype.value) + len(term.language or "") + 24
    if isinstance(term, ox.Triple):
        return term_size(term.subject) + term_size(term.predicate) + term_size(term.object) + 16
    if term is None:
        return 0
    return len(term.value) + 16


def _results_json(variables: list[str], rows: Iterable[ox.QuerySolution]) -> bytes:
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = _term_json(term)
        bindings.append(binding)
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


def _term_json(term: Any) -> dict[str, Any]:
    """A pyoxigraph term in the SPARQL JSON results encoding (with SPARQL 1.2 triple terms)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(f"cannot encode {term!r}")


# ---------------------------------------------------------------------------------------------
# Parent side


#: What a worker process runs (not ``-m``: its classes must pickle as exgraph.web.sparql.runner's).
WORKER_COMMAND = ("import sys; from exgraph.web.sparql.runner import serve; "
                  "serve(int(sys.argv[1]), int(sys.argv[2]))")


def serve(fd: int, memory_limit: int = 0) -> None:
    """A worker process's entry point: answer jobs on the socket with descriptor fd, in at most
    memory_limit bytes of address space (0: no limit)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    stack = JOB_STACK
    if memory_limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        stack = min(stack, memory_limit // 4)
    threading.stack_size(stack)
    jobs = threading.Thread(target=worker_main, args=(Connection(fd),), name="exgraph-jobs")
    jobs.start()
    threading.stack_size(0)
    jobs.join()


class _Worker:
    """One worker process, its socket, and the data generation it was loaded with."""

    def __init__(self, data: bytes, generation: int, memory_limit: int = 0) -> None:
        self.generation = generation
        ours, theirs = socket.socketpair()
        with ours, theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-c", WORKER_COMMAND, str(theirs.fileno()), str(memory_limit)],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, close_fds=True,
                env={**os.environ, "MALLOC_ARENA_MAX": "2"},  # few arenas: less address space
            )
            self.conn = Connection(os.dup(ours.fileno()))
        # The child reads the dump as soon as it runs, so this returns once it has started.
        self.conn.send_bytes(data)
        self.ready = False
        self._dead = False
        self._kill_lock = threading.Lock()

    def call(self, job: Job, timeout: float, start_timeout: float) -> Any:
        """Send job and return the reply. Raises TimeoutError past timeout, EOFError if it died."""
        if not self.ready:
            if not self.conn.poll(start_timeout):
                raise WorkerFailed(f"a query worker did not start within {start_timeout:g} s")
            try:
                self.conn.recv()  # ("ready",)
            except EOFError:
                raise WorkerFailed(f"a query worker exited while starting "
                                   f"({self.exit_status()})") from None
            self.ready = True
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

    def stop(self, grace: float = 1.0) -> None:
        """Ask the worker to exit; kill it if it does not within grace seconds."""
        if self.ready and not self._dead and self.process.poll() is None:
            try:
                self.conn.send(None)
                self.process.wait(grace)
            except (OSError, subprocess.TimeoutExpired):
                pass  # dead already, or stuck: kill() below settles both
        self.kill()

    def exit_status(self) -> str:
        """How the process ended, once it has: "signal SIGSEGV", "exit 1"."""
        code = self.process.wait()
        if code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit {code}"

    def kill(self) -> None:
        """Kill the process at once (a runaway query) and release its socket. Idempotent."""
        with self._kill_lock:
            if self._dead:
                return
            self._dead = True
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self.conn.close()


class QueryRunner:
    """A pool of ``workers`` query processes over the N-Quads ``data``.

    :meth:`query` runs a :class:`QueryJob` under ``timeout`` seconds; :meth:`trial_update` runs an
    update in a worker (which is then replaced); :meth:`reload` replaces the data of every worker.
    Thread-safe. Closed at interpreter exit; :meth:`close` closes it earlier.
    """

    def __init__(self, data: bytes, *, workers: int = 2, timeout: float = 5.0,
                 start_timeout: float = 60.0, memory_limit: int = 0) -> None:
        if workers < 1:
            raise ValueError("a query runner needs at least one worker")
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.memory_limit = memory_limit
        self.size = workers
        self._lock = threading.Lock()
        self._data = data
        self._generation = 0
        self._closed = False
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()  # idle and busy, so close() can reach them all
        for _ in range(workers):
            self._idle.put(self._spawn())
        atexit.register(self.close)

    def _spawn(self) -> _Worker:
        with self._lock:
            worker = _Worker(self._data, self._generation, self.memory_limit)
            self._workers.add(worker)
            return worker

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        with self._lock:
            self._workers.discard(worker)
        if kill:
            worker.kill()
        else:
            worker.stop()

    def _replace(self) -> None:
        if not self._closed:
            self._idle.put(self._spawn())

    def _checkout(self) -> _Worker:
        if self._closed:
            raise WorkerFailed("the query runner is closed")
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again"
            ) from None

    def _checkin(self, worker: _Worker) -> None:
        if self._closed or worker.generation != self._generation:
            self._retire(worker)
            self._replace()
        else:
            self._idle.put(worker)

    def _call(self, job: Job, *, keep: bool = True, timeout: float | None = None) -> Any:
        worker = self._checkout()
        started = time.monotonic()
        limit = self.timeout if timeout is None else timeout
        try:
            reply = worker.call(job, limit, self.start_timeout)
        except TimeoutError:
            self._retire(worker, kill=True)
            self._replace()
            raise QueryTimeout(
                f"the {_what(job)} ran past the {limit:g} s limit and was stopped "
                f"(after {time.monotonic() - started:.1f} s)"
            ) from None
        except WorkerFailed:
            self._retire(worker, kill=True)
            self._replace()
            raise
        except (EOFError, OSError):
            self._retire(worker, kill=True)
            self._replace()
            raise QueryAborted(
                f"the worker running the {_what(job)} stopped ({worker.exit_status()}): the "
                f"{_what(job)} needed more memory or stack than a worker may use; the worker "
                "was replaced") from None
        if keep:
            self._checkin(worker)
        else:
            self._retire(worker)
            self._replace()
        if reply[0] == "ok":
            return reply[1]
        _, status, message = reply
        if status == 400:
            raise BadRequest(message)
        if status == 503:
            raise QueryAborted(message)
        raise WorkerFailed(message)

    def query(self, job: QueryJob) -> Answer:
        """Run job in a worker. Raises BadRequest (bad syntax), QueryTimeout (too slow, or every
        worker busy for the whole limit), QueryAborted (the worker died) or WorkerFailed."""
        answer: Answer = self._call(job)
        return answer

    def inspect(self, job: InspectJob) -> Any:
        """The guard's verdict on a query (its form) or an update (its ``UpdateInfo``), parsed
        in a worker under the time limit. Raises like :meth:`query`."""
        return self._call(job)

    def trial_update(self, job: UpdateJob, timeout: float | None = None) -> UpdateEffect | None:
        """Apply an update in a worker under the time limit (``timeout`` seconds, default the
        runner's), then retire that worker (its data changed). Raises like :meth:`query`; on
        success the caller commits the effect to the real store and calls :meth:`reload`.
        Returns the update's effect when the job has a scope."""
        reply = self._call(job, keep=False, timeout=timeout)
        return reply if isinstance(reply, UpdateEffect) else None

    def export(self, job: ExportJob, timeout: float | None = None) -> bytes:
        """The whole graph in job's format, serialised by a worker (``timeout`` seconds, default
        the runner's). Raises like :meth:`query`."""
        data: bytes = self._call(job, timeout=timeout)
        return data

    def reload(self, data: bytes) -> None:
        """Give every worker new data: idle ones are replaced now, busy ones when they return."""
        with self._lock:
            self._data = data
            self._generation += 1
        stale: list[_Worker] = []
        while True:
            try:
                stale.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in stale:
            self._checkin(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed. Idempotent."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        idle: set[_Worker] = set()
        while True:
            try:
                idle.add(self._idle.get_nowait())
            except queue.Empty:
                break
        with self._lock:
            workers, self._workers = self._workers, set()
        for worker in workers:
            if worker in idle:
                worker.stop()
            else:
                worker.kill()

