"""Records to triples: resolve names against the graph, merge or create, fill gaps, link groups.

The merge rule, in one place:

* A record whose name key (:func:`~exgraph.vocab.names.name_key`) matches the rdfs:label,
  skos:prefLabel or skos:altLabel of exactly one exercise of the base graph is **merged** into
  it. Several matches make it **ambiguous**: it gets its own new resource and is reported.
* A merged resource keeps its one rdfs:label. It gains the record's names as skos:altLabel
  (those it does not have yet), the record's pictures (schema:image, always) and a
  dcterms:source to the record's source node. Of the facts,
  it takes each kind only **when it has none of that kind yet** (in the base graph or from an
  earlier record of this import): difficulty, force, mechanic, category and body region always;
  muscles, equipment, steps and summary only when the resource itself comes from an import (all
  its sources are import records). Curated exercises keep their own muscles, roles, equipment,
  technique and description, never contradicted or doubled.
* A new resource is ``exercise/<slugify(label)>``; when that IRI is taken (by the base graph or
  an earlier record of this import) the record's ``collision_suffix`` is appended, and reported.
  Records of one dataset never merge with each other: the dataset says they are different.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import permutations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
from tqdm import tqdm

from exgraph.importers.common import ImportRecord, RecordSource, Summary
from exgraph.vocab.names import name_key, slugify
from exgraph.vocab.terms import (
    DATASET,
    EXG,
    PREFIXES,
    ROLE_PROPERTIES,
    SCHEMA,
    SOURCE,
    exercise_iri,
    part_iri,
    slug_of,
)

LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)

#: The kinds of fact a merged resource receives only when it has none, and the property that
#: tells whether it has one.
#: Kinds a curated exercise (one with a source that is not an import record) may receive.
CURATED_FILLS = frozenset({"difficulty", "force", "mechanic", "category", "body_region"})
FACT_KINDS: dict[str, URIRef] = {
    "difficulty": EXG.difficulty,
    "muscles": EXG.worksMuscle,
    "equipment": EXG.requiresEquipment,
    "steps": EXG.step,
    "summary": EXG.summary,
    "force": EXG.force,
    "mechanic": EXG.mechanic,
    "category": EXG.category,
    "body_region": EXG.bodyRegion,
}


def _label_index(graph: Graph, members: Iterable[URIRef]) -> dict[str, set[URIRef]]:
    index: dict[str, set[URIRef]] = defaultdict(set)
    for member in members:
        for prop in LABELS:
            for label in graph.objects(member, prop):
                key = name_key(str(label))
                if key:
                    index[key].add(member)
    return index


class Catalogue:
    """The base graph's muscles, equipment and exercises, indexed by name key.

    ``muscle_table`` / ``equipment_table`` map a dataset's value to an IRI where the labels do
    not resolve it (they are consulted first, so a table entry always wins).
    """

    def __init__(
        self,
        graph: Graph,
        muscle_table: Mapping[str, URIRef] | None = None,
        equipment_table: Mapping[str, URIRef] | None = None,
    ) -> None:
        self.graph = graph
        self.muscle_table = dict(muscle_table or {})
        self.equipment_table = dict(equipment_table or {})
        muscles = {m for m in graph.subjects(RDF.type, EXG.Muscle) if isinstance(m, URIRef)}
        # categories (exg:Machine, exg:Bodyweight) are roots, not kinds: a record names a kind
        categories = set(graph.subjects(RDF.type, EXG.EquipmentCategory))
        equipment = {e for e in graph.subjects(RDF.type, EXG.Equipment)
                     if isinstance(e, URIRef) and e not in categories}
        self.exercises = {e for e in graph.subjects(RDF.type, EXG.Exercise)
                          if isinstance(e, URIRef)}
        self.muscles = _label_index(graph, muscles)
        self.equipment_kinds = _label_index(graph, equipment)
        self.exercise_keys = _label_index(graph, self.exercises)
        # import record sources are dcterms:isPartOf their dataset; any other source is curation
        self.curated = {e for e in self.exercises
                        if not all((source, DCTERMS.isPartOf, None) in graph
                                   for source in graph.objects(e, DCTERMS.source))
                        or (e, DCTERMS.source, None) not in graph}
        self.taken = {s for s in graph.subjects() if isinstance(s, URIRef)
                      and slug_of(str(s), "exercise") is not None}

    def muscle(self, name: str) -> URIRef | None:
        """The muscle a dataset's muscle name means, or None when no single one."""
        return self._resolve(name, self.muscle_table, self.muscles)

    def equipment(self, name: str) -> URIRef | None:
        """The equipment kind a dataset's equipment name means, or None when no single one."""
        return self._resolve(name, self.equipment_table, self.equipment_kinds)

    @staticmethod
    def _resolve(name: str, table: Mapping[str, URIRef], index: Mapping[str, set[URIRef]]
                 ) -> URIRef | None:
        if name in table:
            return table[name]
        found = index.get(name_key(name), set())
        return next(iter(found)) if len(found) == 1 else None

    def matches(self, name: str) -> list[URIRef]:
        """Existing exercises that have name (by name key) as a label, sorted."""
        return sorted(self.exercise_keys.get(name_key(name), set()))


class GraphBuilder:
    """Builds the triples of one import from its records, recording what it did in a Summary."""

    def __init__(self, catalogue: Catalogue, summary: Summary, dataset_source: Graph) -> None:
        self.cat = catalogue
        self.summary = summary
        self.out = Graph()
        for prefix, ns in PREFIXES.items():
            self.out.bind(prefix, ns, override=True)
        self.out += dataset_source
        for dataset in dataset_source.subjects(RDF.type, EXG.Source):
            self.out.add((DATASET, DCTERMS.source, dataset))
        self.created: set[URIRef] = set()
        self.filled: dict[URIRef, set[str]] = {}
        self.groups: dict[str, set[URIRef]] = defaultdict(set)

    def add_all(self, records: list[ImportRecord]) -> Graph:
        """Map every record, then link the groups; the graph of the import (this builder's)."""
        bar = tqdm(records, desc=self.summary.dataset, unit="record", file=sys.stderr,
                   disable=not sys.stderr.isatty(), leave=False)
        for record in bar:
            self.add(record)
        self.link_groups()
        return self.out

    def add(self, record: ImportRecord) -> None:
        """Merge record into the exercise it names, or create one; skip it when it has no name,
        leave it out when it is no exercise (``record.not_exercise``)."""
        self.summary.read += 1
        if record.not_exercise is not None:
            self.summary.not_exercises.append((record.ref, record.not_exercise))
            return
        self.summary.notes.update(record.notes)
        candidates = self.cat.matches(record.label)
        if len(candidates) == 1:
            exercise = candidates[0]
            self.summary.merged.append((record.ref, exercise))
            self._merge_names(exercise, record)
        else:
            try:
                slug = slugify(record.label)
            except ValueError:
                self.summary.skipped.append(
                    (record.ref, "no usable name (nothing to build an IRI from)"))
                return
            exercise = self._new_iri(slug, record)
            if candidates:
                self.summary.ambiguous.append((record.ref, exercise, candidates))
            self._create(exercise, record)
        source = self._source(record.source)
        self.out.add((exercise, DCTERMS.source, source))
        self._facts(exercise, record, source)
        if record.group:
            self.groups[record.group].add(exercise)

    def link_groups(self) -> None:
        """exg:alternative between every two different exercises of a group, both ways."""
        for members in self.groups.values():
            for a, b in permutations(sorted(members), 2):
                self.out.add((a, EXG.alternative, b))

    # -- resources ---------------------------------------------------------------------------

    def _new_iri(self, slug: str, record: ImportRecord) -> URIRef:
        iri = exercise_iri(slug)
        if iri in self.cat.taken or iri in self.created:
            base, n = f"{slug}-{record.collision_suffix}", 1
            iri = exercise_iri(base)
            while iri in self.cat.taken or iri in self.created:  # only if the suffix repeats
                n += 1
                iri = exercise_iri(f"{base}-{n}")
            self.summary.collisions.append((record.ref, iri))
        self.created.add(iri)
        self.summary.created += 1
        return iri

    def _create(self, exercise: URIRef, record: ImportRecord) -> None:
        add = self.out.add
        add((exercise, RDF.type, EXG.Exercise))
        add((exercise, RDFS.label, Literal(record.label)))
        if record.names:
            for lang, name in sorted(record.names.items()):
                add((exercise, SKOS.prefLabel, Literal(name, lang=lang)))
        else:
            add((exercise, SKOS.prefLabel, Literal(record.label)))
        for alias, lang in record.aliases:
            add((exercise, SKOS.altLabel, Literal(alias, lang=lang)))
        self.filled[exercise] = set()

    def _merge_names(self, exercise: URIRef, record: ImportRecord) -> None:
        known = {str(label).casefold() for prop in LABELS
                 for graph in (self.cat.graph, self.out) for label in graph.objects(exercise, prop)}
        names: list[tuple[str, str | None]] = [(record.label, None)]
        names += [(name, lang) for lang, name in sorted(record.names.items())
                  if name != record.label]
        names += record.aliases
        for name, lang in names:
            if name.casefold() not in known:
                known.add(name.casefold())
                self.out.add((exercise, SKOS.altLabel, Literal(name, lang=lang)))

    def _source(self, source: RecordSource) -> URIRef:
        iri = SOURCE[source.slug]
        add = self.out.add
        add((iri, RDF.type, EXG.Source))
        add((iri, RDFS.label, Literal(source.label)))
        add((iri, DCTERMS.identifier, Literal(source.identifier)))
        add((iri, DCTERMS.isPartOf, source.dataset))
        if source.license is not None:
            add((iri, DCTERMS.license, source.license))
        if source.author:
            add((iri, DCTERMS.creator, Literal(source.author)))
            add((iri, DCTERMS.rightsHolder, Literal(source.author)))
        return iri

    # -- facts -------------------------------------------------------------------------------

    def _may_fill(self, exercise: URIRef, kind: str) -> bool:
        """Whether exercise takes facts of this kind: new, or none yet anywhere (then it does)."""
        filled = self.filled.setdefault(exercise, set())
        if kind in filled or (exercise in self.cat.curated and kind not in CURATED_FILLS):
            return False
        prop = FACT_KINDS[kind]
        if exercise not in self.created and (exercise, prop, None) in self.cat.graph:
            return False
        filled.add(kind)
        return True

    def _facts(self, exercise: URIRef, record: ImportRecord, source: URIRef) -> None:
        add = self.out.add
        if record.difficulty is not None and self._may_fill(exercise, "difficulty"):
            add((exercise, EXG.difficulty, record.difficulty))
        for kind, value in (("force", record.force), ("mechanic", record.mechanic),
                            ("category", record.category), ("body_region", record.body_region)):
            if value and self._may_fill(exercise, kind):
                add((exercise, FACT_KINDS[kind], Literal(value)))
        if record.summary and self._may_fill(exercise, "summary"):
            add((exercise, EXG.summary, Literal(record.summary)))
            if record.summary_source is not None:
                add((exercise, DCTERMS.source, self._source(record.summary_source)))
        muscles = self._muscles(record)
        if muscles and self._may_fill(exercise, "muscles"):
            for muscle, role in muscles:
                node = part_iri(exercise, "muscle", _local_slug(muscle), self.summary.dataset)
                add((exercise, EXG.muscleInvolvement, node))
                add((node, RDF.type, EXG.MuscleInvolvement))
                add((node, EXG.muscle, muscle))
                add((node, EXG.role, role))
                add((node, DCTERMS.source, source))
                add((exercise, ROLE_PROPERTIES[role], muscle))
                add((exercise, EXG.worksMuscle, muscle))
        equipment = self._equipment(record)
        if equipment and self._may_fill(exercise, "equipment"):
            for kind in equipment:
                add((exercise, EXG.requiresEquipment, kind))
        # pictures of the record, whatever else the exercise has: they depict it, under the
        # record's licence
        for image in record.images:
            add((exercise, SCHEMA.image, image))
            add((image, RDF.type, SCHEMA.ImageObject))
            add((image, DCTERMS.source, source))
            if record.source.license is not None:
                add((image, DCTERMS.license, record.source.license))
        steps = [text.strip() for text in record.steps if text.strip()]
        if steps and self._may_fill(exercise, "steps"):
            for position, text in enumerate(steps, start=1):
                node = part_iri(exercise, "step", position, self.summary.dataset)
                add((exercise, EXG.step, node))
                add((node, RDF.type, EXG.Step))
                add((node, EXG.position, Literal(position, datatype=XSD.integer)))
                add((node, EXG.text, Literal(text)))
                add((node, DCTERMS.source, source))

    def _muscles(self, record: ImportRecord) -> list[tuple[URIRef, URIRef]]:
        """(muscle, role) pairs; a muscle given as primary and secondary stays primary only."""
        pairs: dict[URIRef, URIRef] = {}
        for names, role in ((record.primary, EXG.Primary), (record.secondary, EXG.Secondary)):
            for name in names:
                muscle = self.cat.muscle(name)
                if muscle is None:
                    self.summary.unmapped[f"muscle {name!r}"] += 1
                elif muscle in pairs:
                    if pairs[muscle] != role:
                        note = "muscle listed as primary and secondary: kept primary"
                        self.summary.notes[note] += 1
                else:
                    pairs[muscle] = role
        if not any(role == EXG.Primary for role in pairs.values()):
            self.summary.notes["no primary muscle"] += 1
        return sorted(pairs.items())

    def _equipment(self, record: ImportRecord) -> list[URIRef]:
        kinds: set[URIRef] = set()
        for name in record.equipment:
            kind = self.cat.equipment(name)
            if kind is None:
                self.summary.unmapped[f"equipment {name!r}"] += 1
            else:
                kinds.add(kind)
        return sorted(kinds)



def _local_slug(iri: URIRef) -> str:
    """The slug of a muscle IRI (its last path segment when it is not under muscle/)."""
    return slug_of(str(iri), "muscle") or slugify(str(iri).rstrip("/").rsplit("/", 1)[-1])
