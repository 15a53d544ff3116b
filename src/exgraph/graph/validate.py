"""SHACL validation of the graph against ontology/shapes.ttl, with a report a person can read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from exgraph.config import SHAPES_FILE
from exgraph.vocab.terms import PREFIXES


@dataclass(frozen=True)
class Problem:
    """One SHACL violation: which resource, which path and constraint, which value, and why."""

    focus: str
    path: str
    constraint: str
    value: str
    message: str

    def __str__(self) -> str:
        parts = [f"{self.focus}", f"  constraint: {self.constraint}"]
        if self.path:
            parts.append(f"  path:       {self.path}")
        if self.value:
            parts.append(f"  value:      {self.value}")
        parts.append(f"  message:    {self.message}")
        return "\n".join(parts)


@dataclass
class Report:
    """The outcome of a validation. ``text`` is the human-readable report."""

    conforms: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def text(self) -> str:
        if self.conforms:
            return "Conforms: the graph satisfies every shape in ontology/shapes.ttl."
        lines = [f"Does not conform: {len(self.problems)} problem(s).", ""]
        lines += [str(p) + "\n" for p in self.problems]
        return "\n".join(lines)


@lru_cache(maxsize=1)
def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """The SHACL shapes, parsed once."""
    return Graph().parse(path, format="turtle")


def validate_graph(graph: Graph) -> Report:
    """Validate graph (which must include the ontology, for subclasses) against the shapes."""
    conforms, results, _text = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=False
    )
    if conforms:
        return Report(True)
    problems = sorted(_problems(results), key=lambda p: (p.focus, p.path, p.constraint, p.value))
    return Report(False, problems)


def _problems(results: Graph) -> list[Problem]:
    shorten = _shortener()

    def get(result: Node, prop: Node) -> str:
        value = results.value(result, prop)
        return "" if value is None else shorten(value)

    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        component = get(result, SH.sourceConstraintComponent).removeprefix("sh:").removesuffix(
            "ConstraintComponent"
        )
        out.append(
            Problem(
                focus=get(result, SH.focusNode),
                path=get(result, SH.resultPath),
                constraint=component,
                value=get(result, SH.value),
                message=str(results.value(result, SH.resultMessage) or ""),
            )
        )
    return out


def _shortener() -> Callable[[Node], str]:
    namespaces = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
    namespaces.append(("sh", str(SH)))

    def shorten(term: Node) -> str:
        text = str(term)
        for prefix, ns in namespaces:
            if text.startswith(ns) and "/" not in text[len(ns):]:
                return f"{prefix}:{text[len(ns):]}"
        if isinstance(term, URIRef):
            return f"<{text}>"
        if isinstance(term, Literal):
            return term.n3()
        return f"_:{text}"  # a blank node, e.g. a property path

    return shorten
