"""SPARQL syntax errors in words a person can act on.

Oxigraph's parser reports ``error at 1:32: expected one of Prefix not found, ['%'], ['-' | '0'
..= '9' | '\\u{00B7}' ...`` — a grammar dump of character classes, 600+ characters for a
missing ``PREFIX rdfs:`` line, the most common mistake of a query pasted from elsewhere. This
module turns such a message (and the query text it is about) into:

- ``line 1, column 22: prefix rdfs: is not declared; add PREFIX rdfs:
  <http://www.w3.org/2000/01/rdf-schema#>`` for an undeclared prefix (the IRI given for the 17
  prefixes the project uses, :data:`exgraph.vocab.terms.PREFIXES`), and
- ``line 1, column 31: unexpected "LIMIT"; expected ".", ":", "}" or a name`` otherwise: the
  token found, and the tokens the grammar would take, with character classes summarised.

The endpoint's JSON error and the workbench (which shows that error) both carry it.
"""

from __future__ import annotations

import re

from exgraph.vocab.terms import PREFIXES

#: Longest message kept (the endpoint's error body is one line for a person, not a dump).
LIMIT = 300
_AT = re.compile(r"^error at (\d+):(\d+): ")
#: A prefixed name (or a bare prefix) ending where the parser stopped.
_PNAME = re.compile(r"([A-Za-z][\w.-]*)?:[\w.%-]*$")
_TOKEN = re.compile(r"\S+?(?=[\s{}().,;]|$)|[{}().,;]")


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and 0-based column in text (clamped)."""
    lines = text.splitlines(keepends=True)
    before = sum(len(t) for t in lines[: max(line - 1, 0)])
    return min(before + max(column, 0), len(text))


def _undeclared_prefix(text: str, offset: int) -> str | None:
    """The prefix of the prefixed name the parser stopped at or just after, if any."""
    # the parser stops after the name and the space that follows it
    match = _PNAME.search(text[:offset].rstrip())
    if match is not None:
        return match.group(1) or ""
    word = re.match(r"([A-Za-z][\w.-]*)?:", text[offset:])
    return (word.group(1) or "") if word else None


def _expected(grammar: str) -> str:
    """The tokens of an ``expected one of ...`` list: quoted ones as they are, character
    classes as "a name" or "a number"."""
    plain = grammar.split("[", 1)[0]
    tokens = [t.strip().strip('"') for t in plain.split(", ")]
    tokens = list(dict.fromkeys(t for t in tokens if t and t != "Prefix not found"))
    words = [f'"{t}"' for t in tokens[:8]] + (["…"] if len(tokens) > 8 else [])
    if "'A' ..= 'Z'" in grammar or "Prefix not found" in grammar:
        words.append("a name")
    elif "'0' ..= '9'" in grammar:
        words.append("a number")
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def explain(message: str, text: str | None = None) -> str:
    """message (Oxigraph's syntax error) in words; text is the query or update it is about."""
    at = _AT.match(message)
    if at is None:
        return message if len(message) <= LIMIT else message[: LIMIT - 1] + "…"
    line, column = int(at.group(1)), int(at.group(2))
    rest = message[at.end():]
    where = f"line {line}, column {column}"
    if text is None:
        said = f"{where}: {rest}"
        return said if len(said) <= LIMIT else said[: LIMIT - 1] + "…"
    offset = _offset(text, line, column)
    if "Prefix not found" in rest:
        prefix = _undeclared_prefix(text, offset)
        if prefix is not None:
            iri = PREFIXES.get(prefix)
            fix = (f"add PREFIX {prefix}: <{iri}>" if iri is not None
                   else f"add a line PREFIX {prefix}: <...> with its namespace IRI")
            return f"{where}: prefix {prefix}: is not declared; {fix}"
    found = _TOKEN.match(text[offset:].lstrip())
    said = f'unexpected "{found.group(0)}"' if found else "unexpected end of the text"
    expected = _expected(rest.removeprefix("expected ").removeprefix("one of "))
    result = f"{where}: {said}" + (f"; expected {expected}" if expected else "")
    return result if len(result) <= LIMIT else result[: LIMIT - 1] + "…"
