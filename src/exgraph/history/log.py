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
import fcntl
import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from exgraph.errors import NotFound
from exgraph.graph.backups import state_dir
from exgraph.graph.store import Store
from exgraph.history.mapping import Mapper
from exgraph.history.model import LoggedSet, Session
from exgraph.history.nquads import (
    UserLog,
    complete_lines,
    graph_iri,
    read_log,
    remember,
    session_iri,
    session_lines,
    set_iri,
    set_lines,
    where_of,
)
from exgraph.history.parse import parse
from exgraph.history.users import User, Users

LOGS_DIR = "logs"


def history_dir(setting: str | None, store_spec: str) -> Path:
    """The history directory: the setting HISTORY_DIR, else ``history/`` in the state
    directory of the public store (beside its snapshots and audit log)."""
    return Path(setting) if setting else state_dir(store_spec) / "history"


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
            found = read_log(self.path(user), user.id)
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
        data = complete_lines(data)
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
                    lines += session_lines(user.id, session, graph)
                    new_sessions += 1
                for logged in kept:
                    lines += set_lines(user.id, session.id, logged, graph)
                added += len(kept)
                written.append((session, kept))
            if lines:
                with self.path(user).open("ab") as handle:
                    handle.write("".join(lines).encode("utf-8"))
                    handle.flush()
                    os.fsync(handle.fileno())
                remember(log, written)
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
                    report.skipped.append(where_of(logged) | {
                        "reason": f"unmapped exercise name {logged.name!r}"})
                else:
                    kept.append(logged)
            session.sets = kept
        report.imported, report.sessions, present = self.add_sessions(
            user, parsed.sessions.values())
        report.skipped += [where_of(s) | {"reason": "already in the log"} for s in present]
        report.skipped.sort(key=lambda s: (s.get("line") or 0, s.get("path") or ""))
        report.unmapped, report.mapped = mapper.unmapped(), mapper.mapped()
        return report
