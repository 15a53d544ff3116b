"""The command line tells the truth: -h everywhere, defaults in help, a named query's own help,
progress on a terminal and silence in a pipe, one-line errors for an address `serve` cannot
use, and the access log of `serve`."""

from __future__ import annotations

import fcntl
import io
import logging
import os
import pty
import re
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click
import pytest
import requests
from click.testing import CliRunner

from exgraph.cli import main, progress
from exgraph.cli.access_log import AccessLog, _SizedBody, line
from exgraph.queries.catalogue import default_catalogue
from tests.server import EXGRAPH, free_port, stop

# ---------------------------------------------------------------------------------------------
# Help


def every_command() -> Iterator[tuple[str, ...]]:
    """The path of every command and subcommand: ("serve",), ("import", "wger"), ..."""
    ctx = click.Context(main)

    def walk(group: click.Group, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None
            yield (*path, name)
            if isinstance(command, click.Group):
                yield from walk(command, (*path, name))

    yield ()
    yield from walk(main, ())


@pytest.mark.parametrize("path", list(every_command()), ids=lambda p: " ".join(p) or "exgraph")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_works_everywhere(path: tuple[str, ...], flag: str) -> None:
    result = CliRunner().invoke(main, [*path, flag])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: {' '.join(['main', *path])}"), result.output
    assert "-h, --help" in result.output


def test_serve_help_shows_every_default() -> None:
    serve = main.get_command(click.Context(main), "serve")
    assert serve is not None
    ctx = click.Context(serve, info_name="serve")
    for param in serve.params:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        assert param.show_default, f"--{param.name} does not show its default"
        record = param.get_help_record(ctx)
        assert record is not None
        if not param.is_flag or param.secondary_opts:
            assert "default:" in record[1], record
    text = " ".join(CliRunner().invoke(main, ["serve", "--help"]).output.split())
    assert "[default: 127.0.0.1]" in text and "$EXGRAPH_THREADS or 24" in text


@pytest.mark.parametrize("name", list(default_catalogue()))
def test_query_name_help_describes_that_query(name: str) -> None:
    query = default_catalogue()[name]
    result = CliRunner().invoke(main, ["query", name, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"Usage: main query {name}" in text
    assert query.title in text and " ".join(query.description.split()) in text
    for param in query.params:
        assert f"{param.name} {param.type.name}" in text
        assert ("required" if param.required else "optional") in text
    assert ", ".join(query.columns) in text
    assert "--list" not in text  # the options that make sense after a NAME only


def test_query_help_anywhere_on_the_line_and_with_bad_options() -> None:
    """-h before NAME, after parameters, or with a value that would not parse still helps."""
    for args in (["-h", "steps"], ["steps", "-p", "exercise=x", "-h"],
                 ["--format", "nope", "steps", "--help"]):
        result = CliRunner().invoke(main, ["query", *args])
        assert result.exit_code == 0, (args, result.output)
        assert "Steps of an exercise" in result.output, args


def test_query_help_without_a_name_is_the_commands_help() -> None:
    result = CliRunner().invoke(main, ["query", "--help"])
    assert result.exit_code == 0
    assert "Usage: main query [OPTIONS] [NAME]" in result.output
    assert "exgraph query NAME --help" in result.output


def test_query_help_for_an_unknown_query_names_the_known_ones() -> None:
    result = CliRunner().invoke(main, ["query", "nope", "--help"])
    assert result.exit_code == 1
    assert "no named query 'nope'" in result.output and "steps" in result.output


# ---------------------------------------------------------------------------------------------
# serve: an address it cannot use is one line, before anything is loaded or claimed


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.parametrize(("args", "message"), [
    (["--port", "{taken}"], "cannot serve on 127.0.0.1:{taken}: Address already in use "
                            "(another server is listening there"),
    (["--host", "192.0.2.1"], "cannot serve on 192.0.2.1:8000: Cannot assign requested address"),
    (["--host", "no-such-host.invalid"], "cannot serve on no-such-host.invalid:8000: unknown host"),
])
def test_serve_refuses_an_address_it_cannot_use_in_one_line(
        args: list[str], message: str, taken_port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_load(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the graph was loaded before the address was checked")

    monkeypatch.setattr("exgraph.web.app.create_app", must_not_load)
    args = [a.replace("{taken}", str(taken_port)) for a in args]
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert message.replace("{taken}", str(taken_port)) in lines[0]
    assert "serving" not in result.output


def test_serve_refuses_a_port_out_of_range() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "0<=x<=65535" in result.output


@pytest.mark.server
def test_a_real_serve_on_a_taken_port_exits_before_claiming_to_serve(taken_port: int) -> None:
    done = subprocess.run([str(EXGRAPH), "serve", "--port", str(taken_port)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Error: cannot serve on 127.0.0.1:{taken_port}: Address already in use (another server "
        "is listening there; stop it or choose another --port)"]
    assert done.stdout == ""


# ---------------------------------------------------------------------------------------------
# Progress: on a terminal only


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_phase_shows_on_a_terminal_and_clears_its_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress.phase("loading the graph"):
        time.sleep(progress.DELAY + 4 * progress.TICK)
    shown = stderr.getvalue()
    assert "loading the graph 00:00" in shown
    assert shown.endswith("\r"), repr(shown[-40:])  # cleared: the next line starts clean


def test_a_short_phase_never_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress.phase("quick"):
        pass
    assert list(progress.track(range(3), "items")) == [0, 1, 2]
    assert stderr.getvalue() == ""


def test_nothing_shows_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress.phase("loading the graph"):
        time.sleep(progress.DELAY + 2 * progress.TICK)
    items = [1, 2]
    assert progress.track(items, "items") is items
    assert stderr.getvalue() == ""


def run_on_terminal(argv: list[str], env: dict[str, str], timeout: float = 300) -> str:
    """Run argv with a 100-column pseudo-terminal as stdin, stdout and stderr; all it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_validate_shows_its_phases_on_a_terminal() -> None:
    """On the full graph SHACL takes seconds, so the phase shows; in a pipe the same command
    prints its report only (tests/system/docs/test_readme_examples.py compares piped output
    exactly)."""
    env = {**os.environ, "EXGRAPH_IMPORTS": "1", "TERM": "xterm"}
    shown = run_on_terminal([str(EXGRAPH), "validate"], env)
    assert "validating with SHACL" in shown, shown
    last = shown.rstrip().rsplit("\r", 1)[-1].strip()  # the phase's line was cleared
    assert last == "Conforms: the graph satisfies every shape in ontology/shapes.ttl.", shown


# ---------------------------------------------------------------------------------------------
# The access log


def environ(**extra: Any) -> dict[str, Any]:
    return {"REQUEST_METHOD": "GET", "PATH_INFO": "/healthz", "QUERY_STRING": "",
            "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", **extra}


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def recorder() -> Iterator[tuple[logging.Logger, Recorder]]:
    logger = logging.getLogger("tests.access")
    handler = Recorder()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, handler
    logger.removeHandler(handler)


def call(app: AccessLog, env: dict[str, Any]) -> tuple[str, bytes]:
    got: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *exc: object
                       ) -> Any:
        got["status"] = status
        return lambda data: None

    body = app(env, start_response)
    try:
        data = b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return got["status"], data


LOG_LINE = re.compile(r'^127\.0\.0\.1 - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] '
                      r'"(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}|-) '
                      r'(?P<size>\d+|-) (?P<seconds>\d+\.\d{3})$')


def test_one_line_per_request_with_status_size_and_time(
        recorder: tuple[logging.Logger, Recorder]) -> None:
    logger, handler = recorder
    closed: list[bool] = []

    class Body:
        def __iter__(self) -> Iterator[bytes]:
            yield b"hello "
            yield b"world"

        def close(self) -> None:
            closed.append(True)

    def app(env: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("404 NOT FOUND", [("Content-Type", "text/plain")])
        return Body()

    status, data = call(AccessLog(app, logger), environ(PATH_INFO="/nope", QUERY_STRING="a=1"))
    assert (status, data, closed) == ("404 NOT FOUND", b"hello world", [True])
    (logged,) = handler.lines
    match = LOG_LINE.match(logged)
    assert match, logged
    assert match["request"] == "GET /nope?a=1 HTTP/1.1"
    assert (match["status"], match["size"]) == ("404", "11")


def test_a_sized_body_keeps_its_length(recorder: tuple[logging.Logger, Recorder]) -> None:
    """waitress sets Content-Length from len() of a one-chunk body: the wrapper must keep it."""
    logger, handler = recorder

    def app(env: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("200 OK", [])
        return [b"ok"]

    body = AccessLog(app, logger)(environ(), lambda *a: (lambda data: None))
    # a body with a length keeps it (waitress reads it for Content-Length) and is closed
    assert isinstance(body, _SizedBody) and len(body) == 1
    assert list(body) == [b"ok"]
    body.close()
    match = LOG_LINE.match(handler.lines[0])
    assert match and (match["status"], match["size"]) == ("200", "2")


def test_an_app_that_raises_is_logged_as_500(recorder: tuple[logging.Logger, Recorder]) -> None:
    logger, handler = recorder

    def app(env: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        AccessLog(app, logger)(environ(), lambda *a: (lambda data: None))
    assert " 500 0 " in handler.lines[0]


def test_a_hostile_target_stays_on_one_quoted_line() -> None:
    logged = line(environ(REQUEST_URI='/x"y\\z\n\x1b[31m\u2603' + "a" * 5000), "400", 10, 0.0)
    assert "\n" not in logged and "\x1b" not in logged
    match = LOG_LINE.match(logged)
    assert match, logged
    assert match["request"].startswith('GET /x\\"y\\\\z\\x0a\\x1b[31m\\u2603aaa')
    assert len(logged) < 2200


@contextmanager
def serving(*args: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Run ``exgraph serve --port <free> *args``; yield its base URL and a dict that holds its
    ``stdout``, ``stderr`` and ``status`` once it has stopped (SIGINT, as Ctrl-C and docker
    stop send)."""
    port = free_port()
    outputs: dict[str, str] = {}
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen([str(EXGRAPH), "serve", "--port", str(port), *args],
                                   stdout=stdout, stderr=stderr)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None and time.monotonic() < deadline, "did not start"
                try:
                    requests.get(base + "/healthz", timeout=2)
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            yield base, outputs
        finally:
            stop(process)
            for name, file in (("stdout", stdout), ("stderr", stderr)):
                file.seek(0)
                outputs[name] = file.read().decode("utf-8", "replace")
            outputs["status"] = str(process.returncode)


@pytest.mark.server
def test_serve_writes_the_access_log_on_stdout() -> None:
    with serving() as (base, outputs):
        assert requests.get(base + "/api/v1/exercises?limit=1", timeout=10).ok
    logged = outputs["stdout"].splitlines()
    assert outputs["status"] == "0", outputs
    assert any('"GET /api/v1/exercises?limit=1 HTTP/1.1" 200 ' in x for x in logged), logged
    assert logged and all(LOG_LINE.match(x) for x in logged), logged
    assert "serving http://127.0.0.1:" in outputs["stderr"]
    assert "GET /" not in outputs["stderr"]


@pytest.mark.server
def test_no_access_log_leaves_stdout_empty() -> None:
    with serving("--no-access-log") as (base, outputs):
        assert requests.get(base + "/api/v1/exercises?limit=1", timeout=10).ok
    assert outputs["status"] == "0" and outputs["stdout"] == "", outputs
