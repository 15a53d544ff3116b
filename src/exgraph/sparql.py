"""The SPARQL 1.1 Protocol endpoint at /sparql (being built: see issue 3)."""

from flask import Blueprint

bp = Blueprint("sparql", __name__)
