"""The vocabulary in Python: namespaces, fixed terms, slug and IRI rules, name keys."""
