"""The effective record of an exercise: one value per field, chosen by the precedence table.

The fields are named as the JSON API names them (``/api/v1/exercises/{id}``): the document is
the record as a dict. Values are plain JSON values (str, int, bool, lists and dicts of them), so
a record set is cached (as marshal, :func:`exgraph.records.build.encode_records`) beside the
store snapshot and read back as it was built.
The RDF stays the truth: a record is derived from the named graphs, never written back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

#: A reference to a resource: ``{"id": slug, "iri": IRI, "name": label or None}``.
Ref = dict[str, Any]


@dataclass
class Record:
    """One exercise as every surface sees it.

    ``provenance`` names, per field, the sources its value came from (most trusted first);
    ``by_source`` keeps every source's own version of each field taken whole, so what lost the
    precedence stays reachable; ``value_sources`` names the sources of each value of a merged
    list (keyed by the value's id) and of each muscle.
    """

    id: str
    iri: str
    name: str | None = None
    summary: str | None = None
    synonyms: list[dict[str, Any]] = field(default_factory=list)
    difficulty: list[str] = field(default_factory=list)
    difficulty_estimated: bool = False
    categories: list[str] = field(default_factory=list)
    force: str | None = None
    mechanic: str | None = None
    movement_pattern: Ref | None = None
    movement_pattern_inferred: bool = False
    laterality: str | None = None
    activity_kind: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    equipment_known: bool = False
    equipment: list[Ref] = field(default_factory=list)
    equipment_inferred: bool = False
    equipment_note: str | None = None
    muscles: dict[str, list[Ref]] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    benefits: list[dict[str, Any]] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    beginner: dict[str, Any] = field(default_factory=dict)
    programming: list[dict[str, Any]] = field(default_factory=list)
    progression: str | None = None
    frequency: dict[str, Any] = field(default_factory=dict)
    comparisons: list[dict[str, Any]] = field(default_factory=list)
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    overviews: dict[str, str | None] = field(default_factory=dict)
    rationale: list[dict[str, Any]] = field(default_factory=list)
    sources: list[Ref] = field(default_factory=list)
    provenance: dict[str, list[str]] = field(default_factory=dict)
    by_source: dict[str, dict[str, Any]] = field(default_factory=dict)
    value_sources: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.id

    def muscle_ids(self, role: str) -> list[str]:
        """The ids of the muscles in a role (primary, secondary, stabilizer)."""
        return [m["id"] for m in self.muscles.get(role, [])]

    def as_json(self) -> dict[str, Any]:
        """The record as a JSON object (a deep copy: the caller may change it).

        Copied by :func:`_copy`, not ``dataclasses.asdict``: the values are plain JSON values,
        and asdict's generic walk (a dataclass check and a ``copy.deepcopy`` per leaf) cost
        16 s of a profiled 3k-exercise build, where this costs a small fraction."""
        return {name: _copy(getattr(self, name)) for name in _FIELDS}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """A record from :meth:`as_json` (unknown keys are an error: a stale cache entry)."""
        return cls(**data)




_FIELDS = tuple(f.name for f in dataclasses.fields(Record))


def _copy(value: Any) -> Any:
    """A deep copy of a plain JSON value (dicts, lists and tuples copied; str, numbers, bools
    and None are immutable, so shared)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_copy(item) for item in value)
    return value


@dataclass
class RecordSet:
    """The records of one store generation, and the catalogue facts every reader needs with
    them: each muscle's group (``skos:broader`` a muscle group; a group is its own) and the
    names of muscles, equipment, patterns and goals."""

    records: dict[str, Record] = field(default_factory=dict)  # slug -> record
    group_of: dict[str, str] = field(default_factory=dict)  # muscle slug -> group slug
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> English name

    def as_json(self) -> dict[str, Any]:
        return {"records": [r.as_json() for r in self.records.values()],
                "group_of": self.group_of, "labels": self.labels}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordSet:
        records = [Record.from_json(r) for r in data["records"]]
        return cls({r.id: r for r in records}, dict(data["group_of"]), dict(data["labels"]))
