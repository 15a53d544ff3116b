"""README and docs examples run as written, from a fresh clone, on the graph `make serve` serves.

Every command of the ```console and ```sh blocks of README.md and of every page of docs/
(:data:`DOCS`) that begin with an ``exgraph`` command is run with bash, from a copy of the
checkout's ``data/`` and ``examples/`` (so ``--into data`` and ``> out.ttl`` change nothing
here; ``../shared`` is the shared folder beside the checkout), with the dataset imports
(``EXGRAPH_IMPORTS=1``), and must print what the page shows:

* in a ```console block (or a ```sh block that begins with ``$ exgraph``), a line
  ``$ COMMAND`` is a command and the lines up to the next ``$ `` are what it prints on a
  terminal (standard output and standard error, in order). A line that is ``...`` alone stands
  for any number of lines; a line ending in `` ...`` stands for the rest of a list: the line
  before the dots, then any lines indented deeper; ``...`` elsewhere in a line stands for any
  text on that line (a count that changes with the data). Blank lines after an output are
  not part of it;
* in a ```sh block, each line starting with ``exgraph`` (or ``.venv/bin/exgraph``) is a command
  whose output is not shown; it must succeed;
* a command succeeds (exit 0) unless its comment begins ``# exit N``;
* ``exgraph serve`` runs on a free port instead of the one shown, and must print the lines
  shown (with that port) and answer /healthz;
* ```pycon blocks (the Python API, docs/python.md) run as doctests, in order, in one namespace.

The settings table of docs/operations.md between ``<!-- settings:start -->`` and
``<!-- settings:end -->`` must be :data:`exgraph.config.SETTINGS`.
``python -m tests.system.docs.test_readme_examples --write`` rewrites the outputs that differ
(except those with ``...``) and the table from real runs (``--write WORD``: only the commands
containing WORD).
"""

from __future__ import annotations

import difflib
import doctest
import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from exgraph.config import SETTINGS, Setting
from tests.paths import REPO
from tests.server import free_port, stop

README = REPO / "README.md"
#: Every page whose examples run: the README, then the docs pages by name.
DOCS: tuple[Path, ...] = (README, *sorted((REPO / "docs").glob("*.md")))
#: The page with the Python API's doctests, and the one with the settings table.
PYTHON_PAGE = REPO / "docs" / "python.md"
SETTINGS_PAGE = REPO / "docs" / "operations.md"
BIN = Path(sys.executable).parent
SHARED = Path(os.environ.get("EXGRAPH_SHARED", REPO.parent / "shared"))
COMMAND_TIMEOUT = 300
SERVE_TIMEOUT = 90.0
EXIT_RE = re.compile(r"#\s*exit (\d+)\b")
EXGRAPH_RE = re.compile(r"^(?:\.venv/bin/)?exgraph(?:\s|$)")


@dataclass(frozen=True)
class Example:
    """One command of a page and what it should print (None: not shown, only succeed)."""

    command: str
    expected: tuple[str, ...] | None
    line: int  # of the command in its page
    first: int  # of its first output line
    last: int  # after its last output line
    page: str = "README.md"  # the page, relative to the repository

    @property
    def id(self) -> str:
        where = "" if self.page == "README.md" else self.page.removeprefix("docs/") + ":"
        return f"{where}L{self.line}:{self.command.split('#')[0].strip()[:60]}"

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def exit_status(self) -> int:
        match = EXIT_RE.search(self.command)
        return int(match.group(1)) if match else 0

    @property
    def needs_shared(self) -> bool:
        return "../shared" in self.command

    @property
    def serves(self) -> bool:
        """An ``exgraph serve`` that should start (one that should fail runs like the rest)."""
        argv = shlex.split(self.command, comments=True)
        return argv[1:2] == ["serve"] and "-h" not in argv and "--help" not in argv and (
            self.exit_status == 0)


def fenced_blocks(text: str) -> Iterator[tuple[str, int, list[str]]]:
    """(language, line number of its first line, lines) of each fenced block."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = re.match(r"^```(\w*)\s*$", lines[i])
        if match:
            start = i + 1
            end = start
            while end < len(lines) and not lines[end].startswith("```"):
                end += 1
            yield match.group(1), start + 1, lines[start:end]
            i = end
        i += 1


def examples(text: str, page: str = "README.md") -> list[Example]:
    """The runnable commands of a page's text (see the module docstring)."""
    found: list[Example] = []
    for lang, first_line, lines in fenced_blocks(text):
        opening = next((ln for ln in lines if ln.strip() and not ln.startswith("#")), "")
        if lang in ("console", "sh") and opening.startswith("$ ") and EXGRAPH_RE.match(
                opening[2:]):
            starts = [i for i, ln in enumerate(lines) if ln.startswith("$ ")] + [len(lines)]
            for i, j in itertools.pairwise(starts):
                while j > i + 1 and not lines[j - 1].strip():
                    j -= 1  # a blank line between commands is not output
                found.append(Example(lines[i][2:], tuple(lines[i + 1:j]), first_line + i,
                                     first_line + i + 1, first_line + j, page))
        elif lang == "sh" and EXGRAPH_RE.match(opening):
            found += [Example(ln, None, first_line + i, first_line + i + 1, first_line + i + 1,
                              page)
                      for i, ln in enumerate(lines) if EXGRAPH_RE.match(ln)]
    return found


def expected_pattern(expected: tuple[str, ...]) -> re.Pattern[str]:
    """A regex for the output a README shows, with its ``...`` elisions."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        elif line.endswith(" ..."):
            head = line[:-4].rstrip()
            indent = len(head) - len(head.lstrip())
            parts.append(re.escape(head) + r"\n" + rf"(?:[ ]{{{indent + 1},}}[^\n]*\n)*")
        else:
            pieces = [re.escape(piece) for piece in line.rstrip().split("...")]
            parts.append("[^\\n]*?".join(pieces) + r"\n")
    return re.compile("".join(parts))


def matches(expected: tuple[str, ...], output: str) -> bool:
    text = "".join(line.rstrip() + "\n" for line in output.splitlines())
    return expected_pattern(expected).fullmatch(text) is not None


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A fresh clone's view for one command: data/ and examples/ copied, .venv and ../shared
    linked."""
    root = tmp_path / "exgraph"
    for name in ("data", "examples"):
        shutil.copytree(REPO / name, root / name)
    (root / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED.resolve(), target_is_directory=True)
    return root


def command_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXGRAPH_")
           or k == "EXGRAPH_SHARED"}
    env.update(EXGRAPH_IMPORTS="1", PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
               PYTHONUNBUFFERED="1", COLUMNS="80", LC_ALL="C.UTF-8")
    return env


def run(example: Example, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a (non-serve) example with bash; stdout and stderr in one stream, as on a terminal."""
    return subprocess.run(["bash", "-c", example.command], cwd=cwd, env=command_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=COMMAND_TIMEOUT)


def serve(example: Example, cwd: Path) -> str:
    """Run an ``exgraph serve`` example on a free port until /healthz answers; its standard
    error with the port shown in the README put back."""
    argv = shlex.split(example.command, comments=True)
    shown = argv[argv.index("--port") + 1] if "--port" in argv else "8000"
    port = free_port()
    if "--port" in argv:
        argv[argv.index("--port") + 1] = str(port)
    else:
        argv += ["--port", str(port)]
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(argv, cwd=cwd, env=command_env(), stdout=subprocess.DEVNULL,
                                   stderr=stderr)
        try:
            deadline = time.monotonic() + SERVE_TIMEOUT
            while True:
                assert process.poll() is None, f"exited with {process.returncode}"
                assert time.monotonic() < deadline, "no answer on /healthz"
                try:
                    if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).ok:
                        break
                except (requests.ConnectionError, requests.Timeout):
                    # a loaded machine: the port listens before the start is done, and the
                    # first probe may wait past its 2 s; the deadline above still bounds it
                    time.sleep(0.2)
        finally:
            stop(process)
        stderr.seek(0)
        return stderr.read().decode().replace(f":{port}/", f":{shown}/")


def output_of(example: Example, cwd: Path) -> str:
    """What the example prints; fails when it exits other than its README says."""
    if example.serves:
        return serve(example, cwd)
    done = run(example, cwd)
    assert done.returncode == example.exit_status, (
        f"{example.where}: `{example.command}` exited with {done.returncode}, "
        f"not {example.exit_status}:\n{done.stdout[-3000:]}")
    return done.stdout


def page_examples(path: Path) -> list[Example]:
    return examples(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))


EXAMPLES = [example for path in DOCS for example in page_examples(path)]


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_readme_example_prints_what_the_readme_shows(
        example: Example, request: pytest.FixtureRequest) -> None:
    if example.needs_shared:
        request.getfixturevalue("shared_dir")  # skips (or fails in CI) without ../shared
    checkout: Path = request.getfixturevalue("checkout")
    output = output_of(example, checkout)
    if example.expected is None:
        return
    assert matches(example.expected, output), (
        f"{example.where}: `{example.command}` prints otherwise "
        "(python -m tests.system.docs.test_readme_examples --write regenerates):\n"
        + "\n".join(difflib.unified_diff(list(example.expected), output.splitlines(),
                                         example.page, "real run", lineterm="")))


def test_the_readme_has_examples_of_every_kind() -> None:
    """Guard against a parser that finds nothing (and tests nothing)."""
    commands = [e.command for e in EXAMPLES]
    for needle in ("exgraph ingest", "exgraph query", "exgraph validate", "exgraph serve"):
        assert any(c.startswith(needle) for c in commands), needle
    assert any(e.expected for e in EXAMPLES) and any(e.exit_status for e in EXAMPLES)
    assert pycon_text(PYTHON_PAGE.read_text(encoding="utf-8")).count(">>> ") >= 4
    assert any(e.page == "README.md" and e.expected for e in EXAMPLES), "the README shows a run"


@pytest.mark.parametrize(("expected", "output", "ok"), [
    (("a", "b"), "a\nb\n", True),
    (("a", "b"), "a\nc\n", False),
    (("a", "...", "z"), "a\nb\nc\nz\n", True),
    (("a", "...", "z"), "a\nz\n", True),
    (("a", "...", "z"), "a\nb\n", False),
    (("  merged (3): ...", "  notes"), "  merged (3):\n    x\n    y\n  notes\n", True),
    (("  merged (3): ...", "  notes"), "  merged (3):\n  other\n  notes\n", False),
    (("table  ",), "table\n", True),  # trailing spaces do not count
    (("wrote x (... bytes)",), "wrote x (123 bytes)\n", True),
    (("wrote x (... bytes)",), "wrote x (123 bytes)\nmore\n", False),
    (("a ... b ... c",), "a 1 b 2 c\n", True),
])
def test_the_elision_marker(expected: tuple[str, ...], output: str, ok: bool) -> None:
    assert matches(expected, output) is ok


def test_examples_name_files_that_exist() -> None:
    """Every examples/ path a README command names is in the checkout."""
    for example in EXAMPLES:
        for word in shlex.split(example.command, comments=True):
            if word.startswith("examples/"):
                assert (REPO / word).exists(), f"{example.where}: no {word}"


def test_the_example_articles_are_the_tested_fixtures() -> None:
    """examples/articles/ holds the articles tests/integration/data/test_ingest.py checks, byte for
    byte."""
    fixtures = REPO / "tests" / "fixtures" / "articles"
    names = sorted(p.name for p in (REPO / "examples" / "articles").glob("*.txt"))
    assert names == sorted(p.name for p in fixtures.glob("*.txt"))
    for name in names:
        assert (REPO / "examples" / "articles" / name).read_bytes() == (
            fixtures / name).read_bytes(), name


# ---------------------------------------------------------------------------------------------
# The Python API section: doctests


def pycon_text(text: str) -> str:
    return "\n".join("\n".join(lines) for lang, _, lines in fenced_blocks(text) if lang == "pycon")


@pytest.mark.slow
def test_python_api_examples_run_as_doctests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    text = pycon_text(PYTHON_PAGE.read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest(text, {}, "docs/python.md", str(PYTHON_PAGE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0 and test.examples, "".join(out)


# ---------------------------------------------------------------------------------------------
# The settings table


def setting_default(setting: Setting) -> str:
    """A default as its EXGRAPH_* variable would spell it (variables are parsed as JSON)."""
    if setting.default is None:
        return "unset"
    if isinstance(setting.default, str):
        return f"`{setting.default}`"
    return f"`{json.dumps(setting.default)}`"


def settings_table() -> str:
    """The README's table of settings, one row per :data:`~exgraph.config.SETTINGS` entry."""
    def cell(text: str) -> str:  # a bar would end the cell, an <IRI> would be read as HTML
        return text.replace("|", "\\|").replace("<", "&lt;")

    rows = ["| Variable | Default | Meaning |", "|---|---|---|"]
    rows += [f"| `{s.env}` | {setting_default(s)} | {cell(s.help)} |" for s in SETTINGS]
    return "\n".join(rows)


SETTINGS_RE = re.compile(r"(<!-- settings:start -->\n)(.*?)(\n<!-- settings:end -->)", re.DOTALL)


def test_the_settings_table_is_config_settings() -> None:
    match = SETTINGS_RE.search(SETTINGS_PAGE.read_text(encoding="utf-8"))
    assert match, "docs/operations.md has lost its <!-- settings:start/end --> markers"
    assert match.group(2).strip() == settings_table(), (
        "docs/operations.md's settings table differs from exgraph.config.SETTINGS; it reads:\n"
        + settings_table())


# ---------------------------------------------------------------------------------------------
# Regenerating the README and docs from real runs


def write_readme(only: list[str]) -> int:
    """Rewrite the example outputs that differ (not those with ``...``) in README.md and every
    docs page, and the settings table; print the examples left to fix by hand. Returns the
    number of those.

    ``only``: run just the examples whose command contains one of these strings. Others may
    edit the pages meanwhile: each new output replaces its command and old output as text in
    the file as it is when written, never a stale copy of it.
    """
    return sum(write_page(path, only) for path in DOCS)


def write_page(path: Path, only: list[str]) -> int:
    """:func:`write_readme` for one page."""
    left = 0
    replacements: list[tuple[str, str]] = []
    for example in page_examples(path):
        if example.expected is None or (example.needs_shared and not SHARED.exists()):
            continue
        if only and not any(needle in example.command for needle in only):
            continue
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "exgraph"
            for name in ("data", "examples"):
                shutil.copytree(REPO / name, root / name)
            (root / ".venv").symlink_to(BIN.parent, target_is_directory=True)
            if SHARED.exists():
                (Path(tmp) / "shared").symlink_to(SHARED.resolve(), target_is_directory=True)
            try:
                output = output_of(example, root)
            except AssertionError as exc:
                print(f"{example.where}: {exc}", file=sys.stderr)
                left += 1
                continue
        took = f"({time.monotonic() - started:.1f} s)"
        if matches(example.expected, output):
            print(f"{example.where}: `{example.command}` as shown {took}", file=sys.stderr)
            continue
        if any("..." in line for line in example.expected):
            print(f"{example.where}: `{example.command}` differs; it has `...`, "
                  f"so fix it by hand {took}", file=sys.stderr)
            left += 1
            continue
        old = "\n".join([f"$ {example.command}", *example.expected, ""])
        new = "\n".join([f"$ {example.command}", *(ln.rstrip() for ln in output.splitlines()),
                         ""])
        replacements.append((old, new))
        print(f"{example.where}: new output for `{example.command}` {took}", file=sys.stderr)
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        if text.count(old) != 1:
            print(f"{path.name} changed under `{old.splitlines()[0]}`: not rewritten",
                  file=sys.stderr)
            left += 1
            continue
        text = text.replace(old, new)
    if path == SETTINGS_PAGE:
        text = SETTINGS_RE.sub(lambda m: m.group(1) + settings_table() + m.group(3), text)
    path.write_text(text, encoding="utf-8")
    return left


if __name__ == "__main__":
    if sys.argv[1:2] != ["--write"]:
        sys.exit("usage: python -m tests.system.docs.test_readme_examples --write "
                 "[COMMAND_PART ...]")
    sys.exit(1 if write_readme(sys.argv[2:]) else 0)
