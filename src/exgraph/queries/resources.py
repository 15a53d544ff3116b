"""What the web pages and the Linked Data routes ask about any resource, whatever its kind.

* :func:`describe`: the triples about a resource and about the nodes that belong to it (its
  sub-nodes: IRIs that start with the resource's IRI and ``/``, such as
  ``.../exercise/x/step/1``), the description ``/id/...`` serves;
* :func:`labels`, :func:`class_labels`: names to show for IRIs;
* :func:`referrers`: who points to a resource (a source's exercises, a goal's programmes);
* :func:`attribution`: authors, rights holders, licences and datasets of sources, which a page
  must show to honour licences such as wger's CC BY-SA;
* :func:`vocabulary`: every term of a vocabulary namespace with its type, label and comment.

IRIs come from the graph or from :class:`~rdflib.URIRef` built by the caller from checked slugs;
the ``iri`` parameters of the queries (``queries/internal/``) refuse anything that could break
out of ``<...>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import Graph, Literal
from rdflib.term import Node

from exgraph.graph.rq import internal
from exgraph.graph.store import Store

#: Sub-nodes are found level by level (exercise -> comparison -> entry is two); a graph deeper
#: than this is cut rather than walked without end.
MAX_DEPTH = 6


def _q(name: str, **values: str | Sequence[str]) -> str:
    """The text of ``queries/internal/NAME.rq`` with IRIs bound; its ``iri`` parameters refuse
    anything that could break out of ``<...>`` (a ValueError)."""
    return internal(name).text(**values)


def exists(store: Store, iri: str) -> bool:
    """Whether the graph says anything about iri (it is the subject of a triple)."""
    return store.ask(_q("resource-exists", iri=iri))


def sub_nodes(store: Store, iri: str) -> list[str]:
    """The IRIs under ``iri + "/"`` reachable from iri through such IRIs, sorted."""
    found: set[str] = set()
    frontier = [iri]
    for _ in range(MAX_DEPTH):
        rows = store.select(_q("sub-nodes-step", **{"from": frontier, "prefix": iri + "/"}))
        frontier = sorted({str(row["node"]) for row in rows} - found)
        if not frontier:
            break
        found.update(frontier)
    return sorted(found)


def describe(store: Store, iri: str) -> Graph:
    """The triples whose subject is iri or one of its :func:`sub_nodes` (empty if unknown)."""
    subjects = [iri, *sub_nodes(store, iri)]
    return store.construct(_q("describe", subjects=subjects))


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """``rdfs:label`` of each IRI that has one (the smallest, when there are several)."""
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    rows = store.select(_q("labels-of", nodes=wanted))
    found: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: str(r["label"])):
        found.setdefault(str(row["node"]), str(row["label"]))
    return found


def class_labels(store: Store, class_iri: str) -> dict[str, str]:
    """IRI -> label of every instance of a class, ordered by label."""
    rows = store.select(_q("class-labels", **{"class": class_iri}))
    found: dict[str, str] = {}
    for row in rows:
        found.setdefault(str(row["node"]), str(row["label"]))
    return found


@dataclass(frozen=True)
class Referrers:
    """Who points to a resource: the first ``limit`` (subject, property) pairs, and how many."""

    total: int
    links: list[tuple[str, str]]


def referrers(store: Store, iri: str, limit: int = 100) -> Referrers:
    """The subjects that point to iri, with the property, ordered; at most limit of them."""
    count = store.select(_q("referrer-count", iri=iri))
    rows = store.select(_q("referrers", iri=iri, limit=str(int(limit))))
    total = count[0]["n"]
    return Referrers(int(total) if isinstance(total, Literal) else 0,
                     [(str(row["s"]), str(row["p"])) for row in rows])


@dataclass
class Attribution:
    """What attributing a source takes: who made it, under which licence, from which dataset."""

    iri: str
    label: str | None = None
    title: str | None = None
    license: str | None = None
    creators: list[str] = field(default_factory=list)
    rights_holders: list[str] = field(default_factory=list)
    dataset: str | None = None
    dataset_title: str | None = None
    dataset_home: str | None = None
    dataset_license: str | None = None


def attribution(store: Store, sources: Sequence[str]) -> list[Attribution]:
    """The :class:`Attribution` of each source, in the order given."""
    if not sources:
        return []
    rows = store.select(_q("attribution", sources=list(sources)))
    found = {iri: Attribution(iri) for iri in sources}

    def text(value: Node | None) -> str | None:
        return None if value is None else str(value)

    for row in sorted(rows, key=lambda r: sorted((k, str(v)) for k, v in r.items())):
        item = found[str(row["source"])]
        item.label = item.label or text(row.get("label"))
        item.title = item.title or text(row.get("title"))
        item.license = item.license or text(row.get("license"))
        item.dataset = item.dataset or text(row.get("dataset"))
        item.dataset_title = item.dataset_title or text(row.get("dataset_title"))
        item.dataset_home = item.dataset_home or text(row.get("dataset_home"))
        item.dataset_license = item.dataset_license or text(row.get("dataset_license"))
        for key, names in (("creator", item.creators), ("holder", item.rights_holders)):
            name = text(row.get(key))
            if name is not None and name not in names:
                names.append(name)
    return [found[iri] for iri in sources]


@dataclass(frozen=True)
class Term:
    """A term of a vocabulary: its IRI, types, label and comment."""

    iri: str
    types: tuple[str, ...]
    label: str | None
    comment: str | None


def vocabulary(store: Store, namespace: str) -> list[Term]:
    """Every IRI under namespace that has a label, a comment or a type, sorted by IRI."""
    rows = store.select(_q("vocabulary-terms", namespace=namespace))
    types: dict[str, set[str]] = {}
    label: dict[str, str] = {}
    comment: dict[str, str] = {}
    for row in rows:
        term = str(row["term"])
        types.setdefault(term, set())
        if "type" in row:
            types[term].add(str(row["type"]))
        if "label" in row:
            label[term] = min(label.get(term, str(row["label"])), str(row["label"]))
        if "comment" in row:
            comment[term] = min(comment.get(term, str(row["comment"])), str(row["comment"]))
    return [Term(term, tuple(sorted(kinds)), label.get(term), comment.get(term))
            for term, kinds in sorted(types.items())]


def vocabulary_graph(store: Store, namespace: str, ontology: str) -> Graph:
    """The triples about the ontology IRI and every IRI under namespace."""
    return store.construct(_q("vocabulary-graph", namespace=namespace, ontology=ontology))
