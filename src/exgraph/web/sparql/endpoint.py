"""The SPARQL 1.1 Protocol endpoint at /sparql.

* Queries: ``GET ?query=``, ``POST`` as ``application/x-www-form-urlencoded`` (``query=``) or as
  ``application/sparql-query`` (the body). ``default-graph-uri`` / ``named-graph-uri`` name graphs
  in the store: they are never fetched, and an unknown name is an empty graph.
* The answer format comes from the ``format`` parameter or from Accept (see :mod:`.formats`);
  406 when nothing acceptable exists.
* ``GET /sparql`` without a query gives the service description (SPARQL 1.1 Service Description);
  a browser (:func:`.formats.wants_workbench`) gets the query workbench page instead.
* Safety: every query is inspected first (:mod:`.guard`: SERVICE and LOAD are refused; a cheap
  pre-check here, rdflib's parse in a worker when the pre-check cannot prove the query safe), then
  runs in a worker process (:mod:`.runner`) under ``QUERY_TIMEOUT`` seconds, ``MAX_ROWS`` rows and
  ``MAX_ANSWER_BYTES`` bytes. Results cut short carry the header ``X-Exgraph-Truncated: true``.
* Admission: at most ``SPARQL_CONCURRENCY`` queries and updates are handled at once; more get 503
  with Retry-After at once, so /sparql never holds every server thread and the JSON API and
  /healthz keep answering however /sparql is used.
* Caches: the guard's verdict per query text (per app), and answers per query text, format and
  dataset (per store generation, ``SPARQL_CACHE_BYTES``): a repeated query runs nothing at all.
* SPARQL Update (``update=`` or ``application/sparql-update``) answers 403 unless the app has an
  ``UPDATE_TOKEN`` and the request carries ``Authorization: Bearer <token>``. An update is first
  tried in a worker under the time limit, which reports its effect (quads added and removed, the
  nodes it touched and the subgraph their shapes read: :class:`.runner.UpdateEffect`). DROP,
  CLEAR, or removing more than ``MAX_DELETE_TRIPLES`` quads is refused (400) unless the request
  carries ``Exgraph-Allow-Destructive: true``; the touched nodes are validated against
  ontology/shapes.ttl (400 with the SHACL problems). Only then is it applied to the app's store
  (after a snapshot of the whole store when destructive, see :mod:`exgraph.graph.snapshots`), and
  every worker reloads the data. Every update, applied or refused, is a line of the audit log
  (``AUDIT_LOG``). ``using-graph-uri`` / ``using-named-graph-uri`` become USING / USING NAMED
  clauses of the update's DELETE/INSERT operations. On an external store the server applies the
  update itself: the flag and snapshot apply, the shapes check and removal count do not.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import threading
import time
from collections import deque
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, current_app, jsonify, request
from flask.blueprints import BlueprintSetupState
from flask.sansio.app import App
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

import exgraph.web.sparql.formats as formats
from exgraph.config import DEFAULTS
from exgraph.errors import BadRequest, ExgraphError, Forbidden, NotAcceptable
from exgraph.graph.load import ONTOLOGY_GRAPH
from exgraph.graph.remote import RemoteStore
from exgraph.graph.snapshots import (
    AuditLog,
    Retention,
    SnapshotRefused,
    audit_path,
    snapshot_dir,
    token_id,
    write_snapshot,
)
from exgraph.graph.store import OxigraphStore, RdflibStore, Store, from_ox, prepare_caches
from exgraph.vocab.terms import DATASET, PREFIXES
from exgraph.web.cache import ByteLRU, invalidate, state
from exgraph.web.context import get_store
from exgraph.web.pages.tools import workbench_page
from exgraph.web.sparql import guard
from exgraph.web.sparql.formats import Format
from exgraph.web.sparql.runner import (
    PREFIXED_FORMATS,
    Answer,
    EffectScope,
    InspectJob,
    QueryJob,
    QueryRunner,
    UpdateEffect,
    UpdateJob,
)

bp = Blueprint("sparql", __name__)

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
#: Seconds a client turned away by admission control is asked to wait.
RETRY_AFTER = 1
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


class WriteFailed(ExgraphError):
    """The snapshot or the audit log could not be written: the update was not applied."""

    status = 500


class Conflict(ExgraphError):
    """The store changed between an update's trial run and its commit: nothing was applied."""

    status = 409


class InsufficientStorage(ExgraphError):
    """A snapshot would not fit the disk or the retention settings: nothing was applied."""

    status = 507


class Busy(ExgraphError):
    """Every /sparql slot is taken: try again shortly (the response carries Retry-After)."""

    status = 503
    retry_after = RETRY_AFTER


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


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    state.app.extensions[EXTENSION_KEY] = SparqlService(state.app)


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


# ---------------------------------------------------------------------------------------------
# Reading the request


@dataclass(frozen=True)
class Operation:
    """A protocol request, read: a query, an update, or neither (the service description)."""

    kind: str  # "query" | "update" | "description"
    text: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def values(self, name: str) -> list[str]:
        """Every value of parameter name, in order."""
        return [value for key, value in self.params if key == name]


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"{where} is not UTF-8 (byte {exc.start})") from None


def _parameters(raw: bytes, where: str) -> list[tuple[str, str]]:
    """URL-encoded parameters; BadRequest when they are not UTF-8."""
    try:
        return parse_qsl(_decode(raw, where), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"{where} has percent-escapes that are not UTF-8") from None


def read_operation() -> Operation:
    """The operation the current request asks for. Raises BadRequest / UnsupportedMediaType /
    PayloadTooLarge for requests the protocol does not allow."""
    limit = service().setting("MAX_QUERY_BYTES")
    if (request.content_length or 0) > limit or len(request.query_string) > limit:
        raise PayloadTooLarge(f"the request is larger than {limit} bytes")
    request.max_content_length = limit  # a chunked body has no Content-Length to check
    params = _parameters(request.query_string, "the query string")
    text: str | None = None
    kind: str | None = None
    if request.method == "POST":
        media = request.mimetype
        if not request.content_type:
            raise BadRequest(f"POST needs a Content-Type: {FORM_MEDIA_TYPE}, {QUERY_MEDIA_TYPE} "
                             f"or {UPDATE_MEDIA_TYPE}")
        if media == FORM_MEDIA_TYPE:
            params += _parameters(request.get_data(), "the form body")
        elif media in (QUERY_MEDIA_TYPE, UPDATE_MEDIA_TYPE):
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise BadRequest(f"a {media} body must be UTF-8, not {charset}")
            text = _decode(request.get_data(), f"the {media} body")
            kind = "query" if media == QUERY_MEDIA_TYPE else "update"
        else:
            raise UnsupportedMediaType(
                f"POST body in {media} is not SPARQL: send {FORM_MEDIA_TYPE} (query= or update=),"
                f" {QUERY_MEDIA_TYPE} or {UPDATE_MEDIA_TYPE}"
            )
    queries = [v for k, v in params if k == "query"]
    updates = [v for k, v in params if k == "update"]
    if text is not None and (queries or updates):
        raise BadRequest(f"the {kind} is in the body: do not also send query= or update=")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest("send exactly one query or update parameter, not several")
    if queries and updates:
        raise BadRequest("send a query or an update, not both")
    if updates and request.method == "GET":
        raise BadRequest("SPARQL Update must be sent with POST, never GET")
    if text is None:
        if queries:
            kind, text = "query", queries[0]
        elif updates:
            kind, text = "update", updates[0]
        elif request.method == "GET":
            return Operation("description", params=tuple(params))
        else:
            raise BadRequest("missing query: send query= or update=")
    assert kind is not None
    return Operation(kind, text, tuple(params))


def _graph_names(op: Operation, name: str) -> tuple[str, ...] | None:
    """The values of a dataset parameter, checked to be absolute IRIs; None when absent."""
    values = op.values(name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise BadRequest(f"{name} {value!r} is not an absolute IRI") from None
    return tuple(values) if values else None


def choose_format(op: Operation, kind: formats.Kind, what: str) -> Format:
    """The format to answer in: the ``format`` parameter, else Accept. Raises NotAcceptable."""
    requested = op.values("format")
    if requested:
        chosen = formats.format_from_parameter(requested, kind)
        if chosen is None:
            names = ", ".join(f.name for f in formats.FORMATS.values() if f.kind == kind)
            raise NotAcceptable(f"format={requested[0]} cannot carry {what}: use one of {names}")
        return chosen
    chosen = _negotiate(request.headers.get("Accept"), kind)
    if chosen is None:
        types = ", ".join(formats.MEDIA_TYPES[kind])
        raise NotAcceptable(f"nothing in Accept can carry {what}: accept one of {types}")
    return chosen


def _negotiate(header: str | None, kind: formats.Kind) -> Format | None:
    """formats.negotiate for a kind, remembered for the Accept headers clients usually send."""
    if header is not None and len(header) > 200:
        return formats.negotiate(header, formats.MEDIA_TYPES[kind])
    return _negotiate_short(header, kind)


@functools.lru_cache(maxsize=256)
def _negotiate_short(header: str | None, kind: formats.Kind) -> Format | None:
    return formats.negotiate(header, formats.MEDIA_TYPES[kind])


# ---------------------------------------------------------------------------------------------
# The endpoint


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Any:
    """Answer a query, apply an update, or describe the service (to a browser: the workbench)."""
    accept = request.headers.get("Accept")
    # wants_workbench() needs application/xhtml+xml: test that first, it is the cheap part
    if request.method in ("GET", "HEAD") and accept and "xhtml" in accept.lower() \
            and not request.args and formats.wants_workbench(accept):
        return workbench_page()
    key = _get_key()
    if key is not None:  # a GET seen before: its response, before parsing anything
        hit = _answers().get(key)
        if hit is not None:
            return _answer_response(*hit)
    op = read_operation()
    if op.kind == "description":
        return describe_service()
    admission = service().admission
    if not admission.acquire(blocking=False):
        raise Busy(f"the SPARQL endpoint is running as many requests as it may "
                   f"({service().setting('SPARQL_CONCURRENCY')}); retry in {RETRY_AFTER} s")
    try:
        if op.kind == "update":
            return run_update(op)
        return run_query(op)
    finally:
        admission.release()


@bp.after_request
def _cors(response: Response) -> Response:
    # A public read-only endpoint: let pages anywhere query it (never with credentials).
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "X-Exgraph-Truncated"
    if request.method == "OPTIONS":
        # Authorization: SPARQL Update from a page sends its bearer token
        response.headers["Access-Control-Allow-Headers"] = (
            f"Accept, Content-Type, Authorization, {DESTRUCTIVE_HEADER}")
    return response


def _answers() -> ByteLRU[Hashable, Any]:
    """The answer cache of the current store generation."""
    return state().sized("sparql-answers", service().setting("SPARQL_CACHE_BYTES"))


def _get_key() -> Hashable | None:
    """For a GET with a query string: everything its response depends on (the query string,
    Accept and the endpoint's IRI; the store generation is the cache's). None otherwise."""
    if request.method != "GET" or not request.query_string:
        return None
    return ("GET", request.query_string, request.headers.get("Accept", ""), base_iri())


#: Characters no IRI may hold: a Host header with them makes no base IRI.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def base_iri() -> str | None:
    """The endpoint's IRI, the base of relative IRIs in queries (what ``request.base_url`` is,
    without its cost: werkzeug re-quotes the whole URL). None when the Host header makes no
    IRI."""
    iri = f"{request.scheme}://{request.host}{request.root_path}{request.path}"
    return None if _NOT_IRI.search(iri) else iri


def _answer_response(body: bytes, content_type: str, truncated: bool) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Vary"] = "Accept"
    if truncated:
        response.headers["X-Exgraph-Truncated"] = "true"
    return response


def run_query(op: Operation) -> Response:
    """Inspect, then run the query in a worker (or take its answer from the cache); the response
    carries the serialised answer."""
    store = get_store()
    sparql = service()
    form = sparql.query_form(op.text, store)  # refuses SERVICE before anything runs
    kind: formats.Kind = "results" if form in ("SELECT", "ASK") else "graph"
    fmt = choose_format(op, kind, f"{form} results")
    config = current_app.config
    job = QueryJob(
        query=op.text,
        format=fmt.name,
        base_iri=base_iri(),
        default_graphs=_graph_names(op, "default-graph-uri"),
        named_graphs=_graph_names(op, "named-graph-uri"),
        max_rows=int(config["MAX_ROWS"]),
        # only the graph formats write prefixes: a SELECT's job pickles smaller without them
        prefixes=dict(PREFIXES) if fmt.name in PREFIXED_FORMATS else {},
        max_bytes=sparql.setting("MAX_ANSWER_BYTES"),
    )
    # taken before the query runs: an update meanwhile leaves this answer in the dropped cache
    answers = _answers()
    key: Hashable = (job.query, job.format, job.base_iri, job.default_graphs, job.named_graphs)
    answer = answers.get(key)
    if answer is None:
        if isinstance(store, RemoteStore):
            answer = forward_query(store, job, fmt)
        else:
            answer = sparql.runner(store).query(job)
        answers.put(key, answer, len(answer.body) + len(job.query) + 256)
    entry = (answer.body, fmt.content_type, answer.truncated)
    get_key = _get_key()
    if get_key is not None:
        answers.put(get_key, entry, len(answer.body) + 2 * len(request.query_string) + 256)
    return _answer_response(*entry)


def forward_query(store: RemoteStore, job: QueryJob, fmt: Format) -> Answer:
    """Answer from the external SPARQL server: the guard has already run here, the time limit
    is the HTTP timeout (the server should have its own, e.g. ``oxigraph serve --timeout-s``).
    The row cap is the server's business: it holds the data and runs the query."""
    params = [("default-graph-uri", g) for g in job.default_graphs or ()]
    params += [("named-graph-uri", g) for g in job.named_graphs or ()]
    remote = store.query_raw(job.query, fmt.content_type.split(";")[0],
                             timeout=float(current_app.config["QUERY_TIMEOUT"]), params=params)
    return Answer(remote.content)


def _authorize_update() -> str:
    """The bearer token the request presents, when it is the update token; Forbidden else."""
    token = service().update_token()
    if not token:
        raise Forbidden("SPARQL Update is disabled: this endpoint is read-only")
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented.strip().encode(),
                                                             str(token).encode()):
        raise Forbidden("SPARQL Update needs the header 'Authorization: Bearer <token>'")
    return presented.strip()


def run_update(op: Operation) -> Response:
    """Check the token, inspect, try the update in a worker, check what it would do (the
    destructive flag, the shapes), snapshot the store when destructive, apply it, reload the
    workers. Every outcome is a line of the audit log: refusals with their reason; a refusal
    for want of the token without the update's text (anyone can send those)."""
    sparql = service()
    record: dict[str, Any] = {"outcome": "refused", "token": None}
    try:
        token = _authorize_update()
    except Forbidden as exc:
        _, _, presented = request.headers.get("Authorization", "").partition(" ")
        record.update(token=token_id(presented.strip()) if presented.strip() else None,
                      update_bytes=len(op.text.encode()), status=exc.status, reason=str(exc))
        sparql.refused(record)
        raise
    record.update(token=token_id(token), update=op.text)
    try:
        _update(op, record)
    except ShapeViolation as exc:
        record.update(status=exc.status, reason=str(exc),
                      problems=[asdict(p) for p in exc.problems])
        sparql.audit(record)
        # the app's error shape, with the SHACL problems beside the message
        response: Response = jsonify({"ok": False, "error": str(exc), "status": exc.status,
                                      "problems": record["problems"]})
        response.status_code = exc.status
        return response
    except ExgraphError as exc:
        record.update(status=exc.status, reason=str(exc))
        sparql.audit(record)
        raise
    except Exception as exc:  # a bug or an engine failure: still a line of the log
        record.update(status=500, reason=f"{type(exc).__name__}: {exc}")
        sparql.audit(record)
        raise
    return Response(b'{"ok": true}\n', status=200, content_type="application/json")


def _update(op: Operation, record: dict[str, Any]) -> None:
    """Inspect, try, check and apply an update; fills record (and writes it once applied)."""
    store = get_store()
    sparql = service()
    sparql.check_shape(op.text)
    info: guard.UpdateInfo = sparql.runner(store).inspect(InspectJob(op.text, "update"))
    using = [name for name in ("using-graph-uri", "using-named-graph-uri") if op.values(name)]
    if using and info.names_dataset:
        raise BadRequest(f"{using[0]} conflicts with the USING / WITH clause of the update")
    if using:
        # pyoxigraph's update() takes no dataset: the parameters become USING clauses
        op = replace(op, text=guard.add_using(op.text,
                                              _graph_names(op, "using-graph-uri") or (),
                                              _graph_names(op, "using-named-graph-uri") or ()))
    allowed = request.headers.get(DESTRUCTIVE_HEADER, "").strip().lower() == "true"
    with sparql.update_lock:
        if isinstance(store, RemoteStore):
            # the server applies it (one transaction, bounded by the store's timeout): no
            # trial run here, so no removal count and no shapes check; and what the server
            # runs must be what was asked, so nothing that changes from run to run
            refuse_nondeterministic(info)
            _check_destructive(info, None, allowed)
            record["snapshot"] = _snapshot(store, info, None)
            _writable(sparql.audit_log())
            store.update(op.text)
            changed = True  # what it changed is the server's to know
        else:
            runner = sparql.runner(store)
            # The trial run bounds the time: a runaway update dies in a worker, never in here.
            effect = runner.trial_update(UpdateJob(op.text, base_iri=base_iri(),
                                                   scope=effect_scope()),
                                         timeout=float(current_app.config.get(
                                             "UPDATE_TIMEOUT", DEFAULTS["UPDATE_TIMEOUT"])))
            assert effect is not None
            record.update(added=effect.added, removed=effect.removed)
            record.update(effect_record(effect, sparql.setting("AUDIT_EFFECT_BYTES")))
            budget = sparql.budget_reason(record["token"], effect.removed)
            _check_destructive(info, effect, allowed, budget)
            _check_protected(info, effect, allowed)
            check_literals(effect)
            check_effect(effect)
            check_sources(effect)
            _writable(sparql.audit_log())
            record["snapshot"] = _snapshot(store, info, effect, forced=budget is not None)
            apply_effect(store, effect)
            sparql.spend(record["token"], effect.removed)
            changed = bool(effect.added or effect.removed)
            if changed:
                runner.reload(dump_store(store))
        record.update(outcome="applied", status=200)
        sparql.audit(record)
        if changed:
            _publish(store)


def _publish(store: Store) -> None:
    """Make a committed change visible to the caches: build the next generation's records,
    substitutes engine, search index ... from the changed data (:func:`prepare_caches`), then
    move the store to that generation (:func:`invalidate`). The writer pays the rebuild (3 s of
    CPU on the full graph; 26-33 s on the loaded 2-core machine, where the first API request
    after each update paid it before and timed out the clients behind it); readers answer
    from the previous generation meanwhile. An update that changed nothing (0 quads added or
    removed) moves nothing. A failure to prepare is logged and leaves the building to the
    next reader, as before."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        if not isinstance(store, RemoteStore):  # its generation is the server's stamp
            prepare_caches(store)
    except Exception:
        app.logger.exception("preparing the caches of the next generation failed")
    finally:
        invalidate(app)


def refuse_nondeterministic(info: guard.UpdateInfo) -> None:
    """BadRequest when an update calls a function whose value changes from run to run (checked
    where the update text itself is run, an external store: what was checked is what runs)."""
    if info.nondeterministic:
        names = ", ".join(f"{name}()" for name in info.nondeterministic)
        raise BadRequest(f"the update uses {names}, whose value changes from one run to the "
                         f"next: an external store runs the text itself, so exgraph cannot "
                         f"check what it would commit; compute the value first and send it as "
                         f"data; nothing was changed")


def effect_record(effect: UpdateEffect, limit: int) -> dict[str, Any]:
    """What the audit log keeps of a committed effect: the SHA-256 of its quads (see
    :func:`effect_digest`), and the quads themselves (N-Quads lines) when they take at most
    limit bytes, so the log can be replayed onto a snapshot."""
    out: dict[str, Any] = {"effect_sha256": effect_digest(effect.added_quads,
                                                          effect.removed_quads)}
    if len(effect.added_quads) + len(effect.removed_quads) <= limit:
        out["effect"] = {"added": effect.added_quads.decode("utf-8").splitlines(),
                         "removed": effect.removed_quads.decode("utf-8").splitlines()}
    return out


def effect_digest(added: bytes, removed: bytes) -> str:
    """The SHA-256 of an effect: ``-`` and the removed N-Quads (sorted lines), then ``+`` and the
    added ones."""
    return hashlib.sha256(b"-\n" + removed + b"+\n" + added).hexdigest()


def _check_protected(info: guard.UpdateInfo, effect: UpdateEffect, allowed: bool) -> None:
    """The project's own graphs (the ontology, ``urn:exgraph:`` bookkeeping) are written by
    ``exgraph load`` only: an update adding to them is refused, and one removing from them
    too, but for a flagged ``DROP ALL`` / ``CLEAR ALL`` (the whole store's reset, snapshotted
    first; ``exgraph restore`` undoes it)."""
    reset = allowed and info.all_graphs
    graphs = sorted({*effect.protected_added, *([] if reset else effect.protected_removed)})
    if graphs:
        raise Forbidden(f"the update changes {', '.join(f'<{g}>' for g in graphs)}, which "
                        f"only exgraph load writes (the ontology and the service's "
                        f"bookkeeping); nothing was changed")


def _destructive(info: guard.UpdateInfo, effect: UpdateEffect | None) -> str | None:
    """Why an update is destructive, or None."""
    words = sorted({DESTRUCTIVE_OPERATIONS[name] for name in info.operations
                    if name in DESTRUCTIVE_OPERATIONS})
    if words:
        return f"the update uses {' and '.join(words)}"
    limit = service().setting("MAX_DELETE_TRIPLES")
    if effect is not None and effect.removed > limit:
        return (f"the update would remove {effect.removed} triples, more than "
                f"MAX_DELETE_TRIPLES ({limit})")
    return None


def _check_destructive(info: guard.UpdateInfo, effect: UpdateEffect | None,
                       allowed: bool, budget: str | None = None) -> None:
    reason = _destructive(info, effect) or budget
    if reason is not None and not allowed:
        raise BadRequest(f"{reason}: a destructive update needs the header "
                         f"'{DESTRUCTIVE_HEADER}: true' (a snapshot of the store is written "
                         f"first); nothing was changed")


def _snapshot(store: Store, info: guard.UpdateInfo, effect: UpdateEffect | None,
              forced: bool = False) -> str | None:
    """Before a destructive update (or one past the deletion budget, ``forced``): a snapshot
    of the whole store, within the retention settings; its path (else None)."""
    if _destructive(info, effect) is None and not forced:
        return None
    sparql = service()
    directory = sparql.snapshot_dir()
    retention = Retention(keep=sparql.setting("SNAPSHOT_KEEP"),
                          max_bytes=sparql.setting("SNAPSHOT_MAX_BYTES"),
                          min_free_bytes=sparql.setting("SNAPSHOT_MIN_FREE_BYTES"))
    try:
        return str(write_snapshot(store, directory, retention=retention))
    except SnapshotRefused as exc:
        raise InsufficientStorage(f"{exc}; nothing was changed") from None
    except OSError as exc:
        raise WriteFailed(f"cannot write a snapshot in {directory}: {exc.strerror or exc}; "
                          f"nothing was changed") from None


def _writable(log: AuditLog) -> None:
    """WriteFailed unless the audit log can be opened for appending (checked before applying)."""
    try:
        log.path.parent.mkdir(parents=True, exist_ok=True)
        with open(log.path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise WriteFailed(f"cannot write the audit log {log.path}: {exc.strerror or exc}; "
                          f"nothing was changed") from None


@functools.lru_cache(maxsize=1)
def effect_scope() -> EffectScope:
    """What a trial run reports around an update's changes, read from the shapes: the
    predicates of inverse paths and sh:targetObjectsOf, and of sh:zeroOrMorePath /
    sh:oneOrMorePath (followed transitively)."""
    from rdflib.namespace import RDFS, SH

    from exgraph.graph.validate import shapes_graph

    shapes = shapes_graph()
    inverse = {*shapes.objects(None, SH.inversePath), *shapes.objects(None, SH.targetObjectsOf)}
    closure = {*shapes.objects(None, SH.zeroOrMorePath), *shapes.objects(None, SH.oneOrMorePath)}
    return EffectScope(
        type_predicate=str(RDF.type), class_predicates=(str(RDFS.subClassOf),),
        closure=tuple(sorted(str(p) for p in closure if isinstance(p, URIRef))),
        inverse=tuple(sorted(str(p) for p in inverse if isinstance(p, URIRef))),
        protected=(ONTOLOGY_GRAPH,),
    )


@functools.lru_cache(maxsize=1)
def _ontology() -> Graph:
    from exgraph.config import ONTOLOGY_FILE

    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def check_sources(effect: UpdateEffect) -> None:
    """ShapeViolation when what an update changed in a named graph breaks the shapes as that
    graph alone must hold them (``exgraph validate --per-source``: every shape, those of one
    source included, but for minimum counts; what it points to typed by the served graph)."""
    from exgraph.graph.validate import validate_source

    for change in effect.sources:
        source, types = Graph(), Graph()
        for graph, data in ((source, change.context), (types, change.types)):
            graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                       for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        report = validate_source(source, types, _ontology())
        problems = report.problems
        if not report.conforms:
            raise ShapeViolation(f"the update breaks ontology/shapes.ttl in the graph "
                                 f"<{change.graph}> ({len(problems)} problem(s), first: "
                                 f"{problems[0].focus} {problems[0].message}); nothing was "
                                 f"changed", problems)


def check_literals(effect: UpdateEffect) -> None:
    """BadRequest when an update writes a literal holding a character an article may not
    (the C0 controls but tab and line ends, DEL, the C1 controls, U+FEFF: what ``exgraph
    ingest`` refuses), so no page, export or calendar carries one."""
    from exgraph.ingest.pipeline import FORBIDDEN

    for quad in ox.parse(effect.added_quads, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.object, ox.Literal):
            found = FORBIDDEN.search(quad.object.value)
            if found:
                raise BadRequest(f"the update writes a literal with the control character "
                                 f"U+{ord(found.group()):04X} (at character {found.start() + 1}"
                                 f" of the value of {quad.subject} {quad.predicate}); nothing "
                                 f"was changed")


def check_effect(effect: UpdateEffect) -> None:
    """ShapeViolation when the nodes an update touched break the shapes in its result."""
    from exgraph.graph.validate import validate_graph

    if not effect.focus:
        return
    graph = Graph()
    graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
               for q in ox.parse(effect.context, format=ox.RdfFormat.N_TRIPLES))
    focus = [_node(term) for term in effect.focus]
    report = validate_graph(graph, focus=focus)
    if not report.conforms:
        raise ShapeViolation(f"the update breaks ontology/shapes.ttl ({len(report.problems)} "
                             f"problem(s), first: {report.problems[0].focus} "
                             f"{report.problems[0].message}); nothing was changed",
                             report.problems)


def _node(term: str) -> URIRef | BNode:
    """An N-Triples IRI or blank node (as the trial run reports them) as an rdflib term."""
    if term.startswith("_:"):
        return BNode(term[2:])
    return URIRef(term[1:-1])


def apply_effect(store: Store, effect: UpdateEffect) -> None:
    """Commit the effect a trial run computed (its quads, not the update's text run again) to
    the app's store: Oxigraph in one transaction (``DELETE DATA ; INSERT DATA``, after checking
    that every removed quad is there and no added one is, i.e. the store is the one the trial
    ran on); rdflib quad by quad (its updates are not transactional)."""
    if not effect.added_quads and not effect.removed_quads:
        return
    added = list(ox.parse(effect.added_quads, format=ox.RdfFormat.N_QUADS))
    removed = list(ox.parse(effect.removed_quads, format=ox.RdfFormat.N_QUADS))
    if isinstance(store, OxigraphStore):
        stale = next((q for q in removed if q not in store.ox), None) or next(
            (q for q in added if q in store.ox), None)
        if stale is not None:
            raise Conflict(f"the store changed since the update's trial run ({stale}); "
                           f"nothing was changed: send the update again")
        store.ox.update(data_update(removed, added))
    elif isinstance(store, RdflibStore):
        for quad in removed:
            store.graph.remove((from_ox(quad.subject), from_ox(quad.predicate),
                                from_ox(quad.object)))
        store.graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
                          store.graph) for q in added)
    else:
        raise Forbidden(f"SPARQL Update is not available on the {store.backend} backend")


def data_update(removed: Sequence[ox.Quad], added: Sequence[ox.Quad]) -> str:
    """``DELETE DATA { removed } ; INSERT DATA { added }``: one SPARQL update, so one
    transaction on Oxigraph (a full wipe of the bundled graph, 180k quads, takes ~2 s)."""
    parts = []
    for keyword, quads in (("DELETE DATA", removed), ("INSERT DATA", added)):
        if not quads:
            continue
        graphs: dict[str, list[ox.Triple]] = {}
        for quad in quads:
            name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
            graphs.setdefault(name, []).append(ox.Triple(quad.subject, quad.predicate,
                                                         quad.object))
        body = []
        for name, triples in graphs.items():
            text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            assert text is not None
            body.append(text.decode("utf-8") if not name
                        else f"GRAPH {name} {{\n{text.decode('utf-8')}}}\n")
        parts.append(f"{keyword} {{\n{''.join(body)}}}")
    return " ;\n".join(parts)


def describe_service() -> Response:
    """The service description (sd:Service), as Turtle unless Accept asks for other RDF; built
    once per endpoint IRI and format (and store generation)."""
    requested = request.args.getlist("format")
    fmt = (formats.format_from_parameter(requested, "graph") if requested else
           formats.negotiate(request.headers.get("Accept"), formats.GRAPH_MEDIA_TYPES))
    fmt = fmt or formats.TURTLE  # browsers ask for text/html: Turtle still reads well
    update = service().update_token() is not None
    api_state = state()
    cache = api_state.sized("sparql-answers", service().setting("SPARQL_CACHE_BYTES"))
    key = ("service-description", request.base_url, fmt.name, update)
    body: bytes | None = cache.get(key)
    if body is None:
        graph = service_description(URIRef(request.base_url), api_state.triples, update=update)
        body = graph.serialize(format=RDFLIB_FORMATS[fmt.name], encoding="utf-8")
        cache.put(key, body, len(body) + len(request.base_url) + 64)
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    return response


def service_description(endpoint_iri: URIRef, triples: int, *, update: bool) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at endpoint_iri."""
    graph = Graph()
    for prefix, namespace in {"sd": SD, "formats": FORMATS_NS, "void": VOID,
                              "dcterms": DCTERMS}.items():
        graph.bind(prefix, namespace)
    dataset = URIRef(f"{endpoint_iri}#dataset")
    default_graph = URIRef(f"{endpoint_iri}#default-graph")
    graph.add((endpoint_iri, RDF.type, SD.Service))
    graph.add((endpoint_iri, SD.endpoint, endpoint_iri))
    graph.add((endpoint_iri, DCTERMS.title, Literal("exgraph SPARQL endpoint")))
    languages: Sequence[URIRef] = [SD.SPARQL11Query, *([SD.SPARQL11Update] if update else [])]
    for language in languages:
        graph.add((endpoint_iri, SD.supportedLanguage, language))
    for name in SD_RESULT_FORMATS:
        graph.add((endpoint_iri, SD.resultFormat, FORMATS_NS[name]))
    graph.add((endpoint_iri, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    graph.add((endpoint_iri, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(triples, datatype=XSD.integer)))
    graph.add((DATASET, VOID.sparqlEndpoint, endpoint_iri))
    return graph
