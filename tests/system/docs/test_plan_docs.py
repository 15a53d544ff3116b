"""docs/plans.md kept current: every ``exgraph`` command of its console blocks runs in process
(on the bundled graph with the imports, as users get it) and prints what the page shows, with
the README examples' rules (``...`` elides; ``# exit N`` is the exit status), and the eight
judged requests are eight. ``python -m tests.system.docs.test_plan_docs`` prints the real
output of each command, to paste when the plans change on purpose.
"""

from __future__ import annotations

import re
import shlex
import sys

import pytest
from click.testing import CliRunner

from exgraph.cli.main import main
from tests.paths import REPO
from tests.system.docs.test_readme_examples import Example, examples, matches

PAGE = REPO / "docs" / "plans.md"
EXAMPLES = examples(PAGE.read_text(encoding="utf-8"))


def run(example: Example) -> tuple[int, str]:
    argv = shlex.split(example.command, comments=True)
    result = CliRunner().invoke(main, argv[1:])
    return result.exit_code, result.output


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_the_page_shows_what_the_cli_prints(example: Example,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXGRAPH_IMPORTS", "1")
    status, output = run(example)
    assert status == example.exit_status, output
    assert example.expected is not None
    assert matches(example.expected, output), (
        f"docs/plans.md:{example.line}: `{example.command}` now prints:\n{output}")


def test_the_page_has_the_examples_and_the_judgements() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert sum(1 for e in EXAMPLES if e.exit_status == 0) >= 3
    assert any(e.exit_status != 0 for e in EXAMPLES)  # a refused request, with its rule
    # the table of tests/data/plan-judgements.tsv (tests/integration/advice/
    # test_plan_judgements.py checks it is the file's): before, on plans2 and now, each mean stated
    rows = re.findall(r"^\| (\d) \| [^|]+ \| (\d) \| (\d) \| \*\*(\d)\*\* \|", text,
                      re.MULTILINE)
    assert [r[0] for r in rows] == [str(n) for n in range(1, 9)]
    before, plans2, now = ([int(r[i]) for r in rows] for i in (1, 2, 3))
    assert (f"Mean: {sum(before) / 8:.2f} before, {sum(plans2) / 8:.2f} on plans2, "
            f"{sum(now) / 8:.2f} now") in text


if __name__ == "__main__":
    import os
    os.environ["EXGRAPH_IMPORTS"] = "1"
    for example in EXAMPLES:
        status, output = run(example)
        sys.stdout.write(f"$ {example.command}  (exit {status})\n{output}\n")
