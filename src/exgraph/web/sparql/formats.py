"""Content negotiation, as data: which media types each query form can answer in, and when a
browser gets a web page instead.

Two tables (after rdflib-endpoint's ``utils.py``): :data:`RESULT_MEDIA_TYPES` for SELECT and ASK
(SPARQL results) and :data:`GRAPH_MEDIA_TYPES` for CONSTRUCT and DESCRIBE (RDF). Each maps a media
type a client may send to one :class:`Format`; the first entry of each table is the default for a
missing or ``*/*`` Accept. :func:`parse_accept` reads an Accept header and :func:`negotiate`
picks a format, or None when nothing acceptable exists (the endpoint answers 406).

Web pages (:data:`PAGE_MEDIA_TYPES`) join the same negotiation: :func:`negotiate_page` is what
the Linked Data routes (``/id/...``, ``/ontology``) use, and :func:`wants_workbench` decides when
``GET /sparql`` shows the query workbench instead of the service description.

This module is imported by the query workers too, so it must stay free of Flask and rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["results", "graph", "page"]


@dataclass(frozen=True)
class Format:
    """One serialisation: its short ``name`` (the ``format`` parameter), the media type it is sent
    as, and whether it carries SPARQL results or an RDF graph."""

    name: str
    media_type: str
    kind: Kind

    @property
    def content_type(self) -> str:
        """The Content-Type header value: text formats say their charset."""
        text = self.media_type.startswith("text/")
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


JSON = Format("json", "application/sparql-results+json", "results")
XML = Format("xml", "application/sparql-results+xml", "results")
CSV = Format("csv", "text/csv", "results")
TSV = Format("tsv", "text/tab-separated-values", "results")
TURTLE = Format("turtle", "text/turtle", "graph")
NTRIPLES = Format("ntriples", "application/n-triples", "graph")
JSONLD = Format("jsonld", "application/ld+json", "graph")
RDFXML = Format("rdfxml", "application/rdf+xml", "graph")
HTML = Format("html", "text/html", "page")

FORMATS: dict[str, Format] = {f.name: f for f in (JSON, XML, CSV, TSV, TURTLE, NTRIPLES, JSONLD,
                                                   RDFXML)}

#: SELECT / ASK: media type -> format. The first entry is the default.
RESULT_MEDIA_TYPES: dict[str, Format] = {
    "application/sparql-results+json": JSON,
    "application/json": JSON,
    "application/sparql-results+xml": XML,
    "application/xml": XML,
    "text/csv": CSV,
    "text/tab-separated-values": TSV,
    "text/xml": XML,  # after CSV so that text/* means CSV
}

#: CONSTRUCT / DESCRIBE: media type -> format. The first entry is the default.
#: application/xml is left out on purpose: browsers send it with q=0.9 and should get Turtle.
GRAPH_MEDIA_TYPES: dict[str, Format] = {
    "text/turtle": TURTLE,
    "application/turtle": TURTLE,
    "application/x-turtle": TURTLE,
    "application/n-triples": NTRIPLES,
    "text/plain": NTRIPLES,  # N-Triples' media type before RDF 1.1
    "application/ld+json": JSONLD,
    "application/x-json+ld": JSONLD,
    "application/json": JSONLD,
    "application/rdf+xml": RDFXML,
}

#: ``format`` parameter values beyond the short names, per kind. Clients such as SPARQLWrapper
#: send their own word for the format (``format=xml`` for a CONSTRUCT means RDF/XML).
FORMAT_ALIASES: dict[Kind, dict[str, Format]] = {
    "results": {"sparql-results+json": JSON, "sparql-results+xml": XML},
    "graph": {"ttl": TURTLE, "nt": NTRIPLES, "n-triples": NTRIPLES, "json-ld": JSONLD,
              "json": JSONLD, "xml": RDFXML, "rdf+xml": RDFXML, "rdf": RDFXML},
}

MEDIA_TYPES: dict[Kind, dict[str, Format]] = {
    "results": RESULT_MEDIA_TYPES, "graph": GRAPH_MEDIA_TYPES,
}

#: A web page for people. Offered after the data types (see :func:`negotiate_page`).
PAGE_MEDIA_TYPES: dict[str, Format] = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
}


@dataclass(frozen=True)
class MediaRange:
    """One element of an Accept header: ``type/subtype`` (either may be ``*``) and its quality."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How closely this range matches media_type: 3 exact, 2 ``type/*``, 1 ``*/*``, 0 not."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1
        if self.type != main:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header, in the client's order, lowercased.

    Parameters other than ``q`` are ignored; a malformed element (no slash) or a malformed q is
    skipped rather than failing the request, since browsers and libraries send odd headers.
    An empty or missing header gives ``[]`` (the caller treats that as ``*/*``).
    """
    ranges: list[MediaRange] = []
    for element in (header or "").split(","):
        media, *params = (part.strip() for part in element.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = -1.0
        if q >= 0:
            ranges.append(MediaRange(main, sub, q))
    return ranges


def negotiate(header: str | None, offered: Mapping[str, Format]) -> Format | None:
    """The best of ``offered`` (media type -> format) for an Accept header, or None.

    For each offered media type the most specific matching range gives its quality (so
    ``text/csv;q=0, */*`` refuses CSV; refusing one media type of a format by name refuses the
    format under its other names too). Highest quality wins; ties go to the more specific match,
    then to the range the client listed first, then to the server's order (the table's order, so
    ``*/*`` gets the table's first entry).
    """
    ranges = parse_accept(header)
    if not ranges:
        return next(iter(offered.values()), None)
    refused = {fmt for media_type, fmt in offered.items()
               if (match := _best_match(media_type, ranges)) and match[1] == 3 and match[0] <= 0}
    best: tuple[float, int, int, int] | None = None
    chosen: Format | None = None
    for position, (media_type, fmt) in enumerate(offered.items()):
        match = _best_match(media_type, ranges)
        if match is None or fmt in refused:
            continue
        q, specificity, client_position = match
        if q <= 0:
            continue
        key = (q, specificity, -client_position, -position)
        if best is None or key > best:
            best, chosen = key, fmt
    return chosen


def _best_match(media_type: str, ranges: Sequence[MediaRange]) -> tuple[float, int, int] | None:
    """(quality, specificity, client position) of the most specific range matching media_type."""
    found: tuple[float, int, int] | None = None
    for index, media_range in enumerate(ranges):
        specificity = media_range.specificity(media_type)
        if specificity and (found is None or specificity > found[1]):
            found = (media_range.q, specificity, index)
    return found


def format_from_parameter(values: Iterable[str], kind: Kind) -> Format | None:
    """The first ``format`` parameter value that names a format of ``kind``, or None.

    Values may be short names (``json``, ``turtle``), client aliases (``xml`` for RDF/XML when the
    query builds a graph) or media types. Returns None when no value fits ``kind``.
    """
    for value in values:
        key = value.strip().lower()
        for fmt in (FORMAT_ALIASES[kind].get(key), FORMATS.get(key), MEDIA_TYPES[kind].get(key)):
            if fmt is not None and fmt.kind == kind:
                return fmt
    return None


def negotiate_page(header: str | None, data: Mapping[str, Format]) -> Format | None:
    """:func:`negotiate` between the data formats of ``data`` and :data:`HTML`.

    The data formats come first in server order, so a missing Accept or ``*/*`` (curl, most
    libraries) gets data; browsers name text/html and get the page. None when nothing fits.
    """
    return negotiate(header, {**data, **PAGE_MEDIA_TYPES})


def wants_workbench(header: str | None) -> bool:
    """Whether a ``GET /sparql`` without a query comes from a browser that should get the query
    workbench rather than the service description.

    Yes when the page beats every SPARQL results and RDF format (so a client preferring any of
    them keeps today's answer) and the header names application/xhtml+xml, as every browser's
    page request does (``text/html,application/xhtml+xml,...``). A bare ``Accept: text/html``
    therefore still gets the service description in Turtle, as it always has.
    """
    data = {**RESULT_MEDIA_TYPES, **GRAPH_MEDIA_TYPES}
    if negotiate_page(header, data) is not HTML:
        return False
    return any(r.type == "application" and r.subtype == "xhtml+xml" and r.q > 0
               for r in parse_accept(header))
