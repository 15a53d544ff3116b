"""The Flask application factory: the SPARQL endpoint, the JSON API and exports on one store."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, current_app, jsonify
from werkzeug.exceptions import HTTPException

from .errors import ExgraphError
from .store import Store, open_store

DEFAULTS: dict[str, Any] = {
    "STORE_SPEC": "oxigraph",  # oxigraph | rdflib | a directory | sparql+http://...
    "EXTRA_DATA": [],  # extra Turtle files loaded beside the bundled graph
    "QUERY_TIMEOUT": 5.0,  # seconds a /sparql query may run before its worker is killed
    "MAX_ROWS": 10_000,  # result-row cap for /sparql
    "SPARQL_WORKERS": 2,  # worker processes that run /sparql queries
    "UPDATE_TOKEN": None,  # SPARQL Update is refused (403) unless set and presented
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then ``EXGRAPH_*`` environment variables, then ``config``.

    ``config["STORE"]`` may hand in an opened :class:`~exgraph.store.Store` (tests do this);
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

    from .api import bp as api_bp
    from .sparql import bp as sparql_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(sparql_bp)

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"ok": True, "backend": store.backend, "triples": len(store)})

    app.register_error_handler(ExgraphError, _exgraph_error)
    app.register_error_handler(HTTPException, _http_error)
    return app


def get_store() -> Store:
    """The store of the current app."""
    store: Store = current_app.extensions["exgraph_store"]
    return store


def error_response(message: str, status: int) -> Any:
    """The one JSON error shape: ``{"ok": false, "error": message, "status": status}``."""
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    return response


def _exgraph_error(exc: ExgraphError) -> Any:
    return error_response(str(exc), exc.status)


def _http_error(exc: HTTPException) -> Any:
    response = error_response(exc.description or exc.name, exc.code or 500)
    if exc.code == 405 and exc.valid_methods:  # type: ignore[attr-defined]
        response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
    return response

