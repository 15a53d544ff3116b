"""The private store: every user's log, one named graph each, and the imports into it.

The history directory (setting HISTORY_DIR; unset: ``history/`` in the state directory) holds
``users.json`` and ``logs/``: each user's graph as one N-Quads file of its own, never in the
public store. The public store, its exports, its caches and /sparql never see it: only
:class:`History` opens it, and only the ``/api/v1/me`` routes, the ``/me`` page and ``exgraph
log`` reach it, always for the one user a token names.

A user's graph is ``urn:exgraph:user:ID``; a session ``urn:exgraph:user:ID:session:SID`` (SID:
16 hex digits of its start and title), a set ``urn:exgraph:user:ID:set:XID`` (its session,
exercise as logged, type, order and numbers). The same row imported twice gets the same IRI, so
a re-import finds it there and adds nothing. Each user's log is read back into a
:class:`UserLog` once (about a second for 30,000 sets), kept up to date by the writes of this
process, and read again when another process changed the file.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import fcntl
import functools
import io
import os
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
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

LOGS_DIR = "logs"
UNIT_IRI = {"kg": "http://qudt.org/vocab/unit/KiloGM", "lb": "http://qudt.org/vocab/unit/LB"}
TYPE_IRI = {"warmup": "WarmUpSet", "working": "WorkingSet", "drop": "DropSet",
            "failure": "FailureSet"}
#: ``Name (Qualifier)``: how Strong and Hevy name an exercise done with some equipment.
_QUALIFIED = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


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
    """The users and logs of one history directory.

    Each user's graph is one N-Quads file, ``logs/ID.nq`` (graph ``urn:exgraph:user:ID``): an
    import appends its new quads in one write, a deletion rewrites the file (a temporary file,
    then a rename: a crash leaves the old file or the new one). Why files and not a pyoxigraph
    store on disk: writing 330,000 quads (30,000 sets) into one took 19-46 s, the text appended
    here takes well under a second (bench/history.py). Writers take an exclusive ``flock`` on
    the user's lock file, so ``exgraph log import`` beside a running server is safe; a reader
    notices a file another process changed (its size and mtime) and reads it again.

    Logs read back are kept in memory, most recently used first, up to ``max_cached_sets``
    sets (LOG_CACHE_SETS; 500,000 by default, about 400 MB): a server with 200 users does not
    hold every log at once.
    """

    def __init__(self, directory: Path, max_cached_sets: int = 500_000) -> None:
        self.directory = Path(directory)
        self.users = Users(self.directory)
        self.max_cached_sets = max_cached_sets
        self._lock = threading.RLock()
        self._logs: OrderedDict[str, tuple[UserLog, tuple[int, int]]] = OrderedDict()
        self._locks: dict[str, threading.RLock] = {}

    @property
    def logs_dir(self) -> Path:
        path = self.directory / LOGS_DIR
        path.mkdir(parents=True, exist_ok=True)
        return path

    def path(self, user: User) -> Path:
        """The user's graph as N-Quads."""
        return self.logs_dir / f"{user.id}.nq"

    def _user_lock(self, user: User) -> threading.RLock:
        """One lock per user: a long import holds up that user's requests, nobody else's."""
        with self._lock:
            return self._locks.setdefault(user.id, threading.RLock())

    @contextlib.contextmanager
    def _writing(self, user: User) -> Iterator[None]:
        """The user's thread lock and the exclusive file lock other processes honour."""
        with self._user_lock(user), (self.logs_dir / f"{user.id}.lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._lock:
            self._logs.clear()

    # Reading ----------------------------------------------------------------------------------

    def _signature(self, user: User) -> tuple[int, int]:
        try:
            found = self.path(user).stat()
        except FileNotFoundError:
            return (0, 0)
        return (found.st_size, found.st_mtime_ns)

    def log(self, user: User) -> UserLog:
        """The user's log: kept in memory, read again when its file changed (another process
        wrote it) or after it was dropped from the cache."""
        with self._user_lock(user):
            signature = self._signature(user)
            with self._lock:
                kept = self._logs.get(user.id)
                if kept is not None and kept[1] == signature:
                    self._logs.move_to_end(user.id)
                    return kept[0]
            found = _read(self.path(user), user.id)
            self._keep(user, found, signature)
            return found

    def _keep(self, user: User, log: UserLog, signature: tuple[int, int]) -> None:
        with self._lock:
            self._logs[user.id] = (log, signature)
            self._logs.move_to_end(user.id)
            total = sum(kept.sets for kept, _sig in self._logs.values())
            while total > self.max_cached_sets and len(self._logs) > 1:
                _uid, (dropped, _sig) = self._logs.popitem(last=False)
                total -= dropped.sets

    def forget(self) -> None:
        """Drop every log kept in memory (what a restart does; the bench times the cold read)."""
        with self._lock:
            self._logs.clear()

    def session(self, user: User, session_id: str) -> Session:
        """One of the user's sessions; NotFound for any other id (another user's too)."""
        found = self.log(user).sessions.get(session_id)
        if found is None:
            raise NotFound(f"no workout {session_id!r} in your log")
        return found

    def export(self, user: User, fmt: str) -> bytes:
        """The user's whole graph: N-Quads (``nquads``) or JSON-LD (``jsonld``)."""
        with self._user_lock(user):
            try:
                data = self.path(user).read_bytes()
            except FileNotFoundError:
                data = b""
        data = _complete(data)
        if fmt == "nquads":
            return data
        triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]"

    # Writing ----------------------------------------------------------------------------------

    def add_sessions(self, user: User, sessions: Iterable[Session]) -> tuple[int, int, list[
            LoggedSet]]:
        """Write the sets of sessions not yet in the user's log (every set mapped: its
        ``exercise`` set). Returns (sets added, sessions added, sets already there)."""
        with self._writing(user):
            log = self.log(user)
            lines: list[str] = []
            graph = f"<{graph_iri(user.id)}> .\n"
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
                    lines += _session_lines(user.id, session, graph)
                    new_sessions += 1
                for logged in kept:
                    lines += _set_lines(user.id, session.id, logged, graph)
                added += len(kept)
                written.append((session, kept))
            if lines:
                with self.path(user).open("ab") as handle:
                    handle.write("".join(lines).encode("utf-8"))
                    handle.flush()
                    os.fsync(handle.fileno())
                _remember(log, written)
                self._keep(user, log, self._signature(user))
            return added, new_sessions, present

    def _rewrite(self, user: User, keep: Callable[[str], bool]) -> None:
        """Rewrite the user's file with the lines ``keep`` keeps (atomically: a temporary file
        renamed over it)."""
        path = self.path(user)
        try:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        except FileNotFoundError:
            return
        temporary = path.with_suffix(".nq.tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            handle.writelines(line for line in lines if keep(line))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    def delete_session(self, user: User, session_id: str) -> int:
        """Remove a session and its sets; returns the sets removed. NotFound when the user has
        no such session."""
        with self._writing(user):
            session = self.session(user, session_id)
            subjects = {f"<{set_iri(user.id, s.id)}>" for s in session.sets}
            subjects.add(f"<{session_iri(user.id, session_id)}>")
            self._rewrite(user, lambda line: line.split(" ", 1)[0] not in subjects)
            with self._lock:
                self._logs.pop(user.id, None)
            return len(session.sets)

    def delete_user(self, user: User) -> None:
        """Remove the user's graph, then the user (its token stops working)."""
        with self._writing(user):
            self.path(user).unlink(missing_ok=True)
            with self._lock:
                self._logs.pop(user.id, None)
            self.users.remove(user.name)
        (self.logs_dir / f"{user.id}.lock").unlink(missing_ok=True)

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
_WGER_QUERY = """
PREFIX exg: <https://w3id.org/exgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?exercise ?label WHERE {
  ?exercise a exg:Exercise ; dcterms:source ?source .
  ?source dcterms:isPartOf <https://w3id.org/exgraph/id/source/wger> ; rdfs:label ?label .
}"""
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


def graph_iri(uid: str) -> str:
    return f"urn:exgraph:user:{uid}"


def session_iri(uid: str, sid: str) -> str:
    return f"urn:exgraph:user:{uid}:session:{sid}"


def set_iri(uid: str, xid: str) -> str:
    return f"urn:exgraph:user:{uid}:set:{xid}"


def _where(logged: LoggedSet) -> dict[str, Any]:
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


def _session_lines(uid: str, session: Session, graph: str) -> list[str]:
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


def _set_lines(uid: str, sid: str, logged: LoggedSet, graph: str) -> list[str]:
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
    log.summaries.clear()


def _complete(data: bytes) -> bytes:
    """The whole lines of a log file: another process appending right now may have written
    part of its lines (readers take no lock; the signature taken before the read makes the
    next request read the file again)."""
    return data[:data.rfind(b"\n") + 1]


def _read(path: Path, uid: str) -> UserLog:
    """A user's log from its file: one pass over its quads, grouped by subject. Only quads of
    the user's own graph count (the file holds no other)."""
    try:
        data = _complete(path.read_bytes())
    except FileNotFoundError:
        return UserLog()
    graph = graph_iri(uid)
    subjects: dict[str, dict[str, Any]] = {}
    try:
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(
                    quad.graph_name, ox.NamedNode) and quad.graph_name.value == graph:
                subjects.setdefault(quad.subject.value, {})[quad.predicate.value] = quad.object
    except SyntaxError as exc:
        raise DataError(f"{path}: the log does not parse as N-Quads ({exc})") from None
    log = UserLog()
    sets: list[tuple[str, LoggedSet]] = []
    rdf_type = _RDF_TYPE[1:-1]
    for iri, props in subjects.items():
        kind = props.get(rdf_type)
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
