"""SPARQL in files: the ``.rq`` format with a typed header, its parser and its renderer.

Every query of exgraph lives in a ``.rq`` file under ``queries/``: the named queries people run
(``queries/*.rq``, the catalogue of :mod:`exgraph.queries.catalogue`), the fact checks
(``queries/checks/``) and the queries the code runs itself (``queries/internal/``, read with
:func:`internal`). A file starts with a comment header, then the query or update (without
PREFIX lines: every prefix of :data:`exgraph.vocab.terms.PREFIXES` is declared for it)::

    # title: Alternatives to an exercise
    # description: ...
    # param: exercise: exercise (required) — slug or IRI
    # param: difficulty: difficulty (optional) — low | moderate | high
    # param: limit: integer (optional, default 100) — the most rows
    SELECT ... WHERE { ?_exercise exg:alternative ?alternative . ... }

Conventions, checked when the file is loaded (:class:`~exgraph.errors.DataError` naming the file):

* A parameter ``name`` appears in the query as the variable ``?_name``; every declared parameter
  is used and every ``?_…`` variable is declared.
* Lines between ``#if name`` and ``#endif`` are kept only when ``name`` has a value. Outside such
  blocks, an optional parameter left out stays a variable and so matches anything.
* The query parses (it is run once on an empty store with sample values; an update is parsed).

Values are checked against their type and turned into RDF terms built here — IRIs from slugs
that match :data:`~exgraph.vocab.terms.SLUG_RE` (or full IRIs in the exgraph namespace), integers
from ``int()``, roles and difficulties through :data:`~exgraph.vocab.terms.ROLES` and
:data:`~exgraph.vocab.terms.DIFFICULTIES`, search text restricted to a safe alphabet; the
internal ``iri`` type takes any absolute IRI without characters that could end it. Those terms
are written into the query text in place of ``?_name`` so that the engine sees constants; user
text itself never is. A value that is not a valid term of its type raises
:class:`~exgraph.errors.BadRequest` naming the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from exgraph.config import QUERIES_DIR
from exgraph.errors import BadRequest, DataError
from exgraph.graph.rq_types import (
    CATEGORIES,
    INTEGER_RE,
    IRI_RE,
    SAMPLES,
    TEXT_RE,
    TYPES,
    Known,
    ParamType,
    serialize_term,
)
from exgraph.graph.store import Row, Store
from exgraph.vocab.terms import PREFIXES

__all__ = ["CATEGORIES", "INTEGER_RE", "IRI_RE", "PREFIX_TEXT", "SAMPLES", "TEXT_RE", "TYPES",
           "Known", "NamedQuery", "Param", "ParamType", "Result", "internal", "parse_query",
           "sequence", "serialize_term"]


# ---------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class Param:
    """A declared parameter of a named query."""

    name: str
    type: ParamType
    required: bool
    many: bool = False  # "<type> list": several values, written space-separated (for VALUES)
    default: str | None = None
    description: str = ""

    def as_json(self) -> dict[str, object]:
        """The parameter as the API and ``query --list`` describe it."""
        return {"name": self.name, "type": self.type.name + (" list" if self.many else ""),
                "required": self.required, "default": self.default,
                "description": self.description or self.type.description}


@dataclass(frozen=True)
class Result:
    """Rows of a named query, with the projected columns in order."""

    columns: list[str]
    rows: list[Row]


HEADER_RE = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
PARAM_RE = re.compile(
    r"^(?P<name>[a-z][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+)(?P<many>\s+list)?\s*"
    # the description follows an em dash, an en dash or hyphens
    r"\((?P<flags>[^)]*)\)\s*(?:[\u2014\u2013-]+\s*(?P<description>.*))?$")
IF_RE = re.compile(r"^\s*#if\s+(\S+)\s*$")
ENDIF_RE = re.compile(r"^\s*#endif\s*$")
PARAM_VAR_RE = re.compile(r"[?$]_([A-Za-z0-9_]+)")
#: A list parameter right after ``IN (`` / ``NOT IN (``: SPARQL's IN takes an expression list, so
#: its terms are written with commas (elsewhere, in VALUES, with spaces).
IN_LIST_RE = re.compile(r"\bIN\s*\(\s*$", re.IGNORECASE)
PREFIX_TEXT = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


@dataclass(frozen=True)
class NamedQuery:
    """One named query: its header and body. Build with :func:`parse_query`."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    body: str
    columns: tuple[str, ...]
    source: str = ""
    _by_name: dict[str, Param] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_name.update({p.name: p for p in self.params})

    def as_json(self) -> dict[str, object]:
        """The query as the catalogue lists it."""
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [p.as_json() for p in self.params], "columns": list(self.columns)}

    def bind(self, values: Mapping[str, str | Sequence[str]],
             known: Known | None = None) -> dict[str, list[Node]]:
        """Check values (text, or lists of text) and turn them into terms, defaults applied.

        ``known`` (optional) rejects IRIs of things the graph does not have. Raises BadRequest
        naming the parameter: unknown parameter, missing required one, or a value that is not a
        valid term of the parameter's type.
        """
        for key in values:
            if key not in self._by_name:
                raise BadRequest(f"unknown parameter {key!r} for query {self.name!r}; "
                                 f"it takes: {', '.join(self._by_name) or 'no parameters'}")
        bound: dict[str, list[Node]] = {}
        for param in self.params:
            raw = values.get(param.name)
            texts = _texts(raw, param.many)
            if not texts and param.default is not None:
                texts = _texts(param.default, param.many)
            if not texts:
                if param.required:
                    raise BadRequest(f"parameter {param.name!r} of query {self.name!r} is "
                                     f"required ({param.type.description})")
                continue
            if len(texts) > 1 and not param.many:
                raise BadRequest(f"parameter {param.name!r} takes one value, got {len(texts)}")
            terms = []
            for text in texts:
                try:
                    term = param.type.parse(text)
                except ValueError as exc:
                    raise BadRequest(f"parameter {param.name!r}: {exc}") from None
                kind = param.type.kind
                if (known is not None and kind is not None and isinstance(term, URIRef)
                        and term not in CATEGORIES.values() and not known(kind, term)):
                    raise BadRequest(f"parameter {param.name!r}: no {kind} {text.strip()!r} "
                                     "in the graph")
                terms.append(term)
            # a repeated value would repeat every answer (VALUES rows are a bag)
            bound[param.name] = list(dict.fromkeys(terms))
        return bound

    def render(self, bound: Mapping[str, Sequence[Node]], *, limit: int | None = None,
               offset: int | None = None) -> str:
        """The SPARQL text for bound terms (from :meth:`bind`), with prefixes.

        ``limit``/``offset`` page the result (for queries without LIMIT/OFFSET of their own).
        """
        lines: list[str] = []
        keep = True
        for line in self.body.splitlines():
            if m := IF_RE.match(line):
                keep = m.group(1) in bound
            elif ENDIF_RE.match(line):
                keep = True
            elif keep:
                lines.append(line)
        text = "\n".join(lines)

        def substitute(m: re.Match[str]) -> str:
            terms = bound.get(m.group(1))
            if not terms:
                return m.group(0)
            separator = ", " if IN_LIST_RE.search(m.string, 0, m.start()) else " "
            return separator.join(serialize_term(t) for t in terms)

        text = PARAM_VAR_RE.sub(substitute, text)
        if limit is not None:
            text += f"\nLIMIT {int(limit)}"
        if offset:
            text += f"\nOFFSET {int(offset)}"
        return PREFIX_TEXT + text

    def run(self, store: Store, values: Mapping[str, str | Sequence[str]],
            known: Known | None = None) -> Result:
        """Bind values and run the query on store. Raises BadRequest for a bad value."""
        return Result(list(self.columns), store.select(self.render(self.bind(values, known))))

    def text(self, **values: Node | str | Sequence[Node | str]) -> str:
        """The SPARQL text with values bound, for queries the code runs itself: each value is
        an RDF term (written as it is, if safe) or text parsed by the parameter's type.

        Raises ValueError for an undeclared parameter, a missing required one or a bad value:
        a bug in the caller, not bad input."""
        bound: dict[str, list[Node]] = {}
        for name, value in values.items():
            param = self._by_name.get(name)
            if param is None:
                raise ValueError(f"query {self.name!r} has no parameter {name!r}")
            items = [value] if isinstance(value, Node | str) else list(value)
            bound[name] = [v if isinstance(v, Node) else param.type.parse(v) for v in items]
        for param in self.params:
            if param.required and not bound.get(param.name):
                raise ValueError(f"query {self.name!r}: parameter {param.name!r} is required")
        return self.render(bound)

    @property
    def is_update(self) -> bool:
        """Whether the text is a SPARQL update (INSERT, DELETE, ...) rather than a query."""
        return _is_update(self.body)


def _texts(raw: str | Sequence[str] | None, many: bool) -> list[str]:
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    if many:  # "a,b" and repeated values both give several
        items = [part for item in items for part in item.split(",")]
    return [item for item in items if item.strip()]


def parse_query(text: str, name: str, source: str = "") -> NamedQuery:
    """Parse a named query's text (header and body); ``source`` names it in errors.

    Raises DataError: missing title or description, a malformed ``# param:`` line, an unknown
    type, a declared parameter the query does not use, a ``?_name`` that is not declared,
    unbalanced ``#if``/``#endif``, a PREFIX line, or a query that does not parse.
    """
    where = source or name
    header: dict[str, str] = {}
    params: list[Param] = []
    lines = text.splitlines()
    start = 0
    for start, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("#") or IF_RE.match(stripped):
            break
        m = HEADER_RE.match(stripped)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key != "param":
            header[key] = value
            continue
        params.append(_parse_param(value, f"{where}:{start + 1}"))
    else:
        start = len(lines)
    body = "\n".join(lines[start:]).strip() + "\n"
    for key in ("title", "description"):
        if not header.get(key):
            raise DataError(f"{where}: the header has no '# {key}:' line")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise DataError(f"{where}: a parameter is declared twice: {names}")
    if re.search(r"^\s*(PREFIX|BASE)\b", body, flags=re.IGNORECASE | re.MULTILINE):
        raise DataError(f"{where}: no PREFIX/BASE lines: every exgraph prefix is declared")
    _check_blocks(body, {p.name: p for p in params}, where)
    used = set(PARAM_VAR_RE.findall(_strip_comments(body)))
    for param in params:
        if param.name not in used:
            raise DataError(f"{where}: parameter {param.name!r} is declared but ?_{param.name} "
                            "does not appear in the query")
    for var in sorted(used - set(names)):
        raise DataError(f"{where}: ?_{var} is used in the query but not declared "
                        f"(add '# param: {var}: TYPE (required|optional) — ...')")
    columns = _projection(body, where)
    query = NamedQuery(name, header["title"], header["description"], tuple(params), body,
                       tuple(columns), where)
    _check_parses(query, where)
    return query


def _parse_param(value: str, where: str) -> Param:
    m = PARAM_RE.match(value)
    if not m:
        raise DataError(f"{where}: expected '# param: NAME: TYPE (required|optional[, default "
                        f"VALUE]) — description', got {value!r}")
    if m.group("type") not in TYPES:
        raise DataError(f"{where}: unknown parameter type {m.group('type')!r}; "
                        f"use one of {', '.join(TYPES)}")
    flags = [f.strip() for f in m.group("flags").split(",")]
    if flags[0] not in ("required", "optional"):
        raise DataError(f"{where}: say 'required' or 'optional' first, got {flags[0]!r}")
    default = None
    for flag in flags[1:]:
        dm = re.match(r"^default\s*[= ]\s*(.+)$", flag)
        if not dm:
            raise DataError(f"{where}: unknown flag {flag!r} (only 'default VALUE')")
        default = dm.group(1).strip()
    ptype = TYPES[m.group("type")]
    if default is not None:
        try:
            ptype.parse(default)
        except ValueError as exc:
            raise DataError(f"{where}: bad default: {exc}") from None
    return Param(m.group("name"), ptype, flags[0] == "required", bool(m.group("many")),
                 default, (m.group("description") or "").strip())


def _check_blocks(body: str, params: Mapping[str, Param], where: str) -> None:
    open_block: str | None = None
    for number, line in enumerate(body.splitlines(), 1):
        if m := IF_RE.match(line):
            name = m.group(1)
            if open_block is not None:
                raise DataError(f"{where}: body line {number}: #if blocks do not nest")
            if name not in params:
                raise DataError(f"{where}: body line {number}: #if {name}: no such parameter")
            if params[name].required or params[name].default is not None:
                raise DataError(f"{where}: body line {number}: #if {name}: the parameter "
                                "always has a value (required or defaulted)")
            open_block = name
        elif ENDIF_RE.match(line):
            if open_block is None:
                raise DataError(f"{where}: body line {number}: #endif without #if")
            open_block = None
    if open_block is not None:
        raise DataError(f"{where}: '#if {open_block}' is never closed with #endif")


def _strip_comments(text: str) -> str:
    """SPARQL text without comments (a # outside IRIs and strings starts one)."""
    out: list[str] = []
    for line in text.splitlines():
        quote: str | None = None
        for i, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = None
            elif char in "\"'":
                quote = char
            elif char == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", line[i:]):
                quote = ">"
            elif char == "#":
                line = line[:i]
                break
        out.append(line)
    return "\n".join(out)


_UPDATE_RE = re.compile(r"^\s*(INSERT|DELETE|WITH|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b",
                        flags=re.IGNORECASE)


def _is_update(body: str) -> bool:
    return bool(_UPDATE_RE.match(_strip_comments(body)))


def _projection(body: str, where: str) -> list[str]:
    """The projected variables of the query's SELECT clause, in order."""
    text = _strip_comments(body)
    if _is_update(body):
        return []
    form = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", text, flags=re.IGNORECASE)
    if form and form.group(1).upper() in ("CONSTRUCT", "ASK", "DESCRIBE"):
        return []  # queries the code runs itself; the catalogue takes SELECT only
    m = re.search(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", text, flags=re.IGNORECASE | re.DOTALL)
    if not m:
        raise DataError(f"{where}: a named query is a SELECT or CONSTRUCT query")
    clause = re.sub(r"^\s*(DISTINCT|REDUCED)\b", "", m.group(1), flags=re.IGNORECASE)
    if clause.strip() == "*":
        raise DataError(f"{where}: name the columns instead of SELECT *")
    columns: list[str] = []
    depth = 0
    for token in re.finditer(r"\(|\)|\bAS\s+[?$](\w+)|[?$](\w+)", clause, flags=re.IGNORECASE):
        if token.group(0) == "(":
            depth += 1
        elif token.group(0) == ")":
            depth -= 1
        elif token.group(1):
            columns.append(token.group(1))
        elif depth == 0:
            columns.append(token.group(2))
    return columns


def _check_parses(query: NamedQuery, where: str) -> None:
    samples = {p.name: [p.type.parse(SAMPLES[p.type.name])] for p in query.params}
    try:
        if query.is_update:
            ox.Store().update(query.render(samples))
        else:
            ox.Store().query(query.render(samples))
    except SyntaxError as exc:
        raise DataError(f"{where}: not valid SPARQL: {exc}") from None


#: The queries and updates the code runs itself (not in the catalogue people browse).
INTERNAL_DIR = QUERIES_DIR / "internal"


@cache
def internal(name: str) -> NamedQuery:
    """The query ``queries/internal/NAME.rq``, parsed and checked once per process.

    Raises DataError naming the file when it is missing or malformed (a broken install)."""
    path = INTERNAL_DIR / f"{name}.rq"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read the internal query: {exc.strerror}") from None
    return parse_query(text, name, str(path))


def sequence(*updates: str) -> str:
    """Updates rendered by :meth:`NamedQuery.text` (or plain update text) as one request, in
    order, with one prologue: Oxigraph takes PREFIX lines only at the start of a request."""
    bodies = [text.removeprefix(PREFIX_TEXT).strip() for text in updates]
    return PREFIX_TEXT + " ;\n".join(body for body in bodies if body)
