"""Namespaces, fixed terms and IRI builders of the exgraph vocabulary."""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

EXG = Namespace("https://w3id.org/exgraph/ontology#")
ID = "https://w3id.org/exgraph/id/"
SCHEMA = Namespace("https://schema.org/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
UBERON = Namespace("http://purl.obolibrary.org/obo/UBERON_")

EXERCISE = Namespace(ID + "exercise/")
MUSCLE = Namespace(ID + "muscle/")
EQUIPMENT = Namespace(ID + "equipment/")
GOAL = Namespace(ID + "goal/")
SOURCE = Namespace(ID + "source/")
DATASET = URIRef(ID + "dataset")

#: Prefixes used for every serialisation, so exports read the same everywhere.
PREFIXES: dict[str, str] = {
    "exg": str(EXG),
    "exercise": str(EXERCISE),
    "muscle": str(MUSCLE),
    "equipment": str(EQUIPMENT),
    "goal": str(GOAL),
    "src": str(SOURCE),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "void": str(VOID),
    "dcat": str(DCAT),
    "uberon": str(UBERON),
}

ROLES: dict[str, URIRef] = {
    "primary": EXG.Primary,
    "secondary": EXG.Secondary,
    "stabilizer": EXG.Stabilizer,
}
ROLE_PROPERTIES: dict[URIRef, URIRef] = {
    EXG.Primary: EXG.primaryMuscle,
    EXG.Secondary: EXG.secondaryMuscle,
    EXG.Stabilizer: EXG.stabilizerMuscle,
}
DIFFICULTIES: dict[str, URIRef] = {"low": EXG.Low, "moderate": EXG.Moderate, "high": EXG.High}
DIFFICULTY_RANK: dict[URIRef, int] = {EXG.Low: 1, EXG.Moderate: 2, EXG.High: 3}
def _kebab(camel: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", camel).lower()


#: Equipment categories by the slugs the API takes (``free-weight`` is exg:FreeWeight).
EQUIPMENT_CATEGORIES: dict[str, URIRef] = {
    _kebab(local): EXG[local]
    for local in ("Machine", "FreeWeight", "CableSystem", "Bodyweight", "SupportEquipment",
                  "TrainingAccessory", "OtherEquipment")
}

#: A slug: lower-case letters, digits and single hyphens. Everything under ID is built from these.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def exercise_iri(slug: str) -> URIRef:
    """The IRI of the exercise with this slug (raises ValueError for a bad slug)."""
    return EXERCISE[_checked(slug)]


def part_iri(exercise: URIRef, kind: str, key: str | int, source: str | None = None) -> URIRef:
    """IRI of a node that belongs to an exercise: ``<exercise>/<kind>/<key>``, or
    ``<exercise>/<source>/<kind>/<key>`` when a dataset mints it.

    Used for muscle involvements (``muscle/hamstrings``), steps (``step/1``), benefits,
    mistakes, programming (``programming/hypertrophy``), comparisons and alternatives, so the
    same fact always gets the same IRI and re-ingesting adds nothing. Imports name their
    dataset (``wger/step/1``), so two sources never mint the same IRI for one exercise.
    Raises ValueError when kind, key or source is not a slug.
    """
    key = str(key)
    parts = [kind, key] if source is None else [source, kind, key]
    if not all(SLUG_RE.match(part) for part in parts):
        raise ValueError(f"not a slug: {'/'.join(parts)!r}")
    return URIRef(f"{exercise}/{'/'.join(parts)}")


def slug_of(iri: str, kind: str) -> str | None:
    """The slug of an ``ID/kind/slug`` IRI, or None when the IRI is not of that kind."""
    prefix = f"{ID}{kind}/"
    if iri.startswith(prefix):
        rest = iri[len(prefix):]
        if SLUG_RE.match(rest):
            return rest
    return None


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
#: A local part that reads back as the same IRI in Turtle and SPARQL (no slash, no hash).
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def curie(iri: str, *, strict: bool = True,
          extra: tuple[tuple[str, str], ...] = ()) -> str | None:
    """``prefix:local`` for an IRI in one of the project's namespaces (:data:`PREFIXES`, plus
    ``extra`` pairs), else None: the one IRI shortener of pages, reports and CLI tables.

    ``strict`` (the default) answers only when the local part is a valid prefixed name, so the
    result can be pasted into Turtle or SPARQL; ``strict=False`` also shortens IRIs with a path
    after the namespace (``exercise:squat/curated/muscle/glutes``), for people reading a table.
    The longest matching namespace wins (``exercise:`` over a shorter ``id`` prefix).
    """
    for prefix, namespace in (*_BY_LENGTH, *extra):
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if not strict or _LOCAL.match(local):
                return f"{prefix}:{local}"
    return None


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its last ``/`` or ``#`` (a trailing slash ignored):
    ``exg:HipHinge`` -> ``HipHinge``, ``<ID>exercise/squat`` -> ``squat``."""
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def term_slug(iri: str) -> str:
    """The slug of a vocabulary term, as the API names it: ``exg:HipHinge`` -> ``hip-hinge``."""
    return _kebab(local_name(iri))


def _checked(slug: str) -> str:
    if not SLUG_RE.match(slug):
        raise ValueError(f"not a slug (lower-case letters, digits, hyphens): {slug!r}")
    return slug

# Which source wins when several state a fact about one exercise is decided in one place: the
# precedence table of exgraph.records.precedence (docs/records.md).
