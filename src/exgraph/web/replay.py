"""Replaying a cached API answer below Flask (issue 25, "API at the ceiling").

The JSON API keeps its GET answers (:mod:`exgraph.web.api.routes`, ``_cached_response``): a
repeated request costs no query. It still cost the whole of Flask around the cached bytes:
the request context, URL matching, the API's key (host URL, path, the negotiated media type and
language: parsing Accept and Accept-Language), rebuilding the response and its headers, then
every after-request hook (ETag, Cache-Control, the conditional check, nosniff, CORS,
compression). Measured in process, through the WSGI call a server makes: the headline route
from the response cache 242-264 µs of CPU, a trivial Flask route 60 µs; under waitress (wrk)
643 against 288 µs, 0.45 of the trivial route where issue 25 asks for 0.75.

:class:`Replay` sits in front of Flask (``app.wsgi_app``) and keeps, per data generation
(inside :class:`~exgraph.web.cache.ApiState`, so an update drops it with everything else), the
final status, headers and bytes of each answer the API's response cache holds, under the
request's raw key: scheme, host, path, query string and the raw Accept, Accept-Language and
Accept-Encoding headers. A GET with the same key is answered with those bytes. What the hooks
did to the answer is in what is replayed (nosniff, the CORS headers of the path, ETag,
Cache-Control, Vary, Content-Language, a compressed body with its Content-Encoding); what they
decide per request is done here the same way or left to Flask:

* **admission**: a replay of the API takes one of the API's ``API_CONCURRENCY`` slots like any
  API request (the same semaphore, :func:`exgraph.web.app._admit`); with none free, the request
  goes on to Flask, whose admission answers 503 as before. /sparql's GET answers from its answer
  cache (marked replayable by the endpoint) take no slot there, and none here;
* **conditional requests and ranges** (If-None-Match, If-Match, If-Modified-Since,
  If-Unmodified-Since, Range, If-Range) always go to Flask, whose hook answers 304 or 412;
* the **Date** header is not replayed (the server writes the current one);
* the **deep-JSON check** concerns bodies of POST, PUT and PATCH: only GET is replayed;
* only answers the API hook marked replayable (``REPLAYABLE`` in the WSGI environ: a GET it
  stored in or served from its response cache, a 200 with a known length, not an export) are
  kept, and only when they are still a 200 without Set-Cookie after every hook.

The raw key is more specific than the API's own (which negotiates the media type and language
first): two spellings of one Accept header are two replay entries of the same answer, never
two answers under one key. The entries are bounded by bytes (``API_CACHE_BYTES``, as the
API's own cache), so no choice of headers can grow them. Entries whose bodies are equal share
one copy of the bytes (kept once, under their digest, in a cache of bodies with the same byte
bound): 2,048 spellings of one Accept header for the 359 kB list of 1,000 exercises (28 kB
gzipped) had the server grow 56 MiB, one compressed copy per spelling, and now 17 MiB, flat
after the first 256 (tests/system/hostile/test_hostile.py,
``test_accept_header_variants_share_one_cache_entry``).
Each entry still counts its body's length, so the entries' bound holds whatever is shared; the
bodies' cache adds only bodies no entry holds any more: the API's cache, the replays and the
bodies hold at most three times ``API_CACHE_BYTES``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from exgraph.web.cache import setting, state

if TYPE_CHECKING:
    from flask import Flask

#: The WSGI environ key the API's after-request hook sets on an answer that may be replayed.
REPLAYABLE = "exgraph.replayable"
#: Where the app keeps the API's admission semaphore (set by exgraph.web.app._admit).
SLOTS = "exgraph_api_slots"
#: Requests under these paths may be replayed (the API's blueprint, never /api/v1/me; the
#: SPARQL endpoint's GET answers from its answer cache).
PREFIXES = ("/api/v1/", "/sparql")
PRIVATE = "/api/v1/me"
#: The paths whose replays take an API admission slot (/sparql's cached answers take none in
#: Flask either: a cached answer runs nothing).
ADMITTED = "/api/"
#: Request headers that make the answer conditional or partial: such requests go to Flask.
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE",
               "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE", "HTTP_IF_RANGE")
#: The environ values an answer may depend on, in the key's order.
KEY_FIELDS = ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "PATH_INFO",
              "QUERY_STRING", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT_ENCODING")
#: Bytes counted per entry besides its key, headers and body (the tuples and the dict slot).
OVERHEAD = 256
FAMILY = "replay"
#: The cache of bodies shared by entries (:func:`_shared`).
BODIES = "replay-bodies"

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Entry = tuple[str, list[tuple[str, str]], bytes]


def replay_key(environ: dict[str, Any]) -> tuple[str, ...] | None:
    """The raw key of a request that may be replayed, or None (not a plain GET of the API)."""
    if environ.get("REQUEST_METHOD") != "GET":
        return None
    path = environ.get("PATH_INFO", "")
    if not path.startswith(PREFIXES) or path.startswith(PRIVATE):
        return None
    for name in CONDITIONAL:
        if name in environ:
            return None
    return tuple(str(environ.get(name, "")) for name in KEY_FIELDS)


class Replay:
    """WSGI middleware: answers a GET of the API from the replay entries, or runs the app and
    keeps what it answered when the API marked it replayable."""

    def __init__(self, app: Flask, wsgi_app: WsgiApp) -> None:
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse
                 ) -> Iterable[bytes]:
        key = replay_key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        entries = state(self.app).sized(FAMILY, setting("API_CACHE_BYTES", self.app))
        found: Entry | None = entries.get(key)
        if found is not None and not key[4].startswith(ADMITTED):
            status, headers, body = found
            start_response(status, list(headers))
            return [body]
        if found is not None:
            slots = self.app.extensions.get(SLOTS)
            if slots is not None and slots.acquire(blocking=False):
                try:
                    status, headers, body = found
                    start_response(status, list(headers))
                    return [body]
                finally:
                    slots.release()
            # no slot free: Flask's own admission answers (503 with Retry-After)
        return self._record(environ, start_response, key, entries)

    def _record(self, environ: dict[str, Any], start_response: StartResponse,
                key: tuple[str, ...], entries: Any) -> Iterable[bytes]:
        """Run the app; keep its answer when the API marked it replayable and it is still a
        200 without cookies after every hook."""
        seen: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            seen[:] = [status, headers]
            return start_response(status, headers, exc_info) if exc_info is not None else \
                start_response(status, headers)

        answer = self.wsgi_app(environ, capture)
        if not environ.get(REPLAYABLE) or not seen or not seen[0].startswith("200 "):
            return answer
        status, headers = seen
        if any(name.lower() == "set-cookie" for name, _ in headers):
            return answer
        try:
            body = b"".join(answer)
        finally:
            close = getattr(answer, "close", None)
            if close is not None:
                close()
        bodies = state(self.app).sized(BODIES, setting("API_CACHE_BYTES", self.app))
        body = _shared(bodies, body)
        kept = [(name, value) for name, value in headers if name.lower() != "date"]
        size = (len(body) + sum(map(len, key)) + sum(len(n) + len(v) for n, v in kept)
                + OVERHEAD)
        entries.put(key, (status, kept, body), size)
        return [body]


def _shared(bodies: Any, body: bytes) -> bytes:
    """The one copy of ``body`` the replays keep: an equal body already kept (found by its
    BLAKE2b digest: 23.5 µs for 28 kB by timeit here, paid only when an answer is recorded)
    or ``body``, kept from now on under its digest."""
    digest = hashlib.blake2b(body, digest_size=16).digest()
    found: bytes | None = bodies.get(digest)
    if found is not None and found == body:
        return found
    bodies.put(digest, body, len(body) + OVERHEAD)
    return body
