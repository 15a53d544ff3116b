"""Cells of a log file to values: text, numbers with decimal commas, RPE, times in both
timestamp styles, durations; each check names the column it read."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from exgraph.history.model import LoggedSet

#: Longest text kept from a cell (a name, a note); longer is cut there.
MAX_TEXT = 2000

_TIME_FORMATS = ("%d %b %Y, %H:%M", "%d %b %Y %H:%M", "%d %B %Y, %H:%M", "%b %d, %Y %H:%M",
                 "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%Y-%m-%d")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")


class RowError(ValueError):
    """A row that cannot be read: skipped, with this message as the reason."""


def json_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise RowError(f"{value!r}: expected text")


def json_number(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RowError(f"{key}: a number")
    return number_cell(str(value), key)


# Cells ----------------------------------------------------------------------------------------

def name_cell(value: str | None) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise RowError("no exercise name")
    return name[:MAX_TEXT]


def text_cell(value: str | None) -> str | None:
    text = (value or "").strip()
    return text[:MAX_TEXT] or None


def number_cell(value: str | None, column: str) -> float | None:
    """A non-negative number in either decimal style; None when empty."""
    if not value:
        return None
    try:  # the common case, ``62.5``, at once (five numbers a row)
        fast: float | None = float(value)
    except ValueError:
        fast = None
    if fast is not None:
        return _checked_number(fast, value, column)
    text = value.strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:  # the later mark is the decimal one
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") \
            else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise RowError(f"{column} {value!r} is not a number") from None
    return _checked_number(number, value, column)


def _checked_number(number: float, value: str, column: str) -> float:
    if not math.isfinite(number) or number < 0 or number > 1e6:
        raise RowError(f"{column} {value!r}: a number from 0 to 1,000,000")
    return number


def int_cell(value: str | None, column: str) -> int | None:
    number = number_cell(value, column)
    if number is None:
        return None
    if number != int(number):
        raise RowError(f"{column} {value!r} is not a whole number")
    return int(number)


def rpe_cell(value: str | None) -> float | None:
    rpe = number_cell(value, "RPE")
    if rpe is not None and not 1 <= rpe <= 10:
        raise RowError(f"RPE {value!r}: from 1 to 10")
    return rpe


def time_cell(value: str | None, column: str) -> datetime:
    """A wall-clock time as logged (ISO 8601 or Hevy's style). A UTC offset, when given, is
    dropped without converting: the lifter's local time is what a training log means."""
    text = (value or "").strip()
    if not text:
        raise RowError(f"{column} is empty")
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise RowError(f"{column} {text!r}: not a time (2024-01-05 18:30:00 or 5 Jan 2024, 18:30)")


def duration_cell(value: str | None) -> float | None:
    """Strong's workout duration (``1h 5m``, ``45m``, ``50s``) or seconds, in seconds."""
    text = (value or "").strip()
    if not text:
        return None
    if (match := _DURATION.match(text)) and any(match.groups()):
        h, m, s = (int(g or 0) for g in match.groups())
        return float(h * 3600 + m * 60 + s)
    seconds = number_cell(text, "Duration")
    return seconds


def checked_set(logged: LoggedSet) -> LoggedSet:
    if logged.reps is None and logged.load is None and logged.distance_m is None \
            and logged.duration_s is None:
        raise RowError("an empty set: no reps, weight, distance or time")
    if logged.rir is not None and logged.rir > 10:
        raise RowError(f"RIR {logged.rir:g}: from 0 to 10")
    return logged
