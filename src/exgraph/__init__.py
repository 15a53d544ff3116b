"""exgraph: a knowledge graph of strength-training exercises and the service over it.

The Python API, for programs that use the graph without HTTP::

    import exgraph

    store = exgraph.open_graph()                      # the bundled graph, on Oxigraph
    rows = exgraph.run_query(store, "alternatives",
                             {"exercise": "machine-back-extension", "exclude_equipment": "machine"})
    doc = exgraph.exercise_document(store, "machine-back-extension")
    subs = exgraph.substitutes(store, "machine-back-extension", exclude_equipment="machine")

Names are imported on first use, so ``import exgraph`` stays cheap (the SPARQL workers import
a submodule of it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "exercise_document", "open_graph", "run_query", "substitutes"]

if TYPE_CHECKING:
    from exgraph.api import exercise_document, open_graph, run_query, substitutes


def __getattr__(name: str) -> Any:
    if name in __all__:
        from exgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'exgraph' has no attribute {name!r}")
