"""A query's answer in a worker: serialised in the asked format within the row and byte caps
(the JSON of a SELECT written straight from pyoxigraph when it fits), truncation flagged."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any, TypeVar, cast

import pyoxigraph as ox

from exgraph.web.sparql.jobs import Answer, QueryJob, as_bytes

#: pyoxigraph formats by the short names of exgraph.web.sparql.formats.
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
#: Formats that can use prefixes (N-Triples cannot).
PREFIXED_FORMATS = {"turtle", "rdfxml", "jsonld"}

T = TypeVar("T")

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def run_query_job(store: ox.Store, job: QueryJob) -> Answer:
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
        return Answer(as_bytes(result.serialize(format=RESULT_FORMATS[job.format])), rows=1)
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
            return as_bytes(capped.serialize(format=RESULT_FORMATS[job.format]))

        return _within(solutions, len(rows), truncated, job.max_bytes)
    triples, truncated = take(result, job.max_rows, job.max_bytes,
                              lambda triple: 8 + sum(term_size(t) for t in triple))
    prefixes = job.prefixes if job.format in PREFIXED_FORMATS else None

    def graph(count: int) -> bytes:
        return as_bytes(ox.serialize(triples[:count], format=GRAPH_FORMATS[job.format],
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
