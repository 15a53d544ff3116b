"""The lists that the JSON API and the web pages both show, each assembled from named queries.

* :func:`exercise_list`: a page of exercises matching filters, with the total
  (``queries/exercises.rq``; each item's difficulty and equipment are its record's, and the
  muscle, role, equipment, exclude_equipment and difficulty filters, the facets and the
  difficulty sort go by the record too: the query only narrows the candidates);
* :func:`alternative_items`: an exercise's alternatives as its record lists them, optionally
  filtered by the alternatives' records (the parameters of ``queries/alternatives.rq``, the
  headline question as a named query);
* :func:`muscle_items`, :func:`muscle_exercise_items`: the muscle catalogue, and the exercises
  whose record works a muscle (``queries/muscles.rq``; the parameters of
  ``queries/exercises-for-muscle.rq``);
* :func:`equipment_taxonomy`: kinds and categories (``queries/equipment-taxonomy.rq``).

They were the bodies of the API routes; they live here so that a page and its JSON form come
from the same code and cannot drift apart. (The API's ``/alternatives`` now answers from the
ranking engine of :mod:`exgraph.queries.substitutes`; the exercise page's alternatives stay
those its sources list, filtered by the named query.) Values are request text, checked by the
named query's :meth:`~exgraph.queries.catalogue.NamedQuery.bind` (BadRequest naming the
parameter).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rdflib import Literal, URIRef
from rdflib.term import Node

from exgraph.errors import BadRequest
from exgraph.graph.rq import internal
from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.queries.catalogue import Known, NamedQuery, default_catalogue
from exgraph.queries.documents import (
    CATEGORY_KEYS,
    DIFFICULTY_KEYS,
    ROLE_KEYS,
    ident,
    pattern_slug,
)
from exgraph.queries.list_index import ANY, having_key, list_index
from exgraph.records import Record, records_for
from exgraph.records.lookup import canonical_params
from exgraph.search import search as search_names
from exgraph.vocab.terms import DIFFICULTIES, DIFFICULTY_RANK

#: Filters whose values are words a dataset gives (``exg:force`` "push") or pattern slugs rather
#: than IRIs. They filter the named query's matches here, from :class:`ExerciseIndex` (the
#: query's typed parameters cannot take them); :func:`facet_values` lists what they accept.
FACETS = ("category", "force", "mechanic", "movement_pattern", "kind")
#: The filters of the exercise list: the parameters of ``queries/exercises.rq``, and FACETS.
LIST_FILTERS = ("muscle", "role", "equipment", "exclude_equipment", "difficulty", *FACETS, "q")
#: The list filters that name muscles or equipment: (name, kind, list) for the lookup.
LIST_LOOKUP = (("muscle", "muscle", True), ("equipment", "equipment", True),
               ("exclude_equipment", "equipment", True))
#: The orders of an exercise list: by name (in the answer's language) or by difficulty (lowest
#: level first; ``-difficulty``: highest first), unknown difficulty last, then by name; or by
#: relevance to the search text q (best match first, :mod:`exgraph.search`), the order of a
#: list with q= when no sort is asked (without q= it is the order by name).
SORTS = ("relevance", "name", "-name", "difficulty", "-difficulty")
#: Forces and mechanics as the vocabulary defines them (ontology/exgraph.ttl, exg:force and
#: exg:mechanic).
FORCES = ("push", "pull", "static")
MECHANICS = ("compound", "isolation")
#: Difficulty levels by rank (low 1 .. high 3), as the records name them.
LEVEL_RANKS = {key: DIFFICULTY_RANK[iri] for key, iri in DIFFICULTIES.items()}
#: The language of rdfs:label, the name every resource has.
DEFAULT_LANGUAGE = "en"
#: An exercise's IRI (as text) and its English name.
Match = tuple[str, str]

#: Every exercise's names; the facet values; every concept with the concepts above it
#: (``queries/internal/``).
NAMES_QUERY = internal("exercise-names").text()
FACETS_QUERY = internal("list-facets").text()
BROADER_QUERY = internal("broader-closure").text()

#: Every match of a filter combination, in order.
Matches = list[Match]
#: ``memo(key, build)``: the value kept under key, or build() (the web layer keeps recent ones).
Memo = Callable[[Hashable, Callable[[], Matches]], Matches]


def _query(name: str) -> NamedQuery:
    return default_catalogue().get_query(name)


def _read_broader(store: Store) -> dict[str, frozenset[str]]:
    ups: dict[str, set[str]] = defaultdict(set)
    for row in store.select(BROADER_QUERY):
        ups[str(row["x"])].add(str(row["up"]))
    return {iri: frozenset(found | {iri}) for iri, found in ups.items()}


_BROADER: GenerationCache[dict[str, frozenset[str]]] = GenerationCache(_read_broader)


def above(store: Store, iri: str) -> frozenset[str]:
    """iri and every concept above it (skos:broader*): a muscle and its group, an equipment
    kind and the kinds and category over it — what a filter by a group or category matches."""
    found = _BROADER.get(store).get(iri)  # each closure holds its IRI: no new set per call
    return found if found is not None else frozenset((iri,))


def _needs_any(store: Store, record: Record, wanted: set[str]) -> bool:
    """Whether the record's equipment (the one source the precedence chose) needs one of
    wanted, or a kind under one of them."""
    return any(above(store, e["iri"]) & wanted for e in record.equipment)


def ref(iri: Node, name: Node | str | None) -> dict[str, Any]:
    """``{"id", "iri", "name"}`` of a resource, as every list item names one."""
    return {"id": ident(iri), "iri": str(iri), "name": None if name is None else str(name)}


# ---------------------------------------------------------------------------------------------
# Names in every language


@dataclass(frozen=True)
class ExerciseIndex:
    """Every exercise's names by language and its difficulty ranks: what localised names and
    sorting need, read once per store generation (:func:`exercise_index`).

    ``names[iri]`` maps a language to the exercise's name in it: ``en`` is its rdfs:label, any
    other language its skos:prefLabel in that language or, failing that, the first of its
    skos:altLabels in that language (a merged exercise keeps another dataset's names so).
    """

    names: Mapping[str, Mapping[str, str]]
    ranks: Mapping[str, tuple[int, ...]]
    languages: frozenset[str]
    #: facet (see FACETS) -> value (lower case; pattern slugs) -> the exercises that have it
    facets: Mapping[str, Mapping[str, frozenset[str]]]

    def name(self, iri: str, lang: str | None) -> str | None:
        """The exercise's name in lang, else in English (None for an unknown IRI)."""
        names = self.names.get(iri)
        if names is None:
            return None
        return names.get(lang or DEFAULT_LANGUAGE) or names.get(DEFAULT_LANGUAGE)

    def match(self, wanted: Iterable[str]) -> str:
        """The first language of wanted (tags, best first) that some exercise has a name in,
        trying ``de-AT`` as ``de`` too; English when none."""
        for tag in wanted:
            tag = tag.lower()
            for candidate in (tag, tag.split("-", 1)[0]):
                if candidate in self.languages:
                    return candidate
        return DEFAULT_LANGUAGE


def exercise_index(store: Store) -> ExerciseIndex:
    """The :class:`ExerciseIndex` of store (one query), read back from beside the store's
    snapshot on unchanged data (issue 25: a start does not read every name again)."""
    return derived_value(store, "exercise-index", _exercise_index, lambda index: (
        {iri: dict(names) for iri, names in index.names.items()}, dict(index.ranks),
        frozenset(index.languages), {f: dict(v) for f, v in index.facets.items()}),
        lambda data: ExerciseIndex(*(dict(data[0]), dict(data[1]), frozenset(data[2]),
                                     dict(data[3]))))


def _exercise_index(store: Store) -> ExerciseIndex:
    labels: dict[str, str] = {}
    pref: dict[str, dict[str, str]] = defaultdict(dict)
    alt: dict[str, dict[str, str]] = defaultdict(dict)
    ranks: dict[str, set[int]] = defaultdict(set)
    facets: dict[str, dict[str, set[str]]] = {facet: defaultdict(set) for facet in FACETS}
    for record in records_for(store).records.values():  # the record's facts, not any source's
        ranks[record.iri].update(LEVEL_RANKS[level] for level in record.difficulty)
        for facet, value in (("force", record.force), ("mechanic", record.mechanic),
                             ("movement_pattern", (record.movement_pattern or {}).get("id")),
                             ("kind", record.activity_kind)):
            if value:
                facets[facet][value.lower()].add(record.iri)
        for category in record.categories:
            facets["category"][category].add(record.iri)
    for row in store.select(NAMES_QUERY):
        iri = str(row["exercise"])
        label, prop = row["label"], str(row["p"])
        text = str(label)
        lang = (label.language or "").lower() if isinstance(label, Literal) else ""
        if prop.endswith("#label"):
            labels[iri] = min(labels.get(iri, text), text)
        elif lang and lang != DEFAULT_LANGUAGE:
            table = pref if prop.endswith("#prefLabel") else alt
            table[iri][lang] = min(table[iri].get(lang, text), text)
    names: dict[str, dict[str, str]] = {}
    for iri, english in labels.items():
        others = {**alt[iri], **pref[iri]}
        names[iri] = {DEFAULT_LANGUAGE: english, **dict(sorted(others.items()))}
    languages = frozenset(lang for by_lang in names.values() for lang in by_lang)
    return ExerciseIndex(
        names, {iri: tuple(sorted(r)) for iri, r in ranks.items()},
        languages | {DEFAULT_LANGUAGE},
        {facet: {value: frozenset(iris) for value, iris in by_value.items()}
         for facet, by_value in facets.items()})


def sort_key(sort: str, lang: str | None, index: ExerciseIndex | None
             ) -> Callable[[Match], tuple[Any, ...]]:
    """The key that orders (IRI, English name) pairs as sort asks, names in lang."""
    def name_of(match: Match) -> str:
        shown = index.name(match[0], lang) if index is not None else None
        return (shown or match[1]).lower()

    if sort == "relevance":
        sort = "name"
    if sort.endswith("difficulty"):
        if index is None:
            raise ValueError("sorting by difficulty needs the exercise index")
        hardest = sort.startswith("-")

        def by_difficulty(match: Match) -> tuple[Any, ...]:
            ranks = index.ranks.get(match[0])
            level = (-ranks[-1] if hardest else ranks[0]) if ranks else 99
            return level, name_of(match), match[0]

        return by_difficulty
    return lambda match: (name_of(match), match[0])


def ordered(matches: Iterable[Match], sort: str, lang: str | None,
            index: ExerciseIndex | None) -> Matches:
    """matches (ordered by English name, as the named queries give them) in the order of sort
    (one of :data:`SORTS`), names in lang. Raises BadRequest for an unknown sort."""
    if sort not in SORTS:
        raise BadRequest(f"parameter 'sort': {sort!r} is not one of {', '.join(SORTS)}")
    found = list(matches)
    if lang in (None, DEFAULT_LANGUAGE) and sort in ("relevance", "name", "-name"):
        return found if sort == "name" else found[::-1]  # the query's own order
    if sort == "-name":
        return sorted(found, key=sort_key("name", lang, index))[::-1]
    return sorted(found, key=sort_key(sort, lang, index))


def localise(value: Any, lang: str | None, index: ExerciseIndex) -> Any:
    """value (JSON) with the ``name`` of every exercise it refers to (an object with an exercise
    ``iri`` and a ``name``) in lang, falling back to English. Other objects are unchanged."""
    if lang in (None, DEFAULT_LANGUAGE):
        return value
    if isinstance(value, list):
        return [localise(item, lang, index) for item in value]
    if isinstance(value, dict):
        out = {key: localise(item, lang, index) for key, item in value.items()}
        iri = value.get("iri")
        if "name" in value and isinstance(iri, str) and iri in index.names:
            out["name"] = index.name(iri, lang)
        return out
    return value


def with_names(item: dict[str, Any], index: ExerciseIndex) -> dict[str, Any]:
    """The exercise item with ``names`` (language -> name) after its ``name``."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        out[key] = value
        if key == "name":
            out["names"] = dict(index.names.get(item["iri"], {}))
    return out


def facet_values(store: Store) -> dict[str, list[str]]:
    """The values the facet filters (:data:`FACETS`) accept: the categories the graph's
    datasets give (lower case), the vocabulary's forces and mechanics, and the slugs of its
    movement patterns and of its kinds of activity (``strength-training``, ``cardio``, ...)."""
    found: dict[str, set[str]] = {"category": set(), "movement_pattern": set(), "kind": set()}
    for row in store.select(FACETS_QUERY):
        facet, value = str(row["facet"]), str(row["value"])
        found[facet].add(pattern_slug(value) if facet in ("movement_pattern", "kind")
                         else value.lower())
    return {"category": sorted(found["category"]), "force": list(FORCES),
            "mechanic": list(MECHANICS), "movement_pattern": sorted(found["movement_pattern"]),
            "kind": sorted(found["kind"])}


# ---------------------------------------------------------------------------------------------
# Lists


def _split(raw: str | Sequence[str]) -> list[str]:
    """Values of a list filter: a text, or texts, each possibly comma-separated."""
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip().lower() for item in items for part in item.split(",") if part.strip()]


def exercise_list(store: Store, values: Mapping[str, str | Sequence[str]], known: Known | None,
                  *, limit: int, offset: int, sort: str | None = None, lang: str | None = None,
                  index: ExerciseIndex | None = None, memo: Memo | None = None
                  ) -> dict[str, Any]:
    """``{"total", "limit", "offset", "items"}``: the exercises matching values (filters of
    :data:`LIST_FILTERS`; a value may be a list, or a comma-separated text: any of them; a
    facet value the graph does not have matches nothing), in the order of sort (by default:
    relevance with q, name without) with names in lang, ``limit`` of them from ``offset``. q
    keeps the exercises that :func:`exgraph.search.search` finds for it, names in lang first.
    With index, each item has its ``names`` in every
    language (index is needed for facets, sort by difficulty and names in a language other
    than English; it is read from store when not given).

    Every match, in order, is one query per filter combination (a scan of all exercises); memo
    keeps it so that paging through it only costs the small details query of the page.
    Raises BadRequest for an unknown filter, a value that is not valid for it, or a bad sort.
    """
    query = _query("exercises")
    # muscles and equipment by slug, alias, IRI or name (the one lookup; BadRequest naming the
    # parameter and the closest names)
    values = canonical_params(store, LIST_LOOKUP, {
        k: (v if isinstance(v, str) else list(v)) for k, v in values.items()})
    facets = {name: _split(raw) for name, raw in values.items() if name in FACETS}
    bound = query.bind({k: v for k, v in values.items() if k not in FACETS}, known)
    # q is checked by the query's parameter (length, characters) but matched here, by the
    # search index (the named query's q is a plain CONTAINS)
    search = bound.pop("q", None)
    sort = sort or ("relevance" if search else "name")
    ordered([], sort, lang, index)  # checks sort before any query runs
    localised = lang not in (None, DEFAULT_LANGUAGE)
    if index is None and (localised or sort.endswith("difficulty") or facets):
        index = exercise_index(store)
    key = (tuple(sorted((name, tuple(map(str, terms))) for name, terms in bound.items())),
           tuple(sorted((name, tuple(sorted(v))) for name, v in facets.items())),
           sort, lang if localised else None, tuple(map(str, search or ())))

    def build() -> Matches:
        # the query matches any source's statement, a superset of the record's: exclusions
        # are left to the record alone (a source that lost the precedence must not remove an
        # exercise), and the record decides every other filter too
        # (the query's own filters would only narrow what the records then decide: the
        # unfiltered rows, kept per generation, filtered by the records' facts are the same)
        found = _by_record(store, bound)
        rank: dict[str, int] = {}
        if search:
            hits = search_names(store, " ".join(map(str, search)), lang, limit=None)
            rank = {hit.iri: position for position, hit in enumerate(hits)}
            found = [match for match in found if match[0] in rank]
        if facets and index is not None:
            for facet, wanted in facets.items():
                having = index.facets.get(facet, {})
                keep = frozenset().union(*(having.get(value, frozenset()) for value in wanted))
                found = [match for match in found if match[0] in keep]
        if sort == "relevance" and rank:
            return sorted(found, key=lambda match: rank[match[0]])
        return ordered(found, sort, lang, index)

    matches = build() if memo is None else memo(key, build)
    items = _items(store, matches[offset:offset + limit], lang, index)
    return {"total": len(matches), "limit": limit, "offset": offset, "items": items}


def _by_record(store: Store, bound: Mapping[str, Sequence[Node]]) -> Matches:
    """Every exercise (the unfiltered query's rows, in its order) whose record meets the
    equipment, difficulty and muscle filters: the query matched any source's statement, the
    record decides (an exclusion by a source that lost the precedence must not remove an
    exercise). Each filter is the list index's positions of the exercises whose record has
    the value (:attr:`ListIndex.having`), intersected: it costs what it matches, not a test
    of every exercise's facts (issue 25, fifth pass)."""
    index = list_index(store)
    chosen: list[np.ndarray] = []
    if "equipment" in bound:  # the record's equipment (or a kind under it), not any source's
        chosen.append(index.positions(having_key("equipment", str(t))
                                      for t in bound["equipment"]))
    if "exclude_equipment" in bound:  # unknown is not none: no equipment, not listed
        chosen.append(np.setdiff1d(
            index.positions([having_key("equipped")]),
            index.positions(having_key("equipment", str(t)) for t in bound["exclude_equipment"]),
            assume_unique=True))
    if "difficulty" in bound:  # the record's difficulty, not any source's
        chosen.append(index.positions(having_key("difficulty", DIFFICULTY_KEYS.get(
            URIRef(str(t)), "")) for t in bound["difficulty"]))
    if "muscle" in bound or "role" in bound:  # the record's muscles, in a role, or a group's
        muscles = [str(t) for t in bound.get("muscle", [])] or [ANY]
        roles = [ROLE_KEYS.get(URIRef(str(t)), "") for t in bound.get("role", [])] or [ANY]
        chosen.append(index.positions(having_key("muscle", role, muscle)
                                      for role in roles for muscle in muscles))
    if not chosen:
        return list(index.rows)
    kept = chosen[0]
    for positions in chosen[1:]:
        kept = np.intersect1d(kept, positions, assume_unique=True)
    rows = index.rows
    return [rows[position] for position in kept.tolist()]


def _items(store: Store, page: Matches, lang: str | None,
           index: ExerciseIndex | None) -> list[dict[str, Any]]:
    """The list items of a page: name, difficulty and equipment from the record (its facts in
    the list index)."""
    facts = list_index(store).facts
    items = []
    for exercise, name in page:
        found = facts.get(ident(exercise))
        item = {
            **ref(URIRef(exercise), (index.name(exercise, lang) if index else None) or name),
            "difficulty": list(found[2]) if found else [],
            "equipment": [{"id": e[0], "iri": e[1], "name": e[2]}
                          for e in found[3]] if found else [],
        }
        items.append(with_names(item, index) if index is not None else item)
    return items


def alternative_items(store: Store, exercise: URIRef, values: Mapping[str, str],
                      known: Known | None) -> list[dict[str, Any]]:
    """The alternatives of exercise as its record lists them (every source's, the most trusted
    source's order first), each with what it is best for, how it differs and its own record's
    difficulty; values may hold ``exclude_equipment`` (an alternative whose record needs it, or
    a kind under it, is left out; one with no known equipment stays) and ``difficulty`` (kept
    when its record comes at that level), checked as the named query ``alternatives`` checks
    them. Raises BadRequest for a bad value."""
    bound = _query("alternatives").bind({"exercise": str(exercise), **values}, known)
    found = records_for(store).records
    record = found.get(ident(exercise))
    excluded = {str(t) for t in bound.get("exclude_equipment", [])}
    levels = {DIFFICULTY_KEYS.get(URIRef(str(t)), "") for t in bound.get("difficulty", [])}
    items = []
    for alt in record.alternatives if record is not None else []:
        other = found.get(alt["id"])
        if other is None or other.id == ident(exercise):
            continue
        if excluded and _needs_any(store, other, excluded):
            continue
        if levels and not levels & set(other.difficulty):
            continue
        items.append({"id": other.id, "iri": other.iri, "name": other.name or alt["name"],
                      "best_for": alt["best_for"], "key_difference": alt["key_difference"],
                      "difficulty": list(other.difficulty)})
    return items


def muscle_items(store: Store, known: Known | None) -> list[dict[str, Any]]:
    """The muscle catalogue: every muscle and group, whether it is a group, and its broader
    group's id."""
    result = _query("muscles").run(store, {}, known)
    return [{
        **ref(row["muscle"], row["name"]),
        "group": bool(row["group"].toPython()) if "group" in row else False,  # type: ignore[attr-defined]
        "broader": ident(row["broader"]) if "broader" in row else None,
    } for row in result.rows]


def muscle_exercise_items(store: Store, muscle: URIRef,
                          values: Mapping[str, str | Sequence[str]], known: Known | None
                          ) -> list[dict[str, Any]]:
    """The exercises whose record works muscle (a group matches its narrower muscles), ordered
    by name, each with the record's muscles under it, their role and function; values may hold
    ``role`` (one or several: any of them). The values are checked as the named query
    ``exercises-for-muscle`` checks them (BadRequest); the answer is the records', so an
    exercise only a source that lost the precedence lists under the muscle is not in it."""
    bound = _query("exercises-for-muscle").bind({"muscle": str(muscle), **values}, known)
    roles = {ROLE_KEYS.get(URIRef(str(t)), "") for t in bound.get("role", [])}
    target = str(bound["muscle"][0])
    items = []
    index = list_index(store)
    slugs = list(index.facts)
    # only the exercises whose record works it (the index's positions in the facts' order)
    for position in index.positions(having_key("works", role, target)
                                    for role in (roles or {ANY})).tolist():
        slug = slugs[position]
        iri, name, _, _, muscles = index.facts[slug]
        tagged = [{"id": ident_, "role": role, "function": function}
                  for role, muscle, ident_, function in muscles
                  if (not roles or role in roles) and target in above(store, muscle)]
        if tagged:
            tagged.sort(key=lambda m: (m["role"], m["id"]))
            items.append({**ref(URIRef(iri), name or slug), "muscles": tagged})
    items.sort(key=lambda item: (str(item["name"]).lower(), item["iri"]))
    return items


def equipment_taxonomy(store: Store, known: Known | None) -> dict[str, list[dict[str, Any]]]:
    """``{"categories", "items"}``: the equipment categories, and every kind with its broader
    kinds (``category`` says whether one is a category) and the categories it falls under."""
    result = _query("equipment-taxonomy").run(store, {}, known)
    kinds: dict[Node, dict[str, Any]] = {}
    categories: dict[Node, dict[str, Any]] = {}
    for row in result.rows:
        item = kinds.setdefault(row["equipment"], {**ref(row["equipment"], row["name"]),
                                                   "broader": [], "categories": []})
        broader = row.get("broader")
        if broader is not None and ident(broader) not in [b["id"] for b in item["broader"]]:
            item["broader"].append({"id": ident(broader), "iri": str(broader),
                                    "category": broader in CATEGORY_KEYS})
        category = row.get("category")
        if category is not None:
            if ident(category) not in item["categories"]:
                item["categories"].append(ident(category))
            categories.setdefault(category, ref(category, row.get("category_name")))
    return {"categories": sorted(categories.values(), key=lambda c: c["id"]),
            "items": sorted(kinds.values(), key=lambda k: k["id"])}
