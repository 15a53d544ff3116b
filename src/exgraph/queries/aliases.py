"""Aliases of merged resources: the IRIs a duplicate had before entity resolution."""

from __future__ import annotations

from rdflib import URIRef

from exgraph.graph.rq import internal
from exgraph.graph.store import Store

ALIASES_QUERY = internal("aliases").text()


def alias_map(store: Store) -> dict[URIRef, URIRef]:
    """alias IRI → canonical IRI, for every ``owl:sameAs`` of the graph (data/aliases.ttl)."""
    return {URIRef(str(r["alias"])): URIRef(str(r["canonical"]))
            for r in store.select(ALIASES_QUERY)
            if isinstance(r.get("alias"), URIRef) and isinstance(r.get("canonical"), URIRef)}
