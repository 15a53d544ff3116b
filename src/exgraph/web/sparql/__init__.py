"""The SPARQL 1.1 Protocol endpoint: protocol, guard, formats, worker runner."""
