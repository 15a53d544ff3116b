"""The SPARQL endpoint's state per app: settings, admission, the update token, the audit log, the
deletion budget, the worker pool; and the errors the endpoint answers with."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Flask, current_app
from flask.sansio.app import App
from rdflib import Namespace

from exgraph.config import DEFAULTS
from exgraph.errors import BadRequest, ExgraphError, Forbidden
from exgraph.graph.backups import (
    AuditLog,
    audit_path,
    snapshot_dir,
)
from exgraph.graph.remote import RemoteStore
from exgraph.graph.store import OxigraphStore, Store
from exgraph.web.cache import ByteLRU
from exgraph.web.sparql import guard
from exgraph.web.sparql.jobs import InspectJob
from exgraph.web.sparql.runner import QueryRunner

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

#: The W3C format IRIs of what the endpoint can answer in (sd:resultFormat).
SD_RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                     "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"

EXTENSION_KEY = "exgraph_sparql"

#: Bytes of query text whose guard verdicts are kept per app.
VERDICT_CACHE_BYTES = 4 * 1024 * 1024
#: The request header that allows a destructive update (value ``true``).
DESTRUCTIVE_HEADER = "Exgraph-Allow-Destructive"
#: Update operations that are destructive whatever they remove (rdflib's names -> SPARQL's).
DESTRUCTIVE_OPERATIONS = {"Drop": "DROP", "Clear": "CLEAR"}



class UnsupportedMediaType(ExgraphError):
    """A POST body in a media type the protocol does not define."""

    status = 415


class PayloadTooLarge(ExgraphError):
    """A query or update longer than the endpoint accepts."""

    status = 413


class ShapeViolation(BadRequest):
    """An update whose result breaks the shapes: nothing was applied."""

    def __init__(self, message: str, problems: Sequence[Any]) -> None:
        super().__init__(message)
        self.problems = list(problems)

    def details(self) -> dict[str, Any]:
        """The SHACL problems beside the message (each a dataclass: focus, path, message...)."""
        return {"problems": [asdict(p) for p in self.problems]}


class WriteFailed(ExgraphError):
    """The snapshot or the audit log could not be written: the update was not applied."""

    status = 500


class Conflict(ExgraphError):
    """The store changed between an update's trial run and its commit: nothing was applied."""

    status = 409


class InsufficientStorage(ExgraphError):
    """A snapshot would not fit the disk or the retention settings: nothing was applied."""

    status = 507


#: A guard verdict: the query's form, or the message it was refused with.
Verdict = tuple[guard.Form | None, str]


# ---------------------------------------------------------------------------------------------
# The runner, per app


class SparqlService:
    """Per-app state: the worker pool (started on first use), the update lock, the admission
    semaphore and the guard's verdicts."""

    def __init__(self, app: App) -> None:
        # App, Flask's base class, is what blueprint setup hands over; only its config is read
        self.app = app
        self._lock = threading.Lock()
        # re-entrant: a refusal is logged under it, before it was taken or while it is held
        self.update_lock = threading.RLock()
        self._audit: AuditLog | None = None
        self._runner: QueryRunner | None = None
        self._admission: threading.BoundedSemaphore | None = None
        self._token: str | None = None
        self._token_read = False
        self.verdicts: ByteLRU[str, Verdict] = ByteLRU(VERDICT_CACHE_BYTES)
        # triples each token id removed, with when: the deletion budget's window
        self._spent: dict[str | None, deque[tuple[float, int]]] = {}
        # refusals for want of the token since the last line about them
        self.refusals = RefusalCounter()

    def setting(self, key: str) -> int:
        """An integer setting of the app."""
        return int(self.app.config.get(key, DEFAULTS[key]))

    @property
    def admission(self) -> threading.BoundedSemaphore:
        """The slots of /sparql: SPARQL_CONCURRENCY as it is at the first request."""
        with self._lock:
            if self._admission is None:
                self._admission = threading.BoundedSemaphore(
                    max(1, self.setting("SPARQL_CONCURRENCY")))
            return self._admission

    def update_token(self) -> str | None:
        """The token updates must carry: the first line of UPDATE_TOKEN_FILE (read once) when
        that is set, else UPDATE_TOKEN; None when updates are off."""
        with self._lock:
            if not self._token_read:
                self._token = self._read_token()
                self._token_read = True
            return self._token

    def _read_token(self) -> str | None:
        path = self.app.config.get("UPDATE_TOKEN_FILE")
        if not path:
            return self.app.config.get("UPDATE_TOKEN") or None
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise Forbidden(f"SPARQL Update is off: its token file cannot be read "
                            f"({exc.strerror})") from None
        return (lines[0].strip() if lines else "") or None

    def audit_log(self) -> AuditLog:
        """The audit log (setting AUDIT_LOG, else audit.jsonl in the store's state directory)."""
        with self._lock:
            if self._audit is None:
                self._audit = AuditLog(audit_path(self.app.config.get("AUDIT_LOG"),
                                                  str(self.app.config["STORE_SPEC"])),
                                       max_bytes=self.setting("AUDIT_MAX_BYTES"),
                                       keep=self.setting("AUDIT_KEEP"))
            return self._audit

    def snapshot_dir(self) -> Path:
        """Where snapshots go (setting SNAPSHOT_DIR, else snapshots/ in the state directory)."""
        return snapshot_dir(self.app.config.get("SNAPSHOT_DIR"),
                            str(self.app.config["STORE_SPEC"]))

    def audit(self, record: dict[str, Any]) -> None:
        """Append record to the audit log, under the update lock. WriteFailed when it cannot."""
        with self.update_lock:
            try:
                self.audit_log().append(record)
            except OSError as exc:
                raise WriteFailed(f"cannot write the audit log {self.audit_log().path}: "
                                  f"{exc.strerror or exc}") from None

    def budget_reason(self, token: str | None, removed: int) -> str | None:
        """Why removing ``removed`` more triples passes the token's deletion budget (at most
        DELETE_BUDGET triples per DELETE_WINDOW seconds), or None. Called under the update
        lock."""
        if removed == 0:
            return None
        budget, window = self.setting("DELETE_BUDGET"), self.setting("DELETE_WINDOW")
        spent = self._window(token, window)
        if spent + removed <= budget:
            return None
        return (f"the token removed {spent} triples in the last {window} s; {removed} more "
                f"pass its deletion budget DELETE_BUDGET ({budget} per DELETE_WINDOW)")

    def spend(self, token: str | None, removed: int) -> None:
        """Count an applied update's removals against the token's budget (under the lock)."""
        if removed:
            self._spent.setdefault(token, deque()).append((time.monotonic(), removed))

    def _window(self, token: str | None, window: int) -> int:
        spent = self._spent.get(token)
        if not spent:
            return 0
        horizon = time.monotonic() - window
        while spent and spent[0][0] < horizon:
            spent.popleft()
        return sum(count for _, count in spent)

    def refused(self, record: dict[str, Any]) -> None:
        """A refusal for want of the token: counted, and sampled into the audit log (the first
        one, then at most one line per REFUSAL_LOG_INTERVAL seconds with the count since the
        last line); nothing is written when updates are off (anyone may send those)."""
        line = self.refusals.note(record, self.setting("REFUSAL_LOG_INTERVAL"))
        if line is not None and self.update_token() is not None:
            self.audit(line)

    def runner(self, store: Store) -> QueryRunner:
        """The app's worker pool, started with the store's data on first use (with no data for
        an external store: there the workers only run the guard's parse)."""
        with self._lock:
            if self._runner is None:
                self._runner = QueryRunner(
                    b"" if isinstance(store, RemoteStore) else dump_store(store),
                    workers=int(self.app.config["SPARQL_WORKERS"]),
                    timeout=float(self.app.config["QUERY_TIMEOUT"]),
                    memory_limit=self.setting("WORKER_MEMORY_MB") * 1024 * 1024,
                )
            return self._runner

    def check_shape(self, text: str) -> None:
        """The guard's bounds on nesting and operators, with the app's settings."""
        guard.check_shape(text, max_nesting=self.setting("MAX_QUERY_NESTING"),
                          max_operators=self.setting("MAX_QUERY_OPERATORS"))

    def query_form(self, text: str, store: Store) -> guard.Form:
        """The form of a query the guard lets through; BadRequest when it refuses it. Verdicts
        are kept by query text; a parse that ran out of time is not a verdict."""
        verdict = self.verdicts.get(text)
        if verdict is None:
            try:
                form = guard.precheck(text, max_nesting=self.setting("MAX_QUERY_NESTING"),
                                      max_operators=self.setting("MAX_QUERY_OPERATORS"))
                if form is None:
                    form = self.runner(store).inspect(InspectJob(text, "query"))
                verdict = (form, "")
            except BadRequest as exc:
                verdict = (None, str(exc))
            self.verdicts.put(text, verdict, len(text) + 128)
        form, refusal = verdict
        if form is None:
            raise BadRequest(refusal)
        return form

    @property
    def started(self) -> bool:
        """Whether the worker pool is running (it starts on the first query)."""
        return self._runner is not None

    def close(self) -> None:
        """Stop the workers (the next query starts new ones)."""
        with self._lock:
            if self._runner is not None:
                self._runner.close()
                self._runner = None


class RefusalCounter:
    """Refusals of updates without the right token: counted, and turned into an audit line at
    most once per interval (the bytes a flood can make the log grow by: one short line per
    interval, however fast it comes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.total = 0
        self._pending = 0
        self._pending_bytes = 0
        self._last: float | None = None

    def note(self, record: dict[str, Any], interval: float) -> dict[str, Any] | None:
        """Count record; the audit line to write now, if one is due (with the count and bytes
        of the refusals it stands for, and record as their sample)."""
        with self._lock:
            self.total += 1
            self._pending += 1
            self._pending_bytes += int(record.get("update_bytes", 0))
            now = time.monotonic()
            if self._last is not None and now - self._last < interval:
                return None
            line = {**record, "refusals": self._pending, "refused_bytes": self._pending_bytes,
                    "sampled": True}
            self._last, self._pending, self._pending_bytes = now, 0, 0
            return line




def service(app: Flask | None = None) -> SparqlService:
    """The SPARQL state of app (default: the current app)."""
    target = current_app if app is None else app
    found: SparqlService = target.extensions[EXTENSION_KEY]
    return found


def dump_store(store: Store) -> bytes:
    """Every quad of store as N-Quads, the form the workers load."""
    if isinstance(store, OxigraphStore):
        data = store.ox.dump(format=ox.RdfFormat.N_QUADS)
    else:
        data = store.to_graph().serialize(format="nt", encoding="utf-8")
    assert isinstance(data, bytes)
    return data
