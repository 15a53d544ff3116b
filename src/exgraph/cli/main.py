"""The ``exgraph`` command line: validate, export, serve, and (registered below) more."""

from __future__ import annotations

import errno
import importlib
import os
import socket
import sys
from pathlib import Path
from typing import Any

import click

from exgraph.cli.progress import phase
from exgraph.errors import ExgraphError
from exgraph.graph.load import load_graph, open_store
from exgraph.graph.rq import internal

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
    "plan": "exgraph.cli.plan:plan",
    "restore": "exgraph.cli.restore:restore",
    "load": "exgraph.cli.load:load",
    # issue 22: fact checks
    "check": "exgraph.cli.check:check",
    # training history (issue 26)
    "users": "exgraph.cli.history:users",
    "log": "exgraph.cli.history:log",
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


#: -h as well as --help, on the group and (inherited through the context) on every command.
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


@click.group(cls=Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="exgraph")
def main() -> None:
    """exgraph: a knowledge graph of strength-training exercises."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--alone", is_flag=True,
              help="Validate FILES with the ontology only, not beside the bundled data.")
@click.option("--per-source", is_flag=True,
              help="Also validate each source graph on its own (what one source must not "
                   "say twice), naming the source of each problem.")
def validate(files: tuple[Path, ...], alone: bool, per_source: bool) -> None:
    """Check the bundled graph, with FILES added, against ontology/shapes.ttl.

    FILES are validated beside the bundled data so that the muscles and equipment they refer to
    resolve (--alone: with the ontology only). The served graph (the union of the sources) is
    checked; with --per-source each source graph is checked on its own too. Exit 0 when it
    conforms; otherwise print every problem (resource, constraint, path, value) and exit 1.
    """
    from exgraph.config import ONTOLOGY_FILE
    from exgraph.graph.safe_files import check_input_file, limit_setting
    from exgraph.graph.validate import strict_shapes_graph, validate_graph

    for path in files:  # regular files within EXGRAPH_MAX_DATA_FILE_BYTES (Oxigraph streams them)
        check_input_file(path, limit_setting("MAX_DATA_FILE_BYTES"), "MAX_DATA_FILE_BYTES")
    with phase("loading the graph"):
        graph = load_graph(files=[ONTOLOGY_FILE, *files]) if alone else load_graph(files)
    with phase("validating with SHACL"):
        report = validate_graph(graph, shapes=strict_shapes_graph())
    click.echo(report.text)
    failed = not report.conforms
    if per_source:
        from exgraph.graph.validate import validate_sources

        with phase("validating each source graph"):
            store = (open_store("oxigraph", graph=graph) if alone
                     else open_store("oxigraph", files))
            reports = validate_sources(store)
        for name, source_report in reports.items():
            if source_report.conforms:
                click.echo(f"{name}: conforms on its own")
            else:
                failed = True
                click.echo(f"{name}: {source_report.text}")
    if failed:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt",
              type=click.Choice(["turtle", "ntriples", "jsonld", "nquads", "trig"]),
              default="turtle", show_default=True,
              help="nquads and trig carry every source graph; the others the union.")
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
@click.option("--conflicts", "show_conflicts", is_flag=True,
              help="List the facts two sources disagree on (difficulty, primary muscles).")
def info(extra: tuple[Path, ...], show_conflicts: bool) -> None:
    """Print a summary of the graph: triples and resources per class, and triples per source
    graph; with --conflicts, the facts two sources disagree on (both kept, never an error)."""
    store = open_store("oxigraph", extra)
    if show_conflicts:
        from exgraph.queries.conflicts import conflicts

        found = conflicts(store)
        for conflict in found:
            click.echo(conflict.text())
        click.echo(f"({len(found)} conflicts)")
        return
    rows = store.select(internal("class-counts").text())
    click.echo(f"{len(store)} triples")
    for row in rows:
        click.echo(f"{int(str(row['n'])):>8}  {row['class']}")
    graphs = store.select(internal("graph-counts").text())
    if graphs:
        click.echo("triples per source graph:")
        for row in graphs:
            click.echo(f"{int(str(row['n'])):>8}  {row['g']}")


def _from_setting(key: str) -> str:
    """How --help shows the default of an option that falls back to a setting."""
    from exgraph.config import DEFAULTS

    return f"$EXGRAPH_{key} or {DEFAULTS[key]}"


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface, as in a container).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on (0: any free port).")
@click.option("--data", "extra", multiple=True, type=click.Path(path_type=Path),
              show_default="none",
              help="Extra Turtle file to load beside the bundled graph (repeatable).")
@click.option("--store", "store_spec", default=None, show_default=_from_setting("STORE_SPEC"),
              help="oxigraph (memory), rdflib, a directory for Oxigraph on disk, "
                   "or sparql+http://HOST:PORT/PATH for an external SPARQL server.")
@click.option("--threads", type=click.IntRange(1), default=None,
              show_default=_from_setting("THREADS"), help="waitress request threads.")
@click.option("--query-timeout", type=float, default=None,
              show_default=_from_setting("QUERY_TIMEOUT"), help="Seconds per /sparql query.")
@click.option("--max-rows", type=int, default=None, show_default=_from_setting("MAX_ROWS"),
              help="Result-row cap per /sparql query.")
@click.option("--workers", type=int, default=None, show_default=_from_setting("SPARQL_WORKERS"),
              help="Worker processes for /sparql queries.")
@click.option("--update-token-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, envvar="EXGRAPH_UPDATE_TOKEN_FILE", show_envvar=True,
              show_default="none: SPARQL Update refused unless EXGRAPH_UPDATE_TOKEN is set",
              help="File whose first line is the bearer token that allows SPARQL Update (wins "
                   "over the EXGRAPH_UPDATE_TOKEN variable). Never on the command line itself: "
                   "every local user could read it there (ps).")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="With --data: check the bundled graph and the files against "
                   "ontology/shapes.ttl before listening (as `exgraph validate FILES`), and "
                   "refuse to serve a graph that does not conform.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="One line per request on standard output (Common Log Format + seconds).")
@click.option("--debug", is_flag=True, show_default=True,
              help="Flask's debug server instead of waitress.")
def serve(host: str, port: int, extra: tuple[Path, ...], store_spec: str | None,
          threads: int | None, query_timeout: float | None, max_rows: int | None,
          workers: int | None, update_token_file: Path | None, validate: bool,
          access_log: bool, debug: bool) -> None:
    """Serve the SPARQL endpoint, the JSON API and the exports over HTTP.

    Every setting can also come from an EXGRAPH_* variable (the README's settings table); an
    option wins over its variable. waitress runs with the settings THREADS, CONNECTION_LIMIT,
    CHANNEL_TIMEOUT and CLEANUP_INTERVAL, at most CONNECTIONS_PER_ADDRESS connections from one
    client address and HEADER_TIMEOUT seconds for a request head; /sparql may use at most
    THREADS - 2 threads at once.
    The address is checked before the graph is loaded: a port in use or an unknown host is a
    one-line error.
    """
    check_can_listen(host, port)  # before seconds of loading, and before claiming to serve
    from exgraph.web.startup import QuietStart  # issue 25: no collection while starting

    quiet = QuietStart()
    click.get_current_context().call_on_close(quiet.abandon)  # a failed start: back on
    import logging

    from exgraph.cli.access_log import AccessLog, configure
    from exgraph.web.app import create_app
    from exgraph.web.cache import state

    config: dict[str, object] = {}
    if store_spec is not None:
        config["STORE_SPEC"] = store_spec
    if extra:
        config["EXTRA_DATA"] = [str(p) for p in extra]
    if query_timeout is not None:
        config["QUERY_TIMEOUT"] = query_timeout
    if max_rows is not None:
        config["MAX_ROWS"] = max_rows
    if workers is not None:
        config["SPARQL_WORKERS"] = workers
    if threads is not None:
        config["THREADS"] = threads
    if os.environ.get("EXGRAPH_UPDATE_TOKEN"):  # as written: not read as JSON ("1e3")
        config["UPDATE_TOKEN"] = os.environ["EXGRAPH_UPDATE_TOKEN"]
    if update_token_file is not None:
        config["UPDATE_TOKEN_FILE"] = str(update_token_file)
    with phase("loading the graph"):
        app = create_app(config)
    if validate and app.config["EXTRA_DATA"]:
        check_served_graph(app)
    waitress_options = server_options(app.config)
    store = app.extensions["exgraph_store"]
    from exgraph.queries.substitutes import engine_for

    with phase("preparing the exercise records and the substitutes engine"):
        # before listening, so the first request of the headline question waits for nothing
        # (the records come back from the snapshot cache on unchanged data: ~0.7 s, not ~3 s)
        engine_for(store)
    quiet.settle()  # issue 25: collection on again, what the start built frozen
    logging.basicConfig()  # waitress's own warnings (queue depth, ...) on standard error
    wsgi_app: Any = app
    if access_log:
        wsgi_app = AccessLog(app, configure())
    if debug:
        _serving(state(app).triples, store.backend, host, port)
        app.run(host=host, port=port, debug=True, use_reloader=False)
        return
    from waitress.server import create_server

    try:
        server = create_server(wsgi_app, host=host, port=port, ident="exgraph",
                               **waitress_options)
    except (OSError, ValueError) as exc:  # taken since the check; waitress's own refusals
        raise click.ClickException(f"cannot serve on {_address(host, port)}: "
                                   f"{getattr(exc, 'strerror', None) or exc}") from None
    # issue 21: a per-address connection cap and a deadline for the request head
    from exgraph.cli.guarded_server import guard

    guard(server, per_address=int(app.config["CONNECTIONS_PER_ADDRESS"]),
          head_timeout=float(app.config["HEADER_TIMEOUT"]))
    _serving(state(app).triples, store.backend, host, int(getattr(server, "effective_port", port)))
    server.run()


#: Problems `exgraph serve` prints of a graph that does not conform.
SHOWN_PROBLEMS = 5


def check_served_graph(app: Any) -> None:
    """Validate the graph app serves (bundled data and EXTRA_DATA) against the shapes and
    record the outcome for /readyz; on violation print the first problems and exit 1."""
    from exgraph.graph.remote import RemoteStore
    from exgraph.graph.validate import strict_shapes_graph, validate_graph
    from exgraph.web.app import VALIDATION_KEY

    store = app.extensions["exgraph_store"]
    if isinstance(store, RemoteStore):  # its data is whatever `exgraph load` put there
        return
    with phase("validating with SHACL"):
        report = validate_graph(store.to_graph(), shapes=strict_shapes_graph())
    app.extensions[VALIDATION_KEY] = report
    if report.conforms:
        return
    files = " ".join(str(f) for f in app.config["EXTRA_DATA"])
    click.echo(f"exgraph: not serving: the graph with {files} does not conform to "
               f"ontology/shapes.ttl ({len(report.problems)} problem(s); --no-validate serves "
               f"it anyway):", err=True)
    for problem in report.problems[:SHOWN_PROBLEMS]:
        click.echo(str(problem), err=True)
    if len(report.problems) > SHOWN_PROBLEMS:
        click.echo(f"... and {len(report.problems) - SHOWN_PROBLEMS} more "
                   f"(exgraph validate {files})", err=True)
    sys.exit(1)


def _address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _serving(triples: int, backend: str, host: str, port: int) -> None:
    click.echo(f"exgraph: {triples} triples on {backend}; serving "
               f"http://{_address(host, port)}/ (SPARQL at /sparql, API at /api/v1/)", err=True)


#: What to do about the errors binding a port gives.
_LISTEN_HINTS = {
    errno.EADDRINUSE: "another server is listening there; stop it or choose another --port",
    errno.EADDRNOTAVAIL: "not an address of this machine; try 127.0.0.1 or 0.0.0.0",
    errno.EACCES: "ports below 1024 need privileges; choose a --port above 1023",
}


def check_can_listen(host: str, port: int) -> None:
    """Raise a one-line ClickException when host:port cannot be listened on: an unknown host,
    a port in use, an address not of this machine or a privileged port. Binds and closes a
    socket for every address host resolves to (as the server will)."""
    where = _address(host, port)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise click.ClickException(f"cannot serve on {where}: unknown host ({reason})") from None
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as waitress does
            try:
                sock.bind(address)
            except OSError as exc:
                hint = _LISTEN_HINTS.get(exc.errno or 0)
                raise click.ClickException(
                    f"cannot serve on {where}: {exc.strerror or exc}"
                    + (f" ({hint})" if hint else "")) from None


def server_options(config: dict[str, Any]) -> dict[str, Any]:
    """waitress's options from the app's settings, and the settings they imply: /sparql and the
    API together get at most THREADS - 2 threads (so /healthz and /readyz always find one), and
    the process may open enough files for CONNECTION_LIMIT."""
    threads = max(int(config["THREADS"]), 4)
    sparql = max(1, min(int(config["SPARQL_CONCURRENCY"]), threads - 3))
    config["SPARQL_CONCURRENCY"] = sparql
    config["API_CONCURRENCY"] = max(1, min(int(config["API_CONCURRENCY"]), threads - 2 - sparql))
    connections = int(config["CONNECTION_LIMIT"])
    _raise_open_files(connections + 256)  # + workers' pipes, the store, the logs
    return {
        "threads": threads,
        "connection_limit": connections,
        # waitress's default (1024) overflowed when the 2,200 slow and idle clients of the soak
        # reconnected at once: the kernel dropped 6 connections in 150 s (ListenDrops), and a
        # health probe whose SYN is dropped twice waits 1 + 3 s for its retries (CI's one miss)
        "backlog": int(config["BACKLOG"]),
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
