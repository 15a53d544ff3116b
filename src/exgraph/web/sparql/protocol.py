"""The SPARQL 1.1 Protocol's requests: reading an operation from GET, form or direct POST, the
dataset parameters, and content negotiation."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox
from flask import request

import exgraph.web.sparql.formats as formats
from exgraph.errors import BadRequest, NotAcceptable
from exgraph.web.sparql.formats import Format
from exgraph.web.sparql.service import (
    FORM_MEDIA_TYPE,
    QUERY_MEDIA_TYPE,
    UPDATE_MEDIA_TYPE,
    PayloadTooLarge,
    UnsupportedMediaType,
    service,
)

# ---------------------------------------------------------------------------------------------
# Reading the request


@dataclass(frozen=True)
class Operation:
    """A protocol request, read: a query, an update, or neither (the service description)."""

    kind: str  # "query" | "update" | "description"
    text: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def values(self, name: str) -> list[str]:
        """Every value of parameter name, in order."""
        return [value for key, value in self.params if key == name]


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"{where} is not UTF-8 (byte {exc.start})") from None


def _parameters(raw: bytes, where: str) -> list[tuple[str, str]]:
    """URL-encoded parameters; BadRequest when they are not UTF-8."""
    try:
        return parse_qsl(_decode(raw, where), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"{where} has percent-escapes that are not UTF-8") from None


def read_operation() -> Operation:
    """The operation the current request asks for. Raises BadRequest / UnsupportedMediaType /
    PayloadTooLarge for requests the protocol does not allow."""
    limit = service().setting("MAX_QUERY_BYTES")
    if (request.content_length or 0) > limit or len(request.query_string) > limit:
        raise PayloadTooLarge(f"the request is larger than {limit} bytes")
    request.max_content_length = limit  # a chunked body has no Content-Length to check
    params = _parameters(request.query_string, "the query string")
    text: str | None = None
    kind: str | None = None
    if request.method == "POST":
        media = request.mimetype
        if not request.content_type:
            raise BadRequest(f"POST needs a Content-Type: {FORM_MEDIA_TYPE}, {QUERY_MEDIA_TYPE} "
                             f"or {UPDATE_MEDIA_TYPE}")
        if media == FORM_MEDIA_TYPE:
            params += _parameters(request.get_data(), "the form body")
        elif media in (QUERY_MEDIA_TYPE, UPDATE_MEDIA_TYPE):
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise BadRequest(f"a {media} body must be UTF-8, not {charset}")
            text = _decode(request.get_data(), f"the {media} body")
            kind = "query" if media == QUERY_MEDIA_TYPE else "update"
        else:
            raise UnsupportedMediaType(
                f"POST body in {media} is not SPARQL: send {FORM_MEDIA_TYPE} (query= or update=),"
                f" {QUERY_MEDIA_TYPE} or {UPDATE_MEDIA_TYPE}"
            )
    queries = [v for k, v in params if k == "query"]
    updates = [v for k, v in params if k == "update"]
    if text is not None and (queries or updates):
        raise BadRequest(f"the {kind} is in the body: do not also send query= or update=")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest("send exactly one query or update parameter, not several")
    if queries and updates:
        raise BadRequest("send a query or an update, not both")
    if updates and request.method == "GET":
        raise BadRequest("SPARQL Update must be sent with POST, never GET")
    if text is None:
        if queries:
            kind, text = "query", queries[0]
        elif updates:
            kind, text = "update", updates[0]
        elif request.method == "GET":
            return Operation("description", params=tuple(params))
        else:
            raise BadRequest("missing query: send query= or update=")
    assert kind is not None
    return Operation(kind, text, tuple(params))


def graph_names(op: Operation, name: str) -> tuple[str, ...] | None:
    """The values of a dataset parameter, checked to be absolute IRIs; None when absent."""
    values = op.values(name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise BadRequest(f"{name} {value!r} is not an absolute IRI") from None
    return tuple(values) if values else None


def choose_format(op: Operation, kind: formats.Kind, what: str) -> Format:
    """The format to answer in: the ``format`` parameter, else Accept. Raises NotAcceptable."""
    requested = op.values("format")
    if requested:
        chosen = formats.format_from_parameter(requested, kind)
        if chosen is None:
            names = ", ".join(f.name for f in formats.FORMATS.values() if f.kind == kind)
            raise NotAcceptable(f"format={requested[0]} cannot carry {what}: use one of {names}")
        return chosen
    chosen = _negotiate(request.headers.get("Accept"), kind)
    if chosen is None:
        types = ", ".join(formats.MEDIA_TYPES[kind])
        raise NotAcceptable(f"nothing in Accept can carry {what}: accept one of {types}")
    return chosen


def _negotiate(header: str | None, kind: formats.Kind) -> Format | None:
    """formats.negotiate for a kind, remembered for the Accept headers clients usually send."""
    if header is not None and len(header) > 200:
        return formats.negotiate(header, formats.MEDIA_TYPES[kind])
    return _negotiate_short(header, kind)


@functools.lru_cache(maxsize=256)
def _negotiate_short(header: str | None, kind: formats.Kind) -> Format | None:
    return formats.negotiate(header, formats.MEDIA_TYPES[kind])


_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def query_base_iri() -> str | None:
    """The SPARQL BASE a query or update is parsed with: the endpoint's IRI as this request
    reached it, against which relative IRIs resolve (what ``request.base_url`` is, without its
    cost: werkzeug re-quotes the whole URL). None when the Host header makes no IRI. Not the
    site's public base (``BASE_IRI``: :func:`exgraph.web.pages.base.site_base_iri`)."""
    iri = f"{request.scheme}://{request.host}{request.root_path}{request.path}"
    return None if _NOT_IRI.search(iri) else iri
