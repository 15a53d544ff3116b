"""Finding an exercise by what a person calls it: names, aliases and translations.

Names meet after the resolver's normalisation (:func:`exgraph.vocab.resolver.normalise`), so
"pushup", "push-up" and "Push Ups" find the same exercise; word order is tried next, then a
close spelling (rapidfuzz), which is offered as a suggestion, never taken silently.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from exgraph.errors import NotFound
from exgraph.graph.store import Store
from exgraph.vocab.resolver import normalise
from exgraph.vocab.terms import EXERCISE, SLUG_RE

NAMES_QUERY = """SELECT ?e ?name WHERE {
  ?e a <https://w3id.org/exgraph/ontology#Exercise> .
  { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name }
  UNION { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }
  UNION { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?name } }"""


class NameIndex:
    """Every exercise name of a store under its normalised keys."""

    def __init__(self, store: Store) -> None:
        exact: dict[str, set[str]] = defaultdict(set)
        unordered: dict[str, set[str]] = defaultdict(set)
        for row in store.select(NAMES_QUERY):
            slug = str(row["e"]).removeprefix(str(EXERCISE))
            name = str(row["name"])
            exact[normalise(name)].add(slug)
            unordered[normalise(name, sort_tokens=True)].add(slug)
        self.exact = {k: frozenset(v) for k, v in exact.items() if k}
        self.unordered = {k: frozenset(v) for k, v in unordered.items() if k}
        self.slugs = frozenset(s for v in self.exact.values() for s in v)

    def find(self, name: str) -> list[str]:
        """The slugs a name means: exact normalised match, else the same words in any order
        (sorted; several when the name is ambiguous, empty when nothing matches)."""
        if SLUG_RE.match(name) and name in self.slugs:
            return [name]
        for index, key in ((self.exact, normalise(name)),
                           (self.unordered, normalise(name, sort_tokens=True))):
            if key in index:
                return sorted(index[key])
        return []

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Names close to a name that matched nothing, best first."""
        found = process.extract(normalise(name), list(self.exact), scorer=fuzz.WRatio,
                                limit=limit, score_cutoff=70)
        return [match for match, _score, _index in found if len(match) > 2]

    def one(self, name: str) -> str:
        """The one exercise a name means; NotFound says what was close or ambiguous."""
        found = self.find(name)
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFound(f"{name!r} names several exercises: {', '.join(found)}")
        close = self.suggest(name)
        hint = f"; did you mean: {'; '.join(close)}?" if close else ""
        raise NotFound(f"no exercise named {name!r}{hint}")
