"""``exgraph load``: fill a store with the bundled graph (and --data files), or replace one
source graph of it.

Three ways into an external engine (graph/bulk.py gives the figures): SPARQL Update, the
default (every source graph staged 1,000 triples a request, then one switch: atomic, slow);
``--bulk``, one ``PUT`` of the dataset to Oxigraph server's Graph Store endpoint (replaces the
whole dataset, ~20x faster on the bundled graph); and ``--dump FILE``, the dataset as N-Quads
for the engine's own loader (``oxigraph load``, Virtuoso's ``ld_dir``), which loads it
~30-70x faster than SPARQL Update.
"""

from __future__ import annotations

from pathlib import Path

import click

from exgraph.cli.progress import phase
from exgraph.graph.load import bundled_files, open_store
from exgraph.vocab.terms import SLUG_RE

#: Seconds one request of `exgraph load` may take on an external server: the switch that moves
#: every staged graph and rebuilds the union is one big transaction.
LOAD_TIMEOUT = 300.0


@click.command()
@click.option("--store", "store_spec", default=None, metavar="STORE",
              help="sparql+http://HOST:PORT/PATH (query URL; ?update=PATH if not /update), "
                   "or with --source an on-disk Oxigraph store directory.")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
@click.option("--source", default=None, metavar="NAME",
              help="Replace only the graph of this source (src:NAME) with FILES.")
@click.option("--dump", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the dataset as N-Quads here, for the engine's own bulk loader, "
                   "instead of pushing it (no --store).")
@click.option("--bulk", is_flag=True,
              help="Replace the server's whole dataset with one PUT to its Graph Store "
                   "endpoint (Oxigraph server's /store) instead of SPARQL Update.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))
def load(store_spec: str | None, extra: tuple[Path, ...], source: str | None,
         dump: Path | None, bulk: bool, files: tuple[Path, ...]) -> None:
    """Push the bundled graph (and --data files) to a store: every source graph, and the
    default graph as their union, replaced in one switch at the end (a failed load leaves the
    store as it was).

    With --source NAME and FILES, only that source's graph (src:NAME) is replaced with FILES —
    a re-import or re-ingest of one source — and every other graph is left as it was. The store
    is an external SPARQL server (sparql+http://HOST:PORT/PATH) or, for --source, also an
    on-disk Oxigraph store (a directory that `exgraph serve --store DIR` uses).

    With --dump FILE, the dataset (source graphs, their union as the default graph, a new
    generation stamp) is written as N-Quads for an engine's own loader: `oxigraph load
    --location DIR --file FILE` before `oxigraph serve`, or Virtuoso's ld_dir with the store's
    default-graph IRI (docs/operations.md, "Scaling out"). --bulk sends that file to Oxigraph
    server in one PUT, replacing its dataset (not atomic: load before the apps use it).
    """
    if source is not None:
        if dump or bulk:
            raise click.UsageError("--source replaces one graph: not with --dump or --bulk")
        _replace_source(store_spec, source, files)
        return
    if files:
        raise click.UsageError("FILES go with --source NAME (the graph they replace)")
    if dump is not None:
        if store_spec or bulk:
            raise click.UsageError("--dump writes a file: not with --store or --bulk")
        _dump(dump, extra)
        return
    _push(_remote(store_spec), extra, bulk)


def _remote(store_spec: str | None) -> str:
    """store_spec if it is an external server's (else a usage error)."""
    if not store_spec or not store_spec.startswith(("sparql+http://", "sparql+https://")):
        raise click.BadParameter("expected sparql+http://HOST:PORT/PATH", param_hint="--store")
    return store_spec


def _dump(path: Path, extra: tuple[Path, ...]) -> None:
    from exgraph.graph.bulk import write_dataset
    from exgraph.graph.load import load_oxigraph

    with phase("loading the graph"):
        dataset = load_oxigraph([*bundled_files(), *extra])
    with phase(f"writing {path}"):
        count = write_dataset(dataset, path)
    click.echo(f"wrote {count} quads to {path}", err=True)


def _push(store_spec: str, extra: tuple[Path, ...], bulk: bool) -> None:
    import tempfile

    from exgraph.graph.bulk import put_dataset, write_dataset
    from exgraph.graph.load import load_oxigraph, push_dataset
    from exgraph.graph.remote import RemoteStore

    target = RemoteStore.from_spec(store_spec)
    target.timeout = LOAD_TIMEOUT
    with phase("loading the graph"):
        dataset = load_oxigraph([*bundled_files(), *extra])
    if not bulk:
        with phase(f"pushing to {target.query_url}"):
            count = push_dataset(target, dataset)
        click.echo(f"loaded {count} quads into {target.query_url}", err=True)
        return
    with tempfile.TemporaryDirectory(prefix="exgraph-load-") as tmp:
        path = Path(tmp) / "dataset.nq"
        with phase(f"writing {path}"):
            count = write_dataset(dataset, path)
        del dataset  # at 100k exercises the dataset is GiBs: not held through the upload
        with phase(f"putting the dataset to {target.query_url}"):
            put_dataset(target, path)
    click.echo(f"loaded {count} quads into {target.query_url}", err=True)


def _replace_source(store_spec: str | None, source: str, files: tuple[Path, ...]) -> None:
    from exgraph.graph.load import replace_source
    from exgraph.graph.remote import RemoteStore
    from exgraph.vocab.terms import SOURCE

    if not files:
        raise click.UsageError("--source NAME needs the FILES that make up that source")
    if not SLUG_RE.match(source):
        raise click.BadParameter("a source name such as wger or article-push-up",
                                 param_hint="--source")
    remote = bool(store_spec) and str(store_spec).startswith(("sparql+http://",
                                                                "sparql+https://"))
    if not store_spec or (not remote and not Path(store_spec).is_dir()):
        raise click.BadParameter("expected sparql+http://HOST:PORT/PATH or the directory of an "
                                 "on-disk store", param_hint="--store")
    with phase("opening the store"):
        store = open_store(store_spec)
        if isinstance(store, RemoteStore):
            store.timeout = LOAD_TIMEOUT
    with phase(f"replacing src:{source}"):
        count = replace_source(store, str(SOURCE[source]), files)
    click.echo(f"replaced src:{source} with {count} triples in {store.backend}", err=True)
