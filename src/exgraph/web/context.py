"""What a request reaches through the current app: its store, and the one JSON error shape."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify

from exgraph.graph.store import Store


def get_store() -> Store:
    """The store of the current app."""
    store: Store = current_app.extensions["exgraph_store"]
    return store


def error_response(message: str, status: int) -> Any:
    """The one JSON error shape: ``{"ok": false, "error": message, "status": status}``."""
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    return response
