"""A SELECT's solutions as tuples of rdflib terms, read from Oxigraph's TSV writer.

Why: the records' first build reads ~80 SELECT rows per exercise (246,631 + 332,232 rows at
3k exercises), and turning each pyoxigraph solution into a dict of rdflib terms
(:func:`exgraph.graph.store._solutions`) cost more than the query: a Python object per
solution and per term, a cache lookup per term. Here Oxigraph evaluates the query and writes
its SPARQL TSV results in Rust (8 KB chunks handed to :class:`_TsvRows`), and each distinct
cell text is turned into an rdflib term once (a dict keyed by the text); a row is a tuple in
projection order, ``None`` for an unbound variable. Measured at 3k exercises, one run: the
two record queries 2.2 and 3.4 s of CPU through ``_solutions``, 1.4 and 1.5 s here (of which
Oxigraph's own evaluation and writing 0.8 and 1.2 s). Streamed: only a chunk of TSV text is
held at a time, never the whole answer (1.8 GB of TSV at 100k).

The terms are those :func:`exgraph.graph.store.from_ox` gives for the same solutions
(``tests/unit/graph/test_rows.py`` checks every term of the bundled graph and the edge cases:
escapes, languages, datatypes, numbers Oxigraph writes bare).
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

#: A solution: one term per projected variable, in projection order (None: unbound).
Row = tuple[Node | None, ...]

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\", "b": "\b", "f": "\f",
            "'": "'"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_XSD_STRING = str(XSD.string)
#: Turtle's INTEGER, DECIMAL and DOUBLE (group 2: the exponent).
_NUMBER = re.compile(r"[+-]?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    if code not in _ESCAPES:
        raise ValueError(f"unknown escape \\{code} in a TSV literal")
    return _ESCAPES[code]


def tsv_term(cell: str) -> Node:
    """The rdflib term of one cell of SPARQL TSV results as Oxigraph writes them: ``<iri>``,
    ``_:id``, a quoted literal (escaped ``\\t \\n \\r \\" \\\\``) with ``@lang`` or
    ``^^<datatype>`` or neither (xsd:string), or a bare boolean, decimal or integer (Oxigraph
    writes those bare when their lexical form is Turtle's: it stores literals canonical)."""
    first = cell[:1]
    if first == "<" and not cell.startswith("<<"):  # << >>: an RDF 1.2 triple term
        return URIRef(cell[1:-1])
    if first == '"':
        end = cell.rindex('"')  # the suffix (@lang, ^^<iri>) holds no quote
        text = cell[1:end]
        if "\\" in text:
            text = _ESCAPE.sub(_unescape, text)
        suffix = cell[end + 1:]
        if not suffix:
            return Literal(text)
        if suffix[0] == "@":
            return Literal(text, lang=suffix[1:])
        if not suffix.startswith("^^<") or not suffix.endswith(">"):
            raise ValueError(f"not a TSV literal: {cell!r}")
        datatype = suffix[3:-1]
        return Literal(text) if datatype == _XSD_STRING else Literal(
            text, datatype=URIRef(datatype))
    if cell.startswith("_:"):
        return BNode(cell[2:])
    if cell in ("true", "false"):
        return Literal(cell, datatype=XSD.boolean)
    number = _NUMBER.fullmatch(cell)
    if number is None:
        raise ValueError(f"not a TSV term: {cell!r}")
    kind = XSD.double if number.group(2) else XSD.decimal if "." in cell else XSD.integer
    return Literal(cell, datatype=kind)


class _TsvRows:
    """The file object Oxigraph's TSV writer writes to: parses each chunk as it comes."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.names: list[str] | None = None
        self._rest = b""
        self._terms: dict[str, Node | None] = {"": None}

    def write(self, chunk: Any) -> int:
        data = self._rest + bytes(chunk)
        cut = data.rfind(b"\n") + 1
        self._rest = data[cut:]
        if cut:
            self._lines(data[:cut - 1].decode().split("\n"))
        return len(chunk)

    def flush(self) -> None:
        """Nothing buffered here: a partial line waits for its end."""

    def _lines(self, lines: list[str]) -> None:
        if self.names is None:
            self.names = [name.removeprefix("?") for name in lines[0].split("\t")]
            lines = lines[1:]
        terms, append = self._terms, self.rows.append
        for line in lines:
            row = []
            for cell in line.split("\t"):
                try:
                    row.append(terms[cell])
                except KeyError:
                    term = terms[cell] = tsv_term(cell)
                    row.append(term)
            append(tuple(row))

    def close(self) -> None:
        if self._rest:
            self._lines(self._rest.decode().split("\n"))
            self._rest = b""


def ox_rows(store: ox.Store, query: str) -> tuple[list[str], list[Row]]:
    """The projected variable names and the solutions of a SELECT on a pyoxigraph store, each
    a tuple of rdflib terms in projection order (TypeError for another query form)."""
    result = store.query(query)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("not a SELECT query")
    names = [v.value for v in result.variables]
    sink = _TsvRows()
    result.serialize(sink, format=ox.QueryResultsFormat.TSV)  # type: ignore[arg-type]
    sink.close()
    if sink.names is not None and sink.names != names:
        raise ValueError(f"TSV header {sink.names} is not the projection {names}")
    width = len(names)
    for row in sink.rows:
        if len(row) != width:
            raise ValueError(f"a TSV row of {len(row)} cells for {width} variables")
    return names, sink.rows
