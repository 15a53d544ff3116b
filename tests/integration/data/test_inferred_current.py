"""The committed inferences (data/inferred/rules.trig) are what the rules give on the data as it
is now. The rules fill only what no source states, so every change of the sources (a reviewed
family file, a merge, an import) can change them: before this test the committed file still held
10,978 lines of inferences for exercises the reviewed layer had since stated, served in the union
graph beside the reviewed facts. The fix for a failure is ``exgraph infer --write``."""

from __future__ import annotations

import pytest

from exgraph.config import DATA_DIR
from exgraph.infer.run_inference import run_inference


@pytest.mark.slow
def test_the_committed_inferences_are_what_the_rules_give_on_the_current_data() -> None:
    committed = (DATA_DIR / "inferred" / "rules.trig").read_bytes()
    regenerated, inferences = run_inference()
    assert regenerated == committed, (
        "data/inferred/rules.trig is stale: run `exgraph infer --write` and commit it")
    assert inferences.facts, "the rules state nothing: has the bundled graph stopped loading?"
