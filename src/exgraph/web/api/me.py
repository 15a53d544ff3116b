"""A user's own training log: ``/api/v1/me`` and below, every route behind a bearer token.

Every route authenticates first (``Authorization: Bearer TOKEN``; none, malformed or unknown:
401 with ``WWW-Authenticate: Bearer``), then reads or writes only the graph of the user the
token names: a workout id of another user is simply not in that graph, so it is a 404 like any
id that does not exist. Answers are ``Cache-Control: no-store`` and never enter the API's
response cache (this blueprint is not the ``api`` one, whose hooks cache and set ETags). The
private store is opened on first use from HISTORY_DIR (:func:`exgraph.history.log.history_dir`).

Routes: ``GET/DELETE /api/v1/me``; ``GET /api/v1/me/export`` (``?format=nquads|jsonld``, or
``/export.nq``, ``/export.jsonld``); ``POST /api/v1/me/imports`` (the file as the body, or a
multipart form with ``file`` and an optional ``mapping`` CSV); ``GET/POST /api/v1/me/workouts``,
``GET/DELETE /api/v1/me/workouts/{id}``; ``GET /api/v1/me/progress?exercise=ID``; ``GET
/api/v1/me/volume?weeks=N&until=DATE``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from exgraph.errors import BadRequest, ExgraphError
from exgraph.records.build import records_for
from exgraph.records.lookup import resolve
from exgraph.web.context import get_store

# The history package is imported by the routes that use it, on their first request: every
# start of the server paid for it before its first answer, whether or not anyone keeps a log
# (issue 25, "instant start"; bench/targets.py's start split).
if TYPE_CHECKING:
    from exgraph.history.log import History
    from exgraph.history.users import User

bp = Blueprint("me", __name__)

PREFIX = "/api/v1/me"
EXTENSION = "exgraph_history"
#: Largest page of workouts; the default page.
MAX_LIMIT, LIMIT = 200, 20
EXPORTS = {"nquads": "application/n-quads", "jsonld": "application/ld+json"}


class PayloadTooLarge(ExgraphError):
    status = 413


def history() -> History:
    """The app's private store, opened on first use."""
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        from exgraph.history.log import History, history_dir

        config = current_app.config
        found = current_app.extensions.setdefault(
            EXTENSION, History(history_dir(config.get("HISTORY_DIR"), config["STORE_SPEC"]),
                               int(config.get("LOG_CACHE_SETS", 500_000))))
    return found  # type: ignore[no-any-return]


def user() -> User:
    found: User = g.exgraph_user
    return found


#: The query parameters each route takes (the OpenAPI document lists the same); any other is a
#: 400 naming it, as on the rest of the API, so a typo (``week=3``) is never silently ignored.
#: ``_`` (a cache-buster) passes everywhere.
PARAMS: dict[str, frozenset[str]] = {
    "me.export": frozenset({"format"}), "me.import_log": frozenset({"file", "format", "unit"}),
    "me.list_workouts": frozenset({"limit", "offset"}),
    "me.get_progress": frozenset({"exercise"}), "me.get_volume": frozenset({"weeks", "until"}),
}


def takes(endpoint: str, view_args: Mapping[str, Any] | None) -> frozenset[str]:
    """The query parameters a route takes (``/export.nq`` and ``.jsonld`` take no format)."""
    if endpoint == "me.export" and (view_args or {}).get("ext"):
        return frozenset()
    return PARAMS.get(endpoint, frozenset())


@bp.before_request
def _authenticate() -> None:
    """The token first (a stranger learns nothing about parameters), then the parameters."""
    g.exgraph_user = history().users.authenticate(request.headers.get("Authorization"))
    allowed = takes(request.endpoint or "", request.view_args) | {"_"}
    unknown = sorted(set(request.args) - allowed)
    if unknown:
        raise BadRequest(f"unknown parameter(s) {', '.join(map(repr, unknown))}: this route "
                         f"takes {', '.join(sorted(allowed - {'_'})) or 'none'}")
    for name, values in request.args.lists():
        if name != "_" and (len(values) > 1 or not values[0]):
            raise BadRequest(f"parameter {name!r}: give it once, not empty")


@bp.after_request
def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Authorization")
    return response


@bp.get(PREFIX)
def me() -> Any:
    """Who the token names, and how much is in their log."""
    log = history().log(user())
    return jsonify({"ok": True, "user": user().name, "created": user().created,
                    "workouts": len(log.sessions), "sets": log.sets})


@bp.delete(PREFIX)
def delete_me() -> Any:
    """Delete the user's log and the user: the token stops working."""
    log = history().log(user())
    counts = {"workouts": len(log.sessions), "sets": log.sets}
    history().delete_user(user())
    return jsonify({"ok": True, "deleted": {"user": user().name, **counts}})


@bp.get(f"{PREFIX}/export")
@bp.get(f"{PREFIX}/export.<any(nq, jsonld):ext>")
def export(ext: str | None = None) -> Response:
    """The user's whole graph, N-Quads or JSON-LD."""
    fmt = {"nq": "nquads", "jsonld": "jsonld"}.get(ext or "") or request.args.get(
        "format", "jsonld")
    if fmt not in EXPORTS:
        raise BadRequest(f"format must be one of {', '.join(EXPORTS)}, not {fmt!r}")
    body = history().export(user(), fmt)
    return Response(body, content_type=EXPORTS[fmt], headers={
        "Content-Disposition": f'attachment; filename="exgraph-log-{user().name}.'
                               f'{"nq" if fmt == "nquads" else "jsonld"}"'})


def _limit() -> int:
    limit = int(current_app.config.get("MAX_LOG_BYTES", 32 * 1024 * 1024))
    if request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge(f"the file is {request.content_length} bytes; at most {limit} "
                              "(EXGRAPH_MAX_LOG_BYTES)")
    return limit


def _upload(limit: int) -> tuple[bytes, str, dict[str, str]]:
    """The file, its name and the mapping, from a multipart form or the raw body."""
    if request.files:
        upload = request.files.get("file")
        if upload is None:
            raise BadRequest("a multipart import needs a part named 'file'")
        data = upload.stream.read(limit + 1)
        mapping = _mapping(request.files.get("mapping"), limit)
        name = upload.filename or "upload"
    else:
        data = request.stream.read(limit + 1)
        mapping, name = {}, request.args.get("file", "upload")
    if len(data) > limit:
        raise PayloadTooLarge(f"the file is over {limit} bytes (EXGRAPH_MAX_LOG_BYTES)")
    if not data.strip():
        raise BadRequest("the body is empty: send the exported file")
    return data, name[:200], mapping


def _mapping(part: Any, limit: int) -> dict[str, str]:
    if part is None:
        return {}
    text = part.stream.read(limit).decode("utf-8", errors="replace")
    mapping = {}
    for line, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if line == 1 and row[:2] == ["name", "exercise"]:
            continue
        if len(row) != 2:
            raise BadRequest(f"mapping line {line}: a row is name,exercise")
        mapping[row[0]] = row[1]
    return mapping


@bp.post(f"{PREFIX}/imports")
def import_log() -> Any:
    """Import a Strong CSV, Hevy CSV or exgraph JSON: the report of every row."""
    limit = _limit()
    data, name, mapping = _upload(limit)
    report = history().import_file(
        user(), data, name, get_store(), fmt=request.args.get("format", "auto"),
        unit=request.args.get("unit", "kg"), mapping=mapping,
        max_rows=int(current_app.config.get("MAX_LOG_ROWS", 200_000)))
    return jsonify({"ok": True, "report": report.as_json()})


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


@bp.get(f"{PREFIX}/workouts")
def list_workouts() -> Any:
    """The user's workouts, latest first, a page at a time (limit, offset)."""
    limit = _int_arg("limit", LIMIT, 1, MAX_LIMIT)
    offset = _int_arg("offset", 0, 0, 10**9)
    from exgraph.history.stats import session_json

    ordered = history().log(user()).ordered()
    page = ordered[offset:offset + limit]
    more = offset + limit < len(ordered)
    return jsonify({"ok": True, "total": len(ordered), "limit": limit, "offset": offset,
                    "next": f"{PREFIX}/workouts?limit={limit}&offset={offset + limit}"
                    if more else None,
                    "items": [session_json(s, with_sets=False) for s in page]})


@bp.get(f"{PREFIX}/workouts/<workout_id>")
def get_workout(workout_id: str) -> Any:
    """One workout with its sets."""
    from exgraph.history.stats import session_json

    return jsonify({"ok": True, "workout": session_json(history().session(user(), workout_id))})


@bp.post(f"{PREFIX}/workouts")
def add_workout() -> Any:
    """Log one workout (a session object of exgraph JSON); 201, or 200 when it was there."""
    from exgraph.history.parse import RowError, session_from_json
    from exgraph.history.stats import session_json

    _limit()
    body = request.get_json(silent=True)
    try:
        session = session_from_json(body)
    except RowError as exc:
        raise BadRequest(f"the body: {exc}") from None
    store = get_store()
    for i, logged in enumerate(session.sets):
        try:
            logged.exercise = resolve(store, "exercise", logged.name).slug
        except ExgraphError as exc:
            raise BadRequest(f"sets/{i}: exercise: {exc}") from None
    added, _sessions, _present = history().add_sessions(user(), [session])
    response = jsonify({"ok": True, "added_sets": added,
                        "workout": session_json(history().session(user(), session.id))})
    response.status_code = 201 if added else 200
    response.headers["Location"] = f"{PREFIX}/workouts/{session.id}"
    return response


@bp.delete(f"{PREFIX}/workouts/<workout_id>")
def delete_workout(workout_id: str) -> Any:
    """Delete one of the user's workouts and its sets."""
    removed = history().delete_session(user(), workout_id)
    return jsonify({"ok": True, "deleted": {"workout": workout_id, "sets": removed}})


#: Most answers kept per log generation (progress of each exercise, volume of each window).
MAX_SUMMARIES = 256


def _summary(key: tuple[Any, ...], compute: Any) -> Response:
    """A JSON answer computed once per generation of the user's log: the log's ``summaries``
    are emptied by every change to it, so a repeated request costs a dict lookup, not the
    JSON of 1,000 sessions (56 ms for 30,000 sets; bench/history.py)."""
    log = history().log(user())
    found = log.summaries.get(key)
    if found is None:
        if len(log.summaries) >= MAX_SUMMARIES:
            log.summaries.clear()
        found = log.summaries[key] = current_app.json.dumps(compute(log)).encode() + b"\n"
    return Response(found, mimetype="application/json")


@bp.get(f"{PREFIX}/progress")
def get_progress() -> Any:
    """Per session of one exercise: best set, estimated maxima, volume load."""
    from exgraph.history.stats import progress

    text = request.args.get("exercise")
    if not text:
        raise BadRequest("give exercise=ID (a slug, alias, IRI or name)")
    slug = resolve(get_store(), "exercise", text).slug
    return _summary(("progress", slug), lambda log: {
        "ok": True, "exercise": slug, "sessions": progress(log, slug)})


@bp.get(f"{PREFIX}/volume")
def get_volume() -> Any:
    """Weekly sets per muscle group over the last weeks (primary 1, secondary 0.5)."""
    from exgraph.history.stats import MAX_WEEKS, volume

    weeks = _int_arg("weeks", 4, 1, MAX_WEEKS)
    until = None
    if (raw := request.args.get("until")) is not None:
        try:
            until = date.fromisoformat(raw)
        except ValueError:
            raise BadRequest(f"until must be a date (2024-01-31), not {raw!r}") from None
    records = records_for(get_store())
    # the record set (one per data generation) is part of the key: a reload is a new answer;
    # the key holds the set itself, so its id cannot be reused while the answer is kept
    return _summary(("volume", weeks, until, id(records), _Held(records)), lambda log: {
        "ok": True, **volume(log, records, weeks, until)})


class _Held:
    """An object held in a cache key, equal to any other holder (the id beside it tells)."""

    def __init__(self, held: object) -> None:
        self.held = held

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Held)

    def __hash__(self) -> int:
        return 0
