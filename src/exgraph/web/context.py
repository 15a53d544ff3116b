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
