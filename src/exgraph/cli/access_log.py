"""The access log of ``exgraph serve``: one line per request, on the ``exgraph.access`` logger.

A WSGI middleware of our own on :mod:`logging` (waitress writes no access log, and paste's
TransLogger would be a dependency for twenty lines). Each line is in the Common Log Format,
followed by the seconds the request took::

    127.0.0.1 - - [27/Nov/2026:13:37:02 +0000] "GET /healthz HTTP/1.1" 200 15 0.002

The line is written when the response has been sent (or has failed), so the size is what went
out and the time includes sending it.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import IO, Any

LOGGER = logging.getLogger("exgraph.access")
#: Longest request target written; a long GET /sparql query is cut here.
MAX_TARGET = 2000

Environ = dict[str, Any]
StartResponse = Callable[..., Callable[[bytes], object]]
WSGIApp = Callable[[Environ, StartResponse], Iterable[bytes]]


def configure(stream: IO[str] | None = None) -> logging.Logger:
    """Send the access log to stream (default: standard output), one bare line per request."""
    if not LOGGER.handlers:
        handler = logging.StreamHandler(sys.stdout if stream is None else stream)
        handler.setFormatter(logging.Formatter("%(message)s"))
        LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False  # the root logger's format would prefix every line
    return LOGGER


class AccessLog:
    """WSGI middleware that logs each request to logger once its response is done."""

    def __init__(self, app: WSGIApp, logger: logging.Logger = LOGGER) -> None:
        self.app = app
        self.logger = logger

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        started = time.monotonic()
        response: dict[str, Any] = {"status": "-", "length": None}

        def recording(status: str, headers: list[tuple[str, str]], *exc_info: Any
                      ) -> Callable[[bytes], object]:
            response["status"] = status.split(" ", 1)[0]
            for name, value in headers:
                if name.lower() == "content-length" and value.isdigit():
                    response["length"] = int(value)
            return start_response(status, headers, *exc_info)

        def log(sent: int | None) -> None:
            size = response["length"] if sent is None else sent
            self.logger.info(line(environ, response["status"], size, time.monotonic() - started))

        try:
            body = self.app(environ, recording)
        except BaseException:
            response["status"] = "500"  # what waitress answers for an exception
            log(0)
            raise
        file_wrapper = environ.get("wsgi.file_wrapper")
        if isinstance(file_wrapper, type) and isinstance(body, file_wrapper):
            log(None)  # the server sends the file itself: keep its fast path, log the header
            return body
        return (_SizedBody if hasattr(body, "__len__") else _Body)(body, log)


class _Body:
    """A response body that counts the bytes it yields and logs once when closed."""

    def __init__(self, body: Iterable[bytes], log: Callable[[int | None], None]) -> None:
        self.body = body
        self.log = log
        self.sent = 0
        self.logged = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            if not self.logged:
                self.logged = True
                self.log(self.sent)


class _SizedBody(_Body):
    """A body whose length the server may read (waitress sets Content-Length from a one-chunk
    body that has one)."""

    def __len__(self) -> int:
        return len(self.body)  # type: ignore[arg-type]


def line(environ: Environ, status: str, size: int | None, seconds: float) -> str:
    """The log line of one request (Common Log Format, then the seconds taken)."""
    target = environ.get("REQUEST_URI") or (
        environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else ""))
    if len(target) > MAX_TARGET:
        target = target[:MAX_TARGET] + "..."
    request = f"{environ.get('REQUEST_METHOD', '-')} {target} {environ.get('SERVER_PROTOCOL', '-')}"
    when = datetime.now().astimezone().strftime("%d/%b/%Y:%H:%M:%S %z")
    return (f"{environ.get('REMOTE_ADDR') or '-'} - - [{when}] \"{_escape(request)}\" {status} "
            f"{'-' if size is None else size} {seconds:.3f}")


def _escape(text: str) -> str:
    """Printable ASCII as is; quotes, backslashes and anything else escaped, so one request is
    one line however hostile its target."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        else:
            out.append(char.encode("unicode_escape").decode("ascii") if ord(char) > 0xFF
                       else f"\\x{ord(char):02x}")
    return "".join(out)
