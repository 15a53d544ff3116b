"""Paths of the checkout the tests run in, and the private directory of this test run."""

import atexit
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
#: A directory of this test process's own (removed when it exits): conftest points the state and
#: cache directories there.
PRIVATE = Path(tempfile.mkdtemp(prefix="exgraph-test-"))
atexit.register(shutil.rmtree, PRIVATE, ignore_errors=True)

#: The tests folder and its shared inputs (test modules live in sub-folders by kind, so they
#: name these instead of counting parents of their own file).
TESTS = REPO / "tests"
FIXTURES = TESTS / "fixtures"
TEST_DATA = TESTS / "data"

#: bench/: scripts, not a package; tests load its modules by path (:func:`bench_module`).
BENCH = REPO / "bench"


def bench_module(name: str) -> ModuleType:
    """A module of bench/ loaded by path, with bench/ importable for its own imports (the
    substitutes benchmark's reader and sampler are tested as the bench runs them)."""
    import importlib.util
    import sys

    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
