"""Names in an article → resources of the graph, or new resources when the graph has none.

Names meet on :func:`exgraph.vocab.names.name_key` (case, punctuation and plural ``s`` ignored)
of the rdfs:label, skos:prefLabel and skos:altLabel of every exg:Exercise, exg:Muscle,
exg:Equipment and exg:TrainingGoal. One key naming several resources is ambiguous: an error,
never a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from exgraph.ingest.model import Issue, Name
from exgraph.vocab.names import name_key, slugify
from exgraph.vocab.terms import EQUIPMENT, EXERCISE, EXG, GOAL, MUSCLE


@dataclass(frozen=True)
class Kind:
    key: str
    cls: URIRef
    namespace: Namespace


KINDS: dict[str, Kind] = {
    "exercise": Kind("exercise", EXG.Exercise, EXERCISE),
    "muscle": Kind("muscle", EXG.Muscle, MUSCLE),
    "goal": Kind("goal", EXG.TrainingGoal, GOAL),
    "equipment": Kind("equipment", EXG.Equipment, EQUIPMENT),
}


class NameIndex:
    """Every label of the graph's exercises, muscles, equipment and goals, by name key."""

    def __init__(self, graph: Graph) -> None:
        self.keys: dict[str, dict[str, set[URIRef]]] = {}
        self.known: dict[str, set[URIRef]] = {}
        for kind in KINDS.values():
            by_key: dict[str, set[URIRef]] = defaultdict(set)
            known = {s for s in graph.subjects(RDF.type, kind.cls) if isinstance(s, URIRef)}
            for subject in known:
                for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                    for label in graph.objects(subject, prop):
                        key = name_key(str(label))
                        if key:
                            by_key[key].add(subject)
            self.keys[kind.key] = dict(by_key)
            self.known[kind.key] = known

    def lookup(self, kind: str, name: str) -> set[URIRef]:
        """The resources of that kind a name may mean (empty, one, or several: ambiguous)."""
        return self.keys[kind].get(name_key(name), set())

    def find_in(self, kind: str, sentence: str) -> list[tuple[str, set[URIRef]]]:
        """Names of that kind inside a sentence, longest match first, matches not overlapping.

        Returns (matched key, resources) in sentence order.
        """
        words = name_key(sentence).split()
        spans = []
        for key, iris in self.keys[kind].items():
            label = key.split()
            for start in range(len(words) - len(label) + 1):
                if words[start:start + len(label)] == label:
                    spans.append((start, start + len(label), key, iris))
        spans.sort(key=lambda s: (s[0] - s[1], s[0]))  # longest, then leftmost
        taken: set[int] = set()
        chosen = []
        for start, end, key, iris in spans:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                chosen.append((start, key, iris))
        return [(key, iris) for _, key, iris in sorted(chosen, key=lambda c: c[0])]


@dataclass(frozen=True)
class NewResource:
    """A resource the graph did not have, created from the article's name for it."""

    iri: URIRef
    kind: str
    label: str
    line: int


def sentence_case(text: str) -> str:
    """A title-cased heading name as running text spells it: "Push-Up" → "Push-up".

    Acronyms (two or more capitals, "RDL") keep their case.
    """
    parts = re.split(r"([\s-]+)", text.strip())
    out = []
    seen_word = False
    for part in parts:
        if not seen_word and any(ch.isalnum() for ch in part):
            out.append(part[:1].upper() + part[1:])
            seen_word = True
        elif len(part) > 1 and part.isupper():
            out.append(part)
        else:
            out.append(part.lower())
    return "".join(out)


class Resolver:
    """Resolves every name of one article at once, so a new resource gets its best label.

    Running text spells a name better than a title-cased heading, so the label of a new
    resource is its first mention in running text, or else its first heading, sentence-cased.
    """

    def __init__(self, index: NameIndex, file: str) -> None:
        self.index = index
        self.file = file
        self.errors: list[Issue] = []
        self.new: dict[URIRef, NewResource] = {}
        self._resolved: dict[tuple[str, str], URIRef] = {}

    def resolve_all(self, mentions: Iterable[tuple[str, Name]]) -> None:
        """Resolve (kind, name) mentions; errors and new resources are collected on self."""
        groups: dict[tuple[str, str], list[Name]] = defaultdict(list)
        for kind, name in mentions:
            groups[(kind, name_key(name.text))].append(name)
        for (kind, key), names in groups.items():
            iri = self._resolve(kind, key, names)
            if iri is not None:
                self._resolved[(kind, key)] = iri

    def _resolve(self, kind: str, key: str, names: list[Name]) -> URIRef | None:
        first = min(names, key=lambda n: n.line)
        hits = self.index.lookup(kind, first.text)
        if len(hits) > 1:
            which = ", ".join(sorted(str(h) for h in hits))
            self.errors.append(Issue(self.file, first.line,
                                     f'{kind} "{first.text}" is ambiguous: it names {which}'))
            return None
        if hits:
            return next(iter(hits))
        body = [n for n in names if not n.heading]
        label = (body[0].text[:1].upper() + body[0].text[1:]) if body else sentence_case(
            names[0].text)
        try:
            iri = KINDS[kind].namespace[slugify(label)]
        except ValueError:
            self.errors.append(Issue(self.file, first.line,
                                     f'{kind} "{first.text}": cannot make an identifier from it'))
            return None
        if iri not in self.index.known[kind] and iri not in self.new:
            self.new[iri] = NewResource(iri, kind, label, first.line)
        return iri

    def iri(self, kind: str, name: Name) -> URIRef | None:
        """The resource a name resolved to (None if it could not be resolved)."""
        return self._resolved.get((kind, name_key(name.text)))

    def equipment(self, sentence: str, line: int) -> list[URIRef]:
        """The known equipment a sentence names; an ambiguous one is an error."""
        found = []
        for key, iris in self.index.find_in("equipment", sentence):
            if len(iris) > 1:
                which = ", ".join(sorted(str(i) for i in iris))
                self.errors.append(Issue(self.file, line,
                                         f'equipment "{key}" is ambiguous: it names {which}'))
            elif next(iter(iris)) not in found:
                found.append(next(iter(iris)))
        return found
