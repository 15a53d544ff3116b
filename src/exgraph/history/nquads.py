"""A user's log as N-Quads lines: one named graph per user, written a session at a time and
read back whole lines only (another process may be appending)."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from exgraph.errors import DataError
from exgraph.history.model import LoggedSet, Session
from exgraph.vocab.terms import EXERCISE, EXG, SCHEMA

UNIT_IRI = {"kg": "http://qudt.org/vocab/unit/KiloGM", "lb": "http://qudt.org/vocab/unit/LB"}
TYPE_IRI = {"warmup": "WarmUpSet", "working": "WorkingSet", "drop": "DropSet",
            "failure": "FailureSet"}
_XSD = "http://www.w3.org/2001/XMLSchema#"


_UNIT_OF = {v: k for k, v in UNIT_IRI.items()}
_TYPE_OF = {str(EXG[v]): k for k, v in TYPE_IRI.items()}



@dataclass
class UserLog:
    """A user's log as read back: sessions (with their sets, in order) and every set's id."""

    sessions: dict[str, Session] = field(default_factory=dict)
    set_ids: set[str] = field(default_factory=set)

    @property
    def sets(self) -> int:
        return len(self.set_ids)

    by_exercise: dict[str, list[tuple[Session, list[LoggedSet]]]] | None = None
    #: Answers computed from this generation of the log (progress per exercise, volume...):
    #: emptied by every change, so a summary is computed once per change, not per request.
    summaries: dict[Any, Any] = field(default_factory=dict)

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



def graph_iri(uid: str) -> str:
    return f"urn:exgraph:user:{uid}"


def session_iri(uid: str, sid: str) -> str:
    return f"urn:exgraph:user:{uid}:session:{sid}"


def set_iri(uid: str, xid: str) -> str:
    return f"urn:exgraph:user:{uid}:set:{xid}"


def where_of(logged: LoggedSet) -> dict[str, Any]:
    return {"line": logged.source_line} if logged.source_line is not None else {
        "path": logged.source_path}


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _str(value: str) -> str:
    """An xsd:string literal in N-Quads (backslash, quote and line breaks escaped)."""
    return f'"{value.translate(_ESCAPES)}"'


@functools.lru_cache(maxsize=8192)
def _dec(value: float) -> str:
    return f'"{f"{value:.6f}".rstrip("0").rstrip(".") or "0"}"^^<{_XSD}decimal>'


@functools.lru_cache(maxsize=8192)
def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


def _time(value: datetime) -> str:
    return f'"{value.isoformat(timespec="seconds")}"^^<{_XSD}dateTime>'


def _iri(term: str) -> str:
    return f"<{term}>"


P = {name: _iri(str(EXG[name])) for name in (
    "inSession", "exercise", "loggedName", "setOrder", "setType", "reps", "load", "loadUnit",
    "distanceMeters", "durationSeconds", "rpe", "rir", "superset", "sourceFile", "sourceLine",
    "sourcePath", "TrainingSession", "TrainingSet")}
S = {name: _iri(str(SCHEMA[name])) for name in ("startTime", "endTime", "name", "description")}
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def session_lines(uid: str, session: Session, graph: str) -> list[str]:
    """The session's quads as N-Quads lines (graph: ``<IRI> .`` and the line break)."""
    out = [(_RDF_TYPE, P["TrainingSession"]), (S["startTime"], _time(session.start))]
    if session.end:
        out.append((S["endTime"], _time(session.end)))
    if session.duration_s is not None:
        out.append((P["durationSeconds"], _dec(session.duration_s)))
    if session.title:
        out.append((S["name"], _str(session.title)))
    if session.notes:
        out.append((S["description"], _str(session.notes)))
    first = session.sets[0] if session.sets else None
    if first is not None:
        out.append((P["sourceFile"], _str(first.source_file)))
    s = _iri(session_iri(uid, session.id))
    return [f"{s} {p} {o} {graph}" for p, o in out]


_OPTIONAL: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("reps", "reps", _int), ("distance_m", "distanceMeters", _dec),
    ("duration_s", "durationSeconds", _dec), ("rpe", "rpe", _dec), ("rir", "rir", _dec))
_TYPE_NODE = {k: _iri(str(EXG[v])) for k, v in TYPE_IRI.items()}
_UNIT_NODE = {k: _iri(v) for k, v in UNIT_IRI.items()}


@functools.lru_cache(maxsize=4096)
def _exercise_node(slug: str) -> str:
    return _iri(str(EXERCISE[slug]))


@functools.lru_cache(maxsize=1024)
def _cached_str(value: str) -> str:
    return _str(value)


def set_lines(uid: str, sid: str, logged: LoggedSet, graph: str) -> list[str]:
    """A set's quads as N-Quads lines: every set keeps its file and line (or JSON path)."""
    out = [(_RDF_TYPE, P["TrainingSet"]), (P["inSession"], _iri(session_iri(uid, sid))),
           (P["exercise"], _exercise_node(str(logged.exercise))),
           (P["loggedName"], _cached_str(logged.name)), (P["setOrder"], _int(logged.order)),
           (P["setType"], _TYPE_NODE[logged.type]),
           (P["sourceFile"], _cached_str(logged.source_file))]
    out.append((P["sourceLine"], _int(logged.source_line)) if logged.source_line is not None
               else (P["sourcePath"], _str(str(logged.source_path))))
    if logged.load is not None:
        out += [(P["load"], _dec(logged.load)), (P["loadUnit"], _UNIT_NODE[logged.unit])]
    for attr, prop, literal in _OPTIONAL:
        value = getattr(logged, attr)
        if value is not None:
            out.append((P[prop], literal(value)))
    if logged.superset:
        out.append((P["superset"], _str(logged.superset)))
    if logged.notes:
        out.append((S["description"], _str(logged.notes)))
    head = f"<{set_iri(uid, logged.id)}> "
    tail = " " + graph
    return [head + p + " " + o + tail for p, o in out]


def _set_order(logged: LoggedSet) -> tuple[int, str, int]:
    return (logged.source_line or 0, logged.source_path or "", logged.order)


def remember(log: UserLog, written: list[tuple[Session, list[LoggedSet]]]) -> None:
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
    log.summaries.clear()


def complete_lines(data: bytes) -> bytes:
    """The whole lines of a log file: another process appending right now may have written
    part of its lines (readers take no lock; the signature taken before the read makes the
    next request read the file again)."""
    return data[:data.rfind(b"\n") + 1]


def read_log(path: Path, uid: str) -> UserLog:
    """A user's log from its file: one pass over its quads, grouped by subject. Only quads of
    the user's own graph count (the file holds no other). Property IRIs are compared as plain
    strings: an rdflib namespace lookup per property per set was 60 % of the read (2.4 s of
    CPU for 30,000 sets before, 0.9 s after; bench/history.py)."""
    try:
        data = complete_lines(path.read_bytes())
    except FileNotFoundError:
        return UserLog()
    graph = graph_iri(uid)
    subjects: dict[str, dict[str, str]] = {}
    try:
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(
                    quad.graph_name, ox.NamedNode) and quad.graph_name.value == graph:
                subjects.setdefault(quad.subject.value, {})[
                    quad.predicate.value] = quad.object.value
    except SyntaxError as exc:
        raise DataError(f"{path}: the log does not parse as N-Quads ({exc})") from None
    log = UserLog()
    sets: list[tuple[str, LoggedSet]] = []
    rdf_type = _RDF_TYPE[1:-1]
    session_type, set_type = str(EXG.TrainingSession), str(EXG.TrainingSet)
    in_session = str(EXG.inSession)
    for iri, props in subjects.items():
        kind = props.get(rdf_type)
        if kind == session_type:
            sid = iri.rsplit(":", 1)[1]
            log.sessions[sid] = _session_of(sid, props)
        elif kind == set_type:
            sets.append((props[in_session].rsplit(":", 1)[1],
                         _set_of(iri.rsplit(":", 1)[1], props)))
    for sid, logged in sets:
        if sid in log.sessions:
            log.sessions[sid].sets.append(logged)
            log.set_ids.add(logged.id)
    for session in log.sessions.values():
        session.sets.sort(key=_set_order)
    return log


#: The IRIs of the properties read back, as plain strings (an rdflib namespace lookup per
#: property per set cost more than the rest of the read together).
_EXG_IRI = {name: str(EXG[name]) for name in (
    "durationSeconds", "loggedName", "setOrder", "reps", "load", "distanceMeters", "rpe", "rir",
    "superset", "sourceFile", "sourceLine", "sourcePath", "loadUnit", "setType", "exercise")}
_SCHEMA_IRI = {name: str(SCHEMA[name]) for name in ("startTime", "endTime", "name",
                                                     "description")}
_EXERCISE_NS = str(EXERCISE)


def _value(props: dict[str, str], prop: str, cast: Callable[[str], Any]) -> Any:
    found = props.get(_EXG_IRI[prop])
    return None if found is None else cast(found)


def _text(props: dict[str, str], prop: str) -> str | None:
    return props.get(_SCHEMA_IRI[prop])


def _session_of(sid: str, props: dict[str, str]) -> Session:
    end = _text(props, "endTime")
    return Session(start=datetime.fromisoformat(str(_text(props, "startTime"))),
                   title=_text(props, "name"), end=datetime.fromisoformat(end) if end else None,
                   duration_s=_value(props, "durationSeconds", float),
                   notes=_text(props, "description"), id=sid)


def _set_of(xid: str, props: dict[str, str]) -> LoggedSet:
    unit = props.get(_EXG_IRI["loadUnit"])
    return LoggedSet(
        name=_value(props, "loggedName", str), order=_value(props, "setOrder", int),
        type=_TYPE_OF[props[_EXG_IRI["setType"]]], reps=_value(props, "reps", int),
        load=_value(props, "load", float), unit=_UNIT_OF[unit] if unit else "kg",
        distance_m=_value(props, "distanceMeters", float),
        duration_s=_value(props, "durationSeconds", float), rpe=_value(props, "rpe", float),
        rir=_value(props, "rir", float), superset=_value(props, "superset", str),
        notes=_text(props, "description"),
        exercise=props[_EXG_IRI["exercise"]].removeprefix(_EXERCISE_NS),
        source_file=_value(props, "sourceFile", str) or "",
        source_line=_value(props, "sourceLine", int), source_path=_value(props, "sourcePath", str),
        id=xid)
