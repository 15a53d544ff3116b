"""Slow and idle clients from one address, for tests/system/hostile/test_hostile.py and
bench/soak.py.

:class:`SlowClients` holds ``count`` connections to a server from one source address (by default
127.0.0.2, so the health prober on 127.0.0.1 is another client, as it would be in the field).
In ``"slow"`` mode each connection sends a request line, then one header line every ``every``
seconds and never ends the head (issue 21's attack); in ``"idle"`` mode it sends nothing. A
connection the server closes is opened again at the next round, as an attacker would.
"""

from __future__ import annotations

import contextlib
import select
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from tests.paths import REPO
from tests.server import free_port


class SlowClients:
    """``count`` slow-header or idle connections to address, kept up in a thread."""

    def __init__(self, address: tuple[str, int], count: int, *, mode: str = "slow",
                 every: float = 10.0, source: str = "127.0.0.2") -> None:
        self.address = address
        self.count = count
        self.mode = mode
        self.every = every
        self.source = source
        self.sockets: list[socket.socket | None] = [None] * count
        self.opened = 0  # connections opened, reopenings included
        self.closed_by_server = 0
        self.failed_connects = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SlowClients:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        for sock in self.sockets:
            if sock is not None:
                sock.close()

    @property
    def open_now(self) -> int:
        return sum(sock is not None for sock in self.sockets)

    def _connect(self) -> socket.socket | None:
        try:
            sock = socket.create_connection(self.address, timeout=2,
                                            source_address=(self.source, 0))
        except OSError:
            self.failed_connects += 1
            return None
        self.opened += 1
        try:
            if self.mode == "slow":
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        except OSError:
            sock.close()
            return None
        sock.setblocking(False)
        return sock

    def _run(self) -> None:
        round_number = 0
        while not self._stop.is_set():
            started = time.monotonic()
            # a socket the server closed polls readable and reads b"" (or an error); poll, not
            # select: select cannot watch descriptors past 1023
            poller = select.poll()
            by_fd = {}
            for sock in self.sockets:
                if sock is not None:
                    poller.register(sock, select.POLLIN)
                    by_fd[sock.fileno()] = sock
            readable = {by_fd[fd] for fd, _ in poller.poll(0)}
            for index, sock in enumerate(self.sockets):
                if self._stop.is_set():
                    return
                if sock is not None and sock in readable:
                    with contextlib.suppress(OSError):
                        if sock.recv(4096):
                            continue  # an answer (a 408?): still open
                    sock.close()
                    self.closed_by_server += 1
                    sock = self.sockets[index] = None
                if sock is None:
                    self.sockets[index] = self._connect()
                elif self.mode == "slow" and round_number > 0:
                    try:
                        sock.send(f"X-Slow-{round_number}: {index}\r\n".encode())
                    except OSError:
                        sock.close()
                        self.closed_by_server += 1
                        self.sockets[index] = None
            round_number += 1
            self._stop.wait(max(0.0, self.every - (time.monotonic() - started)))


#: The reverse proxy set-up the README documents, and where it is.
NGINX_CONF = REPO / "deploy" / "nginx.conf"


def nginx_binary() -> str | None:
    """Debian's nginx, when installed (.ci/run installs nginx-light)."""
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if Path(path).exists()), None)


@contextlib.contextmanager
def running_nginx(upstream_port: int, directory: Path) -> Iterator[str]:
    """deploy/nginx.conf, run by nginx as this user in directory, in front of exgraph on
    upstream_port: its base URL. Only the ports and the files nginx writes differ from the
    file in the repository (a main configuration around it, as Debian's nginx.conf is)."""
    binary = nginx_binary()
    assert binary is not None
    port = free_port()
    site = NGINX_CONF.read_text(encoding="utf-8")
    assert "listen 8080;" in site and "server 127.0.0.1:8000;" in site
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};").replace(
        "server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};")
    (directory / "exgraph.conf").write_text(site, encoding="utf-8")
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / name).mkdir(exist_ok=True)
    main = f"""
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/exgraph.conf;
}}
"""
    (directory / "nginx.conf").write_text(main, encoding="utf-8")
    process = subprocess.Popen([binary, "-p", str(directory), "-c", str(directory / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                log = directory / "error.log"
                raise RuntimeError("nginx exited: " + (log.read_text()[-2000:] if log.exists()
                                                       else f"status {process.returncode}"))
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
