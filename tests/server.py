"""A real ``exgraph serve`` process on a free 127.0.0.1 port, for tests that use real clients.

    with running_server("--max-rows", "50") as base_url:
        requests.get(base_url + "/healthz")

The server is started from the venv's ``exgraph`` script, polled on /healthz until it answers,
and stopped with SIGINT (so its atexit handlers stop the SPARQL workers), then killed if it
lingers. Its stderr is kept and shown when it fails to start.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import requests

EXGRAPH = Path(sys.executable).with_name("exgraph")
START_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(*args: str, env: dict[str, str] | None = None, exgraph: Path = EXGRAPH,
                   cwd: Path | None = None, inherit_env: bool = True) -> Iterator[str]:
    """Run ``exgraph serve --port <free port> *args``; yield its base URL (no trailing slash).

    Raises RuntimeError (with the server's stderr) when it exits or does not answer /healthz
    within START_TIMEOUT seconds.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [str(exgraph), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            stdout=subprocess.DEVNULL, stderr=stderr, cwd=cwd,
            env={**(os.environ if inherit_env else {}), **(env or {})},
        )
        try:
            _wait_until_up(process, base_url, stderr)
            yield base_url
        finally:
            stop(process)


def terminate(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Stop an engine (SIGTERM), killing it when it has not exited within timeout seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server as Ctrl-C would (SIGINT), killing it when it has not exited in 15 s."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], base_url: str, stderr: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exgraph serve exited with {process.returncode}: {_read(stderr)}")
        try:
            if requests.get(base_url + "/healthz", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass  # not listening yet
        time.sleep(0.1)
    raise RuntimeError(f"exgraph serve did not answer /healthz in {START_TIMEOUT:g} s: "
                       f"{_read(stderr)}")


def _read(stderr: IO[bytes]) -> str:
    stderr.seek(0)
    data = stderr.read()
    return data.decode("utf-8", "replace")[-2000:]
