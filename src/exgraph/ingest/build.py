"""An :class:`~exgraph.ingest.model.Article` → triples in the exgraph vocabulary.

The shape is that of data/articles/machine-back-extension.ttl: facts hang off the exercise and
off part nodes with stable IRIs scoped by the article's source id
(``<exercise>/article-SLUG/step/1``, ``<exercise>/article-SLUG/muscle/hamstrings`` ...; see
:func:`exgraph.vocab.terms.part_iri`), so an article about an exercise the curated data or an
import already describes mints nodes of its own beside theirs (``.../curated/muscle/...``,
``.../wger/muscle/...``) instead of giving theirs a second role; every node the article speaks
about points to the article with dcterms:source. No blank nodes, so building twice gives the
same graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from exgraph.ingest.model import Article, Issue, Name
from exgraph.ingest.name_index import KINDS, Resolver
from exgraph.vocab.terms import (
    DIFFICULTIES,
    EXG,
    PREFIXES,
    ROLE_PROPERTIES,
    ROLES,
    SCHEMA,
    SLUG_RE,
    SOURCE,
    part_iri,
)

# Exercise facts that are one literal each, in the order of the article.
_OVERVIEWS = (
    ("summary", EXG.summary), ("muscles_overview", EXG.musclesOverview),
    ("technique_overview", EXG.techniqueOverview), ("benefits_overview", EXG.benefitsOverview),
    ("mistakes_overview", EXG.mistakesOverview), ("beginner_note", EXG.beginnerNote),
    ("load_overview", EXG.loadOverview), ("progression", EXG.progression),
    ("frequency_note", EXG.frequencyNote), ("alternatives_overview", EXG.alternativesOverview),
    ("equipment_note", EXG.equipmentNote),
)


@dataclass(frozen=True)
class SourceInfo:
    """The article as an exg:Source: its IRI and the description to give it."""

    iri: URIRef
    triples: tuple[tuple[Node, Node, Node], ...]


def mentions(article: Article) -> Iterator[tuple[str, Name]]:
    """Every (kind, name) the article uses, the exercise's headings first (singular first)."""
    for name in article.heading_names:
        yield "exercise", name
    for row in article.muscles:
        for muscle in row.muscles:
            yield "muscle", muscle
    for prog in article.programming:
        yield "goal", prog.goal
    for comparison in article.comparisons:
        yield "exercise", comparison.other
        for entry in comparison.rows:
            yield "exercise", entry.variation
    for alternative in article.alternatives:
        yield "exercise", alternative.exercise


@dataclass
class Built:
    graph: Graph
    exercise: URIRef | None
    equipment: list[URIRef] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)


class _Builder:
    def __init__(self, article: Article, resolver: Resolver, source: SourceInfo) -> None:
        self.article = article
        self.resolver = resolver
        self.source = source.iri
        #: The scope of the part nodes it mints: the source's id (``article-SLUG``).
        self.scope = str(source.iri).removeprefix(str(SOURCE))
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns, override=True)
        for triple in source.triples:
            self.graph.add(triple)
        self.errors: list[Issue] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(Issue(self.article.file, line, message))

    def node(self, iri: URIRef, cls: URIRef | None = None) -> URIRef:
        """A node the article speaks about: typed (when cls is given) and sourced."""
        if cls is not None:
            self.graph.add((iri, RDF.type, cls))
        self.graph.add((iri, DCTERMS.source, self.source))
        return iri

    def add(self, subject: URIRef, prop: URIRef, value: Node | str | int | bool | None) -> None:
        if value is None:
            return
        obj = value if isinstance(value, Node) else Literal(value)
        self.graph.add((subject, prop, obj))

    def slug(self, iri: URIRef, kind: str, name: Name) -> str | None:
        """The slug part IRIs use for a resource: the last segment of its IRI."""
        slug = str(iri).rsplit("/", 1)[-1]
        if not SLUG_RE.match(slug) or not str(iri).startswith(str(KINDS[kind].namespace)):
            self.error(name.line, f'{kind} "{name.text}" resolved to {iri}, which has no slug '
                                  "to build part IRIs from")
            return None
        return slug

    def build(self) -> Built:
        article = self.article
        for new in self.resolver.new.values():
            self.node(new.iri, KINDS[new.kind].cls)
            self.add(new.iri, RDFS.label, new.label)
            self.add(new.iri, SKOS.prefLabel, new.label)
        exercise = self.resolver.iri("exercise", article.exercise) if article.exercise else None
        if exercise is None:
            return Built(self.graph, None, errors=self.errors)
        self.node(exercise)
        for attr, prop in _OVERVIEWS:
            self.add(exercise, prop, getattr(article, attr))
        self.add(exercise, EXG.beginnerSuitable, article.beginner_suitable)
        if article.sessions_per_week is not None:
            self.add(exercise, EXG.sessionsPerWeekMin, article.sessions_per_week.low)
            self.add(exercise, EXG.sessionsPerWeekMax, article.sessions_per_week.high)
        self._muscles(exercise)
        self._ordered(exercise)
        self._programming(exercise)
        self._comparisons(exercise)
        self._alternatives(exercise)
        equipment = self._equipment(exercise)
        return Built(self.graph, exercise, equipment, self.errors)

    def _muscles(self, exercise: URIRef) -> None:
        seen: dict[URIRef, int] = {}
        for row in self.article.muscles:
            role = ROLES[row.role]
            for name in row.muscles:
                muscle = self.resolver.iri("muscle", name)
                slug = muscle and self.slug(muscle, "muscle", name)
                if muscle is None or slug is None:
                    continue
                if muscle in seen:
                    self.error(row.line, f'muscle "{name.text}" is listed twice '
                                         f"(also at line {seen[muscle]})")
                    continue
                seen[muscle] = row.line
                involvement = self.node(part_iri(exercise, "muscle", slug, self.scope),
                                        EXG.MuscleInvolvement)
                self.add(involvement, EXG.muscle, muscle)
                self.add(involvement, EXG.role, role)
                self.add(involvement, EXG.function, row.function)
                self.add(exercise, EXG.muscleInvolvement, involvement)
                self.add(exercise, ROLE_PROPERTIES[role], muscle)
                self.add(exercise, EXG.worksMuscle, muscle)

    def _ordered(self, exercise: URIRef) -> None:
        """Steps, benefits and mistakes: numbered by their position in the article."""
        for position, text in enumerate(self.article.steps, start=1):
            step = self._part(exercise, EXG.step, "step", position, EXG.Step)
            self.add(step, EXG.text, text)
        for position, benefit in enumerate(self.article.benefits, start=1):
            node = self._part(exercise, EXG.benefit, "benefit", position, EXG.Benefit)
            self.add(node, EXG.title, benefit.title)
            self.add(node, EXG.text, benefit.text)
        for position, mistake in enumerate(self.article.mistakes, start=1):
            node = self._part(exercise, EXG.mistake, "mistake", position, EXG.Mistake)
            self.add(node, EXG.question, mistake.question)
            self.add(node, EXG.problem, mistake.problem)
            self.add(node, EXG.cause, mistake.cause)
            self.add(node, EXG.fix, mistake.fix)

    def _part(self, exercise: URIRef, link: URIRef, kind: str, position: int,
              cls: URIRef) -> URIRef:
        node = self.node(part_iri(exercise, kind, position, self.scope), cls)
        self.add(node, EXG.position, position)
        self.add(exercise, link, node)
        return node

    def _programming(self, exercise: URIRef) -> None:
        seen: dict[URIRef, int] = {}
        for row in self.article.programming:
            goal = self.resolver.iri("goal", row.goal)
            slug = goal and self.slug(goal, "goal", row.goal)
            if goal is None or slug is None:
                continue
            if goal in seen:
                self.error(row.line, f'programming row "{row.goal.text}": the goal has a row '
                                     f"already (line {seen[goal]})")
                continue
            seen[goal] = row.line
            node = self.node(part_iri(exercise, "programming", slug, self.scope),
                             EXG.ProgrammingGuideline)
            self.add(exercise, EXG.programming, node)
            self.add(node, EXG.position, len(seen))  # the row's place in the article's table
            self.add(node, EXG.goal, goal)
            self.add(node, EXG.setsMin, row.sets.low)
            self.add(node, EXG.setsMax, row.sets.high)
            self.add(node, EXG.repsMin, row.reps.low)
            self.add(node, EXG.repsMax, row.reps.high)
            if row.rest_seconds is not None:
                self.add(node, EXG.restMinSeconds, row.rest_seconds.low)
                self.add(node, EXG.restMaxSeconds, row.rest_seconds.high)
            self.add(node, EXG.loadGuideline, row.load)

    def _comparisons(self, exercise: URIRef) -> None:
        seen: dict[URIRef, int] = {}
        for comparison in self.article.comparisons:
            other = self.resolver.iri("exercise", comparison.other)
            other_slug = other and self.slug(other, "exercise", comparison.other)
            if other is None or other_slug is None:
                continue
            if other in seen or other == exercise:
                self.error(comparison.line, f'comparison with "{comparison.other.text}": '
                                            "compared already, or with itself")
                continue
            seen[other] = comparison.line
            node = self.node(part_iri(exercise, "comparison", other_slug, self.scope),
                             EXG.Comparison)
            self.add(exercise, EXG.comparison, node)
            self.add(node, EXG.comparedWith, self.node(other))
            self.add(node, EXG.summary, comparison.summary)
            rows: dict[URIRef, int] = {}
            for position, row in enumerate(comparison.rows, start=1):
                variation = self.resolver.iri("exercise", row.variation)
                slug = variation and self.slug(variation, "exercise", row.variation)
                if variation is None or slug is None:
                    continue
                if variation in rows:
                    self.error(row.line, f'comparison row "{row.variation.text}": the variation '
                                         f"has a row already (line {rows[variation]})")
                    continue
                rows[variation] = row.line
                entry = self.node(URIRef(f"{node}/{slug}"), EXG.ComparisonEntry)
                self.add(node, EXG.entry, entry)
                self.add(entry, EXG.position, position)
                self.add(entry, EXG.variation, self.node(variation))
                self.add(entry, EXG.bestFor, row.best_for)
                self.add(entry, EXG.tradeoff, row.tradeoff)
            if not rows:
                self.error(comparison.line, f'comparison with "{comparison.other.text}": '
                                            "expected at least one table row")

    def _alternatives(self, exercise: URIRef) -> None:
        seen: dict[URIRef, int] = {}
        for position, alt in enumerate(self.article.alternatives, start=1):
            other = self.resolver.iri("exercise", alt.exercise)
            slug = other and self.slug(other, "exercise", alt.exercise)
            if other is None or slug is None:
                continue
            if other in seen or other == exercise:
                self.error(alt.line, f'alternative "{alt.exercise.text}": listed already, or the '
                                     "exercise itself")
                continue
            seen[other] = alt.line
            node = self.node(part_iri(exercise, "alternative", slug, self.scope),
                             EXG.Alternative)
            self.add(exercise, EXG.alternative, self.node(other))
            self.add(exercise, EXG.alternativeOption, node)
            self.add(node, EXG.position, position)
            self.add(node, EXG.alternativeExercise, other)
            self.add(node, EXG.bestFor, alt.best_for)
            self.add(node, EXG.keyDifference, alt.key_difference)
            for level in alt.difficulty:
                self.add(other, EXG.difficulty, DIFFICULTIES[level])

    def _equipment(self, exercise: URIRef) -> list[URIRef]:
        sentence, line = self.article.equipment_sentence, self.article.equipment_line
        if sentence is None or line is None:
            return []
        found = self.resolver.equipment(sentence, line)
        for equipment in found:
            self.add(exercise, EXG.requiresEquipment, equipment)
        return found


def build_graph(article: Article, resolver: Resolver, source: SourceInfo) -> Built:
    """The article's triples. Names must have been resolved (resolver.resolve_all) first."""
    return _Builder(article, resolver, source).build()


def source_triples(iri: URIRef, label: str, title: str, identifier: str
                   ) -> tuple[tuple[Node, Node, Node], ...]:
    """How an article is described as an exg:Source (cf. data/sources.ttl)."""
    return (
        (iri, RDF.type, EXG.Source), (iri, RDF.type, SCHEMA.Article),
        (iri, RDFS.label, Literal(label)), (iri, DCTERMS.title, Literal(title)),
        (iri, RDFS.comment, Literal(f"An exercise guide article, {identifier}.")),
        (iri, DCTERMS.identifier, Literal(identifier)),
    )
