"""Deterministic serialisation of the graph and atomic file writes.

Every format is written from one canonical form: the graph's triples as N-Triples lines, sorted
bytewise. The orders:

* N-Triples: those lines in that order, so grouped by subject, then by predicate;
* Turtle: the same triples in the same order through Oxigraph's Turtle writer (a subject per
  statement, ``;`` between its predicates, ``,`` between the objects of one, the project's
  prefixes), after a header of the prefixes in alphabetical order;
* JSON-LD: the same triples in the same order through Oxigraph's JSON-LD writer: expanded
  JSON-LD, a top-level array with one node object per subject (whole IRIs, no ``@context``),
  its properties and values in that order;
* N-Quads: every quad of the source graphs (not the default graph, which is their union), one
  per line, sorted bytewise;
* TriG: the source graphs in the bytewise order of their names, each graph's triples sorted as
  above, through Oxigraph's TriG writer, with the same header as Turtle.

So the bytes depend on the triples alone: not on the order they were loaded in, the hash seed,
the process or the engine. On Oxigraph the lines come from its own N-Triples writer
(``Store.dump``, in Rust): its term syntax (canonical N-Triples) is used, its iteration order
is not (a memory store dumps in reverse insertion order, so the order follows the load order;
measured, bench/RESULTS.md). The sort is ``list.sort`` on the lines: timsort in C comparing
bytes, which merges the sorted runs a dump already has (data loaded sorted or grouped by
subject sorts in near-linear time), measured faster here than Oxigraph's SPARQL ``ORDER BY``,
GNU ``sort`` and a numpy sort of fixed-width keys. Layouts within an order (indentation, where
``;`` and ``,`` go, the JSON-LD shape) are Oxigraph's writers' (pyoxigraph 0.5); a writer that
changed them would change the bytes, never make them depend on anything but the triples.

Stores other than Oxigraph (rdflib, a remote server) and rdflib Graphs take the slower path:
their triples are converted one by one to pyoxigraph terms and written by the same N-Triples
writer; the rest is shared, so every engine gives the same bytes.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from exgraph.errors import BadRequest
from exgraph.graph.safe_files import write_temp
from exgraph.graph.store import OxigraphStore, Store, ox_bytes, to_ox_triple
from exgraph.vocab.terms import PREFIXES

#: format name → (file extension, media type)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("ttl", "text/turtle; charset=utf-8"),
    "ntriples": ("nt", "application/n-triples"),
    "jsonld": ("jsonld", "application/ld+json"),
    "nquads": ("nq", "application/n-quads"),
    "trig": ("trig", "application/trig"),
}
#: The formats that carry every source graph (the others are the union, the default graph).
DATASET_FORMATS = frozenset({"nquads", "trig"})
#: Graphs named so are exgraph's bookkeeping, not sources: never exported.
_BOOKKEEPING = "urn:exgraph:"


# ---------------------------------------------------------------------------------------------
# The canonical lines


def _ntriples_lines(data: bytes, *, unique: bool) -> list[bytes]:
    """The triples of N-Triples data, ``subject predicate object`` without the `` .`` that
    ends each line, sorted bytewise (the order of the whole lines: no triple is another one
    followed by a space).

    " .\n" ends every line and occurs nowhere else: N-Triples escapes newlines inside terms.
    unique drops repeats: needed when the writer was fed terms that differ for their source but
    not in N-Triples (rdflib's ``Literal("x")`` and ``Literal("x", datatype=XSD.string)``); a
    store's dump of one graph never repeats a triple.
    """
    lines = data.split(b" .\n")
    if lines and not lines[-1]:
        lines.pop()
    if unique:
        lines = list(set(lines))
    # timsort finds the sorted runs (ascending or descending) already there: a memory store
    # dumps in reverse insertion order, so data loaded sorted or grouped by subject sorts in
    # near-linear time; data loaded in random order costs n log n comparisons of bytes
    lines.sort()
    return lines


def _store_lines(source: OxigraphStore, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph
                 ) -> list[bytes]:
    return _ntriples_lines(
        ox_bytes(source.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)), unique=False)


def _default_graph_lines(source: Store | Graph) -> list[bytes]:
    """The canonical lines of source's triples (its default graph)."""
    if isinstance(source, OxigraphStore):
        return _store_lines(source, ox.DefaultGraph())
    items = source.triples() if isinstance(source, Store) else iter(source)
    data = ox_bytes(ox.serialize(
        (to_ox_triple(s, p, o) for s, p, o in items), format=ox.RdfFormat.N_TRIPLES))
    return _ntriples_lines(data, unique=True)


def _source_graphs(source: Store | Graph) -> list[tuple[bytes, list[bytes]]]:
    """(graph name in N-Triples, canonical lines) of every source graph, names sorted bytewise.

    A store without source graphs (or an rdflib Graph, or a store that is not Oxigraph) gives
    one entry, its default graph, named ``b""``.
    """
    if isinstance(source, OxigraphStore):
        named = [g for g in source.ox.named_graphs()
                 if not (isinstance(g, ox.NamedNode) and g.value.startswith(_BOOKKEEPING))]
        if named:
            graphs = sorted((str(g).encode(), g) for g in named)
            return [(name, _store_lines(source, g)) for name, g in graphs]
    return [(b"", _default_graph_lines(source))]


def _join(lines: list[bytes], end: bytes = b" .\n") -> bytes:
    """The lines, each followed by end (one copy of the bytes: join, no concatenation)."""
    lines.append(b"")
    try:
        return end.join(lines)
    finally:
        lines.pop()


def canonical_ntriples(source: Store | Graph) -> bytes:
    """Every triple of source (its default graph) as N-Triples, one per line, sorted bytewise
    (so grouped by subject, then by predicate): the same bytes for the same triples."""
    return _join(_default_graph_lines(source))


def canonical_nquads(source: Store | Graph) -> bytes:
    """Every quad of the source graphs as N-Quads, one per line, sorted bytewise (so grouped by
    subject, then by predicate, across graphs).

    The default graph is left out: it is the union of the source graphs, which loading the
    quads with exgraph rebuilds. A store without named graphs (or an rdflib Graph) gives its
    triples in the default graph (the bytes of :func:`canonical_ntriples`).
    """
    graphs = _source_graphs(source)
    if len(graphs) == 1:
        name, lines = graphs[0]
        return _join(lines, b" " + name + b" .\n" if name else b" .\n")
    # each graph's lines are sorted and stay so with the graph's name after them (no line is
    # another one followed by a space): timsort merges these runs
    quads = [line + b" " + name for name, lines in graphs for line in lines]
    quads.sort()
    return _join(quads)


# ---------------------------------------------------------------------------------------------
# Turtle, TriG and JSON-LD: Oxigraph's writers, fed the sorted lines


def _prefix_header(body: bytes) -> bytes:
    """body with Oxigraph's @prefix lines replaced by ours in a fixed (alphabetical) order."""
    start = 0
    while body.startswith(b"@prefix ", start):
        start = body.index(b"\n", start) + 1
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    return b"".join((header.encode(), b"\n", memoryview(body)[start:]))


def _written(data: bytes, parse: ox.RdfFormat, write: ox.RdfFormat) -> bytes:
    """data (sorted lines) through Oxigraph's parser into its writer for write, in Rust but for
    one Python object per triple between them (pyoxigraph has no bytes-to-bytes conversion)."""
    return ox_bytes(ox.serialize(ox.parse(data, format=parse), format=write, prefixes=PREFIXES))


def serialize(source: Store | Graph, fmt: str = "turtle") -> bytes:
    """The graph in fmt (``turtle``, ``ntriples``, ``jsonld``; ``nquads`` and ``trig`` with
    every source graph): the same bytes for the same graph (the orders are in the module's
    docstring).

    Raises BadRequest for an unknown format.
    """
    if fmt not in FORMATS:
        raise BadRequest(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "nquads":
        return canonical_nquads(source)
    if fmt == "trig":
        # graph after graph (the writer opens a block per run of one graph), sorted inside
        quads = b"".join(_join(lines, b" " + name + b" .\n" if name else b" .\n")
                         for name, lines in _source_graphs(source))
        return _prefix_header(_written(quads, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG))
    ntriples = _join(_default_graph_lines(source))
    if fmt == "ntriples":
        return ntriples
    if fmt == "turtle":
        # Oxigraph abbreviates with the prefixes; the header is ours so its order is fixed
        return _prefix_header(_written(ntriples, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE))
    return _compact_jsonld(_written(ntriples, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD))


#: JSON-LD 1.1 uses a term as a prefix of compact IRIs when its IRI ends with one of these; the
#: others need "@prefix": true.
_GEN_DELIMS = tuple(":/?#[]@")
#: Where Oxigraph's JSON-LD writer puts an IRI: a property key (after "{" or ","), an "@id" or
#: an "@type" (a literal's datatype). A text value is always after "@value": and its own quotes
#: are escaped, so none of these is ever inside one.
_IRI_CONTEXTS = (rb'\{"', rb',"', rb'"@id":"', rb'"@type":"')


@functools.lru_cache(maxsize=1)
def _compaction() -> tuple[re.Pattern[bytes], dict[bytes, bytes]]:
    """The pattern of an IRI spot followed by a namespace (the longest first) and more (an
    IRI that is the namespace itself stays whole), and each namespace's ``prefix:``."""
    namespaces = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    prefix_of = {ns.encode(): prefix.encode() + b":" for prefix, ns in namespaces}
    spot = re.compile(b"(" + b"|".join(_IRI_CONTEXTS) + b")("
                      + b"|".join(re.escape(ns.encode()) for _, ns in namespaces)
                      + rb')(?=[^"])')
    return spot, prefix_of


#: Bytes of expanded JSON-LD compacted at a time (then cut at the next node object).
_CHUNK = 8 * 1024 * 1024
#: Between two node objects (or two values of an array): no IRI spot spans it, as the next
#: spot starts at its "{".
_NODE_CUT = b'},{"'


def _node_chunks(body: bytes, size: int = _CHUNK) -> list[bytes]:
    """body cut into pieces of about size bytes, each cut just before a ``{"`` that follows
    ``},``: a spot (``{"``, ``,"``, ``"@id":"``, ``"@type":"`` and the IRI after it) is never
    cut, since the bytes before the cut, ``},``, start none."""
    chunks, start = [], 0
    while start < len(body):
        cut = body.find(_NODE_CUT, start + size)
        end = len(body) if cut < 0 else cut + 2
        chunks.append(body[start:end])
        start = end
    return chunks


def _compact_jsonld(body: bytes, chunk: int = _CHUNK) -> bytes:
    """Oxigraph's expanded JSON-LD (an array of node objects) as ``{"@context", "@graph"}``
    with the vocabulary's prefixes (:data:`~exgraph.vocab.terms.PREFIXES`) as compact IRIs
    ("exg:step", "exercise:squat"): one pass of a regular expression over the bytes, the
    longest namespace first, never inside a text value.

    The pattern consumes the spot's opening characters (``{"``, ``,"``, ``"@id":"``,
    ``"@type":"``) instead of looking behind for them: the engine then only tries a match at
    a ``{``, ``,`` or ``"``, not at every byte, and the namespaces are swapped in a list of the
    pieces ``re.split`` gives (every third one) rather than by a Python call per match. The
    same bytes as the lookbehind form (checked at 1.7k), in 0.24 s instead of 0.56 s of CPU
    for the bundled graph's 283,467 IRIs (bench/RESULTS.md, "Fourth pass"). The pieces of a
    split are ~40 bytes of object each: the body is split in chunks of whole node objects
    (:func:`_node_chunks`), so they never exceed a chunk's worth (one split of the whole 100k
    graph's body, ~2.5 GB, held 9 GB and was killed for want of memory)."""
    spot, prefix_of = _compaction()
    pieces = []
    for piece in _node_chunks(body, chunk):
        parts = spot.split(piece)
        parts[2::3] = [prefix_of[ns] for ns in parts[2::3]]
        pieces.append(b"".join(parts))
    graph = b"".join(pieces).rstrip(b"\n")
    del pieces
    context = {prefix: ns if ns.endswith(_GEN_DELIMS) else {"@id": ns, "@prefix": True}
               for prefix, ns in sorted(PREFIXES.items())}
    head = json.dumps({"@context": context}, ensure_ascii=False, separators=(",", ":"))
    return b"".join((head[:-1].encode(), b',"@graph":', graph, b"}\n"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file or the new one, never a part: a
    temporary file beside it (``.<name>.<pid>.<random>.tmp``, which
    :func:`~exgraph.graph.safe_files.remove_stale` removes when a killed process left it),
    flushed to disk, then renamed over path."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
