"""Paths of the checkout the tests run in, and the private directory of this test run."""

import atexit
import shutil
import tempfile
from pathlib import Path

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
