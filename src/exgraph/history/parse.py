"""Reading a lifter's export: Strong CSV, Hevy CSV and exgraph's own JSON -> sessions of sets.

Every data row ends up in exactly one place: a set of a session, or :attr:`Parsed.skipped`
with its line and the reason (a rest timer, an empty set, a date that does not parse...).
Nothing here knows exercises: mapping names to the graph is the import's job
(:mod:`exgraph.history.log`).

What each format says, and what it leaves to the user:

* **Strong** (``Date, Workout Name, Duration, Exercise Name, Set Order, Weight, Reps,
  Distance, Seconds, Notes, Workout Notes, RPE``): ``Set Order`` is a number, ``W`` (warm-up),
  ``D`` (drop), ``F`` (failure) or ``Rest Timer`` (a rest between sets, not a set: skipped).
  The file does not say its unit: a ``Weight Unit`` column wins, else the caller's ``unit``
  (kg unless told); distance is km with kg and miles with lb, as Strong shows it.
* **Hevy** (``title, start_time, end_time, description, exercise_title, superset_id,
  exercise_notes, set_index, set_type, weight_kg | weight_lbs, reps, distance_km |
  distance_miles, duration_seconds, rpe``): ``set_index`` counts from 0; the unit is in the
  column names; ``set_type`` is normal, warmup, dropset or failure.
* **exgraph JSON** (``{"format": "exgraph-log", "version": 1, "sessions": [...]}``, see
  docs/history.md): the project's own, and the body of ``POST /api/v1/me/workouts``.
* **wger** workout log JSON (the REST API's ``/api/v2/workoutlog/`` pages or a Django dump):
  exercise ids, mapped through the wger import by :mod:`exgraph.history.log`; see
  :func:`_wger`.

Both number styles parse (``62.5`` and ``62,5``; ``1,234.5`` and ``1.234,5``), and both
timestamp styles: ISO 8601 (``2024-01-05 18:30:00``, Strong) and Hevy's ``5 Jan 2024, 18:30``.
A semicolon-separated CSV (what a spreadsheet in a decimal-comma locale writes) is read as such.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from exgraph.errors import BadRequest
from exgraph.history.model import KG_PER_LB, SET_TYPES, UNITS, LoggedSet, Session
from exgraph.history.values import (
    RowError,
    checked_set,
    duration_cell,
    int_cell,
    json_number,
    json_str,
    name_cell,
    number_cell,
    rpe_cell,
    text_cell,
    time_cell,
)

FORMATS = ("strong", "hevy", "exgraph", "wger")
STRONG_COLUMNS = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps")
HEVY_COLUMNS = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
#: Most sets one JSON session may carry.
MAX_SESSION_SETS = 2000
M_PER_KM = 1000.0
M_PER_MILE = 1609.344

_STRONG_TYPES = {"W": "warmup", "D": "drop", "F": "failure"}
_HEVY_TYPES = {"normal": "working", "warmup": "warmup", "dropset": "drop", "failure": "failure"}



@dataclass
class Parsed:
    """What a file held: its format, sessions by id, and the rows skipped (line, reason)."""

    file: str
    format: str
    rows: int = 0
    sessions: dict[str, Session] = field(default_factory=dict)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    #: The session of each distinct tuple of session cells: a session's rows repeat them, so
    #: its time, title and duration are parsed once, not once a row (a third of an import).
    by_cells: dict[tuple[str | None, ...], Session] = field(default_factory=dict)

    def skip(self, where: int | str, reason: str) -> None:
        key = "line" if isinstance(where, int) else "path"
        self.skipped.append({key: where, "reason": reason})

    def session(self, found: Session) -> Session:
        """The session already read with found's identity, or found itself (now kept)."""
        found.id = found.key()
        return self.sessions.setdefault(found.id, found)

    @property
    def sets(self) -> int:
        return sum(len(s.sets) for s in self.sessions.values())


def detect(data: bytes) -> str:
    """strong, hevy or exgraph, from the first bytes; BadRequest when it is none of them."""
    head = data[:4096].decode("utf-8-sig", errors="replace").lstrip()
    if head.startswith("[") or (head.startswith("{") and '"exgraph-log"' not in head
                                and ('"results"' in head or "workoutlog" in head)):
        return "wger"
    if head.startswith("{"):
        return "exgraph"
    first = head.splitlines()[0] if head else ""
    if "Workout Name" in first and "Exercise Name" in first:
        return "strong"
    if "exercise_title" in first and "start_time" in first:
        return "hevy"
    raise BadRequest("line 1: not a Strong CSV, a Hevy CSV, a wger log or exgraph JSON (its "
                     "header names neither 'Workout Name' and 'Exercise Name' nor "
                     "'exercise_title' and 'start_time')")


def parse(data: bytes, file: str, fmt: str = "auto", unit: str = "kg",
          max_rows: int = 200_000) -> Parsed:
    """The sessions of an export. Raises BadRequest naming the file (and line) when the file
    is no export, is not UTF-8 or holds more than max_rows rows: then nothing is imported."""
    if unit not in UNITS:
        raise BadRequest(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    try:
        fmt = detect(data) if fmt == "auto" else fmt
        if fmt not in FORMATS:
            raise BadRequest(f"format must be auto or one of {', '.join(FORMATS)}, not {fmt!r}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadRequest(f"byte {exc.start}: not UTF-8 text") from None
        parsed = Parsed(file, fmt)
        if fmt == "exgraph":
            _exgraph(parsed, text, max_rows)
        elif fmt == "wger":
            _wger(parsed, text, max_rows)
        else:
            _csv(parsed, text, unit, max_rows)
        return parsed
    except BadRequest as exc:
        raise BadRequest(f"{file}: {exc}") from None


# CSV ------------------------------------------------------------------------------------------

def _rows(text: str, max_rows: int, required: tuple[str, ...] = (),
          fmt: str = "") -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, row) of each data row; the header is line 1 and must hold the required
    columns (checked before any row: a file of a header alone is checked too)."""
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise BadRequest("line 1: the file is empty") from None
    except csv.Error as exc:
        raise BadRequest(f"line 1: {exc}") from None
    _require(dict.fromkeys(header, ""), required, fmt)
    count = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BadRequest(f"line {line}: {exc}") from None
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > max_rows:
            raise BadRequest(f"line {line}: more than {max_rows} rows (EXGRAPH_MAX_LOG_ROWS)")
        yield line, dict(zip(header, cells, strict=False))


def _require(row: dict[str, str], columns: tuple[str, ...], fmt: str) -> None:
    missing = [c for c in columns if c not in row]
    if missing:
        raise BadRequest(f"line 1: a {fmt} CSV needs the columns {', '.join(missing)}")


def _csv(parsed: Parsed, text: str, unit: str, max_rows: int) -> None:
    orders: dict[tuple[str, str], int] = {}
    strong = parsed.format == "strong"
    for line, row in _rows(text, max_rows, STRONG_COLUMNS if strong else HEVY_COLUMNS,
                           parsed.format.capitalize()):
        parsed.rows += 1
        try:
            if parsed.format == "strong":
                found = _strong_row(parsed, row, unit)
            else:
                found = _hevy_row(parsed, row)
        except RowError as exc:
            parsed.skip(line, str(exc))
            continue
        if found is None:
            parsed.skip(line, "a rest timer between sets, not a set")
            continue
        session, logged = found
        logged.source_file, logged.source_line = parsed.file, line
        position = (session.id, logged.name.lower())
        orders[position] = orders.get(position, 0) + 1
        if logged.order == 0:  # Strong: the position among the exercise's rows in the session
            logged.order = orders[position]
        session.sets.append(logged)


def _strong_row(parsed: Parsed, row: dict[str, str], default_unit: str
                ) -> tuple[Session, LoggedSet] | None:
    order = row.get("Set Order", "").strip()
    if order.lower().replace(" ", "") == "resttimer":
        return None
    name = name_cell(row.get("Exercise Name"))
    unit = (row.get("Weight Unit") or default_unit).strip().lower().removesuffix("s")
    if unit not in UNITS:
        raise RowError(f"weight unit {unit!r}: give kg or lb")
    if order.upper() in _STRONG_TYPES:
        kind = _STRONG_TYPES[order.upper()]
    elif order.isdigit():
        kind = "working"
    else:
        raise RowError(f"Set Order {order!r}: a number, W, D, F or Rest Timer")
    cells = (row.get("Date"), row.get("Workout Name"), row.get("Duration"),
             row.get("Workout Notes"))
    session = parsed.by_cells.get(cells)
    if session is None:
        session = parsed.by_cells[cells] = parsed.session(Session(
            start=time_cell(row.get("Date"), "Date"), title=text_cell(row.get("Workout Name")),
            duration_s=duration_cell(row.get("Duration")),
            notes=text_cell(row.get("Workout Notes"))))
    distance = number_cell(row.get("Distance"), "Distance")
    logged = LoggedSet(
        name=name, order=0, type=kind, reps=int_cell(row.get("Reps"), "Reps"),
        load=number_cell(row.get("Weight"), "Weight"), unit=unit,
        distance_m=None if distance is None else distance * (
            M_PER_KM if unit == "kg" else M_PER_MILE),
        duration_s=number_cell(row.get("Seconds"), "Seconds"), rpe=rpe_cell(row.get("RPE")),
        notes=text_cell(row.get("Notes")))
    return session, checked_set(logged)


def _hevy_row(parsed: Parsed, row: dict[str, str]) -> tuple[Session, LoggedSet]:
    name = name_cell(row.get("exercise_title"))
    kind = _HEVY_TYPES.get((row.get("set_type") or "normal").strip().lower())
    if kind is None:
        raise RowError(f"set_type {row.get('set_type')!r}: normal, warmup, dropset or failure")
    index = int_cell(row.get("set_index"), "set_index")
    if index is None:
        raise RowError("set_index is empty")
    cells = (row.get("start_time"), row.get("end_time"), row.get("title"),
             row.get("description"))
    session = parsed.by_cells.get(cells)
    if session is None:
        start = time_cell(row.get("start_time"), "start_time")
        end = time_cell(row.get("end_time"), "end_time") if (row.get("end_time") or "").strip() \
            else None
        session = parsed.by_cells[cells] = parsed.session(Session(
            start=start, end=end, title=text_cell(row.get("title")),
            notes=text_cell(row.get("description")),
            duration_s=(end - start).total_seconds() if end and end > start else None))
    unit, load = ("lb", number_cell(row.get("weight_lbs"), "weight_lbs")) if "weight_lbs" in row \
        else ("kg", number_cell(row.get("weight_kg"), "weight_kg"))
    km = number_cell(row.get("distance_km"), "distance_km")
    miles = number_cell(row.get("distance_miles"), "distance_miles")
    logged = LoggedSet(
        name=name, order=index + 1, type=kind, reps=int_cell(row.get("reps"), "reps"), load=load,
        unit=unit, distance_m=km * M_PER_KM if km is not None else (
            miles * M_PER_MILE if miles is not None else None),
        duration_s=number_cell(row.get("duration_seconds"), "duration_seconds"),
        rpe=rpe_cell(row.get("rpe")), superset=text_cell(row.get("superset_id")),
        notes=text_cell(row.get("exercise_notes")))
    return session, checked_set(logged)


# exgraph JSON ---------------------------------------------------------------------------------

def _exgraph(parsed: Parsed, text: str, max_rows: int) -> None:
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BadRequest(f"not JSON: {exc}") from None
    if not isinstance(body, dict) or body.get("format") != "exgraph-log" \
            or not isinstance(body.get("sessions"), list):
        raise BadRequest('exgraph JSON is an object {"format": "exgraph-log", "version": 1, '
                         '"sessions": [...]}')
    for i, item in enumerate(body["sessions"]):
        where = f"/sessions/{i}"
        try:
            session = session_from_json(item, parsed.file, where)
        except RowError as exc:
            parsed.rows += 1
            parsed.skip(where, str(exc))
            continue
        parsed.rows += len(session.sets) or 1
        if parsed.rows > max_rows:
            raise BadRequest(f"{where}: more than {max_rows} sets (EXGRAPH_MAX_LOG_ROWS)")
        kept = parsed.session(session)
        if kept is not session:
            kept.sets.extend(session.sets)


# wger workout log ---------------------------------------------------------------------------

#: wger's weight units (core fixture weight_units.json): 1 kg, 2 lb; the others (plates,
#: kilometres per hour...) are no load.
WGER_WEIGHT_UNITS = {1: "kg", 2: "lb"}
#: wger's repetition units (core fixture repetition_units.json) -> what the number is.
WGER_REP_UNITS = {1: "reps", 2: "failure", 3: "seconds", 4: "minutes", 5: "miles",
                  6: "kilometres"}
#: The name a wger-logged set carries until its exercise id is mapped (``wger exercise 9``).
WGER_NAME = "wger exercise {}"


def _wger(parsed: Parsed, text: str, max_rows: int) -> None:
    """wger's workout log: the REST API's pages (``{"results": [...]}``, or a list of their
    entries) or a Django dump (``[{"model": "manager.workoutlog", "pk": 1, "fields": {...}}]``,
    other models skipped). Fields, old and new wger: ``exercise`` or ``exercise_base`` (the
    exercise id), ``date`` (a date or a time), ``session`` (the workout session id),
    ``repetitions`` or ``reps``, ``repetitions_unit`` (1 reps, 2 until failure, 3 seconds, 4
    minutes, 5 miles, 6 kilometres), ``weight``, ``weight_unit`` (1 kg, 2 lb; missing: kg),
    ``rir``. The entries of one session id (else of one day) are one session; a set's order is
    its place among that exercise's entries of the session, by id. Every entry keeps its JSON
    pointer (``/results/3``)."""
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BadRequest(f"not JSON: {exc}") from None
    base = ""
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        body, base = body["results"], "/results"
    if not isinstance(body, list):
        raise BadRequest('a wger workout log is a list of log entries, {"results": [...]} '
                         "(the API's page) or a Django dump of manager.workoutlog")
    if len(body) > max_rows:
        raise BadRequest(f"{base}/{max_rows}: more than {max_rows} entries "
                         "(EXGRAPH_MAX_LOG_ROWS)")
    entries: list[tuple[int, str, dict[str, Any], datetime, str]] = []
    for i, item in enumerate(body):
        where = f"{base}/{i}"
        parsed.rows += 1
        try:
            if not isinstance(item, dict):
                raise RowError("a log entry is a JSON object")
            if "model" in item:
                if item["model"] != "manager.workoutlog":
                    raise RowError(f"a {str(item['model'])[:40]} record, not a workout log")
                fields = item.get("fields")
                if not isinstance(fields, dict):
                    raise RowError("fields: a JSON object")
                fields = {**fields, "id": item.get("pk")}
            else:
                fields = item
            when = time_cell(json_str(fields.get("date")), "date")
            session = fields.get("session")
            group = f"session {session}" if isinstance(session, int) else when.date().isoformat()
            key = fields.get("id")
            entries.append((key if isinstance(key, int) else i, where, fields, when, group))
        except RowError as exc:
            parsed.skip(where, str(exc))
    sessions: dict[str, Session] = {}
    orders: dict[tuple[str, str], int] = {}
    for _key, where, fields, when, group in sorted(entries, key=lambda e: (e[3], e[0])):
        try:
            logged = _wger_set(fields)
        except RowError as exc:
            parsed.skip(where, str(exc))
            continue
        session = sessions.get(group)
        if session is None:  # the earliest entry's time starts it (entries sorted by time)
            session = sessions[group] = parsed.session(Session(
                start=when,
                title=f"wger {group}" if group.startswith("session") else "wger workout"))
        position = (session.id, logged.name)
        orders[position] = logged.order = orders.get(position, 0) + 1
        logged.source_file, logged.source_path = parsed.file, where
        session.sets.append(logged)


def _wger_set(fields: dict[str, Any]) -> LoggedSet:
    exercise = fields.get("exercise", fields.get("exercise_base"))
    if isinstance(exercise, dict):  # an expanded exercise object
        exercise = exercise.get("id")
    if not isinstance(exercise, int) or isinstance(exercise, bool):
        raise RowError("exercise: the wger exercise id (a whole number)")
    rep_unit = fields.get("repetitions_unit", fields.get("repetition_unit")) or 1
    what = WGER_REP_UNITS.get(rep_unit) if isinstance(rep_unit, int) else None
    if what is None:
        raise RowError(f"repetitions_unit {str(rep_unit)[:20]!r}: 1 to 6 (reps, until failure, "
                       "seconds, minutes, miles, kilometres)")
    amount = json_number({"repetitions": fields.get("repetitions", fields.get("reps"))},
                          "repetitions")
    weight_unit = fields.get("weight_unit") or 1
    unit = WGER_WEIGHT_UNITS.get(weight_unit) if isinstance(weight_unit, int) else None
    weight = json_number(fields, "weight")
    if unit is None and weight:
        raise RowError(f"weight_unit {str(weight_unit)[:20]!r}: a load in kg (1) or lb (2)")
    logged = LoggedSet(name=WGER_NAME.format(exercise), order=0,
                       type="failure" if what == "failure" else "working",
                       load=weight if weight else None, unit=unit or "kg",
                       rir=json_number(fields, "rir"))
    if not amount and not weight:
        raise RowError("an empty set: no reps, weight, distance or time")
    if amount is not None:
        if what in ("reps", "failure"):
            if amount != int(amount):
                raise RowError(f"repetitions {amount:g} is not a whole number")
            logged.reps = int(amount)
        elif what in ("seconds", "minutes"):
            logged.duration_s = amount * (60 if what == "minutes" else 1)
        else:
            logged.distance_m = amount * (M_PER_MILE if what == "miles" else M_PER_KM)
    return checked_set(logged)


def session_from_json(item: Any, file: str = "request", where: str = "") -> Session:
    """A session from its JSON object (exgraph's format, and the body of POST
    /api/v1/me/workouts). Raises RowError naming the field."""
    if not isinstance(item, dict):
        raise RowError("a session is a JSON object")
    sets = item.get("sets")
    if not isinstance(sets, list) or not sets or len(sets) > MAX_SESSION_SETS:
        raise RowError(f"sets: a list of 1 to {MAX_SESSION_SETS} sets")
    start = time_cell(json_str(item.get("start")), "start")
    end = time_cell(json_str(item["end"]), "end") if item.get("end") else None
    session = Session(start=start, end=end, title=text_cell(json_str(item.get("title"))),
                      duration_s=json_number(item, "duration_seconds"),
                      notes=text_cell(json_str(item.get("notes"))))
    session.id = session.key()
    orders: dict[str, int] = {}
    for j, raw in enumerate(sets):
        if not isinstance(raw, dict):
            raise RowError(f"sets/{j}: a set is a JSON object")
        try:
            logged = _json_set(raw)
        except RowError as exc:
            raise RowError(f"sets/{j}: {exc}") from None
        orders[logged.name.lower()] = orders.get(logged.name.lower(), 0) + 1
        logged.order = logged.order or orders[logged.name.lower()]
        logged.source_file, logged.source_path = file, f"{where}/sets/{j}"
        session.sets.append(logged)
    return session


def _json_set(raw: dict[str, Any]) -> LoggedSet:
    kind = raw.get("type", "working")
    if kind not in SET_TYPES:
        raise RowError(f"type {kind!r}: one of {', '.join(SET_TYPES)}")
    unit = raw.get("unit", "kg")
    if unit not in UNITS:
        raise RowError(f"unit {unit!r}: kg or lb")
    order = raw.get("order", 0)
    if not isinstance(order, int) or isinstance(order, bool) or not 0 <= order <= 1000:
        raise RowError("order: a whole number from 1 to 1000")
    reps = json_number(raw, "reps")
    if reps is not None and reps != int(reps):
        raise RowError(f"reps {reps}: a whole number")
    return checked_set(LoggedSet(
        name=name_cell(json_str(raw.get("exercise"))), order=order, type=kind,
        reps=None if reps is None else int(reps), load=json_number(raw, "load"), unit=unit,
        distance_m=json_number(raw, "distance_m"),
        duration_s=json_number(raw, "duration_seconds"), rpe=json_number(raw, "rpe"),
        rir=json_number(raw, "rir"), superset=text_cell(json_str(raw.get("superset"))),
        notes=text_cell(json_str(raw.get("notes")))))


__all__ = ["FORMATS", "KG_PER_LB", "Parsed", "RowError", "detect", "parse", "session_from_json"]
