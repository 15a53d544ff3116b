"""The ``exgraph`` command line: validate, export, serve, and (registered below) more."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from exgraph.errors import ExgraphError
from exgraph.graph.load import load_graph, open_store

#: Commands that live in their own modules, imported only when used: `exgraph serve` should not
#: pay for pySHACL and the ingest parser at start-up.
LAZY_COMMANDS: dict[str, str] = {
    "ingest": "exgraph.cli.ingest:ingest",
    "import": "exgraph.cli.imports:import_group",
    "query": "exgraph.cli.query:query",
    "sparql": "exgraph.cli.query:sparql",
    "merges": "exgraph.cli.merges:merges",
    "infer": "exgraph.cli.merges:infer",
    "substitutes": "exgraph.cli.substitutes:substitutes",
}


class Group(click.Group):
    """A click group that turns project errors into a one-line message and exit status 1, and
    imports the commands of :data:`LAZY_COMMANDS` on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module_name, attr = LAZY_COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attr)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ExgraphError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Group)
@click.version_option(package_name="exgraph")
def main() -> None:
    """exgraph: a knowledge graph of strength-training exercises."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--alone", is_flag=True,
              help="Validate FILES with the ontology only, not beside the bundled data.")
def validate(files: tuple[Path, ...], alone: bool) -> None:
    """Check the bundled graph, with FILES added, against ontology/shapes.ttl.

    FILES are validated beside the bundled data so that the muscles and equipment they refer to
    resolve (--alone: with the ontology only). Exit 0 when it conforms; otherwise print every
    problem (resource, constraint, path, value) and exit 1.
    """
    from exgraph.config import ONTOLOGY_FILE
    from exgraph.graph.validate import validate_graph

    graph = load_graph(files=[ONTOLOGY_FILE, *files]) if alone else load_graph(files)
    report = validate_graph(graph)
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "jsonld"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically) instead of standard output.")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
def export(fmt: str, output: Path | None, extra: tuple[Path, ...]) -> None:
    """Export the graph: deterministic, the same bytes for the same graph."""
    from exgraph.graph.export import serialize, write_atomic

    data = serialize(open_store("oxigraph", extra), fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        try:
            write_atomic(output, data)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror}") from exc
        click.echo(f"wrote {output} ({len(data)} bytes, {fmt})", err=True)


@main.command()
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
def info(extra: tuple[Path, ...]) -> None:
    """Print a summary of the graph: triples and resources per class."""
    store = open_store("oxigraph", extra)
    rows = store.select(
        "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)"
    )
    click.echo(f"{len(store)} triples")
    for row in rows:
        click.echo(f"{int(row['n']):>8}  {row['class']}")


@main.command()
@click.option("--store", "store_spec", required=True, metavar="sparql+http://HOST:PORT/PATH",
              help="The external SPARQL 1.1 server (query URL; ?update=PATH if not /update).")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
def load(store_spec: str, extra: tuple[Path, ...]) -> None:
    """Push the bundled graph (and --data files) to an external SPARQL server.

    The server's default graph is replaced in one switch at the end: a failed load leaves it as
    it was.
    """
    from exgraph.graph.remote import RemoteStore

    if not store_spec.startswith(("sparql+http://", "sparql+https://")):
        raise click.BadParameter("expected sparql+http://HOST:PORT/PATH", param_hint="--store")
    remote = RemoteStore.from_spec(store_spec)
    graph = load_graph(extra)
    count = remote.replace_default_graph(graph)
    click.echo(f"loaded {count} triples into {remote.query_url}", err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
@click.option("--store", "store_spec", default="oxigraph", show_default=True,
              help="oxigraph (memory), rdflib, a directory for Oxigraph on disk, "
                   "or sparql+http://HOST:PORT/PATH for an external SPARQL server.")
@click.option("--threads", type=int, default=None,
              help="waitress threads (setting THREADS, default 16).")
@click.option("--query-timeout", type=float, default=None, help="Seconds per /sparql query.")
@click.option("--max-rows", type=int, default=None, help="Result-row cap per /sparql query.")
@click.option("--workers", type=int, default=None, help="Worker processes for /sparql queries.")
@click.option("--update-token", default=None, envvar="EXGRAPH_UPDATE_TOKEN",
              help="Allow SPARQL Update to requests that carry this bearer token. On the command "
                   "line it is visible to every local user (ps): prefer --update-token-file or "
                   "the EXGRAPH_UPDATE_TOKEN variable.")
@click.option("--update-token-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, envvar="EXGRAPH_UPDATE_TOKEN_FILE",
              help="File whose first line is the update token (wins over --update-token).")
@click.option("--debug", is_flag=True, help="Flask's debug server instead of waitress.")
def serve(host: str, port: int, extra: tuple[Path, ...], store_spec: str, threads: int | None,
          query_timeout: float | None, max_rows: int | None, workers: int | None,
          update_token: str | None, update_token_file: Path | None, debug: bool) -> None:
    """Serve the SPARQL endpoint, the JSON API and the exports over HTTP.

    waitress runs with the settings THREADS, CONNECTION_LIMIT, CHANNEL_TIMEOUT and
    CLEANUP_INTERVAL (EXGRAPH_* variables); /sparql may use at most THREADS - 2 threads at once.
    """
    from exgraph.web.app import create_app
    from exgraph.web.cache import state

    config: dict[str, object] = {"STORE_SPEC": store_spec, "EXTRA_DATA": [str(p) for p in extra]}
    if query_timeout is not None:
        config["QUERY_TIMEOUT"] = query_timeout
    if max_rows is not None:
        config["MAX_ROWS"] = max_rows
    if workers is not None:
        config["SPARQL_WORKERS"] = workers
    if threads is not None:
        config["THREADS"] = threads
    if update_token:
        source = click.get_current_context().get_parameter_source("update_token")
        if source is ParameterSource.COMMANDLINE:
            click.echo("exgraph: warning: --update-token on the command line is visible to "
                       "every local user; use --update-token-file or EXGRAPH_UPDATE_TOKEN",
                       err=True)
        config["UPDATE_TOKEN"] = update_token
    if update_token_file is not None:
        config["UPDATE_TOKEN_FILE"] = str(update_token_file)
    app = create_app(config)
    waitress_options = server_options(app.config)
    store = app.extensions["exgraph_store"]
    click.echo(f"exgraph: {state(app).triples} triples on {store.backend}; serving "
               f"http://{host}:{port}/ (SPARQL at /sparql, API at /api/v1/)", err=True)
    if debug:
        app.run(host=host, port=port, debug=True, use_reloader=False)
    else:
        from waitress import serve as waitress_serve

        waitress_serve(app, host=host, port=port, ident="exgraph", **waitress_options)


def server_options(config: dict[str, Any]) -> dict[str, Any]:
    """waitress's options from the app's settings, and the settings they imply: /sparql gets at
    most THREADS - 2 threads, and the process may open enough files for CONNECTION_LIMIT."""
    threads = max(int(config["THREADS"]), 3)
    config["SPARQL_CONCURRENCY"] = max(1, min(int(config["SPARQL_CONCURRENCY"]), threads - 2))
    connections = int(config["CONNECTION_LIMIT"])
    _raise_open_files(connections + 256)  # + workers' pipes, the store, the logs
    return {
        "threads": threads,
        "connection_limit": connections,
        "channel_timeout": int(config["CHANNEL_TIMEOUT"]),
        "cleanup_interval": int(config["CLEANUP_INTERVAL"]),
        # poll(), not select(): select() cannot watch descriptors past 1023
        "asyncore_use_poll": True,
        # the largest body any route reads is a /sparql query or update
        "max_request_body_size": max(1 << 20, 4 * int(config["MAX_QUERY_BYTES"])),
    }


def _raise_open_files(wanted: int) -> None:
    """Raise the soft limit on open files towards wanted (never above the hard limit)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
