"""Start and stop a real Virtuoso server (Debian's ``virtuoso-opensource``) for tests.

Each server gets its own database folder, SQL and HTTP ports and an ini file written for it,
so tests never touch a system-wide Virtuoso. Its SPARQL endpoint (``/sparql``) may update once
the ``SPARQL`` account is granted ``SPARQL_UPDATE`` (done through ``isql-vt`` as ``dba``, whose
password is ``dba`` in a new database). exgraph reaches it with the spec
``sparql+http://127.0.0.1:PORT/sparql?default-graph=urn:exgraph:default``: Virtuoso's default
graph is the union of everything it holds, so exgraph keeps its own in a named graph
(src/exgraph/graph/remote.py explains).

Without ``virtuoso-t`` the tests that need it skip, except when ``EXGRAPH_REQUIRE_VIRTUOSO=1``
(``.ci/run`` installs the package and sets it), where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
import requests

from .server import free_port, terminate

#: The graph exgraph uses as its default graph on Virtuoso.
DEFAULT_GRAPH = "urn:exgraph:default"
#: Seconds to wait for a new server: creating the database takes about 10 s on 2 cores.
START_TIMEOUT = 90.0

INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
[Parameters]
ServerPort         = {sql_port}
DisableUnixSocket  = 1
NumberOfBuffers    = {buffers}
MaxDirtyBuffers    = {dirty}
DirsAllowed        = ., {db}
CaseMode           = 2
[HTTPServer]
ServerPort         = {http_port}
ServerRoot         = {db}
ServerThreads      = 10
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = {max_seconds}
"""


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def require_virtuoso() -> str:
    """The virtuoso-t executable, or skip (fail with EXGRAPH_REQUIRE_VIRTUOSO=1)."""
    found = virtuoso_binary()
    if found and shutil.which("isql-vt"):
        return found
    reason = "Virtuoso is not installed: apt-get install virtuoso-opensource"
    if os.environ.get("EXGRAPH_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(reason + " (EXGRAPH_REQUIRE_VIRTUOSO=1)")
    pytest.skip(reason)


def spec_of(base: str) -> str:
    """The exgraph store spec of a Virtuoso server at base."""
    return f"sparql+{base}/sparql?default-graph={DEFAULT_GRAPH}&results=xml"


#: Starts tried when Virtuoso cannot listen on the ports it was given: free_port() releases a
#: port before Virtuoso binds it, and on a busy machine another process (or an outgoing
#: connection's source port) may take it first ("Failed HTTP listen at 33289" in a full run).
START_ATTEMPTS = 3


class Tuning(NamedTuple):
    """A Virtuoso's settings for a size of data: 8 KiB pages of buffers and how many may be
    dirty, the most rows an answer may have (more are cut silently: it must exceed every query
    the app's start runs) and the seconds a query may run."""

    buffers: int = 20_000  # 160 MiB: the bundled graph
    dirty: int = 15_000
    max_rows: int = 1_000_000
    max_seconds: int = 120


#: For the bundled graph.
SMALL = Tuning()
#: For 100k exercises (~8M quads, the records' queries ~4M rows): Debian's virtuoso.ini
#: suggests 340,000 / 250,000 buffers for 4 GiB of free memory (2.7 GiB of pages).
BIG = Tuning(buffers=340_000, dirty=250_000, max_rows=20_000_000, max_seconds=3600)


def _start(binary: str, location: Path,
           tuning: Tuning = SMALL) -> tuple[subprocess.Popen[bytes], str, int, Path]:
    """A running Virtuoso answering ASK on its endpoint: (process, base URL, SQL port, database
    folder). Its
    database is in location (in a fresh folder under it for each retry after a failed listen)."""
    for attempt in range(START_ATTEMPTS):
        db = location if attempt == 0 else location / f"retry-{attempt}"
        db.mkdir(parents=True, exist_ok=True)
        sql_port = free_port()
        http_port = free_port()
        while http_port == sql_port:  # two asks in a row may get the same free port
            http_port = free_port()
        ini = db / "virtuoso.ini"
        ini.write_text(INI.format(db=db, sql_port=sql_port, http_port=http_port,
                                  **tuning._asdict()))
        proc = subprocess.Popen([binary, "+configfile", str(ini), "+foreground"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=db)
        base = f"http://127.0.0.1:{http_port}"
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while True:
                if proc.poll() is not None:
                    log = db / "virtuoso.log"
                    tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
                    if "listen" in tail.lower() and attempt + 1 < START_ATTEMPTS:
                        break  # a port taken between free_port() and the bind: new ports
                    raise RuntimeError(f"virtuoso-t exited with {proc.returncode}: {tail}")
                try:
                    if requests.get(f"{base}/sparql", params={"query": "ASK {}"},
                                    timeout=10).status_code == 200:
                        return proc, base, sql_port, db
                except (requests.ConnectionError, requests.Timeout):
                    pass  # not listening yet, or still building its new database
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Virtuoso did not start within {START_TIMEOUT:g} s")
                time.sleep(0.2)
        except BaseException:
            terminate(proc, timeout=30)
            raise
    raise AssertionError("unreachable: the last attempt raises")


class Virtuoso(NamedTuple):
    """A running Virtuoso: its base URL (``/sparql`` is its endpoint), its SQL port (for
    ``isql-vt``, user and password ``dba``) and its database folder (readable by the server:
    its ``DirsAllowed``, where a file for its bulk loader goes)."""

    base: str
    sql_port: int
    folder: Path


@contextmanager
def virtuoso_instance(location: Path, tuning: Tuning = SMALL) -> Iterator[Virtuoso]:
    """Run a new Virtuoso with its database in location, updates allowed to its endpoint."""
    binary = require_virtuoso()
    proc, base, sql_port, folder = _start(binary, location, tuning)
    try:
        grant = subprocess.run(
            ["isql-vt", str(sql_port), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            capture_output=True, text=True, timeout=60, check=False)
        if grant.returncode != 0 or "Error" in grant.stdout:
            raise RuntimeError(f"could not grant SPARQL_UPDATE: {grant.stdout}{grant.stderr}")
        yield Virtuoso(base, sql_port, folder)
    finally:
        terminate(proc, timeout=30)  # a checkpoint on the way out can take a while


@contextmanager
def virtuoso_server(location: Path) -> Iterator[str]:
    """Run a new Virtuoso with its database in location; yields its base URL (``/sparql`` is
    its endpoint, updates allowed)."""
    with virtuoso_instance(location) as instance:
        yield instance.base
