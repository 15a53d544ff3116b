"""``exgraph query NAME --param k=v`` (named queries) and ``exgraph sparql QUERY_OR_FILE``.

Both print a table by default, or JSON / CSV with ``--format``. Graph results (CONSTRUCT,
DESCRIBE) print as Turtle, or JSON-LD with ``--format json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
from pyparsing import ParseException
from rdflib.term import Node

from exgraph.cli.session import command_store
from exgraph.errors import ExgraphError
from exgraph.graph.export import serialize
from exgraph.graph.safe_files import InputFileError, limit_setting, read_limited
from exgraph.graph.store import Answer, Row
from exgraph.queries.catalogue import (
    PREFIX_TEXT,
    NamedQuery,
    Param,
    csv_text,
    default_catalogue,
    json_value,
    known_in,
)
from exgraph.records.lookup import canonical_params, param_kinds
from exgraph.vocab.terms import curie

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                      default="table", show_default=True)
DATA = click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
                    help="Extra Turtle file to load beside the bundled graph (repeatable).")
STORE = click.option("--store", "store_spec", default="oxigraph", show_default=True,
                     help="oxigraph, rdflib, a directory, or sparql+http://HOST:PORT/PATH.")
CELL_WIDTH = 60


def compact(term: Node | None) -> str:
    """A term as a table cell: IRIs with the project's prefixes, long text cut at 60 chars."""
    if term is None:
        return ""
    text = str(term)
    if not hasattr(term, "datatype") and (short := curie(text, strict=False)):  # an IRI
        return short
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"


def table(columns: list[str], rows: list[Row]) -> str:
    """Rows as a plain-text table with a header, and a count line."""
    cells = [[compact(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
              for r in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def render_rows(columns: list[str], rows: list[Row], fmt: str) -> str:
    """SELECT rows in fmt: ``table``, ``json`` ({columns, rows}) or ``csv``."""
    if fmt == "json":
        return json.dumps({"columns": columns, "rows": [
            {c: json_value(row.get(c)) for c in columns} for row in rows]},
            indent=2, ensure_ascii=False)
    if fmt == "csv":
        return csv_text(columns, rows).rstrip("\r\n")
    return table(columns, rows)


def _params(pairs: tuple[str, ...]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--param")
        values.setdefault(key.strip(), []).append(value)
    return values


class QueryCommand(click.Command):
    """``exgraph query``, whose help after a NAME (``exgraph query steps --help``) describes
    that query: its title, description, typed parameters and columns."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        helps = set(ctx.help_option_names)
        if not helps & set(args):
            return super().parse_args(ctx, args)
        # read NAME from the rest without failing on what is missing or wrong, then help
        resilient, ctx.resilient_parsing = ctx.resilient_parsing, True
        try:
            super().parse_args(ctx, [a for a in args if a not in helps])
        finally:
            ctx.resilient_parsing = resilient
        name = ctx.params.get("name")
        if not name:
            click.echo(ctx.get_help(), color=ctx.color)
        else:
            try:
                named = default_catalogue().get_query(name)
            except ExgraphError as exc:  # an unknown name: the message lists the known ones
                raise click.ClickException(str(exc)) from None
            click.echo(self.query_help(ctx, named), color=ctx.color)
        ctx.exit()

    def query_help(self, ctx: click.Context, named: NamedQuery) -> str:
        """The help of one named query, laid out like click's own."""
        formatter = ctx.make_formatter()
        usage = [f"-p {p.name}={p.type.name.upper()}{',...' if p.many else ''}" for p in
                 named.params]
        usage = [u if p.required else f"[{u}]" for u, p in zip(usage, named.params, strict=True)]
        formatter.write_usage(f"{ctx.command_path} {named.name}", " ".join([*usage, "[OPTIONS]"]))
        for text in (named.title, named.description):
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)
        with formatter.section("Parameters (-p KEY=VALUE)"):
            if named.params:
                formatter.write_dl([(p.name, _describe(p)) for p in named.params])
            else:
                formatter.write_text("none")
        if named.params:
            types = {p.type.name: p.type.description for p in named.params}
            with formatter.section("Values"):
                formatter.write_dl(list(types.items()))
        with formatter.section("Columns"):
            formatter.write_text(", ".join(named.columns))
        records = [record for param in self.get_params(ctx)
                   if param.name not in ("name", "pairs", "list_queries")
                   and (record := param.get_help_record(ctx)) is not None]
        with formatter.section("Options"):
            formatter.write_dl(records)
        return formatter.getvalue().rstrip("\n")


def _describe(param: Param) -> str:
    """``exercise, required: what it is for`` (the type's values are listed apart)."""
    kind = param.type.name + (" list" if param.many else "")
    need = "required" if param.required else "optional"
    default = f", default {param.default}" if param.default is not None else ""
    return f"{kind}, {need}{default}: {param.description or param.type.description}"


@click.command("query", cls=QueryCommand)
@click.argument("name", required=False)
@click.option("-p", "--param", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeatable; a list parameter may repeat).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@FORMAT
@DATA
@STORE
def query(name: str | None, pairs: tuple[str, ...], list_queries: bool, fmt: str,
          extra: tuple[Path, ...], store_spec: str) -> None:
    """Run the named query NAME (see --list) with --param KEY=VALUE ...

    `exgraph query NAME --help` describes one query: what it answers, its typed parameters and
    its columns.
    """
    catalogue = default_catalogue()
    if list_queries:
        if fmt == "json":
            click.echo(json.dumps([q.as_json() for q in catalogue.values()], indent=2,
                                  ensure_ascii=False))
            return
        for q in catalogue.values():
            params = ", ".join(f"{p.name}{'' if p.required else '?'}: {p.type.name}"
                               + (" list" if p.many else "") for p in q.params)
            click.echo(f"{q.name:<26} {q.title}" + (f"  ({params})" if params else ""))
        return
    if not name:
        raise click.UsageError("name a query, or use --list to see them")
    named = catalogue.get_query(name)  # UnknownQuery -> message naming it, exit 1
    store = command_store(extra, store_spec)
    # an exercise, muscle or equipment may be named by slug, alias, IRI or name
    values = canonical_params(store, param_kinds(named.params), _params(pairs))
    result = named.run(store, values, known_in(store))
    click.echo(render_rows(result.columns, result.rows, fmt))


@click.command("sparql")
@click.argument("query_or_file")
@FORMAT
@DATA
@STORE
def sparql(query_or_file: str, fmt: str, extra: tuple[Path, ...], store_spec: str) -> None:
    """Run a SPARQL query given as text or as a file; the project's prefixes are declared.

    QUERY_OR_FILE is read as a file when it names one, or looks like a path (ends in .rq or
    .sparql, or has no SPARQL keyword and a slash); otherwise it is the query text. Error
    positions refer to the lines of your text.
    """
    text = _query_text(query_or_file)
    store = command_store(extra, store_spec)
    try:
        answer = store.answer(PREFIX_LINE + text)
    except (SyntaxError, ParseException) as exc:  # Oxigraph's parser, rdflib's parser
        raise click.ClickException(f"not a SPARQL query: {exc}") from None
    click.echo(render_answer(answer, fmt))


#: The project's prefixes on one line, so that line N of the user's query is line N of ours.
PREFIX_LINE = PREFIX_TEXT.replace("\n", " ")
_KEYWORD = re.compile(r"\b(select|ask|construct|describe|prefix|base)\b", re.I)


#: The setting that bounds a query file, in bytes.
QUERY_FILE_LIMIT = "MAX_QUERY_FILE_BYTES"


def _query_text(arg: str) -> str:
    """The query: arg itself, or the text of the file arg names (a regular file of at most
    EXGRAPH_MAX_QUERY_FILE_BYTES, read without reading more than that)."""
    path = Path(arg)
    short = "\n" not in arg and len(arg) < 4096
    looks_like_path = short and (
        path.suffix in (".rq", ".sparql") or ("/" in arg and not _KEYWORD.search(arg)))
    if short and (path.is_file() or (looks_like_path and _exists(path))):
        try:
            data = read_limited(path, limit_setting(QUERY_FILE_LIMIT), QUERY_FILE_LIMIT)
            return data.decode("utf-8")
        except InputFileError as exc:
            raise click.ClickException(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"{path}: not UTF-8 text ({exc.reason} at byte "
                                       f"{exc.start})") from None
    if looks_like_path:
        raise click.ClickException(f"{path}: no such file")
    return arg


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def render_answer(answer: Answer, fmt: str) -> str:
    """Any answer in fmt: SELECT rows as a table/JSON/CSV, ASK as true/false, graphs as Turtle
    (``table``) or JSON-LD (``json``)."""
    if answer.kind == "select":
        return render_rows(answer.variables, answer.rows, fmt)
    if answer.kind == "ask":
        value = bool(answer.boolean)
        if fmt == "json":
            return json.dumps({"boolean": value})
        return f"boolean\r\n{str(value).lower()}" if fmt == "csv" else str(value).lower()
    if fmt == "csv":
        raise click.ClickException("CSV is for SELECT and ASK results; a graph prints as "
                                   "Turtle (--format table) or JSON-LD (--format json)")
    assert answer.graph is not None
    graph = answer.graph
    return serialize(graph, "jsonld" if fmt == "json" else "turtle").decode().rstrip("\n")
