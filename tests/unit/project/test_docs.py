"""Docs kept honest: docs/queries.md documents every named query of queries/ with an example
command and its output. (The ontology's documentation is checked by
tests/integration/data/test_ontology_docs.py.)"""

from __future__ import annotations

import re

import pytest

from exgraph.config import QUERIES_DIR
from tests.paths import REPO as ROOT

PAGE = ROOT / "docs" / "queries.md"


def queries_section() -> str:
    text = PAGE.read_text(encoding="utf-8")
    match = re.search(r"<!-- queries:start -->(.*?)<!-- queries:end -->", text, flags=re.DOTALL)
    assert match, "docs/queries.md has lost its <!-- queries:start/end --> markers"
    return match.group(1)


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
def test_every_named_query_is_documented_with_an_example(name: str) -> None:
    section = queries_section()
    assert re.search(rf"exgraph query {re.escape(name)}(\s|$)", section), (
        f"docs/queries.md does not show `exgraph query {name} ...` between the queries markers")
    heading = re.search(rf"^#+ .*`{re.escape(name)}`", section, flags=re.MULTILINE)
    assert heading, f"docs/queries.md has no heading naming `{name}`"


def test_the_api_page_shows_the_headline_question_over_http() -> None:
    section = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert "curl" in section and "/api/v1/exercises/machine-back-extension/alternatives" in section
    assert "/export." in section
