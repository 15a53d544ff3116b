"""The update path: authorise, trial, check (shapes, literals, protected and destructive
operations, the deletion budget), snapshot, commit exactly the checked effect, audit, publish."""

from __future__ import annotations

import functools
import gc
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pyoxigraph as ox
from flask import Response, current_app, request
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from exgraph.config import DEFAULTS
from exgraph.errors import BadRequest, ExgraphError, Forbidden
from exgraph.graph.backups import (
    AuditLog,
    Retention,
    SnapshotRefused,
    token_id,
    write_snapshot,
)
from exgraph.graph.load import ONTOLOGY_GRAPH
from exgraph.graph.remote import RemoteStore
from exgraph.graph.store import (
    OxigraphStore,
    RdflibStore,
    Store,
    freeze_heap,
    from_ox,
    prepare_caches,
)
from exgraph.web.cache import invalidate
from exgraph.web.context import get_store
from exgraph.web.sparql import guard
from exgraph.web.sparql.jobs import EffectScope, InspectJob, UpdateEffect, UpdateJob
from exgraph.web.sparql.protocol import Operation, graph_names, query_base_iri
from exgraph.web.sparql.service import (
    DESTRUCTIVE_HEADER,
    DESTRUCTIVE_OPERATIONS,
    Conflict,
    InsufficientStorage,
    ShapeViolation,
    WriteFailed,
    dump_store,
    service,
)


def _authorize_update() -> str:
    """The bearer token the request presents, when it is the update token; Forbidden else."""
    token = service().update_token()
    if not token:
        raise Forbidden("SPARQL Update is disabled: this endpoint is read-only")
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented.strip().encode(),
                                                             str(token).encode()):
        raise Forbidden("SPARQL Update needs the header 'Authorization: Bearer <token>'")
    return presented.strip()


def run_update(op: Operation) -> Response:
    """Check the token, inspect, try the update in a worker, check what it would do (the
    destructive flag, the shapes), snapshot the store when destructive, apply it, reload the
    workers. Every outcome is a line of the audit log: refusals with their reason; a refusal
    for want of the token without the update's text (anyone can send those)."""
    sparql = service()
    record: dict[str, Any] = {"outcome": "refused", "token": None}
    try:
        token = _authorize_update()
    except Forbidden as exc:
        _, _, presented = request.headers.get("Authorization", "").partition(" ")
        record.update(token=token_id(presented.strip()) if presented.strip() else None,
                      update_bytes=len(op.text.encode()), status=exc.status, reason=str(exc))
        sparql.refused(record)
        raise
    record.update(token=token_id(token), update=op.text)
    try:
        _update(op, record)
    except ExgraphError as exc:
        # the app's one error response; a ShapeViolation's SHACL problems in the body and log
        record.update(status=exc.status, reason=str(exc), **exc.details())
        sparql.audit(record)
        raise
    except Exception as exc:  # a bug or an engine failure: still a line of the log
        record.update(status=500, reason=f"{type(exc).__name__}: {exc}")
        sparql.audit(record)
        raise
    return Response(b'{"ok": true}\n', status=200, content_type="application/json")


def _update(op: Operation, record: dict[str, Any]) -> None:
    """Inspect, try, check and apply an update; fills record (and writes it once applied)."""
    store = get_store()
    sparql = service()
    sparql.check_shape(op.text)
    info: guard.UpdateInfo = sparql.runner(store).inspect(InspectJob(op.text, "update"))
    using = [name for name in ("using-graph-uri", "using-named-graph-uri") if op.values(name)]
    if using and info.names_dataset:
        raise BadRequest(f"{using[0]} conflicts with the USING / WITH clause of the update")
    if using:
        # pyoxigraph's update() takes no dataset: the parameters become USING clauses
        op = replace(op, text=guard.add_using(op.text,
                                              graph_names(op, "using-graph-uri") or (),
                                              graph_names(op, "using-named-graph-uri") or ()))
    allowed = request.headers.get(DESTRUCTIVE_HEADER, "").strip().lower() == "true"
    with sparql.update_lock:
        if isinstance(store, RemoteStore):
            # the server applies it (one transaction, bounded by the store's timeout): no
            # trial run here, so no removal count and no shapes check; and what the server
            # runs must be what was asked, so nothing that changes from run to run
            refuse_nondeterministic(info)
            _check_destructive(info, None, allowed)
            record["snapshot"] = _snapshot(store, info, None)
            _writable(sparql.audit_log())
            store.update(op.text)
            changed = True  # what it changed is the server's to know
        else:
            runner = sparql.runner(store)
            # The trial run bounds the time: a runaway update dies in a worker, never in here.
            effect = runner.trial_update(UpdateJob(op.text, base_iri=query_base_iri(),
                                                   scope=effect_scope()),
                                         timeout=float(current_app.config.get(
                                             "UPDATE_TIMEOUT", DEFAULTS["UPDATE_TIMEOUT"])))
            assert effect is not None
            record.update(added=effect.added, removed=effect.removed)
            record.update(effect_record(effect, sparql.setting("AUDIT_EFFECT_BYTES")))
            budget = sparql.budget_reason(record["token"], effect.removed)
            _check_destructive(info, effect, allowed, budget)
            _check_protected(info, effect, allowed)
            check_literals(effect)
            check_effect(effect)
            check_sources(effect)
            _writable(sparql.audit_log())
            record["snapshot"] = _snapshot(store, info, effect, forced=budget is not None)
            apply_effect(store, effect)
            sparql.spend(record["token"], effect.removed)
            changed = bool(effect.added or effect.removed)
            if changed:
                runner.reload(dump_store(store))
        record.update(outcome="applied", status=200)
        sparql.audit(record)
        if changed:
            _publish(store)


def _publish(store: Store) -> None:
    """Make a committed change visible to the caches: build the next generation's records,
    substitutes engine, search index ... from the changed data (:func:`prepare_caches`), then
    move the store to that generation (:func:`invalidate`). The writer pays the rebuild (3 s of
    CPU on the full graph; 26-33 s on the loaded 2-core machine, where the first API request
    after each update paid it before and timed out the clients behind it); readers answer
    from the previous generation meanwhile. An update that changed nothing (0 quads added or
    removed) moves nothing. A failure to prepare is logged and leaves the building to the
    next reader, as before."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        if not isinstance(store, RemoteStore):  # its generation is the server's stamp
            prepare_caches(store)
            if gc.get_freeze_count():  # a server that froze its start (exgraph serve)
                freeze_heap(collect=False)  # the new generation: out of collections' walks
    except Exception:
        app.logger.exception("preparing the caches of the next generation failed")
    finally:
        invalidate(app)


def refuse_nondeterministic(info: guard.UpdateInfo) -> None:
    """BadRequest when an update calls a function whose value changes from run to run (checked
    where the update text itself is run, an external store: what was checked is what runs)."""
    if info.nondeterministic:
        names = ", ".join(f"{name}()" for name in info.nondeterministic)
        raise BadRequest(f"the update uses {names}, whose value changes from one run to the "
                         f"next: an external store runs the text itself, so exgraph cannot "
                         f"check what it would commit; compute the value first and send it as "
                         f"data; nothing was changed")


def effect_record(effect: UpdateEffect, limit: int) -> dict[str, Any]:
    """What the audit log keeps of a committed effect: the SHA-256 of its quads (see
    :func:`effect_digest`), and the quads themselves (N-Quads lines) when they take at most
    limit bytes, so the log can be replayed onto a snapshot."""
    out: dict[str, Any] = {"effect_sha256": effect_digest(effect.added_quads,
                                                          effect.removed_quads)}
    if len(effect.added_quads) + len(effect.removed_quads) <= limit:
        out["effect"] = {"added": effect.added_quads.decode("utf-8").splitlines(),
                         "removed": effect.removed_quads.decode("utf-8").splitlines()}
    return out


def effect_digest(added: bytes, removed: bytes) -> str:
    """The SHA-256 of an effect: ``-`` and the removed N-Quads (sorted lines), then ``+`` and the
    added ones."""
    return hashlib.sha256(b"-\n" + removed + b"+\n" + added).hexdigest()


def _check_protected(info: guard.UpdateInfo, effect: UpdateEffect, allowed: bool) -> None:
    """The project's own graphs (the ontology, ``urn:exgraph:`` bookkeeping) are written by
    ``exgraph load`` only: an update adding to them is refused, and one removing from them
    too, but for a flagged ``DROP ALL`` / ``CLEAR ALL`` (the whole store's reset, snapshotted
    first; ``exgraph restore`` undoes it)."""
    reset = allowed and info.all_graphs
    graphs = sorted({*effect.protected_added, *([] if reset else effect.protected_removed)})
    if graphs:
        raise Forbidden(f"the update changes {', '.join(f'<{g}>' for g in graphs)}, which "
                        f"only exgraph load writes (the ontology and the service's "
                        f"bookkeeping); nothing was changed")


def _destructive(info: guard.UpdateInfo, effect: UpdateEffect | None) -> str | None:
    """Why an update is destructive, or None."""
    words = sorted({DESTRUCTIVE_OPERATIONS[name] for name in info.operations
                    if name in DESTRUCTIVE_OPERATIONS})
    if words:
        return f"the update uses {' and '.join(words)}"
    limit = service().setting("MAX_DELETE_TRIPLES")
    if effect is not None and effect.removed > limit:
        return (f"the update would remove {effect.removed} triples, more than "
                f"MAX_DELETE_TRIPLES ({limit})")
    return None


def _check_destructive(info: guard.UpdateInfo, effect: UpdateEffect | None,
                       allowed: bool, budget: str | None = None) -> None:
    reason = _destructive(info, effect) or budget
    if reason is not None and not allowed:
        raise BadRequest(f"{reason}: a destructive update needs the header "
                         f"'{DESTRUCTIVE_HEADER}: true' (a snapshot of the store is written "
                         f"first); nothing was changed")


def _snapshot(store: Store, info: guard.UpdateInfo, effect: UpdateEffect | None,
              forced: bool = False) -> str | None:
    """Before a destructive update (or one past the deletion budget, ``forced``): a snapshot
    of the whole store, within the retention settings; its path (else None)."""
    if _destructive(info, effect) is None and not forced:
        return None
    sparql = service()
    directory = sparql.snapshot_dir()
    retention = Retention(keep=sparql.setting("SNAPSHOT_KEEP"),
                          max_bytes=sparql.setting("SNAPSHOT_MAX_BYTES"),
                          min_free_bytes=sparql.setting("SNAPSHOT_MIN_FREE_BYTES"))
    try:
        return str(write_snapshot(store, directory, retention=retention))
    except SnapshotRefused as exc:
        raise InsufficientStorage(f"{exc}; nothing was changed") from None
    except OSError as exc:
        raise WriteFailed(f"cannot write a snapshot in {directory}: {exc.strerror or exc}; "
                          f"nothing was changed") from None


def _writable(log: AuditLog) -> None:
    """WriteFailed unless the audit log can be opened for appending (checked before applying)."""
    try:
        log.path.parent.mkdir(parents=True, exist_ok=True)
        with open(log.path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise WriteFailed(f"cannot write the audit log {log.path}: {exc.strerror or exc}; "
                          f"nothing was changed") from None


@functools.lru_cache(maxsize=1)
def effect_scope() -> EffectScope:
    """What a trial run reports around an update's changes, read from the shapes: the
    predicates of inverse paths and sh:targetObjectsOf, and of sh:zeroOrMorePath /
    sh:oneOrMorePath (followed transitively)."""
    from rdflib.namespace import RDFS, SH

    from exgraph.graph.validate import shapes_graph

    shapes = shapes_graph()
    inverse = {*shapes.objects(None, SH.inversePath), *shapes.objects(None, SH.targetObjectsOf)}
    closure = {*shapes.objects(None, SH.zeroOrMorePath), *shapes.objects(None, SH.oneOrMorePath)}
    return EffectScope(
        type_predicate=str(RDF.type), class_predicates=(str(RDFS.subClassOf),),
        closure=tuple(sorted(str(p) for p in closure if isinstance(p, URIRef))),
        inverse=tuple(sorted(str(p) for p in inverse if isinstance(p, URIRef))),
        protected=(ONTOLOGY_GRAPH,),
    )


@functools.lru_cache(maxsize=1)
def _ontology() -> Graph:
    from exgraph.config import ONTOLOGY_FILE

    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def check_sources(effect: UpdateEffect) -> None:
    """ShapeViolation when what an update changed in a named graph breaks the shapes as that
    graph alone must hold them (``exgraph validate --per-source``: every shape, those of one
    source included, but for minimum counts; what it points to typed by the served graph)."""
    from exgraph.graph.validate import validate_source

    for change in effect.sources:
        source, types = Graph(), Graph()
        for graph, data in ((source, change.context), (types, change.types)):
            graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                       for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        report = validate_source(source, types, _ontology())
        problems = report.problems
        if not report.conforms:
            raise ShapeViolation(f"the update breaks ontology/shapes.ttl in the graph "
                                 f"<{change.graph}> ({len(problems)} problem(s), first: "
                                 f"{problems[0].focus} {problems[0].message}); nothing was "
                                 f"changed", problems)


def check_literals(effect: UpdateEffect) -> None:
    """BadRequest when an update writes a literal holding a character an article may not
    (the C0 controls but tab and line ends, DEL, the C1 controls, U+FEFF: what ``exgraph
    ingest`` refuses), so no page, export or calendar carries one."""
    from exgraph.ingest.article_file import FORBIDDEN

    for quad in ox.parse(effect.added_quads, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.object, ox.Literal):
            found = FORBIDDEN.search(quad.object.value)
            if found:
                raise BadRequest(f"the update writes a literal with the control character "
                                 f"U+{ord(found.group()):04X} (at character {found.start() + 1}"
                                 f" of the value of {quad.subject} {quad.predicate}); nothing "
                                 f"was changed")


def check_effect(effect: UpdateEffect) -> None:
    """ShapeViolation when the nodes an update touched break the shapes in its result."""
    from exgraph.graph.validate import strict_shapes_graph, validate_graph

    if not effect.focus:
        return
    graph = Graph()
    graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
               for q in ox.parse(effect.context, format=ox.RdfFormat.N_TRIPLES))
    focus = [_node(term) for term in effect.focus]
    report = validate_graph(graph, focus=focus, shapes=strict_shapes_graph())
    if not report.conforms:
        raise ShapeViolation(f"the update breaks ontology/shapes.ttl ({len(report.problems)} "
                             f"problem(s), first: {report.problems[0].focus} "
                             f"{report.problems[0].message}); nothing was changed",
                             report.problems)


def _node(term: str) -> URIRef | BNode:
    """An N-Triples IRI or blank node (as the trial run reports them) as an rdflib term."""
    if term.startswith("_:"):
        return BNode(term[2:])
    return URIRef(term[1:-1])


def apply_effect(store: Store, effect: UpdateEffect) -> None:
    """Commit the effect a trial run computed (its quads, not the update's text run again) to
    the app's store: Oxigraph in one transaction (``DELETE DATA ; INSERT DATA``, after checking
    that every removed quad is there and no added one is, i.e. the store is the one the trial
    ran on); rdflib quad by quad (its updates are not transactional)."""
    if not effect.added_quads and not effect.removed_quads:
        return
    added = list(ox.parse(effect.added_quads, format=ox.RdfFormat.N_QUADS))
    removed = list(ox.parse(effect.removed_quads, format=ox.RdfFormat.N_QUADS))
    if isinstance(store, OxigraphStore):
        stale = next((q for q in removed if q not in store.ox), None) or next(
            (q for q in added if q in store.ox), None)
        if stale is not None:
            raise Conflict(f"the store changed since the update's trial run ({stale}); "
                           f"nothing was changed: send the update again")
        store.changing()  # an on-disk store drops its generation stamp first (issue 25)
        store.ox.update(data_update(removed, added))
    elif isinstance(store, RdflibStore):
        for quad in removed:
            store.graph.remove((from_ox(quad.subject), from_ox(quad.predicate),
                                from_ox(quad.object)))
        store.graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
                          store.graph) for q in added)
    else:
        raise Forbidden(f"SPARQL Update is not available on the {store.backend} backend")


def data_update(removed: Sequence[ox.Quad], added: Sequence[ox.Quad]) -> str:
    """``DELETE DATA { removed } ; INSERT DATA { added }``: one SPARQL update, so one
    transaction on Oxigraph (a full wipe of the bundled graph, 180k quads, takes ~2 s)."""
    parts = []
    for keyword, quads in (("DELETE DATA", removed), ("INSERT DATA", added)):
        if not quads:
            continue
        graphs: dict[str, list[ox.Triple]] = {}
        for quad in quads:
            name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
            graphs.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate,
                                                         quad.object))
        body = []
        for name, triples in graphs.items():
            text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            assert text is not None
            body.append(text.decode("utf-8") if not name
                        else f"GRAPH {name} {{\n{text.decode('utf-8')}}}\n")
        parts.append(f"{keyword} {{\n{''.join(body)}}}")
    return " ;\n".join(parts)
