"""``exgraph check``: the fact checks over the graph, suspects by rule, with counts."""

from __future__ import annotations

import json
from pathlib import Path

import click

from exgraph.checks.corrections import CORRECTIONS_TTL, corrections_graph, read_corrections
from exgraph.checks.run import EXCEPTIONS_FILE, load_rules, read_exceptions, run_checks
from exgraph.cli.progress import phase
from exgraph.graph.export import serialize, write_atomic
from exgraph.graph.load import open_store


@click.command("check")
@click.option("--store", "store_spec", default="oxigraph", show_default=True,
              help="oxigraph, rdflib, a directory, or sparql+http://HOST:PORT/PATH.")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
@click.option("--rule", "only", multiple=True, metavar="RULE",
              help="Run only this rule (repeatable); see --list.")
@click.option("--exceptions", "exceptions_file", type=click.Path(dir_okay=False, path_type=Path),
              default=EXCEPTIONS_FILE, show_default=True,
              help="Reviewed exceptions (TSV: rule, exercise, reason).")
@click.option("--all", "show_all", is_flag=True,
              help="List the excepted suspects too, not only the unresolved ones.")
@click.option("--list", "list_rules", is_flag=True, help="List the rules and exit.")
@click.option("--write-corrections", is_flag=True,
              help="Write data/reviewed/corrections.ttl from data/corrections.tsv and exit.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def check(store_spec: str, extra: tuple[Path, ...], only: tuple[str, ...],
          exceptions_file: Path, show_all: bool, list_rules: bool, write_corrections: bool,
          fmt: str) -> None:
    """Run the fact checks (queries/checks/*.rq) on the effective facts of the graph and list
    the suspects by rule, with counts: found, excepted (data/check-exceptions.tsv), unresolved.

    Exit 0 when every suspect is resolved, 1 when some are not (or an exception is stale).
    """
    if write_corrections:
        corrections = read_corrections()
        CORRECTIONS_TTL.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(CORRECTIONS_TTL, serialize(corrections_graph(corrections), "turtle"))
        click.echo(f"wrote {CORRECTIONS_TTL} ({len(corrections)} corrections)", err=True)
        return
    rules = load_rules()
    if list_rules:
        for rule in rules:
            click.echo(f"{rule.id:32}  {rule.title}")
        return
    exceptions = read_exceptions(exceptions_file, rules=[r.id for r in rules])
    with phase("loading the graph"):
        store = open_store(store_spec, extra)
    with phase("running the checks"):
        report = run_checks(store, rules=rules, exceptions=exceptions, only=only)
    if fmt == "json":
        click.echo(json.dumps({
            "rules": [{"rule": r.rule.id, "title": r.rule.title, "found": len(r.suspects),
                       "excepted": len(r.excepted), "unresolved": len(r.unresolved),
                       "suspects": [{"exercise": s.exercise, "detail": s.detail,
                                     "excepted": s in r.excepted}
                                    for s in (r.suspects if show_all else r.unresolved)]}
                      for r in report.results],
            "unresolved": report.unresolved,
            "stale_exceptions": [{"rule": k[0], "exercise": k[1]} for k in report.stale],
        }, indent=2))
    else:
        for result in report.results:
            click.echo(f"{result.rule.id}: {len(result.suspects)} found, "
                       f"{len(result.excepted)} excepted, {len(result.unresolved)} unresolved"
                       f" — {result.rule.title}")
            for suspect in (result.suspects if show_all else result.unresolved):
                mark = "  excepted " if suspect in result.excepted else "  "
                click.echo(f"{mark}{suspect.exercise}: {suspect.detail}")
        for rule_id, exercise in report.stale:
            click.echo(f"stale exception: {rule_id} {exercise} (no longer a suspect)")
        click.echo(f"{sum(len(r.suspects) for r in report.results)} suspects, "
                   f"{report.unresolved} unresolved, {len(report.stale)} stale exceptions")
    if report.unresolved or report.stale:
        raise SystemExit(1)
