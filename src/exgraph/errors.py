"""Typed errors. Each maps to one HTTP status and one CLI message; the one JSON error response is
:func:`exgraph.web.context.exception_response` (``{"ok": false, "error", "status"}``, plus the
error's :meth:`~ExgraphError.details` and :meth:`~ExgraphError.headers`)."""

from __future__ import annotations

from typing import Any

#: Seconds a client turned away by admission control, or by a query that ran out of time or
#: memory, is asked to wait (Retry-After).
RETRY_AFTER = 1


class ExgraphError(Exception):
    """Base class: a problem the user can act on. ``status`` is the HTTP status it maps to;
    ``retry_after``, when set, the seconds after which trying again may succeed."""

    status = 500
    retry_after: int | None = None

    def details(self) -> dict[str, Any]:
        """Fields the JSON error body carries beside the message (none by default)."""
        return {}

    def headers(self) -> dict[str, str]:
        """Headers the error response carries: Retry-After when the error passes."""
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


class DataError(ExgraphError):
    """A data file is missing, does not parse, or does not validate."""

    status = 500


class BadRequest(ExgraphError):
    """The request is malformed: a bad parameter, a bad query."""

    status = 400


class NotFound(ExgraphError):
    """The resource does not exist."""

    status = 404


class Forbidden(ExgraphError):
    """The request is not allowed (e.g. SPARQL Update without the token)."""

    status = 403


class NotAcceptable(ExgraphError):
    """Nothing the client accepts can be produced."""

    status = 406


class QueryTimeout(ExgraphError):
    """A query ran past the time limit and was stopped."""

    status = 503
    retry_after = RETRY_AFTER


class Busy(ExgraphError):
    """Every slot of a limited resource is taken (the API's, /sparql's, the exports'): try
    again shortly; the response carries Retry-After (``retry_after`` seconds)."""

    status = 503
    retry_after = RETRY_AFTER
