"""The training log's part of the OpenAPI document (issue 26): every ``/api/v1/me`` route
(:mod:`exgraph.web.api.me`) and ``history: "me"`` in a plan request.

Kept apart from :mod:`exgraph.web.api.openapi` (which merges :data:`ME_PATHS`,
:data:`ME_SCHEMAS` and :data:`SECURITY_SCHEMES`) because these routes differ from the public
API in what they promise: every one needs ``Authorization: Bearer TOKEN`` (the security scheme
``bearerToken``; none, malformed or unknown is a 401 with ``WWW-Authenticate: Bearer``), none
sends an ETag or answers 304 (they are ``Cache-Control: no-store``), and another user's workout
is a 404 like any id that does not exist. The statuses listed are the ones the routes answer
(tests/integration/api/test_openapi.py fuzzes them with schemathesis on a real server, with a
real token).
"""

from __future__ import annotations

import copy
from typing import Any

from exgraph.history.parse import FORMATS, MAX_SESSION_SETS
from exgraph.history.stats import MAX_WEEKS
from exgraph.web.api.me import LIMIT, MAX_LIMIT, PREFIX
from exgraph.web.api.schemas import ERROR_EXAMPLES, ERROR_WHY, NSTRING, STRING, array, ref

SCHEME = "bearerToken"
SECURITY: list[dict[str, list[str]]] = [{SCHEME: []}]
SECURITY_SCHEMES: dict[str, Any] = {SCHEME: {
    "type": "http", "scheme": "bearer", "bearerFormat": "exg_<id>_<secret>",
    "description": "A user's token, printed once by `exgraph users add NAME` (only its scrypt "
                   "hash is kept). Needed by every /api/v1/me route and by a plan request "
                   "with history: \"me\"."}}

#: The id of the workout of 8 January 2024 of examples/history/strong.csv (a workout's id is
#: its start and title, the same in every user's log): a log holding that file has it.
_WORKOUT_ID = "79bc437b95d78a09"
_SET_ID = "29650ed2af98495a"
_NUM = {"type": "number"}
_NNUM = {"type": "number", "nullable": True}
_INT = {"type": "integer"}
_NINT = {"type": "integer", "nullable": True}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "required": required or list(properties),
            "properties": properties}


SOURCE = {"type": "object", "required": ["file"], "properties": {
    "file": STRING, "line": {"type": "integer", "description": "the CSV line (header: 1)"},
    "path": {"type": "string", "description": "the JSON pointer of a JSON entry"}}}
SET_TYPES = ["warmup", "working", "drop", "failure"]
UNITS = ["kg", "lb"]

ME_SCHEMAS: dict[str, Any] = {
    "Me": _obj({"ok": {"type": "boolean"}, "user": STRING, "created": STRING,
                "workouts": _INT, "sets": _INT}),
    "MeDeleted": _obj({"ok": {"type": "boolean"}, "deleted": _obj({
        "user": STRING, "workouts": _INT, "sets": _INT})}),
    "LoggedSet": _obj({
        "id": STRING, "exercise": {**STRING, "description": "the exercise's slug"},
        "name": {**STRING, "description": "the exercise as the file named it"},
        "order": _INT, "type": {"type": "string", "enum": SET_TYPES},
        "reps": _NINT, "load": _NNUM, "unit": {"type": "string", "enum": UNITS,
                                               "nullable": True},
        "load_kg": _NNUM, "distance_m": _NNUM, "duration_seconds": _NNUM, "rpe": _NNUM,
        "rir": _NNUM, "superset": NSTRING, "notes": NSTRING, "source": SOURCE}),
    "WorkoutSummary": _obj({
        "id": STRING, "date": {"type": "string", "format": "date"}, "start": STRING,
        "end": NSTRING, "title": NSTRING, "duration_seconds": _NNUM, "notes": NSTRING,
        "sets": {"type": "integer", "description": "how many sets"}}),
    "Workout": _obj({
        "id": STRING, "date": {"type": "string", "format": "date"}, "start": STRING,
        "end": NSTRING, "title": NSTRING, "duration_seconds": _NNUM, "notes": NSTRING,
        "sets": array(ref("LoggedSet"))}),
    "WorkoutList": _obj({"ok": {"type": "boolean"}, "total": _INT, "limit": _INT,
                         "offset": _INT, "next": NSTRING,
                         "items": array(ref("WorkoutSummary"))}),
    "WorkoutDocument": _obj({"ok": {"type": "boolean"}, "workout": ref("Workout")}),
    "WorkoutAdded": _obj({"ok": {"type": "boolean"}, "added_sets": _INT,
                          "workout": ref("Workout")}),
    "WorkoutDeleted": _obj({"ok": {"type": "boolean"}, "deleted": _obj({
        "workout": STRING, "sets": _INT})}),
    "ImportReport": _obj({"ok": {"type": "boolean"}, "report": _obj({
        "file": STRING, "format": {"type": "string", "enum": list(FORMATS)}, "rows": _INT,
        "imported_sets": _INT, "new_sessions": _INT, "skipped_rows": _INT,
        "skipped_by_reason": {"type": "object", "additionalProperties": _INT},
        "unmapped": array(_obj({"name": STRING, "rows": _INT,
                                "suggestions": array(STRING)}, ["name", "rows"])),
        "mapped": array(_obj({"name": STRING, "exercise": STRING, "how": STRING})),
        "skipped": array({"type": "object", "required": ["reason"], "properties": {
            "reason": STRING, "line": _INT, "path": STRING}})})}),
    "Progress": _obj({"ok": {"type": "boolean"}, "exercise": STRING, "sessions": array(_obj({
        "workout": STRING, "date": {"type": "string", "format": "date"},
        "working_sets": _INT, "volume_load_kg": _NNUM,
        "best_set": {"allOf": [ref("LoggedSet")], "nullable": True},
        "e1rm_kg": {**_obj({"epley": _NNUM, "brzycki": _NNUM}), "nullable": True},
        "low_confidence": {"type": "boolean", "nullable": True}}))}),
    "Volume": _obj({"ok": {"type": "boolean"}, "weeks": array(_obj({
        "week": {"type": "string", "pattern": r"^\d{4}-W\d{2}$"},
        "start": {"type": "string", "format": "date"},
        "sets": {"type": "object", "additionalProperties": _NUM,
                 "description": "muscle group slug -> sets (primary 1, secondary 0.5)"}})),
        "counting": _obj({"primary": _NUM, "secondary": _NUM, "stabilizer": _NUM}),
        "unknown_exercises": array(STRING)}),
    "NewWorkout": {
        "type": "object", "required": ["start", "sets"],
        "description": "One session of the exgraph log format (docs/history.md)",
        "properties": {
            "start": {**STRING, "description": "2024-03-01T18:00:00 (or 1 Mar 2024, 18:00)"},
            "end": STRING, "title": STRING, "notes": STRING, "duration_seconds": _NUM,
            "sets": {"type": "array", "minItems": 1, "maxItems": MAX_SESSION_SETS,
                     "items": {"type": "object", "required": ["exercise"], "properties": {
                         "exercise": {**STRING, "description": "a slug, alias, IRI or name"},
                         "type": {"type": "string", "enum": SET_TYPES, "default": "working"},
                         "order": {"type": "integer", "minimum": 0, "maximum": 1000},
                         "reps": {"type": "integer", "minimum": 0},
                         "load": {"type": "number", "minimum": 0},
                         "unit": {"type": "string", "enum": UNITS, "default": "kg"},
                         "distance_m": {"type": "number", "minimum": 0},
                         "duration_seconds": {"type": "number", "minimum": 0},
                         "rpe": {"type": "number", "minimum": 0, "maximum": 10},
                         "rir": {"type": "number", "minimum": 0},
                         "superset": STRING, "notes": STRING}}}}},
}

_SET_EXAMPLE = {
    "id": _SET_ID, "exercise": "bench-press", "name": "Bench Press (Barbell)", "order": 3,
    "type": "working", "reps": 5, "load": 80.0, "unit": "kg", "load_kg": 80.0,
    "distance_m": None, "duration_seconds": None, "rpe": None, "rir": None, "superset": None,
    "notes": None, "source": {"file": "strong.csv", "line": 4}}
_WORKOUT_EXAMPLE = {"id": _WORKOUT_ID, "date": "2024-01-08", "start": "2024-01-08T18:02:11",
                    "end": None, "title": "Push Day", "duration_seconds": 3900.0,
                    "notes": None, "sets": [_SET_EXAMPLE]}
EXAMPLES: dict[str, Any] = {
    "Me": {"ok": True, "user": "alice", "created": "2024-01-01T10:00:00Z", "workouts": 3,
           "sets": 20},
    "MeDeleted": {"ok": True, "deleted": {"user": "alice", "workouts": 3, "sets": 20}},
    "WorkoutList": {"ok": True, "total": 3, "limit": 1, "offset": 0,
                    "next": f"{PREFIX}/workouts?limit=1&offset=1",
                    "items": [{**_WORKOUT_EXAMPLE, "sets": 9}]},
    "WorkoutDocument": {"ok": True, "workout": _WORKOUT_EXAMPLE},
    "WorkoutAdded": {"ok": True, "added_sets": 1, "workout": _WORKOUT_EXAMPLE},
    "WorkoutDeleted": {"ok": True, "deleted": {"workout": _WORKOUT_ID, "sets": 9}},
    "ImportReport": {"ok": True, "report": {
        "file": "strong.csv", "format": "strong", "rows": 24, "imported_sets": 20,
        "new_sessions": 3, "skipped_rows": 4, "skipped_by_reason": {
            "Weight 'heavy' is not a number": 1, "a rest timer between sets, not a set": 1,
            "unmapped exercise name": 2},
        "unmapped": [{"name": "Running", "rows": 1,
                      "suggestions": ["running-treadmill", "zone-2-running"]}],
        "mapped": [{"name": "Bench Press (Barbell)", "exercise": "bench-press",
                    "how": "lookup, without (Barbell)"}],
        "skipped": [{"line": 5, "reason": "a rest timer between sets, not a set"}]}},
    "Progress": {"ok": True, "exercise": "bench-press", "sessions": [{
        "workout": _WORKOUT_ID, "date": "2024-01-08", "working_sets": 3,
        "volume_load_kg": 1200.0, "best_set": _SET_EXAMPLE,
        "e1rm_kg": {"epley": 93.3, "brzycki": 90.0}, "low_confidence": False}]},
    "Volume": {"ok": True, "weeks": [{"week": "2024-W03", "start": "2024-01-15",
                                      "sets": {"chest": 3.0, "shoulders": 1.5,
                                               "triceps": 1.5}}],
               "counting": {"primary": 1.0, "secondary": 0.5, "stabilizer": 0},
               "unknown_exercises": []},
    "NewWorkout": {"start": "2024-04-01T18:00:00", "title": "Quick", "sets": [
        {"exercise": "barbell-squat", "type": "warmup", "reps": 5, "load": 60},
        {"exercise": "barbell-squat", "reps": 5, "load": 100, "rir": 2}]},
}

#: What each error means on these routes, and an example message the routes give.
_WHY = {
    "400": "A bad parameter (unknown, or not a valid value) or body (the message names it "
           "and, for a file, its line)",
    "401": "No token, a malformed one or one that belongs to nobody (one message for all "
           "three); WWW-Authenticate says Bearer",
    "404": ERROR_WHY["404"],
    "413": "The file or body is larger than MAX_LOG_BYTES (32 MiB)",
    "503": ERROR_WHY["503"],
}
_SAYS = {
    "400": "weeks must be a whole number from 1 to 52, not '0'",
    "401": "a valid token is needed: Authorization: Bearer TOKEN (exgraph users add NAME "
           "prints one)",
    "404": "no workout '0123456789abcdef' in your log",
    "413": "the file is over 33554432 bytes (EXGRAPH_MAX_LOG_BYTES)",
    "503": ERROR_EXAMPLES["503"],
}
_HEADERS = {
    "401": {"WWW-Authenticate": {"description": "Bearer realm=\"exgraph\"", "required": True,
                                 "schema": STRING}},
    "503": {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
}


def error(code: str, why: str | None = None, says: str | None = None) -> dict[str, Any]:
    """The one error shape for a status of these routes."""
    response: dict[str, Any] = {
        "description": why or _WHY[code],
        "content": {"application/json": {"schema": ref("Error"), "example": {
            "ok": False, "error": says or _SAYS[code], "status": int(code)}}}}
    if code in _HEADERS:
        response["headers"] = _HEADERS[code]
    return response


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": ref(schema), "example": EXAMPLES[schema]}}


def _op(operation_id: str, summary: str, ok: dict[str, Any], *, errors: tuple[str, ...] = (),
        parameters: list[dict[str, Any]] | None = None, body: dict[str, Any] | None = None,
        description: str | None = None, created: bool = False,
        headers: dict[str, Any] | None = None, says: dict[str, str] | None = None
        ) -> dict[str, Any]:
    """An operation of these routes: the token needed, no ETag, no 304; 400 (an unknown
    parameter at least), 401 and 503 always."""
    responses: dict[str, Any] = {"200": {"description": "OK", "content": ok}}
    if headers:
        responses["200"]["headers"] = headers
    if created:
        responses["201"] = {"description": "Created", "content": ok, "headers": headers}
        for code in ("200", "201"):  # the workout just logged, by its id
            responses[code]["links"] = {name: {
                "operationId": target, "parameters": {
                    "workout_id": "$response.body#/workout/id"}} for name, target in (
                ("GetWorkout", "getMyWorkout"), ("DeleteWorkout", "deleteMyWorkout"))}
    for code in ("400", *errors, "401", "503"):
        responses.setdefault(code, error(code, says=(says or {}).get(code)))
    operation: dict[str, Any] = {"operationId": operation_id, "tags": ["me"],
                                 "summary": summary, "security": SECURITY,
                                 "parameters": parameters or [], "responses": responses}
    if body is not None:
        operation["requestBody"] = body
    if description:
        operation["description"] = description
    return operation


def _query(name: str, schema: dict[str, Any], description: str, *, required: bool = False,
           example: Any = None) -> dict[str, Any]:
    param = {"name": name, "in": "query", "required": required, "description": description,
             "schema": schema}
    if example is not None:
        param["example"] = example
    return param


_WORKOUT_PARAM = {"name": "workout_id", "in": "path", "required": True,
                  "description": "a workout's id (16 hex digits; another user's is a 404)",
                  "schema": STRING, "example": _WORKOUT_ID}
_DISPOSITION = {"Content-Disposition": {"description": "attachment; filename=\"exgraph-log-"
                                                       "NAME.nq\" (or .jsonld)",
                                        "required": True, "schema": STRING}}
_NQUADS_EXAMPLE = ("<urn:exgraph:user:ec3e1eb90d35e213:session:" + _WORKOUT_ID + "> "
                   "<https://schema.org/name> \"Push Day\" <urn:exgraph:user:ec3e1eb90d35e213>"
                   " .\n")
_JSONLD_EXAMPLE = [{"@id": "urn:exgraph:user:ec3e1eb90d35e213:session:" + _WORKOUT_ID,
                    "https://schema.org/name": [{"@value": "Push Day"}]}]
_EXPORTS = {
    "application/n-quads": {"schema": STRING, "example": _NQUADS_EXAMPLE},
    "application/ld+json": {"schema": array({"type": "object"}), "example": _JSONLD_EXAMPLE}}
_FILE = {"type": "string", "format": "binary"}
_IMPORT_BODY = {"required": True, "description": (
    "The exported file as the body (its name in `file`), or a multipart form with the part "
    "`file` and an optional part `mapping` (a CSV `name,exercise`)"), "content": {
        "text/csv": {"schema": STRING, "example": (
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
            "Notes,Workout Notes,RPE\n2024-01-08 18:02:11,Push Day,1h 5m,Bench Press (Barbell)"
            ",1,80,5,0,0,,,\n")},
        "application/json": {"schema": {"type": "object"}, "example": {
            "format": "exgraph-log", "version": 1, "sessions": [EXAMPLES["NewWorkout"]]}},
        "application/octet-stream": {"schema": _FILE},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                           "properties": {"file": _FILE, "mapping": _FILE}}}}}

ME_PATHS: dict[str, Any] = {
    PREFIX: {
        "get": _op("getMe", "Who the token names, and how much is in their log",
                   _json("Me")),
        "delete": _op("deleteMe", "Delete your log and yourself (the token stops working)",
                      _json("MeDeleted"))},
    f"{PREFIX}/export": {"get": _op(
        "exportMyLog", "Your whole log as one named graph (JSON-LD by default)", _EXPORTS,
        parameters=[_query("format", {"type": "string", "enum": ["nquads", "jsonld"],
                                      "default": "jsonld"}, "nquads or jsonld")],
        headers=_DISPOSITION)},
    f"{PREFIX}/export.nq": {"get": _op(
        "exportMyLogNquads", "Your whole log as N-Quads",
        {"application/n-quads": _EXPORTS["application/n-quads"]}, headers=_DISPOSITION)},
    f"{PREFIX}/export.jsonld": {"get": _op(
        "exportMyLogJsonld", "Your whole log as JSON-LD",
        {"application/ld+json": _EXPORTS["application/ld+json"]}, headers=_DISPOSITION)},
    f"{PREFIX}/imports": {"post": _op(
        "importMyLog", "Import a Strong CSV, Hevy CSV, wger log or exgraph JSON export",
        _json("ImportReport"), errors=("413",), body=_IMPORT_BODY,
        parameters=[
            _query("file", STRING, "the file's name, kept with every fact it gives (the raw "
                   "body; a multipart part has its own)", example="strong.csv"),
            _query("format", {"type": "string", "enum": ["auto", *FORMATS], "default": "auto"},
                   "the export's format (auto: told from its first bytes)"),
            _query("unit", {"type": "string", "enum": UNITS, "default": "kg"},
                   "the unit of a Strong export's weights (the file does not say)")],
        description="Every row is imported or skipped with its reason and line; the same file "
                    "again adds nothing; names the lookup cannot map are listed with the "
                    "closest exercises (docs/history.md).")},
    f"{PREFIX}/workouts": {
        "get": _op("listMyWorkouts", "Your workouts, latest first, a page at a time",
                   _json("WorkoutList"), parameters=[
                       _query("limit", {"type": "integer", "minimum": 1,
                                        "maximum": MAX_LIMIT, "default": LIMIT}, "page size"),
                       _query("offset", {"type": "integer", "minimum": 0,
                                         "maximum": 10**9, "default": 0}, "workouts to skip")]),
        "post": _op("addMyWorkout", "Log one workout (200 when every set was there already)",
                    _json("WorkoutAdded"), errors=("413",), created=True,
                    headers={"Location": {"$ref": "#/components/headers/Location"}},
                    body={"required": True, "content": {"application/json": {
                        "schema": ref("NewWorkout"), "example": EXAMPLES["NewWorkout"]}}})},
    f"{PREFIX}/workouts/{{workout_id}}": {
        "get": _op("getMyWorkout", "One of your workouts with its sets",
                   _json("WorkoutDocument"), errors=("404",), parameters=[_WORKOUT_PARAM]),
        "delete": _op("deleteMyWorkout", "Delete one of your workouts and its sets",
                      _json("WorkoutDeleted"), errors=("404",), parameters=[_WORKOUT_PARAM])},
    f"{PREFIX}/progress": {"get": _op(
        "getMyProgress", "Per workout of one exercise: best set, estimated maxima, volume load",
        _json("Progress"), errors=("404",), says={"404": "no exercise 'no-such-thing'"},
        parameters=[
            # an exercise of every graph served (the curated one too)
            _query("exercise", STRING, "a slug, alias, IRI or name (one the graph lacks: 404)",
                   required=True, example="machine-back-extension")],
        description="Epley and Brzycki from the best working set; an estimate from more than "
                    "10 reps is low_confidence.")},
    f"{PREFIX}/volume": {"get": _op(
        "getMyVolume", "Weekly sets per muscle group (primary 1, secondary 0.5)",
        _json("Volume"), parameters=[
            _query("weeks", {"type": "integer", "minimum": 1, "maximum": MAX_WEEKS,
                             "default": 4}, "ISO weeks to count"),
            _query("until", {"type": "string", "format": "date"},
                   "a day of the last week counted (default: your latest workout)",
                   example="2024-01-31")])},
}
ME_TAG = {"name": "me", "description": "Your own training log (a bearer token; private)"}


def with_history(plan_paths: dict[str, Any]) -> dict[str, Any]:
    """The plan routes' part with ``history: "me"`` added to the JSON body of the two JSON
    routes' POST: the bearer token becomes needed (security: none, or the token) and a 401
    possible. The other plan formats refuse history (400)."""
    paths = copy.deepcopy(plan_paths)
    for path in ("/api/v1/plans", "/api/v1/plans.json"):
        post = paths.get(path, {}).get("post")
        if post is None:
            continue
        # the plan routes share one body object: this one gets its own copy
        post["requestBody"] = copy.deepcopy(post["requestBody"])
        schema = post["requestBody"]["content"]["application/json"]["schema"]
        schema["properties"]["history"] = {
            "type": "string", "enum": ["me"],
            "description": "continue the plan from the token's user's log (docs/history.md, "
                           "section 6); needs Authorization: Bearer TOKEN"}
        post["security"] = [{}, *SECURITY]
        post["responses"]["401"] = error("401", "history: \"me\" without a valid token")
        post["description"] = ("With history: \"me\" and the token, the plan continues from "
                               "the user's log: the answer adds `history` (replaced exercises,"
                               " emphasised groups, next session loads, each number with the "
                               "logged sets it came from) and is never cached.")
    return paths
