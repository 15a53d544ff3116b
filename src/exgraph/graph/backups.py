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
import io
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from exgraph.errors import DataError
from exgraph.graph.remote import RemoteStore
from exgraph.graph.rq import internal
from exgraph.graph.store import OxigraphStore, Store, to_ox

#: Snapshot files are named PREFIX + UTC time + SUFFIX, so they sort by time.
SNAPSHOT_PREFIX = "exgraph-snapshot-"
SNAPSHOT_SUFFIX = ".nq"
AUDIT_FILE = "audit.jsonl"
SNAPSHOTS = "snapshots"

#: Every quad of a store, the default graph's with ?g unbound (an external server's snapshot).
ALL_QUADS = internal("all-quads").text()


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


@dataclass(frozen=True)
class Retention:
    """How many snapshots a directory keeps and how many bytes they may take together
    (settings SNAPSHOT_KEEP, SNAPSHOT_MAX_BYTES), and the free space a new one must leave
    on the disk (SNAPSHOT_MIN_FREE_BYTES). 0 for ``keep`` or ``max_bytes``: no limit."""

    keep: int = 0
    max_bytes: int = 0
    min_free_bytes: int = 0


class SnapshotRefused(OSError):
    """A snapshot that would not fit: larger than the retention allows, or the disk would be
    left with less free space than it must keep."""


def snapshots(directory: Path) -> list[Path]:
    """The snapshots in directory, oldest first (their names sort by time)."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if path.name.startswith(SNAPSHOT_PREFIX)
                  and path.name.endswith(SNAPSHOT_SUFFIX))


def write_snapshot(store: Store, directory: Path, now: datetime | None = None, *,
                   retention: Retention | None = None) -> Path:
    """Write every quad of store to a new N-Quads file in directory (created if needed), named
    by the UTC time; atomic. Returns its path. Raises OSError when it cannot be written.

    With ``retention``, the store is dumped in memory first (its size is then known: 37 MB for
    the bundled graph): the oldest snapshots are removed until the new one fits the count and
    the total size, and SnapshotRefused is raised, before anything is removed or written, when
    it cannot fit them or would leave the disk less free space than ``min_free_bytes``."""
    now = now or utc_now()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S.%fZ")
    path = directory / f"{SNAPSHOT_PREFIX}{stamp}{SNAPSHOT_SUFFIX}"
    serial = 1
    while path.exists():  # two snapshots in one microsecond: keep both
        path = directory / f"{SNAPSHOT_PREFIX}{stamp}-{serial}{SNAPSHOT_SUFFIX}"
        serial += 1
    data: bytes | None = None
    if retention is not None:
        buffer = io.BytesIO()
        _dump(store, buffer)
        data = buffer.getvalue()
        _make_room(directory, len(data), retention)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            if data is None:
                _dump(store, out)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _make_room(directory: Path, size: int, retention: Retention) -> None:
    """Remove the oldest snapshots until one of size bytes fits retention; SnapshotRefused
    (nothing removed) when it cannot."""
    if retention.max_bytes and size > retention.max_bytes:
        raise SnapshotRefused(f"a snapshot of the store takes {size} bytes, more than "
                              f"SNAPSHOT_MAX_BYTES ({retention.max_bytes})")
    existing = [(path, path.stat().st_size) for path in snapshots(directory)]
    doomed: list[Path] = []
    total = sum(found for _, found in existing)
    while existing and ((retention.keep and len(existing) + 1 > retention.keep) or (
            retention.max_bytes and total + size > retention.max_bytes)):
        oldest, found = existing.pop(0)
        doomed.append(oldest)
        total -= found
    freed = sum(found for path, found in [(p, p.stat().st_size) for p in doomed])
    free = shutil.disk_usage(directory).free + freed
    if free - size < retention.min_free_bytes:
        raise SnapshotRefused(f"a snapshot of {size} bytes would leave {max(free - size, 0)} "
                              f"bytes free in {directory}, less than SNAPSHOT_MIN_FREE_BYTES "
                              f"({retention.min_free_bytes})")
    for path in doomed:
        path.unlink(missing_ok=True)


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
    writes one line, flushes and fsyncs it (the directory is created when missing).

    With ``max_bytes``, a line that would take the file past it first rotates the log:
    ``audit.jsonl`` becomes ``audit.jsonl.1``, ``.1`` becomes ``.2``..., and the oldest beyond
    ``keep`` is removed; so the log takes at most about ``(keep + 1) * max_bytes``."""

    def __init__(self, path: Path, *, max_bytes: int = 0, keep: int = 0) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.keep = keep
        self._lock = threading.Lock()

    def append(self, record: Mapping[str, Any]) -> None:
        """Write record as one line, with ``time`` (ISO 8601, UTC) first. Raises OSError."""
        line = json.dumps({"time": utc_now().isoformat(timespec="milliseconds")
                           .replace("+00:00", "Z"), **record}, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.max_bytes:
                self._rotate(len(line.encode("utf-8")))
            with open(self.path, "a", encoding="utf-8") as out:
                out.write(line)
                out.flush()
                os.fsync(out.fileno())

    def rotated(self) -> list[Path]:
        """The rotated files that exist, newest first (``.1``, ``.2``...)."""
        return [path for number in range(1, self.keep + 1)
                if (path := self.path.with_name(f"{self.path.name}.{number}")).exists()]

    def _rotate(self, incoming: int) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size == 0 or size + incoming <= self.max_bytes:
            return
        if self.keep <= 0:
            self.path.unlink()
            return
        self.path.with_name(f"{self.path.name}.{self.keep}").unlink(missing_ok=True)
        for number in range(self.keep - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{number}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{self.path.name}.{number + 1}"))
        os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))
        _fsync_dir(self.path.parent)

    def records(self, *, rotated: bool = False) -> list[dict[str, Any]]:
        """Every record of the current file (with ``rotated``, of the rotated ones before it),
        oldest first ([] when there is no log yet)."""
        out = []
        for path in [*(reversed(self.rotated()) if rotated else []), self.path]:
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            out += [json.loads(line) for line in text.splitlines() if line.strip()]
        return out
