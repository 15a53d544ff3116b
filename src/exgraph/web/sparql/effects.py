"""The effect of an update, as the trial computes it in a worker: the quads it adds and
removes (a diff of the store), the nodes to validate with their context, each source graph's
changes, the protected graphs it touches. The commit applies exactly these quads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from exgraph.errors import BadRequest

#: pyoxigraph formats by the short names of exgraph.web.sparql.formats.
from exgraph.web.sparql.jobs import (
    EffectScope,
    Node,
    SourceChange,
    UpdateEffect,
    as_bytes,
)

NODE_TYPES = (ox.NamedNode, ox.BlankNode, ox.Triple)
#: The served graph: the union of the source graphs, kept as the store's real default graph.
DEFAULT = ox.DefaultGraph()


def update_effect(store: ox.Store, update: str, base_iri: str | None,
                  scope: EffectScope) -> UpdateEffect:
    """Apply update to store and report its effect (see :class:`EffectScope`): the changes are
    found in every graph, the nodes to validate and their context in the default graph (the
    served one). Costs two dumps of the store and a set difference of their lines (~0.4 s on
    the full graph), plus lookups around the changed nodes."""
    diff = _diff(store, update, base_iri)
    if diff is None:
        return UpdateEffect(0, 0)
    added, removed, added_quads, removed_quads, added_list, removed_list = diff
    changed = added_list + removed_list
    focus = _focus(store, changed, scope)
    present, context = _context(store, focus, scope)
    return UpdateEffect(len(added), len(removed), tuple(sorted(str(n) for n in present)), context,
                        added_quads, removed_quads, source_changes(store, added_list, scope),
                        _protected(added_list, scope), _protected(removed_list, scope))


def _diff(store: ox.Store, update: str, base_iri: str | None) -> tuple[
        set[bytes], set[bytes], bytes, bytes, list[ox.Quad], list[ox.Quad]] | None:
    """Run the update and diff the store's N-Quads lines before and after: the added and
    removed lines, as N-Quads and as quads; None when nothing changed. Raises BadRequest for
    blank nodes, which a store renames (what is checked could not be what is committed)."""
    before = set(as_bytes(store.dump(format=ox.RdfFormat.N_QUADS)).splitlines())
    store.update(update, base_iri=base_iri)
    after = set(as_bytes(store.dump(format=ox.RdfFormat.N_QUADS)).splitlines())
    added, removed = after - before, before - after
    del before, after
    if not added and not removed:
        return None
    added_quads = b"".join(line + b"\n" for line in sorted(added))
    removed_quads = b"".join(line + b"\n" for line in sorted(removed))
    added_list = list(ox.parse(added_quads, format=ox.RdfFormat.N_QUADS))
    removed_list = list(ox.parse(removed_quads, format=ox.RdfFormat.N_QUADS))
    # a blank node's label starts with "_:"; a literal may hold it too, hence the exact test
    if (b"_:" in added_quads or b"_:" in removed_quads) and any(
            isinstance(term, ox.BlankNode) for quad in added_list + removed_list
            for term in (quad.subject, quad.object, quad.graph_name)):
        raise BadRequest("the update writes or removes blank nodes, which cannot be committed "
                         "as checked (a store renames them): name the nodes with IRIs; nothing "
                         "was changed")
    return added, removed, added_quads, removed_quads, added_list, removed_list


def _protected(quads: Iterable[ox.Quad], scope: EffectScope) -> tuple[str, ...]:
    """The project's own graphs (bookkeeping, internal) that quads touch, sorted."""
    graphs = {quad.graph_name for quad in quads}
    return tuple(sorted(graph.value for graph in graphs
                        if isinstance(graph, ox.NamedNode)
                        and (graph.value.startswith(scope.skip_prefix)
                             or graph.value in scope.protected)))


def _lookup(store: ox.Store) -> Callable[[Node | None, ox.NamedNode | None, Node | None],
                                          Iterator[ox.Quad]]:
    def lookup(s: Node | None, p: ox.NamedNode | None, o: Node | None) -> Iterator[ox.Quad]:
        return store.quads_for_pattern(s, p, o, DEFAULT)
    return lookup


def _focus(store: ox.Store, changed: list[ox.Quad], scope: EffectScope) -> set[Node]:
    """The nodes of the default graph to validate: those the changes touch, their owners
    (up to scope.owner_limit, all of them for a node whose type changed), and what a retyped
    node reaches."""
    lookup = _lookup(store)
    types = {ox.NamedNode(scope.type_predicate), *map(ox.NamedNode, scope.class_predicates)}
    closure = [ox.NamedNode(p) for p in scope.closure]
    touched: set[Node] = set()
    retyped: set[Node] = set()
    for quad in changed:
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            continue  # a named graph's changes: checked per source (source_changes)
        touched.add(quad.subject)
        if quad.predicate in types or quad.predicate in closure:
            retyped.add(quad.subject)
        if quad.predicate not in types and isinstance(quad.object, NODE_TYPES):
            touched.add(quad.object)
    focus = set(touched)
    for node in touched:
        owners = {q.subject for q in lookup(None, None, node) if q.predicate not in types}
        if node in retyped or len(owners) <= scope.owner_limit:
            focus |= owners
    for node in retyped:
        focus.update(q.object for q in lookup(node, None, None)
                     if q.predicate not in types and isinstance(q.object, NODE_TYPES))
    focus |= _reach(lookup, retyped, closure, inverse=True)
    return focus


def _context(store: ox.Store, focus: set[Node], scope: EffectScope) -> tuple[list[Node], bytes]:
    """The focus nodes that still have triples, and the triples validating them needs (theirs,
    what they reach along the closure predicates, the types of every node involved)."""
    lookup = _lookup(store)
    closure = [ox.NamedNode(p) for p in scope.closure]
    inverse = [ox.NamedNode(p) for p in scope.inverse]
    triples: set[ox.Triple] = set()

    def keep(quads: Iterable[ox.Quad]) -> bool:
        found = False
        for quad in quads:
            triples.add(ox.Triple(quad.subject, quad.predicate, quad.object))
            found = True
        return found

    present = []
    for node in focus:
        # a node with no triples left is no shape's target; one reached only along an inverse
        # predicate is (sh:targetObjectsOf)
        found = keep(lookup(node, None, None))
        for predicate in inverse:
            found = keep(lookup(None, predicate, node)) or found
        if found:
            present.append(node)
    for node in _reach(lookup, set(present), closure, inverse=False):
        keep(lookup(node, None, None))
    nodes = {t.subject for t in triples} | {t.object for t in triples
                                            if isinstance(t.object, NODE_TYPES)}
    type_predicate = ox.NamedNode(scope.type_predicate)
    for node in nodes:
        keep(lookup(node, type_predicate, None))
    for iri in scope.class_predicates:
        keep(lookup(None, ox.NamedNode(iri), None))
    context = as_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)) if present else b""
    return present, context


def source_changes(store: ox.Store, changed: list[ox.Quad],
                   scope: EffectScope) -> tuple[SourceChange, ...]:
    """Per named data graph an update added to: the nodes to validate with the per-source
    shapes (subjects and objects of the added quads, and the graph's subjects linking to one of
    them when at most ``owner_limit`` do) and their context (see :class:`SourceChange`).
    Removals alone are not looked at: what a source graph alone must hold (every shape but the
    minimum counts, which the union's check keeps; types come from the served graph) cannot
    be broken by taking triples out of it."""
    touched: dict[ox.NamedNode, set[Node]] = {}
    for quad in changed:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or graph.value.startswith(scope.skip_prefix) \
                or graph.value in scope.protected:
            continue
        nodes = touched.setdefault(graph, set())
        nodes.add(quad.subject)
        if isinstance(quad.object, NODE_TYPES):
            nodes.add(quad.object)
    type_predicate = ox.NamedNode(scope.type_predicate)
    out = []
    for graph, nodes in sorted(touched.items(), key=lambda item: item[0].value):
        focus = set(nodes)
        for node in nodes:
            owners = {q.subject for q in store.quads_for_pattern(None, None, node, graph)}
            if len(owners) <= scope.owner_limit:
                focus |= owners
        triples = {ox.Triple(q.subject, q.predicate, q.object)
                   for node in focus for q in store.quads_for_pattern(node, None, None, graph)}
        present = sorted(str(t.subject) for t in triples)
        referenced = {t.subject for t in triples} | {t.object for t in triples
                                                      if isinstance(t.object, NODE_TYPES)}
        types = {ox.Triple(q.subject, q.predicate, q.object) for node in referenced
                 for q in store.quads_for_pattern(node, type_predicate, None, DEFAULT)}
        if triples:
            out.append(SourceChange(
                graph.value, tuple(sorted(set(present))),
                as_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)),
                as_bytes(ox.serialize(types, format=ox.RdfFormat.N_TRIPLES))))
    return tuple(out)


def _reach(lookup: Callable[[Node | None, ox.NamedNode | None, Node | None], Iterator[ox.Quad]],
           start: set[Node], predicates: list[ox.NamedNode], *, inverse: bool) -> set[Node]:
    """The nodes reached from start along predicates (backwards with inverse), start excluded
    unless reached again."""
    seen: set[Node] = set()
    frontier = set(start)
    while frontier and predicates:
        found: set[Node] = set()
        for node in frontier:
            for predicate in predicates:
                if inverse:
                    found.update(q.subject for q in lookup(None, predicate, node))
                else:
                    found.update(q.object for q in lookup(node, predicate, None)
                                 if isinstance(q.object, NODE_TYPES))
        frontier = found - seen
        seen |= found
    return seen
