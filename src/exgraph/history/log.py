"""The private store: every user's log, one named graph each, and the imports into it.

The history directory (setting HISTORY_DIR; unset: ``history/`` in the state directory) holds
``users.json`` and ``store/``, a pyoxigraph store on disk of its own. The public store, its
exports, its caches and /sparql never see it: only :class:`History` opens it, and only the
``/api/v1/me`` routes and ``exgraph log`` reach it, always for the one user a token names.

A user's graph is ``urn:exgraph:user:ID``; a session ``urn:exgraph:user:ID:session:SID`` (SID:
16 hex digits of its start and title), a set ``urn:exgraph:user:ID:set:XID`` (its session,
exercise as logged, type, order and numbers). The same row imported twice gets the same IRI, so
a re-import finds it there and adds nothing. Each user's log is read back once per change into
a :class:`UserLog` (a few hundred milliseconds for 30,000 sets) that progress and volume read.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from exgraph.errors import BadRequest, DataError, NotFound
from exgraph.graph.snapshots import state_dir
from exgraph.graph.store import Store
from exgraph.history.model import LoggedSet, Session
from exgraph.history.parse import parse
from exgraph.history.users import User, Users
from exgraph.records.lookup import Unresolved, resolve
from exgraph.vocab.terms import EXERCISE, EXG, SCHEMA

STORE_DIR = "store"
UNIT_IRI = {"kg": "http://qudt.org/vocab/unit/KiloGM", "lb": "http://qudt.org/vocab/unit/LB"}
TYPE_IRI = {"warmup": "WarmUpSet", "working": "WorkingSet", "drop": "DropSet",
            "failure": "FailureSet"}
#: ``Name (Qualifier)``: how Strong and Hevy name an exercise done with some equipment.
_QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _n(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


P = {name: _n(EXG[name]) for name in (
    "inSession", "exercise", "loggedName", "setOrder", "setType", "reps", "load", "loadUnit",
    "distanceMeters", "durationSeconds", "rpe", "rir", "superset", "sourceFile", "sourceLine",
    "sourcePath", "TrainingSession", "TrainingSet")}
S = {name: _n(SCHEMA[name]) for name in ("startTime", "endTime", "name", "description")}
_DEC = ox.NamedNode(_XSD + "decimal")
_INT = ox.NamedNode(_XSD + "integer")
_DT = ox.NamedNode(_XSD + "dateTime")
_UNIT_OF = {v: k for k, v in UNIT_IRI.items()}
_TYPE_OF = {str(EXG[v]): k for k, v in TYPE_IRI.items()}


def history_dir(setting: str | None, store_spec: str) -> Path:
    """The history directory: the setting HISTORY_DIR, else ``history/`` in the state
    directory of the public store (beside its snapshots and audit log)."""
    return Path(setting) if setting else state_dir(store_spec) / "history"


@dataclass
class UserLog:
    """A user's log as read back: sessions (with their sets, in order) and every set's id."""

    sessions: dict[str, Session] = field(default_factory=dict)
    set_ids: set[str] = field(default_factory=set)

    @property
    def sets(self) -> int:
        return len(self.set_ids)

    by_exercise: dict[str, list[tuple[Session, list[LoggedSet]]]] | None = None

    def of_exercise(self, slug: str) -> list[tuple[Session, list[LoggedSet]]]:
        """The sessions with sets of an exercise, oldest first, each with those sets: indexed
        once per read-back, so a progress request reads only its exercise's sets."""
        if self.by_exercise is None:
            index: dict[str, list[tuple[Session, list[LoggedSet]]]] = {}
            for session in sorted(self.sessions.values(), key=lambda s: (s.start, s.id)):
                mine: dict[str, list[LoggedSet]] = {}
                for logged in session.sets:
                    mine.setdefault(str(logged.exercise), []).append(logged)
                for exercise, sets in mine.items():
                    index.setdefault(exercise, []).append((session, sets))
            self.by_exercise = index
        return self.by_exercise.get(slug, [])

    def ordered(self) -> list[Session]:
        """Sessions, latest first."""
        return sorted(self.sessions.values(), key=lambda s: (s.start, s.id), reverse=True)


@dataclass
class Report:
    """What an import did with every row of a file."""

    file: str
    format: str
    rows: int
    imported: int = 0
    sessions: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    unmapped: list[dict[str, Any]] = field(default_factory=list)
    mapped: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        reasons = Counter(s["reason"] if not s["reason"].startswith("unmapped") else
                          "unmapped exercise name" for s in self.skipped)
        return {"file": self.file, "format": self.format, "rows": self.rows,
                "imported_sets": self.imported, "new_sessions": self.sessions,
                "skipped_rows": len(self.skipped), "skipped_by_reason": dict(sorted(
                    reasons.items())), "unmapped": self.unmapped, "mapped": self.mapped,
                "skipped": self.skipped}


class History:
    """The private store and users of one history directory (one per process: the on-disk
    store is locked by the process that opens it)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.users = Users(self.directory)
        self._store: ox.Store | None = None
        self._lock = threading.RLock()
        self._logs: dict[str, UserLog] = {}
        self._locks: dict[str, threading.RLock] = {}

    def _user_lock(self, user: User) -> threading.RLock:
        """One lock per user: a long import holds up that user's requests, nobody else's
        (pyoxigraph's store is safe to use from several threads)."""
        with self._lock:
            return self._locks.setdefault(user.id, threading.RLock())

    @property
    def store(self) -> ox.Store:
        with self._lock:
            if self._store is None:
                path = self.directory / STORE_DIR
                path.mkdir(parents=True, exist_ok=True)
                try:
                    self._store = ox.Store(str(path))
                except OSError as exc:
                    raise DataError(f"{path}: the history store cannot be opened ({exc}); is "
                                    "an exgraph serve using it? Import through POST "
                                    "/api/v1/me/imports then") from None
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.flush()
            self._store = None
            self._logs.clear()

    # Reading ----------------------------------------------------------------------------------

    def log(self, user: User) -> UserLog:
        """The user's log, read back once per change."""
        with self._user_lock(user):
            found = self._logs.get(user.id)
            if found is None:
                found = self._logs[user.id] = _read(self.store, user.id)
            return found

    def session(self, user: User, session_id: str) -> Session:
        """One of the user's sessions; NotFound for any other id (another user's too)."""
        found = self.log(user).sessions.get(session_id)
        if found is None:
            raise NotFound(f"no workout {session_id!r} in your log")
        return found

    def export(self, user: User, fmt: str) -> bytes:
        """The user's whole graph: N-Quads (``nquads``) or JSON-LD (``jsonld``)."""
        graph = _n(graph_iri(user.id))
        with self._user_lock(user):
            quads = list(self.store.quads_for_pattern(None, None, None, graph))
        if fmt == "nquads":
            return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.JSON_LD) or b"[]"

    # Writing ----------------------------------------------------------------------------------

    def add_sessions(self, user: User, sessions: Iterable[Session]) -> tuple[int, int, list[
            LoggedSet]]:
        """Write the sets of sessions not yet in the user's log (every set mapped: its
        ``exercise`` set). Returns (sets added, sessions added, sets already there)."""
        with self._user_lock(user):
            log = self.log(user)
            quads: list[ox.Quad] = []
            graph = _n(graph_iri(user.id))
            added = new_sessions = 0
            present: list[LoggedSet] = []
            written: list[tuple[Session, list[LoggedSet]]] = []
            for session in sessions:
                fresh = session.id not in log.sessions
                kept: list[LoggedSet] = []
                seen: set[str] = set()
                for logged in session.sets:
                    logged.id = logged.key(session.id)
                    if logged.id in log.set_ids or logged.id in seen:
                        present.append(logged)
                        continue
                    seen.add(logged.id)
                    kept.append(logged)
                if not kept:
                    continue
                if fresh:
                    quads += _session_quads(user.id, session, graph)
                    new_sessions += 1
                for logged in kept:
                    quads += _set_quads(user.id, session.id, logged, graph)
                added += len(kept)
                written.append((session, kept))
            if quads:
                self.store.extend(quads)
                self.store.flush()
                _remember(log, written)
            return added, new_sessions, present

    def delete_session(self, user: User, session_id: str) -> int:
        """Remove a session and its sets; returns the sets removed. NotFound when the user has
        no such session."""
        with self._user_lock(user):
            session = self.session(user, session_id)
            graph = _n(graph_iri(user.id))
            subjects = [_n(set_iri(user.id, s.id)) for s in session.sets]
            subjects.append(_n(session_iri(user.id, session_id)))
            for subject in subjects:
                for quad in list(self.store.quads_for_pattern(subject, None, None, graph)):
                    self.store.remove(quad)
            self.store.flush()
            self._logs.pop(user.id, None)
            return len(session.sets)

    def delete_user(self, user: User) -> None:
        """Remove the user's graph, then the user (its token stops working)."""
        with self._user_lock(user):
            graph = _n(graph_iri(user.id))
            if self.store.contains_named_graph(graph):
                self.store.remove_graph(graph)
                self.store.flush()
            self._logs.pop(user.id, None)
            self.users.remove(user.name)

    def import_file(self, user: User, data: bytes, file: str, public: Store, *,
                    fmt: str = "auto", unit: str = "kg",
                    mapping: Mapping[str, str] | None = None,
                    max_rows: int = 200_000) -> Report:
        """Import an export into the user's log: every row imported or skipped with its reason.
        Names map through ``mapping`` (name as logged -> slug, alias, IRI or name) first, then
        through the one lookup. Raises BadRequest (file, line) when the file cannot be read at
        all; then nothing changes."""
        parsed = parse(data, file, fmt, unit, max_rows)
        report = Report(file, parsed.format, parsed.rows, skipped=list(parsed.skipped))
        mapper = Mapper(public, mapping or {})
        for session in parsed.sessions.values():
            kept = []
            for logged in session.sets:
                logged.exercise = mapper.slug(logged.name)
                if logged.exercise is None:
                    report.skipped.append(_where(logged) | {
                        "reason": f"unmapped exercise name {logged.name!r}"})
                else:
                    kept.append(logged)
            session.sets = kept
        report.imported, report.sessions, present = self.add_sessions(
            user, parsed.sessions.values())
        report.skipped += [_where(s) | {"reason": "already in the log"} for s in present]
        report.skipped.sort(key=lambda s: (s.get("line") or 0, s.get("path") or ""))
        report.unmapped, report.mapped = mapper.unmapped(), mapper.mapped()
        return report


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
        (``Bench Press``): each through the one lookup. How each name mapped is reported."""
        key = name.lower()
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


def graph_iri(uid: str) -> str:
    return f"urn:exgraph:user:{uid}"


def session_iri(uid: str, sid: str) -> str:
    return f"urn:exgraph:user:{uid}:session:{sid}"


def set_iri(uid: str, xid: str) -> str:
    return f"urn:exgraph:user:{uid}:set:{xid}"


def _where(logged: LoggedSet) -> dict[str, Any]:
    return {"line": logged.source_line} if logged.source_line is not None else {
        "path": logged.source_path}


def _dec(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.6f}".rstrip("0").rstrip(".") or "0", datatype=_DEC)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INT)


def _time(value: datetime) -> ox.Literal:
    return ox.Literal(value.isoformat(timespec="seconds"), datatype=_DT)


def _session_quads(uid: str, session: Session, graph: ox.NamedNode) -> list[ox.Quad]:
    s = _n(session_iri(uid, session.id))
    out: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (_RDF_TYPE, P["TrainingSession"]), (S["startTime"], _time(session.start))]
    if session.end:
        out.append((S["endTime"], _time(session.end)))
    if session.duration_s is not None:
        out.append((P["durationSeconds"], _dec(session.duration_s)))
    if session.title:
        out.append((S["name"], ox.Literal(session.title)))
    if session.notes:
        out.append((S["description"], ox.Literal(session.notes)))
    first = session.sets[0] if session.sets else None
    if first is not None:
        out.append((P["sourceFile"], ox.Literal(first.source_file)))
    return [ox.Quad(s, p, o, graph) for p, o in out]


_OPTIONAL: tuple[tuple[str, Callable[[Any], ox.Literal]], ...] = (
    ("reps", _int), ("distance_m", _dec), ("duration_s", _dec), ("rpe", _dec), ("rir", _dec))
_PROP = {"reps": "reps", "distance_m": "distanceMeters", "duration_s": "durationSeconds",
         "rpe": "rpe", "rir": "rir"}


_TYPE_NODE = {k: _n(EXG[v]) for k, v in TYPE_IRI.items()}
_UNIT_NODE = {k: _n(v) for k, v in UNIT_IRI.items()}


@functools.lru_cache(maxsize=4096)
def _exercise_node(slug: str) -> ox.NamedNode:
    return _n(EXERCISE[slug])


def _set_quads(uid: str, sid: str, logged: LoggedSet, graph: ox.NamedNode) -> list[ox.Quad]:
    s = _n(set_iri(uid, logged.id))
    out: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (_RDF_TYPE, P["TrainingSet"]), (P["inSession"], _n(session_iri(uid, sid))),
        (P["exercise"], _exercise_node(str(logged.exercise))),
        (P["loggedName"], ox.Literal(logged.name)), (P["setOrder"], _int(logged.order)),
        (P["setType"], _TYPE_NODE[logged.type]),
        (P["sourceFile"], ox.Literal(logged.source_file))]
    out.append((P["sourceLine"], _int(logged.source_line)) if logged.source_line is not None
               else (P["sourcePath"], ox.Literal(str(logged.source_path))))
    if logged.load is not None:
        out += [(P["load"], _dec(logged.load)), (P["loadUnit"], _UNIT_NODE[logged.unit])]
    for attr, literal in _OPTIONAL:
        value = getattr(logged, attr)
        if value is not None:
            out.append((P[_PROP[attr]], literal(value)))
    if logged.superset:
        out.append((P["superset"], ox.Literal(logged.superset)))
    if logged.notes:
        out.append((S["description"], ox.Literal(logged.notes)))
    return [ox.Quad(s, p, o, graph) for p, o in out]


def _set_order(logged: LoggedSet) -> tuple[int, str, int]:
    return (logged.source_line or 0, logged.source_path or "", logged.order)


def _remember(log: UserLog, written: list[tuple[Session, list[LoggedSet]]]) -> None:
    """Add what was just written to the log read back, as reading it again would (tests check
    both agree): an import does not pay for reading the whole log again."""
    for session, kept in written:
        if session.id in log.sessions:
            log.sessions[session.id].sets.extend(kept)
            log.sessions[session.id].sets.sort(key=_set_order)
        else:
            log.sessions[session.id] = dataclasses.replace(
                session, sets=sorted(kept, key=_set_order))
        log.set_ids.update(k.id for k in kept)
    log.by_exercise = None


def _read(store: ox.Store, uid: str) -> UserLog:
    """A user's log from its graph: one pass over its quads, grouped by subject."""
    subjects: dict[str, dict[str, Any]] = {}
    for quad in store.quads_for_pattern(None, None, None, _n(graph_iri(uid))):
        if isinstance(quad.subject, ox.NamedNode):  # every subject is an IRI minted here
            subjects.setdefault(quad.subject.value, {})[quad.predicate.value] = quad.object
    log = UserLog()
    sets: list[tuple[str, LoggedSet]] = []
    for iri, props in subjects.items():
        kind = props.get(str(_RDF_TYPE.value))
        if kind is not None and kind.value == str(EXG.TrainingSession):
            sid = iri.rsplit(":", 1)[1]
            log.sessions[sid] = _session_of(sid, props)
        elif kind is not None and kind.value == str(EXG.TrainingSet):
            sets.append((props[str(EXG.inSession)].value.rsplit(":", 1)[1],
                         _set_of(iri.rsplit(":", 1)[1], props)))
    for sid, logged in sets:
        if sid in log.sessions:
            log.sessions[sid].sets.append(logged)
            log.set_ids.add(logged.id)
    for session in log.sessions.values():
        session.sets.sort(key=_set_order)
    return log


def _value(props: dict[str, Any], prop: str, cast: Callable[[str], Any]) -> Any:
    found = props.get(str(EXG[prop]))
    return None if found is None else cast(found.value)


def _text(props: dict[str, Any], prop: str) -> str | None:
    found = props.get(str(SCHEMA[prop]))
    return None if found is None else str(found.value)


def _session_of(sid: str, props: dict[str, Any]) -> Session:
    end = _text(props, "endTime")
    return Session(start=datetime.fromisoformat(str(_text(props, "startTime"))),
                   title=_text(props, "name"), end=datetime.fromisoformat(end) if end else None,
                   duration_s=_value(props, "durationSeconds", float),
                   notes=_text(props, "description"), id=sid)


def _set_of(xid: str, props: dict[str, Any]) -> LoggedSet:
    unit = props.get(str(EXG.loadUnit))
    return LoggedSet(
        name=_value(props, "loggedName", str), order=_value(props, "setOrder", int),
        type=_TYPE_OF[props[str(EXG.setType)].value], reps=_value(props, "reps", int),
        load=_value(props, "load", float), unit=_UNIT_OF[unit.value] if unit else "kg",
        distance_m=_value(props, "distanceMeters", float),
        duration_s=_value(props, "durationSeconds", float), rpe=_value(props, "rpe", float),
        rir=_value(props, "rir", float), superset=_value(props, "superset", str),
        notes=_text(props, "description"),
        exercise=props[str(EXG.exercise)].value.removeprefix(str(EXERCISE)),
        source_file=_value(props, "sourceFile", str) or "",
        source_line=_value(props, "sourceLine", int), source_path=_value(props, "sourcePath", str),
        id=xid)
