"""Everything about one exercise: its graph (for ``.ttl``) and its JSON document.

Two queries per exercise, whatever its size: :data:`EXERCISE_GRAPH` fetches the exercise and the
nodes that belong to it (muscle involvements, steps, benefits, mistakes, programming, comparisons
and their entries, alternative nodes); :data:`CONTEXT` fetches the names and facts of what those
point to (muscles, equipment and its categories, goals, other exercises and their difficulty,
sources). The document is then assembled in Python from the two answers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from exgraph.graph.store import Row, Store
from exgraph.queries.catalogue import CATEGORIES, NamedQuery, parse_query
from exgraph.vocab.terms import DIFFICULTIES, DIFFICULTY_RANK, EXG, ID, ROLES, SCHEMA, SOURCE

PARTS = ("exg:muscleInvolvement|exg:step|exg:benefit|exg:mistake|exg:programming|exg:comparison"
         "|exg:alternativeOption|(exg:comparison/exg:entry)")

EXERCISE_GRAPH: NamedQuery = parse_query(f"""\
# title: The graph of an exercise
# description: The exercise's own triples and those of the nodes that belong to it.
# param: exercise: exercise (required) — slug or IRI
CONSTRUCT {{ ?_exercise ?p ?o . ?part ?part_p ?part_o }} WHERE {{
  {{ ?_exercise ?p ?o }}
  UNION
  {{ ?_exercise {PARTS} ?part . ?part ?part_p ?part_o }}
}}
""", "exercise-graph", "api_exercises.EXERCISE_GRAPH")

CONTEXT: NamedQuery = parse_query(f"""\
# title: What an exercise's graph points to
# description: Names of what the exercise points to, equipment categories, alternatives' difficulty.
# param: exercise: exercise (required) — slug or IRI
SELECT ?node ?label ?category ?difficulty ?license WHERE {{
  {{
    ?_exercise (exg:muscleInvolvement/exg:muscle)|(exg:programming/exg:goal)|exg:alternative
      |(exg:comparison/exg:comparedWith)|(exg:comparison/exg:entry/exg:variation)
      |exg:movementPattern ?node .
    ?node rdfs:label ?label .
  }} UNION {{
    ?_exercise schema:image ?node .
    OPTIONAL {{ ?node dcterms:license ?license }}
  }} UNION {{
    ?_exercise exg:requiresEquipment ?node .
    ?node rdfs:label ?label .
    OPTIONAL {{ ?node skos:broader* ?category . ?category a exg:EquipmentCategory }}
  }} UNION {{
    ?_exercise exg:alternative ?node .
    ?node exg:difficulty ?difficulty .
  }} UNION {{
    ?_exercise dcterms:source|(({PARTS})/dcterms:source) ?node .
    ?node rdfs:label ?label .
    OPTIONAL {{ ?node dcterms:license ?license }}
  }}
}}
""", "exercise-context", "api_exercises.CONTEXT")

FACT_GRAPHS: NamedQuery = parse_query("""\
# title: Where an exercise's difficulty and movement pattern come from
# description: Difficulty levels and movement patterns, each with the named graph stating it.
# param: exercise: exercise (required) — slug or IRI
SELECT ?p ?value ?graph WHERE {
  VALUES ?p { exg:difficulty exg:movementPattern }
  { GRAPH ?graph { ?_exercise ?p ?value } }
  UNION
  { ?_exercise ?p ?value FILTER NOT EXISTS { GRAPH ?other { ?_exercise ?p ?value } } }
}
""", "exercise-fact-graphs", "documents.FACT_GRAPHS")

#: Named graphs of inference rules (data/inferred/rules.trig): a fact stated only there is an
#: estimate, not what a source says.
INFERRED = f"{SOURCE}inferred-"

DIFFICULTY_KEYS = {iri: key for key, iri in DIFFICULTIES.items()}
ROLE_KEYS = {iri: key for key, iri in ROLES.items()}
CATEGORY_KEYS = {iri: key for key, iri in CATEGORIES.items()}


def exercise_graph(store: Store, exercise: URIRef) -> Graph:
    """The exercise's triples and those of its own nodes, as an rdflib Graph."""
    return store.construct(EXERCISE_GRAPH.render({"exercise": [exercise]}))


def ident(iri: Node) -> str:
    """The short id of an exgraph IRI (its slug), or the IRI itself when it has none."""
    text = str(iri)
    if URIRef(text) in CATEGORY_KEYS:
        return CATEGORY_KEYS[URIRef(text)]
    if text.startswith(ID):
        return text[len(ID):].split("/", 1)[-1]
    return text


def pattern_slug(iri: Node | str) -> str:
    """The slug of a movement pattern: ``exg:HipHinge`` is ``hip-hinge``."""
    local = str(iri).rsplit("#", 1)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


def difficulty_list(levels: set[Node]) -> list[str]:
    """Difficulty keys (low, moderate, high) ordered by rank."""
    known = [lv for lv in levels if isinstance(lv, URIRef) and lv in DIFFICULTY_KEYS]
    return [DIFFICULTY_KEYS[lv] for lv in sorted(known, key=DIFFICULTY_RANK.__getitem__)]


def _stated_first(facts: list[tuple[Node, Node | None]]) -> tuple[list[Node], bool]:
    """The values of (value, graph) pairs that a source states, else those only inferred, and
    whether they are only inferred."""
    stated = sorted({v for v, g in facts if g is None or not str(g).startswith(INFERRED)}, key=str)
    if stated:
        return stated, False
    return sorted({v for v, _ in facts}, key=str), bool(facts)


class _Context:
    """The rows of :data:`CONTEXT`, indexed."""

    def __init__(self, rows: list[Row]) -> None:
        self.labels: dict[Node, str] = {}
        self.categories: dict[Node, set[Node]] = defaultdict(set)
        self.difficulty: dict[Node, set[Node]] = defaultdict(set)
        self.license: dict[Node, str] = {}
        for row in rows:
            node = row["node"]
            if "label" in row:
                self.labels.setdefault(node, str(row["label"]))
            if "category" in row:
                self.categories[node].add(row["category"])
            if "difficulty" in row:
                self.difficulty[node].add(row["difficulty"])
            if "license" in row:
                self.license[node] = str(row["license"])

    def ref(self, iri: Node) -> dict[str, Any]:
        return {"id": ident(iri), "iri": str(iri), "name": self.labels.get(iri)}


def exercise_document(store: Store, exercise: URIRef) -> dict[str, Any]:
    """The JSON document of an exercise (see the ExerciseDocument schema of the OpenAPI doc)."""
    g = exercise_graph(store, exercise)
    ctx = _Context(store.select(CONTEXT.render({"exercise": [exercise]})))
    facts: dict[Node, list[tuple[Node, Node | None]]] = defaultdict(list)
    for row in store.select(FACT_GRAPHS.render({"exercise": [exercise]})):
        facts[row["p"]].append((row["value"], row.get("graph")))
    patterns, pattern_inferred = _stated_first(facts[EXG.movementPattern])
    _, difficulty_estimated = _stated_first(facts[EXG.difficulty])

    def text(subject: Node, prop: URIRef) -> str | None:
        # a merged exercise may carry one text per source: answer the same one every time
        values = sorted(str(v) for v in g.objects(subject, prop))
        return values[0] if values else None

    def number(subject: Node, prop: URIRef) -> int | None:
        value = g.value(subject, prop)
        return int(value) if isinstance(value, Literal) else None

    def ordered(prop: URIRef) -> list[Node]:
        nodes = list(g.objects(exercise, prop))
        return sorted(nodes, key=lambda n: (number(n, EXG.position) or 0, str(n)))

    suitable = g.value(exercise, EXG.beginnerSuitable)
    muscles: dict[str, list[dict[str, Any]]] = {key: [] for key in ROLES}
    for node in g.objects(exercise, EXG.muscleInvolvement):
        role, muscle = g.value(node, EXG.role), g.value(node, EXG.muscle)
        if isinstance(role, URIRef) and role in ROLE_KEYS and muscle is not None:
            muscles[ROLE_KEYS[role]].append(
                {**ctx.ref(muscle), "function": text(node, EXG.function)})
    for items in muscles.values():
        items.sort(key=lambda m: (m["name"] or "", m["id"]))

    alternatives = []
    options = {g.value(o, EXG.alternativeExercise): o for o in
               g.objects(exercise, EXG.alternativeOption)}
    for alt in g.objects(exercise, EXG.alternative):
        option = options.get(alt)
        alternatives.append({
            **ctx.ref(alt),
            "best_for": text(option, EXG.bestFor) if option else None,
            "key_difference": text(option, EXG.keyDifference) if option else None,
            "difficulty": difficulty_list(ctx.difficulty.get(alt, set())),
            "_position": number(option, EXG.position) if option else None,
        })
    alternatives.sort(key=lambda a: (a["_position"] is None, a["_position"] or 0, a["id"]))
    for alt_item in alternatives:
        del alt_item["_position"]

    comparisons = []
    for comparison in sorted(g.objects(exercise, EXG.comparison), key=str):
        other = g.value(comparison, EXG.comparedWith)
        entries = sorted(g.objects(comparison, EXG.entry),
                         key=lambda e: (number(e, EXG.position) or 0, str(e)))
        for entry in entries:
            variation = g.value(entry, EXG.variation)
            comparisons.append({
                "compared_with": ctx.ref(other) if other is not None else None,
                "summary": text(comparison, EXG.summary),
                "exercise": ctx.ref(variation) if variation is not None else None,
                "best_for": text(entry, EXG.bestFor),
                "tradeoff": text(entry, EXG.tradeoff),
            })

    sources = {s for s in g.objects(None, DCTERMS.source)}
    return {
        "id": ident(exercise),
        "iri": str(exercise),
        "name": text(exercise, RDFS.label),
        "summary": text(exercise, EXG.summary),
        "synonyms": sorted(({"name": str(label), "lang": label.language}
                             for label in set(g.objects(exercise, SKOS.altLabel))
                             if isinstance(label, Literal)),
                            key=lambda s: (s["lang"] or "", s["name"])),
        "difficulty": difficulty_list(set(g.objects(exercise, EXG.difficulty))),
        "difficulty_estimated": difficulty_estimated,
        "categories": sorted({str(c).lower() for c in g.objects(exercise, EXG.category)}),
        "force": text(exercise, EXG.force),
        "mechanic": text(exercise, EXG.mechanic),
        "movement_pattern": ({**ctx.ref(patterns[0]), "id": pattern_slug(patterns[0])}
                             if patterns else None),
        "movement_pattern_inferred": pattern_inferred,
        "images": sorted(({"url": str(image), "license": ctx.license.get(image)}
                          for image in g.objects(exercise, SCHEMA.image)),
                         key=lambda i: i["url"]),
        "equipment_known": (exercise, EXG.requiresEquipment, None) in g,
        "equipment": sorted(({
            **ctx.ref(eq),
            "categories": sorted(CATEGORY_KEYS[c] for c in ctx.categories.get(eq, set())
                                 if isinstance(c, URIRef) and c in CATEGORY_KEYS),
        } for eq in g.objects(exercise, EXG.requiresEquipment)), key=lambda e: e["id"]),
        "equipment_note": text(exercise, EXG.equipmentNote),
        "muscles": muscles,
        "steps": [str(g.value(s, EXG.text)) for s in ordered(EXG.step)
                  if g.value(s, EXG.text) is not None],
        "benefits": [{"title": text(b, EXG.title), "text": text(b, EXG.text)}
                     for b in ordered(EXG.benefit)],
        "mistakes": [{"question": text(m, EXG.question), "problem": text(m, EXG.problem),
                      "cause": text(m, EXG.cause), "fix": text(m, EXG.fix)}
                     for m in ordered(EXG.mistake)],
        "beginner": {"suitable": (bool(suitable.toPython()) if isinstance(suitable, Literal)
                                  else None),
                     "note": text(exercise, EXG.beginnerNote)},
        "programming": sorted(({
            "goal": ident(goal) if (goal := g.value(p, EXG.goal)) is not None else None,
            "sets": {"min": number(p, EXG.setsMin), "max": number(p, EXG.setsMax)},
            "reps": {"min": number(p, EXG.repsMin), "max": number(p, EXG.repsMax)},
            "rest_seconds": {"min": number(p, EXG.restMinSeconds),
                             "max": number(p, EXG.restMaxSeconds)},
            "load": text(p, EXG.loadGuideline),
        } for p in g.objects(exercise, EXG.programming)), key=lambda p: p["goal"] or ""),
        "progression": text(exercise, EXG.progression),
        "frequency": {"sessions_per_week": {"min": number(exercise, EXG.sessionsPerWeekMin),
                                            "max": number(exercise, EXG.sessionsPerWeekMax)},
                      "note": text(exercise, EXG.frequencyNote)},
        "comparisons": comparisons,
        "alternatives": alternatives,
        "overviews": {key: text(exercise, EXG[key + "Overview"]) for key in
                      ("muscles", "technique", "benefits", "mistakes", "load", "alternatives")},
        "sources": sorted(({**ctx.ref(s), "license": ctx.license.get(s)} for s in sources),
                          key=lambda s: s["id"]),
    }
