"""The whole-graph exports (/export.ttl, .nt, .jsonld), served from a file prepared once per data
generation.

Before (issue 21, finding 6) each export was kept as bytes in the app's memory, and waitress
copied the answer into each connection's output buffer, which spills to a temporary file past
1 MB: 100 slow readers of /export.nt cost about 1.6 GB of temporary disk, and the memory stayed
taken. Now:

* each format (and its gzipped form) is built once per data generation by a SPARQL worker (so
  the seconds it takes never hold the web process) and written to a file in a private
  directory (``exgraph-exports-*`` under the system's temporary directory, removed at exit), the
  bytes dropped once written; the previous generation's file of the format is removed (a reader
  still sending it keeps its open file);
* the answer is the open file handed to the server's ``wsgi.file_wrapper``: waitress sends it
  from the file in its event loop, without a copy and without holding a thread;
* at most ``EXPORT_CONCURRENCY`` exports are being sent at once (a slot is taken when the answer
  is made and given back when the server closes the file: sent, client gone, or idle past
  ``CHANNEL_TIMEOUT``); more get 503 with Retry-After.
"""

from __future__ import annotations

import atexit
import gzip
import hashlib
import io
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, request

from exgraph.config import DEFAULTS
from exgraph.errors import Busy
from exgraph.graph.export import serialize
from exgraph.web.cache import state

EXTENSION_KEY = "exgraph_exports"


class ExportsBusy(Busy):
    """Every export slot is taken: try again shortly (the response carries Retry-After: 2 s,
    not errors.RETRY_AFTER's 1 s: a slot is held until the whole dump has been sent)."""

    retry_after = 2


class _SlotFile(io.FileIO):
    """An open export file that gives its slot back when closed (by the server, once sent)."""

    slot: threading.BoundedSemaphore | None = None

    def close(self) -> None:
        try:
            super().close()
        finally:
            slot, self.slot = self.slot, None
            if slot is not None:
                slot.release()


class ExportFiles:
    """Per app: the directory of prepared export files and the download slots."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.slots = threading.BoundedSemaphore(self.limit)
        self._lock = threading.Lock()
        self._serial = 0
        self._directory: Path | None = None
        self._files: dict[tuple[Any, ...], tuple[Path, str]] = {}
        self._building: dict[tuple[Any, ...], threading.Lock] = {}

    @property
    def directory(self) -> Path:
        with self._lock:
            if self._directory is None:
                self._directory = Path(tempfile.mkdtemp(prefix="exgraph-exports-"))
                atexit.register(shutil.rmtree, self._directory, True)
            return self._directory

    def prepare(self, fmt: str, gzipped: bool) -> tuple[Path, str]:
        """The file of the current generation's export in fmt (gzipped or not) and its ETag,
        written once per generation. Built under a lock of its own, not the API state's: the
        seconds it takes must not hold up other API requests."""
        api_state = state()
        key = (id(api_state), api_state.generation, fmt, gzipped)
        with self._lock:
            found = self._files.get(key)
            if found is not None and found[0].exists():
                return found
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            with self._lock:
                found = self._files.get(key)
            if found is None or not found[0].exists():
                found = self._write(api_state, fmt, gzipped)
                with self._lock:
                    self._files = {k: v for k, v in self._files.items()
                                   if k[:2] == key[:2]}  # the old generations' entries go
                    self._files[key] = found
                    self._building = {k: v for k, v in self._building.items()
                                      if k[:2] == key[:2]}
            return found

    def _write(self, api_state: Any, fmt: str, gzipped: bool) -> tuple[Path, str]:
        if gzipped:
            plain, etag = self.prepare(fmt, False)
            data = gzip.compress(plain.read_bytes(), mtime=0)
            etag += "-gzip"  # another representation, another tag
        else:
            data = _serialize(api_state.store, fmt)
            etag = f"{api_state.tag}-{hashlib.blake2b(data, digest_size=10).hexdigest()}"
        with self._lock:
            self._serial += 1
            serial = self._serial
        stem = f"{fmt}{'-gzip' if gzipped else ''}"
        path = self.directory / f"{stem}-{serial}"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        del data
        os.replace(tmp, path)
        for old in self.directory.glob(f"{stem}-*"):  # the previous generations' files
            if old != path:
                old.unlink(missing_ok=True)
        return path, etag

    def response(self, fmt: str, content_type: str) -> Response:
        """The export answer: the prepared file, sent by the server's file wrapper, under a
        download slot."""
        gzipped = request.accept_encodings.quality("gzip") > 0
        path, etag = self.prepare(fmt, gzipped)
        if not self.slots.acquire(blocking=False):
            raise ExportsBusy(f"as many exports are being sent as may be at once "
                              f"({self.limit}); retry in {ExportsBusy.retry_after} s")
        try:
            handle = _SlotFile(path, "rb")
        except BaseException:
            self.slots.release()
            raise
        handle.slot = self.slots
        size = os.fstat(handle.fileno()).st_size
        wrapper = request.environ.get("wsgi.file_wrapper")
        if wrapper is not None:
            body: Any = wrapper(handle, 256 * 1024)
        else:  # a server without one (the test client, Flask's debug server): the bytes
            with handle:
                body = [handle.read()]
        response = Response(body, content_type=content_type, direct_passthrough=True)
        response.content_length = size
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
        response.set_etag(etag)
        response.make_conditional(request)
        return response


def _serialize(store: Any, fmt: str) -> bytes:
    """The export's bytes: built by a SPARQL worker on its copy of the data (an in-memory or
    on-disk Oxigraph store: the workers hold the same data), so the seconds it takes (about 4 s
    for the full graph's N-Triples) never hold the web process; in process otherwise."""
    from exgraph.graph.store import OxigraphStore
    from exgraph.web.sparql.jobs import ExportJob
    from exgraph.web.sparql.service import service

    if not isinstance(store, OxigraphStore):
        return serialize(store, fmt)
    timeout = float(current_app.config.get("UPDATE_TIMEOUT", DEFAULTS["UPDATE_TIMEOUT"]))
    return service().runner(store).export(ExportJob(fmt), timeout=timeout)


def exports(app: Flask | None = None) -> ExportFiles:
    """The export files of app (default: the current app)."""
    target = app or current_app
    with _LOCK:
        found = target.extensions.get(EXTENSION_KEY)
        if not isinstance(found, ExportFiles):
            found = target.extensions[EXTENSION_KEY] = ExportFiles(int(target.config.get(
                "EXPORT_CONCURRENCY", DEFAULTS["EXPORT_CONCURRENCY"])))
        return found


_LOCK = threading.Lock()
