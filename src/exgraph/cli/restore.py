"""``exgraph restore SNAPSHOT --store STORE``: put a snapshot of the write path back.

Snapshots are what the SPARQL endpoint writes before a destructive update
(:mod:`exgraph.graph.backups`): every quad of the store as N-Quads. Restoring checks the
snapshot first (it must parse, hold a default graph, and it and every source graph must
conform to ontology/shapes.ttl), then
replaces the whole store in one transaction: an on-disk Oxigraph store (one update that drops
everything and inserts the snapshot, as ``exgraph load --source`` replaces a graph) or an
external SPARQL server (``exgraph load``'s switch: staged graphs moved into place at once, with
a new generation stamp that the app processes sharing the server notice).
"""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox

from exgraph.cli.progress import phase
from exgraph.errors import DataError
from exgraph.graph.store import ox_bytes


@click.command()
@click.argument("snapshot", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", "store_spec", required=True, metavar="STORE",
              help="The directory of an on-disk Oxigraph store (what `exgraph serve --store DIR` "
                   "uses; stop that server first) or sparql+http://HOST:PORT/PATH.")
def restore(snapshot: Path, store_spec: str) -> None:
    """Replace every graph of STORE with those of SNAPSHOT (an N-Quads file written before a
    destructive SPARQL Update, see EXGRAPH_SNAPSHOT_DIR).

    The snapshot is read and validated against ontology/shapes.ttl first, the served graph and
    then every source graph on its own (as `exgraph validate --per-source`): one that does not
    parse or does not conform is refused and the store is left as it was. The replacement is
    one transaction. A server on an on-disk store serves the restored data once restarted; app
    processes on an external server see it within a second (the generation stamp).
    """
    from exgraph.graph.backups import read_snapshot
    from exgraph.graph.load import push_dataset
    from exgraph.graph.remote import RemoteStore
    from exgraph.graph.store import OxigraphStore, oxigraph_to_graph
    from exgraph.graph.validate import strict_shapes_graph, validate_graph, validate_sources

    remote = store_spec.startswith(("sparql+http://", "sparql+https://"))
    if not remote and Path(store_spec).exists() and not Path(store_spec).is_dir():
        raise click.BadParameter("expected sparql+http://HOST:PORT/PATH or the directory of an "
                                 "on-disk store", param_hint="--store")
    with phase("reading the snapshot"):
        data = read_snapshot(snapshot)
    served = oxigraph_to_graph(data)
    if not len(served):
        raise DataError(f"{snapshot}: the snapshot's default graph (the served graph) is empty; "
                        f"nothing restored")
    with phase("validating with SHACL"):
        report = validate_graph(served, shapes=strict_shapes_graph())
    if not report.conforms:
        first = report.problems[0]
        raise DataError(f"{snapshot}: does not conform to ontology/shapes.ttl "
                        f"({len(report.problems)} problem(s), first: {first.focus} "
                        f"{first.message}); nothing restored")
    with phase("validating every source graph with SHACL"):
        sources = validate_sources(OxigraphStore(data))
    for name, source_report in sources.items():
        if not source_report.conforms:
            first = source_report.problems[0]
            raise DataError(f"{snapshot}: the graph <{name}> does not conform to "
                            f"ontology/shapes.ttl ({len(source_report.problems)} problem(s), "
                            f"first: {first.focus} {first.message}); nothing restored")
    quads = len(data)
    graphs = len(list(data.named_graphs()))
    if remote:
        from exgraph.cli.load import LOAD_TIMEOUT

        target = RemoteStore.from_spec(store_spec)
        target.timeout = LOAD_TIMEOUT
        with phase(f"pushing to {target.query_url}"):
            count = push_dataset(target, data)
        click.echo(f"restored {snapshot}: {count} quads in {graphs} named graphs (the default "
                   f"graph rebuilt as their union) into {target.query_url}; app processes on "
                   f"it see the new data within a second", err=True)
        return
    directory = Path(store_spec)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        disk = ox.Store(str(directory))
    except OSError as exc:
        raise DataError(f"cannot open the Oxigraph store in {directory}: {exc} (is `exgraph "
                        f"serve --store {directory}` running? stop it first)") from None
    before = len(disk)
    with phase(f"replacing the store in {directory}"):
        disk.update(replace_all(data))
        disk.flush()
    click.echo(f"restored {snapshot}: {quads} quads ({len(served)} in the default graph, "
               f"{graphs} named graphs) into {directory}, replacing {before} quads; restart "
               f"`exgraph serve --store {directory}` to serve them", err=True)


def replace_all(data: ox.Store) -> str:
    """One update that empties a store and inserts every quad of data (one transaction)."""
    parts = ["DROP ALL ;\nINSERT DATA {\n",
             ox_bytes(data.dump(format=ox.RdfFormat.N_TRIPLES,
                                from_graph=ox.DefaultGraph())).decode("utf-8")]
    for graph in sorted(data.named_graphs(), key=str):
        body = ox_bytes(data.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph))
        parts += [f"GRAPH {graph} {{\n", body.decode("utf-8"), "}\n"]
    parts.append("}")
    return "".join(parts)
