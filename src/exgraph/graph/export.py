"""Deterministic serialisation of the graph (Turtle, N-Triples, JSON-LD) and atomic file writes."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from exgraph.errors import BadRequest
from exgraph.graph.store import OxigraphStore, Store, from_ox, ox_bytes, to_ox_triple
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


def canonical_ntriples(source: Store | Graph) -> bytes:
    """Every triple of source as N-Triples, one per line, sorted bytewise (so grouped by subject).

    Oxigraph writes the lines (fast, in Rust); sorting them makes the result independent of
    load order, hash seeds and engine.
    """
    if isinstance(source, OxigraphStore):
        data = ox_bytes(
            source.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    else:
        items = source.triples() if isinstance(source, Store) else iter(source)
        data = ox_bytes(ox.serialize(
            (to_ox_triple(s, p, o) for s, p, o in items),
            format=ox.RdfFormat.N_TRIPLES,
        ))
    lines = sorted(set(data.split(b"\n")) - {b""})
    return b"\n".join(lines) + b"\n" if lines else b""


def canonical_nquads(source: Store | Graph) -> bytes:
    """Every quad of the source graphs as N-Quads, sorted bytewise.

    The default graph is left out: it is the union of the source graphs, which loading the
    quads with exgraph rebuilds. A store without named graphs (or an rdflib Graph) gives its
    triples in the default graph.
    """
    if isinstance(source, OxigraphStore):
        named = [q for q in source.ox.quads_for_pattern(None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph)
                 and not q.graph_name.value.startswith("urn:exgraph:")]
        if named:
            data = ox_bytes(ox.serialize(named, format=ox.RdfFormat.N_QUADS))
            lines = sorted(set(data.split(b"\n")) - {b""})
            return b"\n".join(lines) + b"\n"
    return canonical_ntriples(source)


def _prefix_header(body: bytes) -> bytes:
    """body with Oxigraph's @prefix lines replaced by ours in a fixed (alphabetical) order."""
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    return header.encode() + b"\n" + b"\n".join(lines[start:])


def serialize(source: Store | Graph, fmt: str = "turtle") -> bytes:
    """The graph in fmt (``turtle``, ``ntriples``, ``jsonld``; ``nquads`` and ``trig`` with
    every source graph): the same bytes for the same graph.

    Raises BadRequest for an unknown format.
    """
    if fmt not in FORMATS:
        raise BadRequest(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in DATASET_FORMATS:
        nquads = canonical_nquads(source)
        if fmt == "nquads":
            return nquads
        # one block per graph: a stable sort by graph keeps the subjects in order inside it
        quads = sorted(ox.parse(nquads, format=ox.RdfFormat.N_QUADS),
                       key=lambda q: str(q.graph_name))
        return _prefix_header(
            ox_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)))
    ntriples = canonical_ntriples(source)
    if fmt == "ntriples":
        return ntriples
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    if fmt == "turtle":
        # Oxigraph abbreviates with the prefixes; we write the header ourselves so its order is
        # fixed (alphabetical) whatever order the serialiser would pick.
        return _prefix_header(
            ox_bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)))
    graph = Graph()
    for t in triples:
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    document = json.loads(graph.serialize(format="json-ld", context=dict(PREFIXES)))
    # rdflib's JSON-LD writer orders nodes and values by set iteration, which changes with the
    # hash seed; sorting every array makes the bytes depend on the graph alone.
    return (json.dumps(_sorted_arrays(document), indent=1, sort_keys=True, ensure_ascii=False)
            + "\n").encode()


def _sorted_arrays(value: Any) -> Any:
    if isinstance(value, dict):
        # an @list is ordered data: keep its order, sort only inside its members
        return {k: ([_sorted_arrays(x) for x in v] if k == "@list" else _sorted_arrays(v))
                for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_arrays(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file or the new one, never a part."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
