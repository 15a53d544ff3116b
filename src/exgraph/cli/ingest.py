"""``exgraph ingest``: articles → Turtle on standard output, in a file, or into a data directory."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import Graph, URIRef

from exgraph.cli.progress import phase
from exgraph.errors import DataError
from exgraph.graph.export import serialize, write_atomic
from exgraph.graph.safe_files import commit_files, recover, remove_stale
from exgraph.ingest.article_file import (
    Result,
    base_graph,
    ingest_files,
    read_articles,
    target_file,
    validate_with,
)
from exgraph.ingest.model import IngestError, Issue
from exgraph.vocab.terms import curie


@click.command()
@click.argument("articles", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Turtle here (atomically) instead of standard output.")
@click.option("--into", "into", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Write DATA_DIR/articles/<slug>.ttl for each article, after validating "
                   "DATA_DIR's whole graph with them: all of them or, if anything fails, none.")
def ingest(articles: tuple[Path, ...], output: Path | None, into: Path | None) -> None:
    """Turn exercise guide ARTICLES into triples of the exgraph vocabulary.

    Names (muscles, exercises, goals, equipment) resolve to what the graph already has; names it
    does not know become new resources, listed in the report on standard error. An article that
    cannot be understood stops everything: every problem is printed as FILE:LINE: what was
    expected, the exit status is 1 and nothing is written.

    An article file may hold at most EXGRAPH_MAX_ARTICLE_BYTES (1 MiB) of UTF-8 text without
    control characters. With --into, the articles' files are written as one unit: all or none
    (see exgraph.graph.safe_files.commit_files); a run first undoes what a killed run left
    half written in DATA_DIR/articles/ and removes stale temporary files, saying so.
    """
    if output is not None and into is not None:
        raise click.UsageError("use -o/--output or --into, not both")
    _unique_slugs(articles, into)
    texts = read_articles(articles)  # input errors surface before the (slower) graph is loaded
    _clean_up(into, output)
    with phase("loading the graph"):
        base = base_graph(into, articles)
    with phase(f"reading {len(articles)} article(s)"):
        results = ingest_files(articles, base, texts)
    for result in results:
        _report(result)
    with phase("validating with SHACL"):
        report = validate_with(base, (r.graph for r in results))
    if not report.conforms:
        raise DataError("the graph with the ingested articles does not validate; nothing "
                        f"written.\n{report.text}")
    where = "bundled graph" if into is None else f"the graph of {into}"
    click.echo(f"valid: {where} + {len(results)} article(s) conforms to ontology/shapes.ttl",
               err=True)
    if into is not None:
        files = {target_file(into, Path(r.file)).name: serialize(r.graph, "turtle")
                 for r in results}
        try:
            written = commit_files(into / "articles", files)
        except OSError as exc:
            raise click.ClickException(f"cannot write into {into / 'articles'}: "
                                       f"{exc.strerror or exc}; nothing written") from exc
        for path in written:
            click.echo(f"wrote {path} ({len(files[path.name])} bytes)", err=True)
        return
    merged = Graph()
    for result in results:
        merged += result.graph
    data = serialize(merged, "turtle")
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        _write(output, data)


def _unique_slugs(articles: tuple[Path, ...], into: Path | None) -> None:
    """Two articles with one slug would write (and describe) the same source: refuse."""
    seen: dict[Path, Path] = {}
    issues = []
    for path in articles:
        target = target_file(into or Path("."), path)
        if target in seen:
            issues.append(Issue(str(path), None, f"has the same identifier as {seen[target]} "
                                                 f"({target.stem})"))
        seen.setdefault(target, path)
    if issues:
        raise IngestError(issues)


def _clean_up(into: Path | None, output: Path | None) -> None:
    """Undo what a killed run left in the folder written to; remove its stale temporary files."""
    try:
        if into is not None:
            done = recover(into / "articles")
        elif output is not None:
            done = remove_stale(output.parent if str(output.parent) else Path("."), {output.name})
        else:
            done = []
    except OSError as exc:
        raise click.ClickException(f"cannot clean up {exc.filename}: {exc.strerror}") from exc
    for line in done:
        click.echo(f"exgraph: {line}", err=True)


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror}") from exc
    click.echo(f"wrote {path} ({len(data)} bytes)", err=True)


def _short(iri: URIRef) -> str:
    return curie(str(iri), strict=False) or f"<{iri}>"


def _report(result: Result) -> None:
    """What one article gave, on standard error."""
    new = {n.iri for n in result.new}
    state = "new" if result.exercise in new else "existing"
    click.echo(f'{result.file}: {_short(result.exercise)} "{result.exercise_label}" ({state}), '
         f"{len(result.graph)} triples", err=True)
    article = result.article
    counts = [
        _count(sum(len(row.muscles) for row in article.muscles), "muscle"),
        _count(len(article.steps), "step"), _count(len(article.benefits), "benefit"),
        _count(len(article.mistakes), "mistake"),
        _count(len(article.programming), "programming row"),
        _count(len(article.comparisons), "comparison"),
        _count(len(article.alternatives), "alternative"),
        f"equipment {', '.join(_short(e) for e in result.equipment) or 'none'}",
    ]
    click.echo("  " + ", ".join(counts), err=True)
    for resource in result.new:
        click.echo(f'  new {resource.kind}: {_short(resource.iri)} "{resource.label}" '
             f"(line {resource.line})", err=True)
    for warning in result.warnings:
        click.echo(f"  warning: {warning}", err=True)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
