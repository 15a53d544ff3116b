"""Stores behind one interface (embedded Oxigraph, rdflib, a remote SPARQL server), loading,
validation, export."""
