"""What a log says: progress per session for one exercise, weekly sets per muscle group.

Rules (docs/history.md explains them with an example):

* **Estimated one-repetition maximum** of a set of ``w`` kg for ``r`` reps: Epley
  ``w * (1 + r / 30)`` and Brzycki ``w * 36 / (37 - r)``; a single is its own maximum (both
  give ``w``). Both formulas are fitted on sets of few reps: an estimate from a set of more than
  :data:`CONFIDENT_REPS` reps is marked ``low_confidence`` (LeSuer et al. 1997 found errors
  growing past 10 reps). Brzycki is undefined from 37 reps: then it is null.
* The **best set** of a session is the working set (warm-ups never count) with the highest Epley
  estimate; **volume load** is the sum of load x reps over its working sets, in kilograms.
* **Weekly sets per muscle group**: each working set counts 1 for every muscle group a primary
  muscle of its exercise belongs to and 0.5 for a group only its secondary muscles belong to;
  stabilizers count nothing (the exercise records say which muscle plays which role, the muscle
  records which group it is in). Weeks are ISO weeks (Monday to Sunday), the last one the week of
  ``until`` (default: the latest session), so the same log gives the same answer tomorrow.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from exgraph.errors import BadRequest
from exgraph.history.model import LoggedSet, Session
from exgraph.history.nquads import UserLog
from exgraph.records.model import RecordSet

CONFIDENT_REPS = 10
MAX_WEEKS = 52
PRIMARY, SECONDARY = 1.0, 0.5


def epley(load: float, reps: int) -> float:
    return load if reps == 1 else load * (1 + reps / 30)


def brzycki(load: float, reps: int) -> float | None:
    if reps >= 37:
        return None
    return load if reps == 1 else load * 36 / (37 - reps)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def where(logged: LoggedSet) -> dict[str, Any]:
    """Which file and line (or JSON path) a set came from."""
    spot: dict[str, Any] = {"file": logged.source_file}
    spot |= {"line": logged.source_line} if logged.source_line is not None else {
        "path": logged.source_path}
    return spot


def set_json(logged: LoggedSet) -> dict[str, Any]:
    """A set as the API shows it (load as logged, and in kilograms)."""
    return {"id": logged.id, "exercise": logged.exercise, "name": logged.name,
            "order": logged.order, "type": logged.type, "reps": logged.reps,
            "load": logged.load, "unit": logged.unit if logged.load is not None else None,
            "load_kg": _r(logged.load_kg), "distance_m": logged.distance_m,
            "duration_seconds": logged.duration_s, "rpe": logged.rpe, "rir": logged.rir,
            "superset": logged.superset, "notes": logged.notes, "source": where(logged)}


def session_json(session: Session, with_sets: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": session.id, "date": session.date, "start": session.start.isoformat(),
        "end": session.end.isoformat() if session.end else None, "title": session.title,
        "duration_seconds": session.duration_s, "notes": session.notes,
        "sets": len(session.sets)}
    if with_sets:
        body["sets"] = [set_json(s) for s in session.sets]
    return body


def progress(log: UserLog, exercise: str) -> list[dict[str, Any]]:
    """Per session that has working sets of exercise (a canonical slug), oldest first: the best
    set, its estimated maxima, and the volume load."""
    out = []
    for session, sets in log.of_exercise(exercise):
        working = [s for s in sets if s.type != "warmup"]
        if not working:
            continue
        # one pass (each set's load in kg computed once): 1,000 sessions in about 6 ms
        best: LoggedSet | None = None
        best_key = (0.0, 0.0)
        volume_load = 0.0
        for logged in working:
            kg, reps = logged.load_kg, logged.reps
            if kg and reps:
                volume_load += kg * reps
                key = (epley(kg, reps), kg)
                if best is None or key > best_key:  # the first of equals, as max() keeps
                    best, best_key = logged, key
        entry: dict[str, Any] = {
            "workout": session.id, "date": session.date, "working_sets": len(working),
            "volume_load_kg": _r(volume_load), "best_set": None, "e1rm_kg": None,
            "low_confidence": None}
        if best is not None:
            kg, reps = best_key[1], best.reps or 0
            entry |= {"best_set": set_json(best),
                      "e1rm_kg": {"epley": _r(best_key[0]), "brzycki": _r(brzycki(kg, reps))},
                      "low_confidence": reps > CONFIDENT_REPS}
        out.append(entry)
    return out


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def volume(log: UserLog, records: RecordSet, weeks: int, until: date | None = None
           ) -> dict[str, Any]:
    """Weekly sets per muscle group for the ``weeks`` ISO weeks ending with until's week."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise BadRequest(f"weeks must be from 1 to {MAX_WEEKS}, not {weeks}")
    if until is None:
        latest = max((s.start for s in log.sessions.values()), default=None)
        until = latest.date() if latest else date.today()
    last = _monday(until)
    first = last - timedelta(weeks=weeks - 1)
    counted: dict[date, dict[str, float]] = {first + timedelta(weeks=i): {} for i in range(weeks)}
    unknown: set[str] = set()
    roles = _roles_cache(records)
    for session in log.sessions.values():
        monday = _monday(session.start.date())
        if monday not in counted:
            continue
        week = counted[monday]
        for logged in session.sets:
            if logged.type == "warmup" or logged.exercise is None:
                continue
            found = roles.get(logged.exercise)
            if found is None:
                unknown.add(logged.exercise)
                continue
            for group, weight in found:
                week[group] = week.get(group, 0.0) + weight
    return {"weeks": [{"week": f"{m.isocalendar()[0]}-W{m.isocalendar()[1]:02d}",
                       "start": m.isoformat(),
                       "sets": dict(sorted(g.items(), key=lambda kv: (-kv[1], kv[0])))}
                      for m, g in sorted(counted.items())],
            "counting": {"primary": PRIMARY, "secondary": SECONDARY, "stabilizer": 0},
            "unknown_exercises": sorted(unknown)}


#: The newest record set and its exercise -> groups table (one record set per data
#: generation; holding it keeps its id from being reused by another).
_ROLES: list[tuple[RecordSet, dict[str, list[tuple[str, float]]]]] = []


def _roles_cache(records: RecordSet) -> dict[str, list[tuple[str, float]]]:
    """Exercise slug -> (muscle group, sets counted) for one record set, built once."""
    if _ROLES and _ROLES[0][0] is records:
        return _ROLES[0][1]
    table = {slug: exercise_groups(records, slug) for slug in records.records}
    _ROLES[:] = [(records, table)]
    return table


def exercise_groups(records: RecordSet, slug: str) -> list[tuple[str, float]]:
    """The muscle groups one set of an exercise counts for, and how much."""
    record = records.records[slug]
    group = records.group_of
    primary = {group.get(m, m) for m in record.muscle_ids("primary")}
    secondary = {group.get(m, m) for m in record.muscle_ids("secondary")} - primary
    return sorted([(g, PRIMARY) for g in primary] + [(g, SECONDARY) for g in secondary])
