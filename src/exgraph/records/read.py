"""Reading every source's version of every exercise from the named graphs.

Four SELECTs for the whole store, whatever its size (:data:`Q_OWN`, :data:`Q_PARTS`,
:data:`Q_LABELS`, :data:`Q_CATALOGUE`): the exercises' own triples and those of the nodes that
belong to them (muscle involvements, steps, benefits, mistakes, programming, comparisons and
their entries, alternative options, rationales), each with the named graph stating it; then
the names and facts of what they point to. :func:`source_versions` turns them into one
*partial record* per (exercise, source): ``{field: value}`` for the fields that source states,
in the record's JSON shapes. :mod:`exgraph.records.build` then chooses among them.

A part node belongs to the source whose graph links it (``?exercise exg:step ?node``); its own
triples are read from that graph (from any graph when that one has none). Every source mints
its own part nodes (``exercise:X/curated/muscle/M``, ``exercise:X/wger/step/1``), so two sources
never describe the same node.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS, Namespace
from rdflib.term import Node

from exgraph.graph.remote import RemoteStore
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.records.precedence import UNATTRIBUTED
from exgraph.vocab.terms import (
    DIFFICULTIES,
    DIFFICULTY_RANK,
    EQUIPMENT_CATEGORIES,
    EXERCISE,
    ID,
    MUSCLE,
    ROLES,
    local_name,
    term_slug,
)
from exgraph.vocab.terms import EXG as _EXG
from exgraph.vocab.terms import SCHEMA as _SCHEMA

log = logging.getLogger(__name__)


class _Terms:
    """A namespace whose terms are made once, then read as plain attributes: rdflib's
    ``Namespace`` builds a new URIRef at every attribute access (437,018 of them in the
    records' build at 3k exercises, 7 % of its profile)."""

    def __init__(self, namespace: Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = self._namespace[name]
        setattr(self, name, term)
        return term


EXG = _Terms(_EXG)
SCHEMA = _Terms(_SCHEMA)

#: The four SELECTs the records are built from (``queries/internal/``), whatever the store's
#: size: the exercises' own triples, those of the nodes that belong to them (muscle
#: involvements, steps, ...; the same part links as ``exercise-graph.rq``), every label, the
#: catalogue facts.
Q_OWN = internal("record-own-triples").text()
Q_PARTS = internal("record-part-triples").text()
Q_LABELS = internal("all-labels").text()


def _graph_queries(store: Store) -> tuple[str, str]:
    """:data:`Q_OWN` and :data:`Q_PARTS` for store: on an external store whose default graph
    is a named graph of its own (``default-graph=``, Virtuoso), that graph is left out of the
    sources, so that its copy of every triple is not sent a second time (on Virtuoso 7.2 with
    the bundled graph, 68k instead of 127k and 83k instead of 166k rows)."""
    hidden = store.default_graph if isinstance(store, RemoteStore) else None
    if hidden is None:
        return Q_OWN, Q_PARTS
    return (internal("record-own-triples").text(hidden=hidden),
            internal("record-part-triples").text(hidden=hidden))

Q_CATALOGUE = internal("record-catalogue").text()

DIFFICULTY_KEYS = {iri: key for key, iri in DIFFICULTIES.items()}
ROLE_KEYS = {iri: key for key, iri in ROLES.items()}
CATEGORY_KEYS = {iri: key for key, iri in EQUIPMENT_CATEGORIES.items()}
OVERVIEW_KEYS = ("muscles", "technique", "benefits", "mistakes", "load", "alternatives")
#: Muscle roles from the most to the least: a muscle a source lists in two roles keeps the first.
ROLE_ORDER = tuple(ROLES)
_ROLE_PROPERTIES = {EXG.primaryMuscle: "primary", EXG.secondaryMuscle: "secondary",
                    EXG.stabilizerMuscle: "stabilizer"}

Triples = dict[Node, list[Node]]


def ident(iri: Node | str) -> str:
    """The short id of an exgraph IRI (its slug; a category's key), or the IRI itself."""
    text = str(iri)
    if URIRef(text) in CATEGORY_KEYS:
        return CATEGORY_KEYS[URIRef(text)]
    if text.startswith(ID):
        return text[len(ID):].split("/", 1)[-1]
    return text


def pattern_slug(iri: Node | str) -> str:
    """The slug of a vocabulary term: ``exg:HipHinge`` is ``hip-hinge``."""
    return term_slug(str(iri))


def difficulty_list(levels: set[Node] | list[Node]) -> list[str]:
    """Difficulty keys (low, moderate, high) ordered by rank."""
    known = {lv for lv in levels if isinstance(lv, URIRef) and lv in DIFFICULTY_KEYS}
    return [DIFFICULTY_KEYS[lv] for lv in sorted(known, key=DIFFICULTY_RANK.__getitem__)]


def source_id(graph: Node | None) -> str:
    """The id of a source graph (``curated``, ``wger``, ``article-x``), or ``unattributed``."""
    return UNATTRIBUTED if graph is None else ident(graph)


@dataclass
class Context:
    """Names and facts of what exercises point to, read once per store generation."""

    labels: dict[str, str] = field(default_factory=dict)  # IRI -> English (or untagged) name
    categories: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    group_of: dict[str, str] = field(default_factory=dict)  # muscle slug -> group slug
    license: dict[str, str] = field(default_factory=dict)

    def ref(self, iri: Node) -> dict[str, Any]:
        return {"id": ident(iri), "iri": str(iri), "name": self.labels.get(str(iri))}


def read_context(store: Store) -> Context:
    """The names of everything, equipment categories, muscle groups and licenses."""
    ctx = Context()
    ranked: dict[str, tuple[int, str]] = {}
    for node, label in store.select_rows(Q_LABELS)[1]:
        lang = label.language if isinstance(label, Literal) else None
        rank = 0 if lang in (None, "en") else 1
        key, text = str(node), str(label)
        if key not in ranked or (rank, text) < ranked[key]:
            ranked[key] = (rank, text)
    ctx.labels = {k: v[1] for k, v in ranked.items()}
    for row in store.select(Q_CATALOGUE):
        x = str(row["x"])
        if "category" in row:
            ctx.categories[x].add(str(row["category"]))
        if "license" in row:
            ctx.license[x] = str(row["license"])
        if x.startswith(str(MUSCLE)) and "category" not in row and "license" not in row:
            slug = ident(x)
            if "isGroup" in row or "group" not in row:
                ctx.group_of.setdefault(slug, slug)
            else:
                ctx.group_of[slug] = ident(row["group"])
    return ctx


class View:
    """One source's triples about one exercise, and a way to read its part nodes."""

    def __init__(self, own: Triples, part: Callable[[Node], Triples], ctx: Context) -> None:
        self.own, self.part, self.ctx = own, part, ctx

    def objects(self, prop: URIRef) -> list[Node]:
        return self.own.get(prop, [])

    def text(self, prop: URIRef, node: Node | None = None) -> str | None:
        values = self.part(node).get(prop, []) if node is not None else self.objects(prop)
        texts = sorted(str(v) for v in values)  # two texts (a merged duplicate): always one
        return texts[0] if texts else None

    def number(self, node: Node | None, prop: URIRef) -> int | None:
        source = self.part(node) if node is not None else self.own
        for value in sorted(source.get(prop, []), key=str):
            try:
                return int(value.toPython()) if isinstance(value, Literal) else None
            except (TypeError, ValueError):
                log.warning("%s %s: %r is not an integer; skipped", node, prop, value)
        return None

    def value(self, node: Node, prop: URIRef) -> Node | None:
        values = sorted(self.part(node).get(prop, []), key=str)
        return values[0] if values else None

    def ordered(self, prop: URIRef) -> list[Node]:
        """The part nodes linked by prop, by exg:position (none last), then IRI."""
        def key(n: Node) -> tuple[bool, int, str]:
            pos = self.number(n, EXG.position)
            return (pos is None, pos or 0, str(n))
        return sorted(set(self.objects(prop)), key=key)


def _muscles(v: View) -> dict[str, list[dict[str, Any]]] | None:
    found: dict[str, tuple[str, str | None]] = {}  # muscle IRI -> (role, function)
    for node in sorted(set(v.objects(EXG.muscleInvolvement)), key=str):
        role, muscle = v.value(node, EXG.role), v.value(node, EXG.muscle)
        if isinstance(role, URIRef) and role in ROLE_KEYS and muscle is not None:
            _keep(found, str(muscle), ROLE_KEYS[role], v.text(EXG.function, node))
    if not found:  # a source with role properties only (an update, a hand-written file)
        for prop, key in _ROLE_PROPERTIES.items():
            for target in v.objects(prop):
                _keep(found, str(target), key, None)
    if not found:
        return None
    muscles: dict[str, list[dict[str, Any]]] = {key: [] for key in ROLE_ORDER}
    for iri, (key, function) in found.items():
        muscles[key].append({**v.ctx.ref(URIRef(iri)), "function": function})
    for items in muscles.values():
        items.sort(key=lambda m: (m["name"] or "", m["id"]))
    return muscles


def _keep(found: dict[str, tuple[str, str | None]], muscle: str, role: str,
          function: str | None) -> None:
    """A muscle once, in its most important role (primary before secondary, stabilizer)."""
    if muscle not in found or ROLE_ORDER.index(role) < ROLE_ORDER.index(found[muscle][0]):
        found[muscle] = (role, function)


def _alternatives(v: View) -> list[dict[str, Any]] | None:
    options = {v.value(o, EXG.alternativeExercise): o for o in v.objects(EXG.alternativeOption)}
    items = []
    for alt in sorted(set(v.objects(EXG.alternative)), key=str):
        option = options.get(alt)
        items.append({**v.ctx.ref(alt),
                      "best_for": v.text(EXG.bestFor, option) if option else None,
                      "key_difference": v.text(EXG.keyDifference, option) if option else None,
                      "difficulty": [],
                      "_position": v.number(option, EXG.position) if option else None})
    items.sort(key=lambda a: (a["_position"] is None, a["_position"] or 0, a["id"]))
    return items or None


def _comparisons(v: View) -> list[dict[str, Any]] | None:
    rows = []
    for comparison in sorted(set(v.objects(EXG.comparison)), key=str):
        other = v.value(comparison, EXG.comparedWith)
        entries = sorted(v.part(comparison).get(EXG.entry, []),
                         key=lambda e: (v.number(e, EXG.position) or 0, str(e)))
        for entry in entries:
            variation = v.value(entry, EXG.variation)
            rows.append({
                "compared_with": v.ctx.ref(other) if other is not None else None,
                "summary": v.text(EXG.summary, comparison),
                "exercise": v.ctx.ref(variation) if variation is not None else None,
                "best_for": v.text(EXG.bestFor, entry),
                "tradeoff": v.text(EXG.tradeoff, entry),
            })
    return rows or None


def _programming(v: View) -> list[dict[str, Any]] | None:
    def goal(node: Node) -> str | None:
        found = v.value(node, EXG.goal)
        return ident(found) if found is not None else None

    def rng(node: Node, low: URIRef, high: URIRef) -> dict[str, int | None]:
        return {"min": v.number(node, low), "max": v.number(node, high)}

    nodes = v.ordered(EXG.programming)
    nodes.sort(key=lambda n: (v.number(n, EXG.position) is None, v.number(n, EXG.position) or 0,
                              goal(n) or ""))
    rows = []
    for node in nodes:
        source = v.value(node, DCTERMS.source)
        rows.append({"goal": goal(node), "sets": rng(node, EXG.setsMin, EXG.setsMax),
                     "reps": rng(node, EXG.repsMin, EXG.repsMax),
                     "rest_seconds": rng(node, EXG.restMinSeconds, EXG.restMaxSeconds),
                     "load": v.text(EXG.loadGuideline, node), "iri": str(node),
                     "source": v.ctx.ref(source) if source is not None else None})
    return rows or None


def _beginner(v: View) -> dict[str, Any] | None:
    suitable = v.objects(EXG.beginnerSuitable)
    note = v.text(EXG.beginnerNote)
    if not suitable and note is None:
        return None
    value = sorted(suitable, key=str)[0] if suitable else None
    return {"suitable": bool(value.toPython()) if isinstance(value, Literal) else None,
            "note": note}


def _frequency(v: View) -> dict[str, Any] | None:
    low, high = v.number(None, EXG.sessionsPerWeekMin), v.number(None, EXG.sessionsPerWeekMax)
    note = v.text(EXG.frequencyNote)
    if low is None and high is None and note is None:
        return None
    return {"sessions_per_week": {"min": low, "max": high}, "note": note}


def _name(v: View) -> str | None:
    labels = [lb for lb in v.objects(RDFS.label)
              if not isinstance(lb, Literal) or lb.language in (None, "en")]
    return sorted(str(lb) for lb in labels)[0] if labels else None


def _term(v: View, prop: URIRef) -> str | None:
    values = sorted(str(x) for x in v.objects(prop))
    return pattern_slug(values[0]) if values else None


def _pattern(v: View) -> dict[str, Any] | None:
    patterns = sorted(v.objects(EXG.movementPattern), key=str)
    return {**v.ctx.ref(patterns[0]), "id": pattern_slug(patterns[0])} if patterns else None


def _equipment(v: View) -> list[dict[str, Any]] | None:
    items = [{**v.ctx.ref(eq), "categories": sorted(
        CATEGORY_KEYS[URIRef(c)] for c in v.ctx.categories.get(str(eq), set())
        if URIRef(c) in CATEGORY_KEYS)} for eq in set(v.objects(EXG.requiresEquipment))]
    return sorted(items, key=lambda e: e["id"]) or None


def _cited(v: View) -> list[dict[str, Any]] | None:
    cited = set(v.objects(DCTERMS.source))
    for prop in (EXG.muscleInvolvement, EXG.step, EXG.benefit, EXG.mistake, EXG.programming,
                 EXG.comparison, EXG.alternativeOption, EXG.rationale):
        for node in v.objects(prop):
            cited.update(v.part(node).get(DCTERMS.source, []))
    return sorted(({**v.ctx.ref(s), "license": v.ctx.license.get(str(s))} for s in cited),
                  key=lambda s: str(s["id"])) or None


def _rationale(v: View) -> list[dict[str, Any]] | None:
    items = []
    for node in sorted(set(v.objects(EXG.rationale)), key=str):
        about = v.value(node, EXG.aboutProperty)
        items.append({"property": local_name(str(about)) if about is not None else None,
                      "reason": v.text(EXG.reason, node)})
    return items or None


def _overviews(v: View) -> dict[str, str | None] | None:
    found = {k: v.text(getattr(EXG, k + "Overview")) for k in OVERVIEW_KEYS}
    return found if any(found.values()) else None


def _texts(prop: URIRef, shape: Callable[[View, Node], Any]) -> Callable[[View], Any]:
    def read(v: View) -> list[Any] | None:
        items = [shape(v, node) for node in v.ordered(prop)]
        return [item for item in items if item is not None] or None
    return read


#: How each field is read from one source's view (None or empty: the source does not state it).
READERS: dict[str, Callable[[View], Any]] = {
    "name": _name,
    "summary": lambda v: v.text(EXG.summary),
    "synonyms": lambda v: sorted(({"name": str(lb), "lang": lb.language}
                                  for lb in set(v.objects(SKOS.altLabel))
                                  if isinstance(lb, Literal)),
                                 key=lambda s: (s["lang"] or "", s["name"])) or None,
    "difficulty": lambda v: difficulty_list(v.objects(EXG.difficulty)) or None,
    "categories": lambda v: sorted({str(c).lower() for c in v.objects(EXG.category)}) or None,
    "force": lambda v: v.text(EXG.force),
    "mechanic": lambda v: v.text(EXG.mechanic),
    "movement_pattern": _pattern,
    "laterality": lambda v: _term(v, EXG.laterality),
    "activity_kind": lambda v: _term(v, EXG.activityKind),
    "images": lambda v: sorted(({"url": str(i), "license": v.ctx.license.get(str(i))}
                                for i in set(v.objects(SCHEMA.image))),
                               key=lambda i: str(i["url"])) or None,
    "equipment": _equipment,
    "equipment_note": lambda v: v.text(EXG.equipmentNote),
    "muscles": _muscles,
    "steps": _texts(EXG.step, lambda v, n: v.text(EXG.text, n)),
    "benefits": _texts(EXG.benefit, lambda v, n: {"title": v.text(EXG.title, n),
                                                  "text": v.text(EXG.text, n)}),
    "mistakes": _texts(EXG.mistake, lambda v, n: {
        "question": v.text(EXG.question, n), "problem": v.text(EXG.problem, n),
        "cause": v.text(EXG.cause, n), "fix": v.text(EXG.fix, n)}),
    "beginner": _beginner,
    "programming": _programming,
    "progression": lambda v: v.text(EXG.progression),
    "frequency": _frequency,
    "comparisons": _comparisons,
    "alternatives": _alternatives,
    "overviews": _overviews,
    "rationale": _rationale,
    "sources": _cited,
}


def _quads(store: Store, query: str, names: tuple[str, str, str, str]
           ) -> list[tuple[Node, Node, Node, Node | None]]:
    """The rows of a record query as (node, predicate, object, graph) tuples, read as tuples
    (``Store.select_rows``: half the CPU of dict rows at 3k exercises)."""
    projected, rows = store.select_rows(query)
    if tuple(projected) != names:
        raise ValueError(f"{projected} is not {names}")
    return rows  # type: ignore[return-value]  # the query binds all but ?g


def source_versions(store: Store, ctx: Context) -> dict[str, dict[str, dict[str, Any]]]:
    """exercise slug -> source id -> the partial record that source states (two SELECTs)."""
    q_own, q_parts = _graph_queries(store)
    own: dict[Node, dict[Node | None, Triples]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for e, p, o, g in _quads(store, q_own, ("e", "p", "o", "g")):
        own[e][g][p].append(o)
    parts: dict[Node, dict[Node | None, Triples]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for s, p, o, g in _quads(store, q_parts, ("s", "p", "o", "g")):
        parts[s][g][p].append(o)
    merged: dict[Node, Triples] = {}

    def any_graph(node: Node) -> Triples:
        if node not in merged:
            union: Triples = defaultdict(list)
            for triples in parts.get(node, {}).values():
                for p, objects in triples.items():
                    union[p].extend(o for o in objects if o not in union[p])
            merged[node] = union
        return merged[node]

    versions: dict[str, dict[str, dict[str, Any]]] = {}
    for exercise, graphs in own.items():
        if not str(exercise).startswith(str(EXERCISE)):
            continue
        slug = ident(exercise)
        versions[slug] = {}
        for graph, triples in graphs.items():
            def part(node: Node, graph: Node | None = graph) -> Triples:
                stated = parts.get(node, {}).get(graph)
                return stated if stated else any_graph(node)

            view = View(triples, part, ctx)
            partial = {name: value for name, read in READERS.items()
                       if (value := read(view)) is not None}
            versions[slug][source_id(graph)] = partial
    return versions
