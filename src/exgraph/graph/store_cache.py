"""Store snapshots: a loaded store kept on disk per data version, so the next start reads it back.

Building the served store parses every Turtle file into its source graph, applies the alias map
and rebuilds the union default graph (~0.5 s for the bundled graph). The finished store is
dumped once as N-Quads into an entry of the cache directory (``EXGRAPH_CACHE_DIR``, default
``$XDG_CACHE_HOME/exgraph`` or ``~/.cache/exgraph``; set empty: no cache), named by a key over
everything the load depends on — each file's source graph, format and content digest, the
``canonical`` flag, the loader's own source and the pyoxigraph version — so a changed data
file, or loader, gives another key and never an old store.

An entry is one file: a header line (``# exgraph store snapshot 1 sha256=HEX quads=N``) and the
N-Quads. Reading it checks the digest and the quad count, so a damaged or partial entry is
rebuilt, never served. Writers write a temporary file in the same directory and rename it over
the entry (atomic): processes starting at once may each build and write it, and every reader
sees a whole entry or none. The least recently used entries beyond :data:`MAX_ENTRIES` or
:data:`MAX_CACHE_BYTES` are removed. A cache directory that cannot be written costs the
speed-up (and a warning), nothing else. The entry is written before the store is handed out:
a later update of the store can never end up in it.

What is derived from a stored snapshot (the exercise records, :mod:`exgraph.records.build`) is
kept beside it as a *derived entry* (``derived-NAME-KEY.json``, the same header and digest
check), named by the snapshot's key and by the deriving code's own digest in NAME: it is read
back only for a store opened from that very snapshot and never updated since, and removed with
its snapshot when pruning removes that.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from exgraph.config import QUERIES_DIR

#: Bumped when the entry layout changes: older entries are then never read.
FORMAT = 1
#: Entries kept, and their total size: the least recently used beyond are removed (the newest
#: entry is always kept).
MAX_ENTRIES = 32
MAX_CACHE_BYTES = 512 * 1024 * 1024
#: Inputs larger than this (bytes, all files together) are not cached: their snapshot would be
#: gigabytes, written at every new data version.
MAX_INPUT_BYTES = 128 * 1024 * 1024
#: Temporary files of writers that died are removed once this old (seconds).
STALE_TEMP_SECONDS = 3600.0

_HEADER = re.compile(rb"# exgraph store snapshot (\d+) sha256=([0-9a-f]{64}) quads=(\d+)")
_DERIVED_HEADER = re.compile(rb"# exgraph derived (\d+) sha256=([0-9a-f]{64})")
_DERIVED_NAME = re.compile(r"^[a-z0-9-]{1,80}$")
#: A derived entry named by its value and the code that derived it: ``derived-NAME-CODE-KEY``.
_DERIVED_FILE = re.compile(r"derived-([a-z0-9-]+)-[0-9a-f]{16}-[0-9a-z]{64}\.json")
_ENTRY_GLOB = "store-*.nq"
_TEMP_PREFIX = ".tmp-store-"
_HERE = Path(__file__).resolve().parent

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The snapshot directory: ``EXGRAPH_CACHE_DIR`` when set (empty: None, no cache), else
    ``$XDG_CACHE_HOME/exgraph`` or ``~/.cache/exgraph``."""
    value = os.environ.get("EXGRAPH_CACHE_DIR")
    if value is not None:
        return Path(value).expanduser() if value.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "exgraph"
    try:
        return Path.home() / ".cache" / "exgraph"
    except RuntimeError:  # no home directory to speak of
        return None


def digest(data: bytes) -> str:
    """The hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


def snapshot_key(parts: Iterable[str]) -> str:
    """The key of an entry: a digest of parts (what the load depends on), the entry format, the
    pyoxigraph version and the source of the loading code (``load.py`` and this module)."""
    h = hashlib.sha256(f"exgraph store snapshot {FORMAT}\npyoxigraph {ox.__version__}\n".encode())
    for name in ("load.py", "store_cache.py"):
        h.update(name.encode() + b" " + (_HERE / name).read_bytes() + b"\n")
    for part in parts:
        h.update(part.encode() + b"\n")
    return h.hexdigest()


def entry_path(directory: Path, key: str) -> Path:
    """The file of the entry with key in directory."""
    return directory / f"store-{key}.nq"


def cached_store(key: str, build: Callable[[], ox.Store],
                 directory: Path | None = None) -> ox.Store:
    """The store of the entry with key, read back; or, when there is none (or it is damaged),
    build() — which is then written as the entry. ``directory`` defaults to :func:`cache_dir`;
    with no directory, just build()."""
    directory = cache_dir() if directory is None else directory
    if directory is None:
        return build()
    entry = entry_path(directory, key)
    store = read_entry(entry)
    if store is not None:
        with contextlib.suppress(OSError):  # the recency that pruning goes by
            os.utime(entry)
        return store
    store = build()
    try:
        write_entry(entry, store)
    except OSError as exc:
        log.warning("exgraph: cannot write the cached store %s (%s); starts stay uncached",
                    entry, exc.strerror or exc)
    else:
        prune(directory)
    return store


def read_entry(entry: Path) -> ox.Store | None:
    """The store in entry, or None when it is missing, unreadable, damaged or partial."""
    try:
        data = entry.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("exgraph: cannot read the cached store %s (%s); rebuilding it",
                    entry, exc.strerror or exc)
        return None
    header, _, body = data.partition(b"\n")
    match = _HEADER.fullmatch(header)
    if match is None or int(match[1]) != FORMAT or digest(body) != match[2].decode():
        log.warning("exgraph: the cached store %s is damaged; rebuilding it", entry)
        return None
    store = ox.Store()
    try:  # lenient: these bytes are Oxigraph's own dump, checked against their digest
        store.bulk_load(body, format=ox.RdfFormat.N_QUADS, lenient=True)
    except (SyntaxError, ValueError) as exc:
        log.warning("exgraph: the cached store %s does not parse (%s); rebuilding it",
                    entry, exc)
        return None
    if len(store) != int(match[3]):
        log.warning("exgraph: the cached store %s is incomplete; rebuilding it", entry)
        return None
    return store


def write_entry(entry: Path, store: ox.Store) -> None:
    """Write store as the entry, atomically: a temporary file in the same directory renamed
    over it. Not fsync'ed: an entry a crash damages fails its digest and is rebuilt."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    body = store.dump(format=ox.RdfFormat.N_QUADS) or b""
    header = f"# exgraph store snapshot {FORMAT} sha256={digest(body)} quads={len(store)}\n"
    _replace(entry, header.encode(), body, ".nq")


def _replace(entry: Path, header: bytes, body: bytes, suffix: str) -> None:
    """Write header and body to a temporary file beside entry, then rename it over entry (a
    reader sees the old entry or the whole new one); the temporary file goes on any error."""
    fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=_TEMP_PREFIX, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(header)
            out.write(body)
        os.replace(temp, entry)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def prune(directory: Path, keep: int = MAX_ENTRIES, max_bytes: int = MAX_CACHE_BYTES) -> None:
    """Remove the least recently used entries beyond keep entries or max_bytes in all (never
    the newest), and temporary files of writers that died. Files another process removes
    meanwhile are no error."""
    entries: list[tuple[float, int, Path]] = []
    for path in directory.glob(_ENTRY_GLOB):
        with contextlib.suppress(OSError):
            stat = path.stat()
            entries.append((stat.st_mtime, stat.st_size, path))
    entries.sort(reverse=True)
    kept, total = 0, 0
    for _, size, _ in entries:
        if kept and (kept >= keep or total + size > max_bytes):
            break
        kept, total = kept + 1, total + size
    old = time.time() - STALE_TEMP_SECONDS
    stale = []
    for path in directory.glob(_TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < old:
                stale.append(path)
    kept_keys = {p.name[len("store-"):-len(".nq")] for _, _, p in entries[:kept]}
    derived: dict[str, list[Path]] = {}
    for path in directory.glob("derived-*.json"):
        derived.setdefault(path.name.rsplit("-", 1)[-1].removesuffix(".json"), []).append(path)
    # an on-disk store's derived values ("disk" keys: it has no snapshot entry) are kept for
    # the keep most recently used stamps
    disk_keys = sorted((k for k in derived if k.startswith("disk")),
                       key=lambda k: max(_mtime(p) for p in derived[k]), reverse=True)
    kept_keys.update(disk_keys[:keep])
    orphans = [p for k, paths in derived.items() if k not in kept_keys for p in paths]
    # of one value of one key, only the newest code's entry (``NAME-CODE``): older code's
    # would never be read again
    newest: dict[tuple[str, str], Path] = {}
    for key, paths in derived.items():
        if key not in kept_keys:
            continue
        for path in sorted(paths, key=_mtime, reverse=True):
            match = _DERIVED_FILE.fullmatch(path.name)
            if match is None:
                continue
            if (match[1], key) in newest:
                orphans.append(path)
            else:
                newest[(match[1], key)] = path
    for path in [p for _, _, p in entries[kept:]] + stale + orphans:
        with contextlib.suppress(OSError):  # a reader that has it open keeps reading it
            path.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def cached_derived(key: str, name: str, build: Callable[[], bytes],
                   directory: Path | None = None) -> bytes:
    """The bytes derived (by the code named name) from the snapshot with key: read back from
    the derived entry when it is whole, else build() — then written as the entry, atomically.
    Without a cache directory, just build(). A damaged entry is rebuilt (and a warning
    logged); a directory that cannot be written costs the speed-up, nothing else."""
    directory = cache_dir() if directory is None else directory
    if directory is None or not _DERIVED_NAME.match(name):
        return build()
    entry = directory / f"derived-{name}-{key}.json"
    try:
        data = entry.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError as exc:
        log.warning("exgraph: cannot read %s (%s); rebuilding it", entry, exc.strerror or exc)
        data = None
    if data is not None:
        header, _, body = data.partition(b"\n")
        match = _DERIVED_HEADER.fullmatch(header)
        if match is not None and int(match[1]) == FORMAT and digest(body) == match[2].decode():
            if key.startswith("disk"):  # the recency pruning keeps a disk store's values by
                with contextlib.suppress(OSError):
                    os.utime(entry)
            return body
        log.warning("exgraph: the derived entry %s is damaged; rebuilding it", entry)
    body = build()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        _replace(entry, f"# exgraph derived {FORMAT} sha256={digest(body)}\n".encode(), body,
                 ".json")
    except OSError as exc:
        log.warning("exgraph: cannot write %s (%s); starts stay uncached", entry,
                    exc.strerror or exc)
    return body


# -- derived values (issue 25: instant start) -----------------------------------------------

#: The package whose source every derived value's entry name covers.
_PACKAGE = _HERE.parent


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of exgraph's own source (every ``.py`` file of the package and every query
    of ``queries/``, the internal ones the records and indexes are read with included): a
    derived value is named by it, so changed code never reads a value older code derived.
    The whole package, not the deriving module alone: the engine's features read the name
    normalisation of vocab/, the records the query texts of queries/internal/, and a list of
    what each reads would go stale. ~250 files, ~10 ms once per process. Raises OSError for a
    sourceless install (then nothing derived is cached)."""
    h = hashlib.sha256()
    for root in (_PACKAGE, QUERIES_DIR):
        files = sorted(p for suffix in ("*.py", "*.rq") for p in root.rglob(suffix))
        if not files:
            raise OSError(f"no source files to digest in {root}")
        for path in files:
            h.update(str(path.relative_to(root)).encode() + b"\n" + path.read_bytes() + b"\n")
    return h.hexdigest()[:16]


def cached_value(key: str | None, name: str, build: Callable[[], T],
                 encode: Callable[[T], object], decode: Callable[[Any], T]) -> T:
    """A value derived from the snapshot with key (None: no snapshot, just build()), read back
    from its derived entry (``derived-NAME-CODE-KEY.json``, CODE the :func:`code_digest`)
    when there is one, else build() and written.

    The entry holds ``marshal`` bytes of encode(value): only builtin types (str, int, float,
    tuple, list, dict, set, frozenset), which marshal reads ~10x faster than json and pickle
    read the same structures (the substitutes engine's inputs: 12 ms against 0.16 s unpickled,
    0.53 s built), and which, unlike pickle, cannot name a class or run code when read.
    decode(data) turns them back into the value; a decode that fails on what it reads (a
    type it does not expect) counts as a damaged entry and the value is built again. A value
    encode gives something marshal cannot write is built and not cached (a warning).
    """
    if key is None:
        return build()
    try:
        tag = f"{name}-{code_digest()}"
    except OSError:
        return build()
    built: list[T] = []

    def make() -> bytes:
        value = build()
        built.append(value)
        try:
            return marshal.dumps(encode(value))  # type: ignore[arg-type]  # checked by marshal
        except ValueError as exc:  # something marshal cannot write: not cached
            raise _Unmarshallable(str(exc)) from exc

    try:
        data = cached_derived(key, tag, make)
    except _Unmarshallable as exc:
        log.warning("exgraph: %s cannot be cached (%s); it is built at every start", name, exc)
        return built[0]
    if built:
        return built[0]
    try:
        return decode(marshal.loads(data))
    except (EOFError, ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        log.warning("exgraph: the derived entry %s of %s does not decode (%s); rebuilding it",
                    tag, key, exc)
        directory = cache_dir()
        if directory is not None:
            with contextlib.suppress(OSError):
                (directory / f"derived-{tag}-{key}.json").unlink()
        return cached_value(key, name, build, encode, decode)


class _Unmarshallable(Exception):
    """encode() gave a value marshal cannot write."""
