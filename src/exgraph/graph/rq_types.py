"""The parameter types of ``.rq`` files: how a text value becomes an RDF term, and how the
term is written into the query (:mod:`exgraph.graph.rq`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from exgraph.vocab.terms import DIFFICULTIES, EQUIPMENT_CATEGORIES, ID, ROLES, SLUG_RE

#: Equipment categories by slug: ``machine`` means exg:Machine (so excluding it removes every
#: kind of machine), ``free-weight`` exg:FreeWeight, and so on.
CATEGORIES: dict[str, URIRef] = EQUIPMENT_CATEGORIES

#: Search text: letters, digits and a little punctuation — nothing that can end a string
#: literal (no quote, backslash or line break).
TEXT_RE = re.compile(r"^[\w \-'.,()/+&]{1,100}$")
INTEGER_RE = re.compile(r"^[0-9]{1,9}$")

#: Answers whether an IRI of a kind (exercise, muscle, equipment, goal) exists in the graph.
Known = Callable[[str, URIRef], bool]


@dataclass(frozen=True)
class ParamType:
    """A parameter type: how a text value becomes an RDF term, and how the term is written."""

    name: str
    description: str
    parse: Callable[[str], Node]  # raises ValueError with a message for a bad value
    kind: str | None = None  # for IRIs: the kind whose existence ``known`` can check


def _iri_parser(kind: str, extra: Mapping[str, URIRef] | None = None) -> Callable[[str], Node]:
    full = re.compile(r"^" + re.escape(f"{ID}{kind}/") + r"([a-z0-9]+(?:-[a-z0-9]+)*)$")
    extra = extra or {}
    extra_iris = {str(iri): iri for iri in extra.values()}

    def parse(value: str) -> Node:
        value = value.strip()
        if value in extra:
            return extra[value]
        if value in extra_iris:
            return extra_iris[value]
        if SLUG_RE.match(value):
            return URIRef(f"{ID}{kind}/{value}")
        if full.match(value):
            return URIRef(value)
        raise ValueError(f"not the slug or IRI of an exgraph {kind}: {value!r}")

    return parse


def _choice_parser(choices: Mapping[str, URIRef]) -> Callable[[str], Node]:
    def parse(value: str) -> Node:
        key = value.strip().lower()
        if key not in choices:
            raise ValueError(f"{value!r} is not one of {' | '.join(choices)}")
        return choices[key]

    return parse


def _integer(value: str) -> Node:
    if not INTEGER_RE.match(value.strip()):
        raise ValueError(f"not a non-negative integer: {value!r}")
    return Literal(int(value), datatype=XSD.integer)


#: An absolute IRI with nothing that could end it inside ``<...>`` (the internal ``iri`` type).
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]{1,2000}$")


def _iri(value: str) -> Node:
    if not IRI_RE.match(value):
        raise ValueError(f"not an absolute IRI: {value[:80]!r}")
    return URIRef(value)


def _text(value: str) -> Node:
    if not TEXT_RE.match(value):
        raise ValueError(
            "use 1 to 100 letters, digits, spaces and - ' . , ( ) / + & "
            f"(got {value[:40]!r})")
    return Literal(value.lower())


TYPES: dict[str, ParamType] = {t.name: t for t in (
    ParamType("exercise", "slug or IRI of an exercise", _iri_parser("exercise"), "exercise"),
    ParamType("muscle", "slug or IRI of a muscle or muscle group", _iri_parser("muscle"),
              "muscle"),
    ParamType("equipment", "slug or IRI of an equipment kind, or a category slug: "
              + ", ".join(CATEGORIES), _iri_parser("equipment", CATEGORIES), "equipment"),
    ParamType("goal", "slug or IRI of a training goal", _iri_parser("goal"), "goal"),
    ParamType("role", " | ".join(ROLES), _choice_parser(ROLES)),
    ParamType("difficulty", " | ".join(DIFFICULTIES), _choice_parser(DIFFICULTIES)),
    ParamType("integer", "a non-negative integer", _integer),
    ParamType("text", "search text: letters, digits, spaces and - ' . , ( ) / + &", _text),
    ParamType("iri", "an absolute IRI (queries the code runs itself)", _iri),
)}

#: A value of each type that parses, used to check that a query is valid SPARQL at load time.
SAMPLES: dict[str, str] = {
    "exercise": "sample", "muscle": "sample", "equipment": "sample", "goal": "sample",
    "role": "primary", "difficulty": "low", "integer": "1", "text": "sample",
    "iri": "https://example.org/sample",
}


def serialize_term(term: Node) -> str:
    """The SPARQL text of a term built by a parameter type (never of arbitrary input)."""
    if isinstance(term, URIRef):
        if re.search(r"[\s<>\"{}|^`\\]", str(term)):  # cannot happen for parsed values
            raise ValueError(f"unsafe IRI {term!r}")
        return f"<{term}>"
    if isinstance(term, Literal) and term.datatype == XSD.integer:
        return str(int(term))
    if isinstance(term, Literal) and TEXT_RE.match(str(term)):
        return f'"{term}"'
    raise ValueError(f"cannot write {term!r} into a query")
