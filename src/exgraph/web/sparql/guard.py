"""Inspecting SPARQL before it runs: what form a query has, and whether it may run at all.

The endpoint is open to the internet and Oxigraph does fetch over HTTP for ``SERVICE`` and
``LOAD``, so both are refused here, from the parsed request (rdflib's SPARQL parser), before any
engine sees it. A text search would be fooled by a ``service`` inside a string or an IRI and miss
nothing the parser would find; the parse tree is authoritative. A request rdflib cannot parse is
refused as malformed, so nothing the guard does not understand reaches Oxigraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from exgraph.errors import BadRequest

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
    # CompValue.get answers the key's own name for a missing key: test membership instead
    names_dataset = any(node.name == "UsingClause" or (node.name == "Modify" and
                                                       "withClause" in node)
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


_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WHERE = re.compile(r"WHERE\b", re.IGNORECASE)
_LONG_QUOTES = ('"""', "'''")


def add_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with ``USING <g>`` / ``USING NAMED <g>`` before the WHERE of each of its
    DELETE/INSERT operations: what the protocol's ``using-graph-uri`` / ``using-named-graph-uri``
    parameters mean (SPARQL 1.1 Protocol, 2.2.3). The IRIs must be checked absolute IRIs.

    Only the top level (outside braces, strings, IRIs and comments) is searched, so the WHERE of
    a sub-query is left alone. Raises BadRequest for a ``DELETE WHERE`` shorthand, which takes no
    USING clause.
    """
    clause = "".join(f"USING <{g}> " for g in using) + "".join(
        f"USING NAMED <{g}> " for g in using_named)
    out: list[str] = []
    depth, i, n = 0, 0, len(update)
    previous_word = ""
    while i < n:
        ch = update[i]
        if update.startswith(_LONG_QUOTES, i):
            end = update.find(update[i:i + 3], i + 3)
            end = n if end < 0 else end + 3
        elif ch in "\"'":
            end = i + 1
            while end < n and update[end] != ch:
                end += 2 if update[end] == "\\" else 1
            end = min(end + 1, n)
        elif ch == "#":
            end = update.find("\n", i)
            end = n if end < 0 else end
        elif ch == "<" and (m := _IRIREF.match(update, i)):
            end = m.end()
        elif ch in "{}":
            depth += 1 if ch == "{" else -1
            end = i + 1
        elif depth == 0 and (m := _WHERE.match(update, i)) and (i == 0 or not (
                update[i - 1].isalnum() or update[i - 1] == "_")):
            if previous_word.upper() == "DELETE":
                raise BadRequest("using-graph-uri cannot apply to a DELETE WHERE shorthand: "
                                 "write DELETE { ... } WHERE { ... }")
            out.append(clause)
            end = m.end()
        else:
            end = i + 1
            if ch.isalpha():
                while end < n and (update[end].isalnum() or update[end] == "_"):
                    end += 1
                previous_word = update[i:end]
            elif not ch.isspace():
                previous_word = ""
            out.append(update[i:end])
            i = end
            continue
        if not ch.isspace():
            previous_word = ""
        out.append(update[i:end])
        i = end
    return "".join(out)
