"""Small values inside an article: counts, rest times, difficulty, weekly frequency, yes/no.

Each parser returns the value or raises ValueError with what was expected; the section parser
adds the file, the line and the context ("programming row "Hypertrophy": sets ...").
"""

from __future__ import annotations

import re
from decimal import Decimal

from exgraph.ingest.model import Range
from exgraph.vocab.names import number_word
from exgraph.vocab.terms import DIFFICULTIES, DIFFICULTY_RANK

#: "2 to 3", "2-3", "2–3" (en dash), "2 — 3": the separators a range may use.
_RANGE_SEP = re.compile(r"\s+to\s+|\s*[-\u2010-\u2015]\s*", re.IGNORECASE)
_MAX_DIGITS = 6  # more is a typo, and Python refuses to convert huge digit strings anyway
_SECONDS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
            "min": 60, "mins": 60, "minute": 60, "minutes": 60}
_REST_PART = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)?\.?$", re.IGNORECASE)
_TIMES = {"once": 1, "twice": 2}
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|once|twice)"
_FREQUENCY = re.compile(
    rf"\b(?P<low>{_NUM})(?:\s*(?:to|or|-|\u2013|\u2014)\s*(?P<high>{_NUM}))?\s+"
    r"(?:(?:sessions?|times?|days?|workouts?)\s+)?(?:per|a|each)\s+week\b",
    re.IGNORECASE,
)
_ANSWER = re.compile(r"^(?P<answer>yes|no)\b[\s.,;:!\u2013\u2014-]*(?P<rest>.*)$", re.IGNORECASE)
MAX_SESSIONS_PER_WEEK = 14  # ontology/shapes.ttl: exg:sessionsPerWeekMax maxInclusive 14


def _count(token: str) -> int:
    token = token.strip()
    if token.isdigit() and len(token) > _MAX_DIGITS:
        raise ValueError(f"number {token[:12]}... is too large")
    value = number_word(token) if token.isascii() else None
    if value is None:
        raise ValueError(f"{token!r} is not a number")
    return value


def _ordered(low: int, high: int) -> Range:
    if low > high:
        raise ValueError("minimum above maximum")
    return Range(low, high)


def parse_count_range(text: str, minimum: int = 1) -> Range:
    """``"2 to 3"``, ``"2-3"``, ``"2–3"``, ``"Two to three"`` or ``"4"`` as a Range.

    Raises ValueError for anything else, a minimum above the maximum, or a value below minimum.
    """
    parts = _RANGE_SEP.split(text.strip(), maxsplit=1)
    if not parts[0]:
        raise ValueError("expected a number or a range such as \"2 to 3\"")
    values = [_count(p) for p in parts]
    if min(values) < minimum:
        raise ValueError(f"expected at least {minimum}")
    return _ordered(values[0], values[-1])


def parse_rest(text: str) -> Range:
    """A rest time in seconds: ``"60 to 90 sec"``, ``"60 sec"``, ``"2 to 3 min"``, ``"2-3 min"``.

    The unit of the maximum also applies to a minimum written without one. Raises ValueError.
    """
    parts = _RANGE_SEP.split(text.strip(), maxsplit=1)
    matches = [_REST_PART.match(p) for p in parts]
    if not all(matches):
        raise ValueError('expected a rest time such as "60 to 90 sec" or "2 min"')
    units = [m.group("unit") for m in matches if m]
    if units[-1] is None:
        raise ValueError('expected a unit: "sec" or "min"')
    seconds = []
    for m, unit in zip(matches, units, strict=True):
        assert m is not None
        factor = _SECONDS.get((unit or units[-1]).lower())
        if factor is None:
            raise ValueError(f'unknown unit {unit!r}: expected "sec" or "min"')
        number = m.group("n")
        if len(number) > _MAX_DIGITS:
            raise ValueError(f"number {number[:12]}... is too large")
        value = Decimal(number) * factor  # Decimal: 0.1 min is 6 s exactly
        if value != int(value):
            raise ValueError(f"{number} {unit or units[-1]} is not a whole number of seconds")
        seconds.append(int(value))
    return _ordered(seconds[0], seconds[-1])


def parse_difficulty(text: str) -> tuple[str, ...]:
    """``"Moderate"`` → (moderate,); ``"Low to moderate"`` → (low, moderate): every level of the
    range, lowest first. Raises ValueError for an unknown word or a reversed range.
    """
    words = [w.strip().lower() for w in _RANGE_SEP.split(text.strip().rstrip("."), maxsplit=1)]
    for word in words:
        if word not in DIFFICULTIES:
            raise ValueError(
                f"unknown difficulty {word!r}: expected Low, Moderate or High, "
                'or a range such as "Low to moderate"'
            )
    span = _ordered(_rank(words[0]), _rank(words[-1]))
    return tuple(sorted((w for w in DIFFICULTIES if span.low <= _rank(w) <= span.high), key=_rank))


def _rank(word: str) -> int:
    return DIFFICULTY_RANK[DIFFICULTIES[word]]


def find_frequency(text: str) -> Range | None:
    """The weekly frequency a paragraph states ("1 to 3 sessions per week", "Two or three times
    per week", "once a week"), or None when it states none. Raises ValueError for a reversed or
    impossible range.
    """
    match = _FREQUENCY.search(text)
    if match is None:
        return None
    low = _sessions(match.group("low"))
    high = _sessions(match.group("high") or match.group("low"))
    if low < 1:
        raise ValueError("expected at least 1 session per week")
    if high > MAX_SESSIONS_PER_WEEK:
        raise ValueError(f"expected at most {MAX_SESSIONS_PER_WEEK} sessions per week")
    return _ordered(low, high)


def _sessions(token: str) -> int:
    return _TIMES.get(token.lower()) or _count(token)


def parse_answer(text: str) -> tuple[bool, str]:
    """``"Yes. Beginners usually ..."`` → (True, "Beginners usually ..."). Raises ValueError."""
    match = _ANSWER.match(text.strip())
    if match is None:
        raise ValueError('expected the answer "Yes" or "No" at the start of the paragraph')
    return match.group("answer").lower() == "yes", match.group("rest").strip()
