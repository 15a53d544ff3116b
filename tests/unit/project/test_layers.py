"""The package tree shows the architecture: imports only point down the layers.

    config, errors  <  vocab  <  graph  <  records, search  <  queries, infer, merge
                    <  ingest, importers, plans, checks  <  history (plans from a log)
                    <  web  <  cli  <  the package's own __init__ (the Python API)

A module may import from its own layer and any layer below; an import that points up (graph
importing from web, queries from cli, ...) fails here, naming the file and line. Imports inside
functions count too: they hid the cycles this test now forbids.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import REPO

SRC = REPO / "src" / "exgraph"

#: Top-level module or package under exgraph -> its layer (higher may import lower).
LAYERS: dict[str, int] = {
    "config": 0, "errors": 0,
    "vocab": 1,
    "graph": 2,
    "records": 3, "search": 3,
    "infer": 4, "merge": 4, "queries": 4,
    "ingest": 5, "importers": 5, "plans": 5, "checks": 5,
    "history": 6,  # a plan from a lifter's log builds on plans (exgraph.history.plan)
    "web": 7,
    "cli": 8,
    "api": 9, "__init__": 9, "__main__": 9,
}


def _layer_of(module: str) -> tuple[str, int]:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return top, LAYERS[top]


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1] if len(parts) > 2 else parts  # exgraph/__init__ stays itself
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}:{node.lineno}: relative import; use exgraph.…")
            if node.module and node.module.split(".")[0] == "exgraph":
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names
                      if a.name.split(".")[0] == "exgraph"]
    return found


MODULES = sorted(SRC.rglob("*.py"))


def test_every_top_level_part_has_a_layer() -> None:
    tops = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in MODULES}
    assert tops <= set(LAYERS), f"give these a layer in LAYERS: {sorted(tops - set(LAYERS))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down(path: Path) -> None:
    here_top = path.relative_to(SRC).parts[0].removesuffix(".py")
    here = LAYERS[here_top]
    upward = []
    for line, module in _imports(path):
        if module == "exgraph":  # `from exgraph import __version__`
            continue
        top, layer = _layer_of(module)
        sideways = layer == here and top != here_top and here_top not in ("__init__", "__main__")
        if layer > here or sideways:
            upward.append(f"{path.relative_to(SRC.parent)}:{line}: {here_top} imports {module}")
    assert not upward, "imports that point up or sideways:\n" + "\n".join(upward)


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """Guard against a test that cannot fail: a graph module importing the web layer."""
    bad = tmp_path / "bad.py"
    bad.write_text("from exgraph.web.app import create_app\n")
    (_line, module), = _imports(bad)
    assert _layer_of(module)[1] > LAYERS["graph"]
