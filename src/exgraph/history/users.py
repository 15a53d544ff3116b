"""Users of the training log and their tokens.

``users.json`` in the history directory maps each name to an id and the scrypt hash of its
token; the token itself is printed once by ``exgraph users add`` and never stored. A token reads
``exg_<id>_<secret>`` (32 random bytes, URL-safe): the id finds the user without trying every
hash, the secret is checked against the hash with :func:`hmac.compare_digest` (constant time).
scrypt (n=2**14, r=8, p=1: ~50 ms) is paid once per token per process: a verified token's
SHA-256 is kept in memory and later requests compare that, in constant time too.

The file is written atomically (a temporary file, then renamed) with mode 0600, and read again
when it changes, so a user added from the command line can sign in to a running server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from exgraph.errors import BadRequest, ExgraphError, NotFound

USERS_FILE = "users.json"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_TOKEN_RE = re.compile(r"^exg_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class Unauthorized(ExgraphError):
    """No token, or one that belongs to nobody: 401, with the Bearer challenge."""

    status = 401

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": 'Bearer realm="exgraph"'}


@dataclass(frozen=True)
class User:
    """A user: name, id (names the private graph) and when it was added."""

    name: str
    id: str
    created: str


def _hash(secret: str, salt: bytes) -> str:
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024,
                            **_SCRYPT)
    return digest.hex()


class Users:
    """The users file of a history directory."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / USERS_FILE
        self._lock = threading.Lock()
        self._seen: tuple[float, int] | None = None
        self._data: dict[str, Any] = {"version": 1, "users": {}}
        self._verified: dict[str, bytes] = {}  # user id -> SHA-256 of its token

    def _read(self) -> dict[str, Any]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._data, self._seen = {"version": 1, "users": {}}, None
            return self._data
        if self._seen != (stat.st_mtime, stat.st_size):
            self._data = json.loads(self.path.read_text(encoding="utf-8"))
            self._seen = (stat.st_mtime, stat.st_size)
            self._verified.clear()
        return self._data

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        self._seen = None

    def all(self) -> list[User]:
        with self._lock:
            users = self._read()["users"]
            return [User(name, u["id"], u["created"]) for name, u in sorted(users.items())]

    def get(self, name: str) -> User:
        """The user called name; NotFound when there is none."""
        with self._lock:
            found = self._read()["users"].get(name)
        if found is None:
            raise NotFound(f"no user {name!r} (exgraph users add {name})")
        return User(name, found["id"], found["created"])

    def add(self, name: str) -> tuple[User, str]:
        """A new user and its token (shown once: only its hash is kept). BadRequest when the
        name is taken or is not 1-40 of a-z, 0-9, _ and - (starting with a letter or digit)."""
        if not NAME_RE.match(name):
            raise BadRequest(f"user name {name!r}: 1 to 40 of a-z, 0-9, _ and -, starting with "
                             "a letter or digit")
        with self._lock:
            data = self._read()
            if name in data["users"]:
                raise BadRequest(f"user {name!r} exists (exgraph users remove {name} first)")
            uid, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), \
                secrets.token_bytes(16)
            created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            data = {**data, "users": {**data["users"], name: {
                "id": uid, "created": created, "salt": salt.hex(),
                "scrypt": _hash(secret, salt)}}}
            self._write(data)
        return User(name, uid, created), f"exg_{uid}_{secret}"

    def remove(self, name: str) -> User:
        """Remove a user (its token stops working at once); NotFound when there is none."""
        user = self.get(name)
        with self._lock:
            data = self._read()
            users = {k: v for k, v in data["users"].items() if k != name}
            self._write({**data, "users": users})
            self._verified.pop(user.id, None)
        return user

    def authenticate(self, header: str | None) -> User:
        """The user whose token an ``Authorization: Bearer TOKEN`` header carries; Unauthorized
        when there is none, it is malformed or it matches nobody (one message for all three:
        the answer tells a guesser nothing)."""
        token = (header or "").removeprefix("Bearer ").strip() if (header or "").startswith(
            "Bearer ") else ""
        match = _TOKEN_RE.match(token)
        with self._lock:
            users = self._read()["users"]
            found = next(((n, u) for n, u in users.items()
                          if match and u["id"] == match.group(1)), None)
            if match is None or found is None:
                raise Unauthorized("a valid token is needed: Authorization: Bearer TOKEN "
                                   "(exgraph users add NAME prints one)")
            name, entry = found
            quick = hashlib.sha256(token.encode("utf-8")).digest()
            known = self._verified.get(entry["id"])
            if known is not None and hmac.compare_digest(known, quick):
                return User(name, entry["id"], entry["created"])
        # scrypt outside the lock: 50 ms must not hold up every other request
        expected = _hash(match.group(2), bytes.fromhex(entry["salt"]))
        if not hmac.compare_digest(expected, entry["scrypt"]):
            raise Unauthorized("a valid token is needed: Authorization: Bearer TOKEN "
                               "(exgraph users add NAME prints one)")
        with self._lock:
            self._verified[entry["id"]] = quick
        return User(name, entry["id"], entry["created"])
