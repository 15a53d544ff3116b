"""Everything about one exercise: its graph (for ``.ttl``) and its JSON document.

Two queries per exercise, whatever its size: :data:`EXERCISE_GRAPH` fetches the exercise and the
nodes that belong to it (muscle involvements, steps, benefits, mistakes, programming, comparisons
and their entries, alternative nodes); :data:`CONTEXT` fetches the names and facts of what those
point to (muscles, equipment and its categories, goals, other exercises and their difficulty,
sources). The document is then assembled in Python from the two answers.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from exgraph.graph.store import Row, Store
from exgraph.queries.catalogue import CATEGORIES, NamedQuery, parse_query
from exgraph.vocab.terms import (
    DIFFICULTIES,
    DIFFICULTY_RANK,
    EXG,
    ID,
    MUSCLE_PRECEDENCE,
    ROLES,
    SCHEMA,
    SOURCE,
    SOURCE_PRECEDENCE,
    source_rank,
)

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

SOURCED: NamedQuery = parse_query(f"""\
# title: The graph of an exercise, by source
# description: The exercise's triples and its own nodes', each with the source graph stating it.
# param: exercise: exercise (required) — slug or IRI
SELECT ?g ?s ?p ?o WHERE {{
  {{ GRAPH ?g {{ ?_exercise ?p ?o }} BIND(?_exercise AS ?s) }}
  UNION
  {{ ?_exercise {PARTS} ?s . GRAPH ?g {{ ?s ?p ?o }} }}
  UNION
  {{ ?_exercise ?p ?o BIND(?_exercise AS ?s)
     FILTER NOT EXISTS {{ GRAPH ?any {{ ?_exercise ?p ?o }} }} }}
  UNION
  {{ ?_exercise {PARTS} ?s . ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?any {{ ?s ?p ?o }} }} }}
}}
""", "exercise-sourced", "documents.SOURCED")

#: Named graphs of inference rules (data/inferred/rules.trig): a fact stated only there is an
#: estimate, not what a source says.
INFERRED = f"{SOURCE}inferred-"

log = logging.getLogger(__name__)

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


#: The sections of the document whose value comes from one source: the most specific source that
#: has it (:data:`~exgraph.vocab.terms.SOURCE_PRECEDENCE`), in that source's own order.
SINGLE_SOURCE_SECTIONS = ("name", "summary", "difficulty", "force", "mechanic",
                          "movement_pattern", "equipment_note", "steps", "benefits", "mistakes",
                          "beginner", "programming", "progression", "frequency", "comparisons",
                          "overviews")
#: The sections every source adds to, without repeats.
MERGED_SECTIONS = ("synonyms", "categories", "images", "equipment", "muscles", "alternatives")
#: What ``provenance`` names for a triple that no named graph holds (an update wrote it into
#: the default graph only).
UNATTRIBUTED = "unattributed"


class _Sources:
    """The exercise's triples split by the named graph (the source) that states them, the
    sources ordered from the most specific (article > curated > wger > free-exercise-db >
    anything else, e.g. inference rules; ties by IRI) to the least."""

    def __init__(self, rows: list[Row]) -> None:
        graphs: dict[Node | None, Graph] = defaultdict(Graph)
        for row in rows:
            graphs[row.get("g")].add((row["s"], row["p"], row["o"]))
        self.graphs = graphs
        self.order: list[Node | None] = sorted(graphs, key=self._rank)
        self.union = Graph()
        for graph in graphs.values():
            self.union += graph

    @staticmethod
    def _rank(graph: Node | None, precedence: tuple[str, ...] = SOURCE_PRECEDENCE
              ) -> tuple[int, int, str]:
        if graph is None:
            return (len(precedence), 0, "")
        inferred = str(graph).startswith(INFERRED)  # an estimate comes after every statement
        return (source_rank(str(graph), precedence), int(inferred), str(graph))

    def ranked(self, precedence: tuple[str, ...] = SOURCE_PRECEDENCE) -> list[Node | None]:
        return sorted(self.graphs, key=lambda g: self._rank(g, precedence))

    @staticmethod
    def name(graph: Node | None) -> str:
        return UNATTRIBUTED if graph is None else ident(graph)

    def first(self, has: Callable[[Graph], bool]) -> tuple[Graph, list[str]]:
        """The graph of the most specific source for which has(graph) holds (an empty graph
        when none does), and that source's name as a list (empty when none)."""
        for graph in self.order:
            if has(self.graphs[graph]):
                return self.graphs[graph], [self.name(graph)]
        return Graph(), []

    def having(self, has: Callable[[Graph], bool]) -> list[str]:
        """The names of every source for which has(graph) holds, most specific first."""
        return [self.name(g) for g in self.order if has(self.graphs[g])]


def exercise_document(store: Store, exercise: URIRef) -> dict[str, Any]:
    """The JSON document of an exercise (see the ExerciseDocument schema of the OpenAPI doc).

    A merged exercise has facts from several sources, each in its own named graph. A section
    that holds one value or one ordered list (:data:`SINGLE_SOURCE_SECTIONS`: the steps, the
    programming rows, the difficulty, ...) comes whole from the most specific source that has it,
    in that source's order, never interleaved with another's; the lists sources share
    (:data:`MERGED_SECTIONS`: muscles, equipment, alternatives, ...) are merged without repeats
    (a muscle once, in the role its most specific source gives it). ``provenance`` names, per
    section, the sources it came from (most specific first). A fact only an inference rule
    states is used only when no source states one (``*_estimated`` / ``*_inferred``).
    """
    sources = _Sources(store.select(SOURCED.render({"exercise": [exercise]})))
    u = sources.union
    ctx = _Context(store.select(CONTEXT.render({"exercise": [exercise]})))
    provenance: dict[str, list[str]] = {}

    def has(subject: Node, prop: URIRef) -> Callable[[Graph], bool]:
        return lambda g: (subject, prop, None) in g

    def text(g: Graph, subject: Node | None, prop: URIRef) -> str | None:
        if subject is None:
            return None
        # one source may still carry two texts (a merged duplicate): answer the same one always
        values = sorted(str(v) for v in g.objects(subject, prop))
        return values[0] if values else None

    def number(g: Graph, subject: Node | None, prop: URIRef) -> int | None:
        if subject is None:
            return None
        for value in sorted(g.objects(subject, prop), key=str):
            if isinstance(value, Literal):
                try:
                    return int(value)
                except (TypeError, ValueError):
                    log.warning("%s %s: %r is not an integer; skipped", subject, prop, value)
        return None

    def scalar(section: str, prop: URIRef) -> str | None:
        g, provenance[section] = sources.first(has(exercise, prop))
        return text(g, exercise, prop)

    def ordered(g: Graph, prop: URIRef) -> list[Node]:
        return sorted(g.objects(exercise, prop),
                      key=lambda n: (number(g, n, EXG.position) is None,
                                     number(g, n, EXG.position) or 0, str(n)))

    def listed(section: str, prop: URIRef) -> tuple[Graph, list[Node]]:
        g, provenance[section] = sources.first(has(exercise, prop))
        return g, ordered(g, prop)

    name = scalar("name", RDFS.label)
    summary = scalar("summary", EXG.summary)

    difficulty_graph, provenance["difficulty"] = sources.first(has(exercise, EXG.difficulty))
    difficulty = difficulty_list(set(difficulty_graph.objects(exercise, EXG.difficulty)))
    difficulty_estimated = bool(provenance["difficulty"]) and all(
        source.startswith("inferred-") for source in provenance["difficulty"])
    pattern_graph, provenance["movement_pattern"] = sources.first(
        has(exercise, EXG.movementPattern))
    patterns = sorted(pattern_graph.objects(exercise, EXG.movementPattern), key=str)
    pattern_inferred = bool(provenance["movement_pattern"]) and all(
        source.startswith("inferred-") for source in provenance["movement_pattern"])

    # muscles: each muscle once, in the role (and with the function) of the most specific
    # source naming it, muscle precedence (terms.MUSCLE_PRECEDENCE)
    muscles: dict[str, list[dict[str, Any]]] = {key: [] for key in ROLES}
    seen_muscles: set[Node] = set()
    muscle_sources: list[str] = []
    for graph in sources.ranked(MUSCLE_PRECEDENCE):
        g = sources.graphs[graph]
        added = False
        for node in sorted(g.objects(exercise, EXG.muscleInvolvement), key=str):
            role, muscle = g.value(node, EXG.role), g.value(node, EXG.muscle)
            if (not isinstance(role, URIRef) or role not in ROLE_KEYS or muscle is None
                    or muscle in seen_muscles):
                continue
            seen_muscles.add(muscle)
            added = True
            muscles[ROLE_KEYS[role]].append(
                {**ctx.ref(muscle), "function": text(g, node, EXG.function)})
        if added:
            muscle_sources.append(sources.name(graph))
    for items in muscles.values():
        items.sort(key=lambda m: (m["name"] or "", m["id"]))
    provenance["muscles"] = muscle_sources

    # alternatives: every source's, once each; the details and order of the most specific
    # source that describes the alternative
    alternatives: list[dict[str, Any]] = []
    seen_alternatives: set[Node] = set()
    for rank, graph in enumerate(sources.order):
        g = sources.graphs[graph]
        options = {g.value(o, EXG.alternativeExercise): o
                   for o in g.objects(exercise, EXG.alternativeOption)}
        for alt in sorted(g.objects(exercise, EXG.alternative), key=str):
            if alt in seen_alternatives:
                continue
            seen_alternatives.add(alt)
            option = options.get(alt)
            alternatives.append({
                **ctx.ref(alt),
                "best_for": text(g, option, EXG.bestFor),
                "key_difference": text(g, option, EXG.keyDifference),
                "difficulty": difficulty_list(ctx.difficulty.get(alt, set())),
                "_order": (rank, number(g, option, EXG.position) is None,
                           number(g, option, EXG.position) or 0, ident(alt)),
            })
    alternatives.sort(key=lambda a: a["_order"])
    for alt_item in alternatives:
        del alt_item["_order"]
    provenance["alternatives"] = sources.having(has(exercise, EXG.alternative))

    comparison_graph, comparison_nodes = listed("comparisons", EXG.comparison)
    comparisons = []
    for comparison in sorted(comparison_nodes, key=str):
        other = comparison_graph.value(comparison, EXG.comparedWith)
        entries = sorted(comparison_graph.objects(comparison, EXG.entry),
                         key=lambda e: (number(comparison_graph, e, EXG.position) or 0, str(e)))
        for entry in entries:
            variation = comparison_graph.value(entry, EXG.variation)
            comparisons.append({
                "compared_with": ctx.ref(other) if other is not None else None,
                "summary": text(comparison_graph, comparison, EXG.summary),
                "exercise": ctx.ref(variation) if variation is not None else None,
                "best_for": text(comparison_graph, entry, EXG.bestFor),
                "tradeoff": text(comparison_graph, entry, EXG.tradeoff),
            })

    step_graph, steps = listed("steps", EXG.step)
    benefit_graph, benefits = listed("benefits", EXG.benefit)
    mistake_graph, mistakes = listed("mistakes", EXG.mistake)
    programming_graph, programming = listed("programming", EXG.programming)

    def goal_of(node: Node) -> str | None:
        goal = programming_graph.value(node, EXG.goal)
        return ident(goal) if goal is not None else None

    programming.sort(key=lambda n: (number(programming_graph, n, EXG.position) is None,
                                    number(programming_graph, n, EXG.position) or 0,
                                    goal_of(n) or ""))

    beginner_graph, provenance["beginner"] = sources.first(
        lambda g: (exercise, EXG.beginnerSuitable, None) in g
        or (exercise, EXG.beginnerNote, None) in g)
    suitable = beginner_graph.value(exercise, EXG.beginnerSuitable)
    frequency_props = (EXG.sessionsPerWeekMin, EXG.sessionsPerWeekMax, EXG.frequencyNote)
    frequency_graph, provenance["frequency"] = sources.first(
        lambda g: any((exercise, prop, None) in g for prop in frequency_props))
    overview_keys = ("muscles", "technique", "benefits", "mistakes", "load", "alternatives")
    overviews: dict[str, str | None] = {}
    overview_sources: list[str] = []
    for key in overview_keys:
        g, found = sources.first(has(exercise, EXG[key + "Overview"]))
        overviews[key] = text(g, exercise, EXG[key + "Overview"])
        overview_sources += [s for s in found if s not in overview_sources]
    provenance["overviews"] = overview_sources

    provenance["synonyms"] = sources.having(has(exercise, SKOS.altLabel))
    provenance["categories"] = sources.having(has(exercise, EXG.category))
    provenance["images"] = sources.having(has(exercise, SCHEMA.image))
    provenance["equipment"] = sources.having(has(exercise, EXG.requiresEquipment))
    cited = {s for s in u.objects(None, DCTERMS.source)}
    document = {
        "id": ident(exercise),
        "iri": str(exercise),
        "name": name,
        "summary": summary,
        "synonyms": sorted(({"name": str(label), "lang": label.language}
                             for label in set(u.objects(exercise, SKOS.altLabel))
                             if isinstance(label, Literal)),
                            key=lambda s: (s["lang"] or "", s["name"])),
        "difficulty": difficulty,
        "difficulty_estimated": difficulty_estimated,
        "categories": sorted({str(c).lower() for c in u.objects(exercise, EXG.category)}),
        "force": scalar("force", EXG.force),
        "mechanic": scalar("mechanic", EXG.mechanic),
        "movement_pattern": ({**ctx.ref(patterns[0]), "id": pattern_slug(patterns[0])}
                             if patterns else None),
        "movement_pattern_inferred": pattern_inferred,
        "images": sorted(({"url": str(image), "license": ctx.license.get(image)}
                          for image in set(u.objects(exercise, SCHEMA.image))),
                         key=lambda i: str(i["url"])),
        "equipment_known": (exercise, EXG.requiresEquipment, None) in u,
        "equipment": sorted(({
            **ctx.ref(eq),
            "categories": sorted(CATEGORY_KEYS[c] for c in ctx.categories.get(eq, set())
                                 if isinstance(c, URIRef) and c in CATEGORY_KEYS),
        } for eq in set(u.objects(exercise, EXG.requiresEquipment))), key=lambda e: e["id"]),
        "equipment_note": scalar("equipment_note", EXG.equipmentNote),
        "muscles": muscles,
        "steps": [step for s in steps if (step := text(step_graph, s, EXG.text)) is not None],
        "benefits": [{"title": text(benefit_graph, b, EXG.title),
                      "text": text(benefit_graph, b, EXG.text)} for b in benefits],
        "mistakes": [{"question": text(mistake_graph, m, EXG.question),
                      "problem": text(mistake_graph, m, EXG.problem),
                      "cause": text(mistake_graph, m, EXG.cause),
                      "fix": text(mistake_graph, m, EXG.fix)} for m in mistakes],
        "beginner": {"suitable": (bool(suitable.toPython()) if isinstance(suitable, Literal)
                                  else None),
                     "note": text(beginner_graph, exercise, EXG.beginnerNote)},
        "programming": [{
            "goal": goal_of(p),
            "sets": {"min": number(programming_graph, p, EXG.setsMin),
                     "max": number(programming_graph, p, EXG.setsMax)},
            "reps": {"min": number(programming_graph, p, EXG.repsMin),
                     "max": number(programming_graph, p, EXG.repsMax)},
            "rest_seconds": {"min": number(programming_graph, p, EXG.restMinSeconds),
                             "max": number(programming_graph, p, EXG.restMaxSeconds)},
            "load": text(programming_graph, p, EXG.loadGuideline),
        } for p in programming],
        "progression": scalar("progression", EXG.progression),
        "frequency": {"sessions_per_week": {
                          "min": number(frequency_graph, exercise, EXG.sessionsPerWeekMin),
                          "max": number(frequency_graph, exercise, EXG.sessionsPerWeekMax)},
                      "note": text(frequency_graph, exercise, EXG.frequencyNote)},
        "comparisons": comparisons,
        "alternatives": alternatives,
        "overviews": overviews,
        "sources": sorted(({**ctx.ref(s), "license": ctx.license.get(s)} for s in cited),
                          key=lambda s: str(s["id"])),
    }
    document["provenance"] = {section: provenance[section]
                              for section in (*SINGLE_SOURCE_SECTIONS, *MERGED_SECTIONS)}
    return document
