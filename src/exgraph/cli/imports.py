"""``exgraph import free-exercise-db PATH`` and ``exgraph import wger FOLDER``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from exgraph.cli.progress import phase
from exgraph.importers import free_exercise_db, wger
from exgraph.importers.common import ImportRecord
from exgraph.importers.runner import (
    MIN_MAPPED,
    ImportResult,
    clean_up,
    run_import,
    write_result,
)


def _output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--min-mapped", type=click.FloatRange(0, 1), default=MIN_MAPPED, show_default=True,
        help="Fail (write nothing) when a smaller share of the records maps.",
    )(command)
    command = click.option(
        "--into", "into", type=click.Path(file_okay=False, path_type=Path),
        help="Data folder: write DATA_DIR/imported/<dataset>.ttl (replacing it) after validating "
             "DATA_DIR's whole graph with it; match against DATA_DIR instead of data/.",
    )(command)
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="Write the Turtle here (atomically) instead of standard output.",
    )(command)


@click.group("import")
def import_group() -> None:
    """Import an external exercise dataset onto the exgraph vocabulary.

    Order: curated data, then free-exercise-db, then wger (which merges into free-exercise-db's
    resources). The output is validated with the bundled graph before anything is written; a
    summary goes to standard error.

    Each JSON file may hold at most EXGRAPH_MAX_DATASET_BYTES (64 MiB); a name at most 200
    characters, a text 10,000, and no control characters. A malformed file or record stops the
    import with one line naming the file, the record and the field; nothing is written.
    """


@import_group.command("free-exercise-db")
@click.argument("path", type=click.Path(path_type=Path))
@_output_options
def free_exercise_db_command(path: Path, output: Path | None, into: Path | None,
                             min_mapped: float) -> None:
    """Import free-exercise-db from PATH (its dist/exercises.json, or the folder holding it)."""
    _run(free_exercise_db.DATASET, lambda: free_exercise_db.read_records(path),
         free_exercise_db.dataset_source, output, into, min_mapped)


@import_group.command("wger")
@click.argument("folder", type=click.Path(path_type=Path))
@_output_options
def wger_command(folder: Path, output: Path | None, into: Path | None, min_mapped: float) -> None:
    """Import wger from FOLDER (its exercise, translation, muscle, equipment, category,
    license and language fixtures)."""
    _run(wger.DATASET, lambda: wger.read_records(folder), wger.dataset_source, output, into,
         min_mapped)


def _run(dataset: str, read: Callable[[], list[ImportRecord]], source: Callable[[], Any],
         output: Path | None, into: Path | None, min_mapped: float) -> None:
    if output is not None and into is not None:
        raise click.UsageError("give -o/--output or --into, not both")
    for line in clean_up(output=output, into=into):
        click.echo(f"exgraph: {line}", err=True)
    records = read()  # input errors surface before the (slower) graph is loaded
    result: ImportResult = run_import(dataset, records, source(), data_dir=into,
                                      min_mapped=min_mapped, phase=phase)
    write_result(result, output=output, into=into)
    if output is None and into is None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    click.echo(result.summary.text(), err=True)
