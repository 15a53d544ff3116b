"""Entity resolution: one canonical IRI per real exercise, with reviewed overrides.

The overrides are in ``data/merges.tsv``.
"""
