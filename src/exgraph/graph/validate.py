"""SHACL validation of the graph against ontology/shapes.ttl, with a report a person can read."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from exgraph.config import SHAPES_FILE
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.vocab.terms import SOURCE, curie


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


#: The annotation of a node shape that holds in each source graph alone, not in the union.
SCOPE = URIRef("https://w3id.org/exgraph/shapes#scope")
PER_SOURCE = URIRef("https://w3id.org/exgraph/shapes#Source")


@lru_cache(maxsize=1)
def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """The SHACL shapes that hold for the served graph (the union of the sources), parsed once:
    every shape of the file but those annotated ``exgsh:scope exgsh:Source``."""
    shapes = Graph().parse(path, format="turtle")
    for shape in list(shapes.subjects(SCOPE, PER_SOURCE)):
        _drop_shape(shapes, shape)
    return shapes


@lru_cache(maxsize=1)
def source_shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """Every shape of the file, those of one source graph alone included, parsed once."""
    return Graph().parse(path, format="turtle")


def _drop_shape(shapes: Graph, shape: Node) -> None:
    """Remove a node shape and the blank nodes (property shapes, lists) below it."""
    todo = [shape]
    while todo:
        node = todo.pop()
        for _, _, value in list(shapes.triples((node, None, None))):
            if isinstance(value, BNode):
                todo.append(value)
        shapes.remove((node, None, None))


def validate_graph(graph: Graph, focus: Collection[Node] | None = None, *,
                   shapes: Graph | None = None) -> Report:
    """Validate graph (which must include the ontology, for subclasses) against the shapes
    (default: :func:`shapes_graph`, those of the union).

    With ``focus``, only those nodes are validated: graph then need only hold what their shapes
    read (a subgraph around them), and problems of other nodes are left out."""
    if focus is not None and not focus:
        return Report(True)
    iris: list[str | URIRef] | None = None
    if focus is not None and all(isinstance(n, URIRef) for n in focus):
        iris = [n for n in focus if isinstance(n, URIRef)]
    conforms, results, _text = shacl_validate(
        graph, shacl_graph=shapes if shapes is not None else shapes_graph(), inference="none",
        allow_warnings=False,
        focus_nodes=iris,  # IRIs only: pyshacl drops blank nodes, filtered below instead
    )
    if conforms:
        return Report(True)
    problems = sorted(_problems(results, None if focus is None else set(focus)),
                      key=lambda p: (p.focus, p.path, p.constraint, p.value))
    return Report(not problems, problems)


#: Constraints that other sources may complete: checked on the union, not per source.
UNION_ONLY = frozenset({"MinCount", "QualifiedMinCount"})


def validate_source(source: Graph, union: Graph, ontology: Graph) -> Report:
    """Validate one source graph on its own against every shape (those of one source alone
    included), but for what other sources may complete (minimum counts: the union's check).

    What the source points to is typed from the union (an article's alternative may be an
    imported exercise), so class constraints see the types other sources give; the source's
    own subjects are the focus nodes."""
    graph = Graph()
    graph += ontology
    graph += source
    nodes = {n for triple in source for n in (triple[0], triple[2])
             if isinstance(n, URIRef | BNode)}
    for node in nodes:
        for triple in union.triples((node, RDF.type, None)):
            graph.add(triple)
    # the whole small graph, not pyshacl's focus mode (7x slower on wger's 30k triples); what
    # it finds on the typed context only (a muscle without its label here) is left out
    report = validate_graph(graph, shapes=source_shapes_graph())
    shorten = _shortener()
    own = {shorten(node) for node in source.subjects()}
    problems = [p for p in report.problems
                if p.constraint not in UNION_ONLY and p.focus in own]
    return Report(not problems, problems)


def _problems(results: Graph, focus: set[Node] | None = None) -> list[Problem]:
    shorten = _shortener()

    def get(result: Node, prop: Node) -> str:
        value = results.value(result, prop)
        return "" if value is None else shorten(value)

    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if focus is not None and results.value(result, SH.focusNode) not in focus:
            continue
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
    extra = (("sh", str(SH)),)

    def shorten(term: Node) -> str:
        text = str(term)
        if isinstance(term, URIRef) and (short := curie(text, extra=extra)):
            return short
        if isinstance(term, URIRef):
            return f"<{text}>"
        if isinstance(term, Literal):
            return term.n3()
        return f"_:{text}"  # a blank node, e.g. a property path

    return shorten


def validate_sources(store: Store) -> dict[str, Report]:
    """Validate every source graph of store on its own (:func:`validate_source`): source graph
    IRI -> report. The graphs of the inference rules are checked as one (``src:inferred-*``):
    one rule's graph is small, and SHACL's set-up costs per run."""
    from exgraph.config import ONTOLOGY_FILE

    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    types = store.construct(internal("all-types").text())
    names = sorted(str(row["g"]) for row in store.select(internal("graph-names").text()))
    inferred = f"{SOURCE}inferred-"
    groups: dict[str, list[str]] = {}
    for name in names:
        if name.startswith("urn:exgraph:"):  # the generation stamp and the like: not data
            continue
        groups.setdefault(inferred + "*" if name.startswith(inferred) else name, []).append(name)
    reports = {}
    for key, members in groups.items():
        source = store.construct(internal("graphs-content").text(graphs=members))
        reports[key] = validate_source(source, types, ontology)
    return reports
