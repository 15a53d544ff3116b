"""The Flask application factory: the SPARQL endpoint, the JSON API and exports on one store."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from flask import Flask, g, jsonify, request
from flask_compress import Compress
from werkzeug.exceptions import HTTPException

from exgraph.config import DEFAULTS
from exgraph.errors import RETRY_AFTER, BadRequest, Busy, ExgraphError
from exgraph.graph.load import open_store
from exgraph.web import replay
from exgraph.web.api.me import bp as me_bp  # training history (issue 26)
from exgraph.web.api.plans import bp as plans_bp
from exgraph.web.api.routes import bp as api_bp
from exgraph.web.cache import state
from exgraph.web.context import error_response, exception_response, json_depth_exceeds
from exgraph.web.cors import apply_cors
from exgraph.web.pages import bp as pages_bp
from exgraph.web.sparql.endpoint import bp as sparql_bp

#: Where the app keeps the outcome of validating its graph (a validate.Report), when someone
#: validated it (``exgraph serve`` does unless --no-validate): /readyz is 503 when it failed.
VALIDATION_KEY = "exgraph_validation"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``EXGRAPH_*`` environment variables, then ``config``.

    ``config["STORE"]`` may hand in an opened :class:`~exgraph.graph.store.Store` (tests do this);
    otherwise the store is opened from ``STORE_SPEC`` and ``EXTRA_DATA``.
    """
    app = Flask(__name__)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("EXGRAPH")
    if config:
        app.config.from_mapping(config)

    store = app.config.get("STORE")
    if store is None:
        store = open_store(
            app.config["STORE_SPEC"], [Path(p) for p in app.config["EXTRA_DATA"]]
        )
    app.extensions["exgraph_store"] = store

    _admit(app)
    app.register_blueprint(api_bp)
    app.register_blueprint(plans_bp, name_prefix="api")  # api.plans.*: the API's hooks apply
    app.register_blueprint(me_bp)  # /api/v1/me: private, token-bound, never cached
    app.register_blueprint(sparql_bp)
    app.register_blueprint(pages_bp)

    @app.get("/healthz")
    def healthz() -> Any:
        """Liveness: the process answers. Costs a cache lookup: the triple count is counted
        once per store generation."""
        return jsonify({"ok": True, "backend": store.backend, "triples": state(app).triples})

    @app.get("/readyz")
    def readyz() -> Any:
        """Readiness: 200 when the store answers, holds triples and did not fail the validation
        recorded under ``VALIDATION_KEY`` (``exgraph serve`` validates before serving), else
        503 with the reason."""
        try:
            triples = state(app).triples
        except ExgraphError as exc:
            return _unavailable(f"not ready: the store does not answer: {exc}")
        if triples == 0:
            return _unavailable("not ready: the graph is empty")
        report = app.extensions.get(VALIDATION_KEY)
        if report is not None and not report.conforms:
            first = report.problems[0] if report.problems else None
            return _unavailable(f"not ready: the graph failed validation "
                                f"({len(report.problems)} problem(s)"
                                + (f", first: {first.focus} {first.message})" if first else ")"))
        return jsonify({"ok": True, "backend": store.backend, "triples": triples})

    for key, value in COMPRESSION.items():
        app.config.setdefault(key, value)
    _Compress(app)

    app.register_error_handler(ExgraphError, exception_response)
    app.register_error_handler(HTTPException, exception_response)
    _output_safety(app)
    # -- issue 25: cached API answers replayed below Flask (web/replay.py) -------------------
    app.wsgi_app = replay.Replay(app, app.wsgi_app)  # type: ignore[method-assign]
    app.ensure_sync = _sync_once(app.ensure_sync)  # type: ignore[method-assign,assignment]
    # -----------------------------------------------------------------------------------------
    return app


# --- issue 21: output safety ------------------------------------------------------------------


def _output_safety(app: Flask) -> None:
    """Every response says ``X-Content-Type-Options: nosniff`` (a browser never runs a JSON,
    Turtle or SPARQL answer as a script or page); a JSON body nested deeper than
    MAX_JSON_DEPTH is a 400 before anything parses it."""

    @app.before_request
    def refuse_deep_json() -> None:
        if request.method in ("POST", "PUT", "PATCH") and request.is_json:
            limit = int(app.config.get("MAX_JSON_DEPTH", DEFAULTS["MAX_JSON_DEPTH"]))
            if json_depth_exceeds(request.get_data(cache=True), limit):
                raise BadRequest(f"the JSON body nests arrays and objects more than {limit} "
                                 f"deep (MAX_JSON_DEPTH)")

    @app.after_request
    def nosniff(response: Any) -> Any:
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.after_request
    def cors(response: Any) -> Any:
        return apply_cors(request, response)  # the one policy: web/cors.py's table


#: Compression (flask-compress) of answers larger than a kilobyte, when the client accepts it:
#: JSON, CSV, HTML and SPARQL results. Streamed answers and the exports are left alone (the
#: exports keep their gzipped bytes themselves: compressing megabytes per request costs more).
COMPRESSION: dict[str, Any] = {
    "COMPRESS_MIMETYPES": ["application/json", "text/csv", "text/html", "text/css",
                           "application/javascript", "text/javascript", "image/svg+xml",
                           "application/sparql-results+json", "application/sparql-results+xml",
                           "text/tab-separated-values"],
    "COMPRESS_MIN_SIZE": 1024,
    "COMPRESS_STREAMS": False,
    # level 1: a large JSON page shrinks about as much (text repeats) at a fraction of the CPU;
    # at the default 6 a client asking for the same 300 KB page again and again cost the server
    # more compressing than answering (tests/system/hostile/test_hostile.py)
    "COMPRESS_LEVEL": 1,
    "COMPRESS_BR_LEVEL": 1,
}


class _Compress(Compress):
    """flask-compress, leaving alone the answers it would never compress: they do not vary on
    Accept-Encoding, so they do not say they do (Linked Data pages promise which headers they
    vary on)."""

    def after_request(self, response: Any) -> Any:
        if response is not None and response.mimetype not in self.compress_mimetypes_set:
            return response
        return super().after_request(response)


#: Endpoints outside the API's admission: health and readiness (they must answer when everything
#: else is busy) and static files; /sparql's (``sparql.*``) has its own, SPARQL_CONCURRENCY.
UNADMITTED = frozenset({"healthz", "readyz", "static"})


def _admit(app: Flask) -> None:
    """Admission for the JSON API, the pages and the exports: at most API_CONCURRENCY requests
    at once, the next ones answered 503 with Retry-After at once (never queued on a thread), so
    with /sparql's own limit a thread is always left for /healthz."""
    slots = threading.BoundedSemaphore(max(1, int(app.config["API_CONCURRENCY"])))
    app.extensions[replay.SLOTS] = slots  # issue 25: a replayed answer takes a slot too
    held = "exgraph_api_slot"

    @app.before_request
    def take_slot() -> None:
        endpoint = request.endpoint or ""
        if endpoint in UNADMITTED or endpoint.startswith("sparql.") or endpoint.endswith(
                ".static"):
            return
        if not slots.acquire(blocking=False):
            raise Busy(f"the server is answering as many requests as it may "
                       f"({app.config['API_CONCURRENCY']}); retry in {RETRY_AFTER} s")
        g.setdefault(held, True)

    @app.teardown_request
    def give_slot(_exc: BaseException | None) -> None:
        if g.pop(held, False):
            slots.release()


def _sync_once(ensure_sync: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Flask's ``ensure_sync``, remembered per function (issue 25): Flask asks it of every view,
    hook and handler on every request (8-9 times per API request), and it asks
    ``inspect.iscoroutinefunction`` each time, 1-2 µs apiece. The same function always gets
    the same answer; at most 4,096 are remembered (views, hooks and handlers are a fixed set)."""
    known: dict[Any, Any] = {}

    def remembered(func: Any) -> Any:
        found = known.get(func)
        if found is None:
            found = ensure_sync(func)
            if len(known) < 4096:
                known[func] = found
        return found

    return remembered


def _unavailable(message: str) -> Any:
    return error_response(message, 503, {"Retry-After": str(RETRY_AFTER)})

