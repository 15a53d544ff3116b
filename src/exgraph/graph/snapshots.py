"""The write path's safety net: snapshots of a whole store, and the audit log of its updates.

* :func:`write_snapshot` writes every quad of a store (all named graphs and the default graph)
  as N-Quads to ``exgraph-snapshot-<UTC time>.nq`` in a directory, atomically (a temporary file,
  fsynced, then renamed): a reader sees the whole snapshot or none.
* :func:`read_snapshot` reads one back into a new in-memory Oxigraph store (``exgraph restore``).
* :class:`AuditLog` appends one JSON object per line, flushed and fsynced per line.
* :func:`state_dir` is where both go by default: ``$XDG_STATE_HOME/exgraph`` (``~/.local/state``
  when unset), or ``DIR-state`` beside an on-disk store ``DIR``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from exgraph.errors import DataError
from exgraph.graph.remote import RemoteStore
from exgraph.graph.store import OxigraphStore, Store, to_ox

#: Snapshot files are named PREFIX + UTC time + SUFFIX, so they sort by time.
SNAPSHOT_PREFIX = "exgraph-snapshot-"
SNAPSHOT_SUFFIX = ".nq"
AUDIT_FILE = "audit.jsonl"
SNAPSHOTS = "snapshots"

#: Every quad of a store, the default graph's with ?g unbound (an external server's snapshot).
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def state_dir(store_spec: str) -> Path:
    """Where the snapshots and the audit log of a store go unless settings say otherwise:
    ``DIR-state`` beside an on-disk store ``DIR``, else ``$XDG_STATE_HOME/exgraph``."""
    if store_spec not in ("oxigraph", "rdflib") and "://" not in store_spec:
        directory = Path(store_spec).resolve()
        return directory.with_name(directory.name + "-state")
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "exgraph"


def snapshot_dir(setting: str | None, store_spec: str) -> Path:
    """The snapshot directory: the setting SNAPSHOT_DIR, else ``snapshots/`` in the state
    directory."""
    return Path(setting) if setting else state_dir(store_spec) / SNAPSHOTS


def audit_path(setting: str | None, store_spec: str) -> Path:
    """The audit log: the setting AUDIT_LOG, else ``audit.jsonl`` in the state directory."""
    return Path(setting) if setting else state_dir(store_spec) / AUDIT_FILE


def token_id(token: str) -> str:
    """What the audit log records of a token: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]


def utc_now() -> datetime:
    return datetime.now(UTC)


def write_snapshot(store: Store, directory: Path, now: datetime | None = None) -> Path:
    """Write every quad of store to a new N-Quads file in directory (created if needed), named
    by the UTC time; atomic. Returns its path. Raises OSError when it cannot be written."""
    now = now or utc_now()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S.%fZ")
    path = directory / f"{SNAPSHOT_PREFIX}{stamp}{SNAPSHOT_SUFFIX}"
    serial = 1
    while path.exists():  # two snapshots in one microsecond: keep both
        path = directory / f"{SNAPSHOT_PREFIX}{stamp}-{serial}{SNAPSHOT_SUFFIX}"
        serial += 1
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            _dump(store, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _dump(store: Store, out: Any) -> None:
    if isinstance(store, OxigraphStore):
        store.ox.dump(out, format=ox.RdfFormat.N_QUADS)
    elif isinstance(store, RemoteStore):
        for row in store.select(ALL_QUADS):
            terms = [str(to_ox(row[name])) for name in ("s", "p", "o")]
            if "g" in row:
                terms.append(str(to_ox(row["g"])))
            out.write((" ".join(terms) + " .\n").encode("utf-8"))
    else:  # rdflib: one default graph
        store.to_graph().serialize(destination=out, format="nt", encoding="utf-8")


def _fsync_dir(directory: Path) -> None:
    """Make a rename in directory durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_snapshot(path: Path) -> ox.Store:
    """A snapshot read into a new in-memory Oxigraph store. DataError (``FILE:LINE: ...``) when
    it is missing, unreadable or not N-Quads."""
    store = ox.Store()
    try:
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        reason = str(exc.msg).partition(": ")[2] or str(exc.msg)
        reason = reason.replace("\r", "\\r").replace("\n", "\\n")  # one line
        raise DataError(f"{path}:{exc.lineno}: not a snapshot (N-Quads): {reason}") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the snapshot: "
                        f"{getattr(exc, 'strerror', None) or exc}") from None
    return store


class AuditLog:
    """An append-only file of JSON lines. Each :meth:`append` opens the file in append mode,
    writes one line, flushes and fsyncs it (the directory is created when missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, record: Mapping[str, Any]) -> None:
        """Write record as one line, with ``time`` (ISO 8601, UTC) first. Raises OSError."""
        line = json.dumps({"time": utc_now().isoformat(timespec="milliseconds")
                           .replace("+00:00", "Z"), **record}, ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(line + "\n")
                out.flush()
                os.fsync(out.fileno())

    def records(self) -> list[dict[str, Any]]:
        """Every record, oldest first ([] when there is no log yet)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in text.splitlines() if line.strip()]
