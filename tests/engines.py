"""External SPARQL engines for the tests: each yields the exgraph store spec of a new, empty
server it started (the ``oxigraph`` PyPI package's server, or Debian's Virtuoso)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .oxigraph_server import oxigraph_server
from .virtuoso_server import spec_of, virtuoso_server

#: The external engines every external-store test runs against.
ENGINES = ("oxigraph", "virtuoso")


@contextmanager
def external_engine(name: str, location: Path) -> Iterator[str]:
    """Start the engine name with its data in location; yield its store spec."""
    if name == "oxigraph":
        with oxigraph_server(location) as base:
            yield f"sparql+{base}/query"
    elif name == "virtuoso":
        with virtuoso_server(location) as base:
            yield spec_of(base)
    else:
        raise ValueError(f"no engine {name!r}; expected one of {', '.join(ENGINES)}")
