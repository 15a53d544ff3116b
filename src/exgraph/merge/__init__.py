"""Entity resolution: one canonical IRI per real exercise, with reviewed overrides (data/merges.tsv)."""
