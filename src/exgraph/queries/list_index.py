"""The list index (issue 25: lists at scale): what every exercise list reads, kept once per data
generation and, on unchanged data, read back from beside the store (:func:`list_index`).
:mod:`exgraph.queries.listing` filters and pages it.
"""

from __future__ import annotations

import marshal
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.queries.catalogue import default_catalogue
from exgraph.records import records_for

#: An exercise's IRI (as text) and its English name.
Match = tuple[str, str]


#: An exercise's facts the lists read (from its record): its IRI, name (None: none), difficulty
#: levels, equipment ``(id, iri, name)`` and muscles ``(role, iri, id, function)``.
ListFacts = tuple[str, str | None, tuple[str, ...], tuple[tuple[str, str, str | None], ...],
                  tuple[tuple[str, str, str, str | None], ...]]


@dataclass(frozen=True)
class ListIndex:
    """What every exercise list reads, kept once per data generation (:func:`list_index`):
    the rows of ``queries/exercises.rq`` without filters (every exercise and its name, in the
    query's order: ``LCASE(name)``, then IRI) and, per exercise slug, the facts of its record
    the filters and the items read.

    Before it (issue 25), the first page of a list ran the named query with the filters over
    the store (an ``ORDER BY`` over every match) and read the whole record set (every field of
    every exercise) to check each match against its record: at 100k exercises that was 4.8 s
    against 35 ms at 1.7k. The filters are the record's anyway (``listing._by_record``: the query
    matched any source's statement, the record decides, and a record's statement is a
    source's), so the filtered list is the unfiltered order kept where the record's facts
    match, which this index answers without a query, and it is read back from beside the
    store on unchanged data (``marshal``, like the engine and the exercise index)."""

    rows: tuple[Match, ...]
    facts: Mapping[str, ListFacts]
    #: filter key (:func:`having_key`) -> the positions, ascending, of the exercises that have
    #: it: in :attr:`rows` (``equipment``, ``equipped``, ``difficulty``, ``muscle`` keys) or in
    #: :attr:`facts`' order (``works`` keys), as ``uint32`` bytes (marshal writes bytes as they
    #: are; numpy reads them without a copy).
    having: Mapping[str, bytes] = field(default_factory=dict)

    def positions(self, keys: Iterable[str]) -> np.ndarray:
        """The ascending positions of the exercises that have any of keys (a union)."""
        found = [np.frombuffer(self.having[key], dtype=np.uint32)
                 for key in dict.fromkeys(keys) if key in self.having]
        if not found:
            return np.zeros(0, dtype=np.uint32)
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))


#: The role part of a muscle key that stands for any role, and the concept part for any muscle.
ANY = "*"


def having_key(kind: str, *parts: str) -> str:
    """The key of a filter value in :attr:`ListIndex.having`: ``equipment`` (an equipment
    concept: a kind, or one above it), ``equipped`` (any), ``difficulty`` (a level key),
    ``muscle`` and ``works`` (a role or :data:`ANY`, a muscle concept or :data:`ANY`)."""
    return "\t".join((kind, *parts))


def _having(rows: tuple[Match, ...], facts: Mapping[str, ListFacts],
            above: Callable[[str], frozenset[str]]) -> dict[str, bytes]:
    """The filters' answers (issue 25, fifth pass): for each equipment concept, level and
    (role, muscle concept) the positions of the exercises whose record has it, so that a
    filter costs what it matches, not a pass over every exercise (~8 µs each: 0.8 s at 100k).
    The same tests as ``listing._by_record`` and ``listing.muscle_exercise_items`` made per
    exercise, made once per generation."""
    from exgraph.records.read import ident

    found: dict[str, list[int]] = defaultdict(list)

    def mark(position: int, keys: Iterable[str]) -> None:
        for key in dict.fromkeys(keys):
            found[key].append(position)

    for position, (iri, _) in enumerate(rows):
        fact = facts.get(ident(iri))
        if fact is None:
            continue
        _, _, levels, equipment, muscles = fact
        mark(position, [having_key("difficulty", level) for level in levels])
        mark(position, [having_key("equipment", concept)
                        for item in equipment for concept in above(item[1])])
        mark(position, [having_key("equipped")] if equipment else [])
        mark(position, _muscle_keys("muscle", muscles, above))
    for position, fact in enumerate(facts.values()):
        mark(position, _muscle_keys("works", fact[4], above))
    return {key: np.asarray(positions, dtype=np.uint32).tobytes()
            for key, positions in found.items()}


def _muscle_keys(kind: str, muscles: Iterable[tuple[str, str, str, str | None]],
                 above: Callable[[str], frozenset[str]]) -> list[str]:
    keys = []
    for role, iri, _, _ in muscles:
        for concept in (ANY, *sorted(above(iri))):
            keys += [having_key(kind, role, concept), having_key(kind, ANY, concept)]
    return keys


def _list_index(store: Store) -> ListIndex:
    rows = tuple((str(row["exercise"]), str(row["name"]))
                 for row in store.select(default_catalogue().get_query("exercises").render({})))
    strings: dict[str, str] = {}  # one object per repeated text: marshal then writes it once

    def one(text: str) -> str:
        return strings.setdefault(text, text)

    facts: dict[str, ListFacts] = {}
    for slug, record in records_for(store).records.items():
        facts[slug] = (
            record.iri, record.name, tuple(map(one, record.difficulty)),
            tuple((one(e["id"]), one(e["iri"]), one(e["name"]) if e["name"] else e["name"])
                  for e in record.equipment),
            tuple((one(role), one(m["iri"]), one(m["id"]), m["function"])
                  for role, items in record.muscles.items() for m in items))
    from exgraph.queries.listing import above  # listing builds on this module

    return ListIndex(rows, facts, _having(rows, facts, lambda iri: above(store, iri)))


class PackedFacts(Mapping[str, ListFacts]):
    """slug -> :data:`ListFacts`, each kept as its own marshal bytes and decoded when read.

    Why: a list page reads the facts of its 20 items, and a filter none (its positions are in
    :attr:`ListIndex.having`), but reading every exercise's facts back as tuples at the first
    list after a start costs a Python object per value of every exercise (at 10k exercises
    ~40 ms of the list index's read-back; 10x at 100k). As bytes, the read-back makes one
    object per exercise, and a page decodes its own items (~2 µs each)."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self.packed = packed

    def __getitem__(self, slug: str) -> ListFacts:
        found: ListFacts = marshal.loads(self.packed[slug])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)


def _encode_list_index(index: ListIndex) -> tuple[Any, ...]:
    facts = index.facts
    packed = facts.packed if isinstance(facts, PackedFacts) else {
        slug: marshal.dumps(fact) for slug, fact in facts.items()}
    return index.rows, packed, dict(index.having)


def _decode_list_index(data: Any) -> ListIndex:
    rows, packed, having = data
    if not (isinstance(rows, tuple) and isinstance(packed, dict) and isinstance(having, dict)):
        raise TypeError("not a list index")
    return ListIndex(rows, PackedFacts(packed), having)


def _read_list_index(store: Store) -> ListIndex:
    return derived_value(store, "list-index", _list_index, _encode_list_index,
                         _decode_list_index)


_LIST_INDEX: GenerationCache[ListIndex] = GenerationCache(_read_list_index)


def list_index(store: Store) -> ListIndex:
    """The :class:`ListIndex` of store's current generation: built (or read back from beside
    the store's snapshot) once per generation; an update builds the next one."""
    return _LIST_INDEX.get(store)
