"""The search index: every exercise name as tokens, and the ranking of a typed text against them.

Names are what the graph gives an exercise: its rdfs:label, skos:prefLabels and skos:altLabels in
every language (wger's translations, merged records' names) and the skos:hiddenLabels of
data/synonyms.ttl (abbreviations and common names a lifter types: "RDL", "back squat"). Each
name is cut into tokens by the entity resolver's normaliser
(:func:`exgraph.vocab.names.normalise`: case, accents, hyphens, plurals, "push up" =
"pushup", stop words, DB/BB/KB/RDL/OHP spelt out), so search and entity resolution agree on what
a name is.

A query is normalised the same way; each of its tokens is matched against the vocabulary of all
name tokens once (exact; a prefix, for the word being typed; a typo within one edit, two for long
words, by rapidfuzz's optimal-string-alignment distance), and the names holding matched tokens
that match every query token (all but one, from three tokens on) are scored:

    name score = 0.75 * (mean over query tokens of their best match: exact 1, prefix 0.75-0.95,
                         typo 0.6-0.75)
               + 0.25 * (share of the name's tokens the query covers)

so that "squat" puts "Squat" before "Barbell Squat To A Bench". A query equal to a whole name
written joined or apart ("benchpress", "skull crusher") scores as exact. A name in the asked
language (or a language-neutral synonym) counts fully, English 0.92 and any other language 0.85
of its score: other languages are a fallback. An exercise's score is that of its best name, plus
up to 0.04 for a richer record (more sources, muscles and steps), which decides between
near-equal matches only.

Query tokens that are single-token synonyms of a resource (a skos:hiddenLabel such as "DL" on the
deadlift, "DB" on the dumbbell) are also tried spelt out as that resource's shortest name, so
"sumo DL" finds "Sumo Deadlift"; :data:`WORDS` adds the few abbreviations that name no resource
("SL": single leg).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal

from exgraph.graph.rq import internal
from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.vocab.names import normalise

#: Abbreviations lifters type that name no resource of the graph (so no skos:hiddenLabel can
#: carry them): query token -> its words. Everything that names an exercise or a kind of
#: equipment is a skos:hiddenLabel in data/synonyms.ttl instead.
WORDS: Mapping[str, str] = {"sl": "single leg", "alt": "alternating", "ext": "extension"}

#: Weight of a name by its language: the asked language and language-neutral synonyms count
#: fully, English (every exercise has an English name) next, other languages as a fallback.
ASKED, ENGLISH, OTHER = 1.0, 0.92, 0.85
#: Most a richer record adds to a score: enough to order near-equal matches, never more.
RICHNESS_WEIGHT = 0.04
#: A name scoring below this is not a match.
MIN_SCORE = 0.45
#: Query tokens shorter than this match name tokens by prefix only at the start of a name (one
#: or two letters are the start of most of the vocabulary).
SHORT_PREFIX = 3
#: Most names taken from the start-of-name index for a short query.
SHORT_CAP = 400
#: Shortest query token, and shortest vocabulary word, that typo matching considers.
FUZZY_MIN = 4
#: Most tokens of a query (the rest is ignored) and most characters of its text.
MAX_TOKENS = 8
MAX_CHARS = 200

#: The queries the index is built from (``queries/internal/search-*.rq``): every name, how
#: rich each record is (ties go to the richer one), and the single-word synonyms.
NAMES_QUERY = internal("search-names").text()
RICHNESS_QUERY = internal("search-richness").text()
EXPANSIONS_QUERY = internal("search-expansions").text()


@dataclass(frozen=True)
class Hit:
    """One exercise found: its IRI, score (about 0-1.04) and the name that matched."""

    iri: str
    score: float
    matched: str


@dataclass
class _Names:
    """Columns of every name: exercise number, text, language weight key, tokens."""

    exercise: list[int] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)  # "" for language-neutral
    tokens: list[tuple[str, ...]] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)


def _lang_of(label: object, prop: str) -> str:
    if prop.endswith("hiddenLabel"):
        return ""
    if prop.endswith("#label"):
        return "en"
    lang = label.language if isinstance(label, Literal) else None
    return (lang or "en").lower().split("-", 1)[0]


def _words(text: str) -> tuple[str, ...]:
    """text's tokens as search compares them (the resolver's key), without repeats."""
    return tuple(dict.fromkeys(normalise(text[:MAX_CHARS]).split()))


def _fold(text: str) -> str:
    """text casefolded without accents (for the fallback when normalising leaves nothing)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c))


class SearchIndex:
    """Every exercise's names as tokens, with the vocabulary and postings that rank a query in a
    few milliseconds at 10k exercises; built once per store generation (:func:`index_for`)."""

    def __init__(self, names: Iterable[tuple[str, str, str]],
                 richness: Mapping[str, float] | None = None,
                 expansions: Mapping[str, tuple[str, ...]] | None = None) -> None:
        """names: (exercise IRI, name, language or "" for a synonym); richness: exercise ->
        0-1; expansions: query token -> the words it stands for."""
        self.iris: list[str] = []
        number: dict[str, int] = {}
        self.names = _Names()
        seen: set[tuple[int, str, str]] = set()
        for iri, text, lang in names:
            n = number.setdefault(iri, len(number))
            if n == len(self.iris):
                self.iris.append(iri)
            tokens = _words(text)
            if not tokens or (n, text, lang) in seen:
                continue
            seen.add((n, text, lang))
            self.names.exercise.append(n)
            self.names.text.append(text)
            self.names.lang.append(lang)
            self.names.tokens.append(tokens)
            self.names.joined.append("".join(tokens))
        postings: dict[str, list[int]] = defaultdict(list)
        for i, tokens in enumerate(self.names.tokens):
            for token in tokens:
                postings[token].append(i)
        self.postings = {token: tuple(ids) for token, ids in postings.items()}
        self.vocabulary = sorted(self.postings)
        self.starts = sorted((joined, i) for i, joined in enumerate(self.names.joined))
        #: the vocabulary cut to n letters, by n (typo matching of a word's typed start)
        self._starts: dict[int, list[str]] = {}
        self.richness = [0.0] * len(self.iris)
        for iri, value in (richness or {}).items():
            if iri in number:
                self.richness[number[iri]] = min(1.0, max(0.0, value))
        self.expansions = {**{k: _words(v) for k, v in WORDS.items()},
                           **(expansions or {})}

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, store: Store) -> SearchIndex:
        """The index of store's exercises (three queries)."""
        names = [(str(row["e"]), str(row["label"]),
                  _lang_of(row["label"], str(row["p"])))
                 for row in store.select(NAMES_QUERY)]
        return cls(names, _richness(store), _expansions(store))

    def state(self) -> tuple[Any, ...]:
        """The built index as plain values for ``marshal`` (:func:`index_for` keeps it beside
        the store: building it tokenises every name, 3 s of CPU at 10k exercises)."""
        n = self.names
        return (self.iris, n.exercise, n.text, n.lang, n.tokens, n.joined, self.postings,
                self.vocabulary, self.starts, self.richness, self.expansions)

    @classmethod
    def from_state(cls, state: Any) -> SearchIndex:
        """The index :meth:`state` gave (TypeError or ValueError for another layout)."""
        (iris, exercise, text, lang, tokens, joined, postings, vocabulary, starts, richness,
         expansions) = state
        if not (isinstance(postings, dict) and isinstance(expansions, dict)
                and len(exercise) == len(text) == len(lang) == len(tokens) == len(joined)):
            raise TypeError("not a search index")
        index = cls.__new__(cls)
        index.iris, index.postings, index.vocabulary = list(iris), postings, list(vocabulary)
        index.names = _Names(list(exercise), list(text), list(lang), list(tokens), list(joined))
        index.starts = list(starts)
        index._starts = {}
        index.richness, index.expansions = list(richness), expansions
        return index

    # -- matching one token --------------------------------------------------------------------

    def _token_matches(self, token: str) -> dict[str, float]:
        """Vocabulary tokens that token may mean, with how well: exact 1, the start of a longer
        word 0.75-0.95 (the more of it typed, the higher), a typo 0.6-0.75."""
        found: dict[str, float] = {}
        if token in self.postings:
            found[token] = 1.0
        if len(token) >= SHORT_PREFIX:
            start = bisect.bisect_left(self.vocabulary, token)
            for word in self.vocabulary[start:]:
                if not word.startswith(token):
                    break
                if word != token:
                    found[word] = 0.75 + 0.2 * len(token) / len(word)
        if len(token) >= FUZZY_MIN:
            for word, weight in self._typos(token).items():
                found.setdefault(word, weight)
        return found

    def _typos(self, token: str) -> dict[str, float]:
        """Vocabulary words token is a typo of (0.7 for one edit, 0.55 for two), or the typed
        start of with a typo (0.6): one edit (a letter wrong, missing, extra or two swapped);
        two from six letters on when they are letters left out or doubled ("dumbel"), any two
        from eight. Words shorter than four letters are never typo matches ("dedl" is no
        "del")."""
        # rapidfuzz here, where a typo is looked for: not a cost of every start (issue 25)
        from rapidfuzz import process
        from rapidfuzz.distance import OSA, Indel

        found: dict[str, float] = {}
        most = 1 if len(token) < 6 else 2
        for word, distance, _ in process.extract(
                token, self.vocabulary, scorer=OSA.distance, score_cutoff=most, limit=None):
            if len(word) < FUZZY_MIN or word == token:
                continue
            if distance <= 1 or len(token) >= 8 or Indel.distance(token, word) <= 2:
                found[word] = 0.7 if distance <= 1 else 0.55
        for cut in (len(token), len(token) + 1):  # a letter wrong or swapped; one left out
            starts = self._starts.get(cut)
            if starts is None:  # made once per length; a race only makes it twice
                starts = self._starts.setdefault(cut, [word[:cut] for word in self.vocabulary])
            for _, _, position in process.extract(
                    token, starts, scorer=OSA.distance, score_cutoff=1, limit=None):
                word = self.vocabulary[position]
                if len(word) > cut and word not in found:
                    found[word] = 0.6
        return found

    # -- ranking -------------------------------------------------------------------------------

    def _variants(self, tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The query's tokens, and the same with abbreviations spelt out."""
        variants = [tokens]
        expanded = tuple(dict.fromkeys(
            word for token in tokens for word in self.expansions.get(token, (token,))))
        if expanded != tokens:
            variants.append(expanded)
        return variants

    def _score_variant(self, tokens: tuple[str, ...], best: dict[int, float]) -> None:
        """Score the names that match every token of tokens (all but one of three or more),
        keeping each name's best in best (name number -> score)."""
        per_token: list[dict[int, float]] = []
        first_words: frozenset[str] = frozenset()
        for token in tokens:
            weights: dict[int, float] = {}
            matches = self._token_matches(token)
            if not per_token:
                first_words = frozenset(matches)
            for word, weight in matches.items():
                for name in self.postings[word]:
                    if weight > weights.get(name, 0.0):
                        weights[name] = weight
            per_token.append(weights)
        candidates: set[int] = set()
        for weights in per_token:
            candidates.update(weights)
        count = len(tokens)
        needed = count - (1 if count >= 3 else 0)
        first = per_token[0] if per_token else {}
        for name in candidates:
            total = 0.0
            matched = 0
            for weights in per_token:
                w = weights.get(name)
                if w:
                    total += w
                    matched += 1
            if matched < needed:
                continue
            size = len(self.names.tokens[name])
            score = 0.75 * total / count + 0.25 * min(1.0, matched / size)
            if first.get(name) and self.names.tokens[name][0] in first_words:
                score += 0.02  # the name starts with what was typed first
            if score > best.get(name, 0.0):
                best[name] = score

    def _score_joined(self, joined: str, best: dict[int, float]) -> None:
        """Names whose tokens written together equal joined (1) or start with it (0.75-0.95):
        "benchpress" is "Bench Press", "skull crusher" "Skullcrusher", "push u" "Push-Ups"."""
        start = bisect.bisect_left(self.starts, (joined, -1))
        for key, name in self.starts[start:start + SHORT_CAP]:
            if not key.startswith(joined):
                break
            score = 1.0 if key == joined else 0.75 + 0.2 * len(joined) / len(key)
            if score > best.get(name, 0.0):
                best[name] = score

    def search(self, text: str, lang: str | None = None, limit: int | None = 10) -> list[Hit]:
        """The exercises text may mean, best first (at most limit; None: every match), each
        with its score and the name that matched. lang (a tag such as ``de`` or ``de-AT``)
        prefers names in that language; English when None."""
        tokens = _words(text)[:MAX_TOKENS]
        if not tokens:
            folded = "".join(_fold(text[:MAX_CHARS]).split())
            tokens = (folded,) if folded.isalnum() else ()
        if not tokens:
            return []
        best: dict[int, float] = {}
        for variant in self._variants(tokens):
            self._score_variant(variant, best)
            if len(variant) > 1 or len(variant[0]) >= SHORT_PREFIX:
                self._score_joined("".join(variant), best)
            elif len(variant) == 1:
                self._score_joined(variant[0], best)
        return self._rank(best, (lang or "en").lower().split("-", 1)[0], limit)

    def _rank(self, best: Mapping[int, float], lang: str,
              limit: int | None) -> list[Hit]:
        by_exercise: dict[int, tuple[float, int]] = {}
        for name, score in best.items():
            name_lang = self.names.lang[name]
            weight = (ASKED if name_lang in ("", lang)
                      else ENGLISH if name_lang == "en" else OTHER)
            score *= weight
            if score < MIN_SCORE:
                continue
            exercise = self.names.exercise[name]
            kept = by_exercise.get(exercise)
            shorter = kept is not None and len(self.names.text[name]) < len(
                self.names.text[kept[1]])
            if kept is None or score > kept[0] or (score == kept[0] and shorter):
                by_exercise[exercise] = (score, name)
        ranked = sorted(
            ((score + RICHNESS_WEIGHT * self.richness[exercise], exercise, name)
             for exercise, (score, name) in by_exercise.items()),
            key=lambda item: (-item[0], len(self.names.text[item[2]]), self.iris[item[1]]))
        if limit is not None:
            ranked = ranked[:limit]
        return [Hit(self.iris[exercise], round(score, 4), self.names.text[name])
                for score, exercise, name in ranked]


def _richness(store: Store) -> dict[str, float]:
    """exercise -> 0-1: three or more sources count half, six muscles 0.3, five steps 0.2."""
    out: dict[str, float] = {}
    for row in store.select(RICHNESS_QUERY):
        sources, muscles, steps = (int(row[k].toPython())  # type: ignore[attr-defined]
                                   for k in ("sources", "muscles", "steps"))
        out[str(row["e"])] = (0.5 * min(1.0, max(0, sources - 1) / 2)
                              + 0.3 * min(1.0, muscles / 6) + 0.2 * min(1.0, steps / 5))
    return out


def _expansions(store: Store) -> dict[str, tuple[str, ...]]:
    """Single-token synonyms -> the words of the shortest other English name of their
    resource ("dl" -> deadlift, "db" -> dumbbell)."""
    names: dict[str, dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(EXPANSIONS_QUERY):
        hidden = _words(str(row["hidden"]))
        if len(hidden) != 1:
            continue
        words = _words(str(row["name"]))
        if words:
            names[hidden[0]][str(row["thing"])].add(words)
    out: dict[str, tuple[str, ...]] = {}
    for token, by_thing in sorted(names.items()):
        if len(by_thing) != 1:
            continue  # a token two resources claim is no abbreviation of either
        (candidates,) = by_thing.values()
        if (token,) in candidates:
            continue  # the normaliser spells it out already ("BB" is "barbell")
        out[token] = min(candidates, key=lambda words: (len(words), words))
    return out


def _stored(store: Store) -> SearchIndex:
    return derived_value(store, "search-index", SearchIndex.load, SearchIndex.state,
                         SearchIndex.from_state)


_INDEX: GenerationCache[SearchIndex] = GenerationCache(_stored)


def index_for(store: Store) -> SearchIndex:
    """The search index of store's current generation, built on first use; on unchanged data
    read back from beside the store (``derived_value``, as the other indexes), since building
    it (three queries, every name tokenised) is what made the first search at 10k exercises
    cost 3,010 ms of CPU against 210 at 1.7k (bench/RESULTS.md, fourth pass)."""
    return _INDEX.get(store)


def best(store: Store, text: str, lang: str | None = None,
         limit: int = 10) -> list[tuple[str, float]]:
    """``[(exercise IRI, score)]``: the exercises text may mean, best first (what name
    resolution falls back to when no exact lookup answers)."""
    return [(hit.iri, hit.score) for hit in index_for(store).search(text, lang, limit)]


def search(store: Store, text: str, lang: str | None = None,
           limit: int | None = 10) -> list[Hit]:
    """The hits of text in store's current generation (:meth:`SearchIndex.search`)."""
    return index_for(store).search(text, lang, limit)


__all__: Sequence[str] = ("Hit", "SearchIndex", "best", "index_for", "search")
