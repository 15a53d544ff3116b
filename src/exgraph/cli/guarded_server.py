"""waitress, guarded against slow and idle clients: a per-address connection cap and a deadline
for the whole request head.

waitress alone keeps a connection as long as it sends a byte within ``channel_timeout``: 1,100
connections each sending one header line every 10 s held all of its ``connection_limit`` (1000)
and kept /healthz unreachable for as long as they lasted (issue 21). Two bounds fix that, both in
waitress's own event loop (no thread per connection):

* **Per address**: at most ``per_address`` connections from one client address are open at
  once; one more is accepted and closed at once (the client sees a reset), so one address can
  never take the whole ``connection_limit``. Behind a reverse proxy every connection comes from
  the proxy: set it above the proxy's upstream connections, or 0 (no cap), and let the proxy cap
  clients (deploy/nginx.conf).
* **Accepting in batches**: every connection waiting in the listen queue is accepted (and
  those over the cap closed) in one turn of the loop, not one per turn.
* **Probes first**: a ``GET /healthz`` or ``/readyz`` goes to the front of the queue of
  requests waiting for a worker thread.
* **A shorter GIL switch interval** (:data:`SWITCH_INTERVAL`), so the event loop and the
  probes' threads wait less for the interpreter behind busy request threads.
* **Head deadline**: a request's head (request line and headers) must arrive whole within
  ``head_timeout`` seconds of its first byte, and a new connection must send its first request
  head within that time of being accepted; otherwise the connection is closed at the next
  sweep (every ``cleanup_interval`` seconds). Idle keep-alive connections between requests stay
  under waitress's ``channel_timeout``.

:func:`guard` turns a server made by ``waitress.server.create_server`` into a guarded one.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, MultiSocketServer, TcpWSGIServer

#: Connections accepted in one turn of the event loop at most (the listen queue's backlog is
#: 1024 by default).
ACCEPT_BATCH = 256
#: Seconds a thread may hold the GIL while another waits for it (Python's default: 0.005).
#: The event loop (accepting, reading, writing every connection) and the threads answering
#: /healthz do little work each time but need the GIL many times per request; with a dozen
#: request threads busy rendering JSON and pages, each of those turns waited up to ~5 ms per
#: busy thread, and under the soak's load a health probe now and then took more than 2 s.
SWITCH_INTERVAL = 0.001
#: Paths whose GET or HEAD jumps the queue of requests waiting for a worker thread.
PRIORITY_PATHS = frozenset({"/healthz", "/readyz"})


class Limits:
    """The bounds, and the open connections per address (shared by every listening socket)."""

    def __init__(self, per_address: int, head_timeout: float) -> None:
        self.per_address = per_address
        self.head_timeout = head_timeout
        self.open: dict[str, int] = {}
        self.refused = 0  # connections closed at accept: over the per-address cap
        self.timed_out = 0  # connections closed past the head deadline
        self.prioritized = 0  # health and readiness probes queued ahead of other requests
        self._lock = threading.Lock()

    def admit(self, address: str) -> bool:
        """Count one more connection from address; False (not counted) at the cap."""
        with self._lock:
            count = self.open.get(address, 0)
            if self.per_address and count >= self.per_address:
                self.refused += 1
                return False
            self.open[address] = count + 1
            return True

    def release(self, address: str) -> None:
        with self._lock:
            count = self.open.get(address, 0) - 1
            if count > 0:
                self.open[address] = count
            else:
                self.open.pop(address, None)


class GuardedChannel(HTTPChannel):
    """A waitress channel that knows when the head of the request it is reading began."""

    limits: Limits
    counted_address: str | None = None
    #: When the head being read began (accept time for a new connection); None when no head
    #: is being read (a request is being handled, or the connection is idle between requests).
    head_started: float | None = None
    _head_of: Any = None  # the parser of the head being timed
    _first = True  # no head finished yet on this connection: its clock started at accept

    def __init__(self, server: Any, sock: Any, addr: Any, adj: Any, map: Any = None) -> None:
        super().__init__(server, sock, addr, adj, map)
        self.head_started = self.creation_time

    def received(self, data: bytes) -> bool:
        now = time.time()
        result: bool = super().received(data)
        if not data:
            return result
        request = self.request
        if request is None or request.headers_finished:
            self._first = False
            self.head_started = None
            self._head_of = None
        elif request is not self._head_of:  # a new head: its clock starts now
            self._head_of = request
            self.head_started = self.creation_time if self._first else now
        return result

    def del_channel(self, map: Any = None) -> None:
        super().del_channel(map)
        if self.counted_address is not None:
            self.limits.release(self.counted_address)
            self.counted_address = None


class _Guarded:
    """The accept and sweep of a guarded server (mixed into waitress's TcpWSGIServer)."""

    limits: Limits

    def handle_accept(self: Any) -> None:
        """Accept every connection waiting (up to ACCEPT_BATCH), not one per turn of the loop
        as waitress does: 1,100 slow and 1,100 idle clients reconnecting every 10 s put
        ~2,000 connections in the listen queue at once, and at one accept per turn (each turn
        polling every open channel) a health probe queued behind them waited seconds."""
        for _ in range(ACCEPT_BATCH):
            try:
                accepted = self.accept()
                if accepted is None:
                    return  # the queue is empty
                conn, addr = accepted
                self.set_socket_options(conn)
            except OSError:
                continue
            address = str(addr[0]) if isinstance(addr, tuple) else ""
            if not self.limits.admit(address):
                conn.close()
                continue
            channel = self.channel_class(self, conn, self.fix_addr(addr), self.adj,
                                         map=self._map)
            channel.counted_address = address
            if len(self._map) >= self.adj.connection_limit:
                return  # readable() stops accepting at the limit

    def add_task(self: Any, task: Any) -> None:
        """Queue a channel's request for a worker thread; a health or readiness probe goes to
        the front of the queue, so it waits for the next free thread, not for every request
        queued before it (the API and /sparql admit at most THREADS - 2 at once, so a thread
        frees up within one short request)."""
        requests = getattr(task, "requests", None)
        request = requests[0] if requests else None
        if request is not None and request.command in ("GET", "HEAD") \
                and request.path in PRIORITY_PATHS:
            dispatcher = self.task_dispatcher
            with dispatcher.lock:
                dispatcher.queue.appendleft(task)
                dispatcher.queue_cv.notify()
            self.limits.prioritized += 1
            return
        self.task_dispatcher.add_task(task)

    def maintenance(self: Any, now: Any) -> None:
        BaseWSGIServer.maintenance(self, now)
        cutoff = now - self.limits.head_timeout
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "head_started", None)
            if started is not None and started < cutoff and not channel.requests \
                    and not channel.will_close:
                channel.will_close = True
                self.limits.timed_out += 1


class GuardedServer(_Guarded, TcpWSGIServer):
    """waitress's TCP server with :class:`_Guarded`'s accept and sweep."""

    channel_class = GuardedChannel


def guard(server: Any, *, per_address: int, head_timeout: float) -> Limits:
    """Guard a server from ``waitress.server.create_server`` (one TCP socket, or several) in
    place; returns the limits, whose counters say what they turned away."""
    limits = Limits(per_address, head_timeout)
    sys.setswitchinterval(SWITCH_INTERVAL)
    sockets = list((server.map or {}).values()) if isinstance(server, MultiSocketServer) \
        else [server]
    for each in sockets:
        if isinstance(each, TcpWSGIServer):
            each.__class__ = GuardedServer
            each.limits = limits  # type: ignore[attr-defined]
    GuardedChannel.limits = limits
    return limits
