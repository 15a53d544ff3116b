"""SPARQL lives in ``.rq`` files, not in Python strings (issue 20).

Every query the code runs is a file under ``queries/`` (the catalogue people browse, the fact
checks in ``queries/checks/`` and the code's own in ``queries/internal/``), read through
:mod:`exgraph.graph.rq`, which parses and checks each one. A query form with its WHERE clause,
an ``INSERT {`` / ``DELETE {`` template or a PREFIX line in a string literal of
``src/exgraph`` is a finding; docstrings are prose and not searched, and ``INSERT DATA`` /
``DELETE DATA`` payloads (data serialised by the code, such as a snapshot restore) are not
queries, nor is a message that shows a person SPARQL syntax, marked ``# sparql: prose``.

``PENDING`` lists the modules whose queries are still to move, with how many strings each has
now: the test fails when a module outside it gains SPARQL, when a pending module gains more,
and when a pending module is done but still listed, so the list can only shrink.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from exgraph.graph.rq import INTERNAL_DIR, internal
from tests.paths import REPO

SRC = REPO / "src" / "exgraph"

#: SPARQL text: a query form reaching its WHERE clause, an update template, a PREFIX line.
SPARQL = re.compile(
    r"(?is)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^\"]*\bWHERE\s*\{"
    r"|\b(INSERT|DELETE)\s*\{|\bDELETE\s+WHERE\s*\{|(?m-i:^\s*PREFIX\s+\w*:\s*<)")
#: A message that shows SPARQL syntax to a person (not a query) says so on its line.
PROSE = "# sparql: prose"
#: The loader itself writes the one prologue every query gets.
LOADER = "graph/rq.py"

#: Modules whose SPARQL strings are still to move to queries/internal/, with their count (a
#: ratchet while issue 20 moved them: it may only shrink).
PENDING: dict[str, int] = {}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sparql_strings(path: Path) -> list[int]:
    """The line of each string literal of a module that holds SPARQL text (an f-string is read
    without its replacement fields)."""
    text = path.read_text(encoding="utf-8")
    source = text.splitlines()
    tree = ast.parse(text)
    docs = _docstrings(tree)
    inside_fstrings = {id(value) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                       for value in node.values}
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in docs and id(node) not in inside_fstrings):
            text = node.value
        else:
            continue
        marked = any(PROSE in source[n - 1]
                     for n in range(node.lineno, (node.end_lineno or node.lineno) + 1))
        if SPARQL.search(text) and not marked:
            lines.append(node.lineno)
    return lines


def _findings() -> Counter[str]:
    found: Counter[str] = Counter()
    for path in sorted(SRC.rglob("*.py")):
        count = len(sparql_strings(path))
        if count and path.relative_to(SRC).as_posix() != LOADER:
            found[path.relative_to(SRC).as_posix()] = count
    return found


def test_no_sparql_in_python_outside_the_pending_modules() -> None:
    found = _findings()
    new = {module: n for module, n in found.items() if module not in PENDING}
    assert not new, f"SPARQL text in Python (put it in queries/internal/NAME.rq): {new}"
    grown = {module: (n, PENDING[module]) for module, n in found.items()
             if module in PENDING and n > PENDING[module]}
    assert not grown, f"pending modules gained SPARQL strings (found, allowed): {grown}"


def test_the_pending_list_only_shrinks() -> None:
    found = _findings()
    done = {module: (found.get(module, 0), n) for module, n in PENDING.items()
            if found.get(module, 0) < n}
    assert not done, f"lower or remove these PENDING entries (found, listed): {done}"


def test_the_detector_finds_sparql_and_skips_prose(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""SELECT ?x WHERE { ?x ?p ?o } in a docstring is prose."""\n'
                      'Q = "SELECT ?s WHERE { ?s ?p ?o }"\n'
                      'U = f"DELETE {{ <{1}> ?p ?o }} WHERE {{ ?s ?p ?o }}"\n'
                      'P = "PREFIX exg: <https://w3id.org/exgraph/ontology#>"\n'
                      'D = "INSERT DATA { <a:b> <a:c> <a:d> }"\n'
                      'T = "select the exercises where the lifter stands"\n'
                      'R = "@prefix exg: <https://w3id.org/exgraph/ontology#> ."\n')
    assert sparql_strings(module) == [2, 3, 4]


INTERNAL = sorted(INTERNAL_DIR.glob("*.rq"))


@pytest.mark.parametrize("path", INTERNAL, ids=[p.stem for p in INTERNAL])
def test_each_internal_query_parses_and_is_used(path: Path) -> None:
    query = internal(path.stem)  # parses, checks its parameters, runs once on an empty store
    assert query.title and query.description
    uses = [p for p in SRC.rglob("*.py")
            if f'"{path.stem}"' in p.read_text(encoding="utf-8")]
    assert uses, f"{path.name} is read by no module: remove it or use it"


def test_a_list_parameter_is_written_with_commas_in_an_in_list_and_spaces_in_values() -> None:
    """SPARQL's IN takes an expression list (commas); VALUES takes a row of terms (spaces).
    The external store's drop of other sources needs the IN form (Virtuoso 7.2 dropped every
    graph when the same filter was written with VALUES)."""
    from rdflib import URIRef

    from exgraph.graph.rq import internal

    a, b = URIRef("urn:x:a"), URIRef("urn:x:b")
    text = internal("drop-other-sources").text(keep=[a, b])
    assert "NOT IN (<urn:x:a>, <urn:x:b>)" in text
    assert "<urn:x:a> <urn:x:b>" in internal("labels-of").text(nodes=[a, b])
