"""The one CORS policy of the server, as a table of paths.

Public reads are open to pages anywhere, never with credentials (no cookie is ever allowed
across origins): the JSON API and the exports answer GET, HEAD and OPTIONS from any origin, and
the SPARQL endpoint answers any origin (a page may query it, and send SPARQL Update with its
bearer token in ``Authorization``). Everything else (the HTML pages, ``/me``) sends no CORS
header, so browsers keep it same-origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request, Response

from exgraph.web.sparql.service import DESTRUCTIVE_HEADER


@dataclass(frozen=True)
class CorsPolicy:
    """What a cross-origin caller may do under some path prefixes."""

    prefixes: tuple[str, ...]
    #: the methods whose answers carry Access-Control-Allow-Origin (None: every method)
    methods: tuple[str, ...] | None
    #: the response headers a page may read besides the safelisted ones
    expose: str
    #: headers a preflight may ask for; None: echo what it asks, else this default
    allow_headers: str
    #: a preflight's Access-Control-Allow-Methods and Max-Age (None: not sent)
    allow_methods: str | None = None
    max_age: int | None = None
    #: whether the preflight echoes the headers asked for (read-only routes take any)
    echo_asked: bool = False


#: The table, first match wins.
POLICIES: tuple[CorsPolicy, ...] = (
    CorsPolicy(prefixes=("/api/v1/", "/export."), methods=("GET", "HEAD", "OPTIONS"),
               # Link carries the paging URLs; Content-Language is readable without listing
               expose="ETag, Link", allow_headers="Accept, Accept-Language, If-None-Match",
               allow_methods="GET, HEAD, OPTIONS", max_age=86400, echo_asked=True),
    CorsPolicy(prefixes=("/sparql",), methods=None, expose="X-Exgraph-Truncated",
               # Authorization: SPARQL Update from a page sends its bearer token
               allow_headers=f"Accept, Content-Type, Authorization, {DESTRUCTIVE_HEADER}"),
)


def policy_for(path: str) -> CorsPolicy | None:
    """The policy of a request path, or None (same-origin only)."""
    for policy in POLICIES:
        if path.startswith(policy.prefixes):
            return policy
    return None


def apply_cors(request: Request, response: Response) -> Response:
    """Add the CORS headers of the request's path to its response (an after-request hook)."""
    policy = policy_for(request.path)
    if policy is None:
        return response
    if policy.methods is None or request.method in policy.methods:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = policy.expose
    if request.method == "OPTIONS":
        asked = request.headers.get("Access-Control-Request-Headers")
        response.headers["Access-Control-Allow-Headers"] = (
            (asked if policy.echo_asked and asked else None) or policy.allow_headers)
        if policy.allow_methods:
            response.headers["Access-Control-Allow-Methods"] = policy.allow_methods
        if policy.max_age is not None:
            response.headers["Access-Control-Max-Age"] = str(policy.max_age)
    return response
