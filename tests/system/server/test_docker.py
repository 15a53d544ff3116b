"""The Dockerfile and its build context, checked without Docker where there is none.

The Dockerfile's instructions are parsed and held to what production needs (a wheel built from
the context and installed on python:3.11-slim, a non-root USER, a HEALTHCHECK that works, the
CMD serving on 0.0.0.0 the port it EXPOSEs, SIGINT to stop); the context that .dockerignore
lets through must build the wheel, bundle included. Where a Docker daemon answers, the image is
built and run for real.
"""

from __future__ import annotations

import fnmatch
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import requests

from exgraph.cli import main
from tests.paths import REPO
from tests.server import free_port

DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case
    args: str
    stage: int  # 0 for the first FROM's stage

    def exec_form(self) -> list[str]:
        """The JSON array of an exec-form CMD / ENTRYPOINT / HEALTHCHECK CMD."""
        text = self.args
        if self.keyword == "HEALTHCHECK":
            text = text[text.index("CMD ") + 4:]
        value = json.loads(text)
        assert isinstance(value, list) and all(isinstance(v, str) for v in value), text
        return value


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions with continuations joined and comments dropped."""
    instructions: list[Instruction] = []
    stage = -1
    pending = ""
    for raw in text.splitlines():
        if raw.lstrip().startswith("#") or not raw.strip():
            continue
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        line = " ".join((pending + raw).split())
        pending = ""
        keyword, _, args = line.partition(" ")
        if keyword.upper() == "FROM":
            stage += 1
        instructions.append(Instruction(keyword.upper(), args, stage))
    return instructions


@pytest.fixture(scope="module")
def instructions() -> list[Instruction]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def final_stage(instructions: list[Instruction]) -> list[Instruction]:
    last = max(i.stage for i in instructions)
    return [i for i in instructions if i.stage == last]


def one(instructions: list[Instruction], keyword: str) -> Instruction:
    found = [i for i in instructions if i.keyword == keyword]
    assert len(found) == 1, f"expected one {keyword}, got {found}"
    return found[0]


def test_the_image_builds_a_wheel_and_installs_it_on_python_slim(
        instructions: list[Instruction]) -> None:
    bases = [i.args for i in instructions if i.keyword == "FROM"]
    assert bases == ["python:3.11-slim AS build", "python:3.11-slim"]
    build = [i.args for i in instructions if i.stage == 0 and i.keyword == "RUN"]
    assert any(re.search(r"pip wheel .*--wheel-dir /dist \.$", a) for a in build), build
    installs = [i.args for i in final_stage(instructions) if i.keyword == "RUN"]
    assert any("from=build" in a and "pip install /dist/exgraph-*.whl" in a for a in installs)
    assert not [i for i in final_stage(instructions) if i.keyword in ("COPY", "ADD")], (
        "the final image takes nothing from the context but the wheel")


def test_the_server_runs_as_a_user_that_is_not_root(instructions: list[Instruction]) -> None:
    final = final_stage(instructions)
    user = one(final, "USER")
    assert user.args not in ("root", "0") and not user.args.startswith(("root:", "0:"))
    assert final.index(user) < final.index(one(final, "CMD"))
    assert any("useradd" in i.args and re.search(rf"\b{re.escape(user.args)}\b", i.args)
               for i in final if i.keyword == "RUN"), f"no RUN creates the user {user.args}"


def test_cmd_serves_on_every_interface_the_port_it_exposes(instructions: list[Instruction]
                                                           ) -> None:
    final = final_stage(instructions)
    argv = one(final, "CMD").exec_form()
    assert argv[:2] == ["exgraph", "serve"]
    ctx = main.make_context("exgraph", argv[1:])  # the options exist and parse
    with ctx:
        assert isinstance(ctx.command, click.Group)
        sub = ctx.command.get_command(ctx, "serve")
        assert isinstance(sub, click.Command)
        params = sub.make_context("serve", argv[2:], parent=ctx).params
    assert params["host"] == "0.0.0.0"
    assert one(final, "EXPOSE").args.split() == [str(params["port"])]
    assert one(final, "STOPSIGNAL").args == "SIGINT"  # PID 1 ignores an unhandled SIGTERM


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def health_server() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_the_healthcheck_passes_on_a_healthy_server_and_fails_without_one(
        instructions: list[Instruction], health_server: int) -> None:
    check = one(final_stage(instructions), "HEALTHCHECK")
    assert re.search(r"--start-period=\d+s", check.args)
    argv = check.exec_form()
    assert argv[:2] == ["python", "-c"] and "http://127.0.0.1:8000/healthz" in argv[2]

    def run(port: int) -> int:
        code = argv[2].replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        return subprocess.run([sys.executable, "-c", code], capture_output=True,
                              timeout=30).returncode

    assert run(health_server) == 0
    assert run(free_port()) != 0


# ---------------------------------------------------------------------------------------------
# The build context


def ignore_patterns() -> list[tuple[bool, str]]:
    """(exclude?, pattern) of .dockerignore, in order; later ones win."""
    rules = []
    for raw in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        rules.append((not keep, line.lstrip("!").strip("/")))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """Docker's rule: a pattern matches a path or any of its parent folders; ``**`` matches any
    number of folders, ``*`` none of the slashes."""
    regex = "".join(
        "(?:.*/)?" if part == "**" else fnmatch.translate(part).removesuffix("\\Z").replace(
            ".*", "[^/]*") + "/" for part in pattern.split("/"))
    regex = regex.removesuffix("/")
    parts = path.split("/")
    return any(re.fullmatch(regex, "/".join(parts[:n])) for n in range(1, len(parts) + 1))


def in_context(path: str, rules: list[tuple[bool, str]]) -> bool:
    excluded = False
    for exclude, pattern in rules:
        if _matches(pattern, path):
            excluded = exclude
    return not excluded


def build_context(target: Path) -> list[str]:
    """Copy what .dockerignore lets through into target; the relative paths copied."""
    rules = ignore_patterns()
    copied = []
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO).as_posix()
        if path.is_file() and ".venv" not in path.parts and ".git" not in path.parts and (
                in_context(rel, rules)):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / rel)
            copied.append(rel)
    return copied


@pytest.mark.parametrize(("path", "sent"), [
    ("src/exgraph/cli/main.py", True),
    ("data/imported/wger.ttl", True),
    ("queries/steps.rq", True),
    ("pyproject.toml", True),
    ("src/exgraph/__pycache__/api.cpython-311.pyc", False),
    ("src/exgraph.egg-info/PKG-INFO", False),
    (".venv/bin/python", False),
    ("tests/system/server/test_cli.py", False),
    ("build/lib/exgraph/api.py", False),
    ("Dockerfile", False),
])
def test_the_context_is_what_the_wheel_is_built_from(path: str, sent: bool) -> None:
    assert in_context(path, ignore_patterns()) is sent


@pytest.mark.slow
def test_the_wheel_builds_from_the_context_alone(tmp_path: Path) -> None:
    """What the build stage does, without Docker: `pip wheel .` in the context."""
    context = tmp_path / "context"
    copied = build_context(context)
    assert not [p for p in copied if p.startswith(("tests/", ".venv/", "bench/"))]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path / "dist"), str(context)], check=True, cwd=tmp_path,
                   timeout=600)
    (wheel,) = (tmp_path / "dist").glob("exgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("exgraph/cli/main.py", "exgraph/_bundle/ontology/shapes.ttl",
                   "exgraph/_bundle/data/imported/wger.ttl", "exgraph/_bundle/queries/steps.rq"):
        assert needed in names, needed


# ---------------------------------------------------------------------------------------------
# With Docker


def docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except subprocess.TimeoutExpired:
        return False


@pytest.mark.slow
@pytest.mark.server
def test_the_image_builds_and_serves() -> None:
    if not docker_answers():
        pytest.skip("no Docker daemon here: the Dockerfile is checked by the tests above")
    tag = "exgraph-test:latest"
    subprocess.run(["docker", "build", "-t", tag, str(REPO)], check=True, timeout=1800)
    port = free_port()
    container = subprocess.run(["docker", "run", "-d", "--rm", "-p", f"127.0.0.1:{port}:8000",
                                tag], check=True, capture_output=True, text=True,
                               timeout=60).stdout.strip()
    try:
        user = subprocess.run(["docker", "exec", container, "id", "-u"], capture_output=True,
                              text=True, timeout=30).stdout.strip()
        assert user not in ("", "0")
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "the container did not answer /healthz"
            time.sleep(1)
        answer = requests.get(f"http://127.0.0.1:{port}/api/v1/exercises?limit=1", timeout=30)
        assert answer.ok and answer.json()["total"] > 1000  # the imports are in
    finally:
        subprocess.run(["docker", "stop", container], capture_output=True, timeout=60)
