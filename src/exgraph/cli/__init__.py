"""The ``exgraph`` command line: one click group (``main``), one module per command family."""

from exgraph.cli.main import main

__all__ = ["main"]
