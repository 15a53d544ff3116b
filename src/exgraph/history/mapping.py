"""Exercise names of a log to exercises: the user's mapping file, the one lookup, wger ids."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exgraph.errors import BadRequest
from exgraph.graph.rq import internal
from exgraph.graph.store import Store
from exgraph.records.lookup import Unresolved, resolve
from exgraph.vocab.terms import EXERCISE

#: ``Name (Qualifier)``: how Strong and Hevy name an exercise done with some equipment.
_QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")


class Mapper:
    """Exercise names as logged -> canonical slugs: the user's mapping first, then the one
    lookup; each distinct name resolved once."""

    def __init__(self, public: Store, mapping: Mapping[str, str]) -> None:
        self.public = public
        self.mapping = {" ".join(k.split()).lower(): v for k, v in mapping.items() if v.strip()}
        self.found: dict[str, str | None] = {}
        self.missing: dict[str, list[str]] = {}
        self.counts: Counter[str] = Counter()
        self.how: dict[str, dict[str, Any]] = {}

    def slug(self, name: str) -> str | None:
        key = name.lower()
        if key not in self.found:
            self.found[key] = self._resolve(name)
        if self.found[key] is None:
            self.counts[name] += 1
        return self.found[key]

    def _resolve(self, name: str) -> str | None:
        """The user's mapping, else the name, else (Strong and Hevy name ``Bench Press
        (Barbell)``) the qualifier first (``Barbell Bench Press``), else the name without it
        (``Bench Press``): each through the one lookup. A wger id (``wger exercise 9``) maps
        through the wger import (:func:`wger_ids`). How each name mapped is reported."""
        key = name.lower()
        if key not in self.mapping and (wger := _WGER.match(name)):
            slug = wger_ids(self.public).get(int(wger.group(1)))
            if slug is None:
                self.missing.setdefault(name, [])
                return None
            self.how[name] = {"name": name, "exercise": slug, "how": "wger id, the wger import"}
            return slug
        tries = [(self.mapping[key], "your mapping")] if key in self.mapping else []
        tries.append((name, "lookup"))
        if (match := _QUALIFIED.match(name)) and key not in self.mapping:
            base, qualifier = match.group(1).strip(), match.group(2).strip()
            tries += [(f"{qualifier} {base}", "lookup, qualifier first"),
                      (base, f"lookup, without ({qualifier})")]
        for text, how in tries:
            try:
                slug = resolve(self.public, "exercise", text).slug
            except Unresolved as exc:
                self.missing.setdefault(name, exc.candidates)
                if how == "your mapping":
                    break  # the user said what it is: no guessing past that
                continue
            except BadRequest:
                self.missing.setdefault(name, [])
                continue
            self.how[name] = {"name": name, "exercise": slug, "how": how}
            self.missing.pop(name, None)
            return slug
        return None

    def mapped(self) -> list[dict[str, Any]]:
        return sorted(self.how.values(), key=lambda m: str(m["name"]))

    def unmapped(self) -> list[dict[str, Any]]:
        return [{"name": name, "rows": count, "suggestions": self.missing.get(name, [])}
                for name, count in sorted(self.counts.items())]


_WGER = re.compile(r"^wger exercise (\d+)$")
#: The wger id table of the newest public store generation seen (one entry: a reload replaces
#: it).
_WGER_IDS: dict[Any, dict[int, str]] = {}
_WGER_QUERY = internal("wger-exercise-sources").text()
_WGER_LABEL = re.compile(r"^wger exercise (\d+) \(")


def wger_ids(public: Store) -> dict[int, str]:
    """wger exercise id -> canonical exercise slug, from the wger import: each imported exercise
    names its wger record as a source labelled ``wger exercise ID (UUID)`` (the importer's
    label). Built once per store generation."""
    generation = (id(public), public.generation())
    found = _WGER_IDS.get(generation)
    if found is None:
        found = {}
        for row in public.select(_WGER_QUERY):
            match = _WGER_LABEL.match(str(row["label"]))
            slug = str(row["exercise"]).removeprefix(str(EXERCISE))
            if match is None:
                continue
            try:
                found[int(match.group(1))] = resolve(public, "exercise", slug).slug
            except (Unresolved, BadRequest):
                continue
        _WGER_IDS.clear()
        _WGER_IDS[generation] = found
    return found


def read_mapping(path: Path) -> dict[str, str]:
    """A mapping file: CSV ``name,exercise`` (header first); a row with no exercise maps
    nothing yet. BadRequest naming the line for a row that is not two cells."""
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if reader.line_num == 1 and row[:2] == ["name", "exercise"]:
                continue
            if len(row) != 2:
                raise BadRequest(f"{path}:{reader.line_num}: a mapping row is name,exercise")
            mapping[row[0]] = row[1].strip()
    return mapping


def write_mapping(path: Path, mapping: Mapping[str, str], unmapped: list[dict[str, Any]]) -> int:
    """Write the mapping file: the rows it had, and a row with a blank exercise for each
    unmapped name (the closest exercises are in the import's report). Returns the rows
    added."""
    rows = dict(mapping)
    added = 0
    for item in unmapped:
        if item["name"] not in rows:
            rows[item["name"]] = ""
            added += 1
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "exercise"])
    writer.writerows(sorted(rows.items()))
    path.write_text(out.getvalue(), encoding="utf-8")
    return added
