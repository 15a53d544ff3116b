"""Inspecting SPARQL before it runs: what form a query has, and whether it may run at all.

The endpoint is open to the internet and Oxigraph does fetch over HTTP for ``SERVICE`` and
``LOAD``, so both are refused here, from the parsed request (rdflib's SPARQL parser), before any
engine sees it. A text search would be fooled by a ``service`` inside a string or an IRI and miss
nothing the parser would find; the parse tree is authoritative. A request rdflib cannot parse is
refused as malformed, so nothing the guard does not understand reaches Oxigraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import BadRequest

Form = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

FORMS: dict[str, Form] = {"SelectQuery": "SELECT", "AskQuery": "ASK",
                          "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}

#: Parse-tree nodes that make the engine fetch from the network or the file system.
REFUSED = {
    "ServiceGraphPattern": "SERVICE (federated query) is not allowed on this endpoint",
    "Load": "LOAD is not allowed on this endpoint",
}


@dataclass(frozen=True)
class UpdateInfo:
    """What the guard learnt from an update: does it name its own dataset (USING / WITH)?"""

    names_dataset: bool


def inspect_query(text: str) -> Form:
    """The form of a query (SELECT, ASK, CONSTRUCT or DESCRIBE).

    Raises BadRequest when it does not parse (naming line, column and what was expected) or when
    it uses SERVICE.
    """
    tree = _parse(parseQuery, text, "query")
    _refuse(tree)
    return FORMS[tree[1].name]


def inspect_update(text: str) -> UpdateInfo:
    """What an update request contains. Raises BadRequest when it does not parse or uses LOAD
    or SERVICE."""
    tree = _parse(parseUpdate, text, "update")
    _refuse(tree)
    names_dataset = any(node.name == "UsingClause" or (node.name == "Modify" and
                                                       node.get("withClause") is not None)
                        for node in _nodes(tree))
    return UpdateInfo(names_dataset=names_dataset)


def _parse(parser: Any, text: str, what: str) -> Any:
    try:
        return parser(text)
    except ParseBaseException as exc:
        near = exc.line[exc.col - 1: exc.col + 29].strip()
        where = f"line {exc.lineno}, column {exc.col}"
        found = f" near {near!r}" if near else " at the end"
        raise BadRequest(f"malformed {what}: {where}: {exc.msg}{found}") from None
    except RecursionError:
        raise BadRequest(f"malformed {what}: nested too deeply to parse") from None


def _refuse(tree: Any) -> None:
    for node in _nodes(tree):
        if node.name in REFUSED:
            raise BadRequest(REFUSED[node.name])


def _nodes(value: Any) -> Iterator[CompValue]:
    """Every CompValue in a parse tree, depth first."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (ParseResults, list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
