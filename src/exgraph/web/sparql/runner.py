"""The bounded query runner: /sparql queries run in worker processes that can be killed.

Python threads cannot be stopped and pyoxigraph offers no cancellation, so a time limit is only
real if the query runs in a process of its own. :class:`QueryRunner` keeps a small pool of worker
processes, each with its own in-memory pyoxigraph store loaded from the same N-Quads dump (sent
through the worker's pipe when it starts). A request takes an idle worker, sends the job and waits
at most ``timeout`` seconds; a worker that does not answer in time is killed and replaced, and the
caller gets :class:`~exgraph.errors.QueryTimeout`. Workers enforce the row cap and return bytes
already serialised by pyoxigraph, so the parent only copies them to the response.

Workers also bound what a query may take besides time: the answer is cut at ``max_bytes`` (as it
is at ``max_rows``, flagged truncated), the process's address space is limited (RLIMIT_AS, so a
query that builds huge strings dies alone), and jobs run on a thread with a large stack (Oxigraph's
parser and optimiser recurse on deep expressions). A worker that dies during a job is reported as
:class:`QueryAborted` (503) and replaced. Workers also run the guard's full parse
(:class:`InspectJob`, rdflib) under the same time limit; a background thread warms that parser
when a worker starts. An update's trial run (:class:`UpdateJob` with an :class:`EffectScope`)
reports its :class:`UpdateEffect`: what it added and removed, and the subgraph the shapes need to
check the nodes it touched, so the web process validates a few kilobytes instead of the graph.

Workers are fresh interpreters (``python -c '...serve(FD)'``, talking over a socket pair with
``multiprocessing.connection`` framing): never ``fork`` from a threaded server. Not
``multiprocessing.Process``: with ``spawn`` and ``forkserver`` every child re-runs the parent's
main script (for ``exgraph serve`` the whole CLI, ~1.5 s; Python 3.11's forkserver ignores a
``__main__`` preload) and an unguarded script that queries /sparql would crash. A worker costs an
interpreter start, the pyoxigraph import and a bulk load of the dump (~0.3 s for the bundled graph).

This module is what every worker runs: it imports only pyoxigraph and the standard library.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from exgraph.errors import BadRequest, QueryTimeout
from exgraph.web.sparql.answers import run_query_job
from exgraph.web.sparql.effects import update_effect
from exgraph.web.sparql.jobs import (
    Answer,
    ExportJob,
    InspectJob,
    Job,
    QueryAborted,
    QueryJob,
    UpdateEffect,
    UpdateJob,
    WorkerFailed,
)
from exgraph.web.sparql.messages import explain

PR_SET_PDEATHSIG = 1  # linux/prctl.h



#: Stack of the thread that runs jobs in a worker (virtual memory: only what is used is touched).
JOB_STACK = 256 * 1024 * 1024


# ---------------------------------------------------------------------------------------------
# Worker side


def worker_main(conn: Connection) -> None:
    """A worker's life: receive the N-Quads dump, load it, then answer jobs until told to stop.

    Each job gets one reply: ``("ok", value)`` or ``("error", status, message)``. ``None`` or a
    closed pipe ends the worker.
    """
    store = ox.Store()
    data = conn.recv_bytes()
    if data:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    del data
    conn.send(("ready",))
    threading.Thread(target=_warm_guard, name="exgraph-warm-guard", daemon=True).start()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(run_job(store, job))


def _warm_guard() -> None:
    from exgraph.web.sparql.guard import warm

    warm()


def _die_with_parent() -> None:
    """On Linux, get SIGKILL when the parent (the forkserver) exits, as it does when the server
    dies: a worker deep in a runaway query reads no pipe and would otherwise run on."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def run_job(store: ox.Store, job: Job) -> tuple[Any, ...]:
    """Run one job on store: ``("ok", value)`` or ``("error", status, message)``."""
    try:
        if isinstance(job, InspectJob):
            return ("ok", _inspect(job))
        if isinstance(job, ExportJob):
            from exgraph.graph.export import serialize
            from exgraph.graph.store import OxigraphStore

            return ("ok", serialize(OxigraphStore(store), job.format))
        if isinstance(job, UpdateJob):
            if job.scope is None:
                store.update(job.update, base_iri=job.base_iri)
                return ("ok", Answer(b""))
            return ("ok", update_effect(store, job.update, job.base_iri, job.scope))
        return ("ok", run_query_job(store, job))
    except BadRequest as exc:
        return ("error", 400, str(exc))
    except SyntaxError as exc:
        text = job.update if isinstance(job, UpdateJob) else getattr(job, "query", None)
        return ("error", 400, f"malformed {_what(job)}: {explain(str(exc), text)}")
    except MemoryError:
        return ("error", 503, f"the {_what(job)} needed more memory than a query worker may use")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        # Evaluation errors from Oxigraph (e.g. a result too large to serialise).
        return ("error", 500, f"the {_what(job)} failed: {exc}")


def _inspect(job: InspectJob) -> Any:
    from exgraph.web.sparql.guard import inspect_query, inspect_update

    return inspect_query(job.text) if job.kind == "query" else inspect_update(job.text)


def _what(job: Job) -> str:
    if isinstance(job, InspectJob):
        return job.kind
    if isinstance(job, ExportJob):
        return "export"
    return "update" if isinstance(job, UpdateJob) else "query"


# ---------------------------------------------------------------------------------------------
# Parent side


#: What a worker process runs (not ``-m``: its classes must pickle as exgraph.web.sparql.runner's).
WORKER_COMMAND = ("import sys; from exgraph.web.sparql.runner import serve; "
                  "serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))")


def serve(fd: int, memory_limit: int = 0, nice: int = 0) -> None:
    """A worker process's entry point: answer jobs on the socket with descriptor fd, in at most
    memory_limit bytes of address space (0: no limit), ``nice`` steps below the server's CPU
    priority (see the setting WORKER_NICE)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    if nice > 0:
        os.nice(nice)
    stack = JOB_STACK
    if memory_limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        stack = min(stack, memory_limit // 4)
    threading.stack_size(stack)
    jobs = threading.Thread(target=worker_main, args=(Connection(fd),), name="exgraph-jobs")
    jobs.start()
    threading.stack_size(0)
    jobs.join()


class _Worker:
    """One worker process, its socket, and the data generation it was loaded with."""

    def __init__(self, data: bytes, generation: int, memory_limit: int = 0,
                 nice: int = 0) -> None:
        self.generation = generation
        ours, theirs = socket.socketpair()
        with ours, theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-c", WORKER_COMMAND, str(theirs.fileno()), str(memory_limit),
                 str(nice)],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, close_fds=True,
                env={**os.environ, "MALLOC_ARENA_MAX": "2"},  # few arenas: less address space
            )
            self.conn = Connection(os.dup(ours.fileno()))
        # The child reads the dump as soon as it runs, so this returns once it has started.
        self.conn.send_bytes(data)
        self.ready = False
        self._dead = False
        self._kill_lock = threading.Lock()

    def call(self, job: Job, timeout: float, start_timeout: float) -> Any:
        """Send job and return the reply. Raises TimeoutError past timeout, EOFError if it died."""
        if not self.ready:
            if not self.conn.poll(start_timeout):
                raise WorkerFailed(f"a query worker did not start within {start_timeout:g} s")
            try:
                self.conn.recv()  # ("ready",)
            except EOFError:
                raise WorkerFailed(f"a query worker exited while starting "
                                   f"({self.exit_status()})") from None
            self.ready = True
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

    def stop(self, grace: float = 1.0) -> None:
        """Ask the worker to exit; kill it if it does not within grace seconds."""
        if self.ready and not self._dead and self.process.poll() is None:
            try:
                self.conn.send(None)
                self.process.wait(grace)
            except (OSError, subprocess.TimeoutExpired):
                pass  # dead already, or stuck: kill() below settles both
        self.kill()

    def exit_status(self) -> str:
        """How the process ended, once it has: "signal SIGSEGV", "exit 1"."""
        code = self.process.wait()
        if code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit {code}"

    def kill(self) -> None:
        """Kill the process at once (a runaway query) and release its socket. Idempotent."""
        with self._kill_lock:
            if self._dead:
                return
            self._dead = True
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self.conn.close()


class QueryRunner:
    """A pool of ``workers`` query processes over the N-Quads ``data``.

    :meth:`query` runs a :class:`QueryJob` under ``timeout`` seconds; :meth:`trial_update` runs an
    update in a worker (which is then replaced); :meth:`reload` replaces the data of every worker.
    Thread-safe. Closed at interpreter exit; :meth:`close` closes it earlier.
    """

    def __init__(self, data: bytes, *, workers: int = 2, timeout: float = 5.0,
                 start_timeout: float = 60.0, memory_limit: int = 0, nice: int = 0) -> None:
        if workers < 1:
            raise ValueError("a query runner needs at least one worker")
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.memory_limit = memory_limit
        self.nice = nice
        self.size = workers
        self._lock = threading.Lock()
        self._data = data
        self._generation = 0
        self._closed = False
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()  # idle and busy, so close() can reach them all
        for _ in range(workers):
            self._idle.put(self._spawn())
        atexit.register(self.close)

    def _spawn(self) -> _Worker:
        with self._lock:
            worker = _Worker(self._data, self._generation, self.memory_limit, self.nice)
            self._workers.add(worker)
            return worker

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        with self._lock:
            self._workers.discard(worker)
        if kill:
            worker.kill()
        else:
            worker.stop()

    def _replace(self) -> None:
        if not self._closed:
            self._idle.put(self._spawn())

    def _checkout(self) -> _Worker:
        if self._closed:
            raise WorkerFailed("the query runner is closed")
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again"
            ) from None

    def _checkin(self, worker: _Worker) -> None:
        if self._closed or worker.generation != self._generation:
            self._retire(worker)
            self._replace()
        else:
            self._idle.put(worker)

    def _call(self, job: Job, *, keep: bool = True, timeout: float | None = None) -> Any:
        worker = self._checkout()
        started = time.monotonic()
        limit = self.timeout if timeout is None else timeout
        try:
            reply = worker.call(job, limit, self.start_timeout)
        except TimeoutError:
            self._retire(worker, kill=True)
            self._replace()
            raise QueryTimeout(
                f"the {_what(job)} ran past the {limit:g} s limit and was stopped "
                f"(after {time.monotonic() - started:.1f} s)"
            ) from None
        except WorkerFailed:
            self._retire(worker, kill=True)
            self._replace()
            raise
        except (EOFError, OSError):
            self._retire(worker, kill=True)
            self._replace()
            raise QueryAborted(
                f"the worker running the {_what(job)} stopped ({worker.exit_status()}): the "
                f"{_what(job)} needed more memory or stack than a worker may use; the worker "
                "was replaced") from None
        if keep:
            self._checkin(worker)
        else:
            self._retire(worker)
            self._replace()
        if reply[0] == "ok":
            return reply[1]
        _, status, message = reply
        if status == 400:
            raise BadRequest(message)
        if status == 503:
            raise QueryAborted(message)
        raise WorkerFailed(message)

    def query(self, job: QueryJob) -> Answer:
        """Run job in a worker. Raises BadRequest (bad syntax), QueryTimeout (too slow, or every
        worker busy for the whole limit), QueryAborted (the worker died) or WorkerFailed."""
        answer: Answer = self._call(job)
        return answer

    def inspect(self, job: InspectJob) -> Any:
        """The guard's verdict on a query (its form) or an update (its ``UpdateInfo``), parsed
        in a worker under the time limit. Raises like :meth:`query`."""
        return self._call(job)

    def trial_update(self, job: UpdateJob, timeout: float | None = None) -> UpdateEffect | None:
        """Apply an update in a worker under the time limit (``timeout`` seconds, default the
        runner's), then retire that worker (its data changed). Raises like :meth:`query`; on
        success the caller commits the effect to the real store and calls :meth:`reload`.
        Returns the update's effect when the job has a scope."""
        reply = self._call(job, keep=False, timeout=timeout)
        return reply if isinstance(reply, UpdateEffect) else None

    def export(self, job: ExportJob, timeout: float | None = None) -> bytes:
        """The whole graph in job's format, serialised by a worker (``timeout`` seconds, default
        the runner's). Raises like :meth:`query`."""
        data: bytes = self._call(job, timeout=timeout)
        return data

    def reload(self, data: bytes) -> None:
        """Give every worker new data: idle ones are replaced now, busy ones when they return."""
        with self._lock:
            self._data = data
            self._generation += 1
        stale: list[_Worker] = []
        while True:
            try:
                stale.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in stale:
            self._checkin(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed. Idempotent."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        idle: set[_Worker] = set()
        while True:
            try:
                idle.add(self._idle.get_nowait())
            except queue.Empty:
                break
        with self._lock:
            workers, self._workers = self._workers, set()
        for worker in workers:
            if worker in idle:
                worker.stop()
            else:
                worker.kill()

