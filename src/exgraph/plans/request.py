"""What a lifter asks a plan for, checked: :func:`parse_request` turns query-string values or a
JSON body into a :class:`PlanRequest`, or raises BadRequest naming the parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from exgraph.errors import BadRequest
from exgraph.plans.plan_facts import PlanFacts
from exgraph.queries.substitutes import Engine
from exgraph.vocab.terms import SLUG_RE

LEVELS = ("beginner", "intermediate", "advanced")
MIN_DAYS, MAX_DAYS = 1, 6
MIN_WEEKS, MAX_WEEKS, DEFAULT_WEEKS = 4, 8, 6
MIN_MINUTES, MAX_MINUTES = 15, 240
MAX_SEED = 2**32 - 1
#: Every parameter a plan request takes (query string or JSON body).
PARAMS = ("goal", "equipment", "days", "level", "session_minutes", "emphasise", "avoid",
          "include", "exclude", "weeks", "seed", "start")
#: Most values of one list parameter.
MAX_ITEMS = 100


@dataclass(frozen=True)
class PlanRequest:
    """A checked plan request (slugs of the graph's goals, equipment, muscle groups, exercises)."""

    goal: str
    equipment: frozenset[str]
    days: int
    level: str = "beginner"
    session_minutes: int | None = None
    emphasise: frozenset[str] = frozenset()
    avoid: frozenset[str] = frozenset()
    include: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()
    weeks: int = DEFAULT_WEEKS
    seed: int | None = None
    start: dt.date | None = None

    def as_json(self) -> dict[str, Any]:
        """The request as the plan echoes it (lists sorted, so equal requests look equal)."""
        return {
            "goal": self.goal, "equipment": sorted(self.equipment), "days": self.days,
            "level": self.level, "session_minutes": self.session_minutes,
            "emphasise": sorted(self.emphasise), "avoid": sorted(self.avoid),
            "include": list(self.include), "exclude": sorted(self.exclude),
            "weeks": self.weeks, "seed": self.seed,
            "start": self.start.isoformat() if self.start else None,
        }


def _items(name: str, raw: Any) -> list[str]:
    """A list parameter: a JSON list of strings, or strings with comma-separated values."""
    if raw is None:
        return []
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise BadRequest(f"parameter {name!r}: a list of slugs or a comma-separated string")
    items = [p.strip() for value in values for p in value.split(",") if p.strip()]
    if len(items) > MAX_ITEMS:
        raise BadRequest(f"parameter {name!r}: at most {MAX_ITEMS} values, got {len(items)}")
    for item in items:
        if not SLUG_RE.match(item):
            raise BadRequest(f"parameter {name!r}: not a slug: {item[:60]!r}")
    return list(dict.fromkeys(items))


def _one(name: str, raw: Any) -> Any:
    if isinstance(raw, list):
        if len(raw) != 1:
            raise BadRequest(f"parameter {name!r} takes one value, got {len(raw)}")
        return raw[0]
    return raw


def _integer(name: str, raw: Any, low: int, high: int) -> int | None:
    value = _one(name, raw)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadRequest(f"parameter {name!r}: a whole number from {low} to {high}")
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii() or not text.isdigit() or len(text) > 10:
            raise BadRequest(f"parameter {name!r}: a whole number from {low} to {high}, "
                             f"got {value[:30]!r}")
        value = int(text)
    if not isinstance(value, int) or not low <= value <= high:
        raise BadRequest(f"parameter {name!r}: a whole number from {low} to {high}, "
                         f"got {str(value)[:30]!r}")
    return value


def _known(name: str, slugs: Iterable[str], known: Iterable[str], kind: str) -> None:
    have = set(known)
    for slug in slugs:
        if slug not in have:
            raise BadRequest(f"parameter {name!r}: no {kind} {slug!r} in the graph")


def parse_request(values: Mapping[str, Any], engine: Engine, facts: PlanFacts) -> PlanRequest:
    """A checked request from query-string values (each a string or a list of strings) or a
    JSON body. Raises BadRequest naming the parameter for anything missing, unknown or out of
    range: the goal and the number of days are required; equipment defaults to none
    (bodyweight exercises only) and level to beginner.
    """
    unknown = sorted(set(values) - set(PARAMS))
    if unknown:
        raise BadRequest(f"unknown parameter {unknown[0][:40]!r}; a plan takes: "
                         f"{', '.join(PARAMS)}")
    goal = _one("goal", values.get("goal"))
    if goal is None or goal == "":
        raise BadRequest("parameter 'goal' is missing: one of "
                         f"{', '.join(sorted(facts.goals))}")
    if not isinstance(goal, str) or goal not in facts.goals:
        raise BadRequest(f"parameter 'goal': {str(goal)[:40]!r} is not a goal of the graph; "
                         f"one of {', '.join(sorted(facts.goals))}")
    days = _integer("days", values.get("days"), MIN_DAYS, MAX_DAYS)
    if days is None:
        raise BadRequest(f"parameter 'days' is missing: training days a week, "
                         f"{MIN_DAYS} to {MAX_DAYS}")
    level = _one("level", values.get("level")) or "beginner"
    if level not in LEVELS:
        raise BadRequest(f"parameter 'level': {str(level)[:40]!r} is not one of "
                         f"{', '.join(LEVELS)}")
    equipment = _items("equipment", values.get("equipment"))
    _known("equipment", equipment, engine.taxonomy, "equipment kind")
    muscles: dict[str, list[str]] = {}
    for name in ("emphasise", "avoid"):
        muscles[name] = _items(name, values.get(name))
        _known(name, muscles[name], facts.group_of, "muscle")
    emphasise = frozenset(facts.group_of[m] for m in muscles["emphasise"])
    avoid = frozenset(facts.group_of[m] for m in muscles["avoid"])
    both = sorted(emphasise & avoid)
    if both:
        raise BadRequest(f"parameters 'emphasise' and 'avoid' both name {both[0]!r}")
    include = _items("include", values.get("include"))
    exclude = _items("exclude", values.get("exclude"))
    for name, slugs in (("include", include), ("exclude", exclude)):
        _known(name, slugs, engine.exercises, "exercise")
    clash = sorted(set(include) & set(exclude))
    if clash:
        raise BadRequest(f"parameters 'include' and 'exclude' both name {clash[0]!r}")
    weeks = _integer("weeks", values.get("weeks"), MIN_WEEKS, MAX_WEEKS) or DEFAULT_WEEKS
    minutes = _integer("session_minutes", values.get("session_minutes"), MIN_MINUTES,
                       MAX_MINUTES)
    seed = _integer("seed", values.get("seed"), 0, MAX_SEED)
    start = None
    raw_start = _one("start", values.get("start"))
    if raw_start not in (None, ""):
        try:
            start = dt.date.fromisoformat(str(raw_start))
        except ValueError:
            raise BadRequest(f"parameter 'start': a date as YYYY-MM-DD, got "
                             f"{str(raw_start)[:30]!r}") from None
        if len(str(raw_start)) != 10:
            raise BadRequest("parameter 'start': a date as YYYY-MM-DD")
    return PlanRequest(goal, frozenset(equipment), days, level, minutes, emphasise, avoid,
                       tuple(include), frozenset(exclude), weeks, seed, start)
