"""HTTP: the app factory, request context, caches; api/ (JSON API, exports), sparql/ (the SPARQL
1.1 endpoint)."""
