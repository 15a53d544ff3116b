"""The list index (issue 25: lists at scale): what every exercise list reads, kept once per data
generation and, on unchanged data, read back from beside the store (:func:`list_index`).
:mod:`exgraph.queries.listing` filters and pages it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
    return ListIndex(rows, facts)


def _decode_list_index(data: Any) -> ListIndex:
    rows, facts = data
    if not isinstance(rows, tuple) or not isinstance(facts, dict):
        raise TypeError("not a list index")
    return ListIndex(rows, facts)


def _read_list_index(store: Store) -> ListIndex:
    return derived_value(store, "list-index", _list_index,
                         lambda index: (index.rows, dict(index.facts)), _decode_list_index)


_LIST_INDEX: GenerationCache[ListIndex] = GenerationCache(_read_list_index)


def list_index(store: Store) -> ListIndex:
    """The :class:`ListIndex` of store's current generation: built (or read back from beside
    the store's snapshot) once per generation; an update builds the next one."""
    return _LIST_INDEX.get(store)
