"""Input files read within limits, and output files written all or none.

Reading: :func:`read_limited` reads a regular file of at most a limit of bytes (never more than
limit + 1, so ``/dev/zero`` or a growing file cannot fill the memory), and refuses devices,
pipes, FIFOs and sockets by ``stat`` before opening them, so nothing blocks on them.
:func:`check_input_file` makes the same checks without reading, for files a streaming parser
reads. Each limit is a setting (:func:`limit_setting`, :data:`exgraph.config.SETTINGS`).

Writing: every temporary file is named ``.<name>.<pid>.<random>.tmp`` (a backup of a replaced
file ``.<name>.<pid>.<random>.bak``) beside its target, so a run can tell the leftovers of a
killed run (whose process is gone) from a live writer's. :func:`commit_files` writes several
files of one directory as one unit; :func:`recover` undoes what a killed commit left and removes
stale temporary files.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from exgraph.config import DEFAULTS
from exgraph.errors import DataError

KIB = 1024
MIB = KIB * KIB
GIB = KIB * MIB


class InputFileError(DataError):
    """An input file that is missing, unreadable, not a regular file or over its size limit.

    ``path`` and ``reason`` are kept apart, so a caller can put the file into its own message
    shape (``FILE:LINE: message`` for articles); ``str()`` is ``"PATH: reason"``.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# -- limits -------------------------------------------------------------------------------------


def limit_setting(key: str) -> int:
    """The setting key (a byte limit of :data:`exgraph.config.SETTINGS`): ``EXGRAPH_<key>``
    when set, else its default. DataError when the variable is not a whole number above 0."""
    name = f"EXGRAPH_{key}"
    raw = os.environ.get(name, "").strip()
    if not raw:
        return int(DEFAULTS[key])
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise DataError(f"{name}: expected a whole number of bytes above 0, got {raw!r}")
    return value


def describe_size(size: int) -> str:
    """A byte count as a person reads it: ``1 MiB``, ``64 KiB``, ``3.2 MiB``, ``900 bytes``."""
    for unit, name in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if size >= unit:
            value = size / unit
            return f"{value:.0f} {name}" if size % unit == 0 else f"{value:.1f} {name}"
    return f"{size} byte{'' if size == 1 else 's'}"


def _limit_text(limit: int, setting: str) -> str:
    return f"the limit of {describe_size(limit)} (EXGRAPH_{setting})"


# -- reading ------------------------------------------------------------------------------------

_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def _checked(path: Path, info: os.stat_result, limit: int, setting: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a plain file")
        raise InputFileError(path, f"is {kind}, expected a regular file")
    if info.st_size > limit:
        raise InputFileError(path, f"{describe_size(info.st_size)}, more than "
                                   f"{_limit_text(limit, setting)}")


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None


def check_input_file(path: Path, limit: int, setting: str) -> None:
    """Raise InputFileError unless path is a regular file of at most limit bytes (by ``stat``:
    for files a parser reads as a stream). ``setting`` names the limit in the message."""
    _checked(Path(path), _stat(Path(path)), limit, setting)


def read_limited(path: Path, limit: int, setting: str) -> bytes:
    """The bytes of the regular file path, refused (InputFileError naming the file and the
    limit) when it is missing, unreadable, not a regular file (checked before opening: a FIFO
    or device never blocks) or larger than limit bytes. Reads at most limit + 1 bytes, so a file
    that grows past the limit while it is read is refused too."""
    path = Path(path)
    _checked(path, _stat(path), limit, setting)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        _checked(path, os.fstat(fd), limit, setting)  # it may have been swapped since stat
        data = bytearray()
        while len(data) <= limit:
            chunk = os.read(fd, min(MIB, limit + 1 - len(data)))
            if not chunk:
                break
            data += chunk
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputFileError(path, f"more than {_limit_text(limit, setting)}")
    return bytes(data)


# -- temporary files ----------------------------------------------------------------------------

#: ``.<name>.<pid>.<random>.tmp`` (a file being written) or ``.bak`` (a replaced file's backup).
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]+\.(?P<kind>tmp|bak)$")
#: The journal of a commit in progress: ``.exgraph-journal.<pid>.json``.
JOURNAL_RE = re.compile(r"^\.exgraph-journal\.(?P<pid>\d+)\.json$")


def temp_prefix(path: Path) -> str:
    """The start of this process's temporary file names for path: ``.<name>.<pid>.``"""
    return f".{Path(path).name}.{os.getpid()}."


def write_temp(path: Path, data: bytes) -> Path:
    """A new temporary file beside path holding data, flushed to disk, with the mode a plain
    ``open()`` would give path (or path's own when it exists). Removed again on any failure."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _alive(pid: int) -> bool:
    """Whether a process pid exists (ours included); pids below 1 never belong to a writer."""
    if pid < 1:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on directory (flock on the directory itself: no lock file)."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale(directory: Path, names: Collection[str] | None = None) -> list[str]:
    """Remove the temporary and backup files in directory whose writing process is gone (of
    the targets ``names`` only, when given), except those a journal names (:func:`recover`
    needs them). Returns one line per file removed.

    A process is taken to be gone when no process of that id exists here: a writer in another
    PID namespace (another container sharing the folder) would look gone too.
    """
    directory = Path(directory)
    removed = []
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    journaled = _journaled(entries)
    for entry in entries:
        match = TEMP_RE.match(entry.name)
        if (match is None or (names is not None and match["name"] not in names)
                or entry.name in journaled):
            continue
        pid = int(match["pid"])
        if _alive(pid) or not entry.is_file():
            continue
        entry.unlink(missing_ok=True)
        removed.append(f"removed {entry}, a temporary file left by process {pid}, "
                       "which is gone")
    return removed


def _journaled(entries: list[Path]) -> set[str]:
    """The file names the journals among entries name (those that cannot be read: none)."""
    names: set[str] = set()
    for entry in entries:
        if JOURNAL_RE.match(entry.name):
            try:
                for item in _journal_entries(entry):
                    names.update(str(v) for v in item.values() if v is not None)
            except DataError:
                continue
    return names


# -- several files as one unit ------------------------------------------------------------------


def _backup(target: Path) -> Path:
    """A second name for target's current content (a hard link; a copy where links fail)."""
    backup = target.with_name(f"{temp_prefix(target)}{secrets.token_hex(4)}.bak")
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        backup = write_temp(target, b"")
        shutil.copyfile(target, backup)
        with open(backup, "rb+") as fh:
            os.fsync(fh.fileno())
        backup = backup.rename(backup.with_suffix(".bak"))
    return backup


def _roll_back(directory: Path, entries: list[dict[str, Any]]) -> None:
    """Put every target of a journal back as it was before the commit began."""
    for entry in entries:
        target = directory / str(entry["target"])
        temp = directory / str(entry["temp"])
        backup = entry.get("backup")
        if backup is not None:
            if (directory / str(backup)).exists():
                os.replace(directory / str(backup), target)  # the old content, back
            # (a rename onto a hard link of itself does nothing: the backup may still be there)
            (directory / str(backup)).unlink(missing_ok=True)
        elif not temp.exists():  # renamed into place, and there was no file before: remove it
            target.unlink(missing_ok=True)
        temp.unlink(missing_ok=True)
    _fsync_dir(directory)


def _journal_entries(journal: Path) -> list[dict[str, Any]]:
    try:
        document = json.loads(journal.read_text(encoding="utf-8"))
        entries = document["entries"]
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and isinstance(e.get("target"), str)
                and isinstance(e.get("temp"), str) for e in entries):
            raise ValueError("malformed entries")
        for entry in entries:  # names inside the directory only
            for key in ("target", "temp", "backup"):
                value = entry.get(key)
                if value is not None and (not isinstance(value, str) or "/" in value
                                          or value in ("", ".", "..")):
                    raise ValueError(f"bad {key} {value!r}")
        return entries
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{journal}: cannot read this journal of an unfinished write ({exc}); "
                        "look at the files it names and remove it") from None


def recover(directory: Path) -> list[str]:
    """Undo the commits in directory that a killed process left half done (their journal says
    what to put back), then remove stale temporary files. Returns one line per thing done."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    done = []
    with _locked(directory):
        # under the lock a journal is never a live commit's: those hold the lock until done
        for journal in sorted(directory.iterdir()):
            match = JOURNAL_RE.match(journal.name)
            if match is None:
                continue
            entries = _journal_entries(journal)
            _roll_back(directory, entries)
            journal.unlink()
            _fsync_dir(directory)
            done.append(f"{directory}: undid an unfinished write of {len(entries)} file(s) "
                        f"left by process {match['pid']}")
        done += remove_stale(directory)
    return done


def commit_files(directory: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write files (name → bytes) into directory as one unit: all of them or none.

    Every new content is first written to a temporary file and flushed; each file it replaces
    gets a backup (a hard link); a journal naming them is written; then the temporary files are
    renamed into place, and removing the journal is the commit. When a rename fails, the files
    already renamed are put back (the old content, or no file) before the error is raised; when
    the process is killed between the renames, the next :func:`recover` of the directory (which
    ``exgraph ingest --into`` and ``exgraph import --into`` run first) puts them back. Readers
    that look during the renames (milliseconds) may see some new files and some old ones.
    Concurrent commits into one directory take turns (an exclusive flock on the directory).
    Raises OSError (or DataError when undoing failed too: the next recover finishes it).
    """
    directory = Path(directory)
    for name in files:
        if "/" in name or name in ("", ".", ".."):
            raise ValueError(f"not a file name: {name!r}")
    directory.mkdir(parents=True, exist_ok=True)
    journal = directory / f".exgraph-journal.{os.getpid()}.json"
    with _locked(directory):
        temps: dict[str, Path] = {}
        backups: dict[str, Path] = {}
        try:
            for name, data in files.items():
                temps[name] = write_temp(directory / name, data)
            for name in files:
                if (directory / name).exists():
                    backups[name] = _backup(directory / name)
            entries = [{"target": name, "temp": temps[name].name,
                        "backup": backups[name].name if name in backups else None}
                       for name in files]
            journal_temp = write_temp(journal, json.dumps(
                {"pid": os.getpid(), "entries": entries}, indent=1).encode())
            os.replace(journal_temp, journal)
            _fsync_dir(directory)
        except BaseException:
            for path in [*temps.values(), *backups.values()]:
                path.unlink(missing_ok=True)
            journal.unlink(missing_ok=True)
            raise
        try:
            for name in files:
                os.replace(temps[name], directory / name)
            _fsync_dir(directory)
        except BaseException as exc:
            try:
                _roll_back(directory, entries)
                journal.unlink()
                _fsync_dir(directory)
            except OSError as undo:
                raise DataError(
                    f"{directory}: writing failed ({exc}) and undoing it failed too ({undo}); "
                    "the next exgraph ingest or import into it undoes the rest") from exc
            raise
        journal.unlink()  # the commit point
        _fsync_dir(directory)
        for backup in backups.values():
            backup.unlink(missing_ok=True)
    return [directory / name for name in files]
