"""web/startup.py: no garbage collection while the server starts, what it built frozen after,
and a start that allocates a lot does not keep its garbage (issue 25, "instant start")."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest

from exgraph.web.startup import QuietStart


class Node:
    """A cyclic object: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    assert gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def _garbage(count: int) -> weakref.ref[Node]:
    """count cyclic objects dropped at once; a reference that dies when they are collected."""
    nodes = [Node() for _ in range(count)]
    sample = weakref.ref(nodes[0])
    del nodes
    return sample


def test_a_light_start_collects_nothing_then_freezes_what_it_built() -> None:
    quiet = QuietStart(most=10_000_000)
    assert not gc.isenabled()
    kept = [[i] for i in range(1000)]  # what a start builds and keeps
    quiet.settle()
    assert gc.isenabled() and not quiet.heavy
    assert gc.get_freeze_count() >= len(kept)


def test_a_heavy_start_turns_collection_back_on_and_collects_before_freezing() -> None:
    quiet = QuietStart(most=20_000, tick=0.01)
    assert not gc.isenabled()
    sample = _garbage(50_000)
    deadline = time.monotonic() + 10
    while not gc.isenabled() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gc.isenabled() and quiet.heavy  # the watchdog saw the allocations
    quiet.settle()
    assert sample() is None  # the start's garbage was collected, not frozen
    assert gc.isenabled()


def test_a_failed_start_turns_collection_back_on() -> None:
    quiet = QuietStart()
    assert not gc.isenabled()
    quiet.abandon()
    assert gc.isenabled() and gc.get_freeze_count() == 0
