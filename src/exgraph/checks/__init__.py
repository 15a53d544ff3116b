"""Fact checks over the whole graph: rules as SPARQL files (``queries/checks/``) run on the
effective facts of every exercise, suspects resolved by corrections or reviewed exceptions."""
