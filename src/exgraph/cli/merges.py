"""``exgraph merges``: the clusters the resolver forms and the near misses, for review."""

from __future__ import annotations

import json
from pathlib import Path

import click

from exgraph.cli.progress import phase
from exgraph.graph.export import serialize, write_atomic
from exgraph.graph.load import bundled_files, load_oxigraph
from exgraph.graph.store import OxigraphStore
from exgraph.merge.apply import ALIASES_FILE, MERGES_FILE, aliases_graph, resolve_store


@click.command("merges")
@click.option("--merges", "merges_file", type=click.Path(dir_okay=False, path_type=Path),
              default=MERGES_FILE, show_default=True, help="Reviewed overrides (TSV).")
@click.option("--write", is_flag=True,
              help=f"Write the alias map to {ALIASES_FILE.name} (atomically) after printing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def merges(merges_file: Path, write: bool, fmt: str) -> None:
    """Print the clusters of resources that are one exercise, and the near misses with their
    scores, so a person can review them (decisions go into data/merges.tsv)."""
    with phase("loading the graph"):
        # the resources as the sources minted them: no aliases applied, and no inferences
        # (they are computed from the merged graph, so reading them here would go round)
        files = [f for f in bundled_files(imported=True) if "inferred" not in f.parts]
        store = OxigraphStore(load_oxigraph(files, canonical=False))
    with phase("resolving the exercises"):
        resolution, mapping = resolve_store(store, merges_file)
    if fmt == "json":
        click.echo(json.dumps({
            "clusters": [{"canonical": c.canonical, "members": list(c.members),
                          "evidence": [vars(p) for p in c.evidence]}
                         for c in resolution.clusters],
            "near_misses": [vars(p) for p in resolution.near_misses],
            "aliases": len(mapping)}, indent=2))
    else:
        for cluster in resolution.clusters:
            others = ", ".join(m for m in cluster.members if m != cluster.canonical)
            click.echo(f"{cluster.canonical}  <=  {others}")
        click.echo(f"({len(resolution.clusters)} new clusters; {len(mapping)} aliases in all)")
        for pair in resolution.near_misses:
            click.echo(f"near miss {pair.score:5.1f}  {pair.a}  /  {pair.b}  ({pair.reason})")
        click.echo(f"({len(resolution.near_misses)} near misses to review)")
    if write:
        write_atomic(ALIASES_FILE, serialize(aliases_graph(mapping), "turtle"))
        click.echo(f"wrote {ALIASES_FILE} ({len(mapping)} aliases)", err=True)


@click.command("infer")
@click.option("--write", is_flag=True, help="Write data/inferred/rules.trig (atomically).")
def infer(write: bool) -> None:
    """Apply the documented inference rules (movement pattern, difficulty estimate, equipment
    named by the exercise) to the bundled graph and print what they state, per rule."""
    from exgraph.config import DATA_DIR
    from exgraph.infer.run_inference import INFERRED_FILE, run_inference

    with phase("applying the inference rules"):
        data, inferences = run_inference()
    for rule in sorted(inferences.facts):
        click.echo(f"{len(inferences.facts[rule]):>6}  {rule}")
    click.echo(", ".join(f"{n} {kind}" for kind, n in sorted(inferences.counts.items())))
    if write:
        target = DATA_DIR / INFERRED_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        click.echo(f"wrote {target} ({len(data)} bytes)", err=True)
