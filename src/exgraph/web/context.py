"""What a request reaches through the current app: its store, and the one JSON error shape."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Response, current_app, jsonify
from werkzeug.exceptions import HTTPException

from exgraph.errors import ExgraphError
from exgraph.graph.store import Store


def get_store() -> Store:
    """The store of the current app."""
    store: Store = current_app.extensions["exgraph_store"]
    return store


def error_response(message: str, status: int, headers: Mapping[str, str] | None = None,
                   details: Mapping[str, Any] | None = None) -> Response:
    """The one JSON error shape: ``{"ok": false, "error": message, "status": status}``, with
    details beside them (e.g. an update's SHACL ``problems``) and the given headers."""
    response: Response = jsonify({**(details or {}), "ok": False, "error": message,
                                  "status": status})
    response.status_code = status
    response.headers.update(headers or {})
    return response


def error_parts(exc: ExgraphError | HTTPException) -> tuple[str, int, dict[str, str]]:
    """What every response to an error says, whatever its media type: (message, status,
    headers): an ExgraphError's own status and headers (Retry-After, WWW-Authenticate), an
    HTTP error's (Allow of a 405)."""
    if isinstance(exc, ExgraphError):
        return str(exc), exc.status, exc.headers()
    valid = getattr(exc, "valid_methods", None)
    return (exc.description or exc.name, exc.code or 500,
            {"Allow": ", ".join(valid)} if valid else {})


def exception_response(exc: ExgraphError | HTTPException) -> Response:
    """An error as the one JSON error shape (the app's error handler)."""
    message, status, headers = error_parts(exc)
    details = exc.details() if isinstance(exc, ExgraphError) else None
    return error_response(message, status, headers, details)


def json_depth_exceeds(data: bytes, limit: int) -> bool:
    """Whether JSON text nests arrays and objects deeper than limit (a linear scan that skips
    strings; the text need not be valid). Python's parser recurses per level: 1,000 levels are
    a RecursionError, so a deep body is refused before it is parsed."""
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return False
