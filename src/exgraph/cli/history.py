"""``exgraph users`` (add, list, remove) and ``exgraph log`` (import, progress, volume).

These work on the history directory directly (whoever can read it is its administrator: the
command line needs no token). Each user's log is a file of its own, locked while written: an
import here while ``exgraph serve`` runs on the same directory is safe, and the server reads
the changed log again.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import click

from exgraph.config import DEFAULTS
from exgraph.errors import BadRequest
from exgraph.graph.load import open_store
from exgraph.history.log import History, history_dir
from exgraph.history.mapping import read_mapping, write_mapping
from exgraph.history.parse import FORMATS
from exgraph.history.stats import MAX_WEEKS, progress, volume
from exgraph.records.build import records_for
from exgraph.records.lookup import resolve

_DIR = click.option(
    "--history-dir", type=click.Path(file_okay=False, path_type=Path), envvar="EXGRAPH_HISTORY_DIR",
    help="The history directory (default: the setting HISTORY_DIR, else history/ in the state "
         "directory).")
_USER = click.option("--user", "name", required=True, help="Whose log.")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print the whole answer as JSON.")


def history_for(directory: Path | None) -> History:
    spec = os.environ.get("EXGRAPH_STORE_SPEC", DEFAULTS["STORE_SPEC"])
    return History(history_dir(str(directory) if directory else None, spec))


@click.group()
def users() -> None:
    """Users of the training log (each with a token for /api/v1/me)."""


@users.command("add")
@click.argument("name")
@_DIR
def users_add(name: str, history_dir: Path | None) -> None:
    """Add a user and print their token, once (only its hash is kept)."""
    user, token = history_for(history_dir).users.add(name)
    click.echo(f"user {user.name} added; their token (shown once, keep it):")
    click.echo(token)


@users.command("list")
@_DIR
def users_list(history_dir: Path | None) -> None:
    """The users, with when each was added."""
    for user in history_for(history_dir).users.all():
        click.echo(f"{user.name}\t{user.created}")


@users.command("remove")
@click.argument("name")
@_DIR
def users_remove(name: str, history_dir: Path | None) -> None:
    """Remove a user and their whole log."""
    history = history_for(history_dir)
    history.delete_user(history.users.get(name))
    history.close()
    click.echo(f"user {name} and their log removed")


@click.group("log")
def log() -> None:
    """A user's training log: import an export, see progress and weekly volume."""


@log.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_USER
@click.option("--format", "fmt", type=click.Choice(["auto", *FORMATS]), default="auto",
              show_default=True, help="The export's format (auto: from its header).")
@click.option("--unit", type=click.Choice(["kg", "lb"]), default="kg", show_default=True,
              help="Strong's weight unit (its file does not say; Hevy's does).")
@click.option("--mapping", type=click.Path(dir_okay=False, path_type=Path),
              help="A CSV name,exercise of exercise names to map; names left unmapped are "
                   "added to it with a blank exercise, for you to fill in and import again.")
@_JSON
@_DIR
def log_import(file: Path, name: str, fmt: str, unit: str, mapping: Path | None, as_json: bool,
               history_dir: Path | None) -> None:
    """Import a Strong CSV, Hevy CSV or exgraph JSON into a user's log; report every row."""
    limit = int(os.environ.get("EXGRAPH_MAX_LOG_BYTES", DEFAULTS["MAX_LOG_BYTES"]))
    size = file.stat().st_size
    if size > limit:
        raise BadRequest(f"{file}: {size} bytes; at most {limit} (EXGRAPH_MAX_LOG_BYTES)")
    history = history_for(history_dir)
    user = history.users.get(name)
    known = read_mapping(mapping) if mapping and mapping.exists() else {}
    report = history.import_file(
        user, file.read_bytes(), file.name, open_store("oxigraph"), fmt=fmt, unit=unit,
        mapping=known,
        max_rows=int(os.environ.get("EXGRAPH_MAX_LOG_ROWS", DEFAULTS["MAX_LOG_ROWS"])))
    history.close()
    added = write_mapping(mapping, known, report.unmapped) if mapping and report.unmapped else 0
    body = report.as_json()
    if as_json:
        click.echo(json.dumps(body, indent=1))
        return
    click.echo(f"{file.name} ({body['format']}): {body['rows']} rows, "
               f"{body['imported_sets']} sets imported in {body['new_sessions']} new workouts, "
               f"{body['skipped_rows']} skipped")
    for reason, count in body["skipped_by_reason"].items():
        click.echo(f"  {count:>5}  {reason}")
    if report.unmapped:
        where = f"fill in {mapping} ({added} new rows)" if mapping else \
            "map them with --mapping FILE"
        click.echo(f"unmapped names ({where} and import again):")
        for item in report.unmapped:
            hint = f"; did you mean {', '.join(item['suggestions'][:3])}?" \
                if item["suggestions"] else ""
            click.echo(f"  {item['name']} ({item['rows']} rows){hint}")


@log.command("progress")
@_USER
@click.option("--exercise", required=True, help="Slug, alias, IRI or name of the exercise.")
@_JSON
@_DIR
def log_progress(name: str, exercise: str, as_json: bool, history_dir: Path | None) -> None:
    """Per session of an exercise: best set, estimated 1RM (Epley, Brzycki), volume load."""
    history = history_for(history_dir)
    slug = resolve(open_store("oxigraph"), "exercise", exercise).slug
    rows = progress(history.log(history.users.get(name)), slug)
    history.close()
    if as_json:
        click.echo(json.dumps({"exercise": slug, "sessions": rows}, indent=1))
        return
    click.echo(f"{slug}: {len(rows)} sessions")
    click.echo(f"{'date':<12}{'best set':<18}{'e1RM Epley':>11}{'Brzycki':>9}{'volume kg':>11}")
    for row in rows:
        click.echo(_progress_line(row))


def _progress_line(row: dict[str, Any]) -> str:
    best = row["best_set"]
    shown = f"{best['load']:g} {best['unit']} x {best['reps']}" if best else "-"
    e1rm = row["e1rm_kg"] or {}
    flag = " *" if row["low_confidence"] else ""
    return (f"{row['date']:<12}{shown:<18}{_num(e1rm.get('epley')):>11}"
            f"{_num(e1rm.get('brzycki')):>9}{_num(row['volume_load_kg']):>11}{flag}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


@log.command("volume")
@_USER
@click.option("--weeks", type=click.IntRange(1, MAX_WEEKS), default=4, show_default=True)
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]),
              help="A day in the last week counted (default: the latest workout's).")
@_JSON
@_DIR
def log_volume(name: str, weeks: int, until: Any, as_json: bool,
               history_dir: Path | None) -> None:
    """Weekly sets per muscle group: primary muscles 1, secondary 0.5, stabilizers 0."""
    history = history_for(history_dir)
    day: date | None = until.date() if until else None
    body = volume(history.log(history.users.get(name)), records_for(open_store("oxigraph")),
                  weeks, day)
    history.close()
    if as_json:
        click.echo(json.dumps(body, indent=1))
        return
    for week in body["weeks"]:
        sets = ", ".join(f"{g} {n:g}" for g, n in week["sets"].items()) or "-"
        click.echo(f"{week['week']} (from {week['start']}): {sets}")
