"""Where things live on this server: IRIs to paths, the forms of each resource, licence names.

Every IRI under the ``BASE_IRI`` setting (``https://w3id.org/exgraph/`` by default) is served
here: ``<BASE>id/KIND/SLUG`` at ``/id/KIND/SLUG`` (Linked Data), with a page for people at
``/exercises/SLUG``, ``/muscles/SLUG`` or ``/equipment/SLUG`` when the kind has one, and the
vocabulary ``<BASE>ontology#TERM`` at ``/ontology#TERM``. Everything here is pure string work on
IRIs, so it is the same for every page and cheap enough to call for every link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exgraph.vocab import terms
from exgraph.vocab.terms import SLUG_RE

#: Kinds of resources under ``<BASE>id/``.
KINDS = ("exercise", "muscle", "equipment", "goal", "source")
#: Kinds with a page of their own; the others are shown at their ``/id/`` path.
PAGE_PREFIX = {"exercise": "/exercises/", "muscle": "/muscles/", "equipment": "/equipment/"}
#: Resources under ``<BASE>id/`` that are not of a kind (the dataset describes itself).
SINGLETONS = ("dataset",)
#: The section of an exercise page that shows each kind of part (``.../step/1`` -> #steps).
PART_ANCHORS = {"muscle": "muscles", "step": "steps", "benefit": "benefits",
                "mistake": "mistakes", "programming": "programming",
                "comparison": "comparisons", "alternative": "alternatives"}


@dataclass(frozen=True)
class Resource:
    """An IRI under ``<BASE>id/``: its kind and slug, and the path below it for a part."""

    kind: str
    slug: str
    part: str = ""

    def iri(self, base: str) -> str:
        """The IRI of the resource that owns this IRI, under base."""
        return base + self.id_path.removeprefix("/")

    @property
    def id_path(self) -> str:
        """The Linked Data path of the resource that owns this IRI."""
        return f"/id/{self.kind}/{self.slug}" if self.slug else f"/id/{self.kind}"

    @property
    def page(self) -> str:
        """The page for people about this IRI (a part: its owner's page, at its section)."""
        prefix = PAGE_PREFIX.get(self.kind)
        path = f"{prefix}{self.slug}" if prefix else self.id_path
        if self.part:
            anchor = PART_ANCHORS.get(self.part.split("/", 1)[0])
            return f"{path}#{anchor}" if anchor else path
        return path


def resource_of(iri: str, base: str) -> Resource | None:
    """The :class:`Resource` an IRI names, or None when it is not under ``<base>id/``."""
    root = base + "id/"
    if not iri.startswith(root):
        return None
    rest = iri[len(root):]
    if rest in SINGLETONS:
        return Resource(rest, "")
    kind, _, tail = rest.partition("/")
    slug, _, part = tail.partition("/")
    if kind not in KINDS or not SLUG_RE.match(slug):
        return None
    return Resource(kind, slug, part)


def ontology_iri(base: str) -> str:
    """The IRI of the vocabulary (its terms are this plus ``#Name``)."""
    return base + "ontology"


def href(iri: str, base: str) -> str:
    """Where a link to iri should go: its page here when the server has one, else the IRI when
    it is http(s), else "" (no link: templates show the text alone)."""
    resource = resource_of(iri, base)
    if resource is not None:
        return resource.page
    ontology = ontology_iri(base)
    if iri == ontology:
        return "/ontology"
    if iri.startswith(ontology + "#"):
        return "/ontology" + iri[len(ontology):]
    # only the web's own schemes become links: a javascript: or data: IRI in the data is text
    return iri if iri.lower().startswith(("http://", "https://")) else ""


def curie(iri: str) -> str:
    """``prefix:local`` for an IRI in one of the project's namespaces, else the IRI itself."""
    return terms.curie(iri) or iri


@dataclass(frozen=True)
class Alternate:
    """Another form of the same content: a ``<link rel="alternate">`` and a Link header."""

    href: str
    media_type: str
    title: str


#: URL extension -> (media type, title) of the Linked Data forms of a resource.
RDF_EXTENSIONS: dict[str, tuple[str, str]] = {
    "ttl": ("text/turtle", "Turtle"),
    "nt": ("application/n-triples", "N-Triples"),
    "jsonld": ("application/ld+json", "JSON-LD"),
    "rdf": ("application/rdf+xml", "RDF/XML"),
}


def rdf_alternates(path: str) -> list[Alternate]:
    """The RDF forms of the resource whose Linked Data path is ``path`` (``/id/...``)."""
    return [Alternate(f"{path}.{ext}", media, title)
            for ext, (media, title) in RDF_EXTENSIONS.items()]


def alternates(resource: Resource) -> list[Alternate]:
    """Every form of a resource: its JSON in the API (where there is one) and its RDF."""
    found = []
    if resource.kind == "exercise":
        found.append(Alternate(f"/api/v1/exercises/{resource.slug}.json", "application/json",
                               "JSON"))
    elif resource.kind == "muscle":
        found.append(Alternate(f"/api/v1/muscles/{resource.slug}/exercises", "application/json",
                               "JSON"))
    return found + rdf_alternates(resource.id_path)


def link_header(links: list[Alternate], page: str | None = None) -> str:
    """A Link header value naming each alternate (and the page for people, when given)."""
    parts = [f'<{a.href}>; rel="alternate"; type="{a.media_type}"' for a in links]
    if page is not None:
        parts.insert(0, f'<{page}>; rel="alternate"; type="text/html"')
    return ", ".join(parts)


_CC = re.compile(r"^https?://creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/([0-9.]+)/?")
_NAMED = {
    "https://unlicense.org/": "The Unlicense",
    "http://unlicense.org/": "The Unlicense",
    "https://opensource.org/licenses/MIT": "MIT",
}


def licence_name(iri: str | None) -> str | None:
    """A short name for a licence IRI (``CC BY-SA 4.0``, ``CC0 1.0``), or the IRI itself."""
    if iri is None:
        return None
    if iri in _NAMED:
        return _NAMED[iri]
    match = _CC.match(iri)
    if match:
        family, code, version = match.groups()
        if family == "publicdomain":
            return {"zero": "CC0", "mark": "Public Domain Mark"}.get(code, code) + f" {version}"
        return f"CC {code.upper()} {version}"
    return iri
