"""Inspecting SPARQL before it runs: what form a query has, and whether it may run at all.

The endpoint is open to the internet and Oxigraph does fetch over HTTP for ``SERVICE`` and
``LOAD``, so both are refused before any engine sees them. Two steps:

* :func:`precheck` runs in the web process on every request. It bounds the text (bracket
  nesting and operator count, in one linear scan: Oxigraph's recursive parser overflows its stack
  on deep trees, rdflib's takes ~2 ms per operator) and *proves* most queries safe without
  parsing them: a text that, after decoding SPARQL's codepoint escapes, contains neither
  ``service`` nor ``load`` in any case cannot hold either keyword. The form of such a query is
  read from its prologue, and it goes straight to a worker.
* Every other query, and every update, is parsed by rdflib (:func:`inspect_query`,
  :func:`inspect_update`) in a query worker, under the time limit: never in the web process,
  where a slow parse could not be stopped and pyparsing's first use of a rule is not
  thread-safe. The parse tree is authoritative there: a ``service`` inside a string or an IRI is
  not refused, and a request rdflib cannot parse is refused as malformed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from exgraph.errors import BadRequest
from exgraph.graph.rq import internal

Form = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

FORMS: dict[str, Form] = {"SelectQuery": "SELECT", "AskQuery": "ASK",
                          "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
FORM_WORDS: dict[str, Form] = {form: form for form in FORMS.values()}

#: Parse-tree nodes that make the engine fetch from the network or the file system.
REFUSED = {
    "ServiceGraphPattern": "SERVICE (federated query) is not allowed on this endpoint",
    "Load": "LOAD is not allowed on this endpoint",
}

#: Words whose absence proves that a text holds no SERVICE or LOAD.
FETCHING_WORDS = ("service", "load")

#: Default bounds of :func:`check_shape` (settings MAX_QUERY_NESTING, MAX_QUERY_OPERATORS).
MAX_NESTING = 64
MAX_OPERATORS = 4000

#: pyparsing builds parts of its grammar on first use, unsafely across threads: one parse at a
#: time per process.
_PARSE_LOCK = threading.Lock()


@dataclass(frozen=True)
class UpdateInfo:
    """What the guard learnt from an update: does it name its own dataset (USING / WITH)?"""

    names_dataset: bool
    #: Its operations in order, by rdflib's names: InsertData, Modify, Drop, Clear, ...
    operations: tuple[str, ...] = ()
    #: Whether every DROP / CLEAR in it names ALL graphs (and there is one).
    all_graphs: bool = False
    #: The functions it calls whose value changes from run to run (RAND, NOW...), sorted.
    nondeterministic: tuple[str, ...] = ()


#: SPARQL functions whose value changes from one run to the next, by rdflib's node names.
NONDETERMINISTIC = {"Builtin_RAND": "RAND", "Builtin_UUID": "UUID", "Builtin_STRUUID": "STRUUID",
                    "Builtin_NOW": "NOW", "Builtin_BNODE": "BNODE"}


# ---------------------------------------------------------------------------------------------
# The pre-check: linear, in the web process

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

#: SPARQL's tokens, roughly: exact enough to skip strings, IRIs and comments and to see brackets
#: and operators. A name never swallows a bracket, and a name's hyphens count as operators
#: (``1-1-1`` is one name here), so the operator count can only come out too high.
_TOKEN = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""
             | \'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
             | "(?:[^"\\\r\n]|\\.)*"
             | '(?:[^'\\\r\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<name>[?$]?[\w\u00B7\u0300-\u036F\u203F\u2040:%\\.-]+)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<datatype>\^\^)
  | (?P<op>[-+*/|^!=<>&]+)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)

#: Keywords that nest the algebra the way operators nest expressions.
_TREE_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "SERVICE",
                         "EXISTS"})

_SPACE = re.compile(r"(?:\s+|#[^\r\n]*)*")
_WORD = re.compile(r"[A-Za-z]+")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_PNAME_NS = re.compile(r"[^\s:<>{}()\"'#]*:")


def decode_escapes(text: str) -> str | None:
    """text with SPARQL's codepoint escapes (``\\u0041``, ``\\U00000041``) decoded, as the
    engines do before parsing; None when an escape names no character."""
    if "\\u" not in text and "\\U" not in text:
        return text

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise ValueError(code)
        return chr(code)

    try:
        return _ESCAPE.sub(char, text)
    except ValueError:
        return None


def may_fetch(text: str) -> bool:
    """Whether text might hold a SERVICE or LOAD keyword: False is a proof that it does not.

    The text is decoded until no escape is left (an escape may spell another one) and every stage
    is searched casefolded and lowercased, strings, IRIs and comments included.
    """
    stages = [text]
    for _ in range(4):
        decoded = decode_escapes(stages[-1])
        if decoded is None:
            return True
        if decoded == stages[-1]:
            break
        stages.append(decoded)
    else:
        return True  # escapes nested four deep: not worth proving anything about
    return any(word in folded for stage in stages
               for folded in (stage.casefold(), stage.lower()) for word in FETCHING_WORDS)


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def query_form(text: str) -> Form | None:
    """The form of a query, read after its prologue (BASE and PREFIX declarations, comments);
    None when the text does not start the way this scan understands."""
    position = 0
    while True:
        word = _WORD.match(text, _skip_space(text, position))
        if word is None:
            return None
        keyword = word.group().upper()
        position = _skip_space(text, word.end())
        if keyword in FORM_WORDS:
            return FORM_WORDS[keyword]
        if keyword == "PREFIX":
            prefix = _PNAME_NS.match(text, position)
            if prefix is None:
                return None
            position = _skip_space(text, prefix.end())
        elif keyword != "BASE":
            return None
        iri = _IRIREF.match(text, position)
        if iri is None:
            return None
        position = iri.end()


#: Characters every operator token holds at least one of (a name's hyphens included).
_OPERATOR_CHARS = "-+*/|^!=<>&"


def within_shape_bounds(text: str, *, max_nesting: int = MAX_NESTING,
                        max_operators: int = MAX_OPERATORS) -> bool:
    """Whether text is proven within :func:`check_shape`'s bounds by counting characters (a
    few ``str.count`` calls, C speed: ~10 µs for a 2 KB query against ~130 µs for the scan).
    Every bracket counts, in strings and IRIs too, so the count of opening brackets bounds the
    depth; every operator token, and every hyphen of a name, holds one of ``_OPERATOR_CHARS``,
    and every nesting keyword is an occurrence of its word in the upper-cased text, so the sum
    of those counts bounds the scan's operator count. False means "not proven": run the scan."""
    if sum(text.count(bracket) for bracket in "([{") > max_nesting:
        return False
    operators = sum(text.count(char) for char in _OPERATOR_CHARS)
    if operators > max_operators:
        return False
    upper = text.upper()
    operators += sum(upper.count(word) for word in _TREE_WORDS)
    return operators <= max_operators


def check_shape(text: str, *, max_nesting: int = MAX_NESTING,
                max_operators: int = MAX_OPERATORS) -> None:
    """Raise BadRequest when text nests brackets deeper than max_nesting or holds more than
    max_operators operators and nesting keywords. One pass, linear in the text; skipped when
    :func:`within_shape_bounds` proves the text within both bounds."""
    if within_shape_bounds(text, max_nesting=max_nesting, max_operators=max_operators):
        return
    depth = operators = 0
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "open":
            depth += 1
            if depth > max_nesting:
                raise BadRequest(f"the request nests brackets more than {max_nesting} deep")
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "op":
            operators += 1
        elif kind == "name":
            value = token.group()
            operators += value.count("-") + (value.upper() in _TREE_WORDS)
        if operators > max_operators:
            raise BadRequest(f"the request has more than {max_operators} operators and "
                             "nesting keywords")


def precheck(text: str, *, max_nesting: int = MAX_NESTING,
             max_operators: int = MAX_OPERATORS) -> Form | None:
    """The web process's check of a query: raises BadRequest past the shape bounds; returns the
    form when the query is proven free of SERVICE and LOAD, else None (a worker must run
    :func:`inspect_query`)."""
    decoded = decode_escapes(text)
    check_shape(text if decoded is None else decoded, max_nesting=max_nesting,
                max_operators=max_operators)
    if decoded is None or may_fetch(text):
        return None
    return query_form(decoded)


# ---------------------------------------------------------------------------------------------
# The full parse: rdflib, in a query worker


def inspect_query(text: str) -> Form:
    """The form of a query (SELECT, ASK, CONSTRUCT or DESCRIBE).

    Raises BadRequest when it does not parse (naming line, column and what was expected) or when
    it uses SERVICE.
    """
    from rdflib.plugins.sparql.parser import parseQuery

    tree = _parse(parseQuery, text, "query")
    _refuse(tree)
    return FORMS[tree[1].name]


def inspect_update(text: str) -> UpdateInfo:
    """What an update request contains. Raises BadRequest when it does not parse or uses LOAD
    or SERVICE."""
    from rdflib.plugins.sparql.parser import parseUpdate

    tree = _parse(parseUpdate, text, "update")
    _refuse(tree)
    # CompValue.get answers the key's own name for a missing key: test membership instead
    names_dataset = any(node.name == "UsingClause" or (node.name == "Modify" and
                                                       "withClause" in node)
                        for node in _nodes(tree))
    operations = list(dict.get(tree, "request", ()))
    resets = [op for op in operations if op.name in ("Drop", "Clear")]
    return UpdateInfo(
        names_dataset=names_dataset,
        operations=tuple(str(op.name) for op in operations),
        all_graphs=bool(resets) and all(dict.get(op, "graphiri") == "ALL" for op in resets),
        nondeterministic=tuple(sorted({NONDETERMINISTIC[node.name] for node in _nodes(tree)
                                       if node.name in NONDETERMINISTIC})))


def warm() -> None:
    """Import rdflib's SPARQL parser and build its query and update grammars, so that the first
    inspection of a process costs one parse only."""
    inspect_query(internal("count-triples").text())
    inspect_update("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")


def _parse(parser: Any, text: str, what: str) -> Any:
    from pyparsing import ParseBaseException

    try:
        with _PARSE_LOCK:
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


def _nodes(value: Any) -> Iterator[Any]:
    """Every CompValue in a parse tree, depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

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
                                 "write DELETE { ... } WHERE { ... }")  # sparql: prose
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
