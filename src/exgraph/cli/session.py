"""The store a command reads: the bundled graph opened for the run, or one its caller holds open.

Every command that reads the graph (``query``, ``sparql``, ``substitutes``, ``plan``) gets its
store from :func:`command_store`. Run from a shell, that opens the bundled graph (from the store
snapshot cache: about 3 s with the imports on a quiet machine, then the records and the
substitutes engine read back beside it). A program that runs many commands — a notebook, a
script answering for several exercises, the test that walks every alias through the CLI — can
open the graph once and hand it to each run::

    from click.testing import CliRunner
    from exgraph.cli.main import main
    from exgraph.cli.session import Session

    session = Session(open_store("oxigraph"))
    CliRunner().invoke(main, ["substitutes", "deadlifts", "--format", "json"], obj=session)

(or ``main(args, obj=session)``). The command then runs exactly as from the shell — the same
argument parsing, lookup, command code and output — on that store. A run given ``--data FILE``,
or ``--store`` other than the default, still opens its own store: its graph is not the one held.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from exgraph.graph.load import open_store
from exgraph.graph.store import Store

#: The store spec a command opens by default (``--store`` of ``query`` and ``sparql``).
DEFAULT_SPEC = "oxigraph"


@dataclass
class Session:
    """What a caller holds open for the commands it runs (click's context object)."""

    store: Store | None = None


def command_store(extra: Iterable[Path] = (), spec: str = DEFAULT_SPEC) -> Store:
    """The store the running command reads: the session's when the caller gave one and the
    command asks for the bundled graph (the default spec, no ``--data``), else opened."""
    files = tuple(extra)
    ctx = click.get_current_context(silent=True)
    session = ctx.find_object(Session) if ctx is not None else None
    if session is not None and session.store is not None and not files and spec == DEFAULT_SPEC:
        return session.store
    return open_store(spec, files)
