"""Typed errors. Each maps to one HTTP status and one CLI message; the one JSON error response is
:func:`exgraph.web.context.error_response`."""

from __future__ import annotations


class ExgraphError(Exception):
    """Base class: a problem the user can act on. ``status`` is the HTTP status it maps to."""

    status = 500


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


#: Seconds a client turned away by admission control is asked to wait (Retry-After).
RETRY_AFTER = 1


class Busy(ExgraphError):
    """Every slot of a limited resource is taken (the API's, /sparql's, the exports'): try
    again shortly; the response carries Retry-After (``retry_after`` seconds)."""

    status = 503
    retry_after = RETRY_AFTER
