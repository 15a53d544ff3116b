"""The pages blueprint and what every page shares: rendering, JSON-LD, headers, errors, the
stylesheet, and the per-app lookups (muscles, equipment, labels) the forms and links need.

A page is rendered by :func:`page`: its template gets the title, the page's JSON-LD (embedded in
``<script type="application/ld+json">``) and its alternates (``<link rel="alternate">``, also
sent as a ``Link`` header). Templates autoescape; the only markup passed in is the body map's,
which escapes its own text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request
from flask.blueprints import BlueprintSetupState
from rdflib import Graph, URIRef
from werkzeug.exceptions import HTTPException

from exgraph.errors import BadRequest, ExgraphError, NotFound
from exgraph.graph.store import Store, ox_bytes, to_ox_triple
from exgraph.queries.catalogue import CATEGORIES
from exgraph.queries.listing import equipment_taxonomy, muscle_items
from exgraph.queries.resources import class_labels
from exgraph.vocab.terms import DIFFICULTIES, EXG, PREFIXES, ROLES
from exgraph.web.api.requests import canonical_iri
from exgraph.web.api.routes import SlugConverter
from exgraph.web.cache import state
from exgraph.web.context import error_parts, exception_response, get_store
from exgraph.web.pages import links
from exgraph.web.pages.bodymap import BODYMAP_CSS
from exgraph.web.sparql.formats import HTML, JSON, Format, negotiate_page

bp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")

STATIC = Path(__file__).parent / "static"
#: Content-Security-Policy of every page: nothing is fetched from another host (the vendored
#: YASGUI and Swagger UI included); inline styles are allowed because both libraries set them.
#: A page that shows pictures from another host adds exactly those hosts to img-src
#: (:func:`csp`).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def csp(image_hosts: Sequence[str] = ()) -> str:
    """The content policy of a page that shows pictures from image_hosts (origins)."""
    if not image_hosts:
        return CSP
    return CSP.replace("img-src 'self' data:", "img-src 'self' data: " + " ".join(image_hosts))
#: JSON-LD context of the hand-built documents of list pages: the project's prefixes.
CONTEXT: dict[str, str] = dict(PREFIXES)

T = TypeVar("T")


@bp.record_once
def _setup(setup: BlueprintSetupState) -> None:
    # The API registers the same converter; pages must not depend on registration order.
    setup.app.url_map.converters.setdefault("slug", SlugConverter)


# ---------------------------------------------------------------------------------------------
# Rendering


def site_base_iri() -> str:
    """The public base of the site's IRIs: the ``BASE_IRI`` setting of the current app, under
    which resources are minted and served (not the base a SPARQL query's relative IRIs resolve
    against: that is :func:`exgraph.web.sparql.protocol.query_base_iri`)."""
    return str(current_app.config["BASE_IRI"])


@bp.app_template_filter("href")
def href(iri: object) -> str:
    """Where a link to an IRI goes (its page here, or the IRI itself)."""
    return links.href(str(iri), site_base_iri())


@bp.app_template_filter("curie")
def curie(iri: object) -> str:
    """An IRI in ``prefix:local`` form where a project prefix fits."""
    return links.curie(str(iri))


@bp.app_template_filter("licence")
def licence(iri: str | None) -> str | None:
    """A licence IRI's short name."""
    return links.licence_name(iri)


@bp.app_template_filter("capitalize_first")
def capitalize_first(text: str) -> str:
    """text with its first letter upper-case and the rest as it is (names stay as written)."""
    return text[:1].upper() + text[1:]


@bp.app_template_filter("levels")
def levels(keys: Sequence[str]) -> str:
    """Difficulty keys as people say them: ``["low", "moderate"]`` -> "Low to moderate"."""
    if not keys:
        return "not rated"
    text = " to ".join([keys[0], keys[-1]]) if len(keys) > 1 else keys[0]
    return text.capitalize()


@bp.app_template_filter("span")
def span(values: Mapping[str, int | None], unit: str = "") -> str:
    """A ``{"min", "max"}`` range as "3 to 4", "3" or "" (with unit when given)."""
    low, high = values.get("min"), values.get("max")
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        text = str(low if high is None else high)
    else:
        text = f"{low} to {high}"
    return f"{text} {unit}".strip()


def jsonld_of(graph: Graph) -> Any:
    """A graph as a JSON-LD document (expanded form), ready for ``tojson``."""
    return json.loads(rdf_bytes(graph, ox.RdfFormat.JSON_LD))


def item_list(name: str, url: str, items: Iterable[tuple[str, str | None]]) -> dict[str, Any]:
    """JSON-LD of a page that lists resources: a schema:ItemList of (IRI, name)."""
    return {
        "@context": CONTEXT,
        "@id": request.host_url.rstrip("/") + url,
        "@type": "schema:ItemList",
        "schema:name": name,
        "schema:itemListElement": [
            {"@type": "schema:ListItem", "schema:position": position,
             "schema:item": {"@id": iri, **({"rdfs:label": label} if label else {})}}
            for position, (iri, label) in enumerate(items, 1)
        ],
    }


def rdf_bytes(graph: Graph, fmt: ox.RdfFormat) -> bytes:
    """A graph serialised by Oxigraph (10x faster than rdflib's JSON-LD), triples sorted so that
    the same graph gives the same bytes."""
    triples = sorted((to_ox_triple(s, p, o) for s, p, o in graph),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox_bytes(ox.serialize(triples, format=fmt, prefixes=PREFIXES))


#: Where a long page wants its table of contents, and of which heading level:
#: ``<!--toc h2-->`` lists the page's ``<h2 id=...>`` headings that follow it.
TOC_MARK = re.compile(r"<!--toc (h[2-4])-->")
#: A page with fewer sections than this gets no table of contents (it would be as long as what
#: it skips).
TOC_MIN = 4
_TAGS = re.compile(r"<[^>]+>")


def with_toc(html: str) -> str:
    """The page with its ``<!--toc hN-->`` mark replaced by links to the headings of that level
    with an id that follow it, or removed when there are fewer than :data:`TOC_MIN`.

    The headings are the template's own, already escaped: their text is kept as it is, tags
    (links inside a heading) dropped.
    """
    mark = TOC_MARK.search(html)
    if mark is None:
        return html
    level = mark.group(1)
    headings = re.findall(rf'<{level} id="([^"]+)"[^>]*>(.*?)</{level}>', html[mark.end():],
                          flags=re.S)
    toc = ""
    if len(headings) >= TOC_MIN:
        items = "".join(f'<li><a href="#{ident}">{_TAGS.sub("", text).strip()}</a></li>'
                        for ident, text in headings)
        toc = f'<nav class="page-toc" aria-label="On this page"><ul>{items}</ul></nav>'
    return html[:mark.start()] + toc + html[mark.end():]


def page(template: str, *, title: str, jsonld: Any, status: int = 200,
         alternates: Sequence[links.Alternate] = (), image_hosts: Sequence[str] = (),
         **context: Any) -> Response:
    """Render a page: the template with the title, JSON-LD and alternates, plus context.

    The response carries the alternates as a Link header, and the security headers every page
    shares (:data:`CSP`).
    """
    html = with_toc(render_template(template, title=title, jsonld=jsonld,
                                    alternates=alternates, **context))
    response = Response(html, status=status, content_type="text/html; charset=utf-8")
    if alternates:
        response.headers["Link"] = links.link_header(list(alternates))
    response.headers["Content-Security-Policy"] = csp(image_hosts)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


# ---------------------------------------------------------------------------------------------
# Errors: a page for people, the one JSON shape for programs


def wants_html() -> bool:
    """Whether the client prefers a page to JSON (browsers do; curl and libraries do not)."""
    # the table's one entry stands for the JSON error body: only its media type matters here
    return negotiate_page(request.headers.get("Accept"), {"application/json": JSON}) is HTML


def error_page(exc: ExgraphError | HTTPException) -> Response:
    """An error as a page when the client prefers HTML, else as the one JSON error shape; the
    error's headers (Retry-After, Allow, ...) either way."""
    if not wants_html():
        response = exception_response(exc)
    else:
        message, status, headers = error_parts(exc)
        response = page("error.html", title=f"Error {status}", jsonld={}, status=status,
                        message=message, code=status)
        response.headers.update(headers)
    response.vary.add("Accept")
    return response


bp.register_error_handler(ExgraphError, error_page)
bp.register_error_handler(HTTPException, error_page)


# ---------------------------------------------------------------------------------------------
# The one stylesheet: the site's rules and the body map's


@cache
def _stylesheet() -> tuple[bytes, str]:
    text = (STATIC / "site.css").read_text(encoding="utf-8") + "\n/* body map */\n" + BODYMAP_CSS
    data = text.encode()
    return data, hashlib.blake2b(data, digest_size=8).hexdigest()


@bp.get("/assets/site.css")
def stylesheet() -> Response:
    """The site's stylesheet with the body map's rules appended (one request per page)."""
    data, etag = _stylesheet()
    response = Response(data, content_type="text/css; charset=utf-8")
    response.set_etag(etag)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response.make_conditional(request)  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Per-app lookups, rebuilt when the store changes (see exgraph.web.cache)


def cached(key: str, build: Callable[[Store], T]) -> T:
    """What build(store) returns for the app's store, built once per store generation."""
    store = get_store()
    return state().cached(f"pages:{key}", lambda: build(store))


def known(kind: str, iri: str) -> bool:
    """Whether the graph has iri as a thing of kind (exercise, muscle, equipment, goal)."""
    return state().is_known(kind, URIRef(iri))


#: The page collection of each kind the lookup resolves (/exercises/SLUG, ...).
COLLECTIONS = {"exercise": "exercises", "muscle": "muscles", "equipment": "equipment"}


def known_iri(kind: str, slug: str) -> str:
    """The IRI of the thing of kind with slug. An alias (a merged duplicate's slug) answers 308
    to the canonical page; anything else unknown raises NotFound naming the closest names."""
    iri = links.Resource(kind, slug).iri(site_base_iri())
    if known(kind, iri):
        return iri
    if kind in COLLECTIONS:
        canonical_iri(kind, slug, COLLECTIONS[kind])  # 308 or NotFound
    raise NotFound(f"no {kind} {slug!r} in the graph")


def muscles() -> list[dict[str, Any]]:
    """The muscle catalogue (see :func:`exgraph.queries.listing.muscle_items`)."""
    return cached("muscles", lambda store: muscle_items(store, state().is_known))


def taxonomy() -> dict[str, list[dict[str, Any]]]:
    """The equipment taxonomy (see :func:`exgraph.queries.listing.equipment_taxonomy`)."""
    return cached("taxonomy", lambda store: equipment_taxonomy(store, state().is_known))


def goal_labels() -> dict[str, str]:
    """Goal IRI -> label."""
    return cached("goals", lambda store: class_labels(store, str(EXG.TrainingGoal)))


def muscle_options() -> list[tuple[str, list[tuple[str, str]]]]:
    """Options of a muscle field, in two groups: muscle groups, then single muscles."""
    base = site_base_iri()
    grouped: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for item in sorted(muscles(), key=lambda m: (m["name"] or m["id"]).lower()):
        resource = links.resource_of(item["iri"], base)
        if resource is not None:
            grouped[bool(item["group"])].append((resource.slug, item["name"] or resource.slug))
    return [("Muscle groups", grouped[True]), ("Single muscles", grouped[False])]


def equipment_options() -> list[tuple[str, list[tuple[str, str]]]]:
    """Options of an equipment field: the categories (by key), then every kind.

    A kind goes by its slug unless a category has the same key (``machine``): the named
    queries read such a value as the category, so the kind is given by its full IRI. A kind
    named like a category (Bodyweight, Other equipment) is left to the category, which holds
    it: one option per name.
    """
    tax = taxonomy()
    categories = [(c["id"], c["name"] or c["id"]) for c in tax["categories"]]
    taken = {name.lower() for _, name in categories}
    kinds = [(equipment_value(item["id"], item["iri"]), item["name"] or item["id"])
             for item in sorted(tax["items"], key=lambda k: (k["name"] or k["id"]).lower())
             if (item["name"] or item["id"]).lower() not in taken]
    return [("Categories", categories), ("Kinds", kinds)]


def equipment_value(slug: str, iri: str) -> str:
    """The value that names a kind of equipment in a filter: its slug, or its IRI when a
    category has that key (the named queries read ``machine`` as the category)."""
    return iri if slug in CATEGORIES else slug


#: Options of role and difficulty fields (one group without a label).
ROLE_OPTIONS = [("", [(key, key.capitalize()) for key in ROLES])]
DIFFICULTY_OPTIONS = [("", [(key, key.capitalize()) for key in DIFFICULTIES])]


def first_values(names: Iterable[str]) -> dict[str, str]:
    """The request's non-empty query-string values of names (the first of each).

    Forms send every field, empty ones included; an empty field means "any", not a value.
    """
    values = {}
    for name in names:
        value = request.args.get(name, "").strip()
        if value:
            values[name] = value
    return values


def offset_arg() -> int:
    """The ``offset`` query-string value (0 when absent). Raises BadRequest when not a count."""
    raw = request.args.get("offset", "0").strip() or "0"
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise BadRequest(f"offset: not a non-negative integer: {raw!r}")
    return int(raw)


def rdf_format(fmt: Format) -> ox.RdfFormat:
    """The Oxigraph serialiser of an RDF format of :mod:`exgraph.web.sparql.formats`."""
    return RDF_FORMATS[fmt.name]


RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
