"""``exgraph plan``: a weekly training plan from the graph, printed as a table (or exported)."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import click

from exgraph.cli.history import history_for
from exgraph.cli.session import command_store
from exgraph.history.plan import HistoryPlan, plan_from_history
from exgraph.plans import Plan, plan_for
from exgraph.plans.export import plan_ics, plan_json, plan_rdf
from exgraph.plans.request import LEVELS

FORMATS = ("table", "json", "turtle", "jsonld", "ics")


def _many(values: tuple[str, ...]) -> list[str]:
    return [p.strip() for value in values for p in value.split(",") if p.strip()]


@click.command("plan")
@click.option("--goal", required=True, help="A goal of the graph: technique, hypertrophy, "
              "strength, strength-endurance or power.")
@click.option("--days", required=True, type=click.IntRange(1, 6), help="Training days a week.")
@click.option("--equipment", multiple=True, metavar="KINDS",
              help="What you have, comma-separated (e.g. dumbbell,bench); none: bodyweight only.")
@click.option("--level", type=click.Choice(LEVELS), default="beginner", show_default=True)
@click.option("--session-minutes", type=click.IntRange(15, 240),
              help="Longest session, in minutes (default 75).")
@click.option("--emphasise", multiple=True, metavar="MUSCLES",
              help="Muscles or groups to train more (slugs, comma-separated).")
@click.option("--avoid", multiple=True, metavar="MUSCLES",
              help="Muscles or groups never loaded as a prime mover (e.g. erector-spinae).")
@click.option("--include", multiple=True, metavar="EXERCISE",
              help="An exercise the plan must hold (name, alias or slug; repeatable).")
@click.option("--exclude", multiple=True, metavar="EXERCISE",
              help="An exercise the plan must not hold (name, alias or slug; repeatable).")
@click.option("--weeks", type=click.IntRange(4, 8), default=6, show_default=True,
              help="Weeks of progression.")
@click.option("--seed", type=click.IntRange(0, 2**32 - 1),
              help="Vary the choice among equally good exercises.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]),
              help="Date of the first session (needed by --format ics).")
@click.option("--explain", is_flag=True, help="Print why each exercise and number was chosen.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
# -- training history (issue 26) ----------------------------------------------------------------
@click.option("--history-user", metavar="NAME",
              help="Continue from this user's training log (exgraph users/log): loads for the "
                   "next session, extra sets for groups under their range, substitutes they "
                   "do (docs/history.md). Formats table and json.")
@click.option("--history-dir", type=click.Path(file_okay=False, path_type=Path),
              envvar="EXGRAPH_HISTORY_DIR", help="The history directory (see exgraph log).")
# ------------------------------------------------------------------------------------------------
def plan(goal: str, days: int, equipment: tuple[str, ...], level: str,
         session_minutes: int | None, emphasise: tuple[str, ...], avoid: tuple[str, ...],
         include: tuple[str, ...], exclude: tuple[str, ...], weeks: int, seed: int | None,
         start: dt.datetime | None, explain: bool, fmt: str, output: Path | None,
         extra: tuple[Path, ...], history_user: str | None = None,
         history_dir: Path | None = None) -> None:
    """Build a weekly plan for a goal, equipment and days a week, with sets, reps, rest and load
    from the graph (each number's source named) and a progression over --weeks. A request whose
    plan would break a plan rule (docs/plans.md) exits 1 naming the rule and why."""
    if fmt == "ics" and start is None:
        raise click.UsageError("--format ics needs --start YYYY-MM-DD")
    store = command_store(extra)
    values: dict[str, Any] = {
        "goal": goal, "days": days, "level": level, "equipment": _many(equipment),
        "emphasise": _many(emphasise), "avoid": _many(avoid), "weeks": weeks,
        # names, aliases, slugs: plan_for resolves them (exgraph.records.lookup)
        "include": list(include), "exclude": list(exclude),
        "session_minutes": session_minutes, "seed": seed,
        "start": start.date().isoformat() if start else None}
    if history_user is not None:  # training history (issue 26)
        _history_output(store, values, history_user, history_dir, fmt, explain, output)
        return
    built = plan_for(store, values)
    if fmt == "json":
        text = json.dumps(plan_json(built), indent=2, ensure_ascii=False) + "\n"
    elif fmt in ("turtle", "jsonld"):
        text = plan_rdf(built, fmt).decode()
    elif fmt == "ics":
        assert built.request.start is not None
        text = plan_ics(built, built.request.start)
    else:
        text = table(built, explain)
    if output is not None:
        output.write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {output} ({len(text.encode())} bytes)", err=True)
    else:
        click.echo(text, nl=False)


def _span(low: int | None, high: int | None, unit: str = "") -> str:
    if low is None or high is None:
        return "-"
    return (f"{low}" if low == high else f"{low}-{high}") + unit


def table(built: Plan, explain: bool = False) -> str:
    """The plan as text: one table per day, weekly sets, coverage, progression and sources."""
    doc = plan_json(built)
    r = doc["request"]
    lines = [f"{doc['goal']['name']} plan: {r['days']} day{'s' if r['days'] > 1 else ''} a "
             f"week, {doc['split']}, {doc['level']}; equipment: "
             f"{', '.join(r['equipment']) or 'none (bodyweight only)'}"]
    for day in doc["days"]:
        lines += ["", f"Day {day['day']} ({day['weekday'][:3]}) {day['name']}, about "
                      f"{round(day['minutes'])} min",
                  f"  {'#':>2}  {'Exercise':<34} {'Sets':>4}  {'Reps':<6} {'Rest s':<8} "
                  "Numbers from"]
        for item in day["exercises"]:
            source = item["numbers"]["source"]
            origin = ("own " if item["numbers"]["from"] == "exercise" else "default ") + (
                source["id"] if source else "?")
            lines.append(f"  {item['position']:>2}  {item['name'][:34]:<34} {item['sets']:>4}  "
                         f"{_span(item['reps']['min'], item['reps']['max']):<6} "
                         f"{_span(item['rest_seconds']['min'], item['rest_seconds']['max']):<8} "
                         f"{origin}")
            if explain:
                sub = item["substitutes_for"]
                if sub:
                    lines += textwrap.wrap(
                        f"in place of {sub['name']}: {sub['because']}; "
                        + "; ".join(sub["reasons"]), 96, initial_indent="        ",
                        subsequent_indent="          ")
                for reason in [*item["why"], f"load: {item['load']}"]:
                    lines += textwrap.wrap(reason, 96, initial_indent="        - ",
                                           subsequent_indent="          ")
    lines += ["", "Weekly sets per muscle group (1 per set as a prime mover, 0.5 as a secondary "
                  "mover):"]
    for row in doc["weekly_sets"]:
        lines.append(f"  {row['name']:<22} {row['total']:>5g}  (primary {row['primary_sets']:g}"
                     f", secondary {row['secondary_sets']:g}; prime mover on {row['sessions']} "
                     f"day{'s' if row['sessions'] != 1 else ''})")
    lines += ["", "Major groups, days a week as a prime mover:"]
    for row in doc["coverage"]:
        lines.append(f"  {row['name']:<40} {row['sessions']}"
                     + (f"  ({row['why']})" if row["why"] else ""))
    lines += ["", f"Progression over {r['weeks']} weeks (sets x reps; + = add load):"]
    for ex in doc["exercises"]:
        weeks = "  ".join(f"w{w['week']} {'+' if w['action'] == 'add load' else ''}"
                          f"{w['sets']}x{w['reps']}" for w in ex["progression"]["weeks"])
        lines.append(f"  {ex['name'][:34]:<34} {weeks}")
    rules = {(e["progression"]["rule"], (e["progression"]["source"] or {}).get("id", "?"))
             for e in doc["exercises"]}
    for rule, source in sorted(rules):
        lines += textwrap.wrap(f"rule ({source}): {rule}", 100, initial_indent="  ",
                               subsequent_indent="    ")
    if doc["notes"]:
        lines += ["", "Notes:"] + [f"  - {note}" for note in doc["notes"]]
    lines += ["", "Sources:"] + [f"  {s['id']}: {s['name']} <{s['iri']}>" for s in doc["sources"]]
    return "\n".join(lines) + "\n"


# -- training history (issue 26) ----------------------------------------------------------------

def history_plan(store: Any, values: dict[str, Any], name: str, directory: Path | None
                 ) -> HistoryPlan:
    """The plan continued from NAME's log (the history directory as ``exgraph log`` finds it)."""
    history = history_for(directory)
    return plan_from_history(store, values, history.log(history.users.get(name)))


def _history_output(store: Any, values: dict[str, Any], name: str, directory: Path | None,
                    fmt: str, explain: bool, output: Path | None) -> None:
    if fmt not in ("table", "json"):
        raise click.UsageError("--history-user gives --format table or json")
    found = history_plan(store, values, name, directory)
    text = (json.dumps(plan_json(found.plan) | {"history": found.as_json()}, indent=2,
                       ensure_ascii=False) + "\n") if fmt == "json" else \
        table(found.plan, explain) + history_table(found.as_json())
    if output is not None:
        output.write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {output} ({len(text.encode())} bytes)", err=True)
    else:
        click.echo(text, nl=False)


def history_table(doc: dict[str, Any]) -> str:
    """What the log changed in the plan, every number with the logged sets behind it."""
    lines = ["", "From your log (docs/history.md):"]
    for swap in doc["replaced"]:
        lines += textwrap.wrap(f"{swap['by_name']} in place of {swap['name']}: {swap['why']}",
                               96, initial_indent="  - ", subsequent_indent="    ")
    for kept in doc["not_replaced"]:
        lines += textwrap.wrap(f"{kept['name']} kept: {kept['why']}", 96,
                               initial_indent="  - ", subsequent_indent="    ")
    under = [v for v in doc["volume"] if v["under"]]
    for row in under:
        lines.append(f"  - {row['name']}: {row['logged_weekly_sets']:g} sets a week logged "
                     f"({row['weeks'][0]} to {row['weeks'][-1]}), under {row['range'][0]}: "
                     "emphasised")
    lines += ["", "Next session:"]
    for load in doc["next_session"]:
        amount = f"{load['load']:g} {load['unit']}" if load["load"] is not None else "-"
        reps = load["reps"] if load["reps"] is not None else "-"
        spots = ", ".join(f"{c['file']}:{c.get('line', c.get('path'))}"
                          for c in load["from_sets"][:4])
        more = len(load["from_sets"]) - 4
        lines.append(f"  {load['name'][:34]:<34} {amount:>9} x {reps!s:<3} {load['rule']:<9}"
                     + (f" from {spots}" + (f" (+{more})" if more > 0 else "") if spots else ""))
    for note in doc["notes"]:
        lines.append(f"  note: {note}")
    return "\n".join(lines) + "\n"
