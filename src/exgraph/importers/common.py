"""What importers share: their error, reading and checking JSON, the neutral record, the summary.

A dataset module (``free_exercise_db``, ``wger``) reads its files into :class:`ImportRecord`\\ s;
:mod:`.mapping` turns those into triples; :mod:`.runner` validates and writes them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef

from exgraph.errors import ExgraphError
from exgraph.graph.safe_files import InputFileError, limit_setting, read_limited
from exgraph.vocab.terms import curie

#: The setting that bounds each dataset file, in bytes.
DATASET_LIMIT = "MAX_DATASET_BYTES"
#: Longest name (of an exercise, muscle, piece of equipment, an alias, an id...), in characters;
#: the datasets' longest is 58.
MAX_NAME = 200
#: Longest text (instructions, descriptions), in characters; the datasets' longest is 1711.
MAX_TEXT = 10_000
#: What no string of a dataset may hold: the C0 controls but tab, newline and carriage return;
#: DEL; the C1 controls; U+FEFF; lone surrogates (a JSON escape like "\\ud800" alone: not text).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")


class DatasetError(ExgraphError):
    """An input dataset is missing, malformed, inconsistent, or its import would not validate.

    The message names the file and, where there is one, the record. Nothing has been written.
    """

    status = 500


def load_json(path: Path) -> Any:
    """The parsed JSON of path. Raises DatasetError naming the file (and line) when it cannot:
    missing, not a regular file, larger than EXGRAPH_MAX_DATASET_BYTES (checked before it is read
    whole), not UTF-8, malformed, nested too deeply or holding a number too long to convert."""
    try:
        data = read_limited(Path(path), limit_setting(DATASET_LIMIT), DATASET_LIMIT)
    except InputFileError as exc:
        raise DatasetError(str(exc)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(
            f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise DatasetError(f"{path}: JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise DatasetError(f"{path}: unreadable JSON value: {exc}") from None


def load_json_list(path: Path) -> list[Any]:
    """The JSON array in path; DatasetError when the file does not hold an array."""
    data = load_json(path)
    if not isinstance(data, list):
        raise DatasetError(f"{path.name}: expected a JSON array of records, got {_kind(data)}")
    return data


def field_value(
    record: Any, name: str, where: str, types: type | tuple[type, ...], *,
    nullable: bool = False, optional: bool = False, max_length: int = MAX_NAME,
) -> Any:
    """record[name] checked to be of ``types`` (None if ``nullable``, or absent and ``optional``).

    ``where`` names the record in messages, e.g. ``"exercises.json: record 17 ('3/4 Sit-Up')"``.
    Raises DatasetError when the record is not an object, the field is missing or of a wrong type,
    or a string is longer than ``max_length`` characters (default :data:`MAX_NAME`; give
    :data:`MAX_TEXT` for text) or holds a control character (:func:`check_string`).
    """
    if not isinstance(record, Mapping):
        raise DatasetError(f"{where}: expected a JSON object, got {_kind(record)}")
    if name not in record:
        if optional:
            return None
        raise DatasetError(f"{where}: field {name!r} missing")
    value = record[name]
    if value is None and nullable:
        return None
    # bool is an int in Python, never a valid id or count here
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        expected = " or ".join(t.__name__ for t in _tuple(types)) + (" or null" if nullable else "")
        raise DatasetError(f"{where}: field {name!r} should be {expected}, got {_kind(value)}")
    if isinstance(value, str):
        check_string(value, f"{where}: field {name!r}", max_length)
    return value


def string_list(record: Any, name: str, where: str, *, max_length: int = MAX_NAME
                ) -> list[str]:
    """record[name] as a list of strings; DatasetError when it is missing or holds other values
    (or strings :func:`check_string` refuses)."""
    strings: list[str] = []
    for i, value in enumerate(field_value(record, name, where, list)):
        if not isinstance(value, str):
            raise DatasetError(
                f"{where}: field {name!r} item {i + 1} should be str, got {_kind(value)}")
        check_string(value, f"{where}: field {name!r} item {i + 1}", max_length)
        strings.append(value)
    return strings


def check_string(value: str, where: str, max_length: int = MAX_TEXT) -> None:
    """DatasetError (naming where) when value is longer than max_length characters or holds a
    character of :data:`FORBIDDEN` (tab, newline and carriage return are allowed)."""
    if len(value) > max_length:
        raise DatasetError(f"{where}: {len(value)} characters, more than the {max_length} "
                           "allowed")
    match = FORBIDDEN.search(value)
    if match:
        code = ord(match.group())
        what = "lone surrogate" if 0xD800 <= code <= 0xDFFF else "control character"
        raise DatasetError(f"{where}: {what} U+{code:04X} at character {match.start() + 1}")


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             type(None): "null", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class RecordSource:
    """The per-record provenance node: where one record comes from and under which terms."""

    slug: str  # the local name under src:, e.g. "wger-exercise-<uuid>"
    label: str
    identifier: str
    dataset: URIRef  # the dataset-level source it is part of
    license: URIRef | None = None
    author: str | None = None  # dcterms:creator and dcterms:rightsHolder


@dataclass
class ImportRecord:
    """One exercise of a dataset, in the terms every importer maps the same way.

    Muscle and equipment values are the dataset's own names; :mod:`.mapping` resolves them.
    ``names`` holds language-tagged names (wger); when empty, ``label`` is the only name.
    """

    ref: str  # how messages and the summary name the record, e.g. "Pull_Through ('Pull Through')"
    label: str  # the name used for rdfs:label and for matching
    source: RecordSource
    collision_suffix: str  # appended to the slug when another resource already has it
    names: dict[str, str] = field(default_factory=dict)  # language → name
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, language)
    primary: list[str] = field(default_factory=list)
    secondary: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    difficulty: URIRef | None = None
    force: str | None = None
    mechanic: str | None = None
    category: str | None = None  # training type, lower-case: strength, stretching, cardio...
    body_region: str | None = None  # where on the body, lower-case: legs, back, chest...
    steps: list[str] = field(default_factory=list)
    images: list[URIRef] = field(default_factory=list)  # pictures, under the record's licence
    summary: str | None = None
    summary_source: RecordSource | None = None  # the summary's own terms, linked when it is used
    group: str | None = None  # records of one group become exg:alternative of each other
    notes: list[str] = field(default_factory=list)  # quirks counted in the summary
    #: why the record is no exercise at all (a rest period, a placeholder), when it is none: it
    #: is left out, listed in the summary, and counts neither as mapped nor as failed
    not_exercise: str | None = None


@dataclass
class Summary:
    """What an import did, for the person running it (printed to stderr) and for tests."""

    dataset: str
    read: int = 0
    created: int = 0
    merged: list[tuple[str, URIRef]] = field(default_factory=list)
    ambiguous: list[tuple[str, URIRef, list[URIRef]]] = field(default_factory=list)
    collisions: list[tuple[str, URIRef]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    not_exercises: list[tuple[str, str]] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    unmapped: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    size: int = 0
    written: str | None = None

    @property
    def mapped(self) -> int:
        """Records that became a resource or were merged into one."""
        return self.read - len(self.skipped) - len(self.not_exercises)

    @property
    def mapped_ratio(self) -> float:
        """The share of the records that are exercises that mapped (an entry that is no
        exercise is left out by a rule, not lost by the mapping)."""
        exercises = self.read - len(self.not_exercises)
        return self.mapped / exercises if exercises else 1.0

    def text(self, limit: int = 500) -> str:
        """The summary as lines a person reads; lists longer than ``limit`` are cut."""
        not_exercises = (f"{len(self.not_exercises)} not exercises, " if self.not_exercises
                         else "")
        lines = [
            f"{self.dataset}: {self.read} records read, {not_exercises}{self.mapped} mapped "
            f"({100 * self.mapped_ratio:.1f}%): {self.created} new resources, "
            f"{len(self.merged)} merged into existing ones, {len(self.skipped)} skipped",
        ]

        def section(title: str, items: list[str]) -> None:
            if not items:
                return
            lines.append(f"  {title} ({len(items)}):")
            lines.extend(f"    {item}" for item in items[:limit])
            if len(items) > limit:
                lines.append(f"    ... and {len(items) - limit} more")

        section("merged", [f"{ref} -> {_short(iri)}" for ref, iri in self.merged])
        section("ambiguous, given their own resource",
                [f"{ref} -> {_short(iri)} (matches {', '.join(_short(c) for c in cands)})"
                 for ref, iri, cands in self.ambiguous])
        section("slug collisions, disambiguated",
                [f"{ref} -> {_short(iri)}" for ref, iri in self.collisions])
        section("skipped", [f"{ref}: {reason}" for ref, reason in self.skipped])
        section("not exercises, left out",
                [f"{ref}: {reason}" for ref, reason in self.not_exercises])
        section("values not mapped (record kept without them)",
                [f"{n:>5}  {value}" for value, n in sorted(self.unmapped.items())])
        section("notes", [f"{n:>5}  {note}" for note, n in sorted(self.notes.items())])
        if self.written:
            lines.append(f"  wrote {self.written}: {self.triples} triples, {self.size} bytes")
        else:
            lines.append(f"  output: {self.triples} triples, {self.size} bytes")
        return "\n".join(lines)


def _short(iri: URIRef) -> str:
    return curie(str(iri), strict=False) or f"<{iri}>"
