"""The wheel works outside the checkout: built, installed into a fresh venv, run from elsewhere.

The fresh venv gets the wheel itself with ``--no-deps``; its dependencies (rdflib, pyoxigraph,
Flask, ...) come from the test venv through a ``.pth`` line, so the test needs no network while
still proving that nothing of exgraph is read from the checkout: the venv holds exgraph only as
the installed wheel, commands run in an empty directory, and ``EXGRAPH_HOME`` is unset.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.paths import REPO
from tests.server import running_server

pytestmark = [pytest.mark.slow, pytest.mark.server]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """(bin folder of a fresh venv with the wheel installed, environment to run it in)."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    # build from a copy of what a source distribution holds: two test workers building in the
    # checkout would share its build/ folder, and the copy shows nothing else is needed
    source = base / "source"
    for name in ("src", "ontology", "data", "queries"):
        shutil.copytree(REPO / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(source)], check=True, cwd=base)
    wheels = sorted(dist.glob("exgraph-*.whl"))
    assert len(wheels) == 1, wheels
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    purelib = next((env_dir / "lib").glob("python3*/site-packages"))
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (purelib / "zz_test_dependencies.pth").write_text("\n".join(deps) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"),
                    "install", "--no-deps", "-q", str(wheels[0])], check=True, cwd=base)
    env = {k: v for k, v in os.environ.items()
           if k not in ("EXGRAPH_HOME", "PYTHONPATH", "EXGRAPH_IMPORTS", "VIRTUAL_ENV")}
    yield env_dir / "bin", env


def _run(bin_dir: Path, env: dict[str, str], cwd: Path, *args: str) -> str:
    done = subprocess.run([str(bin_dir / "exgraph"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (
        f"exgraph {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def test_the_wheel_carries_the_bundle_and_reads_nothing_from_the_checkout(
        installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    where = subprocess.run(
        [str(bin_dir / "python"), "-c",
         "import exgraph.config as c; print(c.RESOURCES); print(c.ONTOLOGY_FILE.is_file())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert where[0].endswith("exgraph/_bundle") and REPO.as_posix() not in where[0], where
    assert where[1] == "True"


def test_validate_export_and_query_run_from_another_directory(
        installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    assert _run(bin_dir, env, tmp_path, "validate").startswith("Conforms: the graph satisfies")
    out = tmp_path / "graph.nt"
    _run(bin_dir, env, tmp_path, "export", "--format", "ntriples", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 50_000  # the imports are in the wheel too
    table = _run(bin_dir, env, tmp_path, "query", "alternatives", "--format", "json",
                 "-p", "exercise=machine-back-extension")
    assert "cable-pull-through" in table


def test_serve_answers_an_api_call(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    with running_server(exgraph=bin_dir / "exgraph", cwd=tmp_path, env=env,
                        inherit_env=False) as base:
        answer = requests.get(base + "/api/v1/exercises/machine-back-extension", timeout=30)
    assert answer.status_code == 200
    assert answer.json()["name"] == "Machine back extension"
