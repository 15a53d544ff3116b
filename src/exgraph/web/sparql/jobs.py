"""What the web process sends a SPARQL worker and gets back: the jobs, the effect of an update,
an answer, and the errors of a worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from exgraph.errors import RETRY_AFTER, ExgraphError

#: pyoxigraph formats by the short names of exgraph.web.sparql.formats.

#: Largest answer a worker returns unless the job says otherwise (setting MAX_ANSWER_BYTES).
MAX_ANSWER_BYTES = 16 * 1024 * 1024


class WorkerFailed(ExgraphError):
    """A query worker could not start, or failed in a way that is not the query's doing."""

    status = 500


class QueryAborted(ExgraphError):
    """The worker running a query died or ran out of memory: the query needed more than a worker
    may use (or crashed the engine). The worker is replaced; the service carries on."""

    status = 503
    retry_after = RETRY_AFTER


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


#: A node an update can touch (a subject or a non-literal object).
Node = ox.NamedNode | ox.BlankNode | ox.Triple


def as_bytes(data: bytes | None) -> bytes:
    """pyoxigraph's serialisers return bytes when given no output file."""
    assert data is not None
    return data
