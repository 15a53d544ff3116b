"""Building the records of a store generation: every source's version, then one precedence.

:func:`effective` is the one place a precedence is applied: each field of the record comes from
the sources :mod:`exgraph.records.precedence` ranks first (whole) or from all of them in that
order (merged, without repeats). :func:`records_for` builds the records once per store
generation; a store opened from the snapshot cache (:mod:`exgraph.graph.store_cache`) reads
them back from the record entry beside it, so a restart on unchanged data does not rebuild them.
An update bumps the generation: the records are rebuilt from the store, never from the entry.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from typing import Any

from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.records.model import Record, RecordSet
from exgraph.records.precedence import (
    MERGED_FIELDS,
    WHOLE_FIELDS,
    is_inferred,
    ordered,
)
from exgraph.records.read import OVERVIEW_KEYS, read_context, source_versions
from exgraph.vocab.terms import EXERCISE

log = logging.getLogger(__name__)

#: How two values of a merged list are told apart (the same key: one value, its sources merged).
MERGE_KEYS: dict[str, Callable[[Any], str]] = {
    "synonyms": lambda s: f"{s['lang'] or ''}\t{s['name']}",
    "categories": str,
    "images": lambda i: str(i["url"]),
    "alternatives": lambda a: str(a["id"]),
    "sources": lambda s: str(s["iri"]),
    "rationale": lambda r: f"{r['property']}\t{r['reason']}",
}
#: How a merged list is ordered once merged (None: in precedence order, as merged).
MERGE_SORTS: dict[str, Callable[[Any], Any] | None] = {
    "synonyms": lambda s: (s["lang"] or "", s["name"]),
    "categories": str,
    "images": lambda i: str(i["url"]),
    "alternatives": None,
    "sources": lambda s: str(s["id"]),
    "rationale": lambda r: (r["property"] or "", r["reason"] or ""),
}
#: What a field is when no source states it.
EMPTY: dict[str, Any] = {
    "muscles": {"primary": [], "secondary": [], "stabilizer": []},
    "beginner": {"suitable": None, "note": None},
    "frequency": {"sessions_per_week": {"min": None, "max": None}, "note": None},
    "overviews": dict.fromkeys(OVERVIEW_KEYS),
}


def effective(slug: str, versions: dict[str, dict[str, Any]]) -> Record:
    """The record of one exercise from every source's version (source id -> partial record)."""
    record = Record(slug, str(EXERCISE[slug]))
    for name in WHOLE_FIELDS:
        if name == "overviews":
            _overviews(record, versions)
            continue
        stating = [s for s in ordered(name, versions) if name in versions[s]]
        if stating:
            setattr(record, name, versions[stating[0]][name])
        elif name in EMPTY:
            setattr(record, name, json.loads(json.dumps(EMPTY[name])))
        record.provenance[name] = stating[:1]
    for name in MERGED_FIELDS:
        _merge(record, name, versions)
    record.muscles = {**EMPTY["muscles"], **record.muscles}
    muscle_sources: dict[str, list[str]] = {}
    for source in ordered("muscles", versions):
        for items in versions[source].get("muscles", {}).values():
            for muscle in items:
                muscle_sources.setdefault(muscle["id"], []).append(source)
    record.value_sources["muscles"] = muscle_sources
    record.difficulty_estimated = is_inferred(record.provenance["difficulty"])
    record.movement_pattern_inferred = is_inferred(record.provenance["movement_pattern"])
    record.equipment_known = bool(record.equipment)
    record.equipment_inferred = is_inferred(record.provenance["equipment"])
    record.by_source = {
        source: {name: versions[source][name] for name in WHOLE_FIELDS
                 if name in versions[source]}
        for source in ordered("name", versions)}
    return record


def _overviews(record: Record, versions: dict[str, dict[str, Any]]) -> None:
    """Each overview text whole from the first source that has it."""
    found: dict[str, str | None] = dict.fromkeys(OVERVIEW_KEYS)
    used: list[str] = []
    for source in ordered("overviews", versions):
        for key, text in versions[source].get("overviews", {}).items():
            if found.get(key) is None and text is not None:
                found[key] = text
                used += [] if source in used else [source]
    record.overviews, record.provenance["overviews"] = found, used


def _merge(record: Record, name: str, versions: dict[str, dict[str, Any]]) -> None:
    """A merged field: every source's values in precedence order, each once; a value's
    details are those of the most trusted source that lists it."""
    key_of = MERGE_KEYS[name]
    values: dict[str, Any] = {}
    sources_of: dict[str, list[str]] = {}
    for rank, source in enumerate(ordered(name, versions)):
        for value in versions[source].get(name, []):
            key = key_of(value)
            sources_of.setdefault(key, []).append(source)
            if key not in values:
                values[key] = value if name != "alternatives" else {**value, "_rank": rank}
    items = list(values.values())
    sort = MERGE_SORTS[name]
    if sort is not None:
        items.sort(key=sort)
    else:  # alternatives: the most trusted source's order first
        items.sort(key=lambda a: (a["_rank"], a["_position"] is None, a["_position"] or 0,
                                  a["id"]))
        items = [{k: v for k, v in a.items() if not k.startswith("_")} for a in items]
    setattr(record, name, items)
    record.provenance[name] = [s for s in ordered(name, versions) if name in versions[s]]
    record.value_sources[name] = sources_of


def build_records(store: Store) -> RecordSet:
    """Every exercise's record, read from store (four SELECTs, then Python)."""
    ctx = read_context(store)
    versions = source_versions(store, ctx)
    records = {slug: effective(slug, partials) for slug, partials in versions.items()}
    for record in records.values():
        for alt in record.alternatives:  # an alternative's difficulty is its own record's
            other = records.get(alt["id"])
            alt["difficulty"] = list(other.difficulty) if other else []
            if other is not None and other.name and not alt["name"]:
                alt["name"] = other.name
    return RecordSet(records, dict(ctx.group_of), dict(ctx.labels))


#: The record's fields in declaration order: an entry stores each record as a tuple of them.
FIELDS = tuple(f.name for f in dataclasses.fields(Record))


def encode_records(records: RecordSet) -> tuple[Any, ...]:
    """records as plain values for ``marshal`` (:func:`~exgraph.graph.store.derived_value`):
    each record a tuple of its field values in :data:`FIELDS` order, not copied.

    Why not JSON of :meth:`RecordSet.as_json` (before issue 25's fifth pass): its
    ``dataclasses.asdict`` deep-copied every value of every record (3.5 s of CPU at 3k
    exercises, 38 MB of JSON) only to write it, and ``json.loads`` read it back; marshal of
    the same values, uncopied, writes in a fraction of that and reads ~10x faster. The values
    are the records' own (str, int, bool, None, lists and dicts of them), so they read back
    equal to what was built."""
    rows = tuple(tuple(getattr(record, name) for name in FIELDS)
                 for record in records.records.values())
    return (FIELDS, rows, records.group_of, records.labels)


def decode_records(data: Any) -> RecordSet:
    """The record set :func:`encode_records` wrote (ValueError for another layout: the entry
    is then built again)."""
    fields, rows, group_of, labels = data
    if tuple(fields) != FIELDS:
        raise ValueError("the record entry has other fields")
    found = {}
    for values in rows:
        record = Record(*values)
        found[record.id] = record
    return RecordSet(found, dict(group_of), dict(labels))


def _load(store: Store) -> RecordSet:
    """The records of store: from the entry beside its snapshot when the store is exactly the
    snapshot's data (opened from it, never updated since; an on-disk store's generation stamp
    too, issue 25), else built."""
    return derived_value(store, "records", build_records, encode_records, decode_records)


_RECORDS: GenerationCache[RecordSet] = GenerationCache(_load)


def records_for(store: Store) -> RecordSet:
    """The records of store's current generation, built (or read back) once."""
    return _RECORDS.get(store)
