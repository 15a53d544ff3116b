"""Linked Data: every IRI of the graph dereferences here, and so does the vocabulary.

``/id/KIND/SLUG`` stands for ``<BASE_IRI>id/KIND/SLUG`` (KIND: exercise, muscle, equipment, goal,
source; also ``/id/dataset``). What it answers depends on Accept (parsed once, by
:func:`~exgraph.web.sparql.formats.negotiate_page`):

* text/html: ``303 See Other`` to the resource's page (exercise, muscle, equipment), or the
  page rendered right here for the kinds without one (goal, source, the dataset);
* Turtle, N-Triples, JSON-LD or RDF/XML: the description, the triples about the resource and
  about its sub-nodes (IRIs under ``<iri>/``);
* anything else: 406 in the one JSON error shape; an IRI the graph knows nothing of: 404.

``/id/KIND/SLUG.ttl`` (``.nt``, ``.jsonld``, ``.rdf``) give one format without negotiation, for
links people click. A part (``/id/exercise/x/step/1``) redirects (303) to its owner, whose
description contains it. ``/ontology`` is the vocabulary: a page listing every term, or its
triples by negotiation. Negotiated answers carry ``Vary: Accept``, and every answer a ``Link``
header naming the resource's other forms.
"""

from __future__ import annotations

from typing import Any

from flask import Response, redirect, request
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL

from exgraph.errors import NotAcceptable, NotFound
from exgraph.queries.resources import (
    describe,
    exists,
    labels,
    referrers,
    vocabulary,
    vocabulary_graph,
)
from exgraph.records.lookup import resolve
from exgraph.web.context import get_store
from exgraph.web.pages import links
from exgraph.web.pages.base import (
    COLLECTIONS,
    bp,
    cached,
    jsonld_of,
    known,
    page,
    rdf_bytes,
    rdf_format,
    site_base_iri,
)
from exgraph.web.sparql.formats import GRAPH_MEDIA_TYPES, HTML, Format, negotiate_page

KINDS = "any(" + ",".join(links.KINDS) + ")"
#: URL extension -> the format it fixes.
EXTENSIONS: dict[str, Format] = {
    ext: GRAPH_MEDIA_TYPES[media] for ext, (media, _title) in links.RDF_EXTENSIONS.items()
}
#: Sections of the vocabulary page: (title, the rdf:type that puts a term there).
TERM_SECTIONS = (("Classes", str(OWL.Class)), ("Object properties", str(OWL.ObjectProperty)),
                 ("Datatype properties", str(OWL.DatatypeProperty)))
#: Resources that point to a resource, listed on its page (the total is given too).
REFERRERS = 100


def _negotiated() -> Format:
    """The format Accept asks for. Raises NotAcceptable (406) when no format fits."""
    chosen = negotiate_page(request.headers.get("Accept"), GRAPH_MEDIA_TYPES)
    if chosen is None:
        offered = ", ".join(["text/html", *GRAPH_MEDIA_TYPES])
        raise NotAcceptable(f"nothing in Accept can carry this resource: accept one of {offered}")
    return chosen


def _with_links(response: Response, alternates: list[links.Alternate], page_path: str | None,
                negotiated: bool) -> Response:
    response.headers["Link"] = links.link_header(alternates, page_path)
    if negotiated:
        response.vary.add("Accept")
    return response


def _extension(ext: str) -> Format:
    if ext not in EXTENSIONS:
        raise NotFound(f"no format .{ext}: use one of "
                       + ", ".join(f".{e}" for e in EXTENSIONS))
    return EXTENSIONS[ext]


# ---------------------------------------------------------------------------------------------
# Resources


@bp.get(f"/id/<{KINDS}:kind>/<slug:slug>")
@bp.get(f"/id/<{KINDS}:kind>/<slug:slug>.<ext>")
@bp.get("/id/<any(dataset):kind>", defaults={"slug": ""})
@bp.get("/id/<any(dataset):kind>.<ext>", defaults={"slug": ""})
def resource(kind: str, slug: str, ext: str | None = None) -> Response:
    """The resource ``<BASE_IRI>id/KIND/SLUG``: its page or its description."""
    target = links.Resource(kind, slug)
    iri = target.iri(site_base_iri())
    store = get_store()
    negotiated = ext is None
    fmt = _negotiated() if ext is None else _extension(ext)
    if kind in COLLECTIONS and not known(kind, iri):
        alias = _alias_redirect(target, fmt, ext)
        if alias is not None:
            return _with_links(alias, links.alternates(target), None, negotiated)
    if not exists(store, iri):
        raise NotFound(f"nothing is known about <{iri}>")
    alternates = links.alternates(target)
    if fmt is HTML:
        if target.page != target.id_path:
            response: Response = redirect(target.page, code=303)  # type: ignore[assignment]
        else:
            response = _resource_page(target, iri)
        return _with_links(response, alternates, None, negotiated)
    body = rdf_bytes(describe(store, iri), rdf_format(fmt))
    response = Response(body, content_type=fmt.content_type)
    return _with_links(response, alternates, target.page, negotiated)


def _alias_redirect(target: links.Resource, fmt: Format, ext: str | None) -> Response | None:
    """For the IRI of a merged duplicate (an alias: ``/id/exercise/deadlifts``), 303 to the
    canonical resource: its page when HTML is asked for, else its description (same format).
    None when the slug is no alias (the caller answers 404)."""
    try:
        found = resolve(get_store(), target.kind, target.slug)
    except NotFound:
        return None
    if found.slug == target.slug:
        return None
    canonical = links.Resource(target.kind, found.slug)
    location = canonical.page if fmt is HTML else canonical.id_path + (f".{ext}" if ext else "")
    return redirect(location, code=303)  # type: ignore[return-value]


@bp.get(f"/id/<{KINDS}:kind>/<slug:slug>/<path:part>")
def part(kind: str, slug: str, part: str) -> Response:
    """A node that belongs to a resource (a step, a mistake...): 303 to the resource, whose
    description holds the node's triples."""
    owner = links.Resource(kind, slug)
    iri = owner.iri(site_base_iri()) + "/" + part
    if not exists(get_store(), iri):
        raise NotFound(f"nothing is known about <{iri}>")
    return redirect(owner.id_path, code=303)  # type: ignore[return-value]


def _resource_page(target: links.Resource, iri: str) -> Response:
    """The page of a resource without a page of its own: its properties and who points to it."""
    store = get_store()
    base = site_base_iri()
    graph = describe(store, iri)
    facts = sorted(graph.predicate_objects(URIRef(iri)), key=lambda po: (str(po[0]), str(po[1])))
    pointing = referrers(store, iri, REFERRERS)
    owners: dict[str, str] = {}  # page path -> IRI of the resource that points here
    for subject_iri, _predicate in pointing.links:
        owner = links.resource_of(subject_iri, base)
        owner_iri = owner.iri(base) if owner else subject_iri
        owners.setdefault(links.href(owner_iri, base), owner_iri)
    names = labels(store, [iri, *owners.values(),
                           *(str(o) for _p, o in facts if isinstance(o, URIRef))])
    rows: dict[str, list[tuple[str, str | None]]] = {}
    for predicate, obj in facts:
        if not isinstance(obj, URIRef):
            cell: tuple[str, str | None] = (str(obj), None)
        elif predicate == DCTERMS.license:
            cell = (links.licence_name(str(obj)) or str(obj), str(obj))
        else:
            cell = (names.get(str(obj)) or links.curie(str(obj)), links.href(str(obj), base))
        rows.setdefault(str(predicate), []).append(cell)
    return page("resource.html", title=names.get(iri) or target.slug or target.kind,
                jsonld=jsonld_of(graph), alternates=links.alternates(target), iri=iri,
                kind=target.kind, rows=rows, id_path=target.id_path,
                referrers=[(path, names.get(o) or links.curie(o)) for path, o in owners.items()],
                referrer_total=pointing.total, referrer_shown=len(pointing.links))


# ---------------------------------------------------------------------------------------------
# The vocabulary


@bp.get("/ontology")
@bp.get("/ontology.<ext>")
def ontology(ext: str | None = None) -> Response:
    """The vocabulary: every term with its label and comment, or its triples."""
    fmt = _negotiated() if ext is None else _extension(ext)
    alternates = links.rdf_alternates("/ontology")
    if fmt is HTML:
        return _with_links(_ontology_page(alternates), alternates, None, ext is None)
    body = cached(f"ontology:{fmt.name}", lambda store: rdf_bytes(
        vocabulary_graph(store, links.ontology_iri(site_base_iri()) + "#",
                         links.ontology_iri(site_base_iri())), rdf_format(fmt)))
    response = Response(body, content_type=fmt.content_type)
    return _with_links(response, alternates, "/ontology", ext is None)


def _ontology_page(alternates: list[links.Alternate]) -> Response:
    iri = links.ontology_iri(site_base_iri())
    terms = cached("vocabulary", lambda store: vocabulary(store, iri + "#"))
    sections: list[tuple[str, list[Any]]] = [(title, []) for title, _type in TERM_SECTIONS]
    others: list[Any] = []
    for term in terms:
        for (_title, kind), (_, members) in zip(TERM_SECTIONS, sections, strict=True):
            if kind in term.types:
                members.append(term)
                break
        else:
            others.append(term)
    sections.append(("Individuals", others))
    about = cached("ontology-about", lambda store: describe(store, iri))
    subject = URIRef(iri)
    facts = {links.curie(str(p)): str(o) for p, o in about.predicate_objects(subject)}
    return page("ontology.html", title="The exgraph vocabulary", jsonld=jsonld_of(about),
                alternates=alternates, iri=iri, sections=sections, facts=facts,
                count=len(terms))
