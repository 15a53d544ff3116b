"""``exgraph serve`` turns garbage collection off while it starts and freezes what the start
built (issue 25, "instant start": ~40 ms of a start's CPU went to collections that found next
to nothing). A start that fails must turn it on again: tests, and any program, run the command
in their own process."""

from __future__ import annotations

import gc
from pathlib import Path

from click.testing import CliRunner

from exgraph.cli.main import main


def test_a_failed_start_leaves_garbage_collection_on(tmp_path: Path) -> None:
    assert gc.isenabled()
    bad = tmp_path / "mine.ttl"
    bad.write_text("@prefix : <x#> .\n:a :b")
    result = CliRunner().invoke(main, ["serve", "--data", str(bad), "--port", "1"])
    assert result.exit_code == 1 and "mine.ttl" in result.output  # it failed while loading
    assert gc.isenabled()
