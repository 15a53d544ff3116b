"""``exgraph substitutes NAME``: the ranked substitutes of an exercise, with reasons."""

from __future__ import annotations

import json
from pathlib import Path

import click

from exgraph.cli.session import command_store
from exgraph.queries.substitutes import engine_for, filters_for
from exgraph.records.lookup import exercise_slug


@click.command("substitutes")
@click.argument("name")
@click.option("--without", "without", multiple=True, metavar="EQUIPMENT",
              help="Equipment (kind or category, e.g. machine) a substitute must not need; "
                   "repeatable or comma-separated.")
@click.option("--equipment", "has", multiple=True, metavar="EQUIPMENT",
              help="What you have (e.g. dumbbell,bench): substitutes need nothing else.")
@click.option("--difficulty", type=click.Choice(["low", "moderate", "high"]),
              help="Only substitutes that come at this level.")
@click.option("--max-difficulty", type=click.Choice(["low", "moderate", "high"]),
              help="Only substitutes at this level or easier.")
@click.option("--cover-primary", is_flag=True,
              help="Only substitutes that work every primary muscle group of the exercise.")
@click.option("--include-unknown", is_flag=True,
              help="Let exercises whose equipment or difficulty is unknown pass the filters.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
def substitutes(name: str, without: tuple[str, ...], has: tuple[str, ...],
                difficulty: str | None, max_difficulty: str | None, cover_primary: bool,
                include_unknown: bool, limit: int, fmt: str, extra: tuple[Path, ...]) -> None:
    """Rank what can stand in for the exercise NAME (a name, alias or slug), with the reasons."""
    store = command_store(extra)
    slug = exercise_slug(store, name)
    engine = engine_for(store)
    values: dict[str, list[str]] = {"exclude_equipment": list(without), "limit": [str(limit)]}
    if has:
        values["equipment"] = list(has)
    if difficulty:
        values["difficulty"] = [difficulty]
    if max_difficulty:
        values["max_difficulty"] = [max_difficulty]
    if cover_primary:
        values["cover"] = ["primary"]
    if include_unknown:
        values["include_unknown"] = ["true"]
    ranked = engine.rank(slug, filters_for(store, values))  # equipment by name too
    target = engine.exercise(slug)
    if fmt == "json":
        click.echo(json.dumps({"exercise": slug, "items": [
            s.as_json(engine.labels) for s in ranked]}, indent=2, ensure_ascii=False))
        return
    click.echo(f"Substitutes for {target.name} ({slug})")
    for position, sub in enumerate(ranked, start=1):
        ex = sub.exercise
        level = "/".join(lv for lv in ("low", "moderate", "high") if lv in ex.levels) or "?"
        if ex.difficulty_estimated:
            level += " (est.)"
        click.echo(f"{position:>2}. {ex.name}  [{ex.slug}]  score {sub.score:.2f}  "
                   f"{sub.tier}  {level}")
        for reason in sub.reasons:
            click.echo(f"      - {reason}")
    if not ranked:
        click.echo("(no substitute passes these filters)")
