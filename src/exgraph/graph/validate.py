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
def strict_shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """:func:`shapes_graph` and the :func:`any_node_shapes` derived from it, parsed once: what
    the write path, ``exgraph validate``, ``exgraph restore`` and ``exgraph serve --data``
    check (the derived shapes cost about 7 s more on the full graph, 6 s before). The bundled
    graph satisfies them (tests/integration/sparql/test_write_path.py checks it); the importers
    and ``exgraph ingest`` check their new data against :func:`shapes_graph`."""
    shapes = Graph()
    shapes += shapes_graph(path)
    shapes += any_node_shapes(shapes)
    return shapes


@lru_cache(maxsize=1)
def source_shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    """Every shape of the file, those of one source graph alone included, and the
    :func:`any_node_shapes` derived from them (a property's values on any node of the source),
    parsed once."""
    shapes = Graph().parse(path, format="turtle")
    shapes += any_node_shapes(shapes)
    return shapes


#: What a property's value must be wherever it is used: the constraints of a property shape
#: that judge one value alone. The others (counts, qualified counts, comparisons with another
#: path) depend on what the node is, so they stay with the shapes that know it.
VALUE_CONSTRAINTS = frozenset({
    SH.datatype, SH["class"], SH["in"], SH.nodeKind, SH.pattern, SH.flags, SH.minInclusive,
    SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength,
})
ANY_NODE = "https://w3id.org/exgraph/shapes#any-node-"


def any_node_shapes(shapes: Graph) -> Graph:
    """Shapes that hold a property's values to what every shape using it asks, on ANY node
    (``sh:targetSubjectsOf`` the property), whatever its type.

    The file's shapes target classes: a node with no type, or one whose class's shape does not
    mention the property, was checked against nothing. ``exg:position "abc"`` on a step IRI
    that no triple types (or on an exercise) passed the write path. For each property that a
    property shape of the file names as its direct path, this makes one node shape with the
    value constraints (:data:`VALUE_CONSTRAINTS`) common to every such property shape: each
    value must satisfy them, since a node of any kind the file knows would need it to
    (``exg:position``: an integer of at least 1, as for a step and a programming row;
    ``exg:text``: a string, the minimum length being the step's alone). A property whose
    shapes ask nothing in common (``skos:broader``: a muscle group for a muscle, equipment for
    equipment) gets none. The bundled graph with its imports satisfies them all
    (tests/integration/sparql/test_write_path.py checks it)."""
    by_path: dict[URIRef, list[set[tuple[URIRef, Node | tuple[Node, ...]]]]] = {}
    for prop_shape in set(shapes.objects(None, SH.property)):
        path = shapes.value(prop_shape, SH.path)
        if not isinstance(path, URIRef):
            continue  # inverse and transitive paths: about other nodes
        constraints: set[tuple[URIRef, Node | tuple[Node, ...]]] = set()
        for predicate, value in shapes.predicate_objects(prop_shape):
            if predicate in VALUE_CONSTRAINTS and isinstance(predicate, URIRef):
                constraints.add((predicate, _comparable(shapes, value)))
        by_path.setdefault(path, []).append(constraints)
    out = Graph()
    for path, groups in sorted(by_path.items()):
        common = set.intersection(*groups)
        if not common:
            continue
        shape = URIRef(ANY_NODE + _slug(path))
        prop = BNode()
        out.add((shape, RDF.type, SH.NodeShape))
        out.add((shape, SH.targetSubjectsOf, path))
        out.add((shape, SH.property, prop))
        out.add((prop, SH.path, path))
        out.add((prop, SH.message, Literal(
            f"{_shortener()(path)} on any node: " + ", ".join(
                _describe(name, wanted) for name, wanted in sorted(common, key=str)))))
        for name, wanted in common:
            out.add((prop, name, _rebuild(out, wanted)))
    return out


def _comparable(shapes: Graph, value: Node) -> Node | tuple[Node, ...]:
    """A constraint's value, an RDF list (``sh:in``) as a tuple so that equal lists compare
    equal."""
    if isinstance(value, BNode):
        return tuple(shapes.items(value))
    return value


def _rebuild(graph: Graph, value: Node | tuple[Node, ...]) -> Node:
    """A constraint's value in graph (a tuple back as an RDF list)."""
    if not isinstance(value, tuple):
        return value
    from rdflib.collection import Collection as RdfList

    head = BNode()
    RdfList(graph, head, list(value))
    return head


def _slug(path: URIRef) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in _shortener()(path)).strip("-")


def _describe(predicate: URIRef, value: Node | tuple[Node, ...]) -> str:
    shorten = _shortener()
    name = shorten(predicate).removeprefix("sh:")
    if isinstance(value, tuple):
        return f"{name} ({' '.join(shorten(v) for v in value)})"
    if isinstance(value, Literal):
        return f"{name} {value}"
    return f"{name} {shorten(value)}"


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
    (default: :func:`shapes_graph`, those of the union; :func:`strict_shapes_graph` adds the
    values of every property on any node).

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
