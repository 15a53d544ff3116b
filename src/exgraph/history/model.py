"""A logged session and its sets, as parsed from a file and as read back from the store.

Loads are kept as logged (number and unit) and converted to kilograms where they are compared
(:attr:`LoggedSet.load_kg`): a lifter who logs pounds sees pounds in the export.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

#: Kilograms in a pound (exact, by the 1959 international agreement).
KG_PER_LB = 0.45359237
UNITS = ("kg", "lb")
#: Set types, as the vocabulary names them (exg:WarmUpSet, ...).
SET_TYPES = ("warmup", "working", "drop", "failure")


@dataclass(slots=True)
class LoggedSet:
    """One set: what was lifted, and where in which file it was logged."""

    name: str  # the exercise as the file names it
    order: int  # 1-based, within its exercise in its session
    type: str = "working"
    reps: int | None = None
    load: float | None = None
    unit: str = "kg"
    distance_m: float | None = None
    duration_s: float | None = None
    rpe: float | None = None
    rir: float | None = None
    superset: str | None = None
    notes: str | None = None
    exercise: str | None = None  # the canonical exercise slug, once mapped
    source_file: str = ""
    source_line: int | None = None  # the CSV line (1 = the header), or None for JSON
    source_path: str | None = None  # a JSON pointer, for JSON
    id: str = ""

    @property
    def load_kg(self) -> float | None:
        if self.load is None:
            return None
        return self.load * KG_PER_LB if self.unit == "lb" else self.load

    def key(self, session_id: str) -> str:
        """The set's identity: its session, exercise as logged, type, order and numbers. The same
        row imported twice gets the same id, so a re-import adds nothing."""
        parts = (session_id, self.name.strip().lower(), self.type, self.order, self.reps,
                 self.load, self.unit, self.distance_m, self.duration_s)
        return _digest(parts)


@dataclass
class Session:
    """One workout: when, how long, what it was called, and its sets in order."""

    start: datetime
    title: str | None = None
    end: datetime | None = None
    duration_s: float | None = None
    notes: str | None = None
    sets: list[LoggedSet] = field(default_factory=list)
    id: str = ""

    def key(self) -> str:
        """The session's identity: its start time and title (two apps logging the same workout
        at the same minute under the same name are one session)."""
        return _digest((self.start.isoformat(timespec="minutes"), (self.title or "").lower()))

    @property
    def date(self) -> str:
        return self.start.date().isoformat()


def _digest(parts: tuple[object, ...]) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]
