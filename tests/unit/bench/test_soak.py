"""The soak's definition of a lost request (bench/soak.py's ``ask``), against a real HTTP
server on 127.0.0.1 that sheds as exgraph's admission does: 503 with Retry-After.

The 10-minute soak itself is ``make soak`` (run by .ci/run after ``make test``): it takes
both cores for its whole length, so a 60-s copy here would slow the suite by minutes and,
beside the other test worker, measure the tests' load rather than the server's."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType

import pytest
import requests

from tests.paths import REPO


def _load_soak() -> ModuleType:
    """bench/soak.py as a module (bench/ is not a package; not put on sys.path, where its
    modules' names would shadow others)."""
    path = REPO / "bench" / "soak.py"
    spec = importlib.util.spec_from_file_location("bench_soak", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


soak = _load_soak()


@contextmanager
def shedding_server(answers: list[tuple[int, dict[str, str]]]) -> Iterator[tuple[str, list[str]]]:
    """A server answering each request with the next of answers (the last one repeated);
    yields its base URL and the paths it was asked."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            status, headers = answers[min(len(asked), len(answers)) - 1]
            body = b'{"ok": true}' if status == 200 else b'{"error": "busy"}'
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


BUSY = (503, {"Retry-After": "0"})


def test_a_503_with_retry_after_then_200_is_answered_not_lost() -> None:
    with shedding_server([BUSY, BUSY, (200, {})]) as (base, asked):
        status, retries, _ = soak.ask(requests.Session(), "GET", base + "/api/v1/x", None)
    assert (status, retries) == (200, 2)
    assert asked == ["/api/v1/x"] * 3


def test_shed_past_the_retry_budget_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(soak, "RETRY_BUDGET", 0.5)
    with shedding_server([(503, {"Retry-After": "0.2"})]) as (base, asked):
        status, retries, elapsed = soak.ask(requests.Session(), "GET", base + "/x", None)
    assert status == 503  # still shed when the budget ran out: counted as lost
    assert 1 <= retries == len(asked) - 1
    assert elapsed <= 0.5 + 0.2 * 2


def test_a_503_without_retry_after_and_other_5xx_are_not_retried() -> None:
    for answer in ((503, {}), (500, {}), (502, {"Retry-After": "0"})):
        with shedding_server([answer, (200, {})]) as (base, asked):
            status, retries, _ = soak.ask(requests.Session(), "GET", base + "/x", None)
        assert (status, retries, len(asked)) == (answer[0], 0, 1)


def test_no_answer_is_lost() -> None:
    with shedding_server([(200, {})]) as (base, _):
        pass  # stopped: nothing listens there any more
    status, retries, _ = soak.ask(requests.Session(), "GET", base + "/x", None)
    assert status == "ConnectionError" and retries == 0
